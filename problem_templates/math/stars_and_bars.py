"""Stars and bars: integer solutions of x1 + ... + xk = n and sharing identical objects, with bounds."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (lower bounds, upper bounds, an inequality instead of an equation):
#   1  nonnegative solutions of x1 + ... + xk = n, k <= 4, n <= 40
#   2  positive solutions / sharing identical objects so that everyone gets at least one, n <= 40
#   3  a different lower bound for each variable, n <= 25
#   4  one variable bounded above (complement), or x1 + ... + xk <= n (a slack variable)
#   5  every variable bounded above (inclusion-exclusion), or the sum of k dice equal to s

OBJECTS = (
    "identical candies",
    "identical stickers",
    "identical marbles",
    "identical apples",
    "identical coins",
)


def bounded_count(n: int, lows: list[int], highs: list[int | None]) -> sp.Integer:
    """Solutions of x1 + ... + xk = n with lows[i] <= xi <= highs[i] (None: no upper bound).

    Shift out the lower bounds, then inclusion-exclusion over the variables that exceed their caps.
    """
    n -= sum(lows)
    caps = [None if h is None else h - lo for h, lo in zip(highs, lows, strict=True)]
    k = len(caps)
    total = sp.Integer(0)
    bounded = [c for c in caps if c is not None]
    for mask in range(1 << len(bounded)):
        chosen = [bounded[i] for i in range(len(bounded)) if mask >> i & 1]
        rest = n - sum(c + 1 for c in chosen)
        if rest >= 0:
            total += (-1) ** len(chosen) * sp.binomial(rest + k - 1, k - 1)
    return total


def _variables(k: int, style: int) -> str:
    if style == 0:
        return " + ".join(f"x_{{{i}}}" for i in range(1, k + 1))
    return " + ".join("abcde"[:k] if style == 1 else "xyzwv"[:k])


def _pick(rng: random.Random, maths: tuple[str, ...], stories: tuple[str, ...], **fields: object) -> str:
    """A story phrasing most of the time (names and objects vary a lot), a bare equation otherwise."""
    return one_of(rng, stories if rng.random() < 0.85 else maths, **fields)


@register
class StarsAndBars(MathTemplate):
    name = "stars_and_bars"
    area = "combinatorics"
    description = "Counting integer solutions and distributions of identical objects (stars and bars)."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        k = rng.randint(2, 4) if difficulty < 5 else rng.randint(3, 4)
        people = rng.sample(NAMES, k)
        fields = {
            "who": ", ".join(people[:-1]) + " and " + people[-1],
            "o": rng.choice(OBJECTS),
            "place": rng.choice(PLACES),
            "first": people[0],
            "v": _variables(k, rng.randrange(3)),
            "k": k,
        }
        highs: list[int | None] = [None] * k
        if difficulty == 1:
            n, lows = rng.randint(3, 40), [0] * k
            question = _pick(
                rng,
                (
                    "How many solutions in nonnegative integers does ${v} = {n}$ have?",
                    "Count the ordered ${k}$-tuples of nonnegative integers with sum ${n}$.",
                ),
                (
                    "In how many ways can ${n}$ {o} be shared among {who} (some may get none)?",
                    "At a fair in {place}, ${n}$ {o} are handed out to {who}; anyone may get none. How many "
                    "distributions are possible?",
                ),
                n=n,
                **fields,
            )
        elif difficulty == 2:
            n, lows = rng.randint(k + 1, 40), [1] * k
            question = _pick(
                rng,
                (
                    "How many solutions in positive integers does ${v} = {n}$ have?",
                    "Count the ways to write ${n}$ as an ordered sum of ${k}$ positive integers.",
                ),
                (
                    "In how many ways can ${n}$ {o} be given to {who} so that each gets at least one?",
                    "A teacher in {place} shares ${n}$ {o} among {who}, and everyone must get at least one. "
                    "How many ways are there?",
                ),
                n=n,
                **fields,
            )
        elif difficulty == 3:
            lows = [rng.randint(0, 4) for _ in range(k)]
            lows = [max(lo, 1) if i == 0 else lo for i, lo in enumerate(lows)]
            demands = [f"{p} at least ${lo}$" for p, lo in zip(people, lows, strict=True) if lo]
            demands[0] = demands[0].replace(" at least", " gets at least")
            demand = ", ".join(demands[:-1]) + " and " + demands[-1] if len(demands) > 1 else demands[0]
            n = rng.randint(sum(lows) + 2, sum(lows) + 18)
            question = one_of(
                rng,
                (
                    "In how many ways can ${n}$ {o} be shared among {who} if {d}?",
                    "Share ${n}$ {o} among {who} so that {d}. How many distributions are possible?",
                    "How many ways are there to give out ${n}$ {o} to {who} so that {d}?",
                ),
                n=n,
                d=demand,
                **fields,
            )
        elif difficulty == 4:
            if rng.random() < 0.5:
                n, lows = rng.randint(6, 25), [0] * k
                highs[0] = rng.randint(1, n - 2)
                question = _pick(
                    rng,
                    (
                        "How many nonnegative integer solutions of ${v} = {n}$ have the first term at most "
                        "${u}$?",
                    ),
                    (
                        "In how many ways can ${n}$ {o} be shared among {who} if {first} may get at most "
                        "${u}$ (and anyone may get none)?",
                        "{who} split ${n}$ {o} from a shop in {place}. {first} takes no more than ${u}$; "
                        "the others take any number. How many splits are possible?",
                    ),
                    n=n,
                    u=highs[0],
                    **fields,
                )
            else:
                bound = rng.randint(4, 20)
                question = _pick(
                    rng,
                    (
                        "How many solutions in nonnegative integers does ${v} \\le {n}$ have?",
                        "Count the ordered ${k}$-tuples of nonnegative integers whose sum is at most ${n}$.",
                    ),
                    (
                        "{who} take {o} from a jar of ${n}$ in {place}; each takes any number (maybe none) "
                        "and some may be left in the jar. How many outcomes are there?",
                    ),
                    n=bound,
                    **fields,
                )
                k += 1  # a slack variable turns the inequality into an equation
                n, lows, highs = bound, [0] * k, [None] * k
        elif rng.random() < 0.5:
            cap = rng.randint(2, 7)
            n, lows, highs = rng.randint(cap + 1, cap * k - 1), [0] * k, [cap] * k
            question = _pick(
                rng,
                (
                    "How many nonnegative integer solutions does ${v} = {n}$ have if every term is at most "
                    "${c}$?",
                ),
                (
                    "In how many ways can ${n}$ {o} be shared among {who} if nobody may get more than ${c}$?",
                    "At a market in {place}, {who} share ${n}$ {o}; each may take between $0$ and ${c}$. "
                    "How many ways are there?",
                ),
                n=n,
                c=cap,
                **fields,
            )
        else:
            n, lows, highs = rng.randint(k + 2, 6 * k - 2), [1] * k, [6] * k
            question = _pick(
                rng,
                (
                    "${k}$ distinguishable fair six-sided dice are rolled. In how many of the ${t}$ "
                    "outcomes is the sum equal to ${n}$?",
                ),
                (
                    "{who} each roll one six-sided die in a game night in {place}. In how many of the ${t}$ "
                    "possible outcomes do the numbers add up to ${n}$?",
                ),
                t=6**k,
                n=n,
                **fields,
            )
        answer = bounded_count(n, lows, highs)
        metadata = {"n": n, "lows": lows, "highs": highs}
        return MathItem(question, answer, AnswerType.INTEGER, metadata)
