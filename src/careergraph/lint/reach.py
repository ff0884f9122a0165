"""Lint on where roles lead: roles no career reaches, dead ends, overlays nothing joins."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

from careergraph.errors import Words
from careergraph.lint.findings import Finding, _finding
from careergraph.model import CareerMap, TransitionKind


def entry_roles(career_map: CareerMap) -> list[str]:
    """Where careers start: level 1 in their track, and no promotion leads into them."""
    promoted_into = {t.target for t in career_map.transitions if t.kind is TransitionKind.PROMOTION}
    return [r.id for r in career_map.roles.values() if r.level == 1 and r.id not in promoted_into]


def _moves_out(career_map: CareerMap) -> dict[str, list[str]]:
    """The roles each role has a move to, by role id (roles with none left out)."""
    following: dict[str, list[str]] = {}
    for move in career_map.transitions:
        following.setdefault(move.source, []).append(move.target)
    return following


def _reach(career_map: CareerMap, following: Mapping[str, Collection[str]]) -> Iterator[Finding]:
    reached = set(entry_roles(career_map))
    frontier = list(reached)
    while frontier:  # one search from every entry role at once
        for after in following.get(frontier.pop(), ()):
            if after not in reached:
                reached.add(after)
                frontier.append(after)
    tops: dict[str, int] = {}
    for role in career_map.roles.values():
        tops[role.track] = max(tops.get(role.track, role.level), role.level)
    for role_id, role in career_map.roles.items():
        subject = ("roles", role_id)
        if role_id not in reached:
            words = Words.of(
                "roles.{id}: no entry-level role (level 1, not promoted into) can reach '{role}'",
                id=role_id,
                role=role.name,
            )
            yield _finding(career_map, "unreachable", subject, words)
        if not following.get(role_id) and role.level < tops[role.track]:
            words = Words.of(
                "roles.{id}: '{role}' has no move out, yet is not a top role "
                "(track '{track}' goes up to level {top})",
                id=role_id,
                role=role.name,
                track=role.track,
                top=tops[role.track],
            )
            yield _finding(career_map, "dead-end", subject, words)


# -- overlays ---------------------------------------------------------------------------------


def _unconnected_overlays(career_map: CareerMap) -> Iterator[Finding]:
    """An overlay that adds roles none of which a move joins, either way, to an earlier file's.

    Its roles then form a map apart: no route from the base reaches them, nor leaves them.
    """
    if len(set(career_map.files)) == 1:
        return  # read from one file: nothing is laid on anything
    files: dict[str, list[str]] = {}
    for role_id in career_map.roles:
        files.setdefault(career_map.place("roles", role_id).file, []).append(role_id)
    order = list(files)
    if career_map.path in order:
        order.remove(career_map.path)
        order.insert(0, career_map.path)
    for position, file in enumerate(order[1:], start=1):
        added = set(files[file])
        earlier = {r for f in order[:position] for r in files[f]}
        joined = any(
            (t.source in added and t.target in earlier)
            or (t.target in added and t.source in earlier)
            for t in career_map.transitions
        )
        if joined or not earlier:
            continue
        first = min(added, key=lambda r: career_map.place("roles", r))
        roles = ", ".join(sorted(added))
        words = Words.of(
            "roles.{id}: no move joins the roles this file adds ({roles}) to "
            "the map it is laid on; add a transition from or to one of them",
            id=first,
            roles=roles,
        )
        yield _finding(career_map, "overlay-unconnected", ("roles", first), words)
