"""Fuzz the loader: whatever bytes a data file holds, it loads or raises DataFileError.

Run it through `scripts/fuzz.sh SECONDS`, which installs the `fuzz` extra (atheris) and seeds
the corpus with the test fixtures. Any other exception, a hang or a memory blow-up is a crash;
libFuzzer saves the input under fuzz/crashes/, and it belongs in tests/fixtures/broken/ with
its expected message.
"""

from __future__ import annotations

import contextlib
import sys

try:
    import atheris
except ImportError:  # the tests run `check` on the seeds without the `fuzz` extra
    atheris = None

# Coverage feedback from careergraph and PyYAML, where the loader's branches are; instrumenting
# every loaded module instead takes minutes before the first input.
with (
    atheris.instrument_imports(include=["careergraph", "yaml"])
    if atheris
    else contextlib.nullcontext()
):
    from careergraph.errors import DataFileError
    from careergraph.graph import build_graph
    from careergraph.load import parse_paths
    from careergraph.load.text_file import decode


def check(data: bytes) -> None:
    """Load `data` as a data file the way `careergraph validate` does."""
    with contextlib.suppress(DataFileError):
        build_graph(parse_paths(decode(data, "fuzz.yaml"), "fuzz.yaml"))


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
