"""Recursively defined sequences: compute a later term (linear, two-term, nonlinear, periodic)."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, nonzero, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (order of the recurrence, its kind, and how far out the asked term is):
#   1  a_(n+1) = p a_n + q with p in {2, 3}, or a_(n+1) = a_n + p n; the 4th to 7th term
#   2  a_(n+1) = p a_n + q with p in {-3, -2, 2, 3}; the 6th to 9th term
#   3  a_(n+2) = a_(n+1) + a_n or a_(n+1) - a_n (Fibonacci-like); the 8th to 12th term
#   4  a_(n+2) = p a_(n+1) + q a_n, or a_(n+1) = a_n + p n^2; the 7th to 10th term
#   5  a_(n+1) = 1/(1 - a_n) (period 3), (a_n - 1)/(a_n + 1) (period 4) with an index up to 2100,
#      or a_(n+1) = a_n / (1 + k a_n) with an index up to 60 (rational answers)

RULES = {
    "affine": "a_{{n+1}} = {p} a_{{n}} {q}",
    "plus_n": "a_{{n+1}} = a_{{n}} + {p} n",
    "plus_n2": "a_{{n+1}} = a_{{n}} + {p} n^{{2}}",
    "fib": "a_{{n+2}} = a_{{n+1}} + a_{{n}}",
    "fib_minus": "a_{{n+2}} = a_{{n+1}} - a_{{n}}",
    "linear2": "a_{{n+2}} = {p} a_{{n+1}} {q} a_{{n}}",
    "period3": "a_{{n+1}} = \\frac{{1}}{{1 - a_{{n}}}}",
    "period4": "a_{{n+1}} = \\frac{{a_{{n}} - 1}}{{a_{{n}} + 1}}",
    "harmonic": "a_{{n+1}} = \\frac{{a_{{n}}}}{{1 + {p} a_{{n}}}}",
}


def _signed(c: int) -> str:
    return f"+ {c}" if c >= 0 else f"- {-c}"


def step(rule: str, previous: list[sp.Rational], n: int, p: int, q: int) -> sp.Rational:
    """The next term from the earlier ones; `n` is the index of the last known term."""
    a = previous[-1]
    if rule == "affine":
        return p * a + q
    if rule == "plus_n":
        return a + p * n
    if rule == "plus_n2":
        return a + p * n**2
    if rule == "fib":
        return a + previous[-2]
    if rule == "fib_minus":
        return a - previous[-2]
    if rule == "linear2":
        return p * a + q * previous[-2]
    denominator = {"period3": 1 - a, "period4": a + 1, "harmonic": 1 + p * a}[rule]
    if denominator == 0:
        raise ZeroDivisionError(rule)
    return {"period3": 1 / denominator, "period4": (a - 1) / denominator, "harmonic": a / denominator}[rule]


def term(rule: str, initial: list[sp.Rational], index: int, p: int, q: int) -> sp.Rational:
    values = list(initial)
    while len(values) < index:
        values.append(sp.Rational(step(rule, values, len(values), p, q)))
    return values[index - 1]


@register
class RecursiveSequence(MathTemplate):
    name = "recursive_sequence"
    area = "sequences"
    description = "Later terms of recursively defined sequences (affine, Fibonacci-like, periodic, rational)."
    small_space = "small seeds and coefficients: some hundreds of prompts per difficulty"

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        p = q = 0
        while True:
            if difficulty in (1, 2):
                rule = "affine" if difficulty == 2 or rng.random() < 0.6 else "plus_n"
                p = rng.choice((2, 3)) if difficulty == 1 else rng.choice((-3, -2, 2, 3))
                if rule == "plus_n":
                    p = rng.randint(1, 5)
                q = rng.randint(-15, 15)
                initial = [sp.Integer(rng.randint(-20, 20))]
                index = rng.randint(4, 7) if difficulty == 1 else rng.randint(6, 9)
            elif difficulty == 3:
                rule = rng.choice(("fib", "fib", "fib_minus"))
                initial = [sp.Integer(rng.randint(-9, 9)), sp.Integer(rng.randint(-9, 9))]
                index = rng.randint(8, 12)
            elif difficulty == 4:
                rule = rng.choice(("linear2", "plus_n2"))
                p, q = nonzero(rng, 3), nonzero(rng, 3)
                if rule == "plus_n2":
                    p = rng.randint(1, 4)
                bound = 5 if rule == "linear2" else 30
                initial = [
                    sp.Integer(rng.randint(-bound, bound)) for _ in range(2 if rule == "linear2" else 1)
                ]
                index = rng.randint(7, 10)
            else:
                rule = rng.choice(("period3", "period4", "harmonic"))
                if rule == "harmonic":
                    p = rng.randint(1, 5)
                    initial = [sp.Rational(1, rng.randint(1, 9)) * rng.choice((1, 2, 3))]
                    index = rng.randint(10, 60)
                else:
                    initial = [sp.Rational(rng.randint(-9, 9), rng.randint(1, 5))]
                    index = rng.randint(20, 2100)
            try:
                value = term(rule, initial, index, p, q)
            except ZeroDivisionError:
                continue
            if value != initial[0] and abs(value) < 10**9:
                break
        if rule not in ("affine", "linear2", "harmonic", "plus_n", "plus_n2"):
            p = q = 0
        if rule in ("plus_n", "plus_n2"):
            q = 0
        recurrence = RULES[rule].format(p=p, q=_signed(q))
        recurrence = recurrence.replace(f"{1} a", "a").replace("1 + 1 a", "1 + a").replace("+ 1 n", "+ n")
        starts = ", ".join(f"a_{{{i + 1}}} = {sp.latex(v)}" for i, v in enumerate(initial))
        question = one_of(
            rng,
            (
                "A sequence is defined by ${s}$ and ${r}$ for $n \\ge 1$. Find $a_{{{k}}}$.",
                "Let ${s}$ and ${r}$ for every $n \\ge 1$. What is $a_{{{k}}}$?",
                "{name} defines a sequence with ${s}$ and the rule ${r}$ ($n \\ge 1$). Compute $a_{{{k}}}$.",
            ),
            s=starts,
            r=recurrence,
            k=index,
            name=rng.choice(NAMES),
        )
        metadata = {"rule": rule, "initial": [str(v) for v in initial], "index": index, "p": p, "q": q}
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
