#!/usr/bin/env bash
# Install torkham with its test tools into a fresh virtual environment; run lint, format and type checks, then the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# System tools the tests drive for real: poppler (pdftoppm/pdftotext) to read briefing PDFs, and
# Debian's Chromium, which the web tests drive through Playwright (no browser download).
source scripts/system-packages.sh
need=()
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
need_icu_build_tools
# PySpark (tests/test_spark_backend.py, bench/spark_scale.py) starts a JVM: Java 17 or later.
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
install_needed scripts/test.sh
venv="${TORKHAM_TEST_VENV:-.venv-test}"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet '.[test,bench]'  # bench: the smoke tests run the benchmarks (pandas, Datasette)
"$venv/bin/ruff" check src tests bench
"$venv/bin/ruff" format --check src tests bench
"$venv/bin/mypy"  # configured in pyproject.toml: the whole package, strict below the surfaces
"$venv/bin/pytest" -q "$@"
