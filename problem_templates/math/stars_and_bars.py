"""Stars and bars: integer solutions of x1 + ... + xk = n and sharing identical objects, with bounds."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (lower bounds, upper bounds, an inequality instead of an equation):
#   1  nonnegative solutions of x1 + ... + xk = n, k <= 4, n <= 15
#   2  positive solutions / sharing identical objects so that everyone gets at least one, n <= 20
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


def _variables(k: int) -> str:
    return " + ".join(f"x_{{{i}}}" for i in range(1, k + 1))


@register
class StarsAndBars(MathTemplate):
    name = "stars_and_bars"
    area = "combinatorics"
    description = "Counting integer solutions and distributions of identical objects (stars and bars)."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        k = rng.randint(2, 4) if difficulty < 5 else rng.randint(3, 4)
        people = rng.sample(NAMES, k)
        who = ", ".join(people[:-1]) + " and " + people[-1]
        objects = rng.choice(OBJECTS)
        highs: list[int | None] = [None] * k
        if difficulty == 1:
            n, lows = rng.randint(3, 15), [0] * k
            question = one_of(
                rng,
                (
                    "How many solutions in nonnegative integers does ${v} = {n}$ have?",
                    "Count the ordered ${k}$-tuples of nonnegative integers with ${v} = {n}$.",
                    "In how many ways can ${n}$ {o} be shared among {who} (some may get none)?",
                ),
                v=_variables(k),
                n=n,
                k=k,
                o=objects,
                who=who,
            )
        elif difficulty == 2:
            n, lows = rng.randint(k + 1, 20), [1] * k
            question = one_of(
                rng,
                (
                    "How many solutions in positive integers does ${v} = {n}$ have?",
                    "In how many ways can ${n}$ {o} be given to {who} so that each gets at least one?",
                    "Count the ways to write ${n}$ as an ordered sum of ${k}$ positive integers.",
                ),
                v=_variables(k),
                n=n,
                k=k,
                o=objects,
                who=who,
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
                o=objects,
                who=who,
                d=demand,
            )
        elif difficulty == 4:
            if rng.random() < 0.5:
                n, lows = rng.randint(6, 20), [0] * k
                highs[0] = rng.randint(1, n - 2)
                question = one_of(
                    rng,
                    (
                        "How many nonnegative integer solutions does ${v} = {n}$ have with $x_{{1}} \\le "
                        "{u}$?",
                        "In how many ways can ${n}$ {o} be shared among {who} if {first} may get at most "
                        "${u}$ "
                        "(and anyone may get none)?",
                    ),
                    v=_variables(k),
                    n=n,
                    u=highs[0],
                    o=objects,
                    who=who,
                    first=people[0],
                )
            else:
                bound = rng.randint(4, 15)
                question = one_of(
                    rng,
                    (
                        "How many solutions in nonnegative integers does ${v} \\le {n}$ have?",
                        "Count the ordered ${k}$-tuples of nonnegative integers whose sum is at most ${n}$.",
                    ),
                    v=_variables(k),
                    n=bound,
                    k=k,
                )
                k += 1  # a slack variable turns the inequality into an equation
                n, lows, highs = bound, [0] * k, [None] * k
        elif rng.random() < 0.5:
            cap = rng.randint(2, 6)
            n, lows, highs = rng.randint(cap + 1, cap * k - 1), [0] * k, [cap] * k
            question = one_of(
                rng,
                (
                    "How many nonnegative integer solutions does ${v} = {n}$ have if every $x_{{i}} \\le "
                    "{c}$?",
                    "In how many ways can ${n}$ {o} be shared among {who} if nobody may get more than ${c}$?",
                ),
                v=_variables(k),
                n=n,
                c=cap,
                o=objects,
                who=who,
            )
        else:
            n, lows, highs = rng.randint(k + 2, 6 * k - 2), [1] * k, [6] * k
            question = one_of(
                rng,
                (
                    "${k}$ distinguishable fair six-sided dice are rolled. In how many of the ${t}$ "
                    "outcomes is "
                    "the sum equal to ${n}$?",
                    "{who} each roll one six-sided die. In how many of the ${t}$ possible outcomes do the "
                    "numbers add up to ${n}$?",
                ),
                k=k,
                t=6**k,
                n=n,
                who=who,
            )
        answer = bounded_count(n, lows, highs)
        metadata = {"n": n, "lows": lows, "highs": highs}
        return MathItem(question, answer, AnswerType.INTEGER, metadata)
