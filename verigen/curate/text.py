"""Text normalisation and the token views that dedup, decontamination and filters share.

Normalising first means "x + 4" and "x+4", `\\dfrac` and `\\frac`, `$\\,x$` and `x` count as the same
text: duplicates that differ only in spacing or LaTeX typography are still duplicates.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from verigen.code.template import ANSWER_FORMAT
from verigen.templates import MATH_INSTRUCTION
from verigen.types import Problem

_LATEX_SPACING = re.compile(
    r"\\[,;:!> ]|\\q?quad(?![a-zA-Z])|\\displaystyle(?![a-zA-Z])|"
    r"\\(?:left|right|big|Big|bigg|Bigg)(?![a-zA-Z])|~|\$+"
)
_FRAC = re.compile(r"(?<=\\)[dt](?=frac(?![a-zA-Z]))")  # \dfrac, \tfrac -> \frac
_SPACE = re.compile(r"\s+")
_DIGIT_LETTER = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")
_AROUND_SYMBOL = re.compile(r"\s+(?=[^\w\s])|(?<=[^\w\s])\s+")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"[^\W_]+")
_INSTRUCTIONS = (MATH_INSTRUCTION, ANSWER_FORMAT)


def normalize(text: str) -> str:
    """Case-, whitespace- and LaTeX-spacing-insensitive form of a text. Idempotent: one pass can
    create new matches (a removed space joins a combining mark), so it runs to a fixed point."""
    s, t = text, _normalize_once(text)
    while t != s:
        s, t = t, _normalize_once(t)
    return s


def _normalize_once(text: str) -> str:
    s = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    s = _FRAC.sub("", _LATEX_SPACING.sub(" ", s))
    s = _DIGIT_LETTER.sub(" ", s)  # "4x" reads as "4 x"
    s = _AROUND_SYMBOL.sub("", _SPACE.sub(" ", s))
    return unicodedata.normalize("NFKC", s).strip()


def question_text(problem: Problem) -> str:
    """The normalised prompt without the answer-format instruction every problem of a kind carries:
    that boilerplate would make short, different problems look alike."""
    text = normalize(problem.prompt)
    for instruction in _INSTRUCTIONS:
        text = text.replace(normalize(instruction), " ")
    return normalize(text)


def tokens(text: str) -> list[str]:
    """Words and single symbols of the normalised text: operators count (x+4 is not x-4)."""
    return _TOKEN.findall(normalize(text))


def normalized_tokens(norm: str) -> list[str]:
    """`tokens` of a text that is already normalised (saves normalising twice)."""
    return _TOKEN.findall(norm)


def words(text: str) -> list[str]:
    """Letters-and-digits words only, the usual unit of benchmark n-gram overlap."""
    return _WORD.findall(normalize(text))


def shingles(toks: list[str], size: int) -> set[str]:
    """Overlapping token n-grams; a text shorter than `size` is one shingle of all its tokens."""
    if len(toks) <= size:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + size]) for i in range(len(toks) - size + 1)}


def ngrams(toks: list[str], n: int) -> list[tuple[int, str]]:
    """(start, text) of every n-gram, in order."""
    return [(i, " ".join(toks[i : i + n])) for i in range(len(toks) - n + 1)]


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def too_similar(a: str, b: str, threshold: float) -> bool:
    """Whether the token-level edit similarity (difflib ratio of normalised tokens) exceeds
    `threshold`; the cheap upper bounds decide most pairs without the full alignment."""
    ta, tb = tokens(a), tokens(b)
    if ta == tb:
        return True
    matcher = difflib.SequenceMatcher(None, ta, tb)
    if matcher.real_quick_ratio() <= threshold or matcher.quick_ratio() <= threshold:
        return False
    return matcher.ratio() > threshold
