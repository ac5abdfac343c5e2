"""Leftmost insertion points of queries in a sorted list (binary search)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def insertion_points(values: list[int], queries: list[int]) -> list[int]:
    out = []
    for x in queries:
        lo, hi = 0, len(values)
        while lo < hi:
            mid = (lo + hi) // 2
            if values[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        out.append(lo)
    return out
"""

WRONG = (
    # rightmost insertion point (after equal elements)
    """
import bisect
def insertion_points(values, queries):
    return [bisect.bisect_right(values, x) for x in queries]
""",
    # search range stops one short: never answers len(values)
    """
def insertion_points(values, queries):
    out = []
    for x in queries:
        lo, hi = 0, max(len(values) - 1, 0)
        while lo < hi:
            mid = (lo + hi) // 2
            if values[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        out.append(lo)
    return out
""",
    # index of the value when present, otherwise -1 (a search, not an insertion point)
    """
def insertion_points(values, queries):
    return [values.index(x) if x in values else -1 for x in queries]
""",
)

PHRASINGS = (
    "values is sorted in non-decreasing order and may contain repeats. For each query x, return "
    "the smallest index i at which x could be inserted while keeping the list sorted, that is, "
    "the number of elements strictly less than x. Return the answers in query order.",
    "For every number in queries, report its leftmost insertion position in the sorted list "
    "values: the first index whose element is >= x, or len(values) if there is none. The list "
    "may be empty and may hold duplicates and negative numbers. Return a list with one index per "
    "query, in the same order as the queries.",
)


@register
class InsertionPoints(CodeTemplate):
    name = "insertion_points"
    area = "sorting"
    description = "Leftmost insertion point (bisect_left) of each query in a sorted list (function)."
    style = "call"
    entry_point = "insertion_points"
    signature = "def insertion_points(values: list[int], queries: list[int]) -> list[int]:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: list length (5 .. 4000), number of queries (3 .. 1000) and value range grow;
        # the value range stays narrow relative to the length so that repeats are common.
        size = (5, 10, 40, 500, 4000)[difficulty - 1]
        queries = (3, 5, 15, 100, 1000)[difficulty - 1]
        bound = (10, 20, 50, 400, 3000)[difficulty - 1]
        low = 0 if difficulty == 1 else -bound

        def case(n: int, q: int) -> list:
            values = sorted(rng.randint(low, bound) for _ in range(n))
            return [values, [rng.randint(low - 2, bound + 2) for _ in range(q)]]

        a = rng.randint(-50, 50)
        examples = [[[1, 3, 3, 3, 7], [3, 0, 8, 4]], case(6, 3)]
        hidden = [
            [[], [a, a + 1]],
            [[a], [a - 1, a, a + 1]],
            [[a, a, a, a], [a, a + 5, a - 5]],
            [[a, a + 2, a + 2, a + 9], [a + 2, a + 10, a + 1]],
            *(case(size, queries) for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
