"""Write an integer in base 2..36 (digits 0-9 then A-Z, a leading '-' for negatives)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def to_base(n: int, base: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if n == 0:
        return "0"
    sign, n = ("-", -n) if n < 0 else ("", n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))
"""

WRONG = (
    # zero comes out as the empty string
    """
def to_base(n, base):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    sign, n = ("-", -n) if n < 0 else ("", n)
    out = ""
    while n > 0:
        out = digits[n % base] + out
        n //= base
    return sign + out
""",
    # forgets to reverse: least significant digit first
    """
def to_base(n, base):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if n == 0:
        return "0"
    sign, n = ("-", -n) if n < 0 else ("", n)
    out = ""
    while n:
        out += digits[n % base]
        n //= base
    return sign + out
""",
    # lower-case letter digits
    """
def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign, n = ("-", -n) if n < 0 else ("", n)
    out = ""
    while n:
        out = digits[n % base] + out
        n //= base
    return sign + out
""",
    # drops the sign of negative numbers
    """
def to_base(n, base):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    n = abs(n)
    if n == 0:
        return "0"
    out = ""
    while n:
        out = digits[n % base] + out
        n //= base
    return out
""",
)

PHRASINGS = (
    "Return the representation of the integer n in the given base (2 <= base <= 36). Digits "
    "beyond 9 are the upper-case letters A (10) to Z (35). Negative numbers get a leading '-', "
    "zero is written '0', and there are no leading zeros and no prefix such as '0x'.",
    "Convert n to a string of base-`base` digits, most significant first, for any base from 2 "
    "to 36, using 0-9 and then A-Z for the values 10 to 35. A negative n is written as '-' "
    "followed by the digits of -n; 0 is '0'. Do not add leading zeros or prefixes.",
)


@register
class ToBase(CodeTemplate):
    name = "to_base"
    area = "math"
    description = "Integer to a base-2..36 string, A-Z digits, sign and zero handled (function)."
    style = "call"
    entry_point = "to_base"
    signature = "def to_base(n: int, base: int) -> str:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: magnitude of n (100 .. 1e30) grows, negatives appear from difficulty 2, and the
        # bases widen from {2, 8, 10, 16} to anything in 2..36.
        bound = (100, 10**4, 10**6, 10**12, 10**30)[difficulty - 1]
        bases = (2, 8, 10, 16) if difficulty <= 2 else tuple(range(2, 37))

        def case() -> list:
            n = rng.randint(0 if difficulty == 1 else -bound, bound)
            return [n, rng.choice(bases)]

        b = rng.randint(2, 36)
        examples = [[rng.randint(100, 10**5), 16], [rng.randint(-(10**6), 10**6), rng.randint(2, 36)]]
        hidden = [
            [0, rng.choice(bases)],
            [b, b],
            [-rng.randint(1, bound), 2],
            [rng.randint(10**3, 10**6), 36],
            [rng.randint(10, 35), 36],
            *(case() for _ in range(6)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
