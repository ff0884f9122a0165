"""The fuzzing target (fuzz/fuzz_load.py) runs cleanly on its seeds, without atheris."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz.fuzz_load import check

from tests.conftest import FIXTURES

# The seeds scripts/fuzz.sh starts from: valid maps, broken ones, and maps whose names hide
# invisible or direction-changing characters.
SEEDS = sorted(FIXTURES.glob("*.yaml")) + [
    seed
    for folder in ("html", "lint", "exports", "broken")
    for seed in sorted((FIXTURES / folder).glob("*.yaml"))
]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_every_seed_loads_or_fails_cleanly(seed: Path) -> None:
    check(seed.read_bytes())


@pytest.mark.parametrize(
    "data",
    [b"", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"[" * 100_000, b"{a: " * 5000, b"- " * 5000],
)
def test_odd_inputs_load_or_fail_cleanly(data: bytes) -> None:
    check(data)
