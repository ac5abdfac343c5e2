"""Caesar cipher: shift letters around the alphabet, keep case, leave everything else alone."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def caesar_shift(text: str, k: int) -> str:
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - ord("a") + k) % 26 + ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - ord("A") + k) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)
"""

WRONG = (
    # no wrap-around past 'z'
    """
def caesar_shift(text, k):
    return "".join(chr(ord(ch) + k) if ch.isalpha() else ch for ch in text)
""",
    # loses the case: every letter comes out lower case
    """
def caesar_shift(text, k):
    out = []
    for ch in text:
        if ch.isalpha():
            out.append(chr((ord(ch.lower()) - 97 + k) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)
""",
    # negative shifts go the wrong way (uses the size of k only)
    """
def caesar_shift(text, k):
    k = abs(k) % 26
    out = []
    for ch in text:
        if ch.islower():
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif ch.isupper():
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
""",
    # shifts digits too
    """
def caesar_shift(text, k):
    out = []
    for ch in text:
        if ch.islower():
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif ch.isupper():
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        elif ch.isdigit():
            out.append(str((int(ch) + k) % 10))
        else:
            out.append(ch)
    return "".join(out)
""",
)

PHRASINGS = (
    "Apply a Caesar shift of k to the text: every ASCII letter moves k places forward in the "
    "alphabet, wrapping from z back to a (a negative k moves backward). Upper-case letters stay "
    "upper case and lower-case letters stay lower case; every other character (digits, spaces, "
    "punctuation) is left unchanged. k may be any integer, including values beyond 26.",
    "Encrypt a string with a rotation cipher. Each letter a-z or A-Z is replaced by the letter k "
    "positions later in the alphabet, cyclically, keeping its case; k can be negative (rotate "
    "backwards) or larger than 26 in absolute value. Characters that are not ASCII letters are "
    "copied as they are.",
)

WORDS = ("hello", "world", "zebra", "quiz", "apple", "yak", "code", "xray", "jump", "vivid", "moon")


def _text(rng: random.Random, words: int) -> str:
    parts = []
    for _ in range(words):
        word = rng.choice(WORDS)
        roll = rng.random()
        word = word.upper() if roll < 0.2 else word.capitalize() if roll < 0.4 else word
        if rng.random() < 0.2:
            word += str(rng.randint(0, 99))
        parts.append(word + rng.choice(("", "", ",", "!", "?", ".")))
    return " ".join(parts)


@register
class CaesarShift(CodeTemplate):
    name = "caesar_shift"
    area = "strings"
    description = "Caesar shift of letters by k, case kept, wrap-around, negative k (function)."
    style = "call"
    entry_point = "caesar_shift"
    signature = "def caesar_shift(text: str, k: int) -> str:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: text length (3 .. 200 words) and the range of k grow with difficulty:
        # small positive shifts at 1, negative at 3, far beyond 26 at 4-5.
        words = (3, 6, 15, 60, 200)[difficulty - 1]
        low, high = ((1, 5), (1, 25), (-25, 25), (-200, 200), (-(10**9), 10**9))[difficulty - 1]

        def shift() -> int:
            return rng.randint(low, high)

        examples = [[_text(rng, 3), rng.randint(1, 25)], [_text(rng, 2), -rng.randint(1, 25)]]
        hidden = [
            ["", shift()],
            ["xyz XYZ", 3],
            ["Abc-Def 42!", -1],
            ["wrap around", 26 * rng.randint(1, 4)],
            ["Zz9", rng.randint(1, 25)],
            *([_text(rng, words), shift()] for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
