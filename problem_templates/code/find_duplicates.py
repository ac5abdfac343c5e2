"""Values that occur more than once, in any order (compared as an unordered collection)."""

from __future__ import annotations

import random

from verigen.code.compare import Compare
from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
from collections import Counter

def find_duplicates(values: list[int]) -> list[int]:
    return [value for value, count in Counter(values).items() if count > 1]
"""

WRONG = (
    # reports a duplicate once per extra occurrence
    """
def find_duplicates(values):
    seen, out = set(), []
    for v in values:
        if v in seen:
            out.append(v)
        seen.add(v)
    return out
""",
    # only values occurring exactly twice
    """
from collections import Counter
def find_duplicates(values):
    return [v for v, c in Counter(values).items() if c == 2]
""",
    # every distinct value
    """
def find_duplicates(values):
    return list(set(values))
""",
)


@register
class FindDuplicates(CodeTemplate):
    name = "find_duplicates"
    area = "hashing"
    description = "Values occurring more than once, any order (function, unordered compare)."
    style = "call"
    entry_point = "find_duplicates"
    signature = "def find_duplicates(values: list[int]) -> list[int]:"
    reference = REFERENCE
    wrong_variants = WRONG
    compare = Compare(unordered=True)

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: list length and value range grow with difficulty.
        size = (6, 10, 40, 400, 4000)[difficulty - 1]
        a, b, c = rng.sample(range(-99, 100), 3)

        def values() -> list[int]:
            return [rng.randint(-size // 2, size // 2) for _ in range(size)]

        examples = [[[3, 1, 3, 2, 1]], [[a, b, c]]]
        hidden = [[[]], [[a, a, a, b]], [[c, b, a, c, c, b, b, b]], *([values()] for _ in range(5))]
        statement = (
            "Return the distinct values that occur more than once in the list, each exactly once, "
            "in any order."
        )
        return CodeItem(statement, examples, hidden)
