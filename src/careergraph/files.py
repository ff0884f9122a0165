"""Writing output files so that a failure never leaves a half-written or stray file."""

from __future__ import annotations

import errno
import os
import secrets
from contextlib import suppress
from pathlib import Path

from careergraph.errors import OutputError, Words


def write_file(path: str | os.PathLike[str], content: str | bytes, *, what: str = "") -> Path:
    """Write atomically: temp file beside the target, fsync, os.replace; OutputError on failure.

    Text is written as UTF-8. `what` names the output in the error ("the map").
    """
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    temp: Path | None = None
    try:
        _make_folder(target.parent)
        name = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
        # O_EXCL: never write into a file someone else left; 0o666 lets the umask decide.
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        temp = name
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
        temp = None
    except OSError as error:
        if temp is not None:
            with suppress(OSError):
                os.unlink(temp)
        reason = error.strerror or str(error)
        what = what or "the file"
        # The Japanese sentence names the file alone: `what` is an English phrase from the caller.
        words = Words.of("error.cannot_write", what=what, file=target, reason=reason)
        message = f"cannot write {what} to '{target}': {reason}"
        raise OutputError(message, words) from None
    _sync_folder(target.parent)
    return target


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise NotADirectoryError(errno.ENOTDIR, f"'{folder}' is a file, not a folder") from None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
