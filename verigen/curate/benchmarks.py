"""Read the benchmark files a user names for decontamination: jsonl, json, parquet, or a directory
written by `datasets`' save_to_disk (a Dataset or a DatasetDict), one text field per file.

Spec syntax `FILE[:FIELD]`; without a field the first of question/problem/prompt/text is used.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verigen.errors import InputFileError
from verigen.math.extract import find_boxed

TEXT_FIELDS = ("question", "problem", "prompt", "text")
ANSWER_FIELDS = ("answer", "final_answer", "expected_answer")


@dataclass(frozen=True)
class BenchmarkItem:
    row: str  # the row index, "split/index" for a DatasetDict
    text: str
    answer: str | None


@dataclass(frozen=True)
class Benchmark:
    spec: str
    path: Path
    field: str
    items: list[BenchmarkItem]

    @property
    def name(self) -> str:
        return self.path.name


def parse_spec(spec: str) -> tuple[Path, str | None]:
    """`FILE[:FIELD]`: a path that exists as written wins over a field suffix."""
    if Path(spec).exists() or ":" not in spec:
        return Path(spec), None
    path, field = spec.rsplit(":", 1)
    return Path(path), field or None


def load_benchmark(spec: str) -> Benchmark:
    path, field = parse_spec(spec)
    if not path.exists():
        raise InputFileError(f"benchmark file not found: {path}")
    tables = list(_tables(path))
    columns = sorted({c for _, rows in tables for c in (rows[0].keys() if rows else ())})
    if field is None:
        field = next((f for f in TEXT_FIELDS if f in columns), None)
        if field is None:
            raise InputFileError(
                f"{path}: none of the fields {', '.join(TEXT_FIELDS)}; name one as {path}:FIELD"
                f" (columns: {', '.join(columns) or 'none'})"
            )
    elif columns and field not in columns:
        raise InputFileError(f"{path}: no field {field!r} (columns: {', '.join(columns)})")
    answer_field = next((f for f in ANSWER_FIELDS if f in columns), None)
    items = [
        BenchmarkItem(f"{prefix}{i}", _as_text(row.get(field)), _answer(row.get(answer_field)))
        for prefix, rows in tables
        for i, row in enumerate(rows)
    ]
    return Benchmark(spec, path, field, items)


def _tables(path: Path) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(row prefix, rows) per table: one table, or one per split of a DatasetDict."""
    if path.is_dir():
        from datasets import Dataset, load_from_disk

        try:
            data = load_from_disk(str(path))
        except (FileNotFoundError, ValueError) as exc:
            raise InputFileError(f"{path}: not a saved `datasets` directory ({exc})") from None
        if isinstance(data, Dataset):
            yield "", data.to_list()
        else:
            for split in sorted(data):
                yield f"{split}/", data[split].to_list()
    elif path.suffix == ".parquet":
        import pyarrow.parquet as pq

        try:
            yield "", pq.read_table(path).to_pylist()
        except Exception as exc:  # pyarrow raises ArrowInvalid, OSError...
            raise InputFileError(f"{path}: not a readable parquet file ({exc})") from None
    else:
        yield "", _json_rows(path)


def _json_rows(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json" and text.lstrip().startswith("["):
        rows = json.loads(text)
    else:
        rows = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError:
                    raise InputFileError(f"{path} line {number}: not valid JSON") from None
    if not all(isinstance(r, dict) for r in rows):
        raise InputFileError(f"{path}: every row must be a JSON object")
    return rows


def _as_text(value: Any) -> str:
    """A text field, or a chat (list of messages) flattened to its contents."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(m.get("content", "") if isinstance(m, dict) else str(m) for m in value)
    return str(value)


def _answer(value: Any) -> str | None:
    """A benchmark's final answer: GSM8K's text after `####`, or the last `\\boxed{}`."""
    if value is None:
        return None
    text = str(value)
    if "####" in text:
        text = text.rsplit("####", 1)[1]
    boxes, _ = find_boxed(text)
    if boxes:
        text = boxes[-1][2]
    return text.strip() or None
