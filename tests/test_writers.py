"""Every command that writes a file, against one table of targets: one policy for all of them.

Files, FIFOs, character devices, sockets and block devices, links to each, descriptors named
through /proc, folders with and without a trailing slash, the command's own inputs, and stdout.
Devices and FIFOs are made here, in the test's own folder; the system's are never touched.
"""

from __future__ import annotations

import os
import socket
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from careergraph.cli import cli
from tests.conftest import FIXTURES

SMALL = FIXTURES / "small.yaml"
NULL = os.makedev(1, 3)  # the numbers of /dev/null: a device node made here writes nowhere
FULL = os.makedev(1, 7)  # of /dev/full: every write fails with "No space left on device"


@dataclass(frozen=True)
class Writer:
    """A command that writes a file: its arguments around the target, and what it writes."""

    name: str
    args: Callable[[Path, str], list[str]]  # (data file, target) -> arguments
    suffix: str  # the file name ending the command needs
    default_name: str  # what `DIR/` gets
    what: str  # how errors name the output
    marked: bool = False  # a file careergraph wrote (the HTML map) is replaced without --force


WRITERS = [
    Writer(
        "render",
        lambda data, t: ["--data", str(data), "render", "-o", t],
        ".html",
        "careergraph.html",
        "the map",
        marked=True,
    ),
    Writer(
        "path --html",
        lambda data, t: ["--data", str(data), "path", "junior", "lead", "--html", t],
        ".html",
        "route-junior-lead.html",
        "the map",
        marked=True,
    ),
    Writer(
        "plan -o",
        lambda data, t: ["--data", str(data), "plan", "junior", "lead", "-o", t],
        ".md",
        "plan-junior-lead.md",
        "the plan",
    ),
    Writer(
        "export -o",
        lambda data, t: ["--data", str(data), "export", "--format", "json", "-o", t],
        ".json",
        "careergraph.json",
        "the json export",
    ),
    Writer(
        "export csv -o",
        lambda data, t: [
            "--data",
            str(data),
            "export",
            "--format",
            "csv",
            "--table",
            "roles",
            "-o",
            t,
        ],
        ".csv",
        "roles.csv",
        "the csv export",
    ),
    Writer(
        "me init",
        lambda data, t: ["--data", str(data), "me", "init", "junior", "-o", t],
        ".yaml",
        "me.yaml",
        "the profile",
    ),
]


def run(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the small map in the test's folder, the command's input."""
    copy = tmp_path / "input" / "small.yaml"
    copy.parent.mkdir()
    copy.write_bytes(SMALL.read_bytes())
    return copy


def expected(writer: Writer, data: Path, tmp_path: Path) -> bytes:
    """What the writer puts in a new file."""
    fresh = tmp_path / "reference" / f"fresh{writer.suffix}"
    result = run(writer.args(data, str(fresh)))
    assert result.exit_code == 0, result.output
    return fresh.read_bytes()


def refused(result: Result, line: str) -> None:
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {line}\n")


def exists_line(writer: Writer, target: Path | str) -> str:
    if writer.marked:
        return (
            f"'{target}' already exists and careergraph did not write it: "
            "name another file, or add --force to replace it"
        )
    return f"'{target}' already exists: pass --force to replace it, or name another file"


ids = [w.name for w in WRITERS]


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
def test_a_new_file_is_written_and_named(writer: Writer, data: Path, tmp_path: Path) -> None:
    target = tmp_path / "deep" / f"out{writer.suffix}"
    result = run(writer.args(data, str(target)))
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == expected(writer, data, tmp_path)
    assert str(target) in result.output
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temp file left


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
def test_an_existing_file_needs_force(writer: Writer, data: Path, tmp_path: Path) -> None:
    target = tmp_path / f"mine{writer.suffix}"
    target.write_bytes(b"my own notes\n")
    refused(run(writer.args(data, str(target))), exists_line(writer, target))
    assert target.read_bytes() == b"my own notes\n"
    forced = run([*writer.args(data, str(target)), "--force"])
    assert forced.exit_code == 0, forced.output
    assert target.read_bytes() == expected(writer, data, tmp_path)


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_a_replaced_file_keeps_its_mode(
    writer: Writer, data: Path, tmp_path: Path, mode: int
) -> None:
    target = tmp_path / f"private{writer.suffix}"
    target.write_bytes(b"secret\n")
    target.chmod(mode)
    before = target.stat()
    assert run([*writer.args(data, str(target)), "--force"]).exit_code == 0
    after = target.stat()
    assert after.st_ino != before.st_ino  # replaced whole, not rewritten in place
    assert stat.S_IMODE(after.st_mode) == mode
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
@pytest.mark.parametrize("writer", WRITERS, ids=ids)
def test_a_replaced_file_keeps_its_owner(writer: Writer, data: Path, tmp_path: Path) -> None:
    target = tmp_path / f"theirs{writer.suffix}"
    target.write_bytes(b"someone else's\n")
    os.chown(target, 4321, 4322)
    assert run([*writer.args(data, str(target)), "--force"]).exit_code == 0
    assert (target.stat().st_uid, target.stat().st_gid) == (4321, 4322)
    assert target.read_bytes() == expected(writer, data, tmp_path)


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
def test_a_fifo_the_command_reads_is_not_written(
    writer: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing into the FIFO the map came from would wait forever for a reader."""
    from careergraph.load import text_file

    monkeypatch.setattr(text_file, "STREAM_WAIT", 5.0)
    fifo = tmp_path / ("map.md" if writer.suffix == ".md" else "map.yaml")
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as pipe:
            pipe.write(SMALL.read_bytes())

    feeder = threading.Thread(target=feed)
    feeder.start()
    result = run([*writer.args(fifo, str(fifo)), "--force"])
    feeder.join(30)
    reason = "careergraph is reading it in this command; name another file"
    refused(result, f"cannot write {writer.what} to '{fifo}': {reason}")


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
def test_a_fifo_is_written_as_a_stream(writer: Writer, data: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as pipe:
            received.append(pipe.read())

    reader = threading.Thread(target=read)
    reader.start()
    result = run(writer.args(data, str(fifo)))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert received == [expected(writer, data, tmp_path)]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert str(fifo) not in result.stdout  # only files written are named


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_a_character_device_is_written_never_replaced(
    writer: Writer, data: Path, tmp_path: Path, force: list[str]
) -> None:
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, NULL)
    link = tmp_path / "to-null"
    link.symlink_to(device)
    for target in (device, link):
        result = run([*writer.args(data, str(target)), *force])
        assert (result.exit_code, result.stderr) == (0, ""), result.output
        assert stat.S_ISCHR(os.stat(target).st_mode) and os.stat(target).st_rdev == NULL
    assert link.is_symlink()


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
def test_a_full_device_is_one_line_and_exit_2(writer: Writer, data: Path, tmp_path: Path) -> None:
    device = tmp_path / "full"
    os.mknod(device, stat.S_IFCHR | 0o666, FULL)
    result = run(writer.args(data, str(device)))
    refused(result, f"cannot write {writer.what} to '{device}': No space left on device")
    assert os.stat(device).st_rdev == FULL


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
def test_block_devices_and_sockets_are_refused(writer: Writer, data: Path, tmp_path: Path) -> None:
    block = tmp_path / "disk"
    os.mknod(block, stat.S_IFBLK | 0o600, os.makedev(7, 200))  # a loop device number, unused
    server = socket.socket(socket.AF_UNIX)
    sock = tmp_path / "sock"
    server.bind(str(sock))
    try:
        for target, kind in ((block, "a block device"), (sock, "a socket")):
            for force in ([], ["--force"]):
                result = run([*writer.args(data, str(target)), *force])
                reason = f"it is {kind}, not a file, FIFO or character device"
                refused(result, f"cannot write {writer.what} to '{target}': {reason}")
        assert stat.S_ISBLK(os.lstat(block).st_mode) and stat.S_ISSOCK(os.lstat(sock).st_mode)
    finally:
        server.close()


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
def test_a_link_to_a_file_is_replaced_never_written_through(
    writer: Writer, data: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere" / f"theirs{writer.suffix}"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(b"not mine\n")
    link = tmp_path / f"link{writer.suffix}"
    link.symlink_to(elsewhere)
    refused(run(writer.args(data, str(link))), exists_line(writer, link))
    assert run([*writer.args(data, str(link)), "--force"]).exit_code == 0
    assert not link.is_symlink() and link.read_bytes() == expected(writer, data, tmp_path)
    assert elsewhere.read_bytes() == b"not mine\n"
    dangling = tmp_path / f"dangling{writer.suffix}"
    dangling.symlink_to(tmp_path / "nowhere" / "x")
    refused(run(writer.args(data, str(dangling))), exists_line(writer, dangling))
    assert run([*writer.args(data, str(dangling)), "--force"]).exit_code == 0
    assert not dangling.is_symlink() and not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
@pytest.mark.parametrize("named", ["/proc/self/fd/N", "a link to it"])
def test_a_descriptor_named_through_proc_is_written_as_a_stream(
    writer: Writer, data: Path, tmp_path: Path, named: str
) -> None:
    """/proc/self/fd/N, and a link to it as /dev/stdout is, write into the open descriptor."""
    want = expected(writer, data, tmp_path)
    read_end, write_end = os.pipe()
    received = bytearray()

    def drain() -> None:
        while chunk := os.read(read_end, 1 << 16):
            received.extend(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        target = f"/proc/self/fd/{write_end}"
        if named == "a link to it":
            link = tmp_path / "stdout-like"
            link.symlink_to(target)
            target = str(link)
        result = run(writer.args(data, target))
    finally:
        os.close(write_end)
        reader.join(timeout=60)
        os.close(read_end)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert bytes(received) == want
    if named == "a link to it":
        assert (tmp_path / "stdout-like").is_symlink()


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
def test_a_trailing_slash_means_a_folder(writer: Writer, data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = run(writer.args(data, f"{folder}/"))
    assert result.exit_code == 0, result.output
    assert [p.name for p in folder.iterdir()] == [writer.default_name]
    assert (folder / writer.default_name).read_bytes() == expected(writer, data, tmp_path)
    again = run(writer.args(data, f"{folder}/"))
    if writer.marked:  # the map careergraph wrote there is its own to replace
        assert again.exit_code == 0
    else:
        refused(again, exists_line(writer, f"{folder}/{writer.default_name}"))
    missing = tmp_path / "newdir"
    reason = "the folder does not exist; make it first, or name a file"
    refused(
        run(writer.args(data, f"{missing}/")),
        f"cannot write {writer.what} to '{missing}/': {reason}",
    )
    assert not missing.exists()
    refused(
        run([*writer.args(data, str(folder)), "--force"]),
        f"'{folder}' is a folder: name a file inside it, "
        f"or end the name with / to write {writer.default_name} into it",
    )


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
@pytest.mark.parametrize("how", ["same name", "hard link", "symlink", "input through a link"])
def test_the_commands_own_input_is_never_replaced(writer: Writer, tmp_path: Path, how: str) -> None:
    # The map under a name the writer accepts (plan wants .md; any name but .json reads as YAML).
    data = tmp_path / ("small.md" if writer.suffix == ".md" else "small.yaml")
    data.write_bytes(SMALL.read_bytes())
    given, target = data, data
    if how == "hard link":
        target = tmp_path / f"alias{writer.suffix}"
        os.link(data, target)
    elif how == "symlink":
        target = tmp_path / f"alias{writer.suffix}"
        target.symlink_to(data)
    elif how == "input through a link":
        given = tmp_path / "via-link.yaml"
        given.symlink_to(data)
    result = run([*writer.args(given, str(target)), "--force"])
    reason = "careergraph is reading it in this command; name another file"
    refused(result, f"cannot write {writer.what} to '{target}': {reason}")
    assert data.read_bytes() == SMALL.read_bytes()
    assert os.path.lexists(target) and os.path.islink(target) == (how == "symlink")


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
def test_an_overlay_is_never_replaced(writer: Writer, data: Path, tmp_path: Path) -> None:
    overlay = tmp_path / f"overlay{writer.suffix.replace('.json', '.yaml')}"
    overlay.write_text("version: 1\n", encoding="utf-8")
    args = writer.args(data, str(overlay))
    args[2:2] = ["--data", str(overlay)]  # after the base map: --data small.yaml --data overlay
    result = run([*args, "--force"])
    reason = "careergraph is reading it in this command; name another file"
    refused(result, f"cannot write {writer.what} to '{overlay}': {reason}")
    assert overlay.read_text(encoding="utf-8") == "version: 1\n"


@pytest.mark.parametrize(
    ("command", "suffix", "what"),
    [(["path", "lead", "--html"], ".html", "the map"), (["plan", "lead", "-o"], ".md", "the plan")],
    ids=["path --html", "plan -o"],
)
def test_a_profile_read_with_me_is_never_replaced(
    data: Path, tmp_path: Path, command: list[str], suffix: str, what: str
) -> None:
    profile = tmp_path / f"me{suffix}"
    profile.write_text("role: junior\nyears_in_role: 1\n", encoding="utf-8")
    args = ["--data", str(data), command[0], "--me", str(profile), *command[1:], str(profile)]
    result = run([*args, "--force"])
    reason = "careergraph is reading it in this command; name another file"
    refused(result, f"cannot write {what} to '{profile}': {reason}")
    assert profile.read_text(encoding="utf-8") == "role: junior\nyears_in_role: 1\n"


def test_csv_tables_into_a_folder_are_checked_before_either_is_written(
    data: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "transitions.csv").write_bytes(b"mine\n")
    args = ["--data", str(data), "export", "--format", "csv", "-o", str(folder)]
    taken = folder / "transitions.csv"
    refused(
        run(args), f"'{taken}' already exists: pass --force to replace it, or name another file"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["transitions.csv"]  # roles.csv not written
    assert run([*args, "--force"]).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "roles.csv",
        "skills.csv",
        "transitions.csv",
    ]
    assert (folder / "transitions.csv").read_bytes() != b"mine\n"


def test_every_refusal_says_the_same_in_english_and_has_japanese(tmp_path: Path) -> None:
    from careergraph.errors import OutputError
    from careergraph.files import watching_inputs, write_file
    from careergraph.load import load_paths
    from careergraph.render.messages import said

    existing = tmp_path / "existing.txt"
    existing.write_text("x", encoding="utf-8")
    block = tmp_path / "disk"
    os.mknod(block, stat.S_IFBLK | 0o600, os.makedev(7, 200))
    data = tmp_path / "map.yaml"
    data.write_bytes(SMALL.read_bytes())
    attempts: list[Callable[[], object]] = [
        lambda: write_file(existing, "y"),
        lambda: write_file(existing, "y", marker=b"careergraph"),
        lambda: write_file(tmp_path, "y", default_name="x.txt"),
        lambda: write_file(tmp_path, "y"),
        lambda: write_file(f"{tmp_path}/missing/", "y", default_name="x.txt"),
        lambda: write_file(f"{existing}/", "y", default_name="x.txt"),
        lambda: write_file(block, "y", force=True),
        lambda: write_file("-", "y", streams=False),
        lambda: write_file(tmp_path / "full", "y", what="the map"),
    ]
    os.mknod(tmp_path / "full", stat.S_IFCHR | 0o666, FULL)
    with watching_inputs():
        load_paths(data)
        attempts.append(lambda: write_file(data, "y", force=True))
        for attempt in attempts:
            with pytest.raises(OutputError) as caught:
                attempt()
            words = caught.value.words
            assert words is not None
            assert said("en", words) == str(caught.value)
            japanese = said("ja", words)
            assert japanese != str(caught.value)
            assert not any(word in japanese for word in ("cannot", "already", "folder", " it "))


@pytest.mark.parametrize("writer", WRITERS, ids=ids)
def test_a_dash_is_stdout(writer: Writer, data: Path, tmp_path: Path) -> None:
    result = run(writer.args(data, "-"))
    if writer.name == "path --html":
        refused(
            result,
            "--html - would print on stdout beside the command's own answer: name a file",
        )
        return
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout_bytes == expected(writer, data, tmp_path)
    assert not (tmp_path / "-").exists()
