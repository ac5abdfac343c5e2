"""Longest palindromic substring, the leftmost one when several share the maximum length."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def longest_palindrome(s: str) -> str:
    best_start, best_len = 0, 0
    for center in range(2 * len(s) - 1):
        lo, hi = center // 2, center // 2 + center % 2
        while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
            lo -= 1
            hi += 1
        length = hi - lo - 1
        if length > best_len:
            best_start, best_len = lo + 1, length
    return s[best_start : best_start + best_len]
"""

WRONG = (
    # keeps the last of the longest palindromes instead of the first
    """
def longest_palindrome(s):
    best = ""
    for i in range(len(s)):
        for j in range(i + 1, len(s) + 1):
            t = s[i:j]
            if t == t[::-1] and len(t) >= len(best):
                best = t
    return best
""",
    # only odd-length palindromes (expands around single characters only)
    """
def longest_palindrome(s):
    best = ""
    for c in range(len(s)):
        lo, hi = c, c
        while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
            lo -= 1
            hi += 1
        if hi - lo - 1 > len(best):
            best = s[lo + 1 : hi]
    return best
""",
    # off-by-one: never considers substrings that end at the last character
    """
def longest_palindrome(s):
    best = s[:1]
    for i in range(len(s)):
        for j in range(i + 1, len(s)):
            t = s[i:j]
            if t == t[::-1] and len(t) > len(best):
                best = t
    return best
""",
)

PHRASINGS = (
    "Return the longest contiguous substring of s that reads the same forwards and backwards. "
    "If several substrings share the maximum length, return the one that starts earliest. The "
    "empty string gives ''.",
    "A palindrome reads the same left to right and right to left. Find the longest palindromic "
    "substring (a contiguous run of characters) of the given string; on a tie in length, the "
    "leftmost one wins. For an empty input return the empty string.",
    "Given a string s, return its longest substring that is a palindrome. Substrings are "
    "contiguous. When more than one palindrome has the greatest length, return the one with the "
    "smallest starting index; return '' when s is empty.",
)


def _text(rng: random.Random, letters: str, length: int) -> str:
    return "".join(rng.choice(letters) for _ in range(length))


@register
class LongestPalindrome(CodeTemplate):
    name = "longest_palindrome"
    area = "strings"
    description = "Longest palindromic substring, leftmost on ties (function)."
    style = "call"
    entry_point = "longest_palindrome"
    signature = "def longest_palindrome(s: str) -> str:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: string length grows (8 .. 400) and the alphabet widens (2 .. 4 letters) with
        # difficulty; small alphabets make long and tied palindromes likely.
        length = (8, 15, 40, 120, 400)[difficulty - 1]
        width = (2, 3, 3, 4, 4)[difficulty - 1]
        a, b, c, d = rng.sample("abcdefghijklmnopqrstuvwxyz", 4)
        letters = "".join(rng.sample("abcdefghijklmnopqrstuvwxyz", width))
        examples = [[_text(rng, a + b + c, rng.randint(9, 13))], [f"{c}{a}{b}{b}{a}{d}"]]
        hidden = [
            [""],
            [a],
            [a + b + c],  # all distinct: the first character
            [a + b + a + c + d + c],  # two of length 3: the leftmost
            [a + b + b + a + c],  # even length
            [c + d + a + b + c + b + a],  # the longest ends at the last character
            [a * 7],
            *([_text(rng, letters, length)] for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
