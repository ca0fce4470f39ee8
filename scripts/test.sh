#!/usr/bin/env bash
# Install torkham with its test tools into a fresh virtual environment and run lint and tests.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${TORKHAM_TEST_VENV:-.venv-test}"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet '.[test]'
"$venv/bin/ruff" check src tests bench
"$venv/bin/pytest" -q "$@"
