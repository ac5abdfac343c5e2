"""Merge overlapping closed integer intervals (a nested list result, sorted by start)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
"""

WRONG = (
    # forgets to sort the input first
    """
def merge_intervals(intervals):
    merged = []
    for start, end in intervals:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
""",
    # intervals that only touch at an endpoint are kept apart
    """
def merge_intervals(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
""",
    # takes the later interval's end, shrinking an interval that contains the next one
    """
def merge_intervals(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return merged
""",
    # also joins neighbours with a gap of one ([1, 2] and [3, 4])
    """
def merge_intervals(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
""",
)

PHRASINGS = (
    "Each interval [a, b] (a <= b) stands for the closed range of numbers from a to b. Merge all "
    "intervals that overlap, where two intervals sharing only an endpoint also overlap ([1, 3] "
    "and [3, 5] become [1, 5]), but [1, 2] and [3, 4] stay separate. Return the merged intervals "
    "as [start, end] lists sorted by start. The input may be unsorted, contain duplicates, or be "
    "empty.",
    "You are given a list of closed intervals [start, end] with start <= end, in no particular "
    "order. Return the union as a list of disjoint closed intervals [start, end], ordered by "
    "start. Intervals with a common point are joined (so [2, 4] and [4, 7] give [2, 7]); "
    "intervals separated by any gap, even from 5 to 6, are not. An empty input gives [].",
)


@register
class MergeIntervals(CodeTemplate):
    name = "merge_intervals"
    area = "lists"
    description = "Merge overlapping closed intervals; returns a sorted list of [start, end] (function)."
    style = "call"
    entry_point = "merge_intervals"
    signature = "def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: number of intervals (4 .. 2000), coordinate range (negative from 3 up) and
        # interval width grow with difficulty.
        count = (4, 8, 25, 300, 2000)[difficulty - 1]
        span = (20, 50, 200, 3000, 50000)[difficulty - 1]
        low = 0 if difficulty < 3 else -span // 2
        width = max(2, span // max(4, count // 2))

        def intervals(n: int) -> list[list[int]]:
            out = []
            for _ in range(n):
                start = rng.randint(low, low + span)
                out.append([start, start + rng.randint(0, width)])
            return out

        a = rng.randint(-20, 20)
        examples = [[intervals(4)], [[[a + 5, a + 8], [a, a + 2], [a + 1, a + 3]]]]
        hidden = [
            [[]],
            [[[a, a]]],
            [[[a, a + 10], [a + 2, a + 3], [a + 4, a + 5]]],  # one interval contains the others
            [[[a + 3, a + 5], [a, a + 3]]],  # touch at an endpoint, unsorted
            [[[a, a + 1], [a + 2, a + 4], [a + 2, a + 4]]],  # a gap of one, and a duplicate
            *([intervals(count)] for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
