"""What commands read: the map's files and graph, roles by name, tracks, a profile."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from pathlib import Path

    from careergraph.graph import CareerGraph
    from careergraph.model import CareerMap, Profile, Role


if TYPE_CHECKING:
    DataFiles = Sequence[Path] | Path | None


def data_files(given: DataFiles) -> list[Path]:
    """The command's --data files, else those given before the command, else the default."""
    from pathlib import Path

    from careergraph.load import default_data_path

    for files in (given, click.get_current_context().find_root().params.get("data_file")):
        if isinstance(files, Path):
            return [files]
        if files:
            return list(files)
    return [default_data_path()]


def data_file(given: DataFiles) -> Path:
    """The base map: the first of the data files."""
    return data_files(given)[0]


def load(given: DataFiles) -> tuple[CareerMap, CareerGraph]:
    """The career map the command should use (the files overlaid in order), and its graph."""
    import gc

    from careergraph.graph import build_graph
    from careergraph.load import collector_paused, load_layers

    # Building the graph, too, makes many containers and no cycles (100,000 roles, profiled:
    # 1.7 s to add the moves with the collector running, 0.9 s without).
    with collector_paused():
        career_map = load_layers(data_files(given))
        graph = build_graph(career_map)
    # The map and graph live as long as the command: set them aside from the collector, whose
    # next pass would otherwise walk every object of them (0.3 s on 10,000 roles) for nothing.
    gc.freeze()
    return career_map, graph


def role_named(career_map: CareerMap, name: str, lang: str) -> Role:
    """The role `name` is read as; a name that also names other roles says so on stderr."""
    from careergraph.query import read_role
    from careergraph.render.messages import say

    reading = read_role(career_map, name)
    if reading.others:
        others = say(lang, "; ").join(
            say(lang, "{role} ({id})", role=career_map.roles[o].name.get(lang), id=o)
            for o in reading.others
        )
        role = reading.role
        note = say(
            lang,
            "note: '{name}' is read as {role} ({id}); it also names {others}",
            name=name,
            role=role.name.get(lang),
            id=role.id,
            others=others,
        )
        click.echo(note, err=True)
    return reading.role


def read_profile(file: Path, career_map: CareerMap) -> Profile:
    """The profile in `file`, checked against the career map."""
    from careergraph.load.profile import load_profile

    return load_profile(file, career_map)


def start_and_goal(
    career_map: CareerMap,
    source: str,
    target: str | None,
    me_file: Path | None,
    lang: str = "en",
) -> tuple[str, str, Profile | None]:
    """Role ids of the start and the goal, from `FROM TO` or from `--me FILE TO`."""
    from careergraph.render.messages import say

    if me_file is None:
        if target is None:
            raise click.UsageError(
                say(lang, "name two roles, FROM and TO, or give --me FILE and TO")
            )
        start = role_named(career_map, source, lang).id
        return start, role_named(career_map, target, lang).id, None
    if target is not None:
        raise click.UsageError(
            say(lang, "with --me, name only the goal role TO: the start is your role")
        )
    profile = read_profile(me_file, career_map)
    return profile.role, role_named(career_map, source, lang).id, profile


def track_ids(career_map: CareerMap, names: Sequence[str]) -> list[str]:
    """Track ids for the names given, in the order given; every track when none are."""
    from careergraph.query import find_track

    if not names:
        return sorted(career_map.tracks)
    return list(dict.fromkeys(find_track(career_map, n).id for n in names))
