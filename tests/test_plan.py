"""The plan meets the requested counts per (template, difficulty) exactly, reproducibly."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verigen.config import build_config
from verigen.errors import VerigenError
from verigen.plan import apportion, plan_problems
from verigen.templates import all_templates

MATH_NAMES = sorted(t.name for t in all_templates() if t.kind == "math")


@settings(max_examples=60, deadline=None)
@given(
    weights=st.dictionaries(
        st.tuples(st.sampled_from(MATH_NAMES), st.integers(1, 5)),
        st.fractions(min_value=Fraction(1, 100), max_value=100),
        min_size=1,
        max_size=30,
    ),
    count=st.integers(0, 5000),
    seed=st.integers(0, 2**32),
)
def test_apportion_is_exact_and_proportional(weights, count, seed) -> None:
    counts = apportion(weights, count, seed)
    assert sum(counts.values()) == count
    assert set(counts) == set(weights)
    # Per template, within one unit of its exact share; within a template likewise.
    total = sum(weights.values())
    for name in {n for n, _ in weights}:
        share = sum(w for (n, _), w in weights.items() if n == name) * count / total
        got = sum(c for (n, _), c in counts.items() if n == name)
        assert abs(got - share) < 1
    assert apportion(weights, count, seed) == counts


def test_plan_meets_counts_in_mixed_order() -> None:
    config = build_config(
        {
            "count": 200,
            "seed": 9,
            "mix": [
                {"area": "calculus", "weight": 3},
                {"template": "linear_equation", "weight": 1, "difficulties": [4, 5]},
            ],
        }
    )
    requested = config.requested_counts()
    assert sum(requested.values()) == 200
    assert {lvl for (name, lvl) in requested if name == "linear_equation"} == {4, 5}
    calculus = sum(n for (name, _), n in requested.items() if name != "linear_equation")
    assert calculus == 150
    problems = plan_problems(requested, config.seed)
    produced = Counter((p.template, p.difficulty) for p in problems)
    assert produced == Counter({k: v for k, v in requested.items() if v})
    assert [p.index for p in problems] == list(range(200))
    # Interleaved, not grouped: the first 20 already hold several templates.
    assert len({p.template for p in problems[:20]}) >= 3
    assert [p.id for p in plan_problems(requested, 9)] == [p.id for p in problems]
    assert [p.id for p in plan_problems(requested, 10)] != [p.id for p in problems]


def test_small_runs_spread_over_templates() -> None:
    requested = build_config({"count": len(MATH_NAMES), "seed": 1}).requested_counts()
    per_template = Counter()
    for (name, _), n in requested.items():
        per_template[name] += n
    assert set(per_template.values()) == {1}


@pytest.mark.parametrize(
    ("mix", "needle"),
    [
        ([{"area": "astrology"}], "astrology"),
        ([{"template": "nope"}], "nope"),
        ([{"template": "linear_equation", "area": "algebra"}], "exactly one"),
        ([{"template": "linear_equation", "weight": 0}], "weight"),
        ([{"template": "linear_equation", "difficulties": [0]}], "1-5"),
        ([{"template": "linear_equation", "colour": "red"}], "colour"),
    ],
)
def test_bad_mix_is_a_one_line_config_error(mix, needle) -> None:
    with pytest.raises(VerigenError) as info:
        build_config({"count": 10, "mix": mix}).requested_counts()
    assert needle in str(info.value)
    assert "\n" not in str(info.value)
