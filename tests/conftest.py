"""Shared fixtures: where the test data lives."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_DATA = ROOT / "data" / "paths.yaml"


@pytest.fixture
def small_map_file() -> Path:
    return FIXTURES / "small.yaml"
