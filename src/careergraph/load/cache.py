"""The load cache: a checked map's plain data, kept so unchanged files load without parsing.

An entry is named `careergraph-<key>.map`, where the key is the SHA-256 of everything the loaded
map depends on: each file's format (YAML or JSON, by its suffix) and the SHA-256 of its bytes, in
the order given. It holds a header line (the magic line below, then the format, careergraph
version, a hash of the loader's own source, the key, the payload's length and hash) and the plain
data in `marshal` form. The loader's hash means a changed check (in a development copy, where the
version stays the same) never trusts what an older one accepted. Where the map's entries stand,
which only `careergraph lint` asks, is kept in an entry of its own (`part` "places", a key of its
own), so other commands never read it. Anything that does not match to
the byte (another version, a truncated or corrupt or foreign file) is ignored and rebuilt.

Only files with that name pattern and that magic line are read or pruned: anything else in the
folder is the user's and is left alone. The folder and its entries are opened without following
symbolic links; an entry is read only if it is a regular file, and only if it is no larger than
ENTRY_FACTOR times the files' own size, so a FIFO, a device or a link planted in the folder costs
nothing. A folder careergraph makes is private (0700); an
existing folder is used only if it is the user's own, not a link and writable by no one else,
and its mode is never changed: otherwise there is simply no cache (a 0555 folder is read but
never written). Entries are written whole through `careergraph.files.write_file` (temp file and
rename, mode 0600), so two processes writing at once each leave a complete entry.

Where: $CAREERGRAPH_CACHE_DIR, else $XDG_CACHE_HOME/careergraph (an absolute XDG_CACHE_HOME only,
as the XDG spec says), else ~/.cache/careergraph. CAREERGRAPH_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from careergraph import __version__
from careergraph.errors import CareerGraphError

CACHE_DIR_ENV = "CAREERGRAPH_CACHE_DIR"
NO_CACHE_ENV = "CAREERGRAPH_NO_CACHE"
FORMAT = 9
"""The entries' format: raise it whenever the cached data's shape, the key or the header changes."""
MAGIC = b"careergraph-load-cache\n"
KEEP = 32
"""Entries kept; older ones are removed when a new one is written."""
ENTRY_FACTOR = 16
"""An entry larger than this many times its files' bytes (plus a megabyte) is not read."""
_HEADER_BYTES = 4096
_ENTRY_NAME = re.compile(r"careergraph-[0-9a-f]{64}\.map")
_OLD_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.map")
"""How entries were named before FORMAT 4: pruned too, when they carry the magic line."""


def cache_dir() -> Path | None:
    """The folder entries live in, or None when caching is turned off."""
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG spec: a relative path in XDG_CACHE_HOME is invalid and is to be ignored.
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "careergraph"


def file_format(name: str) -> str:
    """How the loader reads a file: "json" when its name ends in .json, else "yaml"."""
    return "json" if name.lower().endswith(".json") else "yaml"


def file_key(
    raw: bytes | Sequence[bytes], names: Sequence[str] | None = None, part: str = ""
) -> str:
    """The key of files' contents in order, each read in the format its name gives (YAML if none).

    The format is part of the key: the same bytes named `.yaml` and `.json` are two questions.
    A `part` names something else kept about the same files, in an entry of its own.
    """
    raws = [raw] if isinstance(raw, bytes) else list(raw)
    formats = [file_format(n) for n in names] if names is not None else ["yaml"] * len(raws)
    digest = hashlib.sha256(b"careergraph load key\n")
    if part:
        digest.update(f"part {part}\n".encode())
    for one, kind in zip(raws, formats, strict=True):
        digest.update(f"{kind} {hashlib.sha256(one).hexdigest()}\n".encode())
    return digest.hexdigest()


def entry_name(key: str) -> str:
    """The file name of the entry for `key`."""
    return f"careergraph-{key}.map"


def recall(
    raw: bytes | Sequence[bytes], names: Sequence[str] | None = None, part: str = ""
) -> Any | None:
    """The plain data cached for files with these bytes, or None if there is no valid entry."""
    folder = cache_dir()
    if folder is None:
        return None
    key = file_key(raw, names, part)
    size = len(raw) if isinstance(raw, bytes) else sum(len(one) for one in raw)
    with _opened(folder) as fd:
        if fd is None:
            return None
        blob = _read_entry(fd, entry_name(key), ENTRY_FACTOR * size + 2**20)
    if blob is None:
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


def remember(
    raw: bytes | Sequence[bytes], data: Any, names: Sequence[str] | None = None, part: str = ""
) -> None:
    """Keep the checked plain data of files; any failure only means no cache."""
    folder = cache_dir()
    if folder is None:
        return
    from careergraph.files import write_file

    key = file_key(raw, names, part)
    try:
        payload = marshal.dumps(data)
        _make(folder)
        with _opened(folder, writing=True) as fd:
            if fd is None:
                return
            header = json.dumps(_header(key, payload), sort_keys=True).encode()
            write_file(
                folder / entry_name(key),
                MAGIC + header + b"\n" + payload,
                what="the load cache",
                force=True,  # an entry of the same key is replaced: the header says which is good
                streams=False,  # a FIFO or device where an entry goes is refused, not written
                mode=0o600,
            )
            _prune(fd)
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


def _make(folder: Path) -> None:
    """Make the folder, private, if it is missing; an existing one is left exactly as it is."""
    if os.path.lexists(folder):
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    with suppress(FileExistsError):
        os.mkdir(folder, 0o700)


@contextmanager
def _opened(folder: Path, *, writing: bool = False) -> Iterator[int | None]:
    """A descriptor of the folder if it is safe to use, else None: never a link, never chmodded.

    Safe: a real folder (not a link to one), the user's own, writable by no one else; and to
    write, writable by the user too (root can write into a 0555 folder, but the mode says no).
    """
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        yield None
        return
    try:
        info = os.fstat(fd)
        usable = info.st_uid == os.geteuid() and not info.st_mode & 0o022
        if writing:
            usable = usable and bool(info.st_mode & stat.S_IWUSR)
        yield fd if usable else None
    finally:
        os.close(fd)


def _open_entry(folder: int, name: str) -> int | None:
    """A descriptor of the entry `name` if it is a regular file; links are not followed."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(name, flags, dir_fd=folder)  # a FIFO opens at once with O_NONBLOCK
    except OSError:
        return None
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


def _read_entry(folder: int, name: str, limit: int) -> bytes | None:
    """The entry's bytes, or None if it is not a regular file or is larger than `limit`."""
    fd = _open_entry(folder, name)
    if fd is None:
        return None
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            return None
        chunks: list[bytes] = []
        total = 0
        while total < size:
            chunk = os.read(fd, min(size - total, 2**24))
            if not chunk:
                return None  # shorter than it said: being written or damaged
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def _is_entry(folder: int, name: str) -> bool:
    """Whether `name` is an entry careergraph wrote: its name pattern and its magic line."""
    if not (_ENTRY_NAME.fullmatch(name) or _OLD_ENTRY_NAME.fullmatch(name)):
        return False
    fd = _open_entry(folder, name)
    if fd is None:
        return False
    try:
        return os.read(fd, len(MAGIC)) == MAGIC
    except OSError:
        return False
    finally:
        os.close(fd)


def _prune(folder: int) -> None:
    """Remove all but the most recently written entries; nothing else in the folder."""
    entries: list[tuple[float, str]] = []
    with suppress(OSError):
        for entry in os.scandir(folder):
            with suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and _is_entry(folder, entry.name):
                    entries.append((info.st_mtime, entry.name))
    entries.sort(reverse=True)
    for _, name in entries[KEEP:]:
        with suppress(OSError):
            os.unlink(name, dir_fd=folder)
