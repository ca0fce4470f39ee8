#!/usr/bin/env bash
# Install torkham into .venv and run the main job on the bundled data: the web workbench and its
# REST API at http://127.0.0.1:8000/ (pass --host/--port to change; Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-packages.sh
need=()
need_icu_build_tools
install_needed scripts/run.sh
python3 -m venv .venv
.venv/bin/pip install --quiet .
.venv/bin/torkham kb validate
exec .venv/bin/torkham serve "$@"
