"""Word problems in varied settings: shopping, work rates, meeting travellers, ages, mixtures."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the scenario, and so the number of unknowns and steps):
#   1  change after buying one kind of item          2  change after buying two kinds of items
#   3  joint work rate, or two travellers meeting (rational answer, one equation)
#   4  ages now and in n years (two unknowns, two equations)
#   5  diluting a solution to a target concentration (rational answer)

NAMES = (
    "Amira",
    "Bruno",
    "Chloe",
    "Dmitri",
    "Esi",
    "Farah",
    "Goran",
    "Hiro",
    "Isabel",
    "Jamal",
    "Keiko",
    "Luis",
)
ITEMS = (
    ("notebooks", 2, 6),
    ("pens", 1, 4),
    ("apples", 1, 3),
    ("books", 8, 15),
    ("tickets", 5, 12),
    ("mugs", 4, 9),
)
JOBS = ("paint a fence", "mow a lawn", "assemble a bookshelf", "clean the garage", "weed the garden")
# (who, speed range in km/h, distance range in km)
TRAVELLERS = (
    ("Two trains", (40, 120), (100, 600)),
    ("Two cars", (40, 100), (50, 400)),
    ("Two cyclists", (10, 30), (20, 150)),
    ("Two hikers", (3, 6), (5, 40)),
)
LIQUIDS = ("salt solution", "juice concentrate", "sugar syrup", "vinegar solution")
T, A, B = sp.symbols("t a b", positive=True)


def _people(rng: random.Random, count: int) -> list[str]:
    return rng.sample(NAMES, count)


def _shopping(rng: random.Random, kinds: int) -> tuple[str, sp.Expr, dict]:
    (name,) = _people(rng, 1)
    items = rng.sample(ITEMS, kinds)
    bought = [(item, rng.randint(2, 7), rng.randint(lo, hi)) for item, lo, hi in items]
    cost = sum(q * p for _, q, p in bought)
    bill = next(b for b in (10, 20, 50, 100, 200) if b > cost)
    parts = " and ".join(f"${q}$ {item} at ${p}$ dollar{'s' if p > 1 else ''} each" for item, q, p in bought)
    (change,) = sp.solve(sp.Eq(cost + T, bill), T)
    ask = rng.choice(
        (
            f"How many dollars of change does {name} get?",
            f"How much change, in dollars, should {name} receive?",
            "What is the change in dollars?",
        )
    )
    question = f"{name} buys {parts}, and pays with a ${bill}$-dollar bill. {ask}"
    metadata = {"scenario": "shopping", "items": [[q, p] for _, q, p in bought], "paid": bill}
    return question, change, metadata


def _work(rng: random.Random) -> tuple[str, sp.Expr, dict]:
    first, second = _people(rng, 2)
    a, b = rng.sample(range(2, 13), 2)
    (together,) = sp.solve(sp.Eq(T / a + T / b, 1), T)
    ask = rng.choice(
        (
            "Working together at these rates, how many hours will the job take?",
            "How long, in hours, does the job take if they work on it together?",
        )
    )
    question = (
        f"Working alone, {first} can {rng.choice(JOBS)} in ${a}$ hours, and {second} can do the same job "
        f"in ${b}$ hours. {ask}"
    )
    return question, together, {"scenario": "work", "hours": [a, b]}


def _meeting(rng: random.Random) -> tuple[str, sp.Expr, dict]:
    who, speeds, distances = rng.choice(TRAVELLERS)
    v1, v2, d = rng.randint(*speeds), rng.randint(*speeds), rng.randint(*distances)
    (when,) = sp.solve(sp.Eq(v1 * T + v2 * T, d), T)
    ask = rng.choice(("After how many hours do they meet?", "How many hours pass before they meet?"))
    question = (
        f"{who} start ${d}$ km apart and travel toward each other, one at ${v1}$ km/h and the other "
        f"at ${v2}$ km/h. {ask}"
    )
    return question, when, {"scenario": "meeting", "distance": d, "speeds": [v1, v2]}


def _ages(rng: random.Random) -> tuple[str, sp.Expr, dict]:
    older, younger = _people(rng, 2)
    b, k = rng.randint(3, 14), rng.randint(3, 6)
    # In n years the ratio is the integer m: k b + n = m (b + n)  <=>  (k - 1) b is divisible by b + n.
    options = [d - b for d in range(b + 1, (k - 1) * b + 1) if (k - 1) * b % d == 0]
    n = rng.choice(options)
    m = 1 + (k - 1) * b // (n + b)
    solution = sp.solve([sp.Eq(A, k * B), sp.Eq(A + n, m * (B + n))], [A, B], dict=True)[0]
    ask = rng.choice(("older", "younger"))
    who = older if ask == "older" else younger
    question = (
        f"{older} is ${k}$ times as old as {younger}. In ${n}$ years, {older} will be ${m}$ times as old as "
        f"{younger}. " + rng.choice((f"How old is {who} now?", f"What is the current age of {who}?"))
    )
    answer = solution[A] if ask == "older" else solution[B]
    return question, answer, {"scenario": "ages", "k": k, "n": n, "m": m, "ask": ask}


def _mixture(rng: random.Random) -> tuple[str, sp.Expr, dict]:
    (name,) = _people(rng, 1)
    volume, strong = rng.randint(2, 20), rng.randint(20, 60)
    weak = rng.randint(5, strong - 5)
    (water,) = sp.solve(sp.Eq(volume * sp.Rational(strong, 100), sp.Rational(weak, 100) * (volume + T)), T)
    ask = rng.choice(
        (
            f"How many litres of water must be added to dilute it to ${weak}\\%$?",
            f"How much water, in litres, should be added so that the concentration drops to ${weak}\\%$?",
        )
    )
    question = (
        f"{name} has ${volume}$ litres of a {rng.choice(LIQUIDS)} with concentration ${strong}\\%$. {ask}"
    )
    return question, water, {"scenario": "mixture", "volume": volume, "percent": [strong, weak]}


@register
class WordProblem(MathTemplate):
    name = "word_problem"
    area = "word_problems"
    description = (
        "Word problems (shopping, work rates, travel, ages, mixtures) with varied names and objects."
    )

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty <= 2:
            question, answer, metadata = _shopping(rng, difficulty)
        elif difficulty == 3:
            question, answer, metadata = rng.choice((_work, _meeting))(rng)
        else:
            question, answer, metadata = (_ages if difficulty == 4 else _mixture)(rng)
        answer = sp.Rational(answer)
        if not answer.is_integer:
            question += " Give an exact answer."
        answer_type = AnswerType.INTEGER if answer.is_integer else AnswerType.RATIONAL
        return MathItem(question, answer, answer_type, metadata)
