"""Every file careergraph writes goes through `write_file`, with one policy for every command.

- An existing file is replaced only with `force` (every writing command has --force), or, given
  a `marker`, when its first kilobyte holds it (an HTML map careergraph wrote itself).
- Only regular files are ever replaced. A FIFO or a character device is written into as a
  stream, opened without creating or truncating anything; a block device or a socket is refused.
- `-` is stdout, and so is a name for one of careergraph's own open descriptors
  (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`): the bytes go to that descriptor.
- A symbolic link to a FIFO or character device is written through, as a stream; any other link
  (to a regular file, to nothing) counts as an existing file and is itself replaced, never
  written through: the file it pointed to is left as it was.
- A file the command is reading (its data files, overlays, profile; see `watching_inputs`) is
  never replaced, --force or not: compared by device and inode, and by resolved path.
- A replaced file keeps its permission bits and, where the system allows, its owner and group.
- A name ending in `/` is a folder: the command's default file name is written into it; a folder
  that does not exist is refused rather than made. A folder is never replaced.

A regular file is written atomically: the content goes to a temporary file beside the target, is
flushed to disk, and only then renamed over the target, so readers see the old file or the new
one, never a mix. Where Linux allows it the temporary file has no name until it is complete
(O_TMPFILE), so even a process killed outright leaves nothing behind; elsewhere a named temporary
file carries the writer's process id, and the next write removes any whose writer has died.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from careergraph.catalogue import N_
from careergraph.errors import OutputError, Words

STDOUT = "-"
"""The output name that means stdout."""

_SYSTEM_REASONS = (
    N_("No such file or directory"),
    N_("Permission denied"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("Bad file descriptor"),
    N_("File too large"),
    N_("Input/output error"),
    N_("Broken pipe"),
    N_("Disk quota exceeded"),
    N_("Read-only file system"),
    N_("No space left on device"),
)
"""The operating system's English reasons a file cannot be read or written that the catalogue says
in the user's language (a `reason` value is said from the catalogue when it has it)."""

_HEAD_BYTES = 1024
"""How far into an existing file its marker must appear."""

_OWN_DESCRIPTOR = re.compile(r"/proc/(?:self|thread-self|(\d+))(?:/task/\d+)?/fd/(\d+)")
"""A name for an open descriptor: /dev/stdout and /dev/fd/N lead here."""


@dataclass(frozen=True)
class Written:
    """Where `write_file` put the bytes: `name` as the user reads it, and what it was."""

    name: str
    is_file: bool
    """A regular file (False: stdout, a FIFO, a device or a descriptor, written as a stream)."""

    def __str__(self) -> str:
        return self.name


# The files the running command reads, as (device, inode, resolved path); None outside a command.
_inputs: ContextVar[list[tuple[int, int, str]] | None] = ContextVar("inputs", default=None)


@contextmanager
def watching_inputs() -> Iterator[None]:
    """While this runs, every file noted by `note_input` is one `write_file` refuses to replace."""
    token = _inputs.set([])
    try:
        yield
    finally:
        _inputs.reset(token)


def note_input(name: str, info: os.stat_result) -> None:
    """Record that the file `name` (with this fstat) is being read."""
    seen = _inputs.get()
    if seen is not None:
        seen.append((info.st_dev, info.st_ino, os.path.realpath(name)))


def write_file(
    path: str | os.PathLike[str],
    content: str | bytes,
    *,
    what: str = "",
    marker: bytes | None = None,
    force: bool = False,
    default_name: str | None = None,
    streams: bool = True,
    mode: int | None = None,
) -> Written:
    """Write `content` to `path` under the policy above; OutputError (one line) on any failure.

    Text is written as UTF-8. `what` names the output in the error ("the map"). `default_name`
    is the file written into a folder named with a trailing slash. `streams=False` refuses
    FIFOs, devices and stdout (for files that must be files). `mode` sets the permission bits
    of the file written (default: the umask's for a new file, the old file's for a replaced one).
    """
    plan = _plan(path, what or "the file", marker, force, default_name, streams)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if plan.descriptor is not None:
        _write_descriptor(plan.descriptor, data, plan.what, plan.name)
    elif plan.stream:
        _write_stream(Path(plan.name), data, plan.what)
    else:
        target = Path(plan.name)
        try:
            _make_folder(target.parent)
            _remove_leftovers(target)
            _write_and_replace(target, data, plan.keep, mode)
        except OSError as error:
            _failed(plan.what, target, error)
        _sync_folder(target.parent)
    return Written(plan.name, is_file=not (plan.stream or plan.descriptor is not None))


def check_target(
    path: str | os.PathLike[str],
    *,
    what: str = "",
    marker: bytes | None = None,
    force: bool = False,
    default_name: str | None = None,
) -> None:
    """OutputError if `write_file` with these arguments would refuse `path`; writes nothing.

    A command writing several files checks them all first, so none is written if one is refused.
    """
    _plan(path, what or "the file", marker, force, default_name, streams=True)


@dataclass(frozen=True)
class _Plan:
    """How a write goes: to a descriptor, into a stream, or as a new file over `name`."""

    name: str
    what: str
    descriptor: int | None = None
    stream: bool = False
    keep: os.stat_result | None = None


def _plan(
    path: str | os.PathLike[str],
    what: str,
    marker: bytes | None,
    force: bool,
    default_name: str | None,
    streams: bool,
) -> _Plan:
    """Where and how to write `path`, or OutputError saying why not."""
    name = os.fspath(path)
    if name == STDOUT:
        if not streams:
            _refuse(what, name, N_("it must be a file, not stdout"))
        return _Plan(STDOUT, what, descriptor=1)
    if name.endswith(os.sep):
        name = _in_folder(name, default_name, what)
    target = Path(name)
    try:
        link: os.stat_result | None = os.lstat(target)
    except (FileNotFoundError, NotADirectoryError):
        link = None  # a new file (a file where a folder should be is said when it is made)
    except OSError as error:
        _failed(what, target, error)
    try:
        info = os.stat(target) if link is not None else None
    except OSError:
        info = None  # a link to nothing: replaced like any other link
    if _is_input(target, [s for s in (link, info) if s is not None]):
        # A FIFO or device too: writing into a FIFO the command has read would wait forever.
        _refuse(what, target, N_("careergraph is reading it in this command; name another file"))
    if link is not None and stat.S_ISLNK(link.st_mode):
        descriptor = _own_descriptor(name)
        if descriptor is not None:
            if not streams:
                _refuse(what, target, N_("it must be a file, not an open descriptor"))
            return _Plan(name, what, descriptor=descriptor)
    if info is not None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        if not streams:
            _refuse(what, target, N_("it is a FIFO or a device, not a file"))
        return _Plan(name, what, stream=True)
    _check_replace(target, link, info, what, marker, force, default_name)
    keep = info if link is not None and not stat.S_ISLNK(link.st_mode) else None
    return _Plan(name, what, keep=keep)


def _in_folder(name: str, default_name: str | None, what: str) -> str:
    """The file a name with a trailing slash stands for: the default name in that folder."""
    if not os.path.isdir(name):
        reason = N_("the folder does not exist; make it first, or name a file")
        if os.path.lexists(name.rstrip(os.sep)):
            reason = N_("it is not a folder")
        _refuse(what, name, reason)
    if default_name is None:
        _refuse(what, name, N_("it is a folder; name a file inside it instead"))
    return os.path.join(name, default_name)


def _check_replace(
    target: Path,
    link: os.stat_result | None,
    info: os.stat_result | None,
    what: str,
    marker: bytes | None,
    force: bool,
    default_name: str | None,
) -> None:
    """Refuse what may not be replaced: folders, block devices, sockets, others' files."""
    if link is None:
        return
    if info is not None and stat.S_ISDIR(info.st_mode):
        if default_name is not None and not stat.S_ISLNK(link.st_mode):
            raise OutputError(
                Words.of(
                    "'{file}' is a folder: name a file inside it, or end the name "
                    "with / to write {default} into it",
                    file=target,
                    default=default_name,
                ),
            )
        _refuse(what, target, N_("it is a folder; name a file inside it instead"))
    kind = link if not stat.S_ISLNK(link.st_mode) else None
    if kind is not None and not stat.S_ISREG(kind.st_mode):
        _refuse(
            what,
            target,
            N_("it is a block device, not a file, FIFO or character device")
            if stat.S_ISBLK(kind.st_mode)
            else N_("it is a socket, not a file, FIFO or character device"),
        )
    if force:
        return
    if marker is not None:
        if info is not None and stat.S_ISREG(info.st_mode) and marker in _head(target):
            return  # a file careergraph wrote itself
        raise OutputError(
            Words.of(
                "'{file}' already exists and careergraph did not write it: name "
                "another file, or add --force to replace it",
                file=target,
            ),
        )
    raise OutputError(
        Words.of(
            "'{file}' already exists: pass --force to replace it, or name another file", file=target
        ),
    )


def _is_input(target: Path, found: list[os.stat_result]) -> bool:
    seen = _inputs.get()
    if not seen:
        return False
    resolved = os.path.realpath(target)
    return any(
        path == resolved or any((s.st_dev, s.st_ino) == (dev, ino) for s in found)
        for dev, ino, path in seen
    )


def _refuse(what: str, target: str | Path, reason: str) -> NoReturn:
    # The Japanese sentence names the file alone: `what` is an English phrase from the caller.
    words = Words.of(
        "cannot write {what} to '{file}': {reason}", what=what, file=target, reason=reason
    )
    raise OutputError(words)


def _failed(what: str, target: str | Path, error: OSError) -> NoReturn:
    _refuse(what, target, error.strerror or str(error))


def _own_descriptor(name: str) -> int | None:
    """The descriptor number when `name` (through its links) names one of this process's own."""
    current = os.path.abspath(name)
    for _ in range(40):  # the kernel's own limit on links followed
        folder = os.path.realpath(os.path.dirname(current))
        found = _OWN_DESCRIPTOR.fullmatch(os.path.join(folder, os.path.basename(current)))
        if found and found.group(1) in (None, str(os.getpid())):
            return int(found.group(2))
        try:
            pointed = os.readlink(current)
        except OSError:
            return None
        current = os.path.normpath(os.path.join(folder, pointed))
    return None


def _write_stdout(data: bytes) -> None:
    """The bytes on stdout after any text already printed; a closed pipe stays BrokenPipeError."""
    out = sys.stdout
    try:
        if out is None:
            raise OSError(errno.EBADF, "stdout is closed")
        out.flush()
        out.buffer.write(data)
        out.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(Words.of("cannot write to stdout: {reason}", reason=reason)) from None


def _write_descriptor(descriptor: int, data: bytes, what: str, target: str) -> None:
    """The bytes on one of this process's descriptors, as a stream."""
    if descriptor == 1:
        _write_stdout(data)
        return
    if descriptor == 2 and sys.stderr is not None:
        with suppress(OSError):
            sys.stderr.flush()
    try:
        _write_all(descriptor, data)
    except OSError as error:
        _failed(what, target, error)


def _write_stream(target: Path, data: bytes, what: str) -> None:
    """Write into a FIFO or character device, opened without creating or truncating anything."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        _failed(what, target, error)
    try:
        info = os.fstat(fd)
        if not (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
            # Replaced by something else since it was looked at: write nothing into it.
            _refuse(what, target, N_("it changed while being opened; try again"))
        _write_all(fd, data)
    except OSError as error:
        _failed(what, target, error)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is written: a device or pipe may take fewer at a time."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _head(file: Path) -> bytes:
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, _HEAD_BYTES)
    except OSError:
        return b""
    finally:
        os.close(fd)


def _write_and_replace(
    target: Path, data: bytes, keep: os.stat_result | None, mode: int | None
) -> None:
    """Write `data` to a temporary file in the target's folder, then rename it over the target."""
    temp: Path | None = None
    fd = _unnamed_temp(target.parent)
    try:
        if fd is None:
            temp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
            # O_EXCL: never write into a file someone else left; 0o666 lets the umask decide.
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        _set_mode(fd, keep, mode)  # before the content: a private file is never open to others
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


def _set_mode(fd: int, keep: os.stat_result | None, mode: int | None) -> None:
    """The permission bits (and owner) the new file takes over from the one it replaces."""
    if mode is not None:
        os.fchmod(fd, mode)
        return
    if keep is None:
        return
    # Set-user and set-group bits are not carried over to content careergraph wrote.
    os.fchmod(fd, stat.S_IMODE(keep.st_mode) & 0o1777)
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) != (keep.st_uid, keep.st_gid):
        with suppress(OSError):  # only root may give a file away; a group of one's own is fine
            os.fchown(fd, keep.st_uid, keep.st_gid)
        with suppress(OSError):
            os.fchown(fd, -1, keep.st_gid)


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
            if pid.isdigit() and not _running(int(pid)) and entry.is_file(follow_symlinks=False):
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
