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
    "int_type": N_("problem.type.whole_number"),
    "float_type": N_("problem.type.number"),
    "string_type": N_("problem.type.text"),
    "dict_type": N_("problem.type.mapping"),
    "list_type": N_("problem.type.list"),
    "model_type": N_("problem.type.mapping"),
    "bool_type": N_("problem.type.boolean"),
}

# careergraph's own schema errors (careergraph.load.schema), by their pydantic type.
_OWN = {
    "text_empty": N_("problem.text_empty"),
    "text_language": N_("problem.text_language"),
    "list_duplicate": N_("problem.list_duplicate"),
    "url_invalid": N_("problem.url"),
}


def describe(error: ErrorDetails, loc: NodePath, model: type[BaseModel]) -> Words:
    """One clear sentence for a pydantic error, naming the place in dotted form."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    place = dotted(loc)
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
    got = _show_words(value)
    if kind == "string_pattern_mismatch":
        return Words.of("problem.bad_id", place=place, value=value)
    if kind == "literal_error" and loc == ("version",):
        return Words.of("problem.version", value=_show(value))
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [e.strip(" '") for e in expected.replace(" or ", ", ").split(",")]
        return Words.of(
            "problem.not_one_of",
            place=place,
            value=value,
            expected=expected,
            hint=did_you_mean(str(value), options),
        )
    if kind == "string_type" and last == "track" and isinstance(value, list):
        return Words.of("problem.track_list", place=place)
    if kind in _TYPES:
        expected_type = Words.of(_TYPES[kind])
        return Words.of("problem.expected", place=place, expected=expected_type, value=got)
    if kind == "level_key":
        return Words.of("problem.level_key", place=place, value=str(value))
    if kind == "greater_than":
        return Words.of("problem.greater_than", place=place, bound=f"{ctx['gt']:g}", value=got)
    if kind == "greater_than_equal" and _unneeded_skill(loc, value):
        return Words.of("problem.skill_level_zero", place=place, bound=ctx["ge"], value=got)
    if kind == "greater_than_equal":
        return Words.of("problem.at_least", place=place, bound=ctx["ge"], value=got)
    if kind == "less_than_equal":
        return Words.of("problem.at_most", place=place, bound=ctx["le"], value=got)
    if kind == "finite_number":
        return Words.of("problem.finite", place=place, value=got)
    if kind == "string_too_short":
        return Words.of("problem.not_empty", place=place)
    if kind == "too_short":
        return Words.of(
            "problem.too_few", place=place, bound=ctx["min_length"], count=ctx["actual_length"]
        )
    if kind in ("string_too_long", "text_too_long"):
        length = f"{len(value):,}" if isinstance(value, str) else str(ctx.get("length", ""))
        longest = ctx.get("max_length", ctx.get("longest", ""))
        shown = f"{longest:,}" if isinstance(longest, int) else str(longest)
        return Words.of("problem.too_long", place=place, length=length, longest=shown)
    if kind == "text_type":
        if "lang" in ctx:
            return Words.of("problem.text_type_lang", place=place, lang=ctx["lang"])
        return Words.of("problem.text_type", place=place)
    if kind in _OWN:
        return Words.of(_OWN[kind], place=place, **ctx)
    # pydantic's own English for what careergraph's schema does not word itself.
    return Words.of("problem.pydantic", place=place, message=error["msg"])


def unknown_words(
    place: str | Words, kind: str, value: str, known: Iterable[str], otherwise: Words
) -> Words:
    """'PLACE: unknown KIND 'VALUE'' with a did-you-mean, else `otherwise` as the hint."""
    match = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    hint = Words.of("problem.did_you_mean", suggestion=match[0]) if match else otherwise
    what = Words.of(ENTRY_KINDS[kind])
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


def did_you_mean(value: str, known: Iterable[str]) -> Words | str:
    """' — did you mean 'X'?' for the closest of `known`, else nothing."""
    match = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return Words.of("problem.did_you_mean", suggestion=match[0]) if match else ""
