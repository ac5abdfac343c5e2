"""A stdin/stdout program: convert each line between Roman numerals and integers (both ways)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
import sys

TABLE = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALUE = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

def to_roman(n):
    out = []
    for value, symbol in TABLE:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)

def from_roman(text):
    total = 0
    for i, ch in enumerate(text):
        value = VALUE[ch]
        if i + 1 < len(text) and VALUE[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total

lines = sys.stdin.read().split()
for token in lines[1 : 1 + int(lines[0])]:
    print(to_roman(int(token)) if token.isdigit() else from_roman(token))
"""

_BODY = """
import sys
VALUE = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
TABLE = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
def to_roman(n):
    out = ""
    for value, symbol in TABLE:
        while n >= value:
            out += symbol
            n -= value
    return out
def from_roman(text):
    total = 0
    for i, ch in enumerate(text):
        if i + 1 < len(text) and VALUE[text[i + 1]] > VALUE[ch]:
            total -= VALUE[ch]
        else:
            total += VALUE[ch]
    return total
OVERRIDE
lines = sys.stdin.read().split()
for token in lines[1 : 1 + int(lines[0])]:
    print(to_roman(int(token)) if token.isdigit() else from_roman(token))
"""

WRONG = (
    # reading adds every symbol: IV becomes 6
    _BODY.replace(
        "OVERRIDE",
        "def from_roman(text):\n    return sum(VALUE[ch] for ch in text)",
    ),
    # writing without the subtractive forms: 4 becomes IIII
    _BODY.replace(
        "OVERRIDE",
        'TABLE = [(1000, "M"), (500, "D"), (100, "C"), (50, "L"), (10, "X"), (5, "V"), (1, "I")]',
    ),
    # writing knows IV and IX but forgets CM, CD, XC and XL
    _BODY.replace(
        "OVERRIDE",
        'TABLE = [(1000, "M"), (500, "D"), (100, "C"), (50, "L"), (10, "X"), (9, "IX"), (5, "V"), '
        '(4, "IV"), (1, "I")]',
    ),
    # reading right to left, subtracting when a symbol is not larger than the one after it
    _BODY.replace(
        "OVERRIDE",
        "def from_roman(text):\n"
        "    total, last = 0, 0\n"
        "    for ch in reversed(text):\n"
        "        total += -VALUE[ch] if VALUE[ch] <= last else VALUE[ch]\n"
        "        last = VALUE[ch]\n"
        "    return total",
    ),
)

PHRASINGS = (
    "The first line of the input holds q; each of the next q lines holds either a positive "
    "integer from 1 to 3999 or a Roman numeral for such a number. For each line print the other "
    "form: the Roman numeral for an integer, the integer for a numeral. Use the standard "
    "symbols I=1, V=5, X=10, L=50, C=100, D=500, M=1000 and the subtractive forms IV, IX, XL, "
    "XC, CD, CM (so 4 is IV, 1994 is MCMXCIV); all numerals in the input are written this way.",
    "Convert between integers and Roman numerals. Input: q, then q lines, each an integer in "
    "1..3999 (digits) or an upper-case Roman numeral in standard form. Output: one line per "
    "input line, in order, with the conversion (integer -> numeral, numeral -> integer). "
    "Standard form writes 4, 9, 40, 90, 400 and 900 as IV, IX, XL, XC, CD and CM and never "
    "repeats a symbol more than three times in a row.",
)

_TABLE = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _roman(n: int) -> str:
    out = []
    for value, symbol in _TABLE:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def _text(rng: random.Random, numbers: list[int]) -> str:
    tokens = [_roman(n) if rng.random() < 0.5 else str(n) for n in numbers]
    return f"{len(tokens)}\n" + "".join(t + "\n" for t in tokens)


def _fixed(tokens: list[str]) -> str:
    return f"{len(tokens)}\n" + "".join(t + "\n" for t in tokens)


@register
class RomanNumerals(CodeTemplate):
    name = "roman_numerals"
    area = "parsing"
    description = "Convert lines between Roman numerals and integers, both directions (stdin/stdout program)."
    style = "stdio"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: the largest number (20 .. 3999) and the number of lines (3 .. 500) grow.
        top = (20, 100, 500, 3999, 3999)[difficulty - 1]
        count = (3, 6, 15, 100, 500)[difficulty - 1]

        def numbers(n: int, hi: int) -> list[int]:
            return [rng.randint(1, hi) for _ in range(n)]

        examples = [_fixed(["1994", "XLII"]), _text(rng, numbers(4, 3999))]
        hidden = [
            _fixed(["1", "I", "3999", "MMMCMXCIX"]),
            _fixed(["4", "9", "IV", "IX", "XIV"]),
            _fixed(["40", "90", "400", "900", "XL", "CD", "CM"]),
            _fixed(["II", "III", "XX", "CCC", "MM"]),
            *(_text(rng, numbers(count, top)) for _ in range(4)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
