"""Decimals to fractions: terminating and repeating decimals written as fractions in lowest terms.

A terminating decimal is equal to its own fraction, so copying it back would pass; for those the
question asks for p + q of the reduced fraction p/q instead.
"""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (length of the repeating block, a non-repeating part, number of decimals):
#   1  terminating decimal with 1-4 decimal places (integer part < 100); answer p + q of p/q
#   2  purely repeating block of 1-2 digits, integer part 0-99
#   3  one non-repeating digit then a repeating block of 1-2 digits, integer part 0-99
#   4  up to two non-repeating digits and a repeating block of 3 digits, integer part 0-99
#   5  the sum or difference of two repeating decimals (levels 2-3 shapes)

LEVELS = {2: (0, 0, 1, 2, 99), 3: (1, 1, 1, 2, 99), 4: (1, 2, 3, 3, 99)}


def _minimal_block(block: str) -> bool:
    n = len(block)
    return not any(n % k == 0 and block == block[:k] * (n // k) for k in range(1, n))


def repeating(rng: random.Random, pre_lo: int, pre_hi: int, rep_lo: int, rep_hi: int, whole_hi: int):
    """A canonical repeating decimal (integer part, pre-period digits, period digits)."""
    while True:
        whole = rng.randint(0, whole_hi)
        pre = "".join(rng.choice("0123456789") for _ in range(rng.randint(pre_lo, pre_hi)))
        block = "".join(rng.choice("0123456789") for _ in range(rng.randint(rep_lo, rep_hi)))
        if set(block) <= {"0"} or set(block) <= {"9"} or not _minimal_block(block):
            continue
        if pre and pre[-1] == block[-1]:  # 0.1\overline{21} is really 0.\overline{12}
            continue
        return whole, pre, block


def value_of(whole: int, pre: str, block: str) -> sp.Rational:
    shift = sp.Integer(10) ** len(pre)
    fixed = sp.Integer(whole) + (sp.Rational(int(pre), shift) if pre else 0)
    return fixed + sp.Rational(int(block), (sp.Integer(10) ** len(block) - 1) * shift)


def latex_of(whole: int, pre: str, block: str) -> str:
    return f"{whole}.{pre}\\overline{{{block}}}"


@register
class RepeatingDecimal(MathTemplate):
    name = "repeating_decimal"
    area = "arithmetic"
    description = "Convert terminating and repeating decimals to fractions in lowest terms."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty == 1:
            while True:
                places = rng.randint(1, 4)
                digits = rng.randint(1, 10 ** (places + 2) - 1)  # integer part up to 99
                if digits % 10:  # no trailing zero, and so not an integer
                    break
            value = sp.Rational(digits, 10**places)
            padded = str(digits).rjust(places + 1, "0")
            text = f"{padded[:-places]}.{padded[-places:]}"
            p, q = value.p, value.q
            question = one_of(
                rng,
                (
                    "Write ${d}$ as a fraction $\\frac{{p}}{{q}}$ in lowest terms. What is $p + q$?",
                    "When ${d}$ is expressed as a reduced fraction $\\frac{{p}}{{q}}$, find $p + q$.",
                    "The decimal ${d}$ equals $\\frac{{p}}{{q}}$ with $p$ and $q$ coprime positive "
                    "integers. Compute $p + q$.",
                ),
                d=text,
            )
            metadata = {"kind": "terminating", "decimal": text}
            return MathItem(question, sp.Integer(p + q), AnswerType.INTEGER, metadata)
        if difficulty <= 4:
            parts = repeating(rng, *LEVELS[difficulty])
            question = one_of(
                rng,
                (
                    "Write the repeating decimal ${d}$ as a fraction in lowest terms.",
                    "Express ${d}$ as a common fraction in simplest form.",
                    "Convert ${d}$ to a fraction.",
                    "Which fraction in lowest terms is equal to ${d}$?",
                ),
                d=latex_of(*parts),
            )
            metadata = {"kind": "repeating", "decimals": [list(parts)], "signs": [1]}
            return MathItem(question, value_of(*parts), AnswerType.RATIONAL, metadata)
        while True:
            first = repeating(rng, *LEVELS[rng.choice((2, 3))])
            second = repeating(rng, *LEVELS[rng.choice((2, 3))])
            sign = rng.choice((1, -1))
            answer = value_of(*first) + sign * value_of(*second)
            if not answer.is_integer:
                break
        op = "+" if sign > 0 else "-"
        question = one_of(
            rng,
            (
                "Compute ${a} {op} {b}$ and write the result as a fraction in lowest terms.",
                "Express ${a} {op} {b}$ as a single fraction in simplest form.",
                "Find the exact value of ${a} {op} {b}$ as a fraction.",
            ),
            a=latex_of(*first),
            b=latex_of(*second),
            op=op,
        )
        metadata = {"kind": "repeating", "decimals": [list(first), list(second)], "signs": [1, sign]}
        return MathItem(question, answer, AnswerType.RATIONAL, metadata)
