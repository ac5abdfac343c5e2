"""Property tests: every math template's gold answer is checked independently of how it was made.

The checkers live in tests/math_checkers/, one module per area. Each reads the problem's parameters
from `metadata` and re-derives or verifies the answer by another route: substitution, brute force,
numeric integration or differentiation, exact arithmetic with `fractions`. A new math template
without a checker there fails the suite.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import mpmath
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from math_checkers import CHECKS

from verigen.math.gold import MathGold, encode
from verigen.templates import all_templates, get_template

MATH_TEMPLATES = sorted(t.name for t in all_templates() if t.kind == "math")
AREAS = (
    "arithmetic",
    "algebra",
    "equations",
    "inequalities",
    "polynomials",
    "functions",
    "calculus",
    "number_theory",
    "combinatorics",
    "geometry",
    "sequences",
    "word_problems",
)


def test_every_math_template_has_a_property_check() -> None:
    assert set(CHECKS) == set(MATH_TEMPLATES)


def test_every_area_is_known_and_has_three_templates() -> None:
    areas = Counter(get_template(name).area for name in MATH_TEMPLATES)
    assert set(areas) <= set(AREAS)
    assert all(areas[area] >= 3 for area in AREAS), areas


# a str.format field left unfilled, like {name}; LaTeX groups follow a command, a brace, ^ or _
PLACEHOLDER = re.compile(r"(?<![a-zA-Z\\}^_])\{[a-z_]{2,}\}")


@pytest.mark.parametrize("name", MATH_TEMPLATES)
def test_prompts_have_no_unfilled_placeholders(name: str) -> None:
    template = get_template(name)
    for index in range(25):
        prompt = template.sample(11, index, 1 + index % 5).prompt
        assert not PLACEHOLDER.search(prompt), prompt


@pytest.mark.parametrize("name", MATH_TEMPLATES)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), index=st.integers(0, 10**6), difficulty=st.integers(1, 5))
def test_gold_answer_is_correct(name: str, seed: int, index: int, difficulty: int) -> None:
    template = get_template(name)
    problem = template.sample(seed, index, difficulty)
    assert template.sample(seed, index, difficulty) == problem  # deterministic
    assert json.loads(json.dumps(problem.metadata)) == problem.metadata  # plain JSON
    gold = MathGold.from_json(json.loads(json.dumps(problem.answer)))
    assert encode(gold.value) == problem.answer["value"] and gold.type.value == problem.answer["type"]
    assert "$" in problem.prompt
    check = CHECKS.get(name, lambda p, g: pytest.fail(f"no property check for {name}"))
    with mpmath.workdps(30):  # numeric checks run at 30 digits, without touching the global context
        check(problem, gold.value)
