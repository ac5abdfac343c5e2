"""Export: a pure function of the run store (and curation settings) to curated datasets.

Three datasets, each a DatasetDict with "train" and "test" (save_to_disk) plus one parquet and one
jsonl file per split: `sft` ({"messages": [...]}), `dpo` ({"prompt", "chosen", "rejected"}, TRL's
conversational preference shape) and `problems` (prompts with gold answers and pass rates). The
curation stages (verigen.curate) decide what gets in; README.md and curation.json say what each
stage removed. Everything is written to a temporary folder and renamed into place, so a crash never
leaves a half-written export behind.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verigen.curate.card import NAMES, render_card
from verigen.curate.decontam import Match, find_contamination, recorded_matches
from verigen.curate.pipeline import Curated, Rows, curate
from verigen.curate.settings import CurateSettings
from verigen.curate.split import SPLITS
from verigen.store import RunStore

CURATION_FILE = "curation.json"


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    sft_rows: int
    dpo_rows: int
    counts: dict[str, Any]
    curated: Curated = field(repr=False, default_factory=Curated)


def _features(name: str) -> Any:
    """Explicit column types: the schema is the same in every export, even for empty splits or a
    column that happens to be all null (pass_rate of problems with no decided sample)."""
    from datasets import Features, List, Value

    chat = List({"role": Value("string"), "content": Value("string")})
    common = {
        "teacher_model": Value("string"),
        "problem_id": Value("string"),
        "template": Value("string"),
        "kind": Value("string"),
        "difficulty": Value("int64"),
        "pass_rate": Value("float64"),
        "n_samples": Value("int64"),
        "cluster_id": Value("string"),
        "metadata": Value("string"),
    }
    if name == "sft":
        head = {"messages": chat, "sample_index": Value("int64"), "verdict_detail": Value("string")}
    elif name == "dpo":
        head = {
            "prompt": chat,
            "chosen": chat,
            "rejected": chat,
            "rejected_status": Value("string"),
            "rejected_detail": Value("string"),
            "chosen_sample_index": Value("int64"),
            "rejected_sample_index": Value("int64"),
        }
    else:
        head = {"prompt": chat}
        common.pop("teacher_model")
    return Features({**head, **common})


def _write_dataset(rows: Rows, folder: Path, name: str) -> None:
    from datasets import Dataset, DatasetDict, disable_progress_bars

    disable_progress_bars()  # the CLI prints one line per dataset instead

    features = _features(name)
    data = DatasetDict(
        {
            s: Dataset.from_list(rows[s], features=features)
            if rows[s]
            else Dataset.from_dict({k: [] for k in features}, features=features)
            for s in SPLITS
        }
    )
    # An empty split must still be written as one (empty) shard, or load_from_disk cannot read it.
    data.save_to_disk(str(folder / name), num_shards={s: 1 for s in SPLITS if not rows[s]} or None)
    for s in SPLITS:
        data[s].to_parquet(str(folder / f"{name}-{s}.parquet"))
        with open(folder / f"{name}-{s}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows[s]:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _matches(manifest: dict[str, Any], problems: list[Any], settings: CurateSettings) -> list[Match]:
    """Recorded decontamination hits, plus fresh ones for benchmarks named in the settings (a
    benchmark checked now replaces its recorded result)."""
    fresh: list[Match] = []
    if settings.decontaminate:
        fresh, _ = find_contamination(
            problems,
            list(settings.decontaminate),
            settings.decontam_ngram,
            settings.decontam_answer_match,
        )
    rechecked = set(settings.decontaminate)
    return [m for m in recorded_matches(manifest) if m.benchmark not in rechecked] + fresh


def export_run(run_dir: Path, out_dir: Path, settings: CurateSettings | None = None) -> ExportResult:
    settings = settings or CurateSettings()
    with RunStore(run_dir, create=False) as store:
        manifest = store.get_manifest()
        problems = store.problems()
        attempts = [a for a, _ in store.attempts()]
    system_prompt = manifest.get("config", {}).get("system_prompt")
    matches = _matches(manifest, problems, settings)
    curated = curate(problems, attempts, settings, matches=matches, system_prompt=system_prompt)
    sft_rows = sum(len(curated.sft[s]) for s in SPLITS)
    dpo_rows = sum(len(curated.dpo[s]) for s in SPLITS)
    counts = {
        "problems": len(problems),
        "attempts": len(attempts),
        "sft_rows": sft_rows,
        "dpo_rows": dpo_rows,
        "splits": curated.to_json(settings)["splits"],
        "verdicts": dict(Counter(a.verdict.status.value for a in attempts)),
        "templates": dict(Counter(p.template for p in problems)),
    }
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        for name in NAMES:
            _write_dataset(getattr(curated, name), staging, name)
        (staging / "README.md").write_text(render_card(manifest, counts, curated))
        (staging / "counts.json").write_text(json.dumps(counts, indent=2, sort_keys=True))
        (staging / CURATION_FILE).write_text(json.dumps(curated.to_json(settings), indent=2))
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            out_dir.rename(old)
            staging.rename(out_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ExportResult(out_dir, sft_rows, dpo_rows, counts, curated)
