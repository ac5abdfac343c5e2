"""DPO pairing policies: what each one picks, and the guarantees every one keeps."""

from __future__ import annotations

from collections import Counter

from curate_runs import attempt, code_solution, math_solution, sample
from hypothesis import given, settings
from hypothesis import strategies as st

from verigen.curate.pairing import make_pairs
from verigen.curate.settings import CurateSettings
from verigen.curate.text import too_similar
from verigen.types import MODEL_FAILURES, Attempt, Problem, Status

MATH = sample("linear_equation", 0)  # gold 2
CODE = sample("run_length_encode", 0)


def _pairs(problem: Problem, attempts: list[Attempt], **kw: object):
    passes = [a for a in attempts if a.verdict.status is Status.PASS]
    fails = [a for a in attempts if a.verdict.status in MODEL_FAILURES]
    return make_pairs([problem], {problem.id: passes}, {problem.id: fails}, CurateSettings(**kw))


def _math_attempts() -> list[Attempt]:
    return [
        attempt(MATH, 0, math_solution(MATH, k=0)),
        attempt(MATH, 1, math_solution(MATH, "40", k=1), Status.WRONG_ANSWER, extracted="40"),
        attempt(MATH, 2, math_solution(MATH, k=2) + " Checking the result once more confirms it."),
        attempt(MATH, 3, math_solution(MATH, "2.5", k=0), Status.WRONG_ANSWER, extracted="2.5"),
        attempt(MATH, 4, math_solution(MATH, "x", k=1), Status.WRONG_ANSWER, extracted="\\frac{x}{0"),
    ]


def test_default_is_one_pair_first_pass_first_failure() -> None:
    (pair,), report = _pairs(MATH, _math_attempts())
    assert (pair.chosen.sample_index, pair.rejected.sample_index) == (0, 1)
    assert report.kept == 1 and report.stats["pairs"] == 1
    assert report.stats["rejected_status"] == {"wrong_answer": 1}


def test_hardest_math_negative_is_the_closest_number() -> None:
    (pair,), _ = _pairs(MATH, _math_attempts(), negative="hardest")
    assert pair.rejected.sample_index == 3  # 2.5 is closer to 2 than 40; an unparseable one is last


def test_hardest_code_negative_ran_cleanly_and_got_furthest() -> None:
    body = "    return ''"
    attempts = [
        attempt(CODE, 0, code_solution(CODE, "    return 'a3'", 0)),
        attempt(CODE, 1, code_solution(CODE, "    return 1/0", 1), Status.RUNTIME_ERROR),
        attempt(
            CODE, 2, code_solution(CODE, body + " if 0 else 'x'", 2), Status.WRONG_ANSWER, detail="test 1: x"
        ),
        attempt(CODE, 3, code_solution(CODE, "    return (", 0), Status.SYNTAX_ERROR),
        attempt(CODE, 4, code_solution(CODE, body + " or 'y'", 1), Status.WRONG_ANSWER, detail="test 3: y"),
        attempt(CODE, 5, code_solution(CODE, "    while True: pass", 2), Status.TIMEOUT),
    ]
    pairs, _ = _pairs(CODE, attempts, negative="hardest", pairs_per_problem=5)
    assert [p.rejected.sample_index for p in pairs] == [4, 2, 5, 1, 3]


def test_up_to_k_pairs_distinct_rejected_first_then_reuse() -> None:
    pairs, _ = _pairs(MATH, _math_attempts(), pairs_per_problem=4)
    combos = [(p.chosen.sample_index, p.rejected.sample_index) for p in pairs]
    assert combos == [(0, 1), (2, 3), (0, 4), (2, 1)]
    everything, report = _pairs(MATH, _math_attempts(), pairs_per_problem=100)
    combos = {(p.chosen.sample_index, p.rejected.sample_index) for p in everything}
    # 2 x 3 combinations, less (0, 3): the same text but for the final answer (similarity 0.98).
    assert combos == {(0, 1), (0, 4), (2, 1), (2, 3), (2, 4)} and len(everything) == 5
    assert report.stats["near_identical_skipped"] == 1


def test_balanced_spreads_failure_types_across_problems() -> None:
    problems = [sample("run_length_encode", i) for i in range(6)]
    passes, fails = {}, {}
    for i, p in enumerate(problems):
        passes[p.id] = [attempt(p, 0, code_solution(p, f"    return 'ok{i}'", i))]
        fails[p.id] = [
            attempt(p, 1, code_solution(p, f"    return {i}/0", i + 1), Status.RUNTIME_ERROR),
            attempt(p, 2, code_solution(p, f"    return 'no{i}'", i + 2), Status.WRONG_ANSWER),
            attempt(p, 3, code_solution(p, "    while 1: pass", i), Status.TIMEOUT),
        ]
    first, _ = make_pairs(problems, passes, fails, CurateSettings())
    assert Counter(p.rejected.verdict.status for p in first) == {Status.RUNTIME_ERROR: 6}
    balanced, report = make_pairs(problems, passes, fails, CurateSettings(negative="balanced"))
    assert set(Counter(p.rejected.verdict.status for p in balanced).values()) == {2}
    assert report.stats["rejected_status"] == {"runtime_error": 2, "timeout": 2, "wrong_answer": 2}


def test_length_matched_picks_the_chosen_of_similar_length() -> None:
    short_wrong = attempt(MATH, 3, math_solution(MATH, "5", k=1), Status.WRONG_ANSWER)
    long_pass = attempt(MATH, 0, math_solution(MATH) + " We double-check every step carefully. " * 5)
    short_pass = attempt(MATH, 1, math_solution(MATH, k=2))
    (plain,), _ = _pairs(MATH, [long_pass, short_pass, short_wrong])
    (matched,), _ = _pairs(MATH, [long_pass, short_pass, short_wrong], length_matched=True)
    assert plain.chosen is long_pass and matched.chosen is short_pass


def test_near_identical_sides_are_never_a_pair() -> None:
    text = math_solution(MATH)
    flaky = [attempt(MATH, 0, text), attempt(MATH, 1, text + " ", Status.WRONG_ANSWER)]
    pairs, report = _pairs(MATH, flaky)
    assert pairs == [] and report.reasons == {"near_identical": 1}
    assert report.stats["near_identical_skipped"] == 1
    only_passes, report = _pairs(MATH, flaky[:1])
    assert only_passes == [] and report.reasons == {"no_verified_failure": 1}


FAILS = [Status.WRONG_ANSWER, Status.RUNTIME_ERROR, Status.TIMEOUT, Status.SYNTAX_ERROR]
TEXTS = ["    return s", "    return s[::-1]", "    return ''", "    return 'a1'", "    raise ValueError"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), st.sampled_from(FAILS), st.sampled_from(TEXTS)), max_size=8),
    st.integers(1, 4),
    st.sampled_from(["first", "hardest", "balanced"]),
    st.booleans(),
)
def test_every_policy_keeps_the_guarantees(samples, k, negative, length_matched) -> None:
    attempts = [
        attempt(CODE, i, code_solution(CODE, body, i), Status.PASS if ok else status)
        for i, (ok, status, body) in enumerate(samples)
    ]
    s = CurateSettings(pairs_per_problem=k, negative=negative, length_matched=length_matched)
    pairs, _ = _pairs(CODE, attempts, **s.to_json())
    combos = [(p.chosen.sample_index, p.rejected.sample_index) for p in pairs]
    assert len(combos) == len(set(combos)) <= k
    for p in pairs:
        assert p.chosen.verdict.status is Status.PASS and p.rejected.verdict.status in MODEL_FAILURES
        assert p.chosen.problem_id == p.rejected.problem_id == CODE.id
        assert not too_similar(p.chosen.completion.text, p.rejected.completion.text, s.max_pair_similarity)
    n_pass = sum(a.verdict.status is Status.PASS for a in attempts)
    rejected = [p.rejected.sample_index for p in pairs]
    if len(rejected) <= len(attempts) - n_pass:
        assert len(set(rejected)) == len(rejected)  # no reuse before every failure had a turn
