#!/usr/bin/env bash
# Fuzz the loader with atheris for SECONDS (default 60), seeded with the test fixtures.
# A crashing input is saved under fuzz/crashes/ and the script fails.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[fuzz]'

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp tests/fixtures/*.yaml tests/fixtures/{html,lint,exports,broken}/*.yaml "$corpus"/
mkdir -p fuzz/crashes
# -timeout: an input that takes 10 s is a hang, a crash like any other.
.venv/bin/python fuzz/fuzz_load.py -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=fuzz/crashes/ "$corpus"
