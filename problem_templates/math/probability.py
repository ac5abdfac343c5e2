"""Probability with dice, coins and urns; the answer is an exact rational."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (sample space size and the counting needed):
#   1  one draw from a bag of two colours
#   2  sum of two dice equal to s, or at least s
#   3  exactly k heads in n <= 8 coin flips
#   4  two draws without replacement: same or different colours
#   5  sum of three dice (equal to / at least s), or at least k heads in n <= 10 flips

T = sp.Symbol("t")
COLOURS = (("red", "blue"), ("green", "yellow"), ("black", "white"), ("orange", "purple"))
CONTAINERS = ("bag", "box", "jar", "urn")
NAMES = ("Ana", "Ben", "Chen", "Dara", "Elif", "Femi", "Gus", "Hana", "Ivan", "Jo")


def _ask(rng: random.Random, event: str) -> str:
    return rng.choice(
        (
            f"What is the probability that {event}?",
            f"Find the probability that {event}.",
            f"Determine the probability that {event}.",
        )
    )


def _dice_count(dice: int, condition: str, s: int) -> sp.Integer:
    """Number of ordered outcomes of `dice` dice whose sum is == s or >= s (generating function)."""
    poly = sp.Poly(sp.expand(sum(T**k for k in range(1, 7)) ** dice), T)
    coefficients = {total: poly.coeff_monomial(T**total) for total in range(dice, 6 * dice + 1)}
    return sp.Add(
        *(c for total, c in coefficients.items() if (total == s if condition == "eq" else total >= s))
    )


def _bag(rng: random.Random, difficulty: int) -> tuple[str, sp.Rational, dict]:
    (c1, c2), container = rng.choice(COLOURS), rng.choice(CONTAINERS)
    r, b = rng.randint(2, 9), rng.randint(2, 9)
    article = "An" if container[0] in "aeiou" else "A"
    stock = f"{article} {container} holds ${r}$ {c1} and ${b}$ {c2} marbles."
    if difficulty == 1:
        question = f"{stock} One marble is drawn at random. {_ask(rng, f'it is {c1}')}"
        return question, sp.Rational(r, r + b), {"kind": "bag_one", "counts": [r, b]}
    same = rng.random() < 0.5
    favourable = sp.binomial(r, 2) + sp.binomial(b, 2) if same else sp.Integer(r * b)
    wording = "the same colour" if same else "different colours"
    question = (
        f"{stock} Two marbles are drawn at random without replacement. {_ask(rng, f'they are {wording}')}"
    )
    return question, favourable / sp.binomial(r + b, 2), {"kind": "bag_two", "counts": [r, b], "same": same}


def _dice(rng: random.Random, dice: int) -> tuple[str, sp.Rational, dict]:
    condition = rng.choice(("eq", "ge"))
    s = rng.randint(dice + 1, 6 * dice - 1)
    name = rng.choice(NAMES)
    relation = f"equal to ${s}$" if condition == "eq" else f"at least ${s}$"
    count = "two" if dice == 2 else "three"
    question = f"{name} rolls {count} fair six-sided dice. {_ask(rng, f'the sum is {relation}')}"
    answer = _dice_count(dice, condition, s) / sp.Integer(6) ** dice
    return question, answer, {"kind": "dice", "dice": dice, "condition": condition, "sum": s}


def _coins(rng: random.Random, difficulty: int) -> tuple[str, sp.Rational, dict]:
    n = rng.randint(3, 8) if difficulty == 3 else rng.randint(5, 10)
    k = rng.randint(1, n - 1)
    condition = "eq" if difficulty == 3 else "ge"
    favourable = (
        sp.binomial(n, k) if condition == "eq" else sp.Add(*(sp.binomial(n, j) for j in range(k, n + 1)))
    )
    relation = "exactly" if condition == "eq" else "at least"
    question = f"A fair coin is tossed ${n}$ times. {_ask(rng, f'{relation} ${k}$ of the tosses are heads')}"
    return (
        question,
        favourable / sp.Integer(2) ** n,
        {"kind": "coins", "n": n, "k": k, "condition": condition},
    )


@register
class Probability(MathTemplate):
    name = "probability"
    area = "combinatorics"
    description = "Probabilities with marbles, dice and coins; exact rational answer."
    small_space = "difficulties 2-3 (two dice, k heads of n) have a few dozen distinct prompts each"

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty in (1, 4):
            question, answer, metadata = _bag(rng, difficulty)
        elif difficulty == 2:
            question, answer, metadata = _dice(rng, 2)
        elif difficulty == 3 or rng.random() < 0.5:
            question, answer, metadata = _coins(rng, difficulty)
        else:
            question, answer, metadata = _dice(rng, 3)
        question += " Give your answer as a fraction in lowest terms."
        return MathItem(question, sp.Rational(answer), AnswerType.RATIONAL, metadata)
