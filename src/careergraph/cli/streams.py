"""The standard streams: every failed write noticed, control characters shown, stderr lines."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterable
from contextlib import suppress
from typing import Any

import click


def tell(line: str) -> None:
    """Print a line on stderr; if stderr cannot be written, the exit code still says it all."""
    try:
        click.echo(line, err=True)
    except (OSError, ValueError):
        _quiet(sys.stderr)


def _quiet(stream: Any) -> None:
    """Point a standard stream's descriptor at the null device: nothing more to fail on exit."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real descriptor (tests capture output in memory)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _prepare_streams() -> None:
    """Standard streams on which careergraph notices every failed write.

    A closed stdout or stderr gets its descriptor back (stdout one that refuses writes, so lost
    output is noticed), or the next file opened would take its number. An unbuffered stream
    (PYTHONUNBUFFERED=1, python -u) writes straight to the descriptor, where the part of a write
    that a filling disk cut short is silently lost: it gets a buffer, flushed at each line, which
    writes the rest or fails. Japanese text on a terminal or pipe that cannot encode it comes out
    as \\u escapes rather than a UnicodeEncodeError halfway through the answer.
    """
    for fd, name in ((1, "stdout"), (2, "stderr")):
        stream = getattr(sys, name)
        if stream is None:
            with suppress(OSError):
                os.fstat(fd)
                continue  # an open descriptor Python chose not to use: leave it alone
            null = os.open(os.devnull, os.O_RDONLY if fd == 1 else os.O_WRONLY)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            raw = io.FileIO(fd, "w", closefd=False)
            stream = io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8")
            setattr(sys, name, stream)
        if not isinstance(stream, io.TextIOWrapper):
            continue
        if isinstance(stream.buffer, io.RawIOBase):
            raw = io.FileIO(stream.fileno(), "w", closefd=False)
            stream = io.TextIOWrapper(
                io.BufferedWriter(raw), encoding=stream.encoding, line_buffering=True
            )
            setattr(sys, name, stream)
        stream.reconfigure(errors="backslashreplace")


# What a terminal must never be sent from text: C0 controls but the line break, the tab and the
# carriage return of a CRLF line end (CSV's), DEL, C1 controls and halves of surrogate pairs.
# None can be in a map that loaded.
_NOT_FOR_TERMINALS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]|\r(?!\n)")


def visible_text(text: str) -> str:
    """`text` with every control character written as a visible escape (ESC as `\\x1b`)."""
    if not _NOT_FOR_TERMINALS.search(text):
        return text
    return _NOT_FOR_TERMINALS.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class VisibleText:
    """A text stream that shows control characters rather than sending them (see visible_text).

    Defence in depth: the loader refuses them in data, but command-line arguments and the
    operating system's messages are echoed too, and none of it may retitle or clear a terminal.
    Binary output (GraphML, GEXF) goes to the underlying buffer untouched.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible_text(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _terminal_width() -> int:
    """The terminal's width as shutil.get_terminal_size gives it: $COLUMNS, the terminal, or 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80  # no terminal (a pipe, a file) or no stdout at all
