"""Length of the longest strictly increasing contiguous run in a list."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def longest_increasing_run(values: list[int]) -> int:
    best = current = 0
    for i, value in enumerate(values):
        current = current + 1 if i > 0 and value > values[i - 1] else 1
        best = max(best, current)
    return best
"""

WRONG = (
    # non-strict comparison
    """
def longest_increasing_run(values):
    best = current = 0
    for i, value in enumerate(values):
        current = current + 1 if i > 0 and value >= values[i - 1] else 1
        best = max(best, current)
    return best
""",
    # only records a run when it is broken, so a run reaching the end is missed
    """
def longest_increasing_run(values):
    best, current = 0, 1 if values else 0
    for i in range(1, len(values)):
        if values[i] > values[i - 1]:
            current += 1
        else:
            best = max(best, current)
            current = 1
    return best if len(values) > 1 else len(values)
""",
    # counts increases, not elements (off by one)
    """
def longest_increasing_run(values):
    best = current = 0
    for i in range(1, len(values)):
        current = current + 1 if values[i] > values[i - 1] else 0
        best = max(best, current)
    return best
""",
)


@register
class LongestIncreasingRun(CodeTemplate):
    name = "longest_increasing_run"
    area = "lists"
    description = "Longest strictly increasing contiguous run of a list (function)."
    style = "call"
    entry_point = "longest_increasing_run"
    signature = "def longest_increasing_run(values: list[int]) -> int:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: list length and value range grow with difficulty.
        size, bound = (6, 10, 30, 200, 3000)[difficulty - 1], (5, 10, 50, 1000, 10**9)[difficulty - 1]

        def values(n: int) -> list[int]:
            return [rng.randint(-bound, bound) for _ in range(n)]

        # A run that reaches the end of the list and is longer than any run in the random prefix.
        rise = (4, 6, 12, 15, 20)[difficulty - 1]
        ending = values(size // 2) + sorted(rng.sample(range(-bound - 100, bound + 100), rise))
        examples = [[values(6)], [[3, 3, 4, 5, 1]]]
        hidden = [[[]], [[7]], [[2, 2, 2]], [ending], *([values(size)] for _ in range(5))]
        statement = (
            "Given a list of integers, return the length of its longest contiguous run of strictly "
            "increasing values (each element greater than the one before it). A single element is a "
            "run of length 1; the empty list gives 0."
        )
        return CodeItem(statement, examples, hidden)
