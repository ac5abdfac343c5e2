"""Simplify radicals to a·√b (b squarefree) or u + v·√b, and report the integers/rationals as a tuple.

The answer is a tuple of the form's parameters rather than the real number itself: the number is
equal to the question's own expression, so a model that copied the expression back would pass.
"""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import nonzero, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (size of the radicand, kind of root, number of terms, operations):
#   1  c sqrt(n) = a sqrt(b) with n = m^2 b, m <= 20, b squarefree and <= 46, c <= 9
#   2  c cbrt(n) = a cbrt(b) (n = m^3 b, m <= 12, b < 50), or sqrt(n) with n up to ~5000
#   3  a sum of three square roots that all reduce to multiples of one sqrt(b)
#   4  products and quotients of square roots that reduce to a sqrt(b)
#   5  (p + q sqrt b)(r + s sqrt b) = u + v sqrt b, or c / (p + q sqrt b) rationalised to u + v sqrt b

SQUAREFREE = [n for n in range(2, 60) if sp.factorint(n) and max(sp.factorint(n).values()) == 1]
CUBEFREE = [n for n in range(2, 50) if max(sp.factorint(n).values()) <= 2]


def _coefficient_and_radicand(value: sp.Expr, index: int) -> tuple[sp.Integer, sp.Integer]:
    coefficient, radical = value.as_coeff_Mul()
    return sp.Integer(coefficient), sp.Integer(radical**index)


def _form_question(rng: random.Random, expr: str, form: str, pair: str, extra: str) -> str:
    return one_of(
        rng,
        (
            "Write ${e}$ in the form ${form}$, where {extra}. Give the ordered pair $({pair})$.",
            "Simplify ${e}$ to the form ${form}$ (where {extra}). What is $({pair})$?",
            "Express ${e}$ as ${form}$, where {extra}, and report $({pair})$.",
        ),
        e=expr,
        form=form,
        pair=pair,
        extra=extra,
    )


SQRT_EXTRA = "$a$ and $b$ are integers, $b > 1$ and $b$ is not divisible by any perfect square other than $1$"


@register
class RadicalSimplify(MathTemplate):
    name = "radical_simplify"
    area = "algebra"
    description = "Simplify square and cube roots, sums and products of radicals; answer as a tuple."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty == 1 or (difficulty == 2 and rng.random() < 0.4):
            top = 20 if difficulty == 1 else 40
            n = rng.randint(2, top) ** 2 * rng.choice(SQUAREFREE[: 30 if difficulty == 1 else None])
            c = rng.choice((1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9))
            a, b = _coefficient_and_radicand(c * sp.sqrt(n), 2)
            expr = f"{c if c > 1 else ''}\\sqrt{{{n}}}"
            question = _form_question(rng, expr, "a\\sqrt{b}", "a, b", SQRT_EXTRA)
            return MathItem(question, sp.Tuple(a, b), AnswerType.TUPLE, {"kind": "sqrt", "c": c, "n": n})
        if difficulty == 2:
            n = rng.randint(2, 12) ** 3 * rng.choice(CUBEFREE)
            c = rng.choice((1, 1, 1, 2, 3, 4, 5))
            a, b = _coefficient_and_radicand(c * sp.root(n, 3), 3)
            extra = "$a$ and $b$ are integers, $b > 1$ and $b$ has no perfect-cube factor other than $1$"
            expr = f"{c if c > 1 else ''}\\sqrt[3]{{{n}}}"
            question = _form_question(rng, expr, "a\\sqrt[3]{b}", "a, b", extra)
            return MathItem(question, sp.Tuple(a, b), AnswerType.TUPLE, {"kind": "cbrt", "c": c, "n": n})
        if difficulty == 3:
            while True:
                b = rng.choice(SQUAREFREE[:15])
                squares = rng.sample(range(1, 10), 3)
                coefficients = [nonzero(rng, 5) for _ in range(3)]
                value = sp.Add(*(c * sp.sqrt(s * s * b) for c, s in zip(coefficients, squares, strict=True)))
                if value != 0:
                    break
            terms = ""
            for c, s in zip(coefficients, squares, strict=True):
                sign = "-" if c < 0 else ("+" if terms else "")
                coefficient = "" if abs(c) == 1 else str(abs(c))
                terms += f" {sign} {coefficient}\\sqrt{{{s * s * b}}}"
            a, radicand = _coefficient_and_radicand(value, 2)
            metadata = {
                "kind": "sum",
                "terms": [[c, s * s * b] for c, s in zip(coefficients, squares, strict=True)],
            }
            question = _form_question(rng, terms.strip(), "a\\sqrt{b}", "a, b", SQRT_EXTRA)
            return MathItem(question, sp.Tuple(a, radicand), AnswerType.TUPLE, metadata)
        if difficulty == 4:
            while True:
                top = [rng.randint(2, 99) for _ in range(2)]
                bottom = [rng.randint(2, 50)] if rng.random() < 0.5 else []
                value = sp.sqrt(top[0]) * sp.sqrt(top[1]) / sp.Mul(*(sp.sqrt(d) for d in bottom))
                coefficient, radical = value.as_coeff_Mul()
                if coefficient.is_integer and coefficient > 1 and radical != 1 and (radical**2).is_integer:
                    break
            expr = f"\\sqrt{{{top[0]}}} \\cdot \\sqrt{{{top[1]}}}"
            if bottom:
                expr = f"\\frac{{{expr}}}{{\\sqrt{{{bottom[0]}}}}}"
            a, b = _coefficient_and_radicand(value, 2)
            metadata = {"kind": "product", "top": top, "bottom": bottom}
            question = _form_question(rng, expr, "a\\sqrt{b}", "a, b", SQRT_EXTRA)
            return MathItem(question, sp.Tuple(a, b), AnswerType.TUPLE, metadata)
        b = rng.choice(SQUAREFREE[:12])
        root = sp.sqrt(b)
        if rng.random() < 0.5:
            p, q, r, s = (nonzero(rng, 7) for _ in range(4))
            value = sp.expand((p + q * root) * (r + s * root))
            expr = f"\\left({sp.latex(p + q * root)}\\right)\\left({sp.latex(r + s * root)}\\right)"
            metadata = {"kind": "expand", "b": b, "factors": [[p, q], [r, s]]}
        else:
            while True:
                c, p, q = nonzero(rng, 12), nonzero(rng, 9), nonzero(rng, 3)
                if p * p != q * q * b:
                    break
            value = sp.expand(sp.radsimp(c / (p + q * root)))
            expr = f"\\frac{{{c}}}{{{sp.latex(p + q * root)}}}"
            metadata = {"kind": "rationalise", "b": b, "c": c, "denominator": [p, q]}
        u, v = value.coeff(root, 0), value.coeff(root, 1)
        if sp.expand(u + v * root - value) != 0:
            raise AssertionError(f"unexpected form {value}")
        extra = "$u$ and $v$ are rational numbers"
        question = _form_question(rng, expr, f"u + v\\sqrt{{{b}}}", "u, v", extra)
        return MathItem(question, sp.Tuple(u, v), AnswerType.TUPLE, metadata)
