"""The `careergraph` group and what its commands share: options, loading, output, errors.

Command modules import the library inside their functions, not at the top, so that
`careergraph --help` and commands that need little start fast.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from careergraph import DATA_ENV, LANGUAGES, __version__

if TYPE_CHECKING:
    from pathlib import Path

    from careergraph.errors import CareerGraphError
    from careergraph.files import Written
    from careergraph.graph import CareerGraph
    from careergraph.model import CareerMap, Profile, Role
    from careergraph.query import Route
    from careergraph.render.html import RouteQuestion

_F = TypeVar("_F", bound=Callable[..., Any])

LANG_ENV = "CAREERGRAPH_LANG"
_LOCALE_ENVS = ("LC_ALL", "LC_MESSAGES", "LANG")


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language when --lang is not given: $CAREERGRAPH_LANG, else a Japanese locale, else en."""
    env = os.environ if environ is None else environ
    chosen = env.get(LANG_ENV, "").strip()
    if chosen:
        if chosen not in LANGUAGES:
            from careergraph.catalogue import say
            from careergraph.errors import CareerGraphError, Words

            # Said in English: the setting that names the language is the one that is wrong.
            languages = say("en", " or ").join(LANGUAGES)
            raise CareerGraphError(
                Words.of(
                    "{env} is '{chosen}', which careergraph does not speak: use {languages}",
                    env=LANG_ENV,
                    chosen=chosen,
                    languages=languages,
                )
            )
        return chosen
    # POSIX: the first of these that is set decides the messages' language.
    locale = next((env[name] for name in _LOCALE_ENVS if env.get(name)), "")
    return "ja" if locale.startswith("ja") else "en"


DEBUG_ENV = "CAREERGRAPH_DEBUG"
EXIT_BUG = 70  # EX_SOFTWARE in sysexits.h
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE, what a program killed by the closed pipe would give


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


def tell(line: str) -> None:
    """Print a line on stderr; if stderr cannot be written, the exit code still says it all."""
    try:
        click.echo(line, err=True)
    except (OSError, ValueError):
        _quiet(sys.stderr)


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


_LANG_KEY = "careergraph.lang"
# The language the command line asks for, known before click parses it (see _asked_language).
_ASKED_LANGUAGE: ContextVar[str | None] = ContextVar("careergraph_asked_language", default=None)


def remember_language(ctx: click.Context, _param: click.Parameter, lang: str) -> str:
    """--lang's callback: keep the command's language where the error printer finds it."""
    ctx.meta[_LANG_KEY] = lang
    return lang


def language_of(ctx: click.Context | None) -> str:
    """The language of the command that failed: its --lang, else the default, else English."""
    from careergraph.errors import CareerGraphError

    if ctx is not None and _LANG_KEY in ctx.meta:
        return str(ctx.meta[_LANG_KEY])
    asked = _ASKED_LANGUAGE.get()
    if asked is not None:
        return asked
    try:
        return default_language()
    except CareerGraphError:
        return "en"


def _asked_language(args: Sequence[str]) -> str:
    """The language the command line asks for, read before click parses it (for click's words)."""
    asked = None
    for arg, value in zip(args, [*args[1:], ""], strict=True):
        if arg == "--":
            break
        if arg == "--lang":
            asked = value
        elif arg.startswith("--lang="):
            asked = arg.removeprefix("--lang=")
    if asked in LANGUAGES:
        return asked
    from careergraph.errors import CareerGraphError

    try:
        return default_language()
    except CareerGraphError:
        return "en"


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


def _given_or_default_language() -> str:
    """A command's language when its own --lang is not given: the one given before the command
    (`careergraph --lang ja show cto`), else `default_language`."""
    context = click.get_current_context(silent=True)
    given = context.find_root().params.get("root_lang") if context is not None else None
    return str(given) if given else default_language()


def language_option(command: _F) -> _F:
    """The --lang option alone, for commands that take no --data or --json of `common`'s kind."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=_given_or_default_language,
        callback=remember_language,
        show_default=f"${LANG_ENV}, else ja for a Japanese locale, else en",
        help="Language of names, headings and messages.",
    )(command)


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


def common(command: _F) -> _F:
    """Options every command takes: --data, --lang and --json."""
    command = click.option(
        "--json", "as_json_output", is_flag=True, help="Print JSON for scripts instead of text."
    )(command)
    command = language_option(command)
    return data_option(
        f"Career-map YAML file; repeat to overlay later files on earlier ones "
        f"[default: ${DATA_ENV}, else the bundled data/paths.yaml]."
    )(command)


def data_option(help: str) -> Callable[[_F], _F]:
    """--data, repeatable: the map's files, later ones overlaid on earlier ones."""
    return click.option(
        "--data", "data_file", type=FilePath(dir_okay=False), multiple=True, help=help
    )


if TYPE_CHECKING:
    DataFiles = Sequence[Path] | Path | None


class FilePath(click.Path):
    """click's Path giving pathlib values, with pathlib imported only once a path is given."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from gettext import gettext
        from pathlib import Path

        # click words the kind of path ("file") when the option is made, in the language of the
        # command that first imported its module; its messages name it in this command's.
        both = self.file_okay and self.dir_okay
        kind = "path" if both else "file" if self.file_okay else "directory"
        self.name = gettext(kind)
        return Path(os.fsdecode(super().convert(value, param, ctx)))


def data_files(given: DataFiles) -> list[Path]:
    """The command's --data files, else those given before the command, else the default."""
    from pathlib import Path

    from careergraph.load import default_data_path

    for files in (given, click.get_current_context().find_root().params.get("data_file")):
        if isinstance(files, Path):
            return [files]
        if files:
            return list(files)
    return [default_data_path()]


def data_file(given: DataFiles) -> Path:
    """The base map: the first of the data files."""
    return data_files(given)[0]


def load(given: DataFiles) -> tuple[CareerMap, CareerGraph]:
    """The career map the command should use (the files overlaid in order), and its graph."""
    import gc

    from careergraph.graph import build_graph
    from careergraph.load import collector_paused, load_layers

    # Building the graph, too, makes many containers and no cycles (100,000 roles, profiled:
    # 1.7 s to add the moves with the collector running, 0.9 s without).
    with collector_paused():
        career_map = load_layers(data_files(given))
        graph = build_graph(career_map)
    # The map and graph live as long as the command: set them aside from the collector, whose
    # next pass would otherwise walk every object of them (0.3 s on 10,000 roles) for nothing.
    gc.freeze()
    return career_map, graph


def me_option(command: _F) -> _F:
    """The --me option: start from a personal profile instead of a role."""
    return click.option(
        "--me",
        "me_file",
        type=FilePath(dir_okay=False),
        default=None,
        metavar="FILE",
        help="Start from your profile (see `careergraph me init`) instead of FROM.",
    )(command)


def role_named(career_map: CareerMap, name: str, lang: str) -> Role:
    """The role `name` is read as; a name that also names other roles says so on stderr."""
    from careergraph.query import read_role
    from careergraph.render.messages import say

    reading = read_role(career_map, name)
    if reading.others:
        others = say(lang, "; ").join(
            say(lang, "{role} ({id})", role=career_map.roles[o].name.get(lang), id=o)
            for o in reading.others
        )
        role = reading.role
        note = say(
            lang,
            "note: '{name}' is read as {role} ({id}); it also names {others}",
            name=name,
            role=role.name.get(lang),
            id=role.id,
            others=others,
        )
        click.echo(note, err=True)
    return reading.role


def stated_only_option(command: _F) -> _F:
    """The --stated-only option: use only the moves a source states."""
    return click.option(
        "--stated-only",
        is_flag=True,
        help="Use only moves a source states, none implied by the data (basis: stated).",
    )(command)


def read_profile(file: Path, career_map: CareerMap) -> Profile:
    """The profile in `file`, checked against the career map."""
    from careergraph.load.profile import load_profile

    return load_profile(file, career_map)


def start_and_goal(
    career_map: CareerMap,
    source: str,
    target: str | None,
    me_file: Path | None,
    lang: str = "en",
) -> tuple[str, str, Profile | None]:
    """Role ids of the start and the goal, from `FROM TO` or from `--me FILE TO`."""
    from careergraph.render.messages import say

    if me_file is None:
        if target is None:
            raise click.UsageError(
                say(lang, "name two roles, FROM and TO, or give --me FILE and TO")
            )
        start = role_named(career_map, source, lang).id
        return start, role_named(career_map, target, lang).id, None
    if target is not None:
        raise click.UsageError(
            say(lang, "with --me, name only the goal role TO: the start is your role")
        )
    profile = read_profile(me_file, career_map)
    return profile.role, role_named(career_map, source, lang).id, profile


def profile_data(profile: Profile) -> dict[str, Any]:
    """A profile as the JSON outputs report it."""
    return {
        "file": profile.path,
        "role": profile.role,
        "skills": dict(profile.skills),
        "years_in_role": profile.years_in_role,
    }


def emit(data: Any) -> None:
    """Print `data` as JSON on stdout."""
    from careergraph.render.json import dumps

    click.echo(dumps(data))


def track_ids(career_map: CareerMap, names: Sequence[str]) -> list[str]:
    """Track ids for the names given, in the order given; every track when none are."""
    from careergraph.query import find_track

    if not names:
        return sorted(career_map.tracks)
    return list(dict.fromkeys(find_track(career_map, n).id for n in names))


def write_map(
    career_map: CareerMap,
    graph: CareerGraph,
    output: str,
    *,
    routes: Sequence[Route] = (),
    tracks: Sequence[str] | None = None,
    lang: str,
    force: bool = False,
    default_name: str,
    profile: Profile | None = None,
    question: RouteQuestion | None = None,
) -> Written:
    """Write the HTML map to `output` (see `careergraph.files`) and return where it went.

    `profile` puts the person on the map; `question` is the route question the page asks again.
    """
    from careergraph.files import write_file
    from careergraph.render.html import (  # the map renderer only when a map is asked
        GENERATOR,
        choose_drawing,
        render_html,
    )

    drawing = choose_drawing(career_map, graph, routes=routes, tracks=tracks)
    if drawing.notice:
        from careergraph.catalogue import said, say

        tell(say(lang, "note: {notice}", notice=said(lang, drawing.notice)))
    page = render_html(
        career_map,
        graph,
        routes=routes,
        lang=lang,
        drawing=drawing,
        profile=profile,
        question=question,
    )
    marker = GENERATOR.encode("utf-8")
    return write_file(
        output, page, what="the map", marker=marker, force=force, default_name=default_name
    )


def force_option(command: _F) -> _F:
    """--force: replace an existing output file."""
    return click.option(
        "--force",
        is_flag=True,
        help="Replace the output file if it exists (never a folder, a device or an input).",
    )(command)


def open_option(command: _F) -> _F:
    """--open: open the written map in a browser (`render`, `path --html`)."""
    return click.option(
        "--open", "open_browser", is_flag=True, help="Open the written map in a browser."
    )(command)


def report_written(written: Written, *, err: bool = False) -> None:
    """Name the file written, on stdout (stderr with `err`); nothing for stdout or a stream."""
    if not written.is_file:
        return
    if err:
        tell(str(written))
    else:
        click.echo(str(written))


def refuse_stdout_twice(option: str, lang: str) -> NoReturn:
    """Refuse `option -` where the command prints something else on stdout as well."""
    from careergraph.errors import CareerGraphError, Words

    raise CareerGraphError(
        Words.of(
            "{option} - would print on stdout beside the command's own answer: name a file",
            option=option,
        )
    )


def open_file(file: str) -> None:
    """Open a written file in the user's browser."""
    import webbrowser
    from pathlib import Path

    webbrowser.open(Path(file).resolve().as_uri())


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
