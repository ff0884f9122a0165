"""Load a personal profile (`me.yaml`) strictly against a career map, with line/column errors."""

from __future__ import annotations

import os
from types import MappingProxyType
from typing import Annotated

from pydantic import Field, ValidationError

from careergraph.errors import DataFileError, Problem, Words
from careergraph.limits import MAX_YEARS
from careergraph.load.characters import refused_characters
from careergraph.load.schema import Name, Strict
from careergraph.load.schema_errors import describe, unknown_words
from careergraph.load.text_file import read_text
from careergraph.load.yaml_source import Document, dotted, read_yaml
from careergraph.model import CareerMap, Profile

OwnLevel = Annotated[int, Field(ge=0, le=5)]
YearsDone = Annotated[float, Field(ge=0, le=MAX_YEARS)]


class ProfileSpec(Strict):
    """The profile file: `role` is required; own levels (0-5) and years in the role are not."""

    role: Name
    years_in_role: YearsDone = 0.0
    skills: dict[str, OwnLevel] = Field(default_factory=dict)


def load_profile(path: str | os.PathLike[str], career_map: CareerMap) -> Profile:
    """Read and check a profile file against `career_map`; DataFileError lists every problem."""
    name = os.fspath(path)
    text = read_text(name, what="profile", needs="a profile")
    return parse_profile(text, career_map, name)


def parse_profile(text: str, career_map: CareerMap, file: str = "<string>") -> Profile:
    """Check YAML text as a profile of someone on `career_map`; `file` names it in errors."""
    document, problems = read_yaml(text, file)
    refused = refused_characters(document)
    problems += refused
    if document.data is None:
        raise DataFileError(problems)
    data = document.data
    if not isinstance(data, dict):
        problems.append(
            document.problem((), Words.of("a profile must be a mapping with at least 'role'"))
        )
        raise DataFileError(problems)
    spec: ProfileSpec | None = None
    try:
        spec = ProfileSpec.model_validate(data)
    except ValidationError as error:
        # A YAML problem (an ambiguous `010`, say) already speaks for its place.
        reported = {(p.file, p.line, p.column) for p in problems}
        problems += [
            p
            for p in _schema_problems(document, error)
            if (p.file, p.line, p.column) not in reported
        ]
    checked: list[Problem] = []
    role = _check_role(document, data.get("role"), career_map, checked)
    _check_skills(document, data.get("skills"), career_map, checked)
    # A role or skill refused for its characters is unknown too: its first message says why.
    said = {(p.file, p.line, p.column) for p in refused}
    problems += [p for p in checked if (p.file, p.line, p.column) not in said]
    if problems or spec is None or role is None:
        raise DataFileError(problems)
    return Profile(
        path=file,
        role=role,
        skills=MappingProxyType(dict(sorted(spec.skills.items()))),
        years_in_role=spec.years_in_role,
    )


def _schema_problems(document: Document, error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors():
        loc = tuple(detail["loc"])
        on_key = detail["type"] == "extra_forbidden" or (bool(loc) and loc[-1] == "[key]")
        if loc and loc[-1] == "[key]":
            loc = loc[:-1]
        if detail["type"] == "missing":
            line, column = document.where(loc[:-1])
        else:
            line, column = document.where(loc, key=on_key)
        if detail["type"] == "greater_than_equal":
            # pydantic reports the bound of a float field as 0.0; people wrote 0.
            words = Words.of(
                "{place}: must be 0 or more, got {value}", place=dotted(loc), value=detail["input"]
            )
        else:
            words = describe(detail, loc, ProfileSpec)
        problems.append(Problem.of(document.file, line, column, words))
    return problems


def _check_role(
    document: Document, value: object, career_map: CareerMap, problems: list[Problem]
) -> str | None:
    """The id of the role named, by id, any name or alias; None (and a problem) if unknown."""
    if not isinstance(value, str):
        return None
    ids, found = career_map.readings(value)
    if found is None and ids:
        # A name several roles go by, none of them first: the file must say which.
        words = Words.of(
            "role: '{value}' names several roles ({roles}); write one's id",
            value=value,
            roles=", ".join(ids),
        )
        problems.append(document.problem(("role",), words))
        return None
    if found is None:
        otherwise = Words.of(" (`careergraph roles` lists them)")
        words = unknown_words("role", "role", value, career_map.roles, otherwise)
        problems.append(document.problem(("role",), words))
    return found


def _check_skills(
    document: Document, value: object, career_map: CareerMap, problems: list[Problem]
) -> None:
    for skill in value if isinstance(value, dict) else ():
        if skill not in career_map.skills:
            path = ("skills", skill)
            otherwise = Words.of(" (skill ids are listed in the map)")
            words = unknown_words(dotted(path), "skill", skill, career_map.skills, otherwise)
            problems.append(document.problem(path, words, key=True))
