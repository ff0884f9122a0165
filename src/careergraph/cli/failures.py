"""How a failure ends a command: one line on stderr and a documented exit code."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from careergraph.cli.language import language_of
from careergraph.cli.streams import _quiet, tell

if TYPE_CHECKING:
    from careergraph.errors import CareerGraphError


DEBUG_ENV = "CAREERGRAPH_DEBUG"
EXIT_BUG = 70  # EX_SOFTWARE in sysexits.h
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE, what a program killed by the closed pipe would give


def _stream_failed(error: OSError, lang: str | None = None) -> int:
    """Say on stderr that stdout could not be written, and give the exit code for it."""
    from careergraph.errors import EXIT_BAD_INPUT, Words
    from careergraph.render.messages import said, say

    _quiet(sys.stdout)  # what is still buffered goes nowhere, not into a second failure
    lang = lang or language_of(None)
    reason = error.strerror or str(error)
    tell(
        say(
            lang,
            "error: {message}",
            message=said(lang, Words.of("cannot write to stdout: {reason}", reason=reason)),
        )
    )
    return EXIT_BAD_INPUT


def _finish(code: Any) -> int:
    """The exit code once stdout and stderr are flushed: a failure to flush changes a 0."""
    from careergraph.errors import EXIT_BAD_INPUT

    status = code if isinstance(code, int) else (0 if code is None else EXIT_BAD_INPUT)
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        _quiet(sys.stdout)
        status = status or EXIT_CLOSED_PIPE
    except OSError as error:
        status = status or _stream_failed(error)
    except ValueError:  # closed by someone else: what it held is lost
        status = status or EXIT_BAD_INPUT
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):
        _quiet(sys.stderr)
    return status


def _message(error: CareerGraphError, lang: str) -> str:
    """What the user reads on stderr: one line per problem, in `lang` where the words allow."""
    from dataclasses import replace

    from careergraph.errors import DataFileError
    from careergraph.render.messages import said, say

    if isinstance(error, DataFileError):
        return "\n".join(
            str(p) if p.words is None else str(replace(p, message=said(lang, p.words)))
            for p in error.problems
        )
    message = str(error) if error.words is None else said(lang, error.words)
    return say(lang, "error: {message}", message=message)


def fail_in_one_line(error: click.ClickException, group: click.Context | None = None) -> NoReturn:
    """Print click's error as one line naming the command's help, and exit with its code."""
    from careergraph.catalogue import say

    if isinstance(error, click.exceptions.NoArgsIsHelpError):
        raise error  # no arguments at all: the help is the answer
    lang = language_of(getattr(error, "ctx", None) or group)
    message = " ".join(error.format_message().split()).removesuffix(".")
    if isinstance(error, click.UsageError):
        # Parser errors ("requires an argument") carry no context: name the command being run.
        if error.ctx is not None:
            message = say(
                lang,
                "{message} (see '{command} --help')",
                message=message,
                command=error.ctx.command_path,
            )
        elif group is not None:
            command = " ".join(filter(None, [group.command_path, group.invoked_subcommand]))
            message = say(
                lang, "{message} (see '{command} --help')", message=message, command=command
            )
    tell(say(lang, "error: {message}", message=message))
    raise click.exceptions.Exit(error.exit_code)
