"""Which problems an eval suite holds: stratified by the plan, decontaminated, without repeats."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verigen.config import GenerateConfig, build_config
from verigen.errors import InputFileError
from verigen.plan import plan_problems
from verigen.templates import get_template
from verigen.types import Problem

MAX_REDRAWS = 50  # fresh draws per excluded slot before the slot is given up
Exclude = Callable[[Problem], bool] | Iterable[str] | None
Source = Sequence[Problem] | GenerateConfig | Mapping[str, Any] | Path


@dataclass(frozen=True)
class Selection:
    problems: list[Problem]
    excluded: int = 0  # dropped because `exclude` said so
    duplicates: int = 0  # dropped because an earlier problem had the same prompt
    redrawn: int = 0  # fresh draws that replaced dropped problems
    shortfall: dict[tuple[str, int], int] = field(default_factory=dict)  # slots left unfilled


def _excluder(exclude: Exclude) -> Callable[[Problem], bool]:
    if exclude is None:
        return lambda _: False
    if callable(exclude):
        return exclude
    if isinstance(exclude, str):
        raise TypeError("exclude takes a callable or a collection of problem ids, not one string")
    ids = frozenset(exclude)
    return lambda p: p.id in ids


def excluding_runs(*run_dirs: Path) -> Callable[[Problem], bool]:
    """A predicate for `exclude`: true for a problem that any of these runs already posed (same id
    or same prompt text), so a suite never tests what a training set was made from."""
    from verigen.store import RunStore

    ids: set[str] = set()
    prompts: set[str] = set()
    for run_dir in run_dirs:
        with RunStore(run_dir, create=False) as store:
            for problem in store.problems():
                ids.add(problem.id)
                prompts.add(" ".join(problem.prompt.split()))
    return lambda p: p.id in ids or " ".join(p.prompt.split()) in prompts


def select_problems(source: Source, exclude: Exclude = None) -> Selection:
    """The suite's problems. From a config (or its settings), the plan's exact counts per
    (template, difficulty) are kept by redrawing dropped problems from the same stratum; from a
    list, a run directory or a problems JSONL file, dropped problems are just left out."""
    excluded = _excluder(exclude)
    if isinstance(source, GenerateConfig | Mapping):
        config = source if isinstance(source, GenerateConfig) else build_config(dict(source))
        return _from_plan(config, excluded)
    problems = _read_problems(source) if isinstance(source, Path) else list(source)
    seen: set[str] = set()
    kept: list[Problem] = []
    n_excluded = n_duplicates = 0
    for problem in problems:
        if excluded(problem):
            n_excluded += 1
        elif problem.prompt in seen:
            n_duplicates += 1
        else:
            seen.add(problem.prompt)
            kept.append(problem)
    return Selection(kept, n_excluded, n_duplicates)


def _from_plan(config: GenerateConfig, excluded: Callable[[Problem], bool]) -> Selection:
    planned = plan_problems(config.requested_counts(), config.seed)
    next_index = len(planned)  # redraws use indices past the plan: new items, same strata
    seen: set[str] = set()
    kept: list[Problem] = []
    counts: Counter[str] = Counter()
    shortfall: Counter[tuple[str, int]] = Counter()
    for problem in planned:
        candidate: Problem | None = problem
        for _ in range(MAX_REDRAWS + 1):
            assert candidate is not None
            reason = "excluded" if excluded(candidate) else "duplicates" if candidate.prompt in seen else ""
            if not reason:
                break
            counts[reason] += 1
            candidate = get_template(problem.template).sample(config.seed, next_index, problem.difficulty)
            next_index += 1
            counts["redrawn"] += 1
        else:
            candidate = None
            shortfall[(problem.template, problem.difficulty)] += 1
        if candidate is not None:
            seen.add(candidate.prompt)
            kept.append(candidate)
    return Selection(kept, counts["excluded"], counts["duplicates"], counts["redrawn"], dict(shortfall))


def _read_problems(path: Path) -> list[Problem]:
    if path.is_dir():
        from verigen.store import RunStore

        with RunStore(path, create=False) as store:
            return store.problems()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    problems = []
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            try:
                problems.append(Problem.from_json(json.loads(line)))
            except (ValueError, TypeError) as exc:
                raise InputFileError(f"{path} line {lineno}: not a problem ({type(exc).__name__})") from None
    return problems
