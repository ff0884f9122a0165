"""Lint on promotions: loops, moves not up, and requirements a promotion lowers."""

from __future__ import annotations

import graphlib
from collections.abc import Iterator

from careergraph.catalogue import N_
from careergraph.errors import Words
from careergraph.lint.findings import Finding, _finding
from careergraph.model import CareerMap, MapPath, TransitionKind


def _promotion_cycles(career_map: CareerMap) -> Iterator[Finding]:
    promoted: dict[str, list[str]] = {}
    for move in career_map.transitions:
        if move.kind is TransitionKind.PROMOTION:
            promoted.setdefault(move.source, []).append(move.target)
    try:  # the standard library tells whether there is a loop at all, without networkx
        graphlib.TopologicalSorter(promoted).prepare()
    except graphlib.CycleError:
        pass
    else:
        return
    import networkx as nx

    promotions: nx.DiGraph[str] = nx.DiGraph(
        (t.source, t.target) for t in career_map.transitions if t.kind is TransitionKind.PROMOTION
    )
    loops = [c for c in nx.strongly_connected_components(promotions) if len(c) > 1]
    for loop in sorted(loops, key=min):
        start = min(loop)
        inside = promotions.subgraph(loop)
        back = min(
            (nx.shortest_path(inside, after, start) for after in inside.successors(start)),
            key=lambda path: (len(path), path),
        )
        cycle = [start, *back]
        spelled = " -> ".join(cycle)
        words = Words.of(
            "transitions '{source}' -> '{target}': promotions lead in a "
            "loop: {cycle}; one of them is not a promotion",
            source=start,
            target=cycle[1],
            cycle=spelled,
        )
        subject = ("transitions", start, cycle[1])
        yield _finding(career_map, "promotion-cycle", subject, words)


def _promotions(career_map: CareerMap) -> Iterator[Finding]:
    roles = career_map.roles
    for move in career_map.transitions:
        if move.kind is not TransitionKind.PROMOTION:
            continue
        source, target = roles[move.source], roles[move.target]
        subject = ("transitions", move.source, move.target)
        if source.track == target.track and target.level <= source.level:
            words = Words.of(
                N_(
                    "transitions '{source}' -> '{target}': a promotion to the same "
                    "level ({level} -> {new_level}) in track '{track}'; make it "
                    "lateral or fix the levels"
                )
                if target.level == source.level
                else N_(
                    "transitions '{source}' -> '{target}': a promotion to a lower "
                    "level ({level} -> {new_level}) in track '{track}'; make it "
                    "lateral or fix the levels"
                ),
                source=source.id,
                target=target.id,
                level=source.level,
                new_level=target.level,
                track=source.track,
            )
            yield _finding(career_map, "promotion-not-up", subject, words)
        dropped = [
            (career_map.skills[skill].name, level, target.skills[skill])
            for skill, level in source.skills.items()
            if target.skills.get(skill, level) < level
        ]
        if dropped:
            skills = tuple(
                Words.of("{skill} {level} -> {new_level}", skill=name, level=level, new_level=new)
                for name, level, new in dropped
            )
            words = Words.of(
                "transitions '{source}' -> '{target}': the promotion asks less of {skills}",
                source=source.id,
                target=target.id,
                skills=skills,
            )
            yield _finding(career_map, "promotion-skill-drop", subject, words)


# -- points requirements ----------------------------------------------------------------------


def _points(career_map: CareerMap) -> Iterator[Finding]:
    roles = career_map.roles
    for role_id, role in roles.items():
        for index, requirement in enumerate(role.points):
            if requirement.points(role.skills) >= requirement.total:
                subject = ("roles", role_id, "points", str(index))
                words = Words.of(
                    "roles.{id}.points[{index}]: the role's own minimums already "
                    "give {have} points, at least the {total} it asks, so it asks "
                    "nothing more; raise the total or drop it",
                    id=role_id,
                    index=index,
                    have=requirement.points(role.skills),
                    total=requirement.total,
                )
                yield _finding(career_map, "points-already-met", subject, words)
    for move in career_map.transitions:
        if move.kind is not TransitionKind.PROMOTION:
            continue
        source, target = roles[move.source], roles[move.target]
        for before in source.points:
            for after in target.points:
                same = set(after.skills) == set(before.skills) and all(
                    after.weight(s) == before.weight(s) for s in after.skills
                )
                if same and after.total < before.total:
                    moved: MapPath = ("transitions", move.source, move.target)
                    words = Words.of(
                        "transitions '{source}' -> '{target}': the promotion asks "
                        "{total} points over {skills}, fewer than the {before} of "
                        "'{source}'",
                        source=source.id,
                        target=target.id,
                        total=after.total,
                        skills=", ".join(after.skills),
                        before=before.total,
                    )
                    yield _finding(career_map, "promotion-points-drop", moved, words)
