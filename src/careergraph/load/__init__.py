"""Load a career-map YAML file strictly into a `CareerMap`, reporting every mistake's place."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from careergraph.errors import DataFileError, Problem
from careergraph.load.schema import (
    FileSpec,
    RoleSpec,
    SkillSpec,
    SourceSpec,
    TrackSpec,
    TransitionSpec,
    field_names,
)
from careergraph.load.yaml_source import Document, dotted, read_yaml
from careergraph.load.yaml_source import Path as NodePath
from careergraph.model import (
    CareerMap,
    Role,
    Skill,
    SkillCategory,
    Source,
    Text,
    Track,
    Transition,
    TransitionKind,
    normalize_name,
)

__all__ = ["default_data_path", "load_paths", "parse_paths"]

DATA_ENV = "CAREERGRAPH_DATA"

_Spec = TypeVar("_Spec", bound=BaseModel)
_V = TypeVar("_V")


def default_data_path() -> Path:
    """The data file used when none is named: $CAREERGRAPH_DATA, else the bundled map."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    bundled = resources.files("careergraph") / "data" / "paths.yaml"
    if bundled.is_file():
        return Path(str(bundled))
    # Running from a source checkout (editable install): the repository's data folder.
    return Path(__file__).resolve().parents[3] / "data" / "paths.yaml"


def load_paths(path: str | os.PathLike[str]) -> CareerMap:
    """Read and check a data file; raise `DataFileError` listing every problem found."""
    name = os.fspath(path)
    try:
        raw = Path(name).read_bytes()
    except IsADirectoryError:
        raise DataFileError([Problem(name, 0, 0, "is a folder, not a data file")]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise DataFileError([Problem(name, 0, 0, f"cannot read the file: {reason}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problem = Problem(name, line, column, "the file is not UTF-8 text")
        raise DataFileError([problem]) from None
    return parse_paths(text, name)


def parse_paths(text: str, file: str = "<string>") -> CareerMap:
    """Check YAML text as a career map; `file` names it in error messages."""
    document, problems = read_yaml(text, file)
    if document.data is None and problems:
        raise DataFileError(problems)
    builder = _Builder(document, problems)
    career_map = builder.build()
    if builder.problems or career_map is None:
        raise DataFileError(builder.problems)
    return career_map


class _Builder:
    """Validates a document section by section, keeping what is valid to check references."""

    def __init__(self, document: Document, problems: list[Problem]) -> None:
        self.doc = document
        self.problems = problems
        self.reported = {(p.line, p.column) for p in problems}

    def build(self) -> CareerMap | None:
        data = self.doc.data
        if not isinstance(data, dict):
            self._add((), "the top level must be a mapping with version, tracks, skills, roles")
            return None
        try:
            FileSpec.model_validate(data)
        except ValidationError as error:
            self._add_errors(error.errors(), (), FileSpec)
        sources = self._entries("sources", SourceSpec)
        tracks = self._entries("tracks", TrackSpec)
        skills = self._entries("skills", SkillSpec)
        roles = self._entries("roles", RoleSpec)
        transitions = self._transitions()

        self._check_citations(roles, transitions)
        self._check_roles(roles)
        edges = self._check_transitions(roles, transitions)
        if self.problems:
            return None
        return CareerMap(
            path=self.doc.file,
            sources=_frozen({k: Source(k, s.title) for k, s in sources.items()}),
            tracks=_frozen(
                {k: Track(k, _text(t.name), _maybe_text(t.description)) for k, t in tracks.items()}
            ),
            skills=_frozen(
                {
                    k: Skill(
                        k, _text(s.name), SkillCategory(s.category), _maybe_text(s.description)
                    )
                    for k, s in skills.items()
                }
            ),
            roles=_frozen({k: _role(k, r) for k, r in roles.items()}),
            transitions=tuple(
                sorted(
                    (_transition(t, roles) for t in edges),
                    key=lambda t: (t.source, t.target),
                )
            ),
        )

    # -- sections ---------------------------------------------------------------------------

    def _entries(self, section: str, model: type[_Spec]) -> dict[str, _Spec]:
        raw = self.doc.data.get(section, {})
        if not isinstance(raw, dict):
            return {}
        valid: dict[str, _Spec] = {}
        for key, value in raw.items():
            try:
                valid[key] = model.model_validate(value)
            except ValidationError as error:
                self._add_errors(error.errors(), (section, key), model)
        return dict(sorted(valid.items()))

    def _transitions(self) -> list[tuple[int, TransitionSpec]]:
        raw = self.doc.data.get("transitions", [])
        if not isinstance(raw, list):
            return []
        valid = []
        for index, value in enumerate(raw):
            try:
                valid.append((index, TransitionSpec.model_validate(value)))
            except ValidationError as error:
                self._add_errors(error.errors(), ("transitions", index), TransitionSpec)
        return valid

    # -- cross-references -------------------------------------------------------------------

    def _declared(self, section: str) -> set[str]:
        """Ids a section defines, valid or not, so one bad entry does not cascade."""
        raw = self.doc.data.get(section)
        return {str(k) for k in raw} if isinstance(raw, dict) else set()

    def _check_citations(
        self, roles: Mapping[str, RoleSpec], transitions: list[tuple[int, TransitionSpec]]
    ) -> None:
        cited: list[tuple[NodePath, tuple[str, ...]]] = [
            (("roles", key), tuple(role.sources)) for key, role in roles.items()
        ]
        cited += [(("transitions", i), tuple(t.sources)) for i, t in transitions]
        declared = self._declared("sources")
        for path, ids in cited:
            for position, source in enumerate(ids):
                if source not in declared:
                    self._unknown((*path, "sources", position), "source", source, declared)

    def _check_roles(self, roles: Mapping[str, RoleSpec]) -> None:
        owners: dict[str, str] = {}
        declared_tracks, declared_skills = self._declared("tracks"), self._declared("skills")
        for key, role in roles.items():
            if role.track not in declared_tracks:
                self._unknown(("roles", key, "track"), "track", role.track, declared_tracks)
            for skill in role.skills:
                if skill not in declared_skills:
                    path: NodePath = ("roles", key, "skills", skill)
                    self._unknown(path, "skill", skill, declared_skills, key=True)
            for name in _role_names(key, role):
                normal = normalize_name(name)
                other = owners.setdefault(normal, key)
                if other != key:
                    line = self.doc.where(("roles", other))[0]
                    self._add(
                        ("roles", key),
                        f"roles.{key}: the name '{name}' is also a name of role '{other}' "
                        f"(line {line}); every name and alias must point at one role",
                        key=True,
                    )

    def _check_transitions(
        self, roles: Mapping[str, RoleSpec], transitions: list[tuple[int, TransitionSpec]]
    ) -> list[TransitionSpec]:
        first_seen: dict[tuple[str, str], int] = {}
        kept: list[TransitionSpec] = []
        declared = self._declared("roles")
        for index, move in transitions:
            path: NodePath = ("transitions", index)
            known = True
            for end, role in (("from", move.source), ("to", move.target)):
                if role not in declared:
                    self._unknown((*path, end), "role", role, declared)
                if role not in roles:
                    known = False
            if move.source == move.target:
                self._add(path, f"transitions[{index}]: a move from '{move.source}' to itself")
                continue
            pair = (move.source, move.target)
            if pair in first_seen:
                line = self.doc.where(("transitions", first_seen[pair]))[0]
                self._add(
                    path,
                    f"transitions[{index}]: duplicate move '{move.source}' -> '{move.target}' "
                    f"(first at line {line})",
                )
                continue
            first_seen[pair] = index
            if known:
                kept.append(move)
        return kept

    # -- reporting --------------------------------------------------------------------------

    def _add(self, path: NodePath, message: str, *, key: bool = False) -> None:
        problem = self.doc.problem(path, message, key=key)
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


def _role_names(key: str, role: RoleSpec) -> list[str]:
    names = role.name.values() if isinstance(role.name, dict) else [role.name]
    return [key, *names, *role.aliases]


def _text(value: str | dict[str, str]) -> Text:
    if isinstance(value, str):
        return Text.plain(value)
    return Text(MappingProxyType(dict(value)))


def _maybe_text(value: str | dict[str, str] | None) -> Text | None:
    return None if value is None else _text(value)


def _role(key: str, spec: RoleSpec) -> Role:
    return Role(
        id=key,
        name=_text(spec.name),
        track=spec.track,
        level=spec.level,
        years=spec.years,
        skills=_frozen(dict(sorted(spec.skills.items()))),
        aliases=tuple(spec.aliases),
        summary=_maybe_text(spec.summary),
        responsibilities=tuple(_text(r) for r in spec.responsibilities),
        sources=tuple(spec.sources),
    )


def _transition(spec: TransitionSpec, roles: Mapping[str, RoleSpec]) -> Transition:
    years = spec.years if spec.years is not None else roles[spec.source].years
    return Transition(
        source=spec.source,
        target=spec.target,
        kind=TransitionKind(spec.kind),
        years=years,
        note=_maybe_text(spec.note),
        sources=tuple(spec.sources),
    )


def _frozen(mapping: dict[str, _V]) -> Mapping[str, _V]:
    return MappingProxyType(mapping)
