"""Limits with exact values: removable singularities, limits at infinity, standard trig/exp/log limits."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the technique the limit needs):
#   1  factor and cancel: (x - a)(x - b) / ((x - a)(x - c)) as x -> a, both sides expanded
#   2  rational functions as x -> +-infinity (leading terms; equal or lower numerator degree)
#   3  trigonometric limits at 0: c sin(ax)/(bx), c(1 - cos(ax))/(b x^2), c tan(ax)/sin(bx), c sin(ax)/sin(bx)
#   4  conjugates and standard limits: (sqrt(a x + m^2) - m)/(bx), (sqrt(a x + c) - sqrt c)/(bx) (irrational),
#      (e^(ax) - 1)/(bx), ln(1 + ax)/(bx)
#   5  e-limits and second-order terms: (1 + a/(cx))^(bx) as x -> oo, (1 + ax)^(b/(cx)) as x -> 0,
#      (e^(ax) - 1 - ax)/(c x^2), (ax - sin(ax))/(c x^3)

PHRASINGS = (
    "Evaluate ${lim}$.",
    "Find the exact value of ${lim}$.",
    "Compute ${lim}$.",
    "What is ${lim}$? Give an exact answer.",
)


def _problem(rng: random.Random, difficulty: int) -> tuple[sp.Expr, sp.Expr, str]:
    """(function, point, LaTeX of the function)."""
    if difficulty == 1:
        a, b, c = rng.sample(range(-9, 10), 3)
        top, bottom = sp.expand((X - a) * (X - b)), sp.expand(rng.choice((1, 2, -1)) * (X - a) * (X - c))
        return top / bottom, sp.Integer(a), f"\\frac{{{tex(top)}}}{{{tex(bottom)}}}"
    if difficulty == 2:
        degree = rng.choice((1, 2, 3))
        lower = rng.random() < 0.25
        top = sp.Add(*(rng.randint(-9, 9) * X**k for k in range(degree))) + nonzero(rng, 9) * X ** (
            degree - 1 if lower else degree
        )
        bottom = sp.Add(*(rng.randint(-9, 9) * X**k for k in range(degree))) + nonzero(rng, 9) * X**degree
        point = rng.choice((sp.oo, sp.oo, -sp.oo))
        return top / bottom, point, f"\\frac{{{tex(top)}}}{{{tex(bottom)}}}"
    if difficulty == 3:
        a, b = rng.sample(range(1, 13), 2)
        c = rng.randint(1, 6)
        lead = f"{c} " if c > 1 else ""
        kind = rng.choice(("sin", "cos", "tan", "sin_sin"))
        if kind == "sin":
            f = c * sp.sin(a * X) / (b * X)
            return f, sp.Integer(0), f"\\frac{{{lead}\\sin\\left({tex(a * X)}\\right)}}{{{tex(b * X)}}}"
        if kind == "cos":
            f = c * (1 - sp.cos(a * X)) / (b * X**2)
            top = (
                f"{c}\\left(1 - \\cos\\left({tex(a * X)}\\right)\\right)"
                if c > 1
                else (f"1 - \\cos\\left({tex(a * X)}\\right)")
            )
            return f, sp.Integer(0), f"\\frac{{{top}}}{{{tex(b * X**2)}}}"
        trig, name = (sp.tan, "tan") if kind == "tan" else (sp.sin, "sin")
        f = c * trig(a * X) / sp.sin(b * X)
        text = f"\\frac{{{lead}\\{name}\\left({tex(a * X)}\\right)}}{{\\sin\\left({tex(b * X)}\\right)}}"
        return f, sp.Integer(0), text
    if difficulty == 4:
        a, b = rng.randint(1, 12), rng.randint(1, 12)
        kind = rng.choice(("root", "root_irrational", "exp", "log"))
        if kind == "root":
            m = rng.randint(1, 9)
            f = (sp.sqrt(a * X + m**2) - m) / (b * X)
            return f, sp.Integer(0), f"\\frac{{\\sqrt{{{tex(a * X + m**2)}}} - {m}}}{{{tex(b * X)}}}"
        if kind == "root_irrational":
            c = rng.choice((2, 3, 5, 6, 7, 10, 11, 13))
            f = (sp.sqrt(a * X + c) - sp.sqrt(c)) / (b * X)
            return f, sp.Integer(0), f"\\frac{{\\sqrt{{{tex(a * X + c)}}} - \\sqrt{{{c}}}}}{{{tex(b * X)}}}"
        if kind == "exp":
            f = (sp.exp(a * X) - 1) / (b * X)
            return f, sp.Integer(0), f"\\frac{{e^{{{tex(a * X)}}} - 1}}{{{tex(b * X)}}}"
        f = sp.log(1 + a * X) / (b * X)
        return f, sp.Integer(0), f"\\frac{{\\ln\\left({tex(1 + a * X)}\\right)}}{{{tex(b * X)}}}"
    a, b, c = nonzero(rng, 9), nonzero(rng, 9), rng.randint(1, 4)
    kind = rng.choice(("e_infinity", "e_zero", "exp2", "sin3"))
    if kind == "e_infinity":
        f = (1 + sp.Integer(a) / (c * X)) ** (b * X)
        inner = f"1 {'+' if a > 0 else '-'} \\frac{{{abs(a)}}}{{{tex(c * X)}}}"
        return f, sp.oo, f"\\left({inner}\\right)^{{{tex(b * X)}}}"
    if kind == "e_zero":
        f = (1 + a * X) ** (sp.Integer(b) / (c * X))
        return f, sp.Integer(0), f"\\left({tex(1 + a * X)}\\right)^{{\\frac{{{b}}}{{{tex(c * X)}}}}}"
    if kind == "exp2":
        f = (sp.exp(a * X) - 1 - a * X) / (c * X**2)
        top = f"e^{{{tex(a * X)}}} - 1 {'-' if a > 0 else '+'} {tex(abs(a) * X)}"
        return f, sp.Integer(0), f"\\frac{{{top}}}{{{tex(c * X**2)}}}"
    a = abs(a)
    f = (a * X - sp.sin(a * X)) / (c * X**3)
    top = f"{tex(a * X)} - \\sin\\left({tex(a * X)}\\right)"
    return f, sp.Integer(0), f"\\frac{{{top}}}{{{tex(c * X**3)}}}"


@register
class LimitValue(MathTemplate):
    name = "limit_value"
    area = "calculus"
    description = "Limits with exact finite values (algebraic, trigonometric, exponential, logarithmic)."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            f, point, latex = _problem(rng, difficulty)
            value = sp.limit(f, X, point)
            if value.is_finite and value.is_real:
                break
        where = {sp.oo: "\\infty", -sp.oo: "-\\infty"}.get(point, tex(point))
        limit = f"\\lim_{{x \\to {where}}} {latex}"
        question = one_of(rng, PHRASINGS, lim=limit)
        metadata = {"function": encode(f), "point": encode(point), "latex": latex}
        atype = (
            AnswerType.INTEGER
            if value.is_integer
            else AnswerType.RATIONAL
            if value.is_Rational
            else AnswerType.REAL
        )
        return MathItem(question, sp.radsimp(value), atype, metadata)
