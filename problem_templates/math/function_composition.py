"""Compose functions or invert one; the answer is an expression in x."""

from __future__ import annotations

import random

import sympy as sp

from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (degree and number of functions, composition vs inversion):
#   1  f(g(x)) with f, g linear                     2  f(g(x)) or g(f(x)) with one quadratic
#   3  inverse of a linear function                 4  inverse of a fractional linear (Möbius) function
#   5  f(g(h(x))) with three functions, one of them quadratic

X, Y = sp.symbols("x y")
LETTERS = ("f", "g", "h")


def _nonzero(rng: random.Random, bound: int) -> int:
    return rng.choice([k for k in range(-bound, bound + 1) if k != 0])


def _linear(rng: random.Random) -> sp.Expr:
    return _nonzero(rng, 6) * X + rng.randint(-9, 9)


def _quadratic(rng: random.Random) -> sp.Expr:
    return _nonzero(rng, 3) * X**2 + rng.randint(-5, 5) * X + rng.randint(-6, 6)


def _compose(rng: random.Random, difficulty: int) -> tuple[str, sp.Expr, list[sp.Expr]]:
    count = 3 if difficulty == 5 else 2
    functions = [_linear(rng) for _ in range(count)]
    if difficulty >= 2:
        functions[rng.randrange(count)] = _quadratic(rng)
    names = LETTERS[:count]
    defs = ", ".join(f"${n}(x) = {sp.latex(f)}$" for n, f in zip(names, functions, strict=True))
    order = list(range(count))
    if difficulty == 2 and rng.random() < 0.5:
        order.reverse()
    nested = "x"
    for i in reversed(order):
        nested = f"{names[i]}({nested})"
    result = X
    for i in reversed(order):
        result = functions[i].subs(X, result)
    question = rng.choice(
        (
            f"Let {defs}. Find ${nested}$ and simplify.",
            f"Given {defs}, express ${nested}$ as a polynomial in $x$.",
        )
    )
    return question, sp.expand(result), [functions[i] for i in order]


def _inverse(rng: random.Random, difficulty: int) -> tuple[str, sp.Expr, list[sp.Expr]]:
    if difficulty == 3:
        f = _linear(rng)
    else:
        while True:
            a, b, c, d = _nonzero(rng, 5), rng.randint(-6, 6), _nonzero(rng, 4), rng.randint(-6, 6)
            if a * d - b * c != 0:
                break
        f = (a * X + b) / (c * X + d)
    (inverse,) = sp.solve(sp.Eq(f.subs(X, Y), X), Y)
    answer = sp.expand(inverse) if difficulty == 3 else sp.factor(inverse)
    question = rng.choice(
        (
            f"Find the inverse function $f^{{-1}}(x)$ of $f(x) = {sp.latex(f)}$.",
            f"The function $f(x) = {sp.latex(f)}$ is invertible on its domain. What is $f^{{-1}}(x)$?",
        )
    )
    return question, answer, [f]


@register
class FunctionComposition(MathTemplate):
    name = "function_composition"
    area = "functions"
    description = "Compose two or three functions, or invert a linear / fractional linear function."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        kind = "inverse" if difficulty in (3, 4) else "compose"
        make = _inverse if kind == "inverse" else _compose
        question, answer, functions = make(rng, difficulty)
        # For "compose", functions are listed outermost first: the answer is functions[0](functions[1](...)).
        metadata = {"kind": kind, "functions": [encode(f) for f in functions]}
        return MathItem(question, answer, AnswerType.EXPRESSION, metadata)
