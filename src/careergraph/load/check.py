"""Check data files (a base map and its overlays) strictly as one `CareerMap`.

Every mistake is reported with its place. Only a cache miss imports this module (and with it
pydantic and the YAML parser), so a warm start stays quick.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from careergraph.errors import DataFileError, Problem, Words
from careergraph.limits import MAX_ROLES, MAX_SKILLS, MAX_SOURCES, MAX_TRACKS, MAX_TRANSITIONS
from careergraph.load.build import LazyPlaces
from careergraph.load.characters import refused_characters
from careergraph.load.overlay import Layers, merge, single
from careergraph.load.places import find_places
from careergraph.load.schema import (
    ID_PATTERN,
    AllowanceSpec,
    CategorySpec,
    FileSpec,
    OverlaySpec,
    ResourceSpec,
    RoleSpec,
    ScaleSpec,
    SharedNameSpec,
    SkillSpec,
    SourceSpec,
    TrackSpec,
    TransitionSpec,
    field_names,
)
from careergraph.load.yaml_source import Document, dotted, read_yaml, too_many_words
from careergraph.load.yaml_source import Path as NodePath
from careergraph.model import (
    BUILT_IN_CATEGORIES,
    DEFAULT_ROLE_YEARS,
    POINTS_PER_SKILL,
    Allowance,
    CareerMap,
    Category,
    MapPath,
    PointsRequirement,
    Resource,
    ResourceKind,
    Role,
    SharedName,
    Skill,
    Source,
    Text,
    Track,
    Transition,
    TransitionKind,
    normalize_name,
    skill_category,
    titled_names,
)

__all__ = ["describe_words", "parse_layers", "parse_paths", "unknown_words"]


_Spec = TypeVar("_Spec", bound=BaseModel)
_ID = re.compile(ID_PATTERN)
_K = TypeVar("_K")
_V = TypeVar("_V")


def parse_paths(text: str, file: str = "<string>") -> CareerMap:
    """Check the text of a data file as a career map; `file` names it in error messages."""
    return parse_layers([(text, file)])


# Each section's kind of collection, the most entries it may hold, and what they are called.
SECTIONS = {
    "sources": ("mapping", MAX_SOURCES, "sources"),
    "tracks": ("mapping", MAX_TRACKS, "tracks"),
    "skills": ("mapping", MAX_SKILLS, "skills"),
    "roles": ("mapping", MAX_ROLES, "roles"),
    "transitions": ("list", MAX_TRANSITIONS, "transitions"),
}


def read_document(text: str, file: str) -> tuple[Document, list[Problem]]:
    """A data file's plain data: JSON when `file` ends in `.json`, else YAML.

    A section with more entries than careergraph reads is refused before anything is checked.
    """
    if file.lower().endswith(".json"):
        from careergraph.load.json_source import read_json

        document, problems = read_json(text, file)
    else:
        document, problems = read_yaml(text, file, SECTIONS)
    if isinstance(document.data, dict):
        for name, (_, limit, noun) in SECTIONS.items():
            entries = document.data.get(name)
            if isinstance(entries, dict | list) and len(entries) > limit:
                message = (
                    f"{name}: more than {limit:,} {noun}; careergraph reads maps of up to"
                    f" {limit:,} (see Limits in the README)"
                )
                problem = document.problem((name,), message)
                words = too_many_words(name, limit)
                return Document(file, None), [replace(problem, words=words)]
    return document, problems


def parse_layers(texts: Sequence[tuple[str, str]]) -> CareerMap:
    """Check texts, each `(text, file)`, as a base map and the overlays that follow it."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for text, file in texts:
        document, found = read_document(text, file)
        documents.append(document)
        problems += found
        problems += refused_characters(document)
    if any(d.data is None for d in documents) and problems:
        raise DataFileError(problems)
    # Reported after the builder is made: only YAML problems silence later ones at their place.
    later: list[Problem] = []
    for index, document in enumerate(documents):
        later += _top_level(document, FileSpec if index == 0 else OverlaySpec, problems)
    if not isinstance(documents[0].data, dict):
        raise DataFileError(problems + later)
    layers, conflicts = merge(documents)
    later += conflicts
    builder = _Builder(layers, problems)
    builder.problems += later
    career_map = builder.build()
    if builder.problems or career_map is None:
        raise DataFileError(builder.problems)
    return career_map


def _top_level(document: Document, spec: type[BaseModel], known: list[Problem]) -> list[Problem]:
    """Problems with a file's top level (its version and sections) not already in `known`."""
    layers = single(document)
    if not isinstance(document.data, dict):
        message = "the top level must be a mapping with version, tracks, skills, roles"
        return [layers.problem((), message)]
    builder = _Builder(layers, list(known))
    try:
        spec.model_validate(document.data)
    except ValidationError as error:
        builder._add_errors(error.errors(), (), spec)
    return builder.problems[len(known) :]


class _Builder:
    """Validates a document entry by entry, so one run reports every mistake it can find."""

    def __init__(self, document: Layers, problems: list[Problem]) -> None:
        self.doc = document
        self.problems = problems
        self.reported = {(p.file, p.line, p.column) for p in problems}

    def build(self) -> CareerMap | None:
        scale = self._scale()
        # Kept in the file's order: the order the map shows its categories in.
        categories = self._entries("categories", CategorySpec, ordered=False)
        sources = self._entries("sources", SourceSpec)
        tracks = self._entries("tracks", TrackSpec)
        skills = self._entries("skills", SkillSpec)
        roles = self._entries("roles", RoleSpec)
        names = self._entries("names", SharedNameSpec)
        transitions = self._transitions()

        self._check_roles()
        self._check_names(names)
        self._check_skills()
        self._check_transitions()
        if self.problems:
            return None
        moves = sorted(
            ((_transition(t, roles), i) for i, t in transitions),
            key=lambda m: (m[0].source, m[0].target),
        )
        return CareerMap(
            path=self.doc.file,
            sources=_frozen({k: Source(k, s.title, s.url) for k, s in sources.items()}),
            tracks=_frozen(
                {k: Track(k, _text(t.name), _maybe_text(t.description)) for k, t in tracks.items()}
            ),
            skills=_frozen({k: _skill(k, s) for k, s in skills.items()}),
            roles=_frozen({k: _role(k, r) for k, r in roles.items()}),
            transitions=tuple(move for move, _ in moves),
            allowances=_frozen(self._allowances(tracks, skills, roles, transitions)),
            names=_frozen(
                {
                    k: SharedName(k, tuple(n.roles), n.primary, _maybe_text(n.note))
                    for k, n in names.items()
                }
            ),
            # Finding every place reads the files again, so only lint (which asks) pays for it.
            places=LazyPlaces(lambda: _frozen(find_places(self.doc))),
            scale=_levels(scale),
            categories=_frozen(
                {
                    **{k: Category(k, None) for k in self._kept_built_in_categories()},
                    **{k: Category(k, _text(c.name)) for k, c in categories.items()},
                }
            ),
            track_order=tuple(k for k in self._raw("tracks") if k in tracks),
        )

    # -- what lint needs: allowances (places are `find_places`') ------------------------------

    def _allowances(
        self,
        tracks: Mapping[str, TrackSpec],
        skills: Mapping[str, SkillSpec],
        roles: Mapping[str, RoleSpec],
        transitions: Sequence[tuple[int, TransitionSpec]],
    ) -> dict[MapPath, Allowance]:
        specs: list[tuple[MapPath, AllowanceSpec | None]] = [
            *((("tracks", k), t.lint) for k, t in tracks.items()),
            *((("skills", k), s.lint) for k, s in skills.items()),
            *((("roles", k), r.lint) for k, r in roles.items()),
            *((("transitions", t.source, t.target), t.lint) for _, t in transitions),
        ]
        return {path: Allowance(tuple(a.allow), a.why) for path, a in specs if a is not None}

    # -- sections ---------------------------------------------------------------------------

    def _entries(
        self, section: str, model: type[_Spec], *, ordered: bool = True
    ) -> dict[str, _Spec]:
        valid: dict[str, _Spec] = {}
        for key, value in self._raw(section).items():
            try:
                valid[key] = model.model_validate(value)
            except ValidationError as error:
                self._add_errors(error.errors(), (section, key), model)
        return dict(sorted(valid.items())) if ordered else valid

    def _scale(self) -> dict[str, Any]:
        if "scale" not in self.doc.data:
            return {}
        try:
            return ScaleSpec.model_validate({"scale": self.doc.data["scale"]}).scale
        except ValidationError as error:
            self._add_errors(error.errors(), (), ScaleSpec)
            return {}

    def _transitions(self) -> list[tuple[int, TransitionSpec]]:
        raw = self.doc.data.get("transitions", [])
        valid = []
        for index, value in enumerate(raw if isinstance(raw, list) else ()):
            try:
                valid.append((index, TransitionSpec.model_validate(value)))
            except ValidationError as error:
                self._add_errors(error.errors(), ("transitions", index), TransitionSpec)
        return valid

    # -- cross-references -------------------------------------------------------------------
    # These read the raw data, not only the entries that validated, so that one entry's type
    # error does not hide its unknown track, and a bad entry does not cascade into others.

    def _kept_built_in_categories(self) -> tuple[str, ...]:
        """The built-in categories the map keeps: all five while its base file defines none of
        its own, so an overlay's categories add to them rather than replace them."""
        base = self.doc.documents[0].data
        own = base.get("categories") if isinstance(base, dict) else None
        if (isinstance(own, dict) and own) or not self._raw("categories"):
            return ()  # the map's own categories, or none at all (then the built-in five apply)
        return tuple(c for c in BUILT_IN_CATEGORIES if c not in self._raw("categories"))

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
            self._check_points(path, role.get("points"), declared["skills"])
            titled = self._titled(role)
            for name in _raw_names(key, role) + titled:
                other = owners.setdefault(normalize_name(name), key)
                if other != key and name in titled:
                    here = (*path, "title")
                    place = self.doc.label(here)
                    there = self.doc.reference(("roles", other), self.doc.where(path)[0])
                    self._add(
                        here,
                        f"{place}: '{name}' already names role '{other}' ({there}): two roles"
                        " of one track cannot share a title",
                        words=Words.of(
                            "problem.title_in_track",
                            place=place,
                            name=name,
                            role=other,
                            there=there,
                        ),
                    )
                elif other != key:
                    there = self.doc.reference(("roles", other), self.doc.where(path)[0])
                    self._add(
                        path,
                        f"roles.{key}: the name '{name}' is also a name of role '{other}' "
                        f"({there}); every name and alias must point at one role",
                        key=True,
                    )
        self._check_titles(owners)

    def _titled(self, role: dict[str, Any]) -> list[str]:
        """The names a role's shared title makes with its track's name, as written."""
        title, track_id = _raw_text(role.get("title")), role.get("track")
        track = self._raw("tracks").get(track_id) if isinstance(track_id, str) else None
        name = _raw_text(track.get("name")) if isinstance(track, dict) else None
        return [] if title is None or name is None else titled_names(title, name)

    def _check_titles(self, owners: Mapping[str, str]) -> None:
        """A shared title may name several roles, but never a role that does not carry it."""
        for key, role in self._raw("roles").items():
            title = _raw_text(role.get("title")) if isinstance(role, dict) else None
            for text in title.all() if title is not None else ():
                other = owners.get(normalize_name(text))
                if other is not None and other != key:
                    path: NodePath = ("roles", key, "title")
                    place = self.doc.label(path)
                    there = self.doc.reference(("roles", other), self.doc.where(path)[0])
                    self._add(
                        path,
                        f"{place}: the title '{text}' is a name of role '{other}' ({there}); a"
                        " title may be shared by the roles that carry it, not by another's name",
                        words=Words.of(
                            "problem.title_is_a_name",
                            place=place,
                            title=text,
                            role=other,
                            there=there,
                        ),
                    )

    def _check_points(self, path: NodePath, points: Any, declared: set[str]) -> None:
        """Each points requirement names known skills, weighs only its own, and can be met."""
        for index, raw in enumerate(points if isinstance(points, list) else ()):
            if not isinstance(raw, dict):
                continue
            here: NodePath = (*path, "points", index)
            skills = raw.get("skills")
            listed = [s for s in skills if isinstance(s, str)] if isinstance(skills, list) else []
            for position, skill in enumerate(listed):
                if skill not in declared:
                    self._unknown((*here, "skills", position), "skill", skill, declared)
            weights = raw.get("weights")
            weights = weights if isinstance(weights, dict) else {}
            for skill in weights:
                if skill not in listed:
                    place = self.doc.label((*here, "weights", skill))
                    self._add(
                        (*here, "weights", skill),
                        f"{place}: '{skill}' is not one of this requirement's skills"
                        f" ({', '.join(listed)}); weigh only a skill listed under 'skills'",
                        key=True,
                        words=Words.of(
                            "problem.points_weight",
                            place=place,
                            skill=skill,
                            skills=", ".join(listed),
                        ),
                    )
            values = raw.get("values")
            top = POINTS_PER_SKILL
            if isinstance(values, dict) and values:
                worth = {str(k): v for k, v in values.items()}
                given = [worth.get(str(level)) for level in range(1, POINTS_PER_SKILL + 1)]
                if not all(type(v) is int for v in given):
                    place = self.doc.label((*here, "values"))
                    self._add(
                        (*here, "values"),
                        f"{place}: give what every level 1 to 5 is worth, as whole numbers",
                        words=Words.of("problem.points_values_all", place=place),
                    )
                    continue
                if any(b <= a for a, b in itertools.pairwise(given)):  # type: ignore[operator]
                    place = self.doc.label((*here, "values"))
                    self._add(
                        (*here, "values"),
                        f"{place}: each level must be worth more than the one below it",
                        words=Words.of("problem.points_values_rise", place=place),
                    )
                    continue
                top = int(given[-1])  # type: ignore[arg-type]
            total = raw.get("total")
            if type(total) is not int or not listed:
                continue
            most = sum(top * (w if type(w := weights.get(s, 1)) is int else 1) for s in listed)
            if total > most:
                place = self.doc.label((*here, "total"))
                self._add(
                    (*here, "total"),
                    f"{place}: {total} points cannot be reached: its skills at level"
                    f" {POINTS_PER_SKILL} give {most} at most; lower the total or list more skills",
                    words=Words.of(
                        "problem.points_impossible",
                        place=place,
                        total=total,
                        most=most,
                        top=POINTS_PER_SKILL,
                    ),
                )

    def _check_names(self, names: Mapping[str, SharedNameSpec]) -> None:
        declared = set(self._raw("roles"))
        for key, spec in names.items():
            for index, role in enumerate(spec.roles):
                if role not in declared:
                    self._unknown(("names", key, "roles", index), "role", role, declared)
            if spec.primary is not None and spec.primary not in spec.roles:
                place = self.doc.label(("names", key, "primary"))
                self._add(
                    ("names", key, "primary"),
                    f"{place}: '{spec.primary}' is not one of the roles the name lists "
                    f"({', '.join(spec.roles)})",
                    words=Words.of(
                        "problem.primary_not_listed",
                        place=place,
                        role=spec.primary,
                        roles=", ".join(spec.roles),
                    ),
                )

    def _check_skills(self) -> None:
        declared = set(self._raw("sources"))
        own = list(self._raw("categories"))
        categories = [*self._kept_built_in_categories(), *own] if own else list(BUILT_IN_CATEGORIES)
        for key, skill in self._raw("skills").items():
            category = skill.get("category") if isinstance(skill, dict) else None
            # A category that is no id at all is already refused by the schema.
            if isinstance(category, str) and _ID.match(category) and category not in categories:
                self._unknown_category(("skills", key, "category"), category, categories)
            resources = skill.get("resources") if isinstance(skill, dict) else None
            for index, resource in enumerate(resources if isinstance(resources, list) else ()):
                if isinstance(resource, dict):
                    path: NodePath = ("skills", key, "resources", index)
                    self._check_sources(path, resource.get("sources"), declared)

    def _unknown_category(self, path: NodePath, value: str, categories: list[str]) -> None:
        """A skill's category the map does not have: the closest one, else every one it has."""
        place = self.doc.label(path)
        choices = ", ".join(categories)
        hint = _did_you_mean(value, categories) or f" (the map's categories: {choices})"
        words = unknown_words(
            place, "category", value, categories, Words.of("problem.categories", values=choices)
        )
        self._add(path, f"{place}: unknown category '{value}'{hint}", words=words)

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
            label = self.doc.label(path)
            source, target = move.get("from"), move.get("to")
            for end, role in (("from", source), ("to", target)):
                if isinstance(role, str) and role not in declared:
                    self._unknown((*path, end), "role", role, declared)
            self._check_sources(path, move.get("sources"), sources)
            if not (isinstance(source, str) and isinstance(target, str)):
                continue
            if source == target:
                self._add(path, f"{label}: a move from '{source}' to itself")
            elif (source, target) in first_seen:
                first = ("transitions", first_seen[source, target])
                there = self.doc.reference(first, self.doc.where(path)[0])
                self._add(
                    path, f"{label}: duplicate move '{source}' -> '{target}' (first at {there})"
                )
            else:
                first_seen[source, target] = index

    # -- reporting --------------------------------------------------------------------------

    def _add(
        self, path: NodePath, message: str, *, key: bool = False, words: Words | None = None
    ) -> None:
        problem = replace(self.doc.problem(path, message, key=key), words=words)
        if (problem.file, problem.line, problem.column) in self.reported:
            return  # one message per place: the first is the most specific
        self.problems.append(problem)
        self.reported.add((problem.file, problem.line, problem.column))

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
        place = self.doc.label(path)
        words = unknown_words(
            place, kind, value, known, Words.of("problem.define", section=f"{kind}s")
        )
        self._add(path, f"{place}: unknown {kind} '{value}'{hint}", key=key, words=words)

    def _add_errors(
        self, errors: list[ErrorDetails], prefix: NodePath, model: type[BaseModel]
    ) -> None:
        for error in _without_misspelt_keys(errors):
            loc: NodePath = (*prefix, *error["loc"])
            on_key = error["type"] == "extra_forbidden" or (bool(loc) and loc[-1] == "[key]")
            if loc and loc[-1] == "[key]":
                loc = loc[:-1]
            if error["type"] == "missing":
                where = self.doc.problem(loc[:-1], "")
            else:
                where = self.doc.problem(loc, "", key=on_key)
            if (where.file, where.line, where.column) in self.reported:
                continue  # already said, more precisely, while reading the YAML
            there = self.doc.source(loc)[1]
            checked_by = _model_at(model, error["loc"][:-1])
            message = _describe(error, there, checked_by)
            words = describe_words(error, there, checked_by)
            self.problems.append(Problem(where.file, where.line, where.column, message, words))


def _without_misspelt_keys(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Skip "missing key" when an unknown key beside it is its misspelling (one line a mistake)."""
    unknown = {(e["loc"][:-1], str(e["loc"][-1])) for e in errors if e["type"] == "extra_forbidden"}
    return [
        error
        for error in errors
        if error["type"] != "missing"
        or not any(
            parent == error["loc"][:-1] and _did_you_mean(key, [str(error["loc"][-1])])
            for parent, key in unknown
        )
    ]


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel]:
    """The model checking the part of the data at `loc` inside `model` (a resource in a skill)."""
    for part in loc:
        if isinstance(part, int):
            continue
        fields = {info.alias or name: info for name, info in model.model_fields.items()}
        inner = _model_in(fields[part].annotation) if part in fields else None
        if inner is None:
            break
        model = inner
    return model


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside a field's type, such as ResourceSpec in list[ResourceSpec]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


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
    if kind == "missing" and loc in _SECTIONS_A_MAP_NEEDS:
        return (
            f"{parent}: missing required key '{last}' (an overlay? check it on the map it is"
            " laid on: careergraph validate --base BASE FILE)"
        )
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
        "bool_type": "true or false",
    }
    if kind == "string_type" and last == "track" and isinstance(value, list):
        return f"{place}: a role belongs to one track, got a list; make one role per track"
    if kind in simple:
        return f"{place}: expected {simple[kind]}, got {_show(value)}"
    if kind == "greater_than":
        return f"{place}: must be greater than {ctx['gt']:g}, got {_show(value)}"
    if kind == "greater_than_equal" and _unneeded_skill(loc, value):
        return (
            f"{place}: must be at least {ctx['ge']}, got {_show(value)};"
            " leave out a skill the role does not ask for"
        )
    if kind == "greater_than_equal":
        return f"{place}: must be at least {ctx['ge']}, got {_show(value)}"
    if kind == "less_than_equal":
        return f"{place}: must be at most {ctx['le']}, got {_show(value)}"
    if kind == "finite_number":
        return f"{place}: must be a finite number, got {_show(value)}"
    if kind == "string_too_short":
        return f"{place}: must not be empty"
    if kind == "string_too_long":
        length = f"{len(value):,}" if isinstance(value, str) else "too many"
        return (
            f"{place}: {length} characters long; careergraph reads texts of up to"
            f" {ctx['max_length']:,} characters (see Limits in the README)"
        )
    if kind == "too_short":
        return f"{place}: must list at least {ctx['min_length']}, got {ctx['actual_length']}"
    return f"{place}: {error['msg']}"


# The top-level sections only a base map must have: an overlay leaves them to it.
_SECTIONS_A_MAP_NEEDS = {("tracks",), ("skills",), ("roles",)}

_TYPES = {
    "int_type": "whole_number",
    "float_type": "number",
    "string_type": "text",
    "dict_type": "mapping",
    "list_type": "list",
    "model_type": "mapping",
    "bool_type": "boolean",
}


def describe_words(error: ErrorDetails, loc: NodePath, model: type[BaseModel]) -> Words | None:
    """The common pydantic errors as Words the CLI can say in the user's language (else None).

    Each says the same English sentence as `_describe`; the rest stay English.
    """
    kind = error["type"]
    parent: Words | str = dotted(loc[:-1]) or Words.of("problem.top_level")
    last = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        allowed = field_names(model)
        choices = Words.of("problem.expected_keys", keys=", ".join(allowed))
        return unknown_words(parent, "key", str(last), allowed, choices)
    if kind == "missing" and loc in _SECTIONS_A_MAP_NEEDS:
        return Words.of("problem.missing_section", place=parent, key=last)
    if kind == "missing":
        return Words.of("problem.missing_key", place=parent, key=last)
    got = _show_words(error.get("input"))
    if kind == "string_type" and last == "track" and isinstance(error.get("input"), list):
        return None  # its own sentence in `_describe`, English only
    if kind in _TYPES:
        expected = Words.of(f"problem.type.{_TYPES[kind]}")
        return Words.of("problem.expected", place=dotted(loc), expected=expected, value=got)
    ctx = error.get("ctx") or {}
    if kind == "level_key":
        return Words.of("problem.level_key", place=dotted(loc), value=str(error.get("input")))
    if kind == "greater_than_equal" and _unneeded_skill(loc, error.get("input")):
        return Words.of("problem.skill_level_zero", place=dotted(loc), bound=ctx["ge"], value=got)
    if kind == "greater_than_equal":
        return Words.of("problem.at_least", place=dotted(loc), bound=ctx["ge"], value=got)
    if kind == "less_than_equal":
        return Words.of("problem.at_most", place=dotted(loc), bound=ctx["le"], value=got)
    if kind == "too_short":
        return Words.of(
            "problem.too_few",
            place=dotted(loc),
            bound=ctx["min_length"],
            count=ctx["actual_length"],
        )
    if kind in ("string_too_long", "text_too_long"):
        value = error.get("input")
        length = f"{len(value):,}" if isinstance(value, str) else str(ctx.get("length", ""))
        longest = ctx.get("max_length", ctx.get("longest", ""))
        shown = f"{longest:,}" if isinstance(longest, int) else str(longest)
        return Words.of("problem.too_long", place=dotted(loc), length=length, longest=shown)
    return None


def unknown_words(
    place: str | Words, kind: str, value: str, known: Iterable[str], otherwise: Words
) -> Words:
    """'PLACE: unknown KIND 'VALUE'' with a did-you-mean, else `otherwise` as the hint."""
    match = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    hint = Words.of("problem.did_you_mean", suggestion=match[0]) if match else otherwise
    what = Words.of(f"problem.kind.{kind}")
    return Words.of("problem.unknown", place=place, kind=what, value=value, hint=hint)


def _unneeded_skill(loc: NodePath, value: Any) -> bool:
    """Whether `loc` is a role's skill written at level 0 (or less): one it does not ask for."""
    return (
        len(loc) == 4
        and loc[0] == "roles"
        and loc[2] == "skills"
        and isinstance(value, int | float)
        and value <= 0
    )


def _show_words(value: Any) -> Words | str:
    """`_show`'s words: what was found instead, sayable where it is a kind of value."""
    if value is None:
        return Words.of("problem.value.nothing")
    if isinstance(value, str):
        return Words.of("problem.value.text", value=_clipped(value))
    if isinstance(value, dict):
        return Words.of("problem.value.mapping")
    if isinstance(value, list):
        return Words.of("problem.value.list")
    return _show(value)


def _show(value: Any) -> str:
    """A value as the user would have written it in YAML."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{_clipped(value)}' (text)"
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return f"{value:.1f}" if value.is_integer() and abs(value) < 1e16 else f"{value:g}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _clipped(text: str, longest: int = 60) -> str:
    """A text short enough to quote in a one-line message."""
    return text if len(text) <= longest else text[: longest - 1] + "…"


def _did_you_mean(value: str, known: Iterable[str]) -> str:
    match = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" — did you mean '{match[0]}'?" if match else ""


def _raw_names(key: str, role: dict[str, Any]) -> list[str]:
    """A role's id, names and aliases as written, skipping any that are not text."""
    name, aliases = role.get("name"), role.get("aliases")
    names = list(name.values()) if isinstance(name, dict) else [name]
    names += aliases if isinstance(aliases, list) else []
    return [key, *(n for n in names if isinstance(n, str))]


def _raw_text(value: Any) -> Text | None:
    """A text as written, if it is one (a string, or a map of language to string)."""
    if isinstance(value, str):
        return Text.plain(value)
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return Text(MappingProxyType({str(k): v for k, v in value.items()}))
    return None


def _text(value: str | dict[str, str]) -> Text:
    if isinstance(value, str):
        return Text.plain(value)
    return Text(MappingProxyType(dict(value)))


def _maybe_text(value: str | dict[str, str] | None) -> Text | None:
    return None if value is None else _text(value)


def _skill(key: str, spec: SkillSpec) -> Skill:
    return Skill(
        id=key,
        name=_text(spec.name),
        category=skill_category(spec.category),
        description=_maybe_text(spec.description),
        resources=tuple(_resource(r) for r in spec.resources),
        levels=_levels(spec.levels),
    )


def _levels(texts: Mapping[str, str | dict[str, str]]) -> Mapping[int, Text]:
    """Level texts by level, lowest first (the file's keys are the levels as text)."""
    return _frozen({int(level): _text(text) for level, text in sorted(texts.items())})


def _resource(spec: ResourceSpec) -> Resource:
    return Resource(
        title=_text(spec.title),
        kind=ResourceKind(spec.kind),
        url=spec.url,
        note=_maybe_text(spec.note),
        sources=tuple(spec.sources),
    )


def _role(key: str, spec: RoleSpec) -> Role:
    return Role(
        id=key,
        name=_text(spec.name),
        track=spec.track,
        level=spec.level,
        years=DEFAULT_ROLE_YEARS if spec.years is None else spec.years,
        skills=_frozen(dict(sorted(spec.skills.items()))),
        aliases=tuple(spec.aliases),
        summary=_maybe_text(spec.summary),
        responsibilities=tuple(_text(r) for r in spec.responsibilities),
        interview=tuple(_text(q) for q in spec.interview),
        sources=tuple(spec.sources),
        years_estimated=spec.years_estimated or spec.years is None,
        title=_maybe_text(spec.title),
        points=tuple(
            PointsRequirement(
                p.total,
                tuple(p.skills),
                _frozen({k: p.weights[k] for k in p.skills if k in p.weights}),
                _frozen({int(k): v for k, v in sorted(p.values.items())}),
            )
            for p in spec.points
        ),
    )


def _transition(spec: TransitionSpec, roles: Mapping[str, RoleSpec]) -> Transition:
    source = roles[spec.source]
    given = spec.years if spec.years is not None else source.years
    years = DEFAULT_ROLE_YEARS if given is None else given
    return Transition(
        source=spec.source,
        target=spec.target,
        kind=TransitionKind(spec.kind),
        years=years,
        note=_maybe_text(spec.note),
        sources=tuple(spec.sources),
        basis=spec.basis,
        # A move that gives no years takes its source role's, estimated or not (and a role
        # that gives none either has the default, an estimate).
        years_estimated=spec.years_estimated
        or (spec.years is None and (source.years_estimated or source.years is None)),
    )


def _frozen(mapping: dict[_K, _V]) -> Mapping[_K, _V]:
    return MappingProxyType(mapping)
