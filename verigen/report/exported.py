"""Read what an export says about itself: row counts, DPO lengths, and its curation.json.

Both export layouts are read: one file per dataset (`dpo.jsonl`) and one per split
(`dpo-train.jsonl`, `dpo-test.jsonl`). A malformed curation.json is a warning, never a crash.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from verigen.errors import StoreError
from verigen.report.data import EXAMPLE_CHARS, CurationStage, ReportData


def read_export(export_dir: Path, data: ReportData) -> None:
    """Row counts (counts.json, else the JSONL files), DPO lengths and curation of an export. Both
    layouts are read: `dpo.jsonl`, and one file per split (`dpo-train.jsonl`, `dpo-test.jsonl`)."""
    if not export_dir.is_dir():
        raise StoreError(f"no export folder at {export_dir}")
    sft = _jsonl_rows(export_dir, "sft")
    dpo = _jsonl_rows(export_dir, "dpo")
    counts = _json_file(export_dir / "counts.json", data)
    if sft is None and dpo is None and not counts:
        data.warnings.append(f"{export_dir} holds no SFT/DPO rows or counts.json; row counts are the store's")
    else:
        data.rows_source = "export"
        data.sft_rows = int(counts.get("sft_rows", len(sft or [])))
        data.dpo_rows = int(counts.get("dpo_rows", len(dpo or [])))
        splits = counts.get("splits")
        if isinstance(splits, dict) and all(isinstance(v, dict) for v in splits.values()):
            data.splits = {str(k): {str(n): int(c) for n, c in v.items()} for k, v in splits.items()}
    if dpo:  # with no pairs exported, the store's passes vs model failures are still shown
        chosen = [_last_content(row.get("chosen")) for row in dpo]
        rejected = [_last_content(row.get("rejected")) for row in dpo]
        data.lengths = {
            "chosen": [len(t) for t in chosen if t is not None],
            "rejected": [len(t) for t in rejected if t is not None],
        }
        data.lengths_source = "export"
    _read_curation(export_dir / "curation.json", data)


def _json_file(path: Path, data: ReportData) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        data.warnings.append(f"{path.name} could not be read ({type(exc).__name__})")
        return {}
    return value if isinstance(value, dict) else {}


def _jsonl_rows(folder: Path, name: str) -> list[dict[str, Any]] | None:
    paths = sorted({*folder.glob(f"{name}.jsonl"), *folder.glob(f"{name}-*.jsonl")})
    if not paths:
        return None
    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    rows.append(row if isinstance(row, dict) else {})
    return rows


def _last_content(messages: Any) -> str | None:
    if isinstance(messages, list) and messages and isinstance(messages[-1], dict):
        content = messages[-1].get("content")
        return content if isinstance(content, str) else None
    return None


def _read_curation(path: Path, data: ReportData) -> None:
    """Read curation.json when present; a malformed one becomes a warning, never a crash."""
    if not path.is_file():
        return
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        stages = []
        for stage in raw.get("stages", []):
            reasons = {str(k): int(v) for k, v in (stage.get("reasons") or {}).items()}
            kept, stats = stage.get("kept"), stage.get("stats")
            stages.append(
                CurationStage(
                    name=str(stage.get("name", "?")),
                    unit=str(stage["unit"]) if stage.get("unit") else None,
                    kept=int(kept) if kept is not None else None,
                    removed=int(stage.get("removed", sum(reasons.values()))),
                    reasons=reasons,
                    examples=_examples(stage.get("examples")),
                    stats=stats if isinstance(stats, dict) else {},
                )
            )
        lengths = raw.get("lengths", raw.get("length"))
        matches = raw.get("decontamination") or []
        data.curation = stages
        data.curation_lengths = lengths if isinstance(lengths, dict) else None
        data.decontamination = [m for m in matches if isinstance(m, dict)]
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        data.warnings.append(f"{path.name} could not be read ({type(exc).__name__}); curation not shown")


def _examples(raw: Any, limit: int = 8) -> list[str]:
    """Examples as text: a list of items, or {reason: [items]} as "reason: item"."""
    if isinstance(raw, dict):
        items = [
            (str(reason), x) for reason, xs in raw.items() for x in (xs if isinstance(xs, list) else [xs])
        ]
    elif isinstance(raw, list):
        items = [("", x) for x in raw]
    else:
        return []
    texts = []
    for reason, x in items[:limit]:
        text = x if isinstance(x, str) else json.dumps(x, ensure_ascii=False, sort_keys=True)
        texts.append((f"{reason}: {text}" if reason else text)[:EXAMPLE_CHARS])
    return texts
