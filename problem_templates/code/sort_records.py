"""A stdin/stdout program: rank records by score (descending), ties by name (ascending)."""

from __future__ import annotations

import itertools
import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
import sys

data = sys.stdin.read().split()
n = int(data[0])
records = [(data[1 + 2 * k], int(data[2 + 2 * k])) for k in range(n)]
for name, score in sorted(records, key=lambda r: (-r[1], r[0])):
    print(name, score)
"""

WRONG = (
    # compares scores as text, so "9" ranks above "10"
    """
import sys
data = sys.stdin.read().split()
n = int(data[0])
records = [(data[1 + 2 * k], data[2 + 2 * k]) for k in range(n)]
records.sort(key=lambda r: r[0])
records.sort(key=lambda r: r[1], reverse=True)
for name, score in records:
    print(name, score)
""",
    # ties keep the input order instead of going alphabetically
    """
import sys
data = sys.stdin.read().split()
n = int(data[0])
records = [(data[1 + 2 * k], int(data[2 + 2 * k])) for k in range(n)]
for name, score in sorted(records, key=lambda r: -r[1]):
    print(name, score)
""",
    # reverse=True on (score, name): ties come out in reverse alphabetical order
    """
import sys
data = sys.stdin.read().split()
n = int(data[0])
records = [(data[1 + 2 * k], int(data[2 + 2 * k])) for k in range(n)]
for name, score in sorted(records, key=lambda r: (r[1], r[0]), reverse=True):
    print(name, score)
""",
    # lowest score first
    """
import sys
data = sys.stdin.read().split()
n = int(data[0])
records = [(data[1 + 2 * k], int(data[2 + 2 * k])) for k in range(n)]
for name, score in sorted(records, key=lambda r: (r[1], r[0])):
    print(name, score)
""",
)

PHRASINGS = (
    "The first line of the input holds n, the number of players; each of the next n lines holds "
    "a player's name (lower-case letters, all names distinct) and an integer score, separated by "
    "a space. Print the players ranked from the highest score to the lowest, one per line as "
    "`name score`; players with equal scores are listed in alphabetical order of their names.",
    "Input: a line with n, then n lines `name score` (distinct lower-case names, integer scores "
    "that may be negative). Output the same n lines sorted by score in decreasing order, breaking "
    "ties by name in increasing (alphabetical) order. When n is 0, print nothing.",
)

SYLLABLES = ("ka", "lo", "mi", "ra", "to", "ne", "su", "vi", "da", "po", "el", "an", "jo", "ri")


# Every name of one to three syllables (all syllables have two letters, so the names are distinct).
NAMES = tuple("".join(parts) for size in (1, 2, 3) for parts in itertools.product(SYLLABLES, repeat=size))


def _names(rng: random.Random, count: int) -> list[str]:
    return rng.sample(NAMES, count)


def _text(records: list[tuple[str, int]]) -> str:
    return f"{len(records)}\n" + "".join(f"{name} {score}\n" for name, score in records)


@register
class SortRecords(CodeTemplate):
    name = "sort_records"
    area = "sorting"
    description = "Rank name/score records by score descending, ties by name (stdin/stdout program)."
    style = "stdio"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: number of records (4 .. 1500) and score range grow; the score range is kept
        # small relative to n so that ties are frequent. Negative scores from difficulty 3.
        count = (4, 8, 30, 300, 1500)[difficulty - 1]
        bound = (12, 20, 40, 200, 1000)[difficulty - 1]
        low = 0 if difficulty < 3 else -bound // 2

        def records(n: int, lo: int, hi: int) -> list[tuple[str, int]]:
            return [(name, rng.randint(lo, hi)) for name in _names(rng, n)]

        examples = [_text(records(4, 0, 12)), _text(records(5, 5, 15))]
        hidden = [
            _text([]),
            _text(records(1, low, bound)),
            _text([("bo", 9), ("al", 10), ("cy", 100)]),  # text order would put 9 first
            _text([("zed", 5), ("amy", 5), ("kim", 7), ("bob", 5)]),  # ties in reverse input order
            *(_text(records(count, low, bound)) for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
