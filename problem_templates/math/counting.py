"""Counting: committees, ordered selections, word arrangements, constrained committees, grid paths."""

from __future__ import annotations

import random
from collections import Counter

import sympy as sp

from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the counting principle needed; sizes stay small enough to brute-force):
#   1  committees: C(n, k), n <= 15                   2  ordered roles: n!/(n-k)!, n <= 12, k <= 4
#   3  arrangements of a word with repeated letters   4  committees with "at least one" / "exactly j"
#   5  monotone lattice paths through a given point

GROUPS = ("students", "club members", "volunteers", "players", "employees", "musicians")
ROLES = (("president", "vice-president", "secretary", "treasurer"), ("gold", "silver", "bronze", "fourth"))
WORDS = ("BANANA", "LETTER", "COOKIE", "APPLE", "PEPPER", "ADDRESS", "SUCCESS", "COFFEE", "BALLOON", "LEVEL")
PAIRS = (("boys", "girls"), ("teachers", "parents"), ("seniors", "juniors"), ("chemists", "biologists"))


def _committee(rng: random.Random) -> tuple[str, sp.Integer, dict]:
    n, group = rng.randint(5, 15), rng.choice(GROUPS)
    k = rng.randint(2, n - 2)
    question = rng.choice(
        (
            f"In how many ways can a committee of ${k}$ be chosen from ${n}$ {group}?",
            f"How many different groups of ${k}$ can be selected from ${n}$ {group}?",
        )
    )
    return question, sp.binomial(n, k), {"kind": "committee", "n": n, "k": k}


def _ordered(rng: random.Random) -> tuple[str, sp.Integer, dict]:
    n, k, roles = rng.randint(5, 12), rng.randint(2, 4), rng.choice(ROLES)
    names = ", ".join(roles[: k - 1]) + f" and {roles[k - 1]}"
    if roles[0] == "gold":
        question = (
            f"${n}$ runners finish a race with no ties. In how many ways can the {names} places be awarded?"
        )
    else:
        question = (
            f"A club has ${n}$ members. In how many ways can it choose a {names}, if nobody holds two roles?"
        )
    return question, sp.ff(n, k), {"kind": "ordered", "n": n, "k": k}


def _word(rng: random.Random) -> tuple[str, sp.Integer, dict]:
    word = rng.choice(WORDS)
    counts = Counter(word).values()
    answer = sp.factorial(len(word)) / sp.Mul(*(sp.factorial(c) for c in counts))
    question = rng.choice(
        (
            f"How many distinct arrangements of the ${len(word)}$ letters of the word {word} are there?",
            f"In how many different orders can the ${len(word)}$ letters of {word} be written "
            "(arrangements that read the same count once)?",
        )
    )
    return question, answer, {"kind": "word", "word": word}


def _constrained(rng: random.Random) -> tuple[str, sp.Integer, dict]:
    first, second = rng.choice(PAIRS)
    a, b = rng.randint(3, 7), rng.randint(3, 7)
    k = rng.randint(2, min(a + b - 1, 6))
    if rng.random() < 0.5:
        answer = sp.binomial(a + b, k) - sp.binomial(a, k)
        condition, meta = f"at least one of the {second}", {"at_least": 1}
    else:
        j = rng.randint(max(1, k - a), min(b, k))
        answer = sp.binomial(b, j) * sp.binomial(a, k - j)
        condition, meta = f"exactly ${j}$ of the {second}", {"exactly": j}
    question = rng.choice(
        (
            f"A group has ${a}$ {first} and ${b}$ {second}. How many committees of ${k}$ people "
            f"contain {condition}?",
            f"From ${a}$ {first} and ${b}$ {second}, a team of ${k}$ is chosen. "
            f"How many different teams include {condition}?",
        )
    )
    return question, answer, {"kind": "constrained", "a": a, "b": b, "k": k, **meta}


def _paths(rng: random.Random) -> tuple[str, sp.Integer, dict]:
    m, n = rng.randint(3, 7), rng.randint(3, 7)
    p, q = rng.randint(1, m - 1), rng.randint(1, n - 1)
    answer = sp.binomial(p + q, p) * sp.binomial(m - p + n - q, m - p)
    question = rng.choice(
        (
            f"A path on the integer grid goes from $(0,0)$ to $({m},{n})$ using unit steps right or up. "
            f"How many such paths pass through the point $({p},{q})$?",
            f"A robot walks from $(0,0)$ to $({m},{n})$, each step moving one unit right or one unit up. "
            f"In how many ways can it make the trip if it must visit $({p},{q})$ on the way?",
        )
    )
    return question, answer, {"kind": "paths", "end": [m, n], "through": [p, q]}


@register
class Counting(MathTemplate):
    name = "counting"
    area = "combinatorics"
    description = "Counting problems (combinations, permutations, multinomials, grid paths); integer."
    small_space = "difficulties 2-3 have a few dozen distinct prompts each (small n, few word arrangements)"

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        maker = (_committee, _ordered, _word, _constrained, _paths)[difficulty - 1]
        question, answer, metadata = maker(rng)
        return MathItem(question, sp.Integer(answer), AnswerType.INTEGER, metadata)
