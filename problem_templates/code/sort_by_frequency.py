"""Sort values by how often they occur (most frequent first), ties by value."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
from collections import Counter

def sort_by_frequency(values: list[int]) -> list[int]:
    counts = Counter(values)
    return sorted(values, key=lambda v: (-counts[v], v))
"""

WRONG = (
    # ties broken by decreasing value
    """
from collections import Counter
def sort_by_frequency(values):
    counts = Counter(values)
    return sorted(values, key=lambda v: (-counts[v], -v))
""",
    # least frequent first
    """
from collections import Counter
def sort_by_frequency(values):
    counts = Counter(values)
    return sorted(values, key=lambda v: (counts[v], v))
""",
    # one copy per distinct value
    """
from collections import Counter
def sort_by_frequency(values):
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], v))
""",
)


@register
class SortByFrequency(CodeTemplate):
    name = "sort_by_frequency"
    area = "sorting"
    description = "Sort by decreasing frequency, ties by increasing value (function)."
    style = "call"
    entry_point = "sort_by_frequency"
    signature = "def sort_by_frequency(values: list[int]) -> list[int]:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: list length and the number of distinct values grow with difficulty.
        size, distinct = (6, 10, 30, 300, 3000)[difficulty - 1], (3, 4, 8, 30, 300)[difficulty - 1]
        pool = rng.sample(range(-50 * distinct, 50 * distinct), distinct)
        a, b, c = rng.sample(range(-9, 10), 3)
        examples = [[[4, 6, 4, 2, 6, 4]], [[rng.choice(pool) for _ in range(6)]]]
        hidden = [
            [[]],
            [[a]],
            [[b, a, c, a, c, b]],
            *([[rng.choice(pool) for _ in range(size)]] for _ in range(5)),
        ]
        statement = (
            "Return the values of the list sorted so that values occurring more often come first; "
            "values occurring equally often are ordered by increasing value. Every occurrence is "
            "kept (the result has the same length as the input)."
        )
        return CodeItem(statement, examples, hidden)
