"""Laws of exponents: reduce a product/quotient of powers to a single power and report the exponent(s).

The answer is the exponent (or the tuple of exponents), never the expression itself, so a model
cannot pass by copying the question's expression back.
"""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import nonzero, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (number of factors, kinds of exponent, variables):
#   1  three powers of x, positive integer exponents <= 15 (product and quotient)
#   2  four factors with powers of powers and negative exponents
#   3  two variables x, y with a power of a product; answer the pair of exponents
#   4  roots and fractional exponents of x; rational answer
#   5  numeric bases that are powers of 2 or 3 (4, 8, 27, sqrt 3, 1/32...), or three variables
#      with roots; rational answers

T = sp.Symbol("t", positive=True)
VARS = sp.symbols("x y z", positive=True)


def _power(base: str, p: sp.Rational) -> str:
    if p == 1:
        return base
    if p.is_integer:
        return f"{base}^{{{p}}}"
    return f"{base}^{{\\frac{{{p.p}}}{{{p.q}}}}}" if p > 0 else f"{base}^{{-\\frac{{{-p.p}}}{{{p.q}}}}}"


def _fraction(top: list[str], bottom: list[str]) -> str:
    dot = " \\cdot "
    return "\\frac{" + dot.join(top) + "}{" + dot.join(bottom) + "}"


def _factor(rng: random.Random, names: list[str], difficulty: int) -> tuple[str, dict[str, sp.Rational]]:
    """One factor as LaTeX and the exponent it contributes to each variable."""
    kinds = {1: ("pow",), 2: ("pow", "powpow"), 3: ("pow", "group"), 4: ("pow", "root", "frac")}
    kind = rng.choice(kinds.get(difficulty, ("pow", "root", "group")))
    name = rng.choice(names)
    bound = 15 if difficulty == 1 else 7
    if kind == "pow":
        p = rng.randint(1, bound) if difficulty == 1 else nonzero(rng, bound)
        return _power(name, sp.Integer(p)), {name: sp.Integer(p)}
    if kind == "powpow":
        p, q = rng.choice((-5, -4, -3, -2, -1, 2, 3, 4, 5)), rng.choice((2, 3, 4, -2, -3))
        return f"\\left({_power(name, sp.Integer(p))}\\right)^{{{q}}}", {name: sp.Integer(p * q)}
    if kind == "frac":
        p = sp.Rational(nonzero(rng, 7), rng.choice((2, 3, 4, 5)))
        return _power(name, p), {name: p}
    if kind == "root":
        p, q = nonzero(rng, 7), rng.choice((2, 3, 4))
        index = "" if q == 2 else f"[{q}]"
        return f"\\sqrt{index}{{{_power(name, sp.Integer(p))}}}", {name: sp.Rational(p, q)}
    chosen = rng.sample(names, len(names))
    powers = {n: sp.Integer(nonzero(rng, 4)) for n in chosen}
    outer = rng.choice((2, 3, -1, -2))
    inner = " ".join(_power(n, powers[n]) for n in chosen)
    return f"\\left({inner}\\right)^{{{outer}}}", {n: p * outer for n, p in powers.items()}


def _symbolic(rng: random.Random, difficulty: int, names: list[str]) -> tuple[str, sp.Expr, list]:
    count = {1: 3, 2: 4, 3: 4, 4: 3, 5: 4}[difficulty]
    factors = [_factor(rng, names, difficulty) for _ in range(count)]
    split = rng.randint(1, count - 1) if difficulty > 1 else 2
    top, bottom = factors[:split], factors[split:]
    latex = _fraction([f for f, _ in top], [f for f, _ in bottom])
    symbols = {s.name: s for s in VARS}
    expr = sp.Mul(*(symbols[n] ** e for _, c in top for n, e in c.items())) / sp.Mul(
        *(symbols[n] ** e for _, c in bottom for n, e in c.items())
    )
    return latex, sp.powsimp(expr), [symbols[n] for n in names]


NUMERIC_BASES = {
    2: (
        ("4", 2),
        ("8", 3),
        ("16", 4),
        ("32", 5),
        ("\\sqrt{2}", sp.Rational(1, 2)),
        ("\\sqrt[3]{4}", sp.Rational(2, 3)),
    ),
    3: (
        ("9", 2),
        ("27", 3),
        ("81", 4),
        ("\\sqrt{3}", sp.Rational(1, 2)),
        ("\\sqrt[3]{9}", sp.Rational(2, 3)),
    ),
}


def _numeric(rng: random.Random) -> tuple[str, sp.Rational, int]:
    prime = rng.choice((2, 3))
    count = rng.randint(3, 4)
    factors = []
    for _ in range(count):
        text, log = rng.choice(NUMERIC_BASES[prime])
        e = nonzero(rng, 6)
        base = f"\\left({text}\\right)" if "sqrt" in text else text
        factors.append((f"{base}^{{{e}}}", T ** (sp.Rational(log) * e)))
    split = rng.randint(1, count - 1)
    top, bottom = factors[:split], factors[split:]
    latex = _fraction([f for f, _ in top], [f for f, _ in bottom])
    expr = sp.Mul(*(v for _, v in top)) / sp.Mul(*(v for _, v in bottom))
    return latex, sp.powsimp(expr).as_base_exp()[1] if expr != 1 else sp.Integer(0), prime


@register
class ExponentRules(MathTemplate):
    name = "exponent_rules"
    area = "algebra"
    description = "Reduce products and quotients of powers, roots and powers of powers to single powers."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty == 5 and rng.random() < 0.5:
            while True:
                latex, exponent, prime = _numeric(rng)
                if exponent != 0:
                    break
            question = one_of(
                rng,
                (
                    "Write ${e}$ as a power of ${b}$, that is as ${b}^{{n}}$. What is $n$?",
                    "The number ${e}$ equals ${b}^{{n}}$. Find $n$.",
                    "For which exponent $n$ is ${b}^{{n}} = {e}$?",
                ),
                e=latex,
                b=prime,
            )
            metadata = {"kind": "numeric", "latex": latex, "base": prime}
            atype = AnswerType.INTEGER if exponent.is_integer else AnswerType.RATIONAL
            return MathItem(question, exponent, atype, metadata)
        names = ["x"] if difficulty in (1, 2, 4) else ["x", "y"] if difficulty == 3 else ["x", "y", "z"]
        while True:
            latex, expr, symbols = _symbolic(rng, difficulty, names)
            powers = expr.as_powers_dict()
            exponents = [sp.Rational(powers.get(s, 0)) for s in symbols]
            if all(e != 0 for e in exponents):
                break
        metadata = {"kind": "symbolic", "latex": latex, "variables": names}
        if len(names) == 1:
            question = one_of(
                rng,
                (
                    "Simplify ${e}$ to the form $x^{{n}}$ (with $x > 0$). What is $n$?",
                    "For $x > 0$, the expression ${e}$ equals $x^{{n}}$. Find $n$.",
                    "Write ${e}$ as a single power of $x$, assuming $x > 0$. Give the exponent.",
                ),
                e=latex,
            )
            (exponent,) = exponents
            atype = AnswerType.INTEGER if exponent.is_integer else AnswerType.RATIONAL
            return MathItem(question, exponent, atype, metadata)
        form = " ".join(f"{n}^{{{letter}}}" for n, letter in zip(names, "abc", strict=False))
        pair = ", ".join("abc"[: len(names)])
        question = one_of(
            rng,
            (
                "For positive ${vars}$, the expression ${e}$ can be written as ${form}$. Give the ordered "
                "tuple $({pair})$.",
                "Simplify ${e}$ (all variables positive) to the form ${form}$ and state $({pair})$.",
                "Assuming ${vars}$ are positive, write ${e}$ as ${form}$. What is $({pair})$?",
            ),
            e=latex,
            form=form,
            pair=pair,
            vars=", ".join(names),
        )
        return MathItem(question, sp.Tuple(*exponents), AnswerType.TUPLE, metadata)
