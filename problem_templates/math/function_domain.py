"""The (real) domain of a function built from roots, logarithms and quotients; interval answers.

The domain is computed from the conditions each piece imposes (radicand >= 0, argument of ln > 0,
denominator != 0), each solved with a sign chart, then intersected.
"""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, is_interval_answer, nonzero, one_of, sign_chart, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (number of pieces, degree of what is under a root or a log):
#   1  sqrt(a x + b), possibly plus a constant            (a closed ray)
#   2  ln(a x + b)  or  1/sqrt(a x + b), possibly plus a constant  (an open ray)
#   3  sqrt(k (x - a))/(x - b)  or  ln(k (x - a)) + sqrt(m (b - x))   (two conditions)
#   4  sqrt(quadratic), ln(quadratic) or 1/(quadratic) - sqrt(...)  (unions of rays)
#   5  sqrt((x - a)/(x - b)), ln((x - a)/(x - b)), or three pieces together

PHRASINGS = (
    "Find the domain of $f(x) = {f}$. Write it in interval notation.",
    "What is the largest set of real numbers on which $f(x) = {f}$ is defined? Use interval notation.",
    "Determine the natural domain of the real function $g(x) = {f}$, as an interval or union of intervals.",
    "For which real $x$ is ${f}$ defined? Give the answer in interval notation.",
)


def _linear(rng: random.Random, bound: int = 9) -> sp.Expr:
    return nonzero(rng, 5) * X + rng.randint(-bound, bound)


def _pieces(rng: random.Random, difficulty: int) -> list[tuple[str, sp.Expr]]:
    """The function as a list of (kind, argument) pieces that are added together."""
    if difficulty in (1, 2):
        kind = "sqrt" if difficulty == 1 else rng.choice(("log", "rsqrt"))
        piece = (kind, nonzero(rng, 9) * X + rng.randint(-30, 30))
        return [piece, ("const", sp.Integer(nonzero(rng, 9)))] if rng.random() < 0.7 else [piece]
    if difficulty == 3:
        a, b = sorted(rng.sample(range(-15, 16), 2))
        k, m = rng.randint(1, 4), rng.randint(1, 4)  # scale factors: same zeros, different look
        if rng.random() < 0.5:
            return [("sqrt_over", sp.Tuple(sp.expand(k * (X - a)), X - rng.randint(a + 1, a + 12)))]
        return [("log", sp.expand(k * (X - a))), ("sqrt", sp.expand(m * (b - X)))]
    if difficulty == 4:
        r1, r2 = sorted(rng.sample(range(-9, 10), 2))
        quadratic = sp.expand(rng.choice((1, 2, 3, -1, -2)) * (X - r1) * (X - r2))
        kind = rng.choice(("sqrt", "log", "recip_minus_sqrt"))
        if kind == "recip_minus_sqrt":
            return [("recip", quadratic), ("sqrt", _linear(rng))]
        return [(kind, quadratic)]
    a, b = rng.sample(range(-9, 10), 2)
    kind = rng.choice(("sqrt", "log", "three"))
    if kind == "three":
        return [("sqrt", _linear(rng)), ("log", _linear(rng)), ("recip", X - rng.randint(-9, 9))]
    return [(kind, sp.expand(rng.randint(1, 4) * (X - a)) / (X - b))]


def _expression(kind: str, arg: sp.Expr) -> sp.Expr:
    if kind == "sqrt":
        return sp.sqrt(arg)
    if kind == "rsqrt":
        return 1 / sp.sqrt(arg)
    if kind == "log":
        return sp.log(arg)
    if kind == "recip":
        return 1 / arg
    if kind == "const":
        return arg
    top, bottom = arg
    return sp.sqrt(top) / bottom


def _conditions(kind: str, arg: sp.Expr) -> list[tuple[sp.Expr, str]]:
    """Conditions `expr relation 0` for the piece to be defined."""
    if kind == "sqrt":
        return [(arg, ">=")]
    if kind in ("rsqrt", "log"):
        return [(arg, ">")]
    if kind == "recip":
        return [(arg**2, ">")]
    if kind == "const":
        return []
    top, bottom = arg
    return [(top, ">="), (bottom**2, ">")]


def _latex(pieces: list[tuple[str, sp.Expr]]) -> str:
    texts = []
    for kind, arg in pieces:
        if kind == "sqrt_over":
            texts.append(f"\\frac{{\\sqrt{{{tex(arg[0])}}}}}{{{tex(arg[1])}}}")
        elif kind == "sqrt" and isinstance(arg, sp.Mul) and sp.denom(arg) != 1:
            texts.append(f"\\sqrt{{\\frac{{{tex(sp.numer(arg))}}}{{{tex(sp.denom(arg))}}}}}")
        elif kind == "log" and sp.denom(arg) != 1:
            texts.append(f"\\ln\\left(\\frac{{{tex(sp.numer(arg))}}}{{{tex(sp.denom(arg))}}}\\right)")
        elif kind == "log":
            texts.append(f"\\ln\\left({tex(arg)}\\right)")
        elif kind == "rsqrt":
            texts.append(f"\\frac{{1}}{{\\sqrt{{{tex(arg)}}}}}")
        elif kind == "recip":
            texts.append(f"\\frac{{1}}{{{tex(arg)}}}")
        elif kind == "const":
            texts.append(str(arg))
        else:
            texts.append(f"\\sqrt{{{tex(arg)}}}")
    joined = " + ".join(texts) if len(pieces) < 2 or pieces[0][0] != "recip" else " - ".join(texts)
    return joined.replace("+ -", "- ")


@register
class FunctionDomain(MathTemplate):
    name = "function_domain"
    area = "functions"
    description = "Natural domain of functions with roots, logarithms and quotients; interval answers."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            pieces = _pieces(rng, difficulty)
            conditions = [c for kind, arg in pieces for c in _conditions(kind, arg)]
            sets = [sign_chart(sp.together(e), r) for e, r in conditions]
            domain = sp.Intersection(*sets)
            if not is_interval_answer(domain):
                continue
            # every condition must matter: dropping any one of them changes the domain
            if len(sets) == 1 or all(
                sp.Intersection(*(s for j, s in enumerate(sets) if j != i)) != domain
                for i in range(len(sets))
            ):
                break
        latex = _latex(pieces)
        signs = [(-1 if i and pieces[0][0] == "recip" else 1) for i in range(len(pieces))]
        function = sp.Add(*(s * _expression(kind, arg) for s, (kind, arg) in zip(signs, pieces, strict=True)))
        question = one_of(rng, PHRASINGS, f=latex)
        metadata = {"function": encode(function), "latex": latex}
        return MathItem(question, domain, AnswerType.INTERVAL, metadata)
