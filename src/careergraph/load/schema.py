"""The data file's schema, checked with pydantic at the file boundary only."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Name = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]


def _check_text(value: Any) -> str | dict[str, str]:
    """A text is a non-empty string or a map of language code to non-empty string."""
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("text_empty", "text must not be empty")
        return value
    if isinstance(value, dict) and value:
        for lang, text in value.items():
            if not re.match(LANGUAGE_PATTERN, str(lang)):
                raise PydanticCustomError(
                    "text_language",
                    "'{lang}' is not a language code (like en or ja)",
                    {"lang": lang},
                )
            if not isinstance(text, str) or not text.strip():
                raise PydanticCustomError(
                    "text_type",
                    "the '{lang}' text must be a non-empty string",
                    {"lang": lang},
                )
        return value
    raise PydanticCustomError(
        "text_type",
        "expected text: a string, or a map of language code to string (en: ..., ja: ...)",
    )


TextSpec = Annotated[Any, AfterValidator(_check_text)]


def _no_duplicates(values: list[str]) -> list[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError(
                "list_duplicate", "'{value}' is listed twice", {"value": value}
            )
        seen.add(value)
    return values


class Strict(BaseModel):
    """Unknown keys are errors; no value is coerced from another type."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class SourceSpec(Strict):
    title: Name


class TrackSpec(Strict):
    name: TextSpec
    description: TextSpec | None = None


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
        raise PydanticCustomError(
            "url_invalid", "'{value}' is not a web address (http:// or https://)", {"value": value}
        )
    return value


Url = Annotated[str, AfterValidator(_check_url)]


class ResourceSpec(Strict):
    title: TextSpec
    kind: Literal["book", "course", "community", "certification", "article", "website", "event"]
    url: Url | None = None
    note: TextSpec | None = None
    sources: list[Id] = []


class SkillSpec(Strict):
    name: TextSpec
    category: Literal["technical", "soft", "tool", "certification", "domain"]
    description: TextSpec | None = None
    resources: list[ResourceSpec] = []


Level = Annotated[int, Field(ge=1, le=5)]
Years = Annotated[float, Field(gt=0)]
IdList = Annotated[list[Id], AfterValidator(_no_duplicates)]


class RoleSpec(Strict):
    name: TextSpec
    track: Id
    level: Annotated[int, Field(ge=1)]
    years: Years
    skills: dict[Id, Level]
    aliases: Annotated[list[Name], AfterValidator(_no_duplicates)] = []
    summary: TextSpec | None = None
    responsibilities: list[TextSpec] = []
    interview: list[TextSpec] = []
    sources: IdList = []


class TransitionSpec(Strict):
    model_config = ConfigDict(populate_by_name=False)

    source: Id = Field(alias="from")
    target: Id = Field(alias="to")
    kind: Literal["promotion", "lateral", "career_change"]
    years: Years | None = None
    note: TextSpec | None = None
    sources: IdList = []


class FileSpec(Strict):
    """The top level; each entry below it is checked on its own so all mistakes are found."""

    version: Literal[1]
    sources: dict[Id, Any] = {}
    tracks: dict[Id, Any]
    skills: dict[Id, Any]
    roles: dict[Id, Any]
    transitions: list[Any] = []


def field_names(model: type[BaseModel]) -> list[str]:
    """The keys a model accepts, as written in the file."""
    return [info.alias or name for name, info in model.model_fields.items()]
