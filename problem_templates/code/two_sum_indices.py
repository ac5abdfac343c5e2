"""Two-sum: the index pair with the given sum, with an explicit rule for which pair (tuple or None)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def two_sum_indices(values: list[int], target: int) -> tuple[int, int] | None:
    first: dict[int, int] = {}
    for j, value in enumerate(values):
        if target - value in first:
            return (first[target - value], j)
        first.setdefault(value, j)
    return None
"""

WRONG = (
    # remembers the last index of each value, not the first
    """
def two_sum_indices(values, target):
    seen = {}
    for j, value in enumerate(values):
        if target - value in seen:
            return (seen[target - value], j)
        seen[value] = j
    return None
""",
    # scans by the first index: smallest i first, then smallest j
    """
def two_sum_indices(values, target):
    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            if values[i] + values[j] == target:
                return (i, j)
    return None
""",
    # lets an element pair with itself
    """
def two_sum_indices(values, target):
    first = {}
    for j, value in enumerate(values):
        first.setdefault(value, j)
        if target - value in first:
            return (first[target - value], j)
    return None
""",
    # signals "no pair" with (-1, -1)
    """
def two_sum_indices(values, target):
    first = {}
    for j, value in enumerate(values):
        if target - value in first:
            return (first[target - value], j)
        first.setdefault(value, j)
    return (-1, -1)
""",
)

PHRASINGS = (
    "Find indices i < j with values[i] + values[j] == target. If several pairs qualify, return "
    "the one with the smallest j, and among those the smallest i. Return the pair as a tuple "
    "(i, j), or None when no pair exists.",
    "Return a tuple (i, j) of two different positions, i < j, whose values add up to target. "
    "Choose the pair whose second index j is as small as possible; if that j pairs with several "
    "earlier positions, use the earliest one. If there is no such pair (including for lists with "
    "fewer than two elements), return None.",
)


@register
class TwoSumIndices(CodeTemplate):
    name = "two_sum_indices"
    area = "hashing"
    description = "Two-sum index pair, smallest j then smallest i, or None (function, tuple result)."
    style = "call"
    entry_point = "two_sum_indices"
    signature = "def two_sum_indices(values: list[int], target: int) -> tuple[int, int] | None:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: list length (5 .. 2000) and value range (negatives from difficulty 2) grow;
        # targets are drawn both as sums of two entries and at random (often no pair).
        size = (5, 10, 40, 400, 2000)[difficulty - 1]
        bound = (9, 30, 100, 10**4, 10**9)[difficulty - 1]
        low = 0 if difficulty == 1 else -bound

        def case(n: int) -> list:
            values = [rng.randint(low, bound) for _ in range(n)]
            if rng.random() < 0.7 and n >= 2:
                i, j = rng.sample(range(n), 2)
                target = values[i] + values[j]
            else:
                target = rng.randint(2 * low, 2 * bound)
            return [values, target]

        a, b, c = rng.sample(range(1, 50), 3)
        examples = [case(6), [[a, b, c, b, a], a + b]]
        hidden = [
            [[], a],
            [[a], 2 * a],
            [[a, b], 2 * a],  # an element cannot pair with itself
            [[a, a, b, a], a + b],  # the earliest i for the first j
            [[a, c, a + b - c, b], a + b],  # (1, 2) has the smaller j; (0, 3) the smaller i
            [[a, -b, c, b - a], -a],
            *(case(size) for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
