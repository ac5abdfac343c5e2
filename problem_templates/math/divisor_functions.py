"""Divisor functions: number and sum of divisors, prime factors, and restricted divisor counts."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (size of n, and which function of its factorisation is asked):
#   1  n < 3000: number of divisors, or number of distinct prime factors
#   2  n < 10^4: number of divisors, or number of prime factors with multiplicity
#   3  n < 10^5: sum of divisors, or sum of proper divisors
#   4  n < 10^6: number of even / odd / perfect-square divisors
#   5  n = a^k b^m given as a product of powers (n up to ~10^10): number of divisors, of
#      perfect-square divisors, or of divisors that are multiples of a given d

RANGES = {1: (12, 2999), 2: (100, 9999), 3: (100, 99999), 4: (1000, 999999)}
ASKS = {
    1: ("count", "distinct_primes"),
    2: ("count", "primes_with_multiplicity"),
    3: ("sum", "proper_sum"),
    4: ("even", "odd", "square"),
}
WORDING = {
    "count": (
        "How many positive divisors does ${n}$ have?",
        "Find the number of positive integer divisors of ${n}$.",
        "What is $d({n})$, the number of positive divisors of ${n}$?",
        "{name} wants to pack ${n}$ identical marbles into bags with the same number in each bag, using "
        "every marble. How many different bag sizes are possible (one bag of all ${n}$ and bags of one "
        "marble each included)?",
    ),
    "distinct_primes": (
        "How many distinct prime numbers divide ${n}$?",
        "Find the number of different prime factors of ${n}$.",
        "How many distinct primes appear in the prime factorisation of ${n}$?",
    ),
    "primes_with_multiplicity": (
        "Counting multiplicity, how many prime factors does ${n}$ have? (For example, $12 = 2 \\cdot 2 "
        "\\cdot 3$ has three.)",
        "Write ${n}$ as a product of primes. How many primes (with repetition) are in the product?",
        "What is $\\Omega({n})$, the number of prime factors of ${n}$ counted with multiplicity?",
    ),
    "sum": (
        "What is the sum of all positive divisors of ${n}$?",
        "Compute $\\sigma({n})$, the sum of the positive divisors of ${n}$.",
        "Find the sum of every positive integer that divides ${n}$.",
    ),
    "proper_sum": (
        "What is the sum of the proper divisors of ${n}$ (all positive divisors except ${n}$ itself)?",
        "Find the sum of all positive divisors of ${n}$ that are smaller than ${n}$.",
        "Compute the sum of the proper positive divisors of ${n}$.",
    ),
    "even": (
        "How many positive even divisors does ${n}$ have?",
        "Find the number of even positive integers that divide ${n}$.",
        "Count the divisors of ${n}$ that are even numbers.",
    ),
    "odd": (
        "How many positive odd divisors does ${n}$ have?",
        "Find the number of odd positive integers that divide ${n}$.",
        "Count the divisors of ${n}$ that are odd numbers.",
    ),
    "square": (
        "How many positive divisors of ${n}$ are perfect squares?",
        "Find the number of perfect squares (including $1$) that divide ${n}$.",
        "Count the square numbers $k^2$ (with $k \\ge 1$) that divide ${n}$.",
    ),
    "multiple": (
        "How many positive divisors of ${n}$ are multiples of ${d}$?",
        "Find the number of divisors of ${n}$ that are divisible by ${d}$.",
        "Count the positive divisors $k$ of ${n}$ for which ${d}$ divides $k$.",
    ),
}


def _count(n: int, ask: str, d: int = 1) -> sp.Integer:
    divisors = sp.divisors(n)
    if ask == "count":
        return sp.divisor_count(n)
    if ask == "distinct_primes":
        return sp.Integer(len(sp.primefactors(n)))
    if ask == "primes_with_multiplicity":
        return sp.Integer(sum(sp.factorint(n).values()))
    if ask == "sum":
        return sp.divisor_sigma(n)
    if ask == "proper_sum":
        return sp.divisor_sigma(n) - n
    if ask == "even":
        return sp.Integer(sum(1 for k in divisors if k % 2 == 0))
    if ask == "odd":
        return sp.Integer(sum(1 for k in divisors if k % 2 == 1))
    if ask == "square":
        return sp.Integer(sum(1 for k in divisors if sp.sqrt(k).is_integer))
    return sp.Integer(sum(1 for k in divisors if k % d == 0))


@register
class DivisorFunctions(MathTemplate):
    name = "divisor_functions"
    area = "number_theory"
    description = "Number and sum of divisors, prime factor counts, even/odd/square/multiple divisors."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        d = 1
        if difficulty < 5:
            ask = rng.choice(ASKS[difficulty])
            while True:
                n = rng.randint(*RANGES[difficulty])
                factors = sp.factorint(n)
                if len(factors) < 2 and max(factors.values()) < 3:
                    continue  # no primes, no prime squares
                if ask in ("even", "odd") and n % 2:
                    continue  # for odd n these are 0 and d(n)
                if ask == "square" and _count(n, ask) < 2:
                    continue  # squarefree: only 1
                break
            shown = str(n)
        else:
            (p, q), (k, m) = (
                rng.sample((2, 3, 5, 7, 11, 13, 17, 19), 2),
                (rng.randint(2, 12), rng.randint(2, 12)),
            )
            n = p**k * q**m
            shown = f"{p}^{{{k}}} \\cdot {q}^{{{m}}}"
            if rng.random() < 0.5:  # written as a power of a product: (p^a q^b)^e
                e = rng.choice((2, 3))
                k, m = k - k % e or e, m - m % e or e
                n = p**k * q**m
                shown = f"{p ** (k // e) * q ** (m // e)}^{{{e}}}"
            ask = rng.choice(("count", "square", "multiple"))
            d = p * q if ask == "multiple" else 1
        question = one_of(rng, WORDING[ask], n=shown, d=d, name=rng.choice(NAMES))
        metadata = {"n": n, "ask": ask, "d": d}
        return MathItem(question, _count(n, ask, d), AnswerType.INTEGER, metadata)
