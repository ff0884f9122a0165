"""Lint's places come from the load cache once found: the same places, and the same findings, as
checking the files finds."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import generate, to_yaml
from click.testing import CliRunner

from careergraph.cli import cli
from careergraph.graph import build_graph
from careergraph.lint import Finding, lint
from careergraph.load import cache, load_layers, parse_layers
from careergraph.load.places import HEADS, PLACES, PackedPlaces, pack_places
from careergraph.model import CareerMap, Place

pytestmark = pytest.mark.slow


def _planted() -> tuple[dict[str, Any], dict[str, Any]]:
    """A generated map with mistakes of every kind of place planted, and an overlay to it."""
    data = generate(300)
    roles = data["roles"]
    ids = sorted(roles)
    first, second, third = ids[0], ids[1], ids[2]
    # Names: an alias, a name that differs from another only in punctuation, a hidden character.
    roles[first]["aliases"] = ["Planted alias", roles[second]["name"]["en"] + "!"]
    roles[third]["name"]["en"] = "Plan\u200bted"
    # An allowance kept, one unused, and one naming no lint code.
    roles[first]["lint"] = {"allow": ["similar-names", "dead-end"], "why": "planted"}
    data["skills"][sorted(data["skills"])[0]]["lint"] = {"allow": ["unused-skil"], "why": "x"}
    moves = data["transitions"]
    # Years far off the others: written on the move, and taken from the role.
    moves[0]["years"] = 60
    roles[moves[1]["from"]]["years"] = 0.05
    moves[1].pop("years", None)
    moves[2]["lint"] = {"allow": ["steep-move"], "why": "planted"}
    overlay = {
        "version": 1,
        "roles": {
            "planted_orphan": {
                "name": "Planted orphan",
                "track": roles[first]["track"],
                "level": 2,
                "years": 3,
                "skills": {sorted(data["skills"])[1]: 5},
            },
            second: {"override": True, "years": 40},
        },
        "transitions": [
            {"from": "planted_orphan", "to": first, "kind": "lateral", "years": 0.01},
        ],
    }
    return data, overlay


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    data, overlay = _planted()
    base, extra = tmp_path / "base.yaml", tmp_path / "overlay.yaml"
    base.write_text(to_yaml(data), encoding="utf-8")
    extra.write_text(to_yaml(overlay), encoding="utf-8")
    return [str(base), str(extra)]


def _checked(files: list[str]) -> CareerMap:
    """The map as checking the files makes it, no cache involved: the places found the slow way."""
    return parse_layers([(Path(f).read_text(encoding="utf-8"), f) for f in files])


def _lint(career_map: CareerMap) -> list[Finding]:
    return lint(career_map, build_graph(career_map))


def _places_entry(files: list[str]) -> Path:
    raws = [Path(f).read_bytes() for f in files]
    folder = cache.cache_dir()
    assert folder is not None
    return folder / cache.entry_name(cache.file_key(raws, files, PLACES))


def test_cached_places_are_the_ones_checking_finds(files: list[str]) -> None:
    slow = _checked(files)
    expected = _lint(slow)
    codes = {f.code for f in expected}
    # Findings at every kind of place: entries, names, aliases, moves, years, allowances.
    assert {"similar-names", "invisible-characters", "unreachable", "years-outlier"} <= codes
    assert {"unknown-allow", "unused-allow", "steep-move"} <= codes
    assert any(f.place.file == files[1] for f in expected)
    assert expected == sorted(expected, key=lambda f: (f.place, f.code, f.message))
    slow_places = list(slow.places.items())
    assert len(slow_places) > 10_000

    cold = load_layers(files)  # checks the files, and caches the map
    assert not _places_entry(files).exists()
    assert _lint(cold) == expected  # finds the places, and caches them
    assert _places_entry(files).exists()

    warm = load_layers(files)
    assert _lint(warm) == expected
    assert isinstance(getattr(warm.places, "_places", None), PackedPlaces)  # read, not found
    assert list(warm.places.items()) == slow_places

    # A cached map whose places are not cached finds them by reading (not checking) the files.
    _places_entry(files).unlink()
    found = load_layers(files)
    assert list(found.places.items()) == slow_places
    assert _lint(found) == expected
    assert _places_entry(files).exists()


def test_every_place_survives_packing(files: list[str]) -> None:
    places = _checked(files).places
    packed = PackedPlaces(copy.deepcopy(pack_places(places, files)), files)
    assert list(packed.items()) == list(places.items())
    assert len(packed) == len(places)
    for path in [("roles", "nobody"), ("roles", "nobody", "years"), ("scale",), ("transitions",)]:
        assert path not in packed
        with pytest.raises(KeyError):
            packed[path]
    assert Place(files[1], 3, 3) == packed[("roles", "planted_orphan")]


def test_lint_prints_the_same_from_the_cache(files: list[str]) -> None:
    runner = CliRunner()
    args = ["--data", files[0], "--data", files[1], "lint"]
    outputs = [runner.invoke(cli, args) for _ in range(3)]  # checks, finds places, all cached
    assert [r.exit_code for r in outputs] == [1, 1, 1]  # a lint code that does not exist
    assert outputs[0].output == outputs[1].output == outputs[2].output
    assert f"{files[1]}:3:3: warning [unreachable]" in outputs[0].output


def test_a_hand_written_places_record_is_a_one_line_error(files: list[str]) -> None:
    raws = [Path(f).read_bytes() for f in files]
    packed = pack_places(_checked(files).places, files)
    entries = {entry: b"not a marshal record" for entry in packed["entries"]}
    cache.remember(raws, {"entries": entries}, files, PLACES)
    cache.remember(raws, {"heads": packed["heads"]}, files, HEADS)
    result = CliRunner().invoke(cli, ["--data", files[0], "--data", files[1], "lint"])
    assert result.exit_code == 2
    assert result.output == (
        "error: the load cache's record of where the map's entries stand is not one careergraph"
        " wrote; remove the cache folder or set CAREERGRAPH_NO_CACHE=1\n"
    )


def test_a_hand_written_record_of_entry_starts_is_a_one_line_error(files: list[str]) -> None:
    raws = [Path(f).read_bytes() for f in files]
    packed = pack_places(_checked(files).places, files)
    cache.remember(raws, {"entries": packed["entries"]}, files, PLACES)
    cache.remember(raws, {"heads": b"not a marshal record"}, files, HEADS)
    result = CliRunner().invoke(cli, ["--data", files[0], "--data", files[1], "lint"])
    assert result.exit_code == 2
    assert result.output == (
        "error: the load cache's record of where the map's entries stand is not one careergraph"
        " wrote; remove the cache folder or set CAREERGRAPH_NO_CACHE=1\n"
    )


def test_cached_places_name_the_files_read_now(files: list[str], tmp_path: Path) -> None:
    """The cache finds the same bytes under any name: places name the files as given now."""
    _lint(load_layers(files))  # caches the map and its places
    copies = [tmp_path / "copy" / Path(f).name for f in files]
    copies[0].parent.mkdir()
    for file, copied in zip(files, copies, strict=True):
        copied.write_bytes(Path(file).read_bytes())
    names = [str(c) for c in copies]
    assert _places_entry(names) == _places_entry(files)  # the same entry
    found = _lint(load_layers(names))
    assert found == _lint(_checked(names))
    assert {f.place.file for f in found} == set(names)
