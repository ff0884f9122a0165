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
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from careergraph.limits import MAX_LEVEL, MAX_NAME, MAX_TEXT, MAX_YEARS
from careergraph.model import DEFAULT_ROLE_YEARS

ID_PATTERN = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
_LANGUAGE = re.compile(LANGUAGE_PATTERN)

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME, strip_whitespace=False)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT, strip_whitespace=False)]


def _check_text(value: Any, longest: int = MAX_TEXT) -> str | dict[str, str]:
    """A text is a non-empty string or a map of language code to non-empty string.

    Each string has at most `longest` characters.
    """
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("text_empty", "text must not be empty")
        _check_length(value, longest)
        return value
    if isinstance(value, dict) and value:
        for lang, text in value.items():
            if not _LANGUAGE.match(str(lang)):
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
            _check_length(text, longest)
        return value
    raise PydanticCustomError(
        "text_type",
        "expected text: a string, or a map of language code to string (en: ..., ja: ...)",
    )


def _check_length(text: str, longest: int) -> None:
    if len(text) > longest:
        raise PydanticCustomError(
            "text_too_long",
            "{length} characters long; careergraph reads texts of up to {longest} characters"
            " (see Limits in the README)",
            {"length": f"{len(text):,}", "longest": f"{longest:,}"},
        )


def _check_name(value: Any) -> str | dict[str, str]:
    return _check_text(value, MAX_NAME)


def _text_schema(longest: int) -> dict[str, Any]:
    string = {"type": "string", "minLength": 1, "maxLength": longest, "pattern": r"\S"}
    return {
        "anyOf": [
            string,
            {
                "type": "object",
                "minProperties": 1,
                "propertyNames": {"pattern": LANGUAGE_PATTERN},
                "additionalProperties": string,
            },
        ],
        "description": "A text, or a map of language code to text (en: ..., ja: ...).",
    }


TextSpec = Annotated[Any, AfterValidator(_check_text), WithJsonSchema(_text_schema(MAX_TEXT))]
NameSpec = Annotated[Any, AfterValidator(_check_name), WithJsonSchema(_text_schema(MAX_NAME))]


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


LintCode = Annotated[str, StringConstraints(pattern=r"^[a-z]+(-[a-z]+)*$")]


class AllowanceSpec(Strict):
    """Lint findings an entry knowingly keeps, and the reason, for the next reader."""

    allow: Annotated[
        list[LintCode],
        Field(min_length=1, json_schema_extra={"uniqueItems": True}),
        AfterValidator(_no_duplicates),
    ]
    why: Line


class CategorySpec(Strict):
    """A kind of skill the map defines; skills name it by id in `category`."""

    name: NameSpec


class TrackSpec(Strict):
    name: NameSpec
    description: TextSpec | None = None
    lint: AllowanceSpec | None = None


def _check_url(value: str) -> str:
    if not re.match(_URL_PATTERN, value):
        raise PydanticCustomError(
            "url_invalid", "'{value}' is not a web address (http:// or https://)", {"value": value}
        )
    return value


_URL_PATTERN = r"^https?://[^\s/]+\.[^\s]+$"
Url = Annotated[
    str,
    AfterValidator(_check_url),
    WithJsonSchema({"type": "string", "pattern": _URL_PATTERN}),
]


class SourceSpec(Strict):
    title: Line
    url: Url | None = None


# A new empty list for each entry: pydantic deep-copies a mutable default on every use, which
# cost a quarter of the checks on 10,000 roles. The schema still says the default is [].
_EMPTY_LIST: Any = Field(default_factory=list, json_schema_extra={"default": []})


class ResourceSpec(Strict):
    title: TextSpec
    kind: Literal["book", "course", "community", "certification", "article", "website", "event"]
    url: Url | None = None
    note: TextSpec | None = None
    sources: list[Id] = _EMPTY_LIST


LEVEL_KEY_PATTERN = r"^[1-5]$"


def _check_level_key(value: str) -> str:
    # YAML and JSON keys are read as text, so `3:` arrives as "3" either way.
    if not re.match(LEVEL_KEY_PATTERN, value):
        raise PydanticCustomError(
            "level_key", "'{value}' is not a level: use 1, 2, 3, 4 or 5", {"value": value}
        )
    return value


LevelKey = Annotated[
    str,
    AfterValidator(_check_level_key),
    WithJsonSchema({"type": "string", "pattern": LEVEL_KEY_PATTERN}),
]
LevelTexts = Annotated[
    dict[LevelKey, TextSpec],
    Field(json_schema_extra={"propertyNames": {"pattern": LEVEL_KEY_PATTERN}}),
]
"""What levels look like, by level (1 to 5): any of them, each a text."""


class SkillSpec(Strict):
    name: NameSpec
    category: Id = Field(
        description="A category id: one under the map's `categories`, or, where the map "
        "defines none, technical, soft, tool, certification or domain."
    )
    description: TextSpec | None = None
    resources: list[ResourceSpec] = _EMPTY_LIST
    levels: LevelTexts = Field(
        default_factory=dict,
        description="What each level of this skill looks like (1: ..., 5: ...); any subset.",
        json_schema_extra={"default": {}},
    )
    lint: AllowanceSpec | None = None


class ScaleSpec(Strict):
    """The map's scale: what levels 1 to 5 mean for any skill that does not say itself."""

    scale: LevelTexts = Field(default_factory=dict, json_schema_extra={"default": {}})


Level = Annotated[int, Field(ge=1, le=5)]
Years = Annotated[float, Field(gt=0, le=MAX_YEARS)]
_UNIQUE = Field(json_schema_extra={"uniqueItems": True})
IdList = Annotated[list[Id], AfterValidator(_no_duplicates), _UNIQUE]


MAX_WEIGHT = 10
"""What one point of a skill may count for in a points requirement, at most."""
MAX_VALUE = 1_000
"""What one level may be worth in a points requirement's `values`, at most."""


class PointsSpec(Strict):
    """A requirement that adds up: the levels held in `skills` (each times its weight, 1 unless
    `weights` says otherwise) total at least `total`, in any mix."""

    total: Annotated[int, Field(ge=1, le=MAX_WEIGHT * MAX_VALUE * 1_000)]
    skills: Annotated[
        list[Id],
        Field(min_length=1, max_length=1_000, json_schema_extra={"uniqueItems": True}),
        AfterValidator(_no_duplicates),
    ]
    weights: dict[Id, Annotated[int, Field(ge=1, le=MAX_WEIGHT)]] = Field(
        default_factory=dict, json_schema_extra={"default": {}}
    )
    values: dict[LevelKey, Annotated[int, Field(ge=1, le=MAX_VALUE)]] = Field(
        default_factory=dict,
        description=(
            "What each level 1 to 5 is worth in points (all five, rising), where higher levels"
            " count for more; by default a level is worth its own number."
        ),
        json_schema_extra={"default": {}, "propertyNames": {"pattern": LEVEL_KEY_PATTERN}},
    )


class RoleSpec(Strict):
    name: NameSpec
    track: Id
    level: Annotated[int, Field(ge=1, le=MAX_LEVEL)]
    years: Years | None = Field(
        default=None,
        description=f"Typical years in the role; left out: {DEFAULT_ROLE_YEARS:g}, an estimate.",
    )
    skills: dict[Id, Level]
    aliases: Annotated[list[Name], AfterValidator(_no_duplicates), _UNIQUE] = _EMPTY_LIST
    summary: TextSpec | None = None
    responsibilities: list[TextSpec] = _EMPTY_LIST
    interview: list[TextSpec] = _EMPTY_LIST
    sources: IdList = _EMPTY_LIST
    years_estimated: bool = False
    title: NameSpec | None = Field(
        default=None,
        description=(
            'A title other roles may share ("Senior Engineer" on several ladders): asked by it,'
            " careergraph lists them; TITLE (TRACK) and TRACK TITLE name this role alone."
        ),
    )
    points: list[PointsSpec] = Field(
        default_factory=list,
        description=(
            "Requirements that add up: each says the levels held in its skills (times their"
            " weights) total at least `total`, besides or instead of the minimums in `skills`."
        ),
        json_schema_extra={"default": []},
    )
    lint: AllowanceSpec | None = None


class TransitionSpec(Strict):
    model_config = ConfigDict(populate_by_name=False)

    source: Id = Field(alias="from")
    target: Id = Field(alias="to")
    kind: Literal["promotion", "lateral", "career_change"]
    years: Years | None = None
    note: TextSpec | None = None
    sources: IdList = _EMPTY_LIST
    basis: Literal["stated", "implied"] = "stated"
    years_estimated: bool = False
    lint: AllowanceSpec | None = None


class SharedNameSpec(Strict):
    """A name several roles go by: the roles, and the one it means unless said otherwise."""

    roles: Annotated[
        list[Id],
        Field(min_length=2, json_schema_extra={"uniqueItems": True}),
        AfterValidator(_no_duplicates),
    ]
    primary: Id | None = None
    note: TextSpec | None = None


class FileSpec(Strict):
    """The top level; each entry below it is checked on its own so all mistakes are found."""

    version: Literal[1]
    scale: dict[str, Any] = {}
    categories: dict[Id, Any] = {}
    sources: dict[Id, Any] = {}
    tracks: dict[Id, Any]
    skills: dict[Id, Any]
    roles: dict[Id, Any]
    transitions: list[Any] = _EMPTY_LIST
    names: dict[Name, Any] = {}


class OverlaySpec(Strict):
    """The top level of a file given after the base map: every section may be left out."""

    version: Literal[1]
    scale: dict[str, Any] = {}
    categories: dict[Id, Any] = {}
    sources: dict[Id, Any] = {}
    tracks: dict[Id, Any] = {}
    skills: dict[Id, Any] = {}
    roles: dict[Id, Any] = {}
    transitions: list[Any] = _EMPTY_LIST
    names: dict[Name, Any] = {}


def field_names(model: type[BaseModel]) -> list[str]:
    """The keys a model accepts, as written in the file."""
    return [info.alias or name for name, info in model.model_fields.items()]


class MapFile(Strict):
    """A careergraph data file: the base map (checked entry by entry by the loader)."""

    model_config = ConfigDict(title="careergraph data file")

    version: Literal[1]
    scale: LevelTexts = Field(
        default_factory=dict,
        description="What levels 1 to 5 mean for any skill that does not describe its own.",
        json_schema_extra={"default": {}},
    )
    categories: dict[Id, CategorySpec] = Field(
        default_factory=dict,
        description="Kinds of skill, in the order to show them; without it, the built-in "
        "technical, soft, tool, certification and domain.",
        json_schema_extra={"default": {}},
    )
    sources: dict[Id, SourceSpec] = {}
    tracks: dict[Id, TrackSpec]
    skills: dict[Id, SkillSpec]
    roles: dict[Id, RoleSpec]
    transitions: list[TransitionSpec] = _EMPTY_LIST
    names: dict[Name, SharedNameSpec] = {}


SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def map_json_schema() -> dict[str, Any]:
    """The JSON Schema of a data file given first (or alone), for editors and validators."""
    schema = {"$schema": SCHEMA_DIALECT, **MapFile.model_json_schema(by_alias=True)}
    for section in ("categories", "sources", "tracks", "skills", "roles"):
        # pydantic maps an id pattern to patternProperties; a key that is no id is a mistake.
        schema["properties"][section]["additionalProperties"] = False
    # Without its own categories, a map's skills take one of the built-in five.
    built_in = ["technical", "soft", "tool", "certification", "domain"]
    category = {"properties": {"category": {"enum": built_in}}}
    schema["if"] = {"not": {"required": ["categories"]}}
    schema["then"] = {"properties": {"skills": {"patternProperties": {ID_PATTERN: category}}}}
    return schema


def overlay_json_schema() -> dict[str, Any]:
    """The JSON Schema of a file given after the base map: entries may override or remove."""
    schema = map_json_schema()
    schema["title"] = "careergraph overlay file"
    schema["description"] = (
        "A file given after the base map (--data BASE --data OVERLAY): it adds entries, "
        "changes some fields of an earlier entry with 'override: true', "
        "or removes an earlier move with 'remove: true'."
    )
    schema["required"] = ["version"]
    # An overlay's skills may use the categories of the map it is laid on.
    del schema["if"], schema["then"]
    flag = {"const": True}
    for section in ("categories", "sources", "tracks", "skills", "roles"):
        entries = schema["properties"][section]
        entries.pop("default", None)
        (pattern, full), *_ = entries["patternProperties"].items()
        entries["patternProperties"][pattern] = {
            "anyOf": [
                full,
                {"type": "object", "required": ["override"], "properties": {"override": flag}},
            ]
        }
    names = schema["properties"]["names"]
    names.pop("default", None)
    names["additionalProperties"] = {
        "anyOf": [
            names["additionalProperties"],
            {"type": "object", "required": ["override"], "properties": {"override": flag}},
        ]
    }
    scale = schema["properties"]["scale"]
    scale.pop("default", None)
    scale["properties"] = {"override": flag}
    scale["propertyNames"] = {"anyOf": [scale["propertyNames"], {"const": "override"}]}
    moves = schema["properties"]["transitions"]
    ends = {"from": {"type": "string"}, "to": {"type": "string"}}
    moves["items"] = {
        "anyOf": [
            moves["items"],
            {
                "type": "object",
                "required": ["from", "to", "override"],
                "properties": {**ends, "override": flag},
            },
            {
                "type": "object",
                "required": ["from", "to", "remove"],
                "properties": {**ends, "remove": flag},
                "additionalProperties": False,
            },
        ]
    }
    return schema
