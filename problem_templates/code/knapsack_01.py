"""A stdin/stdout program: 0/1 knapsack, the best total value within a weight capacity."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
import sys

data = list(map(int, sys.stdin.read().split()))
n, capacity = data[0], data[1]
best = [0] * (capacity + 1)
for k in range(n):
    weight, value = data[2 + 2 * k], data[3 + 2 * k]
    for room in range(capacity, weight - 1, -1):
        if best[room - weight] + value > best[room]:
            best[room] = best[room - weight] + value
print(best[capacity])
"""

WRONG = (
    # items may be taken more than once (capacity loop runs upwards)
    """
import sys
data = list(map(int, sys.stdin.read().split()))
n, capacity = data[0], data[1]
best = [0] * (capacity + 1)
for k in range(n):
    weight, value = data[2 + 2 * k], data[3 + 2 * k]
    for room in range(weight, capacity + 1):
        best[room] = max(best[room], best[room - weight] + value)
print(best[capacity])
""",
    # greedy by value per unit of weight
    """
import sys
data = list(map(int, sys.stdin.read().split()))
n, capacity = data[0], data[1]
items = [(data[2 + 2 * k], data[3 + 2 * k]) for k in range(n)]
total = 0
for weight, value in sorted(items, key=lambda item: item[1] / item[0], reverse=True):
    if weight <= capacity:
        capacity -= weight
        total += value
print(total)
""",
    # the load must stay strictly below the capacity
    """
import sys
data = list(map(int, sys.stdin.read().split()))
n, capacity = data[0], data[1] - 1
best = [0] * (max(capacity, 0) + 1)
for k in range(n):
    weight, value = data[2 + 2 * k], data[3 + 2 * k]
    for room in range(capacity, weight - 1, -1):
        best[room] = max(best[room], best[room - weight] + value)
print(best[max(capacity, 0)])
""",
)

PHRASINGS = (
    "The first line of the input holds n and W: the number of items and the capacity of a "
    "knapsack. Each of the next n lines holds an item's weight (a positive integer) and value (a "
    "non-negative integer). Each item can be taken at most once. Print the largest total value "
    "of a set of items whose total weight is at most W (an empty set is allowed, worth 0).",
    "0/1 knapsack. Input: `n W` on the first line, then n lines `weight value` (weight >= 1, "
    "value >= 0). Choose a subset of the items, using each item no more than once, with total "
    "weight not exceeding W, so as to maximise the total value, and print that maximum value as "
    "a single integer.",
)


def _text(capacity: int, items: list[tuple[int, int]]) -> str:
    return f"{len(items)} {capacity}\n" + "".join(f"{w} {v}\n" for w, v in items)


@register
class Knapsack01(CodeTemplate):
    name = "knapsack_01"
    area = "dp"
    description = "0/1 knapsack maximum value within capacity W (stdin/stdout program)."
    style = "stdio"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: number of items (3 .. 60), capacity (10 .. 3000) and value range grow; the
        # capacity is about half the total weight so that the choice matters.
        count = (3, 5, 12, 30, 60)[difficulty - 1]
        heaviest = (8, 15, 40, 100, 100)[difficulty - 1]
        top_value = (20, 50, 100, 1000, 10**6)[difficulty - 1]

        def case(n: int) -> str:
            items = [(rng.randint(1, heaviest), rng.randint(0, top_value)) for _ in range(n)]
            total = sum(w for w, _ in items)
            return _text(rng.randint(total // 3, max(total // 3, 2 * total // 3)), items)

        w = rng.randint(2, 9)
        examples = [case(4), _text(10, [(5, 10), (4, 40), (6, 30), (3, 50)])]
        hidden = [
            _text(rng.randint(0, 50), []),
            _text(w - 1, [(w, rng.randint(1, 99))]),  # nothing fits
            _text(w, [(w, 7), (1, 1)]),  # an exact fit
            _text(10, [(6, 30), (5, 20), (5, 20)]),  # greedy by ratio takes the 6 and stops
            _text(2 * w, [(w, 10), (w + 1, 1)]),  # re-using the first item would give 20
            *(case(count) for _ in range(4)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
