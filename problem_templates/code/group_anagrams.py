"""Group words that are anagrams of each other (a nested result, groups in any order)."""

from __future__ import annotations

import random

from verigen.code.compare import Compare
from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def group_anagrams(words: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault("".join(sorted(word)), []).append(word)
    return list(groups.values())
"""

WRONG = (
    # keys on the set of letters, so 'aab' and 'abb' share a group
    """
def group_anagrams(words):
    groups = {}
    for word in words:
        groups.setdefault(frozenset(word), []).append(word)
    return list(groups.values())
""",
    # sorts the words inside each group instead of keeping input order
    """
def group_anagrams(words):
    groups = {}
    for word in words:
        groups.setdefault("".join(sorted(word)), []).append(word)
    return [sorted(group) for group in groups.values()]
""",
    # drops repeated words
    """
def group_anagrams(words):
    groups = {}
    for word in words:
        group = groups.setdefault("".join(sorted(word)), [])
        if word not in group:
            group.append(word)
    return list(groups.values())
""",
    # keys on the sum of character codes: 'ad' and 'bc' collide
    """
def group_anagrams(words):
    groups = {}
    for word in words:
        groups.setdefault(sum(map(ord, word)), []).append(word)
    return list(groups.values())
""",
)

PHRASINGS = (
    "Group the words that are anagrams of each other (the same letters, each used the same "
    "number of times). Return a list of groups; inside a group, keep the words in the order "
    "they appear in the input, including repeated words. The groups themselves may be listed "
    "in any order.",
    "Two words belong together when one is a rearrangement of the other's letters (with the "
    "same multiplicities). Partition the list of lower-case words into such classes and return "
    "them as a list of lists. Each inner list holds its words in input order, repeats included; "
    "the order of the inner lists does not matter. An empty input gives [].",
)


def _shuffled(rng: random.Random, word: str) -> str:
    letters = list(word)
    rng.shuffle(letters)
    return "".join(letters)


@register
class GroupAnagrams(CodeTemplate):
    name = "group_anagrams"
    area = "hashing"
    description = "Group anagrams; inner lists in input order, groups unordered (function)."
    style = "call"
    entry_point = "group_anagrams"
    signature = "def group_anagrams(words: list[str]) -> list[list[str]]:"
    reference = REFERENCE
    wrong_variants = WRONG
    compare = Compare(unordered=True)

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: number of words (6 .. 1500), number of anagram classes and word length grow
        # with difficulty; a small alphabet makes near-miss words ('aab' / 'abb') common.
        count = (6, 10, 40, 300, 1500)[difficulty - 1]
        classes = (2, 3, 8, 40, 150)[difficulty - 1]
        longest = (3, 4, 5, 7, 8)[difficulty - 1]
        letters = "".join(rng.sample("abcdefghijklmnopqrstuvwxyz", 4))

        def words(n: int, k: int) -> list[str]:
            bases = ["".join(rng.choice(letters) for _ in range(rng.randint(1, longest))) for _ in range(k)]
            return [_shuffled(rng, rng.choice(bases)) for _ in range(n)]

        x, y, z = rng.sample(("eat", "tea", "ate", "tan", "nat", "bat", "tab", "stop", "pots", "tops"), 3)
        examples = [[[x, y, z, y]], [words(6, 3)]]
        hidden = [
            [[]],
            [["abc"]],
            [["aab", "abb", "bab", "aba"]],
            [["ba", "ab", "ba", "ab"]],
            [["ad", "bc", "da", "cb"]],
            *([words(count, classes)] for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
