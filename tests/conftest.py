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
def english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in English whatever the machine's locale; tests opt into Japanese."""
    for name in ("CAREERGRAPH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def private_load_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own empty load cache, never the user's."""
    folder = tmp_path_factory.mktemp("cache") / "careergraph"
    monkeypatch.setenv("CAREERGRAPH_CACHE_DIR", str(folder))
    monkeypatch.delenv("CAREERGRAPH_NO_CACHE", raising=False)
    return folder
