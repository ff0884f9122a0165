"""Load career-map files (YAML, or JSON by their suffix) strictly into one `CareerMap`.

A base map and the overlays after it are checked as one map (`careergraph.load.validate`), every
mistake reported with its place, and the model built from the plain data that gives
(`careergraph.load.plain`). Files loaded before with the same bytes and formats, in the same
order, come from the load cache (`careergraph.load.cache`) without parsing or pydantic; the parser
and the schema are imported only on a miss, so a warm start stays quick.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from careergraph import DATA_ENV
from careergraph.errors import DataFileError, Problem
from careergraph.load import cache
from careergraph.load.places import HEADS, PLACES, PackedPlaces, locate, pack_places
from careergraph.load.plain import LazyPlaces, build_map, collector_paused
from careergraph.load.text_file import decode, read_bytes
from careergraph.model import CareerMap, MapPath, Place

__all__ = [
    "DATA_ENV",
    "collector_paused",
    "default_data_path",
    "load_layers",
    "load_paths",
    "parse_layers",
    "parse_paths",
]


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
    return load_layers([path])


def load_layers(paths: Sequence[str | os.PathLike[str]]) -> CareerMap:
    """Read a base map and the overlays given after it, and check them as one map."""
    names = [os.fspath(path) for path in paths]
    read: list[bytes | DataFileError] = []
    for name in names:
        try:
            read.append(read_bytes(name))
        except DataFileError as error:
            read.append(error)
    raws = [got for got in read if isinstance(got, bytes)]
    with collector_paused():
        if len(raws) == len(names):
            data = cache.recall(raws, names)
            if data is not None:
                # Only valid files are cached, so the bytes need no decoding until lint asks
                # where things are.
                try:
                    found = _places(raws, names, lambda: locate(_texts(read, names)))
                    return replace(build_map(data, names[0], found), files=tuple(names))
                except (KeyError, TypeError, ValueError, AttributeError):
                    pass  # an entry of the right form but foreign content: check the files again
        data, career_map = _validated(_texts(read, names))
        cache.remember(raws, data, names)
        return replace(
            career_map,
            places=LazyPlaces(_places(raws, names, lambda: career_map.places)),
            files=tuple(names),
        )


def _places(
    raws: Sequence[bytes], names: Sequence[str], find: Callable[[], Mapping[MapPath, Place]]
) -> Callable[[], Mapping[MapPath, Place]]:
    """How to learn where the map's entries stand: from the cache, else by `find`, whose
    answer is then cached (finding them reads the files again, which takes longer than a load)."""

    def parts() -> dict[str, Any]:
        """Where every part of every entry stands: cached, else found and cached again."""
        kept = cache.recall(raws, names, PLACES)
        if isinstance(kept, dict):
            return kept
        packed = pack_places(find(), names)
        cache.remember(raws, {"entries": packed["entries"]}, names, PLACES)
        return packed

    def found() -> Mapping[MapPath, Place]:
        # Where each entry starts is read first; the parts only if a question is about one.
        kept = cache.recall(raws, names, HEADS)
        if kept is not None:
            try:
                return PackedPlaces(kept, names, parts)
            except (KeyError, TypeError):
                pass  # of the right form but foreign content: find them again
        places = find()
        if cache.cache_dir() is not None:
            with suppress(KeyError):  # a place in none of the files: nothing worth keeping
                packed = pack_places(places, names)
                cache.remember(raws, {"entries": packed["entries"]}, names, PLACES)
                cache.remember(raws, {"heads": packed["heads"]}, names, HEADS)
        return places

    return found


def parse_paths(text: str, file: str = "<string>") -> CareerMap:
    """Check the text of a data file as a career map; `file` names it in error messages.

    The text is read as JSON when `file` ends in `.json`, else as YAML. No cache is used.
    """
    return parse_layers([(text, file)])


def parse_layers(texts: Sequence[tuple[str, str]]) -> CareerMap:
    """Check texts, each `(text, file)`, as a base map and the overlays that follow it."""
    with collector_paused():
        return replace(_validated(texts)[1], files=tuple(file for _, file in texts))


def _validated(texts: Sequence[tuple[str, str]]) -> tuple[dict[str, Any], CareerMap]:
    """The texts' map as plain data (for the cache) and as the model built from it."""
    from careergraph.load.places import find_places
    from careergraph.load.validate import validate_layers

    data, layers = validate_layers(texts)
    # Finding every place reads the files again, so only lint (which asks) pays for it.
    return data, build_map(data, layers.file, lambda: MappingProxyType(find_places(layers)))


def _texts(read: Sequence[bytes | DataFileError], names: Sequence[str]) -> list[tuple[str, str]]:
    """Each file's text and name; `DataFileError` with every file's problems, in order, if any."""
    texts = []
    problems: list[Problem] = []
    for got, name in zip(read, names, strict=True):
        try:
            if isinstance(got, DataFileError):
                raise got
            texts.append((decode(got, name), name))
        except DataFileError as error:
            problems += error.problems
    if problems:
        raise DataFileError(problems)
    return texts
