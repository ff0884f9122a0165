"""Load a career-map file (YAML, or JSON by its suffix) strictly into a `CareerMap`.

Every mistake is reported with its place. A file loaded before with the same bytes comes from the
load cache (`careergraph.load.cache`) without parsing or pydantic; the parser and the schema are
imported only on a miss, so a warm start stays quick.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from careergraph import DATA_ENV
from careergraph.errors import DataFileError, Problem
from careergraph.load import cache
from careergraph.load.build import build_map, canonical
from careergraph.model import CareerMap

__all__ = ["DATA_ENV", "default_data_path", "load_paths", "parse_paths"]


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
    with _collector_paused():
        data = cache.recall(raw)
        if data is not None:
            try:
                return build_map(data, name)
            except (KeyError, TypeError, ValueError, AttributeError):
                pass  # an entry of the right form but foreign content: check the file again
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
            problem = Problem(name, line, column, "the file is not UTF-8 text")
            raise DataFileError([problem]) from None
        data = _checked(text, name)
        career_map = build_map(data, name)
        cache.remember(raw, data)
        return career_map


def parse_paths(text: str, file: str = "<string>") -> CareerMap:
    """Check the text of a data file as a career map; `file` names it in error messages.

    The text is read as JSON when `file` ends in `.json`, else as YAML. No cache is used.
    """
    with _collector_paused():
        return build_map(_checked(text, file), file)


def _checked(text: str, file: str) -> dict[str, Any]:
    """The plain data of a valid career-map file; `DataFileError` with every problem if not."""
    from careergraph.load.check import check_document

    if file.lower().endswith(".json"):
        from careergraph.load.json_source import read_json

        document, problems = read_json(text, file)
    else:
        from careergraph.load.yaml_source import read_yaml

        document, problems = read_yaml(text, file)
    if document.data is None and problems:
        raise DataFileError(problems)
    data = check_document(document, problems)
    if problems or data is None:
        raise DataFileError(problems)
    return canonical(data)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a map is read.

    Reading builds millions of small containers and none of them forms a cycle; with the collector
    running, its passes over them cost more than the parsing (10,000 roles: about 3 times as long).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
