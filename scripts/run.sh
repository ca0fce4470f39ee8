#!/usr/bin/env bash
# Install torkham into .venv and run the main job on the bundled data: the web workbench and its
# REST API at http://127.0.0.1:8000/ (pass --host/--port to change; Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
# followthemoney (the FtM export) depends on PyICU, which pip builds against the system ICU.
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists icu-i18n 2>/dev/null || need+=(libicu-dev)
command -v g++ >/dev/null 2>&1 || need+=(g++)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "scripts/run.sh: please install: ${need[*]} (Debian/Ubuntu: sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
fi
python3 -m venv .venv
.venv/bin/pip install --quiet .
.venv/bin/torkham kb validate
exec .venv/bin/torkham serve "$@"
