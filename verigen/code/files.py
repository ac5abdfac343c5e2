"""`verigen verify code`: judge a JSONL file of solutions against a JSONL file of problems.

Problems may be in HumanEval's format (task_id, prompt, entry_point, test, canonical_solution;
a completion continues the prompt) or verigen's own Problem JSON (a completion is a whole model
response, whose last python block is the program). Every solution line gets exactly one output
line, in input order; a malformed line becomes an infra_error line that names it.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verigen.code.extract import extract_code
from verigen.code.spec import CodeSpec
from verigen.code.verifier import CodeVerifier
from verigen.errors import InputFileError
from verigen.types import Problem, Status, Verdict

HUMANEVAL_KEYS = ("task_id", "prompt", "entry_point", "test")


@dataclass(frozen=True)
class Task:
    spec: CodeSpec
    prompt: str | None  # HumanEval: the prefix that completions continue


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield number, line
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise InputFileError(f"cannot read {path}: {exc}") from None


def _task(data: Any) -> tuple[str, Task]:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    if all(isinstance(data.get(key), str) for key in HUMANEVAL_KEYS):
        spec = CodeSpec("check", data["entry_point"], prelude=data["prompt"], test_code=data["test"])
        CodeSpec.from_answer(spec.to_answer())  # validates
        return data["task_id"], Task(spec, data["prompt"])
    if data.get("kind") == "code" and "answer" in data:
        problem = Problem.from_json(data)
        return problem.id, Task(CodeSpec.from_answer(problem.answer), None)
    raise ValueError("neither a HumanEval problem nor a verigen code Problem")


def load_tasks(path: Path) -> tuple[dict[str, Task], list[str]]:
    """Tasks by id, plus one note per problem line that could not be used."""
    tasks: dict[str, Task] = {}
    notes: list[str] = []
    for number, line in _lines(path):
        try:
            task_id, task = _task(json.loads(line))
        except (ValueError, TypeError, KeyError, InputFileError) as exc:
            notes.append(f"problems line {number}: {str(exc)[:120]}")
            continue
        tasks[task_id] = task
    return tasks, notes


def program_for(task: Task, completion: str) -> str | None:
    """HumanEval: prompt + completion (or prompt + the fenced block, if the completion has one)."""
    if task.prompt is None:
        return extract_code(completion)
    block = extract_code(completion) if "```" in completion else None
    return task.prompt + "\n" + block if block else task.prompt + completion


@dataclass
class Row:
    id: str
    task_id: str | None
    verdict: Verdict | None = None
    job: tuple[CodeSpec, str] | None = None


def _row(number: int, line: str, tasks: dict[str, Task], seen: Counter[str], notes: list[str]) -> Row:
    def bad(task_id: str | None, why: str) -> Row:
        return Row(
            f"line{number}", task_id, Verdict(Status.INFRA_ERROR, None, f"solutions line {number}: {why}")
        )

    try:
        data = json.loads(line)
    except ValueError:
        return bad(None, "not valid JSON")
    if not isinstance(data, dict):
        return bad(None, "not a JSON object")
    task_id, completion = data.get("task_id"), data.get("completion")
    if not isinstance(task_id, str) or not isinstance(completion, str):
        return bad(task_id if isinstance(task_id, str) else None, "needs string task_id and completion")
    if task_id not in tasks:
        hint = f" (the problems file has {len(notes)} unusable lines)" if notes else ""
        return bad(task_id, f"unknown task_id {task_id[:80]!r}{hint}")
    row_id = data.get("id")
    row = Row(str(row_id) if row_id is not None else f"{task_id}#{seen[task_id]}", task_id)
    seen[task_id] += 1
    task = tasks[task_id]
    program = program_for(task, completion)
    if program is None:
        row.verdict = Verdict(Status.NO_ANSWER, None, "no fenced python code block in the completion")
    else:
        row.job = (task.spec, program)
    return row


def verify_code_files(
    problems_path: str | Path,
    solutions_path: str | Path,
    out_path: str | Path,
    timeout: float | None = None,
    *,
    pool_size: int | None = None,
    verifier: CodeVerifier | None = None,
    on_done: Callable[[Verdict], None] | None = None,
) -> dict[str, int]:
    """Write one verdict line per solution to out_path (atomically); return counts by status.

    `timeout` (seconds per solution) overrides the problems' own limits (HumanEval's: 5 s); when
    the caller passes its own `verifier`, that verifier's settings apply instead.
    """
    tasks, notes = load_tasks(Path(problems_path))
    seen: Counter[str] = Counter()
    rows = [_row(number, line, tasks, seen, notes) for number, line in _lines(Path(solutions_path))]
    jobs = [row.job for row in rows if row.job is not None]
    if jobs:
        if verifier is None:
            with CodeVerifier(pool_size, timeout=timeout) as owned:
                verdicts = owned.verify_programs(jobs, on_done)
        else:
            verdicts = verifier.verify_programs(jobs, on_done)
        queue = iter(verdicts)
        for row in rows:
            if row.job is not None:
                row.verdict = next(queue)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for row in rows:
                assert row.verdict is not None
                record = {"id": row.id, "task_id": row.task_id, "status": row.verdict.status.value}
                handle.write(json.dumps({**record, "detail": row.verdict.detail}) + "\n")
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    counts = Counter(row.verdict.status.value for row in rows if row.verdict is not None)
    return {"total": len(rows), **dict(sorted(counts.items()))}
