"""A stdin/stdout program: the k most frequent words of a text."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
import sys
from collections import Counter

first, _, text = sys.stdin.read().partition("\\n")
k = int(first)
counts = Counter(text.lower().split())
for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:k]:
    print(word, count)
"""

WRONG = (
    # ties in reverse alphabetical order
    """
import sys
from collections import Counter
first, _, text = sys.stdin.read().partition("\\n")
counts = Counter(text.lower().split())
for word, count in sorted(counts.items(), key=lambda item: (item[1], item[0]), reverse=True)[: int(first)]:
    print(word, count)
""",
    # case-sensitive counting
    """
import sys
from collections import Counter
first, _, text = sys.stdin.read().partition("\\n")
counts = Counter(text.split())
for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[: int(first)]:
    print(word.lower(), count)
""",
    # Counter.most_common keeps first-seen order on ties
    """
import sys
from collections import Counter
first, _, text = sys.stdin.read().partition("\\n")
for word, count in Counter(text.lower().split()).most_common(int(first)):
    print(word, count)
""",
)

WORDS = ("apple", "kiwi", "fig", "pear", "plum", "lime", "date", "grape", "mango", "melon", "peach", "berry")


def _case(rng: random.Random, word: str) -> str:
    return word.upper() if rng.random() < 0.2 else word.capitalize() if rng.random() < 0.2 else word


@register
class WordFrequency(CodeTemplate):
    name = "word_frequency"
    area = "strings"
    description = "Top-k words by frequency, ties alphabetical, case-insensitive (stdin/stdout program)."
    style = "stdio"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: text length and vocabulary grow with difficulty.
        length, vocab = (8, 15, 60, 500, 5000)[difficulty - 1], (4, 6, 8, 10, 12)[difficulty - 1]

        def text(k: int) -> str:
            words = [_case(rng, rng.choice(WORDS[:vocab])) for _ in range(length)]
            lines = [" ".join(words[i : i + 7]) for i in range(0, len(words), 7)]
            return f"{k}\n" + "\n".join(lines) + "\n"

        examples = [
            "2\nthe cat and the hat\nThe end\n",
            "3\nfig Fig kiwi apple KIWI date\n",
            # A drawn example, so that prompts differ between problems, not only hidden tests.
            f"{rng.randint(1, 3)}\n" + " ".join(_case(rng, rng.choice(WORDS[:6])) for _ in range(7)) + "\n",
        ]
        hidden = [
            "2\nplum pear pear plum fig\n",
            "1\nLime lime LIME kiwi kiwi\n",
            "3\nzeta alpha zeta mid alpha\nmid\n",
            *(text(rng.randint(1, vocab)) for _ in range(4)),
        ]
        statement = (
            "The first line of the input holds k; the rest is a text of words separated by spaces "
            "and newlines. Words are compared case-insensitively. Print the k most frequent words "
            "in lower case, one per line as `word count`, most frequent first; words with equal "
            "counts are ordered alphabetically."
        )
        return CodeItem(statement, examples, hidden)
