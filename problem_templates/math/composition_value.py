"""Evaluate compositions of functions at a number: f(g(a)), f(f(a)), f(g(h(a))), iterates."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, nonzero, one_of, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (kinds of functions, number of compositions, the input):
#   1  f(g(a)) with f, g linear
#   2  f(g(a)) or g(f(a)) with one of them quadratic
#   3  f(f(a)) with f quadratic, or f(g(a)) - g(f(a))
#   4  f(g(h(a))) with a quadratic and a reciprocal 1/(x + c) among them
#   5  the third iterate f(f(f(a))) of a fractional linear f, or f(g(a)) + g(f(b)) at fractional inputs

NAMES = ("f", "g", "h")


def _linear(rng: random.Random) -> sp.Expr:
    return nonzero(rng, 9) * X + rng.randint(-12, 12)


def _quadratic(rng: random.Random) -> sp.Expr:
    return nonzero(rng, 3) * X**2 + rng.randint(-6, 6) * X + rng.randint(-9, 9)


def _reciprocal(rng: random.Random) -> sp.Expr:
    return nonzero(rng, 6) / (X + rng.randint(-6, 6))


def _mobius(rng: random.Random) -> sp.Expr:
    while True:
        a, b, c, d = nonzero(rng, 4), rng.randint(-5, 5), nonzero(rng, 3), rng.randint(-5, 5)
        if a * d - b * c != 0:
            return (a * X + b) / (c * X + d)


def _define(name: str, f: sp.Expr) -> str:
    return f"{name}(x) = {tex(f)}"


def apply(chain: list[str], functions: dict[str, sp.Expr], value: sp.Expr) -> sp.Expr:
    """Apply the functions named in `chain`, innermost last: ["f", "g"] is f(g(value))."""
    for name in reversed(chain):
        value = sp.simplify(functions[name].subs(X, value))
        if not value.is_finite:
            raise ZeroDivisionError(name)
    return value


def _call(chain: list[str], argument: str) -> str:
    text = argument
    for name in reversed(chain):
        text = f"{name}\\left({text}\\right)" if "(" in text else f"{name}({text})"
    return text


@register
class CompositionValue(MathTemplate):
    name = "composition_value"
    area = "functions"
    description = "Numeric values of composed functions (linear, quadratic, reciprocal, fractional linear)."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            try:
                return self._attempt(rng, difficulty)
            except ZeroDivisionError:
                continue

    def _attempt(self, rng: random.Random, difficulty: int) -> MathItem:
        a = sp.Integer(rng.randint(-6, 6))
        terms: list[tuple[int, list[str], sp.Expr]]  # (sign, chain, input)
        if difficulty == 1:
            functions = {"f": _linear(rng), "g": _linear(rng)}
            terms = [(1, ["f", "g"], a)]
        elif difficulty == 2:
            pair = [_linear(rng), _quadratic(rng)]
            rng.shuffle(pair)
            functions = dict(zip(("f", "g"), pair, strict=True))
            terms = [(1, rng.choice((["f", "g"], ["g", "f"])), a)]
        elif difficulty == 3:
            if rng.random() < 0.5:
                functions = {"f": _quadratic(rng)}
                terms = [(1, ["f", "f"], a)]
            else:
                functions = {"f": _quadratic(rng), "g": _linear(rng)}
                terms = [(1, ["f", "g"], a), (-1, ["g", "f"], a)]
        elif difficulty == 4:
            kinds = [_linear(rng), _quadratic(rng), _reciprocal(rng)]
            rng.shuffle(kinds)
            functions = dict(zip(NAMES, kinds, strict=True))
            order = list(NAMES)
            rng.shuffle(order)
            terms = [(1, order, a)]
        elif rng.random() < 0.5:
            functions = {"f": _mobius(rng)}
            terms = [(1, ["f", "f", "f"], a)]
        else:
            functions = {"f": _quadratic(rng), "g": _linear(rng)}
            b = sp.Rational(nonzero(rng, 5), rng.choice((2, 3)))
            terms = [(1, ["f", "g"], sp.Rational(nonzero(rng, 5), 2)), (1, ["g", "f"], b)]
        value = sp.Add(*(s * apply(chain, functions, arg) for s, chain, arg in terms))
        if abs(value) > 10**6 or not value.is_Rational:
            raise ZeroDivisionError("too large")  # resample
        expression = ""
        for s, chain, arg in terms:
            call = _call(chain, tex(arg))
            expression = call if not expression else f"{expression} {'+' if s > 0 else '-'} {call}"
        definitions = ", ".join(f"${_define(n, functions[n])}$" for n in sorted(functions))
        question = one_of(
            rng,
            (
                "Let {defs}. Compute ${e}$.",
                "Given {defs}, find the value of ${e}$.",
                "Suppose {defs}. What is ${e}$?",
                "For the functions {defs}, evaluate ${e}$.",
            ),
            defs=definitions,
            e=expression,
        )
        metadata = {
            "functions": {n: encode(f) for n, f in functions.items()},
            "terms": [
                [s, chain, [int(sp.Rational(arg).p), int(sp.Rational(arg).q)]] for s, chain, arg in terms
            ],
        }
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
