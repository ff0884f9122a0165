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


@pytest.fixture(autouse=True)
def private_load_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own empty load cache, never the user's."""
    folder = tmp_path_factory.mktemp("cache") / "careergraph"
    monkeypatch.setenv("CAREERGRAPH_CACHE_DIR", str(folder))
    monkeypatch.delenv("CAREERGRAPH_NO_CACHE", raising=False)
    return folder
