#!/usr/bin/env bash
# From a fresh clone to verified SFT and DPO datasets made by the embedded local teacher
# (SmolLM2-135M-Instruct served by llama.cpp on 127.0.0.1). Safe to run again: the run resumes
# and every teacher response is cached, so a second run makes no teacher call.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# shellcheck disable=SC1091
. "${VERIGEN_VENV:-.venv}/bin/activate"

RUN=${VERIGEN_QUICKSTART_RUN:-runs/quickstart}
echo "==> generating (config: examples/quickstart.toml, run: $RUN)"
if [ -f "$RUN/run.sqlite" ]; then
    verigen generate --out "$RUN" --resume
else
    verigen generate --out "$RUN" --config examples/quickstart.toml
fi
echo "==> exporting"
verigen export "$RUN" --out "$RUN/datasets"
python - "$RUN/datasets" <<'PY'
import sys
from datasets import load_from_disk

root = sys.argv[1]
sft, dpo = load_from_disk(f"{root}/sft"), load_from_disk(f"{root}/dpo")  # DatasetDicts: train/test
n_sft, n_dpo = sum(map(len, sft.values())), sum(map(len, dpo.values()))
print(f"SFT dataset: {root}/sft ({n_sft} rows: {', '.join(f'{k} {len(v)}' for k, v in sft.items())})")
print(f"DPO dataset: {root}/dpo ({n_dpo} pairs: {', '.join(f'{k} {len(v)}' for k, v in dpo.items())})")
print(f"dataset card: {root}/README.md; report: verigen report {root.rsplit('/', 1)[0]} --export {root}")
if n_sft == 0 or n_dpo == 0:
    sys.exit("the run produced no SFT row or no DPO pair; try more samples in the config")
PY
