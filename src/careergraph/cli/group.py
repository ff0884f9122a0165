"""The `careergraph` group: its commands, looked up lazily, and failures handled in one place.

Command modules import the library inside their functions, not at the top, so that
`careergraph --help` and commands that need little start fast.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

import click

from careergraph import DATA_ENV, LANGUAGES, __version__
from careergraph.cli.failures import (
    DEBUG_ENV,
    EXIT_BUG,
    EXIT_CLOSED_PIPE,
    EXIT_INTERRUPTED,
    _finish,
    _message,
    _stream_failed,
    fail_in_one_line,
)
from careergraph.cli.language import (
    _ASKED_LANGUAGE,
    LANG_ENV,
    _asked_language,
    language_of,
    remember_language,
)
from careergraph.cli.options import data_option
from careergraph.cli.streams import VisibleText, _prepare_streams, _quiet, _terminal_width, tell

if TYPE_CHECKING:
    from pathlib import Path


# Every command: the module that defines it, and the first paragraph of its help, which
# `careergraph --help` lists. A command's module is imported only when that command runs (or
# its own help is asked for), so the list is kept here; a test checks it against the commands.
COMMANDS: dict[str, tuple[str, str]] = {
    "diff": (
        "compare",
        "What changed from OLD to NEW: records, fields, and routes longer, shorter, new or gone.",
    ),
    "export": ("exports", "Export the map as node-link JSON, GraphML, GEXF, Mermaid, DOT or CSV."),
    "fit": (
        "profile",
        "Roles ranked by how much of what they ask ROLE (or, with --me, you) already meets.",
    ),
    "gap": (
        "explore",
        "Skills TO needs above FROM's level (or, with --me, above yours), largest first.",
    ),
    "lint": ("design", "Find structural mistakes in a map (FILES: a base map and overlays)."),
    "me": (
        "profile",
        "Your profile: the role you hold, your own skill levels, the years you have served.",
    ),
    "next": ("explore", "The moves open from ROLE, with years and the size of the skill gap."),
    "path": (
        "explore",
        "Best route from FROM (or, with --me, your role) to TO by total years,"
        " with skills to build.",
    ),
    "plan": (
        "profile",
        "A promotion plan from FROM (or, with --me, from you) to TO, to keep and share.",
    ),
    "reach": (
        "profile",
        "Roles reachable from ROLE (or, with --me, from you) within YEARS, nearest first.",
    ),
    "render": (
        "maps",
        "Write the interactive HTML map: ladders side by side, a route lit up if asked.",
    ),
    "roles": ("explore", "The roles, ladder by ladder in the file's order, each in level order."),
    "schema": (
        "design",
        "Print the JSON Schema of the data file, for editors to complete and check it.",
    ),
    "show": (
        "explore",
        "Everything about a role: names, level, skills, and the moves into and out of it.",
    ),
    "similar": (
        "compare",
        "Roles most like ROLE by skills weighted by level, with the skill gap each way.",
    ),
    "validate": (
        "maps",
        "Check a career-map file (FILES: a base map and overlays): `OK: N roles, M transitions`.",
    ),
}


def _said_now(option: click.Option | None) -> click.Option | None:
    """The help option, its line said in this command's language (click words it only once)."""
    from gettext import gettext

    if option is not None:
        option.help = gettext("Show this message and exit.")
    return option


class Command(click.Command):
    """A command whose help option is said in the language of each run."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _said_now(super().get_help_option(ctx))


class Group(click.Group):
    """A group of commands whose help options are said in the language of each run."""

    command_class = Command
    group_class: type[click.Group] | type[type] | None = type  # its groups are Groups too

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _said_now(super().get_help_option(ctx))


class Commands(Group):
    """Turns every failure into one line on stderr and a documented exit code, in one place.

    Its commands' modules are imported when a command is looked up (see COMMANDS).
    """

    group_class = Group

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        from gettext import gettext

        params = super().get_params(ctx)
        for param in params:
            if isinstance(param, click.Option) and param.name == "version":
                param.help = gettext("Show the version and exit.")  # worded once, at import
        return params

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            from importlib import import_module

            import_module(f"careergraph.cli.{COMMANDS[name][0]}")
        return self.commands.get(name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # click's own listing, over stand-ins that carry each command's summary: looking the
        # commands up would import every command module just to print one line of each.
        listed = {
            name: self.commands.get(name) or click.Command(name, help=COMMANDS[name][1])
            for name in self.list_commands(ctx)
        }
        click.Group(commands=listed).format_commands(ctx, formatter)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        from careergraph.catalogue import speaking

        _prepare_streams()
        shown = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = VisibleText(sys.stdout), VisibleText(sys.stderr)
        given = kwargs.get("args", args[0] if args else None)
        # click's own words (parse errors, help) in the language the command asks for.
        lang = _asked_language(sys.argv[1:] if given is None else given)
        asked = _ASKED_LANGUAGE.set(lang)
        try:
            with speaking(lang):
                if not kwargs.get("standalone_mode", True):
                    return super().main(*args, **kwargs)
                code: Any = 0
                try:
                    super().main(*args, **kwargs)
                except SystemExit as done:
                    code = done.code
                except OSError as error:  # click's own text could not be written
                    code = _stream_failed(error)
        finally:
            _ASKED_LANGUAGE.reset(asked)
            if isinstance(sys.stdout, VisibleText) and isinstance(sys.stderr, VisibleText):
                sys.stdout, sys.stderr = shown
        sys.exit(_finish(code))

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        # Given a width, click's help formatter does not import shutil (and with it bz2 and
        # lzma) to ask the terminal: a third of what `careergraph --help` spends beyond click.
        kwargs.setdefault("terminal_width", _terminal_width())
        try:
            return super().make_context(*args, **kwargs)
        except click.ClickException as error:  # a mistake in the options before the command
            fail_in_one_line(error)
        except BrokenPipeError:  # `careergraph --help | head -1`
            _quiet(sys.stdout)
            raise click.exceptions.Exit(EXIT_CLOSED_PIPE) from None
        except OSError as error:  # the help or version text could not be written
            raise click.exceptions.Exit(_stream_failed(error)) from None

    def invoke(self, ctx: click.Context) -> Any:
        from careergraph.errors import CareerGraphError
        from careergraph.files import watching_inputs

        try:
            # Every file the command reads is one that no output of it may replace.
            with watching_inputs():
                result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe surfaces here, not in the interpreter's exit
            return result
        except CareerGraphError as error:
            tell(_message(error, language_of(ctx)))
            ctx.exit(error.exit_code)
        except click.ClickException as error:
            fail_in_one_line(error, ctx)
        except (click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # The reader (`| head -1`) has what it wanted; later writes go nowhere, quietly.
            _quiet(sys.stdout)
            ctx.exit(EXIT_CLOSED_PIPE)
        except KeyboardInterrupt:
            from careergraph.catalogue import say

            lang = language_of(ctx)
            tell(say(lang, "error: {message}", message=say(lang, "interrupted")))
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as error:
            if isinstance(error, OSError) and error.filename is None:
                # careergraph reads and writes files with their names in every error (see
                # careergraph.files); an OSError without one is a failed write to stdout.
                ctx.exit(_stream_failed(error, language_of(ctx)))
            if ctx.params.get("debug") or os.environ.get(DEBUG_ENV, "") not in ("", "0"):
                raise
            from careergraph.catalogue import say

            lang = language_of(ctx)
            bug = say(
                lang,
                "this is a bug in careergraph ({error}); please report it on the "
                "careergraph issue tracker with the output of the same command "
                "run with --debug (or {env}=1), which shows the traceback",
                error=f"{type(error).__name__}: {error}",
                env=DEBUG_ENV,
            )
            tell(say(lang, "error: {message}", message=bug))
            ctx.exit(EXIT_BUG)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="careergraph")
@data_option(
    f"Career-map YAML file for every command; repeat to overlay "
    f"[default: ${DATA_ENV}, else data/paths.yaml]."
)
@click.option(
    "--lang",
    "root_lang",
    type=click.Choice(LANGUAGES),
    default=None,
    callback=lambda ctx, param, lang: lang and remember_language(ctx, param, lang),
    help=f"Language for every command [default: ${LANG_ENV}, else ja for a Japanese locale,"
    " else en].",
)
@click.option(
    "--debug",
    is_flag=True,
    help=f"Show the traceback of an unexpected failure (also: {DEBUG_ENV}=1).",
)
def cli(data_file: tuple[Path, ...], root_lang: str | None, debug: bool) -> None:
    """Explore career paths: routes between roles, skill gaps, and an interactive map.

    Roles can be named by id, by any name in any language, or by alias
    ("PMO Coordinator", PMOコーディネーター and pmo_coordinator are the same role).

    Exit codes: 0 success; 1 the question has no answer (no route, or lint found an error);
    2 bad usage or bad data, or output that cannot be written; 70 a bug in careergraph
    (rerun with --debug); 130 interrupted; 141 the reader of the output went away (a closed pipe).
    """
