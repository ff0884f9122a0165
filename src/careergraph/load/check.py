"""Check a data file's plain data against the schema, reporting every mistake's place."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from careergraph.errors import Problem
from careergraph.load.document import Document, dotted
from careergraph.load.document import Path as NodePath
from careergraph.load.schema import (
    FileSpec,
    RoleSpec,
    SkillSpec,
    SourceSpec,
    TrackSpec,
    TransitionSpec,
    field_names,
)
from careergraph.model import normalize_name

_SECTIONS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("sources", SourceSpec),
    ("tracks", TrackSpec),
    ("skills", SkillSpec),
    ("roles", RoleSpec),
)


def check_document(document: Document, problems: list[Problem]) -> dict[str, Any] | None:
    """The document's data if it is a valid career map; else None, with `problems` extended."""
    return _Builder(document, problems).check()


class _Builder:
    """Validates a document entry by entry, so one run reports every mistake it can find."""

    def __init__(self, document: Document, problems: list[Problem]) -> None:
        self.doc = document
        self.problems = problems
        self.reported = {(p.line, p.column) for p in problems}

    def check(self) -> dict[str, Any] | None:
        """The document's data if it is a valid career map, else None with `problems` set."""
        data = self.doc.data
        if not isinstance(data, dict):
            self._add((), "the top level must be a mapping with version, tracks, skills, roles")
            return None
        try:
            FileSpec.model_validate(data)
        except ValidationError as error:
            self._add_errors(error.errors(), (), FileSpec)
        for section, model in _SECTIONS:
            self._entries(section, model)
        self._transitions()
        self._check_roles()
        self._check_skills()
        self._check_transitions()
        return None if self.problems else data

    # -- sections ---------------------------------------------------------------------------

    def _entries(self, section: str, model: type[BaseModel]) -> None:
        for key, value in self._raw(section).items():
            try:
                model.model_validate(value)
            except ValidationError as error:
                self._add_errors(error.errors(), (section, key), model)

    def _transitions(self) -> None:
        raw = self.doc.data.get("transitions", [])
        for index, value in enumerate(raw if isinstance(raw, list) else ()):
            try:
                TransitionSpec.model_validate(value)
            except ValidationError as error:
                self._add_errors(error.errors(), ("transitions", index), TransitionSpec)

    # -- cross-references -------------------------------------------------------------------
    # These read the raw data, not only the entries that validated, so that one entry's type
    # error does not hide its unknown track, and a bad entry does not cascade into others.

    def _raw(self, section: str) -> dict[str, Any]:
        raw = self.doc.data.get(section)
        return raw if isinstance(raw, dict) else {}

    def _check_roles(self) -> None:
        declared = {name: set(self._raw(name)) for name in ("tracks", "skills", "sources")}
        owners: dict[str, str] = {}
        for key, role in self._raw("roles").items():
            if not isinstance(role, dict):
                continue
            path: NodePath = ("roles", key)
            track = role.get("track")
            if isinstance(track, str) and track not in declared["tracks"]:
                self._unknown((*path, "track"), "track", track, declared["tracks"])
            skills = role.get("skills")
            for skill in skills if isinstance(skills, dict) else ():
                if skill not in declared["skills"]:
                    here = (*path, "skills", skill)
                    self._unknown(here, "skill", skill, declared["skills"], key=True)
            self._check_sources(path, role.get("sources"), declared["sources"])
            for name in _raw_names(key, role):
                other = owners.setdefault(normalize_name(name), key)
                if other != key:
                    line = self.doc.where(("roles", other))[0]
                    self._add(
                        path,
                        f"roles.{key}: the name '{name}' is also a name of role '{other}' "
                        f"(line {line}); every name and alias must point at one role",
                        key=True,
                    )

    def _check_skills(self) -> None:
        declared = set(self._raw("sources"))
        for key, skill in self._raw("skills").items():
            resources = skill.get("resources") if isinstance(skill, dict) else None
            for index, resource in enumerate(resources if isinstance(resources, list) else ()):
                if isinstance(resource, dict):
                    path: NodePath = ("skills", key, "resources", index)
                    self._check_sources(path, resource.get("sources"), declared)

    def _check_sources(self, path: NodePath, cited: Any, declared: set[str]) -> None:
        for position, source in enumerate(cited if isinstance(cited, list) else ()):
            if isinstance(source, str) and source not in declared:
                self._unknown((*path, "sources", position), "source", source, declared)

    def _check_transitions(self) -> None:
        raw = self.doc.data.get("transitions")
        declared = set(self._raw("roles"))
        sources = set(self._raw("sources"))
        first_seen: dict[tuple[str, str], int] = {}
        for index, move in enumerate(raw if isinstance(raw, list) else ()):
            if not isinstance(move, dict):
                continue
            path: NodePath = ("transitions", index)
            source, target = move.get("from"), move.get("to")
            for end, role in (("from", source), ("to", target)):
                if isinstance(role, str) and role not in declared:
                    self._unknown((*path, end), "role", role, declared)
            self._check_sources(path, move.get("sources"), sources)
            if not (isinstance(source, str) and isinstance(target, str)):
                continue
            if source == target:
                self._add(path, f"transitions[{index}]: a move from '{source}' to itself")
            elif (source, target) in first_seen:
                line = self.doc.where(("transitions", first_seen[source, target]))[0]
                self._add(
                    path,
                    f"transitions[{index}]: duplicate move '{source}' -> '{target}' "
                    f"(first at line {line})",
                )
            else:
                first_seen[source, target] = index

    # -- reporting --------------------------------------------------------------------------

    def _add(self, path: NodePath, message: str, *, key: bool = False) -> None:
        problem = self.doc.problem(path, message, key=key)
        if (problem.line, problem.column) in self.reported:
            return  # one message per place: the first is the most specific
        self.problems.append(problem)
        self.reported.add((problem.line, problem.column))

    def _unknown(
        self,
        path: NodePath,
        kind: str,
        value: str,
        known: Iterable[str],
        *,
        key: bool = False,
    ) -> None:
        hint = _did_you_mean(value, known) or f" (define it under '{kind}s')"
        self._add(path, f"{dotted(path)}: unknown {kind} '{value}'{hint}", key=key)

    def _add_errors(
        self, errors: list[ErrorDetails], prefix: NodePath, model: type[BaseModel]
    ) -> None:
        for error in errors:
            loc: NodePath = (*prefix, *error["loc"])
            on_key = error["type"] == "extra_forbidden" or (bool(loc) and loc[-1] == "[key]")
            if loc and loc[-1] == "[key]":
                loc = loc[:-1]
            if error["type"] == "missing":
                where = self.doc.problem(loc[:-1], "")
            else:
                where = self.doc.problem(loc, "", key=on_key)
            if (where.line, where.column) in self.reported:
                continue  # already said, more precisely, while reading the YAML
            message = _describe(error, loc, model)
            self.problems.append(Problem(where.file, where.line, where.column, message))


def _describe(error: ErrorDetails, loc: NodePath, model: type[BaseModel]) -> str:
    """One clear sentence for a pydantic error, naming the place in dotted form."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    place = dotted(loc)
    parent = dotted(loc[:-1]) or "the top level"
    last = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        allowed = field_names(model)
        hint = _did_you_mean(str(last), allowed) or f" (expected one of: {', '.join(allowed)})"
        return f"{parent}: unknown key '{last}'{hint}"
    if kind == "missing":
        return f"{parent}: missing required key '{last}'"
    if kind == "string_pattern_mismatch":
        return f"{place}: '{value}' is not a valid id (use lowercase snake_case like 'senior_tpm')"
    if kind == "literal_error" and loc == ("version",):
        return f"version: {_show(value)} is not supported; this careergraph reads version 1"
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = [e.strip(" '") for e in expected.replace(" or ", ", ").split(",")]
        hint = _did_you_mean(str(value), choices)
        return f"{place}: '{value}' is not one of {expected}{hint}"
    simple = {
        "int_type": "a whole number",
        "float_type": "a number",
        "string_type": "text",
        "dict_type": "a mapping (key: value)",
        "list_type": "a list",
        "model_type": "a mapping (key: value)",
    }
    if kind in simple:
        return f"{place}: expected {simple[kind]}, got {_show(value)}"
    if kind == "greater_than":
        return f"{place}: must be greater than {ctx['gt']:g}, got {_show(value)}"
    if kind == "greater_than_equal":
        return f"{place}: must be at least {ctx['ge']}, got {_show(value)}"
    if kind == "less_than_equal":
        return f"{place}: must be at most {ctx['le']}, got {_show(value)}"
    if kind == "finite_number":
        return f"{place}: must be a finite number, got {_show(value)}"
    if kind == "string_too_short":
        return f"{place}: must not be empty"
    return f"{place}: {error['msg']}"


def _show(value: Any) -> str:
    """A value as the user would have written it in YAML."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}' (text)"
    if isinstance(value, float):
        return {float("inf"): ".inf", float("-inf"): "-.inf"}.get(value, f"{value:g}")
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _did_you_mean(value: str, known: Iterable[str]) -> str:
    match = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" — did you mean '{match[0]}'?" if match else ""


def _raw_names(key: str, role: dict[str, Any]) -> list[str]:
    """A role's id, names and aliases as written, skipping any that are not text."""
    name, aliases = role.get("name"), role.get("aliases")
    names = list(name.values()) if isinstance(name, dict) else [name]
    names += aliases if isinstance(aliases, list) else []
    return [key, *(n for n in names if isinstance(n, str))]
