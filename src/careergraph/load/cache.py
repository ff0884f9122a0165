"""The load cache: a checked map's plain data, kept so unchanged files load without parsing.

An entry is named by the SHA-256 of the file's bytes (of each file's SHA-256, in order, for a map
with overlays) and holds a header line (format, careergraph
version, a hash of the loader's own source, the file's hash, the payload's length and hash) and the
plain data in `marshal` form. The loader's hash means a changed check (in a development copy, where
the version stays the same) never trusts what an older one accepted.
Anything that does not match to the byte (another version, a truncated or corrupt or foreign
file) is ignored and rebuilt. Entries are written whole through `careergraph.files.write_file`
(temp file and rename), so two processes writing at once each leave a complete entry. The folder
is private to the user (0700); a folder that cannot be made or written just means no cache.

Where: $CAREERGRAPH_CACHE_DIR, else $XDG_CACHE_HOME/careergraph, else ~/.cache/careergraph.
CAREERGRAPH_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import stat
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from careergraph import __version__
from careergraph.errors import CareerGraphError

CACHE_DIR_ENV = "CAREERGRAPH_CACHE_DIR"
NO_CACHE_ENV = "CAREERGRAPH_NO_CACHE"
FORMAT = 4
"""The entries' format: raise it whenever the cached data's shape or the header changes."""
MAGIC = b"careergraph-load-cache\n"
KEEP = 32
"""Entries kept; older ones are removed when a new one is written."""


def cache_dir() -> Path | None:
    """The folder entries live in, or None when caching is turned off."""
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "careergraph"


def file_key(raw: bytes | Sequence[bytes]) -> str:
    """The key of a file's contents, or of several files' (a map and its overlays) in order."""
    if isinstance(raw, bytes):
        return hashlib.sha256(raw).hexdigest()
    if len(raw) == 1:
        return file_key(raw[0])
    return hashlib.sha256(" ".join(file_key(one) for one in raw).encode()).hexdigest()


def recall(raw: bytes | Sequence[bytes]) -> Any | None:
    """The plain data cached for files with these bytes, or None if there is no valid entry."""
    folder = cache_dir()
    if folder is None or not _private(folder):
        return None
    key = file_key(raw)
    try:
        blob = (folder / f"{key}.map").read_bytes()
    except OSError:
        return None
    header_end = blob.find(b"\n", len(MAGIC))
    if not blob.startswith(MAGIC) or header_end < 0:
        return None
    try:
        header = json.loads(blob[len(MAGIC) : header_end])
    except ValueError:
        return None
    payload = blob[header_end + 1 :]
    if header != _header(key, payload):
        return None  # another version or format, another file, or a damaged payload
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def remember(raw: bytes | Sequence[bytes], data: Any) -> None:
    """Keep the checked plain data of files; any failure only means no cache."""
    folder = cache_dir()
    if folder is None:
        return
    from careergraph.files import write_file

    key = file_key(raw)
    try:
        payload = marshal.dumps(data)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        header = json.dumps(_header(key, payload), sort_keys=True).encode()
        write_file(folder / f"{key}.map", MAGIC + header + b"\n" + payload, what="the load cache")
        _prune(folder)
    except (OSError, ValueError, CareerGraphError):
        return


def code_fingerprint() -> str:
    """A hash of the source of the modules that check and build a map."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for source in sorted([*here.glob("*.py"), here.parent / "model.py"]):
        with suppress(OSError):
            digest.update(source.read_bytes())
    return digest.hexdigest()


def _header(key: str, payload: bytes) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "careergraph": __version__,
        "code": code_fingerprint(),
        "file": key,
        "length": len(payload),
        "payload": hashlib.sha256(payload).hexdigest(),
    }


def _private(folder: Path) -> bool:
    """True when the folder is the user's own and closed to others (made so if it is ours)."""
    try:
        info = folder.stat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            return False
        if info.st_mode & 0o077:
            folder.chmod(0o700)
    except OSError:
        return False
    return True


def _prune(folder: Path) -> None:
    """Remove all but the most recently written entries."""
    with suppress(OSError):
        entries = sorted(folder.glob("*.map"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            with suppress(OSError):
                old.unlink()
