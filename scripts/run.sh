#!/usr/bin/env bash
# Install torkham into .venv and run the main job on the bundled knowledge: the paper's timeline
# from the Taliban takeover to the paper's date, then one actor with its citations.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet .
.venv/bin/torkham kb validate
.venv/bin/torkham timeline --from 2021-08 --to 2024-04
.venv/bin/torkham show "Tehreek-e-Taliban"
