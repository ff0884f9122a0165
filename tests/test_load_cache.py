"""The load cache: used when it matches to the byte, ignored and rebuilt when it does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from careergraph.load import cache, load_paths
from tests.conftest import DEFAULT_DATA, FIXTURES, ROOT


def _entry(folder: Path, data_file: Path) -> Path:
    key = cache.file_key(data_file.read_bytes(), [str(data_file)])
    return folder / cache.entry_name(key)


def _copy(tmp_path: Path, name: str = "map.yaml") -> Path:
    target = tmp_path / name
    target.write_bytes((FIXTURES / "small.yaml").read_bytes())
    return target


def test_a_loaded_file_is_cached_privately_and_reused(
    tmp_path: Path, private_load_cache: Path
) -> None:
    data_file = _copy(tmp_path)
    first = load_paths(data_file)
    entry = _entry(private_load_cache, data_file)
    assert entry.is_file()
    assert private_load_cache.stat().st_mode & 0o777 == 0o700
    again = load_paths(data_file)
    assert again == first
    assert cache.recall(data_file.read_bytes()) is not None


def test_the_cache_follows_the_bytes_not_the_name(tmp_path: Path) -> None:
    data_file = _copy(tmp_path)
    load_paths(data_file)
    data_file.write_text(
        data_file.read_text(encoding="utf-8").replace("years: 2\n", "years: 7\n", 1),
        encoding="utf-8",
    )
    changed = load_paths(data_file)
    assert 7.0 in {role.years for role in changed.roles.values()}


def test_a_cached_map_keeps_the_name_it_was_loaded_by(tmp_path: Path) -> None:
    one, two = _copy(tmp_path, "one.yaml"), _copy(tmp_path, "two.yaml")
    assert load_paths(one).path == str(one)
    assert load_paths(two).path == str(two)


def _write_entry(folder: Path, data_file: Path, data: object) -> None:
    """A cache entry for `data_file` holding `data`, with a header that matches it."""
    import hashlib
    import json
    import marshal

    payload = marshal.dumps(data)
    header = {
        "format": cache.FORMAT,
        "careergraph": __import__("careergraph").__version__,
        "code": cache.code_fingerprint(),
        "file": cache.file_key(data_file.read_bytes(), [str(data_file)]),
        "length": len(payload),
        "payload": hashlib.sha256(payload).hexdigest(),
    }
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    blob = cache.MAGIC + json.dumps(header).encode() + b"\n" + payload
    _entry(folder, data_file).write_bytes(blob)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda blob: blob[: len(blob) // 2], id="truncated"),
        pytest.param(lambda blob: blob[:-10] + b"\x00" * 10, id="corrupt-payload"),
        pytest.param(lambda blob: b"", id="empty"),
        pytest.param(lambda blob: b"\x80\x04\x95 not a cache at all", id="foreign"),
        pytest.param(
            lambda blob: blob.replace(b'"careergraph": "', b'"careergraph": "0.0.0-', 1),
            id="other-version",
        ),
        pytest.param(lambda blob: blob.replace(b'"format": ', b'"format": 9', 1), id="format"),
    ],
)
def test_a_damaged_or_stale_entry_is_ignored_and_rebuilt(
    tmp_path: Path, private_load_cache: Path, damage: object
) -> None:
    data_file = _copy(tmp_path)
    expected = load_paths(data_file)
    entry = _entry(private_load_cache, data_file)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert cache.recall(data_file.read_bytes()) is None
    assert load_paths(data_file) == expected
    assert cache.recall(data_file.read_bytes()) is not None  # written again, whole


def test_an_entry_with_a_valid_header_but_foreign_data_is_not_trusted(
    tmp_path: Path, private_load_cache: Path
) -> None:
    data_file = _copy(tmp_path)
    expected = load_paths(data_file)
    _write_entry(private_load_cache, data_file, {"roles": {"x": 1}})
    assert load_paths(data_file) == expected


def test_no_cache_when_turned_off(
    tmp_path: Path, private_load_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERGRAPH_NO_CACHE", "1")
    load_paths(_copy(tmp_path))
    assert not private_load_cache.exists()


def test_default_folder_is_the_xdg_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAREERGRAPH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "careergraph"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "careergraph"


def test_an_unwritable_cache_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("CAREERGRAPH_CACHE_DIR", str(blocker / "careergraph"))
    data_file = _copy(tmp_path)
    assert len(load_paths(data_file).roles) == len(load_paths(data_file).roles) > 0


def test_a_read_only_cache_folder_is_no_error(tmp_path: Path, private_load_cache: Path) -> None:
    private_load_cache.mkdir(mode=0o500, parents=True)
    try:
        assert len(load_paths(_copy(tmp_path)).roles) > 0
    finally:
        private_load_cache.chmod(0o700)


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757])
def test_a_folder_others_can_write_is_not_used_and_not_changed(
    tmp_path: Path, private_load_cache: Path, mode: int
) -> None:
    private_load_cache.mkdir(parents=True)
    private_load_cache.chmod(mode)
    data_file = _copy(tmp_path)
    first = load_paths(data_file)
    _write_entry(private_load_cache, data_file, {"roles": {"x": 1}})  # planted by another user
    assert load_paths(data_file) == first  # a miss: the planted entry is never read
    assert private_load_cache.stat().st_mode & 0o777 == mode
    assert [p.name for p in private_load_cache.iterdir()] == [
        _entry(private_load_cache, data_file).name
    ]


@pytest.mark.slow
def test_processes_writing_at_once_leave_one_whole_entry(
    tmp_path: Path, private_load_cache: Path
) -> None:
    data_file = tmp_path / "big.yaml"
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks.generate import write_map
    finally:
        sys.path.remove(str(ROOT))
    write_map(300, data_file)
    script = "import sys; from careergraph.load import load_paths; load_paths(sys.argv[1])"
    env = {**os.environ, "CAREERGRAPH_CACHE_DIR": str(private_load_cache)}
    workers = [
        subprocess.Popen([sys.executable, "-c", script, str(data_file)], env=env) for _ in range(4)
    ]
    assert [w.wait(timeout=120) for w in workers] == [0, 0, 0, 0]
    assert sorted(p.name for p in private_load_cache.iterdir()) == [
        _entry(private_load_cache, data_file).name
    ]  # no temp file left behind
    assert cache.recall(data_file.read_bytes()) is not None


def test_a_cache_hit_imports_neither_the_parser_nor_pydantic(
    tmp_path: Path, private_load_cache: Path
) -> None:
    data_file = _copy(tmp_path)
    load_paths(data_file)
    script = (
        "import sys; from careergraph.load import load_paths; load_paths(sys.argv[1]); "
        "print(sorted(m for m in ('pydantic', 'yaml') if m in sys.modules))"
    )
    env = {**os.environ, "CAREERGRAPH_CACHE_DIR": str(private_load_cache)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(data_file)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "[]\n"


def test_loading_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    import gc

    data_file = _copy(tmp_path)
    assert gc.isenabled()
    load_paths(data_file)  # a miss
    assert gc.isenabled()
    load_paths(data_file)  # a hit
    assert gc.isenabled()
    gc.disable()
    try:
        load_paths(data_file)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_changed_loader_does_not_trust_older_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_file = _copy(tmp_path)
    load_paths(data_file)
    assert cache.recall(data_file.read_bytes()) is not None
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another loader")
    assert cache.recall(data_file.read_bytes()) is None


def test_a_cached_map_is_the_checked_map_record_by_record(tmp_path: Path) -> None:
    from dataclasses import fields

    from careergraph.load import parse_paths
    from careergraph.load.plain import LazyRoles

    data_file = tmp_path / "paths.yaml"
    data_file.write_bytes(DEFAULT_DATA.read_bytes())
    checked = parse_paths(data_file.read_text(encoding="utf-8"), str(data_file))
    load_paths(data_file)  # a miss: checks the file and writes the entry
    cached = load_paths(data_file)
    assert isinstance(cached.roles, LazyRoles)
    assert cached == checked
    records = [*cached.roles.values(), *cached.transitions, *cached.skills.values()]
    for record in records:  # built without __init__ where it is quicker: same fields, no more
        assert sorted(vars(record)) == sorted(f.name for f in fields(record))
    assert any(role.interview for role in cached.roles.values())
    assert any(skill.resources for skill in cached.skills.values())
    assert any(move.note for move in cached.transitions)
    assert {move.basis for move in cached.transitions} == {"stated", "implied"}
    assert {move.years_estimated for move in cached.transitions} == {True, False}
    assert {role.years_estimated for role in cached.roles.values()} == {True, False}


def test_a_route_on_a_cached_map_builds_only_the_roles_it_looks_at(tmp_path: Path) -> None:
    from careergraph.graph import build_graph
    from careergraph.load.plain import LazyRoles
    from careergraph.query import find_routes

    data_file = tmp_path / "paths.yaml"
    data_file.write_bytes(DEFAULT_DATA.read_bytes())
    load_paths(data_file)
    cached = load_paths(data_file)
    roles = cached.roles
    assert isinstance(roles, LazyRoles)
    (route,) = find_routes(build_graph(cached), "pmo_coordinator", "cto")
    assert len(route.roles) <= roles.built < len(roles) // 4  # the tie check may see one more
    assert list(roles) == sorted(roles)  # the map's order, built or not
    assert [r.id for r in roles.values()] == list(roles)
    assert roles.built == len(roles)


def test_a_hand_written_role_record_is_a_one_line_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from careergraph.cli import cli

    data_file = _copy(tmp_path)
    load_paths(data_file)
    data = cache.recall(data_file.read_bytes())
    assert data is not None
    first = next(iter(data["roles"]))
    data["roles"][first] = b"not a marshal record"
    _write_entry(cache.cache_dir() or tmp_path, data_file, data)
    result = CliRunner().invoke(cli, ["--data", str(data_file), "show", first])
    assert result.exit_code == 2
    assert result.output == (
        f"error: the load cache's record of role '{first}' is not one careergraph wrote;"
        " remove the cache folder or set CAREERGRAPH_NO_CACHE=1\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["path", "pmo_coordinator", "cto", "-k", "3", "--json"],
        ["path", "pmo_coordinator", "cto"],
        ["gap", "tpm", "vpoe", "--json"],
        ["show", "tpm", "--json"],
        ["show", "vpoe", "--lang", "ja"],
        ["next", "tpm", "--json"],
        ["roles", "--json"],
        ["reach", "pmo_coordinator", "--within", "10", "--json"],
        ["similar", "tpm", "--suggest", "--json"],
        ["fit", "tpm", "--json", "--limit", "0"],
        ["plan", "pmo_coordinator", "cto"],
        ["lint", "--json"],
        ["export", "--format", "json"],
        ["export", "--format", "mermaid"],
        ["path", "ctoo", "cto"],  # did-you-mean looks at every role's names
    ],
    ids=lambda args: "-".join(args[:2]),
)
def test_every_command_says_the_same_from_the_cache(tmp_path: Path, args: list[str]) -> None:
    from click.testing import CliRunner

    from careergraph.cli import cli

    data_file = tmp_path / "paths.yaml"
    data_file.write_bytes(DEFAULT_DATA.read_bytes())
    argv = ["--data", str(data_file), *args]
    checked = CliRunner().invoke(cli, argv)
    assert cache.recall(data_file.read_bytes()) is not None
    cached = CliRunner().invoke(cli, argv)
    assert (cached.exit_code, cached.output) == (checked.exit_code, checked.output)
    assert checked.output


@pytest.mark.parametrize(
    "args",
    [
        ["gap", "--me", "{me}", "cto", "--json"],
        ["path", "--me", "{me}", "cto", "--json"],
        ["reach", "--me", "{me}", "--within", "6", "--json"],
        ["plan", "--me", "{me}", "cto"],
    ],
    ids=lambda args: args[0],
)
def test_profile_commands_say_the_same_from_the_cache(tmp_path: Path, args: list[str]) -> None:
    from click.testing import CliRunner

    from careergraph.cli import cli
    from careergraph.load.plain import LazyRoles
    from careergraph.load.profile import load_profile

    data_file = tmp_path / "paths.yaml"
    data_file.write_bytes(DEFAULT_DATA.read_bytes())
    me = tmp_path / "me.yaml"
    me.write_text("role: pmo_manager\nyears_in_role: 1\nskills:\n  risk_management: 4\n")
    argv = ["--data", str(data_file), *(a.format(me=me) for a in args)]
    checked = CliRunner().invoke(cli, argv)
    cached = CliRunner().invoke(cli, argv)
    assert (cached.exit_code, cached.output) == (checked.exit_code, checked.output)
    assert checked.exit_code == 0, checked.output
    career_map = load_paths(data_file)
    assert isinstance(career_map.roles, LazyRoles)
    load_profile(str(me), career_map)
    assert career_map.roles.built == 0  # a role given by id is found without building any


# -- the cache touches only what it wrote -------------------------------------------------------


def _maps(count: int, folder: Path) -> list[Path]:
    """`count` different valid maps: the small map with one role's years changed."""
    text = (FIXTURES / "small.yaml").read_text(encoding="utf-8")
    made = []
    for n in range(count):
        one = folder / f"map{n}.yaml"
        one.write_text(text.replace("years: 2\n", f"years: {n + 10}\n", 1), encoding="utf-8")
        made.append(one)
    return made


def test_pruning_removes_only_entries_careergraph_wrote(
    tmp_path: Path, private_load_cache: Path
) -> None:
    private_load_cache.mkdir(mode=0o700, parents=True)
    hexname = "ab" * 32
    users = {
        "notes.map": b"my notes",
        f"{hexname}.map": b"a file that only looks like an old entry",
        f"careergraph-{hexname}.map": b"named like an entry, without the magic line",
        "careergraph-load-cache": cache.MAGIC + b"magic line, another name",
    }
    for name, content in users.items():
        (private_load_cache / name).write_bytes(content)
    os.utime(private_load_cache / "notes.map", (0, 0))  # the oldest of all
    folder = tmp_path / "maps"
    folder.mkdir()
    for data_file in _maps(cache.KEEP + 5, folder):
        load_paths(data_file)
    for name, content in users.items():
        assert (private_load_cache / name).read_bytes() == content
    entries = [p for p in private_load_cache.iterdir() if p.name not in users]
    assert len(entries) == cache.KEEP
    assert all(p.read_bytes().startswith(cache.MAGIC) for p in entries)


def test_a_symlinked_cache_folder_is_not_used(tmp_path: Path, private_load_cache: Path) -> None:
    victim = tmp_path / "victim"
    victim.mkdir(mode=0o750)
    victim.chmod(0o750)
    (victim / "keep.map").write_bytes(b"precious")
    private_load_cache.parent.mkdir(parents=True, exist_ok=True)
    private_load_cache.symlink_to(victim)
    data_file = _copy(tmp_path)
    assert len(load_paths(data_file).roles) == len(load_paths(data_file).roles) > 0
    assert sorted(p.name for p in victim.iterdir()) == ["keep.map"]
    assert victim.stat().st_mode & 0o777 == 0o750  # never chmodded


def test_a_read_only_folder_stays_read_only_and_is_not_written(
    tmp_path: Path, private_load_cache: Path
) -> None:
    private_load_cache.mkdir(parents=True)
    private_load_cache.chmod(0o555)
    try:
        data_file = _copy(tmp_path)
        assert len(load_paths(data_file).roles) > 0
        assert list(private_load_cache.iterdir()) == []  # even root, who could write there
        assert private_load_cache.stat().st_mode & 0o777 == 0o555
    finally:
        private_load_cache.chmod(0o700)


def test_a_folder_careergraph_makes_is_private(tmp_path: Path, private_load_cache: Path) -> None:
    load_paths(_copy(tmp_path))
    assert private_load_cache.stat().st_mode & 0o777 == 0o700
    (entry,) = private_load_cache.iterdir()
    assert entry.stat().st_mode & 0o777 == 0o600


def test_a_relative_xdg_cache_home_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAREERGRAPH_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    for relative in ("proj", "./cache", "cache/dir"):
        monkeypatch.setenv("XDG_CACHE_HOME", relative)
        assert cache.cache_dir() == tmp_path / "home" / ".cache" / "careergraph"
    load_paths(_copy(tmp_path))
    assert not (tmp_path / "cache").exists() and not (tmp_path / "proj").exists()


def _plant(private_load_cache: Path, data_file: Path, make: object) -> Path:
    """Put something at the entry's name (by calling `make` with the path)."""
    private_load_cache.mkdir(mode=0o700, parents=True, exist_ok=True)
    entry = _entry(private_load_cache, data_file)
    make(entry)  # type: ignore[operator]
    return entry


@pytest.mark.parametrize(
    "what",
    ["fifo", "link to a FIFO", "link to an endless device", "link to an entry", "huge sparse file"],
)
def test_an_entry_that_is_not_a_plain_file_is_never_read_and_never_blocks(
    tmp_path: Path, private_load_cache: Path, what: str
) -> None:
    import stat as st

    data_file = _copy(tmp_path)
    expected = load_paths(data_file)
    good = _entry(private_load_cache, data_file)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    good_copy = elsewhere / "entry"
    good_copy.write_bytes(good.read_bytes())
    good.unlink()

    def make(entry: Path) -> None:
        if what == "fifo":
            os.mkfifo(entry)
        elif what == "link to a FIFO":
            os.mkfifo(elsewhere / "fifo")
            entry.symlink_to(elsewhere / "fifo")
        elif what == "link to an endless device":
            os.mknod(elsewhere / "zero", st.S_IFCHR | 0o666, os.makedev(1, 5))
            entry.symlink_to(elsewhere / "zero")
        elif what == "link to an entry":
            entry.symlink_to(good_copy)  # a valid entry, but through a link: not read
        else:
            with open(entry, "wb") as sparse:
                sparse.truncate(2**40)  # a terabyte that takes no room

    entry = _plant(private_load_cache, data_file, make)
    assert cache.recall(data_file.read_bytes(), [str(data_file)]) is None
    assert load_paths(data_file) == expected
    if what in ("huge sparse file", "link to an entry"):  # replaced by a good entry of its own
        assert st.S_ISREG(entry.lstat().st_mode) and entry.stat().st_size < 2**20
    else:  # a FIFO or device where the entry goes: left alone, and no cache
        assert entry.is_symlink() or st.S_ISFIFO(entry.lstat().st_mode)
    assert (elsewhere / "entry").read_bytes() == good_copy.read_bytes()


def test_the_same_bytes_as_yaml_and_as_json_are_two_questions(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from careergraph.cli import cli

    yaml_file = _copy(tmp_path, "same.yaml")
    json_file = _copy(tmp_path, "same.json")
    assert CliRunner().invoke(cli, ["validate", str(yaml_file)]).exit_code == 0
    assert cache.file_key(yaml_file.read_bytes(), [str(yaml_file)]) != cache.file_key(
        json_file.read_bytes(), [str(json_file)]
    )
    result = CliRunner().invoke(cli, ["validate", str(json_file)])
    assert result.exit_code == 2
    assert result.output.startswith(f"{json_file}:1:1: ")  # YAML text is not JSON


def test_the_format_rule_is_the_loaders(tmp_path: Path) -> None:
    from careergraph.load.validate import read_document

    text = '{"version": 1}'
    for name in ("a.json", "a.JSON", "a.Json", "a.yaml", "a.yml", "a.json.yaml", "json", "a"):
        document, _ = read_document(text if cache.file_format(name) == "json" else "x: [", name)
        # JSON text reads where the cache says JSON; broken YAML fails only as YAML
        assert (document.data is not None) == (cache.file_format(name) == "json"), name


def test_overlays_in_another_order_are_another_question(tmp_path: Path) -> None:
    base = _copy(tmp_path)
    first = tmp_path / "first.yaml"
    first.write_text("version: 1\nroles:\n  junior: {override: true, years: 5}\n")
    second = tmp_path / "second.yaml"
    second.write_text("version: 1\nroles:\n  junior: {override: true, years: 7}\n")
    from careergraph.load import load_layers

    one = load_layers([base, first, second])
    other = load_layers([base, second, first])
    assert (one.roles["junior"].years, other.roles["junior"].years) == (7, 5)
    # and again from the cache, each its own entry
    assert load_layers([base, first, second]).roles["junior"].years == 7
    assert load_layers([base, second, first]).roles["junior"].years == 5
    raws = [p.read_bytes() for p in (base, first, second)]
    names = [str(p) for p in (base, first, second)]
    assert cache.file_key(raws, names) != cache.file_key(raws[::-1], names[::-1])
    assert cache.file_key(raws, names) != cache.file_key([raws[0], raws[2], raws[1]], names)
