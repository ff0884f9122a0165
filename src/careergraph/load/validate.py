"""Validate data files (a base map and its overlays) strictly as one map, written as plain data.

Every mistake is reported with its place; a valid map comes out as the plain data that
`careergraph.load.plain` builds the model from (and the load cache keeps). Only a cache miss
imports this module (and with it pydantic and the YAML parser), so a warm start stays quick.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from careergraph.catalogue import N_
from careergraph.errors import DataFileError, Problem, Words
from careergraph.limits import MAX_ROLES, MAX_SKILLS, MAX_SOURCES, MAX_TRACKS, MAX_TRANSITIONS
from careergraph.load.characters import refused_characters
from careergraph.load.overlay import Layers, merge, single
from careergraph.load.plain import plain_map
from careergraph.load.schema import (
    ID_PATTERN,
    AllowanceSpec,
    CategorySpec,
    FileSpec,
    OverlaySpec,
    RoleSpec,
    ScaleSpec,
    SharedNameSpec,
    SkillSpec,
    SourceSpec,
    TrackSpec,
    TransitionSpec,
)
from careergraph.load.schema_errors import (
    describe,
    model_at,
    unknown_words,
    without_misspelt_keys,
)
from careergraph.load.yaml_source import Document, read_yaml, too_many_words
from careergraph.load.yaml_source import Path as NodePath
from careergraph.model import (
    BUILT_IN_CATEGORIES,
    POINTS_PER_SKILL,
    Allowance,
    MapPath,
    Text,
    normalize_name,
    titled_names,
)

__all__ = ["read_document", "validate_layers"]


_Spec = TypeVar("_Spec", bound=BaseModel)
_ID = re.compile(ID_PATTERN)
_K = TypeVar("_K")
_V = TypeVar("_V")


# Each section's kind of collection, the most entries it may hold, and what they are called.
SECTIONS = {
    "sources": ("mapping", MAX_SOURCES),
    "tracks": ("mapping", MAX_TRACKS),
    "skills": ("mapping", MAX_SKILLS),
    "roles": ("mapping", MAX_ROLES),
    "transitions": ("list", MAX_TRANSITIONS),
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
        for name, (_, limit) in SECTIONS.items():
            entries = document.data.get(name)
            if isinstance(entries, dict | list) and len(entries) > limit:
                problem = document.problem((name,), too_many_words(name, limit))
                return Document(file, None), [problem]
    return document, problems


def validate_layers(texts: Sequence[tuple[str, str]]) -> tuple[dict[str, Any], Layers]:
    """Check texts, each `(text, file)`, as a base map and the overlays that follow it.

    The map comes back as plain data (see `careergraph.load.plain`), with the files merged into
    one document, which says where each part of the map was written.
    """
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
    checker = _Checker(layers, problems)
    checker.problems += later
    plain = checker.plain()
    if checker.problems or plain is None:
        raise DataFileError(checker.problems)
    return plain, layers


def _top_level(document: Document, spec: type[BaseModel], known: list[Problem]) -> list[Problem]:
    """Problems with a file's top level (its version and sections) not already in `known`."""
    layers = single(document)
    if not isinstance(document.data, dict):
        return [
            layers.problem(
                (), Words.of("the top level must be a mapping with version, tracks, skills, roles")
            )
        ]
    checker = _Checker(layers, list(known))
    try:
        spec.model_validate(document.data)
    except ValidationError as error:
        checker._add_errors(error.errors(), (), spec)
    return checker.problems[len(known) :]


class _Checker:
    """Validates a document entry by entry, so one run reports every mistake it can find."""

    def __init__(self, document: Layers, problems: list[Problem]) -> None:
        self.doc = document
        self.problems = problems
        self.reported = {(p.file, p.line, p.column) for p in problems}

    def plain(self) -> dict[str, Any] | None:
        """The map as plain data, or None when it has mistakes (they are in `problems`)."""
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
        return plain_map(
            sources=sources,
            tracks=tracks,
            skills=skills,
            roles=roles,
            transitions=[move for _, move in transitions],
            allowances=self._allowances(tracks, skills, roles, transitions),
            names=names,
            scale=scale,
            categories=categories,
            built_in_categories=self._kept_built_in_categories(),
            track_order=[k for k in self._raw("tracks") if k in tracks],
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
                    other_role = self._raw("roles").get(other)
                    same_track = isinstance(other_role, dict) and other_role.get("track") == track
                    self._add(
                        here,
                        Words.of(
                            N_(
                                "{place}: '{name}' already names role '{role}' ({there}): two "
                                "roles of one track cannot share a title"
                            )
                            if same_track
                            else N_(
                                "{place}: '{name}' already names role '{role}' ({there}): their "
                                "tracks share a name: rename one of the tracks"
                            ),
                            place=place,
                            name=name,
                            role=other,
                            there=there,
                        ),
                    )
                elif other != key:
                    there = self.doc.reference(("roles", other), self.doc.where(path)[0])
                    words = Words.of(
                        "roles.{id}: the name '{name}' is also a name of role '{role}' "
                        "({there}); every name and alias must point at one role",
                        id=key,
                        name=name,
                        role=other,
                        there=there,
                    )
                    self._add(path, words, key=True)
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
                        Words.of(
                            "{place}: the title '{title}' is a name of role '{role}' "
                            "({there}); a title may be shared by the roles that carry it, "
                            "not by another's name",
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
                        Words.of(
                            "{place}: '{skill}' is not one of this requirement's skills "
                            "({skills}); weigh only a skill listed under 'skills'",
                            place=place,
                            skill=skill,
                            skills=", ".join(listed),
                        ),
                        key=True,
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
                        Words.of(
                            "{place}: give what every level 1 to 5 is worth, as whole numbers",
                            place=place,
                        ),
                    )
                    continue
                if any(b <= a for a, b in itertools.pairwise(given)):  # type: ignore[operator]
                    place = self.doc.label((*here, "values"))
                    self._add(
                        (*here, "values"),
                        Words.of(
                            "{place}: each level must be worth more than the one below it",
                            place=place,
                        ),
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
                    Words.of(
                        "{place}: {total} points cannot be reached: its skills at level "
                        "{top} give {most} at most; lower the total or list more skills",
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
                    Words.of(
                        "{place}: '{role}' is not one of the roles the name lists ({roles})",
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
        words = unknown_words(
            place,
            "category",
            value,
            categories,
            Words.of(" (the map's categories: {values})", values=choices),
        )
        self._add(path, words)

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
                self._add(
                    path,
                    Words.of(
                        "{place}: a move from '{source}' to itself", place=label, source=source
                    ),
                )
            elif (source, target) in first_seen:
                first = ("transitions", first_seen[source, target])
                there = self.doc.reference(first, self.doc.where(path)[0])
                words = Words.of(
                    "{place}: duplicate move '{source}' -> '{target}' (first at {there})",
                    place=label,
                    source=source,
                    target=target,
                    there=there,
                )
                self._add(path, words)
            else:
                first_seen[source, target] = index

    # -- reporting --------------------------------------------------------------------------

    def _add(self, path: NodePath, words: Words, *, key: bool = False) -> None:
        problem = self.doc.problem(path, words, key=key)
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
        place = self.doc.label(path)
        words = unknown_words(
            place,
            kind,
            value,
            known,
            Words.of(" (define it under '{section}')", section=f"{kind}s"),
        )
        self._add(path, words, key=key)

    def _add_errors(
        self, errors: list[ErrorDetails], prefix: NodePath, model: type[BaseModel]
    ) -> None:
        for error in without_misspelt_keys(errors):
            loc: NodePath = (*prefix, *error["loc"])
            on_key = error["type"] == "extra_forbidden" or (bool(loc) and loc[-1] == "[key]")
            if loc and loc[-1] == "[key]":
                loc = loc[:-1]
            if error["type"] == "missing":
                where = self.doc.where(loc[:-1])
            else:
                where = self.doc.where(loc, key=on_key)
            if where in self.reported:
                continue  # already said, more precisely, while reading the YAML
            there = self.doc.source(loc)[1]
            checked_by = model_at(model, error["loc"][:-1])
            self.problems.append(Problem.of(*where, describe(error, there, checked_by)))


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
