"""Run every benchmark case and print one table: case, median, min, max, baseline, ratio, target.

`.venv/bin/python -m benchmarks.run` generates the maps it needs under output/bench/ (100, 1,000
and 10,000 roles, YAML and JSON; `--large` adds 100,000), times whole `careergraph` processes as
people run them and, in fresh processes, the load and the route search alone, each next to a
baseline measured in the same run, and the HTML map's first draw in headless Chromium, and
writes the table to output/benchmarks.json.

To time another command, add one line to COMMANDS: its name and its arguments, where {a} and {b}
are a role on a bottom rung and the most senior role within six moves of it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.generate import write_map
from careergraph.limits import MAX_ALTERNATIVES

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CAREERGRAPH = str(BIN / "careergraph") if (BIN / "careergraph").exists() else "careergraph"


@dataclass(frozen=True)
class Command:
    """A careergraph command timed as a whole process on every generated map; `baseline`, when
    given, is a process timed turn by turn with it, and its figure is the row's baseline."""

    name: str
    args: tuple[str, ...]
    baseline: tuple[str, ...] = ()
    baseline_name: str = ""


IMPORT_NETWORKX = (sys.executable, "-c", "import networkx")


# One line per CLI command. {a}: a role on a bottom rung; {b}: the most senior role within six
# moves of it; {s}: the same within six moves a source states (see benchmarks/probe.py).
COMMANDS = [
    Command("next", ("next", "{a}")),
    Command("path", ("path", "{a}", "{b}")),
    Command("path --stated-only", ("path", "{a}", "{s}", "--stated-only")),
    Command("path --by gap", ("path", "{a}", "{b}", "--by", "gap")),
    Command("show", ("show", "{a}")),
    Command("gap", ("gap", "{a}", "{b}")),
    Command("reach", ("reach", "{a}", "--within", "10")),
    Command("similar", ("similar", "{a}")),
    # Lint reads every role and every move: the process is compared with importing networkx,
    # which every command that searches routes pays before it reads a line of the map.
    Command("lint", ("lint",), IMPORT_NETWORKX, "python -c 'import networkx'"),
    Command("fit", ("fit", "{a}")),
]
# Commands whose work could grow faster than the map (every pair of roles, every alternative):
# each must stay under BOUNDED_TARGET seconds and BOUNDED_MEMORY bytes at 10,000 roles. {old} and
# {new} are the map and its edited next version (benchmarks.generate.edited).
BOUNDED = [
    Command("diff (next version)", ("diff", "{old}", "{new}")),
    Command(f"path -k {MAX_ALTERNATIVES}", ("path", "{a}", "{b}", "-k", str(MAX_ALTERNATIVES))),
    Command("path --include-inferred", ("path", "{a}", "{b}", "--include-inferred")),
]
BOUNDED_TARGET = 10.0
BOUNDED_MEMORY = 1e9
BASELINE = "naive: CSafeLoader + pydantic + networkx"
COMMAND_TARGET = 1.0
"""Seconds a command may take as a whole process on 10,000 roles, the cache warm."""
STARTUP_RUNS = 11
"""Runs of each start-up case: each takes a tenth of a second, and their noise is large."""
HTML_TARGETS = {"default data": 0.3, "2,000 roles": 1.0}
"""Seconds from opening the HTML map to its first drawing in headless Chromium."""

# Targets by map size: first load, later load, one route, five routes, peak memory (seconds, bytes).
TARGETS: dict[int, dict[str, float]] = {
    10_000: {"first": 4.0, "later": 0.3, "route": 0.010, "routes5": 0.100, "peak": 1e9},
    100_000: {"first": 60.0, "later": 3.0, "peak": 4e9},
}


@dataclass
class Row:
    """One line of the table."""

    case: str
    median: float
    min: float
    max: float
    unit: str = "s"
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    passed: bool | None = None

    @property
    def ratio(self) -> float | None:
        return self.median / self.baseline if self.baseline else None


def run_process(argv: list[str], env: dict[str, str]) -> float:
    """Seconds one process takes, start to exit; it must succeed."""
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


# A small launcher forks the command and reports its peak memory. Python starts children with
# vfork, and a child's peak memory then counts the memory of the process that started it (the
# benchmark, hundreds of MB once Chromium's rows have run); forked from the launcher, it counts
# only the launcher's few MB, below any command's own peak.
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def run_measured(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds one process takes, start to exit, and its peak memory in bytes; it must succeed."""
    launcher = [sys.executable, "-S", "-c", _LAUNCHER, shutil.which(argv[0]) or argv[0], *argv[1:]]
    start = time.perf_counter()
    done = subprocess.run(launcher, env=env, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    code, peak = map(int, done.stdout.split())
    if code:
        raise subprocess.CalledProcessError(code, argv)
    return seconds, peak * 1024  # kilobytes on Linux


def probe(file: Path, env: dict[str, str], *, naive: bool = False) -> dict[str, Any]:
    """In-process figures from a fresh process (see benchmarks/probe.py)."""
    argv = [sys.executable, "-m", "benchmarks.probe", str(file), *(["--naive"] if naive else [])]
    out = subprocess.run(argv, env=env, check=True, capture_output=True, text=True, cwd=ROOT)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def row(case: str, times: list[float], **extra: Any) -> Row:
    return Row(case, statistics.median(times), min(times), max(times), **extra)


def judged(item: Row, limit: float | None = None, ratio: float | None = None) -> Row:
    """Fill in the target and whether the median meets it."""
    if limit is not None:
        shown = f"{limit / 1e9:g} GB" if item.unit == "B" else f"{limit:g} s"
        item.target, item.passed = f"<= {shown}", item.median <= limit
    elif ratio is not None and item.ratio is not None:
        item.target, item.passed = f"<= {ratio:g}x", item.ratio <= ratio
    return item


def startup_rows(runs: int, env: dict[str, str]) -> list[Row]:
    python = [sys.executable, "-c"]
    default_route = [CAREERGRAPH, "path", "pmo_coordinator", "cto"]
    run_process(default_route, env)  # fills the cache: the figure is for the second run on
    click: list[float] = []
    networkx: list[float] = []
    helps: list[float] = []
    paths: list[float] = []
    # Each command runs next to its baseline, turn by turn, so a busy moment on a shared machine
    # slows both rather than one of them.
    for _ in range(runs):
        click.append(run_process([*python, "import click"], env))
        helps.append(run_process([CAREERGRAPH, "--help"], env))
        networkx.append(run_process([*python, "import networkx"], env))
        paths.append(run_process(default_route, env))
    base = {"baseline_name": "python -c 'import click'"}
    return [
        judged(
            row("careergraph --help", helps, baseline=statistics.median(click), **base), None, 1.3
        ),
        judged(
            row(
                "careergraph path pmo_coordinator cto (cache warm)",
                paths,
                baseline=statistics.median(networkx),
                baseline_name="python -c 'import networkx'",
            ),
            None,
            1.5,
        ),
    ]


def size_rows(size: int, runs: int, env: dict[str, str], folder: Path, naive: bool) -> list[Row]:
    """Load, route and command figures for the generated maps of one size."""
    rows: list[Row] = []
    targets = TARGETS.get(size, {})
    for suffix in ("yaml", "json"):
        file = folder / f"roles-{size}.{suffix}"
        if not file.exists():
            write_map(size, file)
        label = f"{size:,} roles {suffix.upper()}"
        firsts, laters = [], []
        for _ in range(runs):
            cold = {**env, "CAREERGRAPH_CACHE_DIR": tempfile.mkdtemp(prefix="cg-bench-")}
            firsts.append(probe(file, cold))
            laters.append(probe(file, cold))
            shutil.rmtree(cold["CAREERGRAPH_CACHE_DIR"], ignore_errors=True)
        base: dict[str, float] = {}
        if naive and suffix == "yaml":
            naives = [probe(file, env, naive=True) for _ in range(runs)]
            base = {k: statistics.median(n[k] for n in naives) for k in naives[0] if k != "from"}
        for key, case, source, unit in (
            ("load", "first load", firsts, "s"),
            ("load", "later load (cache)", laters, "s"),
            ("every", "later load, every role built", laters, "s"),
            ("route", "one route", laters, "s"),
            ("routes5", "5 routes", laters, "s"),
            ("peak", "peak memory, first load", firsts, "B"),
        ):
            if suffix == "json" and key in ("route", "routes5", "peak", "every"):
                continue  # the same map as the YAML file once loaded
            target_key = {"load": "first" if source is firsts else "later"}.get(key, key)
            baseline = base.get(key) if source is firsts or key != "load" else None
            item = row(
                f"{label}: {case}",
                [f[key] for f in source],
                unit=unit,
                baseline=baseline,
                baseline_name=BASELINE if baseline is not None else "",
            )
            rows.append(judged(item, targets.get(target_key)))
        if suffix == "json":
            continue
        pair = {"a": firsts[0]["from"], "b": firsts[0]["to"], "s": firsts[0]["stated_to"]}
        for command in COMMANDS:
            argv = [CAREERGRAPH, "--data", str(file), *(a.format(**pair) for a in command.args)]
            run_process(argv, env)  # the cache is warm for every timed run
            times, baselines = [], []
            for _ in range(runs):  # turn by turn, so a busy moment slows both
                times.append(run_process(argv, env))
                if command.baseline:
                    baselines.append(run_process(list(command.baseline), env))
            base: dict[str, Any] = {}
            if baselines:
                base = {
                    "baseline": statistics.median(baselines),
                    "baseline_name": command.baseline_name,
                }
            limit = COMMAND_TARGET if size <= 10_000 else None
            case = f"{label}: careergraph {command.name} (process)"
            rows.append(judged(row(case, times, **base), limit))
        rows += bounded_rows(size, runs, env, file, pair)
    return rows


def bounded_rows(
    size: int, runs: int, env: dict[str, str], file: Path, pair: dict[str, str]
) -> list[Row]:
    """Time and peak memory of the BOUNDED commands as whole processes, the cache warm."""
    following = file.with_name(f"{file.stem}-next{file.suffix}")
    if not following.exists():
        write_map(size, following, next_version=True)
    names = {**pair, "old": str(file), "new": str(following)}
    rows = []
    for command in BOUNDED:
        args = [a.format(**names) for a in command.args]
        argv = (
            [CAREERGRAPH, *args] if args[0] == "diff" else [CAREERGRAPH, "--data", str(file), *args]
        )
        run_measured(argv, env)  # the cache is warm for every timed run
        measured = [run_measured(argv, env) for _ in range(runs)]
        label = f"{size:,} roles YAML: careergraph {command.name}"
        seconds, peaks = [m[0] for m in measured], [float(m[1]) for m in measured]
        limit = BOUNDED_TARGET if size <= 10_000 else None
        memory = BOUNDED_MEMORY if size <= 10_000 else None
        rows.append(judged(row(f"{label} (process)", seconds), limit))
        rows.append(judged(row(f"{label}: peak memory", peaks, unit="B"), memory))
    return rows


def html_rows(runs: int) -> list[Row]:
    """The HTML map's first draw in headless Chromium: the default data and 2,000 roles."""
    from benchmarks.bench_html import CHROMIUM, Chromium, generated_map
    from careergraph.graph import build_graph
    from careergraph.load import default_data_path, parse_paths
    from careergraph.render.html import render_html, write_html

    chromium = Chromium.start()
    if chromium is None:
        print(f"(no Chromium at {CHROMIUM}: the HTML rows are left out)", file=sys.stderr)
        return []
    default = default_data_path()
    maps = {
        "default data": parse_paths(default.read_text(encoding="utf-8"), str(default)),
        "2,000 roles": generated_map(50, 10, 4),
    }
    rows = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            page = Path(folder) / "map.html"
            for name, career_map in maps.items():
                write_html(page, render_html(career_map, build_graph(career_map)))
                # Turn by turn, so a busy moment on a shared machine slows both alike.
                draws: list[float] = []
                everything: list[float] = []
                for _ in range(runs):
                    draws += chromium.first_draws(page, 1)
                    everything += chromium.first_draws(page, 1, draw_all=True)
                item = row(
                    f"HTML {name}: first draw in Chromium",
                    draws,
                    baseline=statistics.median(everything),
                    baseline_name="every role in the first draw",
                )
                rows.append(judged(item, HTML_TARGETS[name]))
    finally:
        chromium.stop()
    return rows


PAGE_TARGETS = {
    2_000: {"route": 0.050, "compare": 0.020},
    10_000: {"route": 0.200, "compare": 0.020},
}
"""Seconds the map page may take to find routes (two alternatives) and to compare two roles."""
PAGE_QUESTIONS = 20
"""Random pairs asked of the page: the slowest of them is the figure to watch."""


def page_query_rows(runs: int, folder: Path, largest: int) -> list[Row]:
    """Routes and comparisons found in the map page in headless Chromium, on generated maps of
    2,000 and (when the run goes that far) 10,000 roles, and the page's size; the baseline is
    careergraph's own engine (find_routes, skill_gap) in this process on the same questions."""
    import random

    from benchmarks.bench_html import CHROMIUM, Chromium
    from careergraph.graph import build_graph
    from careergraph.load import load_paths
    from careergraph.query import find_routes, skill_gap
    from careergraph.render.html import render_html, write_html

    chromium = Chromium.start()
    if chromium is None:
        print(f"(no Chromium at {CHROMIUM}: the page query rows are left out)", file=sys.stderr)
        return []
    rows = []
    try:
        for size, targets in PAGE_TARGETS.items():
            if size > max(largest, 2_000):
                continue
            career_map = load_paths(write_map(size, folder / f"roles-{size}.json"))
            graph = build_graph(career_map)
            rng = random.Random(size)
            pairs: list[tuple[str, str]] = []
            ids = sorted(graph.nodes)
            while len(pairs) < max(PAGE_QUESTIONS, runs * 3):
                source = rng.choice(ids)
                reached = sorted(nx_descendants(graph, source))
                if reached:
                    pairs.append((source, rng.choice(reached)))
            page = folder / f"roles-{size}.html"
            write_html(page, render_html(career_map, graph))
            label = f"HTML {size:,} roles"
            size_row = row(f"{label}: page file", [float(page.stat().st_size)], unit="B")
            rows.append(size_row)
            python_routes = [
                _seconds(lambda a=a, b=b, g=graph: find_routes(g, a, b, alternatives=2))
                for a, b in pairs
            ]
            in_page = chromium.page_answers(
                page, pairs, "(a, b) => window.careergraph.route(a, b, {k: 2})"
            )
            item = row(
                f"{label}: route with 2 alternatives, in the page",
                in_page,
                baseline=statistics.median(python_routes),
                baseline_name="find_routes in Python",
            )
            rows.append(judged(item, targets["route"]))
            if targets.get("compare"):
                roles = career_map.roles
                python_gaps = [
                    _seconds(lambda a=a, b=b, r=roles: skill_gap(r[a], r[b])) for a, b in pairs
                ]
                in_page = chromium.page_answers(
                    page, pairs, "(a, b) => window.careergraph.compare(a, b)", repeat=50
                )
                item = row(
                    f"{label}: compare two roles in the page",
                    in_page,
                    baseline=statistics.median(python_gaps),
                    baseline_name="skill_gap in Python",
                )
                rows.append(judged(item, targets["compare"]))
    finally:
        chromium.stop()
    return rows


def nx_descendants(graph: Any, source: str) -> set[str]:
    """The roles reachable from `source`."""
    seen: set[str] = set()
    todo = [source]
    while todo:
        for there in graph.succ[todo.pop()]:
            if there not in seen and there != source:
                seen.add(there)
                todo.append(there)
    return seen


def _seconds(action: Any) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def show(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "B":
        return f"{value / 1e6:,.0f} MB"
    return f"{value * 1000:,.1f} ms" if value < 1 else f"{value:,.2f} s"


def table(rows: list[Row]) -> str:
    header = ("case", "median", "min", "max", "baseline", "ratio", "target", "pass")
    lines = [header]
    for item in rows:
        ratio = f"{item.ratio:.2f}x" if item.ratio is not None else "-"
        verdict = {True: "pass", False: "FAIL", None: ""}[item.passed]
        lines.append(
            (
                item.case,
                show(item.median, item.unit),
                show(item.min, item.unit),
                show(item.max, item.unit),
                show(item.baseline, item.unit),
                ratio,
                item.target,
                verdict,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for number, line in enumerate(lines):
        cells = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if number == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions of every case")
    parser.add_argument(
        "--startup-runs",
        type=int,
        default=STARTUP_RUNS,
        help=f"repetitions of the start-up cases, if more than --runs (default {STARTUP_RUNS})",
    )
    parser.add_argument("--large", action="store_true", help="also 100,000 roles (minutes)")
    parser.add_argument("--sizes", type=int, nargs="+", help="map sizes instead of the default")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    parser.add_argument("--no-html", action="store_true", help="skip the map's first draw")
    parser.add_argument(
        "--page-only", action="store_true", help="only the map page's first draw, routes, compare"
    )
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "output" / "benchmarks.json")
    parser.add_argument(
        "--maps", type=Path, default=ROOT / "output" / "bench", help="where generated maps go"
    )
    args = parser.parse_args()
    sizes = args.sizes or [100, 1_000, 10_000, *([100_000] if args.large else [])]
    folder = args.maps
    cache = Path(tempfile.mkdtemp(prefix="cg-bench-cache-"))
    env = {**os.environ, "CAREERGRAPH_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    env["CAREERGRAPH_MAX_MB"] = "1024"  # 100,000 roles is about 90 MB, above the 20 MB guard
    env.pop("CAREERGRAPH_DATA", None)
    # Let Python keep compiled modules, as it does on users' machines: with this set, every
    # process would compile careergraph's modules from source again (but not its dependencies').
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    startup = max(args.runs, args.startup_runs)
    rows = [] if args.page_only else startup_rows(startup, env)
    if not args.no_html or args.page_only:
        rows += html_rows(args.runs)
        rows += page_query_rows(args.runs, folder, max(sizes))
    for size in [] if args.page_only else sizes:
        rows += size_rows(size, args.runs, env, folder, naive=not args.no_naive)
    shutil.rmtree(cache, ignore_errors=True)
    print(table(rows))
    elapsed = time.perf_counter() - started
    print(f"\n(median of {args.runs} runs, startup of {startup}; {elapsed:.0f} s in all)")
    report = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "system": platform.platform(),
        },
        "runs": args.runs,
        "rows": [{**asdict(r), "ratio": r.ratio} for r in rows],
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
