"""Values of inverse functions: f^{-1}(v) for linear, cubic, fractional linear and exponential f."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the kind of function, and how many inverses are chained):
#   1  f(x) = a x + b, integer answer
#   2  f(x) = (a x + b)/c, rational answer
#   3  f(x) = a (x + h)^3 + k, integer answer (one real cube root)
#   4  f(x) = (a x + b)/(c x + d), rational answer
#   5  f(x) = b^(x - h) + k and a nested f^{-1}(f^{-1}(v)) or f^{-1}(g(v)) with g linear

Y = sp.Symbol("y")
SINGLE = (
    "Let $f(x) = {f}$. Find $f^{{-1}}({v})$.",
    "The function $f(x) = {f}$ is invertible. What is $f^{{-1}}({v})$?",
    "If $f(x) = {f}$, compute the value of the inverse function at ${v}$.",
    "For $f(x) = {f}$, find the number $x$ with $f(x) = {v}$, that is $f^{{-1}}({v})$.",
)


def _inverse_at(f: sp.Expr, v: sp.Expr) -> sp.Expr:
    power = next((p for p in f.atoms(sp.Pow) if p.exp.has(X)), None)
    if power is not None:  # b^(x - h) + k = v  <=>  x = h + log_b(v - k)
        k = f - power
        if v - k <= 0:
            raise ValueError("no real solution")
        (solution,) = sp.solve(sp.Eq(power.exp, sp.log(v - k, power.base)), X)
        return sp.simplify(solution)
    real = [s for s in sp.solve(sp.Eq(f.subs(X, Y), v), Y) if s.is_real]
    if len(real) != 1:
        raise ValueError(f"f(y) = {v} has {len(real)} real solutions")
    return real[0]


def _function(rng: random.Random, difficulty: int) -> tuple[sp.Expr, str]:
    if difficulty == 1:
        f = nonzero(rng, 12) * X + rng.randint(-20, 20)
        return f, tex(f)
    if difficulty == 2:
        a, b, c = nonzero(rng, 9), rng.randint(-20, 20), rng.randint(2, 9)
        return (a * X + b) / c, f"\\frac{{{tex(a * X + b)}}}{{{c}}}"
    if difficulty == 3:
        a, h, k = nonzero(rng, 4), nonzero(rng, 6), rng.randint(-30, 30)
        f = a * (X + h) ** 3 + k
        return f, tex(f)
    if difficulty == 4:
        while True:
            a, b, c, d = nonzero(rng, 7), rng.randint(-9, 9), nonzero(rng, 5), rng.randint(-9, 9)
            if a * d - b * c != 0:
                f = (a * X + b) / (c * X + d)
                return f, f"\\frac{{{tex(a * X + b)}}}{{{tex(c * X + d)}}}"
    base, h, k = rng.choice((2, 3, 5)), rng.randint(-5, 5), rng.randint(-9, 9)
    f = sp.Integer(base) ** (X - h) + k
    return f, f"{base}^{{{tex(X - h)}}} {'+' if k >= 0 else '-'} {abs(k)}"


@register
class InverseFunctionValue(MathTemplate):
    name = "inverse_function_value"
    area = "functions"
    description = "Evaluate inverse functions (linear, cubic, fractional linear, exponential) at a point."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            f, latex = _function(rng, difficulty)
            if difficulty in (1, 3, 5):  # choose the answer first so that it is an integer
                if difficulty == 5:  # keep b^(x - h) small: the exponent is 0..4 (0..6 for base 2)
                    h = next(p.exp for p in f.atoms(sp.Pow) if p.exp.has(X)) - X
                    target = sp.Integer(rng.randint(0, 6 if f.has(sp.Integer(2) ** X) else 4) - h)
                else:
                    target = sp.Integer(rng.randint(-12, 12))
                v = sp.simplify(f.subs(X, target))
            else:
                v = sp.Integer(rng.randint(-20, 20))
            if not v.is_Rational:
                continue
            try:
                answer = _inverse_at(f, v)
            except (ValueError, ZeroDivisionError):
                continue
            if not answer.is_Rational:
                continue
            if difficulty < 5:
                question = one_of(rng, SINGLE, f=latex, v=v)
                metadata = {"f": encode(f), "chain": [["f", str(v)]]}
                break
            if rng.random() < 0.5:
                try:
                    outer = _inverse_at(f, answer)
                except ValueError:
                    continue
                if not outer.is_Rational:
                    continue
                question = one_of(
                    rng,
                    (
                        "Let $f(x) = {f}$. Find $f^{{-1}}\\left(f^{{-1}}({v})\\right)$.",
                        "For $f(x) = {f}$, compute $\\left(f^{{-1}} \\circ f^{{-1}}\\right)({v})$.",
                        "If $f(x) = {f}$, what is $f^{{-1}}(f^{{-1}}({v}))$?",
                    ),
                    f=latex,
                    v=v,
                )
                metadata = {"f": encode(f), "chain": [["f", str(v)], ["f", "previous"]]}
                answer = outer
                break
            # f^{-1}(g(w)) with g linear, chosen so that g(w) = v
            m, w = nonzero(rng, 5), rng.randint(-9, 9)
            g = m * X + (v - m * w)
            question = one_of(
                rng,
                (
                    "Let $f(x) = {f}$ and $g(x) = {g}$. Find $f^{{-1}}\\left(g({w})\\right)$.",
                    "With $f(x) = {f}$ and $g(x) = {g}$, compute $\\left(f^{{-1}} \\circ g\\right)({w})$.",
                    "Given $f(x) = {f}$ and $g(x) = {g}$, what is $f^{{-1}}(g({w}))$?",
                ),
                f=latex,
                g=tex(g),
                w=w,
            )
            metadata = {"f": encode(f), "g": encode(g), "chain": [["g", str(w)], ["f", "previous"]]}
            break
        atype = AnswerType.INTEGER if answer.is_integer else AnswerType.RATIONAL
        return MathItem(question, sp.Rational(answer), atype, metadata)
