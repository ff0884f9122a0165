"""The benchmark suite runs end to end on a small map (the figures themselves are not tested)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.generate import edited, generate, to_json, to_yaml

from careergraph.load import parse_paths
from tests.conftest import ROOT


def test_generated_maps_are_valid_and_the_same_in_yaml_and_json() -> None:
    data = generate(120)
    from_yaml = parse_paths(to_yaml(data), "g.yaml")
    from_json = parse_paths(to_json(data), "g.json")
    assert len(from_yaml.roles) == 120
    assert from_yaml.roles == from_json.roles
    assert from_yaml.transitions == from_json.transitions
    levels = {
        len({r.level for r in from_yaml.roles.values() if r.track == t}) for t in from_yaml.tracks
    }
    assert levels <= set(range(1, 9))
    assert all(10 <= len(r.skills) <= 20 for r in from_yaml.roles.values())
    assert any(
        from_yaml.roles[m.source].track != from_yaml.roles[m.target].track
        for m in from_yaml.transitions
    )


@pytest.mark.slow
def test_the_suite_runs_and_writes_its_table(tmp_path: Path) -> None:
    output = tmp_path / "benchmarks.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--sizes",
            "100",
            "--runs",
            "1",
            "--startup-runs",
            "1",
            "--maps",
            str(tmp_path / "maps"),
            "-o",
            str(output),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(output.read_text(encoding="utf-8"))
    cases = [row["case"] for row in report["rows"]]
    assert "careergraph --help" in cases
    assert "100 roles YAML: careergraph path (process)" in cases
    assert "100 roles YAML: careergraph fit (process)" in cases
    (lint,) = [
        row for row in report["rows"] if row["case"] == "100 roles YAML: careergraph lint (process)"
    ]
    assert lint["baseline_name"] == "python -c 'import networkx'"
    assert lint["baseline"] > 0
    assert lint["target"] == "<= 1 s"
    assert "100 roles JSON: later load (cache)" in cases
    assert "100 roles YAML: later load, every role built" in cases
    for bounded in ("diff (next version)", "path -k 100", "path --include-inferred"):
        assert f"100 roles YAML: careergraph {bounded} (process)" in cases
        assert f"100 roles YAML: careergraph {bounded}: peak memory" in cases
    html = [row for row in report["rows"] if row["case"].startswith("HTML ")]
    assert [row["case"] for row in html] == [
        "HTML default data: first draw in Chromium",
        "HTML 2,000 roles: first draw in Chromium",
        "HTML 2,000 roles: page file",
        "HTML 2,000 roles: route with 2 alternatives, in the page",
        "HTML 2,000 roles: compare two roles in the page",
    ]
    assert [row["target"] for row in html] == ["<= 0.3 s", "<= 1 s", "", "<= 0.05 s", "<= 0.02 s"]
    assert [row["baseline_name"] for row in html] == [
        "every role in the first draw",
        "every role in the first draw",
        "",
        "find_routes in Python",
        "skill_gap in Python",
    ]
    assert all(row["median"] > 0 for row in report["rows"])
    assert "100 roles YAML: first load" in result.stdout


def test_the_next_version_of_a_generated_map_loads_and_differs() -> None:
    data = generate(300)
    old = parse_paths(to_yaml(data), "old.yaml")
    new = parse_paths(to_yaml(edited(data)), "new.yaml")
    assert len(new.roles) == len(old.roles) - 1
    assert new.transitions != old.transitions
