"""Expected values of games, dice, draws without replacement and waiting times; exact rational answers."""

from __future__ import annotations

import itertools
import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (size of the sample space and the reasoning needed):
#   1  a spinner with 3-6 equal sectors labelled with integers: the mean label
#   2  a game or raffle with given probabilities/prizes: the expected net gain
#   3  max, min, |difference| or product of a fair m-sided and a fair n-sided die (4 <= m, n <= 12)
#   4  draws without replacement: expected number of red balls, or sum/max/difference/product of two cards
#   5  waiting times (first success with probability a/b), or expected number of distinct faces in k rolls

E_ASK = (
    "What is the expected value of {x}?",
    "Find the expected value of {x}.",
    "Compute the mean (expected value) of {x}.",
)


def _spinner(rng: random.Random) -> tuple[str, sp.Rational, dict]:
    labels = [rng.randint(-10, 30) for _ in range(rng.randint(3, 6))]
    value = sp.Add(*(sp.Rational(x, len(labels)) for x in labels))
    shown = ", ".join(f"${x}$" for x in labels)
    place = rng.choice(PLACES)
    intro = f"A fair spinner at a fair in {place} has ${len(labels)}$ equal sectors labelled {shown}."
    return (
        f"{intro} {one_of(rng, E_ASK, x='the number it lands on')}",
        value,
        {"kind": "spinner", "labels": labels},
    )


def _game(rng: random.Random) -> tuple[str, sp.Rational, dict]:
    name = rng.choice(NAMES)
    if rng.random() < 0.5:
        p = sp.Rational(rng.randint(1, 9), rng.choice((10, 12, 20)))
        win, lose = rng.randint(2, 50), rng.randint(1, 20)
        value = p * win - (1 - p) * lose
        question = (
            f"In a game, {name} wins ${win}$ dollars with probability ${sp.latex(p)}$ and otherwise loses "
            f"${lose}$ dollars. {one_of(rng, E_ASK, x=f'{name}' + chr(39) + 's net gain in dollars')}"
        )
        return (
            question,
            value,
            {"kind": "outcomes", "values": [win, -lose], "probabilities": [str(p), str(1 - p)]},
        )
    tickets, price = rng.choice((100, 200, 250, 500, 1000)), rng.randint(1, 10)
    prizes = sorted(rng.sample(range(5, 300), rng.randint(1, 3)), reverse=True)
    value = sp.Add(*(sp.Rational(prize, tickets) for prize in prizes)) - price
    listed = ", ".join(f"${p}$" for p in prizes)
    question = (
        f"A raffle in {rng.choice(PLACES)} sells ${tickets}$ tickets at ${price}$ dollars each. Prizes worth "
        f"{listed} dollars are drawn, each on a different ticket. {name} buys one ticket. "
        f"{one_of(rng, E_ASK, x=f'{name}' + chr(39) + 's net gain in dollars')}"
    )
    values = [prize - price for prize in prizes] + [-price]
    probabilities = [str(sp.Rational(1, tickets))] * len(prizes) + [
        str(sp.Rational(tickets - len(prizes), tickets))
    ]
    return question, value, {"kind": "outcomes", "values": values, "probabilities": probabilities}


STATS = {
    "max": ("the larger of the two numbers rolled", max),
    "min": ("the smaller of the two numbers rolled", min),
    "diff": ("the absolute difference of the two numbers rolled", lambda a, b: abs(a - b)),
    "product": ("the product of the two numbers rolled", lambda a, b: a * b),
}


def _two_dice(rng: random.Random) -> tuple[str, sp.Rational, dict]:
    m, n, stat = rng.randint(4, 12), rng.randint(4, 12), rng.choice(sorted(STATS))
    words, f = STATS[stat]
    outcomes = list(itertools.product(range(1, m + 1), range(1, n + 1)))
    value = sp.Add(*(sp.Rational(f(a, b), len(outcomes)) for a, b in outcomes))
    dice = f"two fair ${n}$-sided dice" if m == n else f"a fair ${m}$-sided die and a fair ${n}$-sided die"
    question = f"{rng.choice(NAMES)} rolls {dice} (faces numbered from $1$). {one_of(rng, E_ASK, x=words)}"
    return question, value, {"kind": "two_dice", "sides": [m, n], "stat": stat}


CARD_STATS = {
    "sum": ("the sum of the two numbers", lambda a, b: a + b),
    "max": ("the larger of the two numbers", max),
    "diff": ("the difference between the larger and the smaller number", lambda a, b: abs(a - b)),
    "product": ("the product of the two numbers", lambda a, b: a * b),
}


def _draws(rng: random.Random) -> tuple[str, sp.Rational, dict]:
    if rng.random() < 0.5:
        red, blue = rng.randint(2, 12), rng.randint(2, 12)
        k = rng.randint(2, min(6, red + blue - 1))
        # linearity: each draw is red with probability red / (red + blue)
        value = sp.Rational(k * red, red + blue)
        question = (
            f"A box holds ${red}$ red and ${blue}$ blue balls. {rng.choice(NAMES)} draws ${k}$ balls at "
            "random "
            f"without replacement. {one_of(rng, E_ASK, x='the number of red balls drawn')}"
        )
        return question, value, {"kind": "red_draws", "red": red, "blue": blue, "k": k}
    n, stat = rng.randint(4, 15), rng.choice(sorted(CARD_STATS))
    words, f = CARD_STATS[stat]
    pairs = list(itertools.combinations(range(1, n + 1), 2))
    value = sp.Add(*(sp.Rational(f(a, b), len(pairs)) for a, b in pairs))
    question = (
        f"{rng.choice(NAMES)} shuffles cards numbered $1$ to ${n}$ and deals two of them without "
        "replacement. "
        f"{one_of(rng, E_ASK, x=words)}"
    )
    return question, value, {"kind": "cards", "n": n, "stat": stat}


def _waiting(rng: random.Random) -> tuple[str, sp.Rational, dict]:
    if rng.random() < 0.5:
        a, b = rng.randint(1, 9), rng.randint(10, 40)
        p = sp.Rational(a, b)
        value = 1 / p  # geometric distribution
        question = (
            f"{rng.choice(NAMES)} repeats an experiment that succeeds with probability ${sp.latex(p)}$ each "
            "time, "
            f"independently, until the first success. {one_of(rng, E_ASK, x='the number of attempts needed')}"
        )
        return question, value, {"kind": "waiting", "p": str(p)}
    n, k = rng.randint(3, 12), rng.randint(2, 6)
    value = n * (1 - sp.Rational(n - 1, n) ** k)  # linearity over the faces
    question = (
        f"{rng.choice(NAMES)} rolls a fair ${n}$-sided die ${k}$ times. "
        f"{one_of(rng, E_ASK, x='the number of different faces that appear')}"
    )
    return question, value, {"kind": "distinct_faces", "n": n, "k": k}


@register
class ExpectedValue(MathTemplate):
    name = "expected_value"
    area = "combinatorics"
    description = "Expected values: spinners, games and raffles, dice statistics, draws, waiting times."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        make = (_spinner, _game, _two_dice, _draws, _waiting)[difficulty - 1]
        question, value, metadata = make(rng)
        value = sp.Rational(value)
        if not value.is_integer:
            question += " Give an exact fraction."
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
