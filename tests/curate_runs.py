"""Builders for curation tests: real template problems, realistic responses, a real run store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from verigen.store import RunStore
from verigen.templates import get_template
from verigen.types import Attempt, Completion, Problem, Status, Verdict

MODEL = "teacher-x"


def attempt(
    problem: Problem | str,
    k: int,
    text: str,
    status: Status = Status.PASS,
    *,
    finish: str = "stop",
    detail: str | None = None,
    extracted: str | None = None,
) -> Attempt:
    pid = problem if isinstance(problem, str) else problem.id
    completion = Completion(text, finish, 50, max(1, len(text.split())), MODEL)
    return Attempt(pid, k, completion, Verdict(status, extracted, status.value if detail is None else detail))


def sample(template: str, index: int, seed: int = 1, difficulty: int = 2) -> Problem:
    return get_template(template).sample(seed, index, difficulty)


def question(problem: Problem) -> str:
    return problem.prompt.split("\n\n")[0]


def math_solution(problem: Problem, answer: str | None = None, k: int = 0) -> str:
    """A step-by-step solution that restates the problem (so different problems read differently)."""
    final = answer if answer is not None else problem.answer["latex"]
    openers = ("Let us work through it.", "We solve this carefully.", "Consider the problem.")
    return (
        f"{openers[k % len(openers)]} The problem says: {question(problem)}\n"
        f"First we write down what is given and what is asked, then simplify step by step.\n"
        f"Collecting the terms and simplifying the result gives the value below.\n"
        f"Therefore the final answer is $\\boxed{{{final}}}$."
    )


def code_solution(problem: Problem, body: str, k: int = 0) -> str:
    entry = problem.answer.get("entry_point", "solve")
    notes = ("I will scan the input once.", "A direct approach works here.", "Here is a simple solution.")
    return f"{notes[k % len(notes)]}\n\n```python\ndef {entry}(*args):\n{body}\n```\n"


def near_copy(problem: Problem, new_id: str, **changes: Any) -> Problem:
    return replace(problem, id=new_id, **changes)


def write_run(run_dir: Path, problems: list[Problem], attempts: list[Attempt], seed: int = 1) -> None:
    with RunStore(run_dir) as store:
        store.set_manifest({"config": {"seed": seed, "samples": 4}, "teacher_model": MODEL})
        store.add_problems(problems)
        store.add_attempts(attempts)
