"""Run-length encode a string: each maximal run becomes the character and the run length."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def run_length_encode(s: str) -> str:
    if not s:
        return ""
    parts = []
    current, count = s[0], 1
    for ch in s[1:]:
        if ch == current:
            count += 1
        else:
            parts.append(f"{current}{count}")
            current, count = ch, 1
    parts.append(f"{current}{count}")
    return "".join(parts)
"""

WRONG = (
    # drops the last run
    """
def run_length_encode(s):
    parts, current, count = [], None, 0
    for ch in s:
        if ch == current:
            count += 1
        else:
            if current is not None:
                parts.append(f"{current}{count}")
            current, count = ch, 1
    return "".join(parts)
""",
    # omits counts of 1
    """
def run_length_encode(s):
    import itertools
    out = []
    for ch, group in itertools.groupby(s):
        n = len(list(group))
        out.append(ch + (str(n) if n > 1 else ""))
    return "".join(out)
""",
    # counts characters globally instead of runs
    """
def run_length_encode(s):
    from collections import Counter
    return "".join(f"{ch}{n}" for ch, n in Counter(s).items())
""",
)


def _runs(rng: random.Random, alphabet: str, runs: int, longest: int) -> str:
    out, previous = [], ""
    for _ in range(runs):
        ch = rng.choice([c for c in alphabet if c != previous])
        out.append(ch * rng.randint(1, longest))
        previous = ch
    return "".join(out)


@register
class RunLengthEncode(CodeTemplate):
    name = "run_length_encode"
    area = "strings"
    description = "Run-length encode a string (function)."
    style = "call"
    entry_point = "run_length_encode"
    signature = "def run_length_encode(s: str) -> str:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: alphabet size, number of runs and run length grow with difficulty.
        alphabet = "abcdefghijklmnopqrstuvwxyz"[: (2, 3, 5, 10, 26)[difficulty - 1]]
        runs, longest = (3, 5, 10, 40, 300)[difficulty - 1], (3, 4, 9, 15, 30)[difficulty - 1]
        x, y = rng.sample(alphabet, 2)
        examples = [[_runs(rng, alphabet, 3, 3)], [x + x + y + x + x], [_runs(rng, "abcdefgh", 4, 4)]]
        hidden = [[""], [x], [y * 12 + x], *([_runs(rng, alphabet, runs, longest)] for _ in range(6))]
        statement = (
            "Run-length encode a string: replace every maximal run of one repeated character with "
            "that character followed by the length of the run, in order (for example 'aaabcc' "
            "becomes 'a3b1c2'; runs of length 1 keep their '1'). The empty string encodes to ''."
        )
        return CodeItem(statement, examples, hidden)
