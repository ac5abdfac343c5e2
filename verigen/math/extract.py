"""Find the final answer in a model response and clean its text.

The answer is the content of `\\boxed{...}` / `\\fbox{...}` (balanced braces, `\\{` and `\\}` do not
count). Every top-level box is collected: repeated identical boxes are fine, different ones are
returned as separate candidates so the verifier can refuse to pass a response that hedges. Boxes
that sit next to each other separated only by commas or "and"/"or" are also offered joined, which
is how models write set answers (`\\boxed{2}, \\boxed{3}`).

Without a box, a short response ("42", "$x = 3$") or a last line "Final answer: ..." is taken.

Everything here is linear in the response length: responses are untrusted and may be megabytes,
so the scan uses one pass with simple regexes and never backtracks over the whole text.

The text helpers the parser needs (top-level splitting on commas and relations, notation fixes
before the LaTeX grammar) live here too: they work on strings and know nothing of sympy.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Literal

Source = Literal["boxed", "final", "bare", "none"]

MAX_CANDIDATES = 8  # distinct boxed answers beyond this: the response is spamming, not answering
MAX_BARE_CHARS = 100
MAX_FINAL_LINE_CHARS = 300
MAX_CLEAN_CHARS = 5000  # longer answers are refused by the guards anyway; cleaning them is wasted work

_BOX = re.compile(r"\\(?:boxed|fbox|framebox)(?![a-zA-Z])")
_BOX_OPTION = re.compile(r"\s*\[[^\[\]{}]{0,40}\]")  # \framebox[3cm][c]{...}
_PLAIN_COMMA = re.compile(r"^[\s$]*,[\s$]*$")
_BRACE_TOKEN = re.compile(r"\\.|[{}]", re.S)
_BARE_TOKEN = re.compile(r"[^\s$]+")
_SEPARATOR = re.compile(r"^(?:\s|\$|,|;|\\[,;: ]|\\quad|\\qquad|\\text\{\s*(?:and|or)\s*\}|\band\b|\bor\b)*$")
_FINAL = re.compile(r"(?i)(?:final\s+answer|\banswer)\s*(?:is|:|=)\s*(?:[:=]\s*)?(.+)$")


@dataclass(frozen=True)
class Extraction:
    """Candidate answers in response order (last = final); `joined` is set for adjacent boxes."""

    candidates: tuple[str, ...]
    source: Source
    joined: str | None = None
    detail: str = ""
    joined_by_commas: bool = False  # every gap between the joined boxes is one plain comma

    @property
    def final(self) -> str | None:
        return self.candidates[-1] if self.candidates else None


def match_brace(text: str, open_pos: int) -> int:
    """Index of the brace closing the one at `open_pos`, or -1 if it never closes."""
    depth = 0
    for m in _BRACE_TOKEN.finditer(text, open_pos):
        tok = m.group(0)
        if tok == "{":
            depth += 1
        elif tok == "}":
            depth -= 1
            if depth == 0:
                return m.start()
    return -1


def find_boxed(text: str) -> tuple[list[tuple[int, int, str]], bool]:
    """Top-level boxes as (start, end, content); the flag says the last box never closed."""
    boxes: list[tuple[int, int, str]] = []
    covered = 0  # nested boxes lie inside an outer box already scanned: skip them (linear time)
    for m in _BOX.finditer(text):
        if m.start() < covered:
            continue
        pos = m.end()
        while opt := _BOX_OPTION.match(text, pos):
            pos = opt.end()
        while pos < len(text) and text[pos].isspace():  # `\boxed\n{2}` is still a box
            pos += 1
        if pos < len(text) and text[pos] == "{":
            close = match_brace(text, pos)
            if close < 0:
                return boxes, True
            boxes.append((m.start(), close + 1, text[pos + 1 : close]))
            covered = close + 1
        else:  # `\boxed 5`, `\boxed5`: one bare token
            tok = _BARE_TOKEN.match(text, pos)
            if tok:
                boxes.append((m.start(), tok.end(), tok.group(0)))
                covered = tok.end()
    return boxes, False


def extract_answer(response: str) -> Extraction:
    boxes, unterminated = find_boxed(response)
    if unterminated:
        return Extraction((), "none", detail="unterminated \\boxed (truncated response?)")
    if boxes:
        cleaned = [clean_answer(c) for _, _, c in boxes]
        distinct = list(dict.fromkeys(c for c in cleaned if c))
        if not distinct:
            return Extraction((), "none", detail="empty \\boxed")
        if len(distinct) > MAX_CANDIDATES:
            return Extraction(tuple(distinct[-1:]), "boxed", detail="too many distinct boxed answers")
        joined = None
        gaps = [response[end:start] for (_, end, _), (start, _, _) in itertools.pairwise(boxes)]
        if len(distinct) > 1 and all(len(g) < 100 and _SEPARATOR.match(g) for g in gaps):
            joined = ", ".join(c for c in cleaned if c)
        commas = joined is not None and all(_PLAIN_COMMA.match(g) for g in gaps)
        return Extraction(tuple(distinct), "boxed", joined=joined, joined_by_commas=commas)
    stripped = response.strip()
    if 0 < len(stripped) <= MAX_BARE_CHARS and "\n" not in stripped:
        final = _FINAL.search(stripped)
        text = clean_answer(final.group(1) if final else stripped)
        return Extraction((text,), "bare") if text else Extraction((), "none", detail="empty response")
    last_line = stripped[stripped.rfind("\n") + 1 :] if stripped else ""
    if 0 < len(last_line) <= MAX_FINAL_LINE_CHARS:
        final = _FINAL.search(last_line)
        if final:
            text = clean_answer(final.group(1))
            if text:
                return Extraction((text,), "final")
    return Extraction((), "none", detail="no \\boxed answer")


# -- cleaning -------------------------------------------------------------------------------------

_UNITS = (
    r"(?:cm|mm|km|kg|mg|lbs?|oz|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|years?|ft|feet"
    r"|foot|inch|inches|yd|yards?|mi|miles?|meters?|metres?|mph|km/h|m/s|mL|ml|liters?|litres?"
    r"|gallons?|dollars?|cents?|units?|square\s+units|sq\s+units|degrees?|radians?|rad|people|students"
    r"|ways|points?)"
)
# Multi-letter units may follow any number ("12cm", "\frac{1}{2} hours"); one-letter units (m, s, g,
# h, L) only a plain number after a space, so that `3m` or `x + 3 s` keep their variables.
_TRAILING_UNIT = re.compile(
    r"(?<=[\d}])\s*" + _UNITS + r"(?:\^\{?[23]\}?)?\s*$|^([\d.,]+)\s+[msghL](?:\^\{?[23]\}?)?$"
)
# Words that change the value (`10\text{ thousand}`, `3\text{ squared}`, `2\text{ thirds}`): never units.
_NOT_UNIT = (
    r"(?i:(?:thousand|million|billion|trillion|hundred|dozen|ten|one|score|half|halve|third|quarter"
    r"|[a-z]*th|minus|plus|less|times|squared|cubed|percent)s?\b)"
)
# A trailing `\text{...}` is dropped only when it is a unit: a known unit word, a one-letter unit
# (`\mathrm{~m}`) or one plural count noun (`12\text{ apples}`). Anything else stays, so it fails
# to parse or compares unequal (`2\mathrm{i}`, `3\text{ is not correct}`).
_TEXT_UNIT = r"\s*(?:" + _UNITS + r"|[msghL]|(?!" + _NOT_UNIT + r")[a-zA-Z]{2,}s)\s*"
_TRAILING_TEXT = re.compile(
    r"(?<=[\d}\w])\s*\\(?:text|textrm|mathrm|mbox|textnormal)\s*\{" + _TEXT_UNIT + r"\}"
    r"(?:\^\{?[23]\}?)?\s*$"
)
_TEXT_WRAP = re.compile(
    r"\\(?:text|textrm|textnormal|textbf|textit|mathrm|mathbf|mathit|mbox)\s*\{([^{}]*)\}"
)
_SPACES = re.compile(
    r"(?<!\\)\\[,;:! ]|\\q?quad\b|~|\\displaystyle|\\(?:left|right)(?![a-zA-Z])\.?|\\middle\b"
)
_DEGREES = re.compile(r"\^\s*\{?\s*\\circ\s*\}?|°|\\degree\b")
# 1{,}000 and 1\,000\,000; the first group is 1-3 digits not starting with 0 (`0\,001` is not 1).
_THOUSANDS_LATEX = re.compile(r"(?<![\d.])[1-9]\d{0,2}(?:(?:\{,\}|\\,)\d{3})+(?!\d)")
_SIMPLE = re.compile(r"^[\w\s.,+\-*/=()\[\]<>|^]*$")


def clean_answer(text: str) -> str:
    """Type-independent normalisation: delimiters, spacing commands, units, trailing dots."""
    s = text.strip()
    if len(s) > MAX_CLEAN_CHARS:  # some patterns below are quadratic on long whitespace runs
        return s
    for _ in range(3):  # unwrap nested delimiters like $\boxed{...}$ inside \( ... \)
        s = re.sub(r"^\$+|\$+$", "", s).strip()
        s = re.sub(r"^\\[(\[]|\\[)\]]$", "", s).strip()
    s = _BOX.sub("", s).replace("\\$", "").replace("$", "")
    s = _THOUSANDS_LATEX.sub(lambda m: re.sub(r"\{,\}|\\,", "", m.group(0)), s)
    s = re.sub(r"\\[dtc]frac(?![a-zA-Z])", r"\\frac", s)
    s = _DEGREES.sub("", s)
    s = s.replace("\\%", "").replace("%", "")
    s = _SPACES.sub(" ", s)
    s = re.sub(r"\\text\s*\{\s*(and|or)\s*\}", r" \1 ", s)
    for _ in range(2):
        s = _TRAILING_TEXT.sub("", s).strip()
        s = _TRAILING_UNIT.sub(lambda m: m.group(1) or "", s).strip()
    s = _TEXT_WRAP.sub(lambda m: m.group(1) if _SIMPLE.match(m.group(1)) else m.group(0), s)
    s = re.sub(r"\s+", " ", s).strip()
    s = s.rstrip(".;, ")
    for _ in range(10):  # {{5}} -> 5; deeper nesting is refused by the guards anyway
        if not (s.startswith("{") and match_brace(s, 0) == len(s) - 1):
            break
        s = s[1:-1].strip()
    return s


# -- top-level structure (used by the parser) -----------------------------------------------------

_TOKENS = re.compile(
    r"\\[{}]|[(\[{]|[)\]}]|\\langle|\\rangle|<=|>=|[<>=,;]|\bor\b|\band\b|\bU\b"
    r"|\\(?:leqslant|geqslant|leq|geq|le|ge|lt|gt|neq|ne|in|cup|cap|approx)(?![a-zA-Z])"
)
_OPEN = frozenset({"(", "[", "{", "\\{", "\\langle"})
_CLOSE = frozenset({")", "]", "}", "\\}", "\\rangle"})


def split_top(text: str, seps: frozenset[str]) -> tuple[list[str], list[str]]:
    """Split on separator tokens at bracket depth 0; returns (parts, separators)."""
    parts: list[str] = []
    found: list[str] = []
    depth, start = 0, 0
    for m in _TOKENS.finditer(text):
        tok = m.group(0)
        if tok in _OPEN:
            depth += 1
        elif tok in _CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0 and tok in seps:
            parts.append(text[start : m.start()].strip())
            found.append(_REL_ALIASES.get(tok, tok))
            start = m.end()
    parts.append(text[start:].strip())
    return parts, found


_REL_ALIASES = {
    "\\le": "<=",
    "\\leq": "<=",
    "\\leqslant": "<=",
    "\\ge": ">=",
    "\\geq": ">=",
    "\\geqslant": ">=",
    "\\lt": "<",
    "\\gt": ">",
    "\\ne": "!=",
    "\\neq": "!=",
}
RELATIONS = frozenset({"<", ">", "<=", ">=", "=", "!=", *_REL_ALIASES})


def enclosed(text: str, left: str, right: str) -> str | None:
    """The inside of `text` if one bracket pair encloses all of it."""
    if not (text.startswith(left) and text.endswith(right)) or len(text) < len(left) + len(right):
        return None
    inner = text[len(left) : len(text) - len(right)]
    depth = 0
    for m in _TOKENS.finditer(inner):
        if m.group(0) in _OPEN:
            depth += 1
        elif m.group(0) in _CLOSE:
            depth -= 1
            if depth < 0:
                return None
    return inner if depth == 0 else None


# -- notation fixes before the grammar (used by the parser) ---------------------------------------

_FUNCS = "sqrt|sin|cos|tan|cot|sec|csc|arcsin|arccos|arctan|sinh|cosh|tanh|ln|log|exp|pi|infty|cdot|times"
BARE_FUNC = re.compile(r"(?<![\\a-zA-Z])(" + _FUNCS + r")(?![a-zA-Z])")
_FUNC_BRACE = re.compile(r"\\(?:ln|log|exp|a?(?:sin|cos|tan|cot|sec|csc)h?|arc(?:sin|cos|tan))\s*\{")


def _unbrace_function_args(s: str) -> str:
    """`\\log{\\left(x \\right)}^{2}` (sympy's printing of log(x)**2) -> `\\log(x)^{2}`.

    The grammar would read the braced form as log(x^2).
    """
    out, pos = [], 0
    for m in _FUNC_BRACE.finditer(s):
        if m.start() < pos:
            continue
        close = match_brace(s, m.end() - 1)
        inner = s[m.end() : close].strip() if close > 0 else ""
        if enclosed(inner, "(", ")") is not None:
            out += [s[pos : m.end() - 1], _unbrace_function_args(inner)]
            pos = close + 1
    return "".join([*out, s[pos:]])


def latex_ready(s: str) -> str:
    """Rewrite notations the LaTeX grammar misreads or rejects (`\\frac12`, `\\sqrt2`, `**`)."""
    s = _unbrace_function_args(BARE_FUNC.sub(r"\\\1", s).replace("**", "^"))
    s = s.replace("\\lbrace", "\\{").replace("\\rbrace", "\\}")
    s = re.sub(r"\\frac\s*(\w)\s*(\w)", r"\\frac{\1}{\2}", s)
    s = re.sub(r"\\frac\s*(\{[^{}]*\})\s*(\w)", r"\\frac\1{\2}", s)
    s = re.sub(r"\\frac\s*(\w)\s*\{", r"\\frac{\1}{", s)
    return re.sub(r"\\sqrt\s*(\w)", r"\\sqrt{\1}", s)


BARE_LOG = re.compile(r"(?<![a-zA-Z])\\?log(?![a-zA-Z])(?!\s*_)")


def has_bare_log(text: str) -> bool:
    """`\\log x` without a base: natural log to sympy and most models, base 10 to some people."""
    return bool(BARE_LOG.search(text))
