"""Writing output files so that a failure never leaves a half-written or stray file.

The content goes to a temporary file beside the target, is flushed to disk, and only then renamed
over the target, so readers see the old file or the new one, never a mix. Where Linux allows it the
temporary file has no name until it is complete (O_TMPFILE), so even a process killed outright
leaves nothing behind; elsewhere a named temporary file carries the writer's process id, and the
next write removes any whose writer has died.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from contextlib import suppress
from pathlib import Path

from careergraph.errors import OutputError, Words

_HEAD_BYTES = 1024
"""How far into an existing file its marker must appear."""


def write_file(
    path: str | os.PathLike[str],
    content: str | bytes,
    *,
    what: str = "",
    marker: bytes | None = None,
    force: bool = False,
) -> Path:
    """Write atomically: temp file beside the target, fsync, os.replace; OutputError on failure.

    Text is written as UTF-8. `what` names the output in the error ("the map"). A folder is never
    replaced. With `marker`, an existing file is replaced only when its first kilobyte holds the
    marker (careergraph wrote it) or `force` is true.
    """
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    _check_target(target, what or "the file", marker, force)
    try:
        _make_folder(target.parent)
        _remove_leftovers(target)
        _write_and_replace(target, data)
    except OSError as error:
        reason = error.strerror or str(error)
        what = what or "the file"
        # The Japanese sentence names the file alone: `what` is an English phrase from the caller.
        words = Words.of("error.cannot_write", what=what, file=target, reason=reason)
        message = f"cannot write {what} to '{target}': {reason}"
        raise OutputError(message, words) from None
    _sync_folder(target.parent)
    return target


def _check_target(target: Path, what: str, marker: bytes | None, force: bool) -> None:
    try:
        info = target.stat()
    except OSError:
        return  # nothing there (or nothing reachable): the write itself will say what is wrong
    if stat.S_ISDIR(info.st_mode):
        reason = "it is a folder; name a file inside it instead"
        words = Words.of("error.cannot_write", what=what, file=target, reason=reason)
        raise OutputError(f"cannot write {what} to '{target}': {reason}", words)
    if marker is None or force:
        return
    if not (stat.S_ISREG(info.st_mode) and marker in _head(target)):
        raise OutputError(
            f"'{target}' already exists and careergraph did not write it: "
            "name another file, or add --force to replace it",
            Words.of("error.not_ours", file=target),
        )


def _head(file: Path) -> bytes:
    try:
        with open(file, "rb") as existing:
            return existing.read(_HEAD_BYTES)
    except OSError:
        return b""


def _write_and_replace(target: Path, data: bytes) -> None:
    """Write `data` to a temporary file in the target's folder, then rename it over the target."""
    temp: Path | None = None
    fd = _unnamed_temp(target.parent)
    try:
        if fd is None:
            temp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
            # O_EXCL: never write into a file someone else left; 0o666 lets the umask decide.
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            if temp is None:
                # Only now, complete and on disk, does the file get a name to rename from.
                temp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
                _link_open_file(out.fileno(), temp)
        os.replace(temp, target)
        temp = None
    finally:
        # Any failure, an interrupt included, removes the temporary file.
        if temp is not None:
            with suppress(OSError):
                os.unlink(temp)


def _link_open_file(fd: int, name: Path) -> None:
    """Give the open nameless file `fd` the name `name`."""
    folder = os.open(name.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        # With a folder descriptor Python calls linkat(AT_SYMLINK_FOLLOW), which links the file
        # the /proc entry points at rather than the /proc entry itself.
        os.link(f"/proc/self/fd/{fd}", name.name, dst_dir_fd=folder)
    finally:
        os.close(folder)


def _unnamed_temp(folder: Path) -> int | None:
    """A file descriptor of a nameless new file in `folder`, where the system offers them."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o666)
    except OSError:
        return None  # a file system without O_TMPFILE


def _remove_leftovers(target: Path) -> None:
    """Remove temporary files for `target` left by writers that no longer run."""
    prefix = f".{target.name}."
    with suppress(OSError):
        for entry in os.scandir(target.parent):
            if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                continue
            pid = entry.name[len(prefix) :].split(".")[0]
            if pid.isdigit() and not _running(int(pid)):
                with suppress(OSError):
                    os.unlink(entry.path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # running, under another user
    return True


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
