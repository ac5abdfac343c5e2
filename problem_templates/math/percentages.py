"""Percentages: percent of a number, what percent, percent change, reverse percent, successive changes."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the kind of question, and so the number of steps; numbers grow with it):
#   1  p% of n                                  (p <= 100, n <= 2000)
#   2  a is what percent of b                   (a < b <= 5000)
#   3  percent change from a to b               (increase or decrease, a, b <= 10000)
#   4  reverse percent: after a p% rise/fall the value is v; find the original value
#   5  three successive percent changes applied to a starting value; find the final value

P = sp.Symbol("p")


def _percent_of(rng: random.Random) -> tuple[str, sp.Rational, dict]:
    p, n = rng.randint(1, 100), rng.randint(10, 2000)
    question = one_of(
        rng,
        (
            "What is ${p}\\%$ of ${n}$?",
            "Compute ${p}\\%$ of ${n}$.",
            "Find the number that is ${p}$ percent of ${n}$.",
            "How much is ${p}\\%$ of ${n}$?",
        ),
        p=p,
        n=n,
    )
    return question, sp.Rational(p, 100) * n, {"kind": "percent_of", "p": p, "n": n}


def _what_percent(rng: random.Random) -> tuple[str, sp.Rational, dict]:
    b = rng.randint(20, 5000)
    a = rng.randint(1, b - 1)
    (answer,) = sp.solve(sp.Eq(P / 100 * b, a), P)
    question = one_of(
        rng,
        (
            "What percent of ${b}$ is ${a}$?",
            "The number ${a}$ is what percentage of ${b}$?",
            "Express ${a}$ as a percentage of ${b}$.",
            "${a}$ is $p\\%$ of ${b}$. Find $p$.",
        ),
        a=a,
        b=b,
    )
    return question, answer, {"kind": "what_percent", "a": a, "b": b}


def _change(rng: random.Random) -> tuple[str, sp.Rational, dict]:
    a, b = rng.sample(range(20, 10001), 2)
    (answer,) = sp.solve(sp.Eq(a * (1 + P / 100), b), P)
    question = one_of(
        rng,
        (
            "A quantity changes from ${a}$ to ${b}$. What is the percent change? (A decrease is negative.)",
            "Find the percentage change when a value goes from ${a}$ to ${b}$ (use a negative number for a "
            "decrease).",
            "A price moves from ${a}$ to ${b}$ dollars. By what percent did it change? Give a negative "
            "answer for a decrease.",
        ),
        a=a,
        b=b,
    )
    return question, answer, {"kind": "change", "a": a, "b": b}


def _reverse(rng: random.Random) -> tuple[str, sp.Rational, dict]:
    p = rng.randint(1, 90)
    rise = rng.random() < 0.5
    v = rng.randint(50, 10000)
    factor = 1 + sp.Rational(p, 100) if rise else 1 - sp.Rational(p, 100)
    (answer,) = sp.solve(sp.Eq(P * factor, v), P)
    word = "increase" if rise else "decrease"
    question = one_of(
        rng,
        (
            "After a ${p}\\%$ {word}, a value is ${v}$. What was the value before the {word}?",
            "A number is changed by a ${p}\\%$ {word} and becomes ${v}$. Find the original number.",
            "Following a {word} of ${p}$ percent, the amount is ${v}$. What was the original amount?",
        ),
        p=p,
        v=v,
        word=word,
    )
    return question, answer, {"kind": "reverse", "p": p, "rise": rise, "v": v}


def _successive(rng: random.Random) -> tuple[str, sp.Rational, dict]:
    start = rng.randint(100, 10000)
    changes = [rng.choice((1, -1)) * rng.randint(1, 60) for _ in range(3)]
    value = sp.Integer(start)
    for c in changes:
        value *= 1 + sp.Rational(c, 100)
    steps = ", then ".join(f"{'increased' if c > 0 else 'decreased'} by ${abs(c)}\\%$" for c in changes)
    question = one_of(
        rng,
        (
            "A value of ${start}$ is {steps}. What is the final value?",
            "Starting from ${start}$, a quantity is {steps}. Find the resulting value.",
            "The number ${start}$ is {steps}. What number results?",
        ),
        start=start,
        steps=steps,
    )
    return question, value, {"kind": "successive", "start": start, "changes": changes}


@register
class Percentages(MathTemplate):
    name = "percentages"
    area = "arithmetic"
    description = "Percent of, what percent, percent change, reverse and successive percentages."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        make = (_percent_of, _what_percent, _change, _reverse, _successive)[difficulty - 1]
        question, answer, metadata = make(rng)
        answer = sp.Rational(answer)
        if answer.is_integer:
            return MathItem(question, answer, AnswerType.INTEGER, metadata)
        return MathItem(question + " Give the exact value.", answer, AnswerType.RATIONAL, metadata)
