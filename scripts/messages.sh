#!/usr/bin/env bash
# Bring careergraph's message catalogues up to date with the source: extract every message the
# code says (careergraph's own, and click's, whose help and errors go through the same catalogue)
# into src/careergraph/locale/careergraph.pot, merge new and changed messages into every
# language's .po file, and compile the .mo files the program reads. Translate each new entry in
# every .po file (same placeholders), then run it again to compile the translations.
# The calls that name a message are pyproject.toml's [tool.babel.extract_messages] keywords.
set -euo pipefail
cd "$(dirname "$0")/.."

click=$(.venv/bin/python -c 'import click, os; print(os.path.dirname(click.__file__))')
.venv/bin/pybabel extract src/careergraph "$click"
.venv/bin/pybabel update -i src/careergraph/locale/careergraph.pot -d src/careergraph/locale \
    -D careergraph --no-fuzzy-matching --ignore-obsolete -w 100
.venv/bin/pybabel compile -d src/careergraph/locale -D careergraph
