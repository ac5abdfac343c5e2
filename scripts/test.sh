#!/usr/bin/env bash
# Set up and run the whole test suite: lint, then pytest with the real local model and real Docker.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# shellcheck disable=SC1091
. "${VERIGEN_VENV:-.venv}/bin/activate"
echo "==> ruff"
ruff check verigen problem_templates tests scripts
echo "==> pytest"
python -m pytest -q "$@"
