"""Number of ways to make an amount from unlimited coins (dynamic programming)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def count_coin_ways(coins: list[int], amount: int) -> int:
    ways = [1] + [0] * amount
    for coin in coins:
        for total in range(coin, amount + 1):
            ways[total] = (ways[total] + ways[total - coin]) % 1_000_000_007
    return ways[amount]
"""

WRONG = (
    # counts orderings (compositions) instead of combinations
    """
def count_coin_ways(coins, amount):
    ways = [1] + [0] * amount
    for total in range(1, amount + 1):
        for coin in coins:
            if coin <= total:
                ways[total] = (ways[total] + ways[total - coin]) % 1_000_000_007
    return ways[amount]
""",
    # each coin used at most once
    """
def count_coin_ways(coins, amount):
    ways = [1] + [0] * amount
    for coin in coins:
        for total in range(amount, coin - 1, -1):
            ways[total] = (ways[total] + ways[total - coin]) % 1_000_000_007
    return ways[amount]
""",
    # says there is no way to make 0
    """
def count_coin_ways(coins, amount):
    if amount == 0:
        return 0
    ways = [1] + [0] * amount
    for coin in coins:
        for total in range(coin, amount + 1):
            ways[total] = (ways[total] + ways[total - coin]) % 1_000_000_007
    return ways[amount]
""",
)


@register
class CountCoinWays(CodeTemplate):
    name = "count_coin_ways"
    area = "dp"
    description = "Count coin combinations for an amount, modulo 1e9+7 (function)."
    style = "call"
    entry_point = "count_coin_ways"
    signature = "def count_coin_ways(coins: list[int], amount: int) -> int:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: more coin kinds and larger amounts (up to needing the modulus) with difficulty.
        kinds, amount = (2, 3, 4, 6, 10)[difficulty - 1], (10, 30, 100, 1000, 5000)[difficulty - 1]

        def case() -> list:
            return [sorted(rng.sample(range(1, 30), kinds)), rng.randint(amount // 2, amount)]

        # One example is drawn, so that prompts differ between problems, not only hidden tests.
        examples = [[[1, 2, 5], 5], [sorted(rng.sample(range(1, 30), rng.randint(2, 4))), rng.randint(5, 99)]]
        hidden = [[[3, 7], 0], [[4, 6], 9], [[1, 2], 4], *(case() for _ in range(5))]
        statement = (
            "Given distinct positive coin values (each usable any number of times) and an amount, "
            "return the number of different multisets of coins that add up to exactly the amount "
            "(the order of coins does not matter), modulo 1_000_000_007. There is exactly one way "
            "to make 0: take no coins."
        )
        return CodeItem(statement, examples, hidden)
