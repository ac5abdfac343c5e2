"""A stdin/stdout program: how many primes lie in each closed range [a, b] (sieve + prefix sums)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
import sys

data = sys.stdin.read().split()
q = int(data[0])
queries = [(int(data[1 + 2 * k]), int(data[2 + 2 * k])) for k in range(q)]
limit = max([b for _, b in queries], default=1)
sieve = bytearray([1]) * (limit + 1)
sieve[0] = 0
if limit >= 1:
    sieve[1] = 0
p = 2
while p * p <= limit:
    if sieve[p]:
        sieve[p * p :: p] = bytearray(len(range(p * p, limit + 1, p)))
    p += 1
prefix = [0]
for flag in sieve:
    prefix.append(prefix[-1] + flag)
for a, b in queries:
    print(prefix[b + 1] - prefix[a])
"""

_SIEVE = """
import sys
data = sys.stdin.read().split()
q = int(data[0])
queries = [(int(data[1 + 2 * k]), int(data[2 + 2 * k])) for k in range(q)]
limit = max([b for _, b in queries], default=1) + 1
INIT
for p in range(2, int(limit**0.5) + 1):
    if prime[p]:
        for m in range(p * p, limit + 1, p):
            prime[m] = False
prefix = [0]
for flag in prime:
    prefix.append(prefix[-1] + flag)
for a, b in queries:
    print(COUNT)
"""

WRONG = (
    # treats 1 as a prime
    _SIEVE.replace("INIT", "prime = [False] + [True] * limit").replace("COUNT", "prefix[b + 1] - prefix[a]"),
    # half-open range [a, b)
    _SIEVE.replace("INIT", "prime = [False, False] + [True] * (limit - 1)").replace(
        "COUNT", "prefix[b] - prefix[a]"
    ),
    # only odd candidates are marked: 2 is missed
    _SIEVE.replace("INIT", "prime = [x % 2 == 1 and x > 1 for x in range(limit + 1)]").replace(
        "COUNT", "prefix[b + 1] - prefix[a]"
    ),
)

PHRASINGS = (
    "The first line of the input holds q; each of the next q lines holds two integers a and b "
    "with 0 <= a <= b. For each query print, on its own line, how many prime numbers p satisfy "
    "a <= p <= b (both ends included). Remember that 0 and 1 are not prime.",
    "Answer q prime-counting queries. Input: q on the first line, then q lines `a b` "
    "(0 <= a <= b). Output one line per query, in order: the number of primes in the closed "
    "interval [a, b]. The bound on b can be large enough that testing each number separately is "
    "too slow; a sieve is recommended.",
)


def _text(queries: list[tuple[int, int]]) -> str:
    return f"{len(queries)}\n" + "".join(f"{a} {b}\n" for a, b in queries)


@register
class CountPrimesInRanges(CodeTemplate):
    name = "count_primes_in_ranges"
    area = "math"
    description = "Count primes in closed ranges [a, b], many queries (stdin/stdout program)."
    style = "stdio"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: the largest b (60 .. 200,000) and the number of queries (3 .. 2000) grow.
        limit = (60, 500, 5000, 50_000, 200_000)[difficulty - 1]
        count = (3, 6, 20, 300, 2000)[difficulty - 1]

        def query(top: int) -> tuple[int, int]:
            a, b = sorted((rng.randint(0, top), rng.randint(0, top)))
            return (a, b)

        examples = [
            _text([(1, 10), (rng.randint(10, 40), rng.randint(41, 99))]),
            _text([query(200) for _ in range(3)]),
        ]
        hidden = [
            _text([(0, 1), (1, 1), (0, 0)]),
            _text([(2, 2), (0, 2), (2, 3)]),
            _text([(7, 7), (11, 13), (14, 16)]),
            _text([query(limit) for _ in range(count)]),
            _text([query(limit) for _ in range(count)] + [(0, limit)]),
            _text([query(limit // 10) for _ in range(count)]),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
