"""Where each entry of a checked map, and each part of an entry, was written.

`find_places` reads them from the merged files; `pack_places` turns them into plain data the load
cache keeps, one small `marshal` record per entry, and `PackedPlaces` reads back only the entries
a question is about (lint asks about a few thousand of a map's hundreds of thousands of places).
Where each entry itself starts is kept apart, in a cache part of its own (a tenth of the size):
most findings are about a whole role or move, and need none of its parts.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from careergraph.errors import CareerGraphError, Words
from careergraph.model import MapPath, Place

if TYPE_CHECKING:  # the YAML parser is imported only when files are read
    from careergraph.load.overlay import Layers
    from careergraph.load.yaml_source import Path as NodePath

PLACES = "places"
"""The part of the load cache that holds them (`careergraph.load.cache.recall`)."""
HEADS = "heads"
"""The part of the load cache that holds where each entry starts."""


def find_places(layers: Layers) -> dict[MapPath, Place]:
    """Where every keyed entry, its keys and their parts, and every move and its keys stand.

    `layers` hold a map that checked: its moves are mappings with a distinct 'from' and 'to'.
    """
    from careergraph.load.overlay import KEYED_SECTIONS

    places: dict[MapPath, Place] = {}
    for section in KEYED_SECTIONS:
        raw = layers.data.get(section)
        for key, entry in (raw if isinstance(raw, dict) else {}).items():
            places[(section, key)] = Place(*layers.where((section, key), key=True))
            for name, value in entry.items() if isinstance(entry, dict) else ():
                here: NodePath = (section, key, name)
                places[(section, key, name)] = Place(*layers.where(here))
                parts: Iterable[tuple[Any, Any]] = ()
                if isinstance(value, dict | list):
                    parts = value.items() if isinstance(value, dict) else enumerate(value)
                for part, item in parts:
                    # Skills are named by their key; aliases and texts by themselves.
                    label = str(part) if isinstance(value, dict) else str(item)
                    at = layers.where((*here, part), key=name == "skills")
                    places.setdefault((section, key, name, label), Place(*at))
    moves = layers.data.get("transitions")
    moves = moves if isinstance(moves, list) else []
    # In the order of the map's moves: by where they go from, then to.
    for index in sorted(range(len(moves)), key=lambda i: (moves[i]["from"], moves[i]["to"])):
        path: MapPath = ("transitions", moves[index]["from"], moves[index]["to"])
        places[path] = Place(*layers.where(("transitions", index)))
        for name in moves[index]:
            places[(*path, name)] = Place(*layers.where(("transitions", index, name)))
    return places


def locate(texts: Sequence[tuple[str, str]]) -> dict[MapPath, Place]:
    """The places of the map that texts, each `(text, file)`, make: files already checked (the
    load cache holds their map), so they are only read and merged, not checked again."""
    from careergraph.load.overlay import merge
    from careergraph.load.validate import read_document

    layers, _ = merge([read_document(text, file)[0] for text, file in texts])
    return find_places(layers)


def entry_of(path: MapPath) -> MapPath:
    """The entry a place belongs to: a move is named by three parts, other entries by two."""
    return path[:3] if path[:1] == ("transitions",) else path[:2]


def pack_places(places: Mapping[MapPath, Place], files: Sequence[str]) -> dict[str, Any]:
    """`places` in the `files` they were found in, as plain data: each entry's places as one
    `marshal` record, each place naming its file by its position in `files`.

    The cache finds the same bytes under any name, so no name is kept: `PackedPlaces` is given
    the names of the files read this time.
    """
    numbers = {file: number for number, file in reversed(list(enumerate(files)))}
    rows: dict[MapPath, list[Any]] = {}
    heads: dict[MapPath, tuple[int, int, int]] = {}
    for path, place in places.items():
        entry = entry_of(path)
        rows.setdefault(entry, []).extend(
            (path[len(entry) :], numbers[place.file], place.line, place.column)
        )
        if len(path) == len(entry):
            heads[entry] = (numbers[place.file], place.line, place.column)
    return {
        "entries": {entry: marshal.dumps(tuple(row)) for entry, row in rows.items()},
        "heads": marshal.dumps(heads),
    }


class PackedPlaces(Mapping[MapPath, Place]):
    """The places `pack_places` kept, in `files`, each entry's read on the first question about
    it. `packed` holds the entries' starts ("heads") and may leave their parts ("entries") to
    `more`, asked only when a question is about a part of an entry."""

    __slots__ = ("_entries", "_files", "_heads", "_more", "_packed_heads", "_read")

    def __init__(
        self,
        packed: Mapping[str, Any],
        files: Sequence[str],
        more: Callable[[], Mapping[str, Any]] | None = None,
    ) -> None:
        heads = packed["heads"]  # KeyError: not a packed form
        entries = packed["entries"] if more is None else None
        if not isinstance(heads, bytes) or not isinstance(entries, dict | None):
            raise TypeError("the places are not the ones careergraph keeps")
        self._files = list(files)
        self._more = more
        self._entries: dict[MapPath, bytes] | None = entries
        self._packed_heads: bytes | None = heads
        self._heads: dict[MapPath, tuple[int, int, int]] = {}
        self._read: dict[MapPath, dict[MapPath, tuple[int, int, int]]] = {}

    def _starts(self) -> dict[MapPath, tuple[int, int, int]]:
        """Where each entry starts, as (file number, line, column), by entry."""
        if self._packed_heads is not None:
            try:
                self._heads = marshal.loads(self._packed_heads)
            except (EOFError, TypeError, ValueError) as error:
                raise _foreign() from error
            if not isinstance(self._heads, dict):
                raise _foreign()
            self._packed_heads = None
        return self._heads

    def _records(self) -> dict[MapPath, bytes]:
        """Each entry's `marshal` record, asked of `more` the first time one is needed."""
        if self._entries is None:
            assert self._more is not None  # set whenever the entries are not
            entries = self._more().get("entries")
            if not isinstance(entries, dict):
                raise _foreign()
            self._entries = entries
        return self._entries

    def _entry(self, entry: MapPath) -> dict[MapPath, tuple[int, int, int]]:
        """The entry's places by the rest of their paths, each as (file number, line, column)."""
        found = self._read.get(entry)
        if found is None:
            try:
                row = marshal.loads(self._records()[entry])
                at = zip(row[1::4], row[2::4], row[3::4], strict=True)
                found = dict(zip(row[0::4], at, strict=True))
            except (EOFError, KeyError, TypeError, ValueError) as error:
                raise _foreign() from error
            self._read[entry] = found
        return found

    def _place(self, at: tuple[int, int, int]) -> Place:
        try:
            return Place(self._files[at[0]], at[1], at[2])
        except (IndexError, TypeError) as error:
            raise _foreign() from error

    def __getitem__(self, path: MapPath) -> Place:
        entry = entry_of(path)
        starts = self._starts()
        if entry not in starts:
            raise KeyError(path)
        if len(path) == len(entry):
            return self._place(starts[entry])
        return self._place(self._entry(entry)[path[len(entry) :]])

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, tuple):
            return False
        entry = entry_of(path)
        if entry not in self._starts():
            return False
        return len(path) == len(entry) or path[len(entry) :] in self._entry(entry)

    def __iter__(self) -> Iterator[MapPath]:
        for entry in self._records():
            for rest in self._entry(entry):
                yield (*entry, *rest)

    def __len__(self) -> int:
        return sum(len(self._entry(entry)) for entry in self._records())


def _foreign() -> CareerGraphError:
    # Only an entry written by hand gets here: the payload matched the hash in its header.
    from careergraph.load.cache import NO_CACHE_ENV

    return CareerGraphError(
        Words.of(
            "the load cache's record of where the map's entries stand is not "
            "one careergraph wrote; remove the cache folder or set {env}=1",
            env=NO_CACHE_ENV,
        )
    )
