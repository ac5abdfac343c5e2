"""Quality filters on realistic responses, one table row per defect (and per near miss)."""

from __future__ import annotations

import pytest
from curate_runs import attempt, math_solution, sample
from hypothesis import given
from hypothesis import strategies as st

from verigen.curate.filters import quality_filter, reject_reason, repetition_coverage
from verigen.curate.settings import CurateSettings
from verigen.types import Status

MATH = sample("linear_equation", 0)
CALL = sample("run_length_encode", 0)
STDIO = sample("word_frequency", 0)
S = CurateSettings()

RLE = """def run_length_encode(s):
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{s[i]}{j - i}")
        i = j
    return "".join(out)"""
STDIO_OK = """import sys
from collections import Counter

def main():
    data = sys.stdin.read().split()
    k, words = int(data[0]), [w.lower() for w in data[1:]]
    for word, count in sorted(Counter(words).items(), key=lambda kv: (-kv[1], kv[0]))[:k]:
        print(word, count)

main()"""
LONG_REASONING = (
    "We need to solve 4x + 9 = -6. Subtract 9 from both sides: 4x = -6 - 9 = -15. "
    "Now divide both sides by 4: x = -15/4. Check: 4 * (-15/4) + 9 = -15 + 9 = -6, which matches. "
    "So x = -15/4, that is $\\boxed{-\\frac{15}{4}}$."
)
CASES = [
    # (problem, text, finish_reason, expected reason)
    (MATH, LONG_REASONING, "stop", None),
    (MATH, LONG_REASONING[:120], "length", "truncated"),
    (MATH, "Let me think. " + "the answer is " * 150 + "\\boxed{2}", "stop", "repetition"),
    (MATH, "We compute: " + "=" * 900 + " so \\boxed{2}", "stop", "repetition"),
    (MATH, "\\boxed{-\\frac{15}{4}}", "stop", "no_reasoning"),
    (MATH, "The answer is \\boxed{-\\frac{15}{4}}.", "stop", "no_reasoning"),
    (MATH, "Subtracting 9 and dividing by 4, x equals -15/4.\n\nThe answer is: -15/4", "stop", None),
    (MATH, "x = -15/4\nThe answer is: -15/4", "stop", "no_reasoning"),
    (MATH, LONG_REASONING + " Hmm, on second thought it is \\boxed{-4}.", "stop", "conflicting_answers"),
    (MATH, "Solving the quadratic by factoring gives the two roots $\\boxed{2}, \\boxed{3}$.", "stop", None),
    (MATH, LONG_REASONING + " Again: $\\boxed{ -\\frac{15}{4} }$.", "stop", None),
    (CALL, f"I scan runs of equal characters.\n\n```python\n{RLE}\n```", "stop", None),
    (CALL, f"Just the code:\n\n```python\n{RLE}\n```", "stop", None),
    (
        CALL,
        "Loop over the string and count each run, then join the pieces.",
        "stop",
        "no_program:no_code_block",
    ),
    (CALL, "```python\nprint('a3b1c2')\n```", "stop", "no_program:no_entry_point"),
    (
        CALL,
        f"```python\n{RLE.replace('run_length_encode', 'encode')}\n```",
        "stop",
        "no_program:no_entry_point",
    ),
    (STDIO, f"Count words, then sort.\n\n```python\n{STDIO_OK}\n```", "stop", None),
    (STDIO, "```python\nprint('the 3')\nprint('a 2')\n```", "stop", "no_program:no_input_reading"),
    (STDIO, "```python\nk = int(input())\nprint(k)\n```", "stop", None),
]


@pytest.mark.parametrize(("problem", "text", "finish", "expected"), CASES)
def test_each_filter(problem, text: str, finish: str, expected: str | None) -> None:
    assert reject_reason(problem, attempt(problem, 0, text, finish=finish), S) == expected


def test_filters_can_be_switched_off() -> None:
    off = CurateSettings(filter_truncated=False, min_reasoning_words=0, filter_conflicting_answers=False)
    assert reject_reason(MATH, attempt(MATH, 0, LONG_REASONING, finish="length"), off) is None
    assert reject_reason(MATH, attempt(MATH, 0, "\\boxed{2}"), off) is None
    conflicting = LONG_REASONING + " Or \\boxed{-4}."
    assert reject_reason(MATH, attempt(MATH, 0, conflicting), off) is None
    code_off = CurateSettings(filter_code_program=False)
    assert reject_reason(CALL, attempt(CALL, 0, "no code at all"), code_off) is None


def test_length_outliers_per_template_and_counts() -> None:
    problems = [sample("linear_equation", i) for i in range(12)]
    normal = [attempt(p, 0, math_solution(p) + " Extra words." * (i % 3)) for i, p in enumerate(problems)]
    detour = " ".join(f"Step {i}: adding {7 * i} to {3 * i} gives {10 * i}." for i in range(120))
    rambling = attempt(problems[0], 1, detour + math_solution(problems[0]))
    truncated = attempt(problems[1], 1, math_solution(problems[1]), finish="length")
    wrong = attempt(problems[2], 1, math_solution(problems[2], "7"), Status.WRONG_ANSWER)
    by_id = {p.id: p for p in problems}
    kept, report = quality_filter(by_id, [*normal, rambling, truncated, wrong], S)
    assert kept == [*normal, wrong]
    assert report.reasons == {"length_outlier": 1, "truncated": 1}
    assert (report.kept, report.removed) == (13, 2)
    assert report.examples["length_outlier"] == [f"{problems[0].id}#1"]
    # Too few responses of a template: no bound is estimated, nothing is an outlier.
    few, _ = quality_filter(by_id, [normal[0], rambling], S)
    assert few == [normal[0], rambling]


@given(st.text(max_size=400), st.integers(1, 10))
def test_repetition_coverage_is_a_fraction(text: str, n: int) -> None:
    assert 0.0 <= repetition_coverage(text, n) <= 1.0


@given(st.lists(st.sampled_from(["alpha", "beta", "x", "=", "2", "+"]), min_size=0, max_size=60))
def test_a_loop_of_any_phrase_is_caught(phrase: list[str]) -> None:
    if len(phrase) < 2:
        return
    text = "Let me see. " + " ".join(phrase * (600 // len(phrase) + 3))
    assert reject_reason(MATH, attempt(MATH, 0, text + " \\boxed{1}"), S) == "repetition"
