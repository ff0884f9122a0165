"""pydantic's validation errors, and unknown names, said in careergraph's words: whole sentences
(catalogue `Words`) that name the bad value, what was expected and what is valid."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from typing import Any, get_args

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from careergraph.catalogue import N_
from careergraph.errors import ENTRY_KINDS, Words
from careergraph.load.schema import field_names
from careergraph.load.yaml_source import Path as NodePath
from careergraph.load.yaml_source import dotted


def without_misspelt_keys(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Skip "missing key" when an unknown key beside it is its misspelling (one line a mistake)."""
    unknown = {(e["loc"][:-1], str(e["loc"][-1])) for e in errors if e["type"] == "extra_forbidden"}
    return [
        error
        for error in errors
        if error["type"] != "missing"
        or not any(
            parent == error["loc"][:-1] and did_you_mean(key, [str(error["loc"][-1])])
            for parent, key in unknown
        )
    ]


def model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel]:
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


# The top-level sections only a base map must have: an overlay leaves them to it.
_SECTIONS_A_MAP_NEEDS = {("tracks",), ("skills",), ("roles",)}

_TYPES = {
    "int_type": N_("a whole number"),
    "float_type": N_("a number"),
    "string_type": N_("text"),
    "dict_type": N_("a mapping (key: value)"),
    "list_type": N_("a list"),
    "model_type": N_("a mapping (key: value)"),
    "bool_type": N_("true or false"),
}

# careergraph's own schema errors (careergraph.load.schema), by their pydantic type.
_OWN = {
    "text_empty": N_("{place}: text must not be empty"),
    "text_language": N_("{place}: '{lang}' is not a language code (like en or ja)"),
    "list_duplicate": N_("{place}: '{value}' is listed twice"),
    "url_invalid": N_("{place}: '{value}' is not a web address (http:// or https://)"),
}


def describe(error: ErrorDetails, loc: NodePath, model: type[BaseModel]) -> Words:
    """One clear sentence for a pydantic error, naming the place in dotted form."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    place = dotted(loc)
    parent: Words | str = dotted(loc[:-1]) or Words.of("the top level")
    last = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        allowed = field_names(model)
        choices = Words.of(" (expected one of: {keys})", keys=", ".join(allowed))
        return unknown_words(parent, "key", str(last), allowed, choices)
    if kind == "missing" and loc in _SECTIONS_A_MAP_NEEDS:
        return Words.of(
            "{place}: missing required key '{key}' (an overlay? check it on "
            "the map it is laid on: careergraph validate --base BASE FILE)",
            place=parent,
            key=last,
        )
    if kind == "missing":
        return Words.of("{place}: missing required key '{key}'", place=parent, key=last)
    got = _show_words(value)
    if kind == "string_pattern_mismatch":
        return Words.of(
            "{place}: '{value}' is not a valid id (use lowercase snake_case like 'senior_tpm')",
            place=place,
            value=value,
        )
    if kind == "literal_error" and loc == ("version",):
        return Words.of(
            "version: {value} is not supported; this careergraph reads version 1",
            value=_show(value),
        )
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [e.strip(" '") for e in expected.replace(" or ", ", ").split(",")]
        return Words.of(
            "{place}: '{value}' is not one of {expected}{hint}",
            place=place,
            value=value,
            expected=expected,
            hint=did_you_mean(str(value), options),
        )
    if kind == "string_type" and last == "track" and isinstance(value, list):
        return Words.of(
            "{place}: a role belongs to one track, got a list; make one role per track", place=place
        )
    if kind in _TYPES:
        expected_type = Words.of(_TYPES[kind])
        return Words.of(
            "{place}: expected {expected}, got {value}",
            place=place,
            expected=expected_type,
            value=got,
        )
    if kind == "level_key":
        return Words.of(
            "{place}: '{value}' is not a level: use 1, 2, 3, 4 or 5", place=place, value=str(value)
        )
    if kind == "greater_than":
        return Words.of(
            "{place}: must be greater than {bound}, got {value}",
            place=place,
            bound=f"{ctx['gt']:g}",
            value=got,
        )
    if kind == "greater_than_equal" and _unneeded_skill(loc, value):
        return Words.of(
            "{place}: must be at least {bound}, got {value}; leave out a "
            "skill the role does not ask for",
            place=place,
            bound=ctx["ge"],
            value=got,
        )
    if kind == "greater_than_equal":
        return Words.of(
            "{place}: must be at least {bound}, got {value}",
            place=place,
            bound=ctx["ge"],
            value=got,
        )
    if kind == "less_than_equal":
        return Words.of(
            "{place}: must be at most {bound}, got {value}", place=place, bound=ctx["le"], value=got
        )
    if kind == "finite_number":
        return Words.of("{place}: must be a finite number, got {value}", place=place, value=got)
    if kind == "string_too_short":
        return Words.of("{place}: must not be empty", place=place)
    if kind == "too_short":
        return Words.of(
            "{place}: must list at least {bound}, got {count}",
            place=place,
            bound=ctx["min_length"],
            count=ctx["actual_length"],
        )
    if kind in ("string_too_long", "text_too_long"):
        length = f"{len(value):,}" if isinstance(value, str) else str(ctx.get("length", ""))
        longest = ctx.get("max_length", ctx.get("longest", ""))
        shown = f"{longest:,}" if isinstance(longest, int) else str(longest)
        return Words.of(
            "{place}: {length} characters long; careergraph reads texts of "
            "up to {longest} characters (see Limits in the README)",
            place=place,
            length=length,
            longest=shown,
        )
    if kind == "text_type":
        if "lang" in ctx:
            return Words.of(
                "{place}: the '{lang}' text must be a non-empty string",
                place=place,
                lang=ctx["lang"],
            )
        return Words.of(
            "{place}: expected text: a string, or a map of language code to "
            "string (en: ..., ja: ...)",
            place=place,
        )
    if kind in _OWN:
        return Words.of(_OWN[kind], place=place, **ctx)
    # pydantic's own English for what careergraph's schema does not word itself.
    return Words.of("{place}: {message}", place=place, message=error["msg"])


def unknown_words(
    place: str | Words, kind: str, value: str, known: Iterable[str], otherwise: Words
) -> Words:
    """'PLACE: unknown KIND 'VALUE'' with a did-you-mean, else `otherwise` as the hint."""
    match = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    hint = Words.of(" — did you mean '{suggestion}'?", suggestion=match[0]) if match else otherwise
    what = Words.of(ENTRY_KINDS[kind])
    return Words.of(
        "{place}: unknown {kind} '{value}'{hint}", place=place, kind=what, value=value, hint=hint
    )


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
        return Words.of("nothing")
    if isinstance(value, str):
        return Words.of("'{value}' (text)", value=_clipped(value))
    if isinstance(value, dict):
        return Words.of("a mapping")
    if isinstance(value, list):
        return Words.of("a list")
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


def did_you_mean(value: str, known: Iterable[str]) -> Words | str:
    """' — did you mean 'X'?' for the closest of `known`, else nothing."""
    match = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return Words.of(" — did you mean '{suggestion}'?", suggestion=match[0]) if match else ""
