#!/usr/bin/env bash
# Set up everything careergraph's checks need on a fresh machine, then run them all:
# a virtualenv with the package and its dev tools, Debian's Chromium for the browser
# tests, lint, types, the import layering, the documentation build, and the whole pytest
# suite (which runs every example in the README and the docs).
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium and CJK fonts for the browser tests..."
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

if ! command -v dot >/dev/null; then
    echo "Installing Graphviz to check the DOT export parses..."
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq graphviz >/dev/null
fi

# Mermaid itself (pinned), to check the Mermaid export renders; fetched once, then offline.
mermaid_version=11.12.0
mermaid_dir=.cache/mermaid-$mermaid_version
if [ ! -f "$mermaid_dir/mermaid.min.js" ]; then
    echo "Fetching mermaid@$mermaid_version for the Mermaid export test..."
    fetch=$(mktemp -d)
    (cd "$fetch" && npm pack --silent "mermaid@$mermaid_version" >/dev/null)
    mkdir -p "$mermaid_dir"
    tar -xzf "$fetch/mermaid-$mermaid_version.tgz" -C "$mermaid_dir" --strip-components=2 \
        package/dist/mermaid.min.js
    rm -rf "$fetch"
fi
export CAREERGRAPH_MERMAID_JS="$PWD/$mermaid_dir/mermaid.min.js"

# axe-core (pinned), to check the pages for accessibility; fetched once, then offline.
axe_version=4.10.3
axe_dir=.cache/axe-core-$axe_version
if [ ! -f "$axe_dir/axe.min.js" ]; then
    echo "Fetching axe-core@$axe_version for the accessibility tests..."
    fetch=$(mktemp -d)
    (cd "$fetch" && npm pack --silent "axe-core@$axe_version" >/dev/null)
    mkdir -p "$axe_dir"
    tar -xzf "$fetch/axe-core-$axe_version.tgz" -C "$axe_dir" --strip-components=1 package/axe.min.js
    rm -rf "$fetch"
fi
export CAREERGRAPH_AXE_JS="$PWD/$axe_dir/axe.min.js"

if ! command -v pdftotext >/dev/null; then
    echo "Installing poppler-utils to read printed pages back..."
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq poppler-utils >/dev/null
fi

.venv/bin/ruff check src tests benchmarks fuzz
.venv/bin/ruff format --check src tests benchmarks fuzz
.venv/bin/mypy
.venv/bin/lint-imports

# The documentation site, built offline and in strict mode: a broken link or anchor fails.
site_dir=$(mktemp -d)
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet --site-dir "$site_dir"
rm -rf "$site_dir"

# Branch coverage of careergraph, in this process and the careergraph processes the CLI tests
# start; below [tool.coverage.report] fail_under in pyproject.toml the run fails. A partial run
# measures too little, so add --no-cov to one: ./scripts/test.sh --no-cov tests/test_query.py,
# or ./scripts/test.sh --no-cov -m "not slow" for all but the slow tests.
status=0
.venv/bin/python -m pytest --cov=careergraph --cov-branch "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
fi
exit "$status"
