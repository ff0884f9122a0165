"""Fuzz the loader: whatever bytes a data file holds, it loads or raises DataFileError.

A map that loads is also exported as GraphML, GEXF and CSV, which must encode and (XML) parse:
text the loader lets through must be text every format can hold.

Run it through `scripts/fuzz.sh SECONDS`, which installs the `fuzz` extra (atheris) and seeds
the corpus with the test fixtures. Any other exception, a hang or a memory blow-up is a crash;
libFuzzer saves the input under fuzz/crashes/, and it belongs in tests/fixtures/broken/ with
its expected message.
"""

from __future__ import annotations

import contextlib
import sys
from xml.etree import ElementTree

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
    from careergraph.model import CareerMap
    from careergraph.render import graph_files, tables


def check(data: bytes) -> None:
    """Load `data` as a data file the way `careergraph validate` does; export what loads."""
    try:
        career_map = parse_paths(decode(data, "fuzz.yaml"), "fuzz.yaml")
    except DataFileError:
        return
    build_graph(career_map)
    export(career_map)


def export(career_map: CareerMap) -> None:
    """The exports a loaded map must always make: XML that parses, CSV that encodes."""
    for xml in (graph_files.graphml(career_map, "en"), graph_files.gexf(career_map, "ja")):
        ElementTree.fromstring(xml)
    tables.roles_csv(career_map, "en").decode("utf-8")
    tables.transitions_csv(career_map).decode("utf-8")


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
