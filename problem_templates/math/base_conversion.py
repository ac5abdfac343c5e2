"""Positional number systems: convert between bases, and add or multiply in base b.

Answers in a base b <= 10 are written with their digits read as a decimal integer (1011 for
1011 in base 2); the question says so. Conversions into base 10 are plain integers.
"""

from __future__ import annotations

import random

import sympy as sp
from sympy.ntheory import digits as to_digits

from problem_templates.math._helpers import one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (bases involved, number of digits, arithmetic in the base):
#   1  a binary number with 5-12 digits to base 10
#   2  a base-3..9 number with 3-5 digits to base 10, or a hexadecimal number with 2-4 digits
#   3  a base-10 number below 5000 to base 2..9
#   4  from base b to base c (2 <= b, c <= 9, b != c)
#   5  sum or product of two base-b numbers, answer in base b

DIGIT_NOTE = " Write the answer using its digits only, without a subscript."
HEX = "0123456789ABCDEF"


def _in_base(n: int, base: int) -> str:
    return "".join(HEX[d] for d in to_digits(n, base)[1:])


def _value(text: str, base: int) -> sp.Integer:
    total = sp.Integer(0)
    for ch in text:
        total = total * base + HEX.index(ch)
    return total


def _numeral(text: str, base: int) -> str:
    return f"{text}_{{{base}}}"


@register
class BaseConversion(MathTemplate):
    name = "base_conversion"
    area = "number_theory"
    description = "Convert integers between bases 2-16 and do arithmetic in base b; integer answers."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty in (1, 2):
            if difficulty == 1:
                base, n = 2, rng.randint(16, 4095)  # 5 to 12 binary digits
            else:
                base = rng.choice((3, 4, 5, 6, 7, 8, 9, 16))
                length = rng.randint(2, 4) if base == 16 else rng.randint(3, 5)
                n = rng.randint(base ** (length - 1), base**length - 1)
            text = _in_base(n, base)
            question = one_of(
                rng,
                (
                    "Convert ${x}$ to base $10$.",
                    "What is the base-ten value of the base-{b} numeral ${x}$?",
                    "The number ${x}$ is written in base ${b}$. Write it in decimal.",
                    "Express ${x}$ as an ordinary (base-10) integer.",
                ),
                x=_numeral(text, base),
                b=base,
            )
            metadata = {"kind": "to_decimal", "digits": text, "base": base}
            return MathItem(question, _value(text, base), AnswerType.INTEGER, metadata)
        if difficulty == 3:
            base, n = rng.randint(2, 9), rng.randint(20, 4999)
            question = one_of(
                rng,
                (
                    "Write the decimal number ${n}$ in base ${b}$.",
                    "Convert ${n}_{{10}}$ to base ${b}$.",
                    "What is ${n}$ when written in base ${b}$?",
                ),
                n=n,
                b=base,
            )
            metadata = {"kind": "from_decimal", "n": n, "base": base}
            return MathItem(
                question + DIGIT_NOTE, sp.Integer(_in_base(n, base)), AnswerType.INTEGER, metadata
            )
        if difficulty == 4:
            source, target = rng.sample(range(2, 10), 2)
            n = rng.randint(source**2, min(source**6, 9999))
            text = _in_base(n, source)
            question = one_of(
                rng,
                (
                    "Convert ${x}$ to base ${c}$.",
                    "The numeral ${x}$ is in base ${b}$. Rewrite the same number in base ${c}$.",
                    "Express the base-{b} number ${x}$ in base ${c}$.",
                ),
                x=_numeral(text, source),
                b=source,
                c=target,
            )
            metadata = {"kind": "between", "digits": text, "base": source, "target": target}
            answer = sp.Integer(_in_base(n, target))
            return MathItem(question + DIGIT_NOTE, answer, AnswerType.INTEGER, metadata)
        base = rng.randint(3, 9)
        op = rng.choice(("+", "*"))
        top = base**4 if op == "+" else base**2 * 2
        u, v = rng.randint(base, top), rng.randint(base, top)
        a, b = _in_base(u, base), _in_base(v, base)
        symbol = "+" if op == "+" else "\\times"
        question = one_of(
            rng,
            (
                "Compute ${a} {s} {b}$ and give the result in base ${base}$.",
                "In base ${base}$, what is ${a} {s} {b}$? Answer in base ${base}$.",
                "Evaluate ${a} {s} {b}$, writing the answer in base ${base}$.",
            ),
            a=_numeral(a, base),
            b=_numeral(b, base),
            s=symbol,
            base=base,
        )
        metadata = {"kind": "arithmetic", "operands": [a, b], "op": op, "base": base}
        x, y = _value(a, base), _value(b, base)
        answer = sp.Integer(_in_base(int(x + y if op == "+" else x * y), base))
        return MathItem(question + DIGIT_NOTE, answer, AnswerType.INTEGER, metadata)
