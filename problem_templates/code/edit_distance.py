"""Levenshtein edit distance between two strings (dynamic programming)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
"""

WRONG = (
    # position-by-position mismatches plus the length difference (no insertions mid-string)
    """
def edit_distance(a, b):
    return sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))
""",
    # insertions and deletions only (a substitution costs 2)
    """
def edit_distance(a, b):
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return len(a) + len(b) - 2 * prev[-1]
""",
    # the first row and column start at 0 instead of 0, 1, 2, ...
    """
def edit_distance(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            dp[i][j] = min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
    return dp[len(a)][len(b)]
""",
)

PHRASINGS = (
    "Return the edit (Levenshtein) distance between strings a and b: the minimum number of "
    "single-character insertions, deletions and substitutions that turn a into b. Either string "
    "may be empty.",
    "One edit inserts a character, deletes a character, or replaces one character by another. "
    "Compute the smallest number of edits needed to transform a into b (the Levenshtein "
    "distance). The distance between a string and the empty string is its length.",
)


@register
class EditDistance(CodeTemplate):
    name = "edit_distance"
    area = "dp"
    description = "Levenshtein distance with unit-cost insert, delete, substitute (function)."
    style = "call"
    entry_point = "edit_distance"
    signature = "def edit_distance(a: str, b: str) -> int:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: string lengths (5 .. 250) grow; the second string is often an edited copy of
        # the first, so the distance is small relative to the length and shortcuts fail.
        length = (5, 8, 20, 80, 250)[difficulty - 1]
        letters = "".join(rng.sample("abcdefghijklmnopqrstuvwxyz", (3, 4, 4, 5, 6)[difficulty - 1]))

        def word(n: int) -> str:
            return "".join(rng.choice(letters) for _ in range(n))

        def edited(s: str, edits: int) -> str:
            chars = list(s)
            for _ in range(edits):
                op, at = rng.randrange(3), rng.randint(0, len(chars))
                if op == 0:
                    chars.insert(at, rng.choice(letters))
                elif chars and op == 1:
                    del chars[min(at, len(chars) - 1)]
                elif chars:
                    chars[min(at, len(chars) - 1)] = rng.choice(letters)
            return "".join(chars)

        def case() -> list:
            first = word(rng.randint(length // 2, length))
            if rng.random() < 0.3:
                return [first, word(rng.randint(0, length))]
            return [first, edited(first, rng.randint(1, max(2, length // 4)))]

        base = word(7)
        examples = [["kitten", "sitting"], [base, edited(base, 2)]]
        hidden = [
            ["", ""],
            ["", word(4)],
            [word(3), ""],
            [base, base],
            ["abcdef", "bcdefa"],  # a rotation: shortcuts by position over-count
            ["ab", "xy"],  # two substitutions
            *(case() for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
