"""Count index pairs i < j whose values sum to a target (a hashing problem)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def count_pairs_with_sum(values: list[int], target: int) -> int:
    seen: dict[int, int] = {}
    pairs = 0
    for value in values:
        pairs += seen.get(target - value, 0)
        seen[value] = seen.get(value, 0) + 1
    return pairs
"""

WRONG = (
    # pairs an element with itself too (i <= j)
    """
def count_pairs_with_sum(values, target):
    n = len(values)
    return sum(1 for i in range(n) for j in range(i, n) if values[i] + values[j] == target)
""",
    # counts distinct value pairs instead of index pairs
    """
def count_pairs_with_sum(values, target):
    present = set(values)
    pairs = set()
    for v in values:
        w = target - v
        if w in present and (w != v or values.count(v) > 1):
            pairs.add((min(v, w), max(v, w)))
    return len(pairs)
""",
    # counts ordered pairs (i != j)
    """
def count_pairs_with_sum(values, target):
    n = len(values)
    return sum(1 for i in range(n) for j in range(n) if i != j and values[i] + values[j] == target)
""",
)


@register
class CountPairsWithSum(CodeTemplate):
    name = "count_pairs_with_sum"
    area = "hashing"
    description = "Count index pairs with a given sum (function)."
    style = "call"
    entry_point = "count_pairs_with_sum"
    signature = "def count_pairs_with_sum(values: list[int], target: int) -> int:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: more values over a narrow range means many duplicate pairs at high difficulty.
        size, bound = (6, 10, 40, 300, 2000)[difficulty - 1], (5, 8, 20, 50, 200)[difficulty - 1]

        def case() -> list:
            values = [rng.randint(-bound, bound) for _ in range(size)]
            return [values, rng.choice(values) + rng.choice(values)]

        x = rng.randint(1, bound)
        drawn = [rng.randint(-9, 9) for _ in range(rng.randint(4, 7))]
        examples = [[[1, 2, 3, 4, 3], 6], [[x, x, x], 2 * x], [drawn, rng.choice(drawn) + rng.choice(drawn)]]
        hidden = [[[], 0], [[x], 2 * x], [[x, x, x, x, 0, 2 * x], 2 * x], *(case() for _ in range(6))]
        statement = (
            "Given a list of integers and a target, return how many pairs of positions i < j have "
            "values[i] + values[j] == target. Equal values at different positions form separate pairs."
        )
        return CodeItem(statement, examples, hidden)
