"""Reading a data file as text: bounded in size, UTF-8, and plain about the encodings it is not.

People save career maps from Japanese editors (Shift_JIS, UTF-16) and sometimes point careergraph
at the wrong file altogether (an archive, a device, a huge log). Each gets one clear problem
instead of a decode traceback or a machine brought to its knees.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import select
import stat
from typing import BinaryIO

from careergraph.catalogue import N_
from careergraph.errors import DataFileError, Problem, Words
from careergraph.files import note_input
from careergraph.limits import MAX_MB

MAX_BYTES = 20 * 1024 * 1024
"""Far above a company's map (10,000 roles is about 8 MB of YAML) and far below a memory problem."""

MAX_MB_ENV = "CAREERGRAPH_MAX_MB"
"""Raises the size limit for taxonomy-sized maps (100,000 roles is about 90 MB of YAML)."""

_SAMPLE = 4096
_JAPANESE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff9f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")


def read_text(name: str, *, what: str = "data file", needs: str = "a career map") -> str:
    """The text of the file `name`; DataFileError if it cannot be read or is not UTF-8.

    `what` the file is and what it `needs` to hold name it in the messages for a folder and a
    file too large.
    """
    return decode(read_bytes(name, what=what, needs=needs), name)


def read_bytes(name: str, *, what: str = "data file", needs: str = "a career map") -> bytes:
    """The file's bytes, refusing folders, unreadable files and files over the size limit.

    A FIFO, pipe or device is read as a stream, bounded in size and in time: it is opened without
    waiting for a writer, and a wait of STREAM_WAIT seconds with nothing arriving is a problem,
    so careergraph never blocks forever on one. Every file read is noted as an input of the
    command (`careergraph.files.note_input`), which no output may then replace.
    """
    limit = _limit(name)
    # The Japanese sentence leaves out `needs`: it is an English phrase from the caller.
    too_large = Words.of(
        "the file is larger than {mb} MB, far more than {needs} needs: "
        "is it the right file? ({env} raises the limit)",
        mb=limit // 2**20,
        needs=needs,
        env=MAX_MB_ENV,
    )
    try:
        fd = _open(name)
        with open(fd, "rb") as file:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(errno.EISDIR, "Is a directory")
            note_input(name, info)
            if info.st_size > limit and stat.S_ISREG(info.st_mode):
                raise DataFileError([Problem.of(name, 0, 0, too_large)])
            if stat.S_ISREG(info.st_mode) or stat.S_ISBLK(info.st_mode):
                raw = _read_at_most(file, limit + 1, info.st_size)
            else:
                raw = _read_stream(fd, limit + 1, name)
    except IsADirectoryError:
        key = (
            N_("is a folder, not a data file")
            if what == "data file"
            else N_("is a folder, not a profile")
        )
        problem = Problem.of(name, 0, 0, Words.of(key))
        raise DataFileError([problem]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        words = Words.of("cannot read the file: {reason}", reason=reason)
        problem = Problem.of(name, 0, 0, words)
        raise DataFileError([problem]) from None
    if len(raw) > limit:
        raise DataFileError([Problem.of(name, 0, 0, too_large)])
    return raw


def _open(name: str) -> int:
    """A descriptor to read `name`; O_NONBLOCK: a FIFO does not wait here for a writer."""
    return os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)


STREAM_WAIT = 10.0
"""Seconds a FIFO, pipe or device may keep careergraph waiting for its next bytes."""


def _read_stream(fd: int, limit: int, name: str) -> bytes:
    """Up to `limit` bytes from a FIFO, pipe or device, until its end or STREAM_WAIT of silence."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        if not poller.poll(int(STREAM_WAIT * 1000)):
            seconds = f"{STREAM_WAIT:g}"
            words = Words.of(
                "nothing arrived for {seconds} s: careergraph reads a FIFO or a "
                "device only while data keeps coming",
                seconds=seconds,
            )
            raise DataFileError([Problem.of(name, 0, 0, words)])
        try:
            chunk = os.read(fd, min(2**16, limit - total))
        except BlockingIOError:
            continue
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _limit(name: str) -> int:
    """MAX_BYTES, or the number of megabytes $CAREERGRAPH_MAX_MB names."""
    given = os.environ.get(MAX_MB_ENV, "").strip()
    if not given:
        return MAX_BYTES
    # ASCII digits only: int() also reads '²' and '٣', and refuses 4,301 digits with a traceback.
    digits = given.lstrip("0")
    if not (given.isascii() and given.isdigit()) or not digits or len(digits) > len(str(MAX_MB)):
        shown = given if len(given) <= 20 else given[:19] + "…"
        words = Words.of(
            "{env} is '{given}': give the size limit as a whole number of "
            "megabytes from 1 to {most}",
            env=MAX_MB_ENV,
            given=shown,
            most=f"{MAX_MB:,}",
        )
        raise DataFileError([Problem.of(name, 0, 0, words)])
    if int(digits) > MAX_MB:
        words = Words.of(
            "{env} is {given}: the size limit can be at most {most} megabytes",
            env=MAX_MB_ENV,
            given=given,
            most=f"{MAX_MB:,}",
        )
        raise DataFileError([Problem.of(name, 0, 0, words)])
    return int(digits) * 2**20


def _read_at_most(file: BinaryIO, limit: int, size: int = 0) -> bytes:
    """Up to `limit` bytes: the `size` the file says it has at once, then in pieces.

    read(limit) would set aside `limit` bytes at once for a device or a pipe, which say 0.
    """
    chunks: list[bytes] = []
    total = 0
    piece = max(size + 1, 2**16)  # a regular file in one read (and one more byte, if it grew)
    while total < limit:
        chunk = file.read(min(piece, limit - total))
        piece = 2**16
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def decode(raw: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark is allowed), else a problem naming what the bytes look like."""
    wide = _wide_encoding(raw)
    if wide:
        words = Words.of("the file is {encoding} text; save it as UTF-8", encoding=wide)
        raise DataFileError([Problem.of(name, 1, 1, words)])
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _place(raw, nul)
        raise DataFileError(
            [
                Problem.of(
                    name,
                    line,
                    column,
                    Words.of("the file holds binary data (a NUL byte), not YAML text"),
                )
            ]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _place(raw, error.start)
        if _looks_like_shift_jis(raw):
            words = Words.of("the file looks like Shift_JIS (cp932); save it as UTF-8")
        else:
            words = Words.of(
                "the file is not UTF-8 text (byte {byte}); save it as UTF-8",
                byte=f"0x{raw[error.start]:02X}",
            )
        raise DataFileError([Problem.of(name, line, column, words)]) from None


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the byte-order mark or the NULs of ASCII text say so."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    sample = raw[: _SAMPLE - _SAMPLE % 4]
    quarter = len(sample) // 4
    if not quarter:
        return None
    # Without a mark: ASCII characters in UTF-16 put a NUL in every other byte, and in UTF-32
    # three NULs in every four; binary data has NULs scattered anywhere.
    full = [sample[i::4].count(0) > quarter // 4 for i in range(4)]
    if sum(full) == 3:
        return "UTF-32"
    if full in ([True, False, True, False], [False, True, False, True]):
        return "UTF-16"
    return None


def _looks_like_shift_jis(raw: bytes) -> bool:
    """Whether the bytes read as Japanese text in cp932, Windows' Shift_JIS."""
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        return False
    return bool(_JAPANESE.search(text)) and not _CONTROL.search(text)


def _place(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of a byte offset."""
    line = raw.count(b"\n", 0, offset) + 1
    return line, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
