"""Time the HTML map: render and write it, and its first draw in headless Chromium.

Run from the repository: `python -m benchmarks.bench_html` (add `PYTHONPATH=src` if careergraph
is not installed). Maps: the default data, and generated ladders of 500 and 2,000 roles. Frame
rates are measured against a baseline from the same run on the same map: the page with its
large-map shortcuts turned off.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from careergraph.graph import CareerGraph, build_graph
from careergraph.load import default_data_path, load_paths
from careergraph.model import (
    CareerMap,
    Role,
    Skill,
    SkillCategory,
    Text,
    Track,
    Transition,
    TransitionKind,
)
from careergraph.render.html import render_html, write_html

KINDS = (TransitionKind.LATERAL, TransitionKind.CAREER_CHANGE, TransitionKind.PROMOTION)


def text(en: str, ja: str) -> Text:
    return Text(MappingProxyType({"en": en, "ja": ja}))


def generated_map(tracks: int, levels: int, per_rung: int, seed: int = 7) -> CareerMap:
    """Ladders: `per_rung` roles on each level of each track, promotions up every track, and
    seeded random moves between tracks (one for every five roles)."""
    rng = random.Random(seed)
    skills = {
        f"skill_{i:02d}": Skill(
            f"skill_{i:02d}", text(f"Skill {i}", f"スキル{i}"), SkillCategory.SOFT
        )
        for i in range(24)
    }
    skill_ids = sorted(skills)
    track_ids = [f"track_{t:02d}" for t in range(tracks)]
    roles: dict[str, Role] = {}
    rungs: dict[tuple[str, int], list[str]] = {}
    for track in track_ids:
        for level in range(1, levels + 1):
            for k in range(per_rung):
                role_id = f"{track}_level_{level:02d}_{k}"
                roles[role_id] = Role(
                    id=role_id,
                    name=text(f"{track} L{level} role {k}", f"{track} レベル{level} 職種{k}"),
                    track=track,
                    level=level,
                    years=float(rng.randint(1, 5)),
                    skills=MappingProxyType(
                        {s: rng.randint(1, 5) for s in rng.sample(skill_ids, 4)}
                    ),
                    summary=text("A generated role.", "生成された職種。"),
                )
                rungs.setdefault((track, level), []).append(role_id)

    moves: dict[tuple[str, str], Transition] = {}
    for (track, level), members in rungs.items():
        for role_id in members:
            above = rungs.get((track, level + 1))
            if above:
                target = rng.choice(above)
                moves[role_id, target] = Transition(
                    role_id, target, TransitionKind.PROMOTION, roles[role_id].years
                )
    ids = sorted(roles)
    wanted = len(moves) + len(ids) // 5
    while len(moves) < wanted:
        source, target = rng.sample(ids, 2)
        kind = rng.choice(KINDS)
        if roles[source].track == roles[target].track or (source, target) in moves:
            continue
        if kind is TransitionKind.PROMOTION and roles[target].level <= roles[source].level:
            continue
        moves[source, target] = Transition(source, target, kind, float(rng.randint(1, 4)))

    return CareerMap(
        path=f"<generated {len(roles)} roles>",
        tracks=MappingProxyType(
            {t: Track(t, text(f"Track {t[-2:]}", f"トラック{t[-2:]}")) for t in track_ids}
        ),
        skills=MappingProxyType(skills),
        roles=MappingProxyType(roles),
        transitions=tuple(sorted(moves.values(), key=lambda m: (m.source, m.target))),
    )


FAST_OFF = """() => {
    const network = window.careergraph.network;
    network.setOptions({
        interaction: { hideEdgesOnDrag: false, hideEdgesOnZoom: false },
        nodes: { scaling: { label: { drawThreshold: 0 } } },
        edges: { scaling: { label: { drawThreshold: 0 } } },
    });
    const edges = window.careergraph.edges;
    edges.update(window.careergraph.data.edges.map((e) => ({
        id: e.id, smooth: e.curve === undefined ? e.smooth : e.curve,
    })));
    window.careergraph.fastDrawing = false;
}"""
"""What the page does to keep a large map smooth while it moves, undone: the fps baseline."""


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of `runs` timings, in seconds: the least disturbed by the rest of the machine."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


class Chromium:
    """Headless Chromium through Playwright, to time first draws (`start` gives None without it)."""

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self.driver = sync_playwright().start()
        self.browser = self.driver.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )

    @classmethod
    def start(cls) -> Chromium | None:
        if not CHROMIUM.is_file():
            return None
        try:
            return cls()
        except ImportError:  # Playwright is a dev tool: `pip install -e '.[dev]'`
            return None

    def first_draws(self, page_file: Path, runs: int, *, draw_all: bool = False) -> list[float]:
        """Seconds from navigation start to the map's first drawing, once per run.

        `draw_all` puts every role in the first draw, as the page did before it drew the roles
        out of the first view later: the baseline.
        """
        draws = []
        for _ in range(runs):
            page = self.browser.new_page(viewport={"width": 1600, "height": 1000})
            if draw_all:
                page.add_init_script("window.careergraphDrawAll = true")
            page.goto(page_file.as_uri())
            page.wait_for_function(
                "() => window.careergraph && window.careergraph.ready", timeout=60_000
            )
            draws.append(page.evaluate("() => window.careergraph.firstDrawMs") / 1000)
            page.close()
        return draws

    def pan_zoom_fps(self, page_file: Path, *, baseline: bool = False) -> tuple[float, float]:
        """Frames a second while the map is dragged about and zoomed in and out with the mouse,
        and the longest gap between two frames in milliseconds.

        Frames are counted with requestAnimationFrame in the page; the input is real mouse
        events, as a reader's. `baseline` first turns off what the page does to keep a large map
        smooth (see FAST_OFF), so both figures come from the same page in the same run.
        """
        page = self.browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_file.as_uri())
        page.wait_for_function(
            "() => window.careergraph && window.careergraph.ready", timeout=60_000
        )
        if baseline:
            page.evaluate(FAST_OFF)
        # The hardest view: the whole map in sight, every role and move drawn.
        page.evaluate("() => window.careergraph.fit && window.careergraph.fit()")
        box = page.locator("#map").bounding_box()
        assert box is not None
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.evaluate(
            """() => {
                const probe = { frames: 0, worst: 0, last: performance.now(), on: true };
                window.fpsProbe = probe;
                probe.start = probe.last;
                function tick(now) {
                    probe.frames += 1;
                    probe.worst = Math.max(probe.worst, now - probe.last);
                    probe.last = now;
                    if (probe.on) requestAnimationFrame(tick);
                }
                requestAnimationFrame(tick);
            }"""
        )
        for sweep in range(3):
            page.mouse.move(x, y)
            page.mouse.down()
            for step in range(1, 31):
                page.mouse.move(x + step * 12 * (-1) ** sweep, y + step * 5)
            page.mouse.up()
            for _ in range(10):
                page.mouse.wheel(0, -120 if sweep % 2 else 120)
                page.wait_for_timeout(16)
        result = page.evaluate(
            """() => {
                const probe = window.fpsProbe;
                probe.on = false;
                const seconds = (performance.now() - probe.start) / 1000;
                return [probe.frames / seconds, probe.worst];
            }"""
        )
        page.close()
        return float(result[0]), float(result[1])

    def page_answers(
        self, page_file: Path, pairs: list[tuple[str, str]], script: str, repeat: int = 1
    ) -> list[float]:
        """Seconds the open page takes to answer `script` (a function of from and to) per pair.

        Each pair is asked once unmeasured (that also compiles the code), then `repeat` times in
        a row, the mean kept: the page's clock counts in steps of 0.1 ms.
        """
        page = self.browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(page_file.as_uri())
        page.wait_for_function(
            "() => window.careergraph && window.careergraph.ready", timeout=120_000
        )
        timings: list[float] = page.evaluate(
            """([pairs, script, repeat]) => {
                const ask = eval(script);
                return pairs.map(([a, b]) => {
                    const answer = ask(a, b);
                    if (answer && answer.error) throw new Error(answer.error.message);
                    const start = performance.now();
                    for (let i = 0; i < repeat; i++) ask(a, b);
                    return (performance.now() - start) / repeat / 1000;
                });
            }""",
            [pairs, script, repeat],
        )
        page.close()
        return timings

    def stop(self) -> None:
        self.browser.close()
        self.driver.stop()


FPS_TARGET = 30.0
"""Frames a second the page keeps while a 2,000-role map is panned and zoomed."""


def print_fps(
    chromium: Chromium, maps: list[tuple[str, CareerMap]], folder: Path, runs: int
) -> None:
    """Frames a second while each map is dragged and zoomed with the whole map in view, against
    the same page with its large-map measures undone (FAST_OFF); the median of `runs`."""
    header = (
        f"{'map':<14}{'pan+zoom fps':>14}{'worst frame':>13}{'baseline fps':>14}"
        f"{'worst frame':>13}{'ratio':>8}{'target':>9}"
    )
    print()
    print(header)
    print("-" * len(header))
    for name, career_map in maps:
        target = folder / "fps.html"
        write_html(target, render_html(career_map, build_graph(career_map)))
        fast = [chromium.pan_zoom_fps(target) for _ in range(runs)]
        slow = [chromium.pan_zoom_fps(target, baseline=True) for _ in range(runs)]
        fps = statistics.median(f for f, _ in fast)
        base = statistics.median(f for f, _ in slow)
        worst = statistics.median(w for _, w in fast)
        base_worst = statistics.median(w for _, w in slow)
        goal = f">= {FPS_TARGET:.0f}" if len(career_map.roles) >= 2_000 else "-"
        print(
            f"{name:<14}{fps:>14.1f}{worst:>10.0f} ms{base:>14.1f}{base_worst:>10.0f} ms"
            f"{fps / base:>7.1f}x{goal:>9}"
        )
    print("(baseline: the same page with straight moves, hiding moves while the view moves and")
    print(" skipping unreadable labels all turned off; the whole map in view)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timings per figure (the best counts)")
    parser.add_argument("--large", action="store_true", help="also 10,000 roles")
    args = parser.parse_args()

    maps = [("default data", load_paths(default_data_path()))]
    maps += [("500 roles", generated_map(50, 10, 1)), ("2,000 roles", generated_map(50, 10, 4))]
    if args.large:
        maps.append(("10,000 roles", generated_map(50, 10, 20)))

    chromium = Chromium.start()
    if chromium is None:
        print(f"(no Chromium at {CHROMIUM}: first-draw times are left out)", file=sys.stderr)

    header = (
        f"{'map':<14}{'roles':>7}{'moves':>7}{'page MB':>9}{'render+write':>14}{'first draw':>12}"
    )
    print(header)
    print("-" * len(header))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for name, career_map in maps:
            graph = build_graph(career_map)
            target = Path(folder) / "map.html"

            def render_and_write(
                career_map: CareerMap = career_map,
                graph: CareerGraph = graph,
                target: Path = target,
            ) -> None:
                write_html(target, render_html(career_map, graph))

            page_time = best_of(args.runs, render_and_write)
            size = target.stat().st_size / 1e6
            draw = "-"
            if chromium is not None:
                draw = f"{statistics.median(chromium.first_draws(target, args.runs)) * 1000:.0f} ms"
            print(
                f"{name:<14}{len(career_map.roles):>7}{len(career_map.transitions):>7}"
                f"{size:>9.2f}{page_time * 1000:>11.0f} ms{draw:>12}"
            )
        if chromium is not None:
            print_fps(chromium, maps, Path(folder), args.runs)
    if chromium is not None:
        chromium.stop()
    print(f"\n(best of {args.runs}; first draw is the median, from navigation start to the")
    print(" first afterDrawing; the whole run took", f"{time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
