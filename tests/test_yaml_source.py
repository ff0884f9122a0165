"""The fast YAML reader agrees with PyYAML's own composer on data, places and problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from careergraph.load.yaml_source import _read_composed, read_yaml
from tests.conftest import DEFAULT_DATA, FIXTURES


def _utf8(file: Path) -> bool:
    """Only UTF-8 text reaches the YAML reader; other files are refused before it."""
    try:
        file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False
    return True


FILES = sorted(
    f for f in [DEFAULT_DATA, *FIXTURES.glob("*.yaml"), *FIXTURES.glob("*/*.yaml")] if _utf8(f)
)


@pytest.mark.parametrize("file", FILES, ids=lambda f: f"{f.parent.name}/{f.name}")
def test_fast_reader_matches_the_python_composer(file: Path) -> None:
    text = file.read_text(encoding="utf-8")
    fast, fast_problems = read_yaml(text, "f.yaml")
    slow, slow_problems = _read_composed(text, "f.yaml")
    if isinstance(slow.data, list):
        # A top level that is a list is reported without reading its items.
        assert (fast.data, fast.where(()), fast_problems) == ([], slow.where(()), slow_problems)
        return
    assert fast.data == slow.data
    assert fast_problems == slow_problems
    for path, mark in slow.value_marks.items():
        assert fast.where(path) == mark, path
    for path, mark in slow.key_marks.items():
        assert fast.where(path, key=True) == mark, path
