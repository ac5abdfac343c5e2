"""Dedup clusters (exact, near, none between distinct template instances) and split hygiene."""

from __future__ import annotations

from dataclasses import replace

from curate_runs import attempt, code_solution, sample
from hypothesis import given, settings
from hypothesis import strategies as st

from verigen.curate.dedup import clusters, dedup_across, dedup_problems, dedup_responses
from verigen.curate.report import StageReport
from verigen.curate.settings import CurateSettings
from verigen.curate.split import split_of
from verigen.curate.text import normalize

S = CurateSettings()
PARAGRAPH = (
    "Given a list of intervals, each a pair of integers start and end with start at most end, merge "
    "every group of overlapping or touching intervals into one interval and return the merged list "
    "sorted by start. Intervals that share only an endpoint count as touching and are merged too."
)


def _cluster(texts: list[str]) -> list[list[int]]:
    return clusters(texts, S.near_dup_threshold, S.num_perm, S.shingle_size)


def test_exact_duplicates_ignore_case_spacing_and_latex_typography() -> None:
    texts = [
        "Solve for $x$: $4 x + 9 = -6$.",
        "solve for x:   4x+9 = -6.",
        "Solve for $x$: $4\\,x + 9 = -6$.",
        "Solve for $x$: $4 x + 9 = -5$.",
        "Simplify $\\dfrac{1}{2} + \\left(3\\right)$.",
        "simplify \\frac{1}{2}+(3).",
    ]
    assert _cluster(texts) == [[0, 1, 2], [3], [4, 5]]


def test_near_duplicates_cluster_and_chains_join() -> None:
    """A one-word edit of a full problem statement is a near duplicate; of a 50-word paragraph it is
    not at the default threshold (5-word shingles: one edit touches 5 of 50), only at a lower one."""
    text = sample("merge_intervals", 0).prompt
    one_word = text.replace("Return", "Give back", 1)
    other_word = one_word.replace("intervals", "ranges", 1)
    unrelated = sample("run_length_encode", 0).prompt
    assert _cluster([text, unrelated, one_word, other_word]) == [[0, 2, 3], [1]]
    assert clusters([text, one_word], 1.0, S.num_perm, S.shingle_size) == [[0], [1]]
    short = PARAGRAPH.replace("return the merged list", "give back the merged list")
    assert _cluster([PARAGRAPH, short]) == [[0], [1]]
    assert clusters([PARAGRAPH, short], 0.75, S.num_perm, S.shingle_size) == [[0, 1]]


def test_distinct_template_instances_are_not_duplicates() -> None:
    names = ["linear_equation", "fraction_arithmetic", "merge_intervals", "run_length_encode", "gcd_lcm"]
    problems = [sample(name, i, difficulty=d) for name in names for i in range(6) for d in (1, 3)]
    kept, report = dedup_problems(problems, S)
    assert report.removed == 0 and kept.kept == problems


def test_problem_dedup_keeps_the_smallest_id_and_says_why() -> None:
    base = [sample("merge_intervals", i) for i in range(3)]
    exact = replace(base[0], id="0" * 20, prompt=base[0].prompt.replace(" ", "  "))
    near = replace(base[1], id="f" * 20, prompt=base[1].prompt.replace("Return", "Give back", 1))
    clusters_, report = dedup_problems([*base, exact, near], S)
    assert [p.id for p in clusters_.kept] == [base[1].id, base[2].id, exact.id]
    assert report.reasons == {"exact_duplicate": 1, "near_duplicate": 1}
    assert report.examples == {"exact_duplicate": [base[0].id], "near_duplicate": [near.id]}
    assert clusters_.cluster_id[base[0].id] == exact.id
    kept_all, report = dedup_problems([*base, exact, near], CurateSettings(near_duplicates="cluster"))
    assert near in kept_all.kept and report.reasons == {"exact_duplicate": 1}
    assert kept_all.split_key[near.id] == kept_all.split_key[base[1].id]


def test_response_dedup_within_a_problem_and_across_the_set() -> None:
    p, q = sample("run_length_encode", 0), sample("run_length_encode", 1)
    body = "    return ''.join(f'{c}{len(list(g))}' for c, g in __import__('itertools').groupby(args[0]))"
    a0 = attempt(p, 0, code_solution(p, body, 0))
    a1 = attempt(p, 1, code_solution(p, body, 0).replace("once.", "once.  "))  # exact after normalising
    a2 = attempt(p, 2, code_solution(p, "    return args[0]", 1))
    b0 = attempt(q, 0, code_solution(q, body, 0))  # the same solution to another problem
    report = StageReport("response_dedup", "responses")
    kept = dedup_responses({p.id: [a2, a1, a0], q.id: [b0]}, S, report)
    assert kept == {p.id: [a0, a2], q.id: [b0]}
    assert report.reasons == {"exact_duplicate": 1} and report.examples["exact_duplicate"] == [f"{p.id}#1"]
    across, sft_report = dedup_across([a0, a2, b0], S)
    assert across == [a0, a2] and sft_report.removed == 1


def test_split_is_a_function_of_the_text_not_the_seed() -> None:
    """The same prompt posed under another seed (so another id) lands in the same split."""
    first = [sample("count_coin_ways", 0, seed=1), sample("merge_intervals", 0, seed=1)]
    second = [replace(first[0], id="y" * 20, seed=2), replace(first[1], id="x" * 20, seed=9)]
    assert first[0].prompt == second[0].prompt and first[0].id != second[0].id
    for settings_ in (S, CurateSettings(test_fraction=0.5), CurateSettings(test_fraction=0.9)):
        a, _ = dedup_problems(first, settings_)
        b, _ = dedup_problems(second, settings_)
        sides_a = [split_of(a.split_key[p.id], settings_.test_fraction) for p in first]
        sides_b = [split_of(b.split_key[p.id], settings_.test_fraction) for p in second]
        assert sides_a == sides_b


def test_raising_the_test_fraction_only_moves_problems_to_test() -> None:
    problems = [sample("linear_equation", i) for i in range(60)]
    keys, _ = dedup_problems(problems, S)
    low = {p.id for p in problems if split_of(keys.split_key[p.id], 0.1) == "test"}
    high = {p.id for p in problems if split_of(keys.split_key[p.id], 0.5) == "test"}
    assert low <= high and 0 < len(high) < len(problems)


WORDS = ["merge", "intervals", "sorted", "return", "list", "touching", "pairs", "count", "the", "and"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(WORDS), min_size=20, max_size=40), min_size=1, max_size=8),
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 39)), max_size=10),
    st.floats(0.0, 0.95),
)
def test_clusters_never_straddle_the_split(
    docs: list[list[str]], edits: list[tuple[int, int]], fraction: float
) -> None:
    base = sample("merge_intervals", 0)
    texts = [" ".join(d) for d in docs]
    for doc, pos in edits:  # near copies: one word of an existing text replaced
        words = texts[doc % len(texts)].split()
        words[pos % len(words)] = "changed"
        texts.append(" ".join(words))
    problems = [replace(base, id=f"{i:020d}", prompt=t) for i, t in enumerate(texts)]
    found, _ = dedup_problems(problems, CurateSettings(near_duplicates="cluster", test_fraction=fraction))
    side: dict[str, str] = {}
    for p in found.kept:
        s = split_of(found.split_key[p.id], fraction)
        assert side.setdefault(found.cluster_id[p.id], s) == s
    for group in clusters(texts, S.near_dup_threshold, S.num_perm, S.shingle_size):
        assert len({found.cluster_id[problems[i].id] for i in group}) == 1


@given(st.text(max_size=200))
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)
