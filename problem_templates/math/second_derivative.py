"""The second derivative of a function at a point; exact integer, rational or real value."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (rules needed: power, product, chain, quotient; the value at the point):
#   1  cubic or quartic polynomial at an integer point
#   2  a x^n + b/x^m or a sqrt(x) at a positive integer point   (power rule with negative/fractional n)
#   3  products: x^n e^(ax), x^n ln x                               (product rule; values with e, ln)
#   4  chain rule: e^(a x^2), ln(x^2 + a), sin/cos(a x) at multiples of pi/6 or pi/4
#   5  quotients and compositions: x/(x^2 + a), arctan(a x), e^x sin x, sqrt(x^2 + a)
#   From level 3 the core function is scaled and a polynomial p x^2 + q x is added.

PHRASINGS = (
    "Let $f(x) = {f}$. Compute $f''({p})$.",
    "Find the value of the second derivative of $f(x) = {f}$ at $x = {p}$.",
    "For $f(x) = {f}$, evaluate $\\frac{{d^2 f}}{{dx^2}}$ at $x = {p}$.",
    "What is $f''({p})$ when $f(x) = {f}$? Give an exact value.",
)


def _problem(rng: random.Random, difficulty: int) -> tuple[sp.Expr, sp.Expr]:
    if difficulty == 1:
        degree = rng.choice((3, 4))
        f = sp.Add(*(rng.randint(-9, 9) * X**k for k in range(degree))) + nonzero(rng, 9) * X**degree
        return f, sp.Integer(rng.randint(-5, 5))
    if difficulty == 2:
        if rng.random() < 0.5:
            n, m = rng.randint(2, 5), rng.randint(1, 3)
            f = nonzero(rng, 6) * X**n + nonzero(rng, 12) / X**m
        else:
            f = nonzero(rng, 9) * sp.sqrt(X) + nonzero(rng, 5) * X**2
        return f, sp.Integer(rng.choice((1, 4, 9) if f.has(sp.sqrt(X)) else (1, 2, 3, -1, -2)))
    if difficulty == 3:
        a = nonzero(rng, 5)
        if rng.random() < 0.5:
            return X ** rng.randint(1, 3) * sp.exp(a * X), sp.Integer(rng.choice((0, 1, -1, 2, -2)))
        return rng.randint(1, 4) * X ** rng.randint(1, 4) * sp.log(X), sp.Integer(rng.choice((1, 1, 2, 3)))
    if difficulty == 4:
        a = nonzero(rng, 4)
        kind = rng.choice(("exp", "log", "trig"))
        if kind == "exp":
            return sp.exp(a * X**2), sp.Integer(rng.choice((0, 1, -1)))
        if kind == "log":
            return sp.log(X**2 + abs(a)), sp.Integer(rng.randint(-3, 3))
        trig = rng.choice((sp.sin, sp.cos))
        point = sp.pi * sp.Rational(rng.randint(1, 5), rng.choice((6, 4, 3)))
        return rng.randint(1, 5) * trig(abs(a) * X), point
    a = rng.randint(1, 9)
    kind = rng.choice(("quotient", "atan", "exp_sin", "sqrt"))
    if kind == "quotient":
        return X / (X**2 + a), sp.Integer(rng.randint(-3, 3))
    if kind == "atan":
        return sp.atan(rng.randint(1, 4) * X), sp.Integer(rng.choice((1, -1, 2)))
    if kind == "exp_sin":
        return sp.exp(X) * rng.choice((sp.sin, sp.cos))(X), rng.choice((sp.Integer(0), sp.pi / 2, sp.pi))
    return sp.sqrt(X**2 + a), sp.Integer(rng.randint(-4, 4))


@register
class SecondDerivative(MathTemplate):
    name = "second_derivative"
    area = "calculus"
    description = "Second derivative at a point (power, product, chain and quotient rules); exact value."
    small_space = "a few hundred distinct prompts per difficulty"

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            f, point = _problem(rng, difficulty)
            if difficulty >= 3:  # scale the core and add a quadratic part (its f'' is the constant 2p)
                k, p, q = rng.choice((1, 1, 2, 3, -1, -2)), rng.randint(-6, 6), rng.randint(-9, 9)
                f = k * f + p * X**2 + q * X
            value = sp.nsimplify(sp.simplify(sp.diff(f, X, 2).subs(X, point)))
            if value != 0 and value.is_finite and not value.has(sp.Float):
                break
        question = one_of(rng, PHRASINGS, f=tex(f), p=tex(point))
        metadata = {"function": encode(f), "point": encode(point)}
        atype = (
            AnswerType.INTEGER
            if value.is_integer
            else AnswerType.RATIONAL
            if value.is_Rational
            else AnswerType.REAL
        )
        return MathItem(question, value, atype, metadata)
