"""Small file helpers shared by the CLI paths: atomic JSONL writing and tolerant JSONL reading."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from verigen.errors import InputFileError


def write_jsonl_atomic(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write rows to a temp file beside `path`, then rename it into place. Returns the row count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    count = 0
    try:
        with os.fdopen(fd, "w") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def read_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of each non-blank line; InputFileError if the file cannot be read."""
    try:
        fh = open(path, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputFileError(f"cannot read {path}: {exc.strerror}") from None
    with fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                yield number, line
