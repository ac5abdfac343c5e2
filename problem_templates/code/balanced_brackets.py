"""Whether the brackets ()[]{} in a text are balanced and properly nested (a bool result)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def is_balanced(text: str) -> bool:
    partner = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in partner:
            if not stack or stack.pop() != partner[ch]:
                return False
    return not stack
"""

WRONG = (
    # counts each kind separately and ignores how they nest: '([)]' passes
    """
def is_balanced(text):
    depth = {"(": 0, "[": 0, "{": 0}
    opener = {")": "(", "]": "[", "}": "{"}
    for ch in text:
        if ch in depth:
            depth[ch] += 1
        elif ch in opener:
            depth[opener[ch]] -= 1
            if depth[opener[ch]] < 0:
                return False
    return all(v == 0 for v in depth.values())
""",
    # forgets that openers left on the stack at the end are unbalanced
    """
def is_balanced(text):
    partner = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in partner:
            if not stack or stack.pop() != partner[ch]:
                return False
    return True
""",
    # a closer with nothing open is silently skipped
    """
def is_balanced(text):
    partner = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in text:
        if ch in "([{":
            stack.append(ch)
        elif ch in partner and stack:
            if stack.pop() != partner[ch]:
                return False
    return not stack
""",
    # only compares how many openers and closers there are of each kind
    """
def is_balanced(text):
    return all(text.count(a) == text.count(b) for a, b in ("()", "[]", "{}"))
""",
)

PHRASINGS = (
    "Return True if the brackets in the text are balanced, otherwise False. The brackets are "
    "(), [] and {}; every other character is ignored. Balanced means every closing bracket "
    "matches the most recent unmatched opening bracket of the same kind, and no opening bracket "
    "is left unmatched at the end. The empty string is balanced.",
    "Decide whether a string is properly bracketed. Only the characters ( ) [ ] { } matter; "
    "letters, digits, spaces and other symbols are skipped. The string is properly bracketed "
    "when the brackets pair up so that each pair encloses a properly bracketed part, as in "
    "'a(b[c]{d})e', but not ')(' or '([)]'. Return a bool.",
)

PAIRS = ("()", "[]", "{}")


def _balanced(rng: random.Random, pairs: int, filler: str) -> str:
    out: list[str] = []
    stack: list[str] = []
    opened = 0
    while opened < pairs or stack:
        if rng.random() < 0.25:
            out.append(rng.choice(filler))
        if opened < pairs and (not stack or rng.random() < 0.55):
            pair = rng.choice(PAIRS)
            out.append(pair[0])
            stack.append(pair[1])
            opened += 1
        else:
            out.append(stack.pop())
    return "".join(out)


def _mutated(rng: random.Random, text: str) -> str:
    chars = list(text)
    positions = [i for i, ch in enumerate(chars) if ch in "()[]{}"]
    if not positions:
        return text + ")"
    roll, at = rng.random(), rng.choice(positions)
    if roll < 0.3:
        del chars[at]
    elif roll < 0.6:
        other = rng.choice(positions)
        chars[at], chars[other] = chars[other], chars[at]
    else:
        chars[at] = rng.choice([b for b in "()[]{}" if b != chars[at]])
    return "".join(chars)


@register
class BalancedBrackets(CodeTemplate):
    name = "balanced_brackets"
    area = "parsing"
    description = "Are the ()[]{} brackets in a text balanced and nested properly? (function, bool)"
    style = "call"
    entry_point = "is_balanced"
    signature = "def is_balanced(text: str) -> bool:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: number of bracket pairs (3 .. 2000) grows; about half the hidden texts are
        # balanced and half are one mutation (delete, swap, replace) away from balanced.
        pairs = (3, 6, 20, 200, 2000)[difficulty - 1]
        filler = "".join(rng.sample("abcdefxyz0123+-* ", 5))

        def case() -> list[str]:
            text = _balanced(rng, pairs, filler)
            return [text if rng.random() < 0.5 else _mutated(rng, text)]

        examples = [[_balanced(rng, 4, filler)], [_mutated(rng, _balanced(rng, 4, filler))]]
        hidden = [
            [""],
            ["([)]"],
            ["(("],
            ["())"],  # an unmatched closer at the end
            ["x)(y"],
            ["{a[b(c)d]e}"],
            *(case() for _ in range(6)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
