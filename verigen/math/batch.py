"""Batch math verification on every core, with a deadline per item, and the JSONL file command.

Each (gold, response) pair runs `verify_math` in a DeadlinePool worker. An item that overruns the
deadline is killed with its worker and answered `unverified` ("checker deadline exceeded"); one
that crashes its worker (the 2 GiB address-space cap, a segfault in C code) is `unverified` too:
the checker could not decide, which is never a training example.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from verigen.deadline_pool import DeadlinePool, default_workers
from verigen.errors import InputFileError, VerigenError
from verigen.math.extract import extract_answer
from verigen.math.gold import MathGold
from verigen.math.parse import parse_gold_text
from verigen.math.verify import MAX_EXTRACTED_CHARS, verify_math
from verigen.types import Status, Verdict

DEFAULT_DEADLINE = 5.0
MEMORY_LIMIT_MB = 2048
CHUNK = 256
_PRELOAD = ("verigen.math.batch",)

Job = tuple[Any, str]  # (MathGold, or gold text / gold JSON for the file command; response)


def _gold(raw: Any) -> MathGold:
    if isinstance(raw, MathGold):
        return raw
    if isinstance(raw, dict):
        return MathGold.from_json(raw)
    return parse_gold_text(raw)


def _verify_job(job: Job) -> Verdict:
    """Worker entry point (top level so it pickles by reference)."""
    raw_gold, response = job
    try:
        gold = _gold(raw_gold)
    except Exception as e:  # a user's gold text we cannot read is an input problem, not the model's
        return Verdict(Status.INFRA_ERROR, None, f"cannot parse gold: {type(e).__name__}: {e}"[:200])
    return verify_math(gold, response)


def _extracted(job: Job) -> str | None:
    final = extract_answer(job[1]).final if isinstance(job[1], str) else None
    return final[:MAX_EXTRACTED_CHARS] if final else None


def _on_timeout(job: Job) -> Verdict:
    return Verdict(Status.UNVERIFIED, _extracted(job), "checker deadline exceeded")


def _on_crash(job: Job, reason: str) -> Verdict:
    return Verdict(Status.UNVERIFIED, _extracted(job), f"checker crashed: {reason}"[:200])


class MathVerifierPool:
    """Long-lived workers for a pipeline that verifies attempts as they arrive."""

    def __init__(
        self,
        deadline: float = DEFAULT_DEADLINE,
        workers: int | None = None,
        memory_limit_mb: int = MEMORY_LIMIT_MB,
    ) -> None:
        self._pool: DeadlinePool[Job, Verdict] = DeadlinePool(
            _verify_job,
            workers=workers,
            deadline=deadline,
            on_timeout=_on_timeout,
            on_crash=_on_crash,
            memory_limit_mb=memory_limit_mb,
            preload=_PRELOAD,
        )

    def verify(self, pairs: Iterable[tuple[MathGold, str]]) -> list[Verdict]:
        return self._pool.map(pairs)

    async def averify(self, pairs: Iterable[tuple[MathGold, str]]) -> list[Verdict]:
        return await self._pool.amap(pairs)

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> MathVerifierPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def verify_math_batch(
    pairs: Sequence[tuple[MathGold, str]], deadline: float = DEFAULT_DEADLINE, workers: int | None = None
) -> list[Verdict]:
    """Verdicts in input order; uses every core unless `workers` says otherwise."""
    if not pairs:
        return []
    with MathVerifierPool(deadline, workers or min(default_workers(), len(pairs))) as pool:
        return pool.verify(pairs)


# -- the `verigen verify math` file command -------------------------------------------------------


def _read_lines(path: Path) -> Iterator[tuple[int, Any, Job | None, str]]:
    """(line number, id, job or None, error detail) for each non-blank line."""
    try:
        handle = path.open("rb")
    except OSError as e:
        raise InputFileError(f"cannot read {path}: {e.strerror or e}") from e
    with handle:
        for lineno, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as e:
                yield lineno, None, None, f"line {lineno}: invalid JSON ({type(e).__name__})"
                continue
            if not isinstance(record, dict):
                yield lineno, None, None, f"line {lineno}: expected a JSON object"
                continue
            rid = record.get("id")
            missing = [k for k in ("id", "gold", "answer") if k not in record]
            if missing:
                yield lineno, rid, None, f"line {lineno}: missing key {missing[0]!r}"
            elif not isinstance(rid, (str, int)) or isinstance(rid, bool):
                yield lineno, None, None, f"line {lineno}: 'id' must be a string or an integer"
            elif not isinstance(record["gold"], (str, dict)) or not isinstance(record["answer"], str):
                yield lineno, rid, None, f"line {lineno}: 'gold' and 'answer' must be strings"
            else:
                yield lineno, rid, (record["gold"], record["answer"]), ""


def _chunks(
    rows: Iterator[tuple[int, Any, Job | None, str]],
) -> Iterator[list[tuple[int, Any, Job | None, str]]]:
    chunk: list[tuple[int, Any, Job | None, str]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def verify_pairs_jsonl(
    in_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    deadline: float = DEFAULT_DEADLINE,
    workers: int | None = None,
) -> dict[str, int]:
    """Verify `{"id", "gold", "answer"}` lines; write `{"id", "status", "extracted", "detail"}` lines.

    Output is in input order and appears atomically (temp file, then rename). A malformed line
    gets an `infra_error` line naming it instead of stopping the run. Returns counts by status.
    """
    src, dst = Path(in_path), Path(out_path)
    rows = _read_lines(src)
    first = next(rows, None)  # opens the input, and fails on it, before any output or worker exists
    counts: Counter[str] = Counter()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=dst.parent)
    except OSError as e:
        raise VerigenError(f"cannot write {dst}: {e.strerror or e}") from e
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out, contextlib.ExitStack() as stack:
            pool: MathVerifierPool | None = None
            for chunk in _chunks(_prepend(first, rows) if first else iter(())):
                jobs = [job for _, _, job, _ in chunk if job is not None]
                if jobs and pool is None:
                    pool = stack.enter_context(MathVerifierPool(deadline, workers))
                verdicts = iter(pool.verify(jobs) if pool and jobs else [])
                for _, rid, job, error in chunk:
                    v = next(verdicts) if job is not None else Verdict(Status.INFRA_ERROR, None, error)
                    counts[v.status.value] += 1
                    out.write(json.dumps({"id": rid, **v.to_json()}, ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dst)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    counts["total"] = sum(counts.values())
    return dict(counts)


def _prepend(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest
