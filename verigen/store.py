"""The run store: one SQLite file per run directory holding everything a run produced.

Keys are deterministic (problem id; problem id + sample index; teacher cache key) and every write
is an idempotent upsert inside a transaction, so a run killed at any point (Ctrl-C, kill -9) can be
resumed without losing or duplicating anything. WAL mode keeps writes cheap and crash-safe.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from verigen.errors import StoreError
from verigen.types import Attempt, Completion, Problem, Verdict

STORE_FILENAME = "run.sqlite"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS problems (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    template TEXT NOT NULL,
    difficulty INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS attempts (
    problem_id TEXT NOT NULL REFERENCES problems(id),
    sample_index INTEGER NOT NULL,
    completion TEXT NOT NULL,
    finish_reason TEXT,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    model TEXT NOT NULL,
    status TEXT NOT NULL,
    extracted TEXT,
    detail TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (problem_id, sample_index)
);
CREATE TABLE IF NOT EXISTS teacher_cache (
    key TEXT PRIMARY KEY, value TEXT NOT NULL, created_at REAL NOT NULL
);
"""


class RunStore:
    """A run's SQLite store. Also the teacher's response cache (get/put)."""

    def __init__(self, run_dir: Path, *, create: bool = True) -> None:
        self.run_dir = Path(run_dir)
        self.path = self.run_dir / STORE_FILENAME
        if not create and not self.path.exists():
            raise StoreError(f"no run store at {self.path}")
        self.run_dir.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open run store {self.path}: {exc}") from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> RunStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- manifest ---------------------------------------------------------------------------------
    def get_manifest(self) -> dict[str, Any]:
        rows = self._db.execute("SELECT key, value FROM manifest").fetchall()
        return {key: json.loads(value) for key, value in rows}

    def set_manifest(self, values: dict[str, Any]) -> None:
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO manifest (key, value) VALUES (?, ?)",
                [(k, json.dumps(v, sort_keys=True)) for k, v in values.items()],
            )

    # -- problems ---------------------------------------------------------------------------------
    def add_problems(self, problems: list[Problem]) -> None:
        start = self._db.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM problems").fetchone()[0]
        with self._transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO problems (id, position, template, difficulty, data)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (p.id, start + i, p.template, p.difficulty, json.dumps(p.to_json(), sort_keys=True))
                    for i, p in enumerate(problems)
                ],
            )

    def problems(self) -> list[Problem]:
        rows = self._db.execute("SELECT data FROM problems ORDER BY position").fetchall()
        return [Problem.from_json(json.loads(data)) for (data,) in rows]

    # -- attempts ---------------------------------------------------------------------------------
    def done_keys(self) -> set[tuple[str, int]]:
        """Keys with a final verdict. `infra_error` is ours, not the model's: redone on resume."""
        rows = self._db.execute(
            "SELECT problem_id, sample_index FROM attempts WHERE status != 'infra_error'"
        ).fetchall()
        return set(rows)

    def add_attempts(self, attempts: list[Attempt]) -> None:
        now = time.time()
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO attempts (problem_id, sample_index, completion, finish_reason,"
                " prompt_tokens, completion_tokens, model, status, extracted, detail, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        a.problem_id,
                        a.sample_index,
                        a.completion.text,
                        a.completion.finish_reason,
                        a.completion.prompt_tokens,
                        a.completion.completion_tokens,
                        a.completion.model,
                        a.verdict.status.value,
                        a.verdict.extracted,
                        a.verdict.detail,
                        now,
                    )
                    for a in attempts
                ],
            )

    def attempts(self) -> Iterator[tuple[Attempt, float]]:
        """Every attempt with its creation time, in problem order then sample order."""
        rows = self._db.execute(
            "SELECT a.problem_id, a.sample_index, a.completion, a.finish_reason, a.prompt_tokens,"
            " a.completion_tokens, a.model, a.status, a.extracted, a.detail, a.created_at"
            " FROM attempts a JOIN problems p ON p.id = a.problem_id"
            " ORDER BY p.position, a.sample_index"
        )
        for pid, idx, text, finish, ptok, ctok, model, status, extracted, detail, created in rows:
            completion = Completion(text, finish, ptok, ctok, model)
            verdict = Verdict.from_json({"status": status, "extracted": extracted, "detail": detail})
            yield Attempt(pid, idx, completion, verdict), created

    def count_attempts(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]

    def stratum_counts(self) -> dict[tuple[str, int], tuple[int, int]]:
        """(problems, problems with at least one pass) per (template, difficulty)."""
        rows = self._db.execute(
            "SELECT p.template, p.difficulty, COUNT(*),"
            " SUM(EXISTS (SELECT 1 FROM attempts a WHERE a.problem_id = p.id AND a.status = 'pass'))"
            " FROM problems p GROUP BY p.template, p.difficulty"
        ).fetchall()
        return {(name, level): (n, int(passed or 0)) for name, level, n, passed in rows}

    def status_counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT status, COUNT(*) FROM attempts GROUP BY status").fetchall()
        return dict(rows)

    # -- teacher cache (verigen.teacher.cache.ResponseCache) --------------------------------------
    def get(self, key: str) -> Completion | None:
        row = self._db.execute("SELECT value FROM teacher_cache WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        return Completion(**{**data, "cached": True})

    def put(self, key: str, completion: Completion) -> None:
        data = {
            "text": completion.text,
            "finish_reason": completion.finish_reason,
            "prompt_tokens": completion.prompt_tokens,
            "completion_tokens": completion.completion_tokens,
            "model": completion.model,
        }
        self._db.execute(
            "INSERT OR REPLACE INTO teacher_cache (key, value, created_at) VALUES (?, ?, ?)",
            (key, json.dumps(data), time.time()),
        )

    def cache_size(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM teacher_cache").fetchone()[0]

    # -- helpers ----------------------------------------------------------------------------------
    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")
