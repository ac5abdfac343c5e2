"""The contract every template in the registry keeps, checked over the whole registry.

- same output in a fresh process (with a different hash seed) for the same (seed, index, difficulty);
- JSON round trip of the problem and its gold answer;
- the gold answer, rendered the way a model would write it, verifies as `pass`;
- a perturbed answer verifies as `wrong_answer`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import sympy as sp

from verigen.math.gold import AnswerType, MathGold
from verigen.math.verify import verify_math
from verigen.templates import DIFFICULTIES, all_templates
from verigen.types import Problem, Status

MATH = [t for t in all_templates() if t.kind == "math"]
DRAWS = [(seed, index) for seed in (0, 7, 2**31) for index in (0, 1, 99)]


def sample_all() -> list[dict]:
    return [
        t.sample(seed, index, difficulty).to_json()
        for t in all_templates()
        for seed, index in DRAWS[:3]
        for difficulty in DIFFICULTIES
    ]


def test_same_problems_in_a_fresh_process() -> None:
    code = "import json, tests.test_template_contract as c; print(json.dumps(c.sample_all()))"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert fresh.returncode == 0, fresh.stderr
    assert json.loads(fresh.stdout) == json.loads(json.dumps(sample_all()))


@pytest.mark.parametrize("template", all_templates(), ids=lambda t: t.name)
def test_json_round_trip_and_distinct_ids(template) -> None:
    problems = [template.sample(s, i, d) for s, i in DRAWS for d in DIFFICULTIES]
    for problem in problems:
        assert Problem.from_json(json.loads(json.dumps(problem.to_json()))) == problem
        assert problem.difficulty in DIFFICULTIES and problem.prompt.strip()
    assert len({p.id for p in problems}) == len(problems)
    info = template.info()
    assert info["kind"] in ("math", "code") and info["area"] and info["description"]


def perturb(gold: MathGold):
    """A wrong answer of the same type, close to the gold one."""
    value = gold.value
    if gold.type is AnswerType.EQUATION:
        return sp.Eq(value.lhs, value.rhs + 1)
    if gold.type is AnswerType.SET:
        return sp.FiniteSet(*(e + 1 for e in value))
    if gold.type is AnswerType.TUPLE:
        return sp.Tuple(value[0] + 1, *value[1:])
    if gold.type is AnswerType.MATRIX:
        changed = sp.Matrix(value)
        changed[0, 0] += 1
        return sp.ImmutableMatrix(changed)
    if gold.type is AnswerType.INTERVAL:
        parts = list(value.args) if isinstance(value, sp.Union) else [value]
        first = parts[0]
        if first.start.is_finite:
            parts[0] = sp.Interval(first.start, first.end, not first.left_open, first.right_open)
        else:
            parts[0] = sp.Interval(first.start, first.end, first.left_open, not first.right_open)
        return sp.Union(*parts)
    return value + 1


def as_response(value) -> str:
    latex = sp.latex(value, ln_notation=True)
    return f"Working through the steps carefully.\n\nThe final answer is $\\boxed{{{latex}}}$."


@pytest.mark.parametrize("template", MATH, ids=lambda t: t.name)
def test_gold_passes_and_perturbed_fails(template) -> None:
    for seed, index in DRAWS[:4]:
        for difficulty in DIFFICULTIES:
            problem = template.sample(seed, index, difficulty)
            gold = MathGold.from_json(problem.answer)
            verdict = verify_math(gold, as_response(gold.value))
            assert verdict.status is Status.PASS, (problem.prompt, gold.latex(), verdict)
            wrong = perturb(gold)
            verdict = verify_math(gold, as_response(wrong))
            assert verdict.status is Status.WRONG_ANSWER, (
                problem.prompt,
                sp.latex(wrong, ln_notation=True),
                verdict,
            )
