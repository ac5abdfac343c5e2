"""Turn cleaned, guarded answer text into sympy objects, without executing anything.

Model text never reaches `sympify`, `parse_expr`, `eval` or `lambdify`. Exact numbers (integers,
fractions, decimals, scientific and mixed numbers) are read by regexes into exact Rationals; the
rest goes through latex2sympy2_extended's ANTLR grammar under `sympy.evaluate(False)`, and the
resulting tree is evaluated by `guards.bounded_build`. Structure (sets, tuples, intervals,
inequalities, equations, matrices) is split here, top-level only, so the gold's answer type decides
what ambiguous notation means: `(1, 2)` is a tuple for a tuple gold and an open interval for an
interval gold.

latex2sympy2_extended and sympy do call `sympify` internally, but only on sympy objects they built
(sets.py, logic.py: identity) and on number tokens the lexer already matched (`sympy.Number("1.5")`);
tests/test_math_hostile.py checks that every string reaching `parse_expr` is such a number token.
Decimals mean exact values: `0.75` is 3/4, `0.333` is not 1/3.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

import sympy as sp
from latex2sympy2_extended import latex2sympy
from latex2sympy2_extended.latex2sympy2 import ConversionConfig

from verigen.math.extract import (
    BARE_FUNC,
    BARE_LOG,
    RELATIONS,
    clean_answer,
    enclosed,
    latex_ready,
    split_top,
)
from verigen.math.gold import AnswerType, MathGold
from verigen.math.guards import GuardError, bounded_build, check_text

SCALAR_TYPES = frozenset({AnswerType.INTEGER, AnswerType.RATIONAL, AnswerType.REAL, AnswerType.EXPRESSION})
_NUMERIC_TYPES = frozenset({AnswerType.INTEGER, AnswerType.RATIONAL, AnswerType.REAL})
_CONFIG = ConversionConfig(
    interpret_as_mixed_fractions=False, interpret_simple_eq_as_assignment=False, lowercase_symbols=False
)
MAX_ITEMS = 50
_LIST_SEPS = frozenset({",", ";", "or", "and"})


class ParseFailure(ValueError):
    """The text is not an answer of the expected shape (or not math at all)."""


# -- scalar values --------------------------------------------------------------------------------

_INT = re.compile(r"[+-]?\d+")
_DEC = re.compile(r"[+-]?(?:\d+\.\d*|\.\d+)")
_SLASH = re.compile(r"([+-]?\d+)/(\d+)")
_FRAC = re.compile(r"([+-]?)\\frac(?:\{([+-]?\d+)\}|(\d))(?:\{([+-]?\d+)\}|(\d))")
_MIXED = re.compile(r"([+-]?)(\d+)\\frac(?:\{(\d+)\}|(\d))(?:\{(\d+)\}|(\d))")
_SCI = re.compile(r"([+-]?\d+(?:\.\d+)?)(?:(?:\\times|\\cdot|\*)10\^\{?([+-]?\d{1,4})\}?|[eE]([+-]?\d{1,4}))")
# The first group is 1-3 digits not starting with 0: `0,001` and `0 001` are not 1.
_THOUSANDS = re.compile(r"(?<![\d.,])([1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,2}(?: \d{3})+)(?![\d,])")
_GREEK = "alpha|beta|gamma|delta|epsilon|zeta|eta|theta|lambda|mu|nu|xi|rho|sigma|tau|phi|chi|psi|omega"
# A name the value is assigned to: x, x_1, f(x), \theta, y'. Not \pi or e (those are values).
_LABEL = re.compile(r"(?:[a-df-zA-Z]|\\(?:var)?(?:" + _GREEK + r"))(?:_\{?\w+\}?)?(?:\([^()]*\))?'*")
_WORD = re.compile(r"(?<![\\a-zA-Z])[a-zA-Z]{3,}")
_COMMAND = re.compile(r"\\operatorname\{[^{}]*\}|\\[a-zA-Z]+")
_INFINITY = re.compile(r"([+-]?)(?:\\infty|\\infin|infinity|inf|oo)")


def _q(sign: str, num: str, den: str) -> sp.Rational:
    if int(den) == 0:
        raise ParseFailure("division by zero")
    value = sp.Rational(int(num), int(den))
    return -value if sign == "-" else value


def _exact_number(s: str) -> sp.Rational | None:
    """Cheap exact paths for the common shapes of numeric answers."""
    if _INT.fullmatch(s):
        return sp.Integer(int(s))
    if _DEC.fullmatch(s):
        return sp.Rational(Fraction(s))
    if m := _SLASH.fullmatch(s):
        return _q("", m.group(1), m.group(2))
    if m := _FRAC.fullmatch(s):
        return _q(m.group(1), m.group(2) or m.group(3), m.group(4) or m.group(5))
    if m := _MIXED.fullmatch(s):
        whole, num, den = int(m.group(2)), int(m.group(3) or m.group(4)), int(m.group(5) or m.group(6))
        if 0 < num < den:  # 2\frac{1}{2} is the mixed number 5/2
            return _q(m.group(1), str(whole * den + num), str(den))
    if m := _SCI.fullmatch(s):
        exponent = int(m.group(2) or m.group(3))
        return sp.Rational(Fraction(m.group(1)) * Fraction(10) ** exponent)
    return None


def parse_value(text: str) -> Any:
    """One scalar value: an exact number or a sympy expression."""
    s = text.strip()
    if inner := enclosed(s, "\\{", "\\}"):
        s = inner.strip()  # a singleton set written around a value
    if not s:
        raise ParseFailure("empty value")
    compact = re.sub(r"(?<!\d)\s+|\s+(?!\d)", "", s)  # "- 3" is -3, but "1 2" is not 12
    exact = _exact_number(compact)
    if exact is not None:
        return exact
    if words := _WORD.findall(_COMMAND.sub(" ", BARE_FUNC.sub(" ", s))):
        raise ParseFailure(f"answer contains words ({words[0][:20]!r})")
    if m := _INFINITY.fullmatch(compact):
        return -sp.oo if m.group(1) == "-" else sp.oo
    try:
        with sp.evaluate(False):
            tree = latex2sympy(latex_ready(s), normalization_config=None, conversion_config=_CONFIG)
    except RecursionError as e:
        raise GuardError("expression nested too deeply") from e
    except Exception as e:  # the grammar raises bare Exception (and TypeError etc.) on bad input
        raise ParseFailure(f"unparseable: {type(e).__name__}") from e
    if isinstance(tree, sp.FiniteSet) and len(tree.args) == 1:
        tree = tree.args[0]
    if not isinstance(tree, sp.Expr):
        raise ParseFailure(f"not a single value ({type(tree).__name__})")
    return bounded_build(tree)


def _strip_label(s: str) -> str:
    """`x = 3` -> `3`; `f(x) = x^2` -> `x^2` (the label is not part of the value)."""
    parts = split_top(s, frozenset({"=", "\\in"}))[0]
    if len(parts) == 2 and _LABEL.fullmatch(parts[0].replace(" ", "")):
        return parts[1]
    return s


def _expand_pm(s: str) -> list[str]:
    n = s.count("\\pm") + s.count("\\mp")
    if n == 0:
        return [s]
    if n > 1:
        raise ParseFailure("more than one \\pm")
    return [s.replace("\\pm", "+").replace("\\mp", "-"), s.replace("\\pm", "-").replace("\\mp", "+")]


def _values(text: str, merge_thousands: bool) -> list[Any]:
    """A list of values: `2, 3`, `x = 2 or x = 3`, `\\{1, 2\\}`, `1 \\pm \\sqrt 2`."""
    s = text.strip()
    if merge_thousands:
        s = _THOUSANDS.sub(lambda m: m.group(1).replace(",", "").replace(" ", ""), s)
    s = _strip_label(s)
    if inner := enclosed(s, "\\{", "\\}"):
        s = inner
    items = [p for p in split_top(s, _LIST_SEPS)[0] if p]
    if len(items) > MAX_ITEMS:
        raise GuardError("too many items")
    out: list[Any] = []
    for item in items:
        for alt in _expand_pm(_strip_label(item)):
            inner = enclosed(alt, "(", ")")
            if inner is not None and len(split_top(inner, frozenset({","}))[0]) > 1:
                out.append(sp.Tuple(*_tuple_items(inner)))
            else:
                out.append(parse_value(alt))
    return out


def _tuple_items(inner: str) -> list[Any]:
    return [parse_value(_strip_label(p)) for p in split_top(inner, frozenset({","}))[0]]


def parse_tuple(text: str) -> list[Any]:
    """An ordered tuple: `(1, 2)`, `x = 1, y = 2` (ordered by variable name), `\\langle 1, 2 \\rangle`."""
    s = text.strip()
    parts = split_top(s, frozenset({"="}))[0]
    if len(parts) == 2 and (names := enclosed(parts[0], "(", ")")) is not None:
        # (x, y) = (1, 2). The labels say which value is which: only single letters in
        # alphabetical order are read; `(y, x) = (1, 2)` is not guessed at.
        labels = [p.strip() for p in split_top(names, frozenset({","}))[0]]
        if not all(re.fullmatch(r"[a-zA-Z]", p) for p in labels) or labels != sorted(set(labels)):
            raise ParseFailure("tuple labels are not single letters in alphabetical order")
        s = parts[1]
    for left, right in (("(", ")"), ("\\langle", "\\rangle"), ("[", "]")):
        if (inner := enclosed(s, left, right)) is not None:
            s = inner
            break
    items = [p for p in split_top(s, frozenset({",", ";", "and"}))[0] if p]
    labelled = [split_top(p, frozenset({"="}))[0] for p in items]
    if len(items) > 1 and all(len(p) == 2 and _LABEL.fullmatch(p[0]) for p in labelled):
        labels = [p[0] for p in labelled]
        if len(set(labels)) == len(labels):
            return [parse_value(p[1]) for p in sorted(labelled, key=lambda p: p[0])]
    return [parse_value(_strip_label(p)) for p in items]


# -- answers by type ------------------------------------------------------------------------------


def parse_answer(text: str, atype: AnswerType, log_base10: bool = False) -> Any:
    """Parse cleaned answer text for a gold of type `atype`.

    Returns: a list of values (scalar types: every value listed must equal the gold), a list of
    elements (set), a list of values (tuple), a sympy Set (interval), an (lhs, rhs) pair (equation),
    or an ImmutableMatrix / list of values (matrix; a list is a vector). A `\\log` without a base
    is the natural log unless `log_base10`.
    """
    check_text(text)
    text = BARE_LOG.sub(r"\\log_{10}" if log_base10 else r"\\ln", text)
    if atype in SCALAR_TYPES:
        parts = split_top(text, frozenset({"=", "\\approx"}))[0]
        if len(parts) > 1 and _LABEL.fullmatch(parts[0].replace(" ", "")):
            parts = parts[1:]  # x = 2 + 1 = 3: every part after the label must be the answer
        if "\\approx" in text:
            parts = parts[:1]  # \pi \approx 3.14: the exact part is the answer
        return [v for p in parts for v in _values(p, merge_thousands=atype in _NUMERIC_TYPES)]
    if atype is AnswerType.SET:
        if _EMPTY.fullmatch(text.strip().lower()):
            return []
        return _values(re.sub(r"^\s*[a-zA-Z]\s*\\in\s*", "", text), merge_thousands=False)
    if atype is AnswerType.TUPLE:
        return parse_tuple(text)
    if atype is AnswerType.EQUATION:
        parts, seps = split_top(text, RELATIONS)
        if len(parts) != 2 or seps != ["="]:
            raise ParseFailure("expected one equation `lhs = rhs`")
        return parse_value(parts[0]), parse_value(parts[1])
    if atype is AnswerType.MATRIX:
        return parse_matrix(text)
    return parse_interval(text)


_EMPTY = re.compile(
    r"\\emptyset|\\varnothing|\\\{\s*\\\}|\{\s*\}|\\o|no (?:real )?(?:solutions?|roots?)|none|empty set"
)
_MATRIX = re.compile(
    r"\\begin\{(pmatrix|bmatrix|Bmatrix|matrix|smallmatrix|array)\}(?:\{[^{}]*\})?(.*)\\end\{\1\}", re.S
)


def parse_matrix(text: str) -> Any:
    s = text.strip()
    m = _MATRIX.fullmatch(s) or _MATRIX.fullmatch(s[1:-1].strip() if len(s) > 2 else "")
    if not m:
        return parse_tuple(s)
    rows = [r for r in re.split(r"\\\\", m.group(2)) if r.strip()]
    cells = [[parse_value(c) for c in r.split("&")] for r in rows]
    if not cells or len({len(r) for r in cells}) != 1:
        raise ParseFailure("ragged matrix")
    return sp.ImmutableMatrix(cells)


# -- intervals and inequalities -------------------------------------------------------------------

_REALS = re.compile(r"\\mathbb\{R\}|\\R|all real numbers|\(-\\infty,\s*\+?\\infty\)")
_VAR = re.compile(r"[a-zA-Z]")
_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "=": "=", "!=": "!="}


def _endpoint(text: str) -> Any:
    if m := _INFINITY.fullmatch(re.sub(r"\s+", "", text)):
        return -sp.oo if m.group(1) == "-" else sp.oo
    value = parse_value(text)
    if not value.is_number or value.free_symbols:
        raise ParseFailure("interval endpoint is not a number")
    return value


def _ray(op: str, c: Any) -> sp.Set:
    rays = {
        "<": lambda: sp.Interval(-sp.oo, c, True, True),
        "<=": lambda: sp.Interval(-sp.oo, c, True, False),
        ">": lambda: sp.Interval(c, sp.oo, True, True),
        ">=": lambda: sp.Interval(c, sp.oo, False, True),
        "=": lambda: sp.FiniteSet(c),
        "!=": lambda: sp.Union(sp.Interval(-sp.oo, c, True, True), sp.Interval(c, sp.oo, True, True)),
    }
    return rays[op]()


def _interval_piece(p: str) -> sp.Set:
    if (m := re.fullmatch(r"([(\[])(.*)([)\]])", p, re.S)) and enclosed("(" + m.group(2) + ")", "(", ")"):
        ends = split_top(m.group(2), frozenset({","}))[0]
        if len(ends) == 2:
            lo, hi = _endpoint(ends[0]), _endpoint(ends[1])
            left_open, right_open = m.group(1) == "(", m.group(3) == ")"
            if (lo == -sp.oo and not left_open) or (hi == sp.oo and not right_open):
                raise ParseFailure("closed bracket at infinity")
            return sp.Interval(lo, hi, left_open, right_open)
    if (inner := enclosed(p, "\\{", "\\}")) is not None:
        return sp.FiniteSet(*(_endpoint(v) for v in split_top(inner, frozenset({","}))[0] if v))
    parts, seps = split_top(p, RELATIONS)
    if len(seps) == 1 and (_VAR.fullmatch(parts[0]) or _VAR.fullmatch(parts[1])):
        if _VAR.fullmatch(parts[0]):
            return _ray(seps[0], _endpoint(parts[1]))
        return _ray(_FLIP[seps[0]], _endpoint(parts[0]))
    if len(seps) == 2 and _VAR.fullmatch(parts[1]):
        lo, hi = _endpoint(parts[0]), _endpoint(parts[2])
        if set(seps) <= {"<", "<="}:
            return sp.Interval(lo, hi, seps[0] == "<", seps[1] == "<")
        if set(seps) <= {">", ">="}:
            return sp.Interval(hi, lo, seps[1] == ">", seps[0] == ">")
    raise ParseFailure("not an interval or inequality")


def parse_interval(text: str) -> sp.Set:
    """Interval notation, unions (`\\cup`, `or`), inequalities and chains, `\\mathbb{R}`, `\\emptyset`."""
    s = re.sub(r"^\s*[a-zA-Z]\s*\\in\s*", "", text.strip())
    if _EMPTY.fullmatch(s.lower()):
        return sp.S.EmptySet
    if _REALS.fullmatch(s):
        return sp.S.Reals
    pieces = split_top(s, frozenset({"\\cup", "U", "or"}))[0]
    if len(pieces) > MAX_ITEMS:
        raise GuardError("too many intervals")
    return sp.Union(
        *(
            sp.Intersection(*(_interval_piece(q) for q in split_top(p, frozenset({"\\cap", "and"}))[0]))
            for p in pieces
        )
    )


def parse_gold_text(text: str) -> MathGold:
    """Infer the answer type of a gold written as text (CLI input) and parse it.

    `(1, 2)` is a tuple; other bracket pairs around two endpoints, infinity, `\\cup` or an
    inequality make an interval; `\\{...\\}`, a list or `\\pm` a set; `x = 3` the value 3; any
    other `lhs = rhs` an equation; a single value is an integer, rational, real or expression.
    """
    s = clean_answer(text)
    check_text(s)
    if _MATRIX.search(s):
        return MathGold(AnswerType.MATRIX, parse_matrix(s))
    parts, seps = split_top(s, RELATIONS | {"\\cup", "U"})
    # x = 3 is the value 3, f(x) = x^2 the expression x^2, but y = 2x + 1 is a line.
    if seps == ["="] and _LABEL.fullmatch(parts[0].replace(" ", "")):
        value_gold = parse_gold_text(parts[1])
        if "(" in parts[0] or not value_gold.value.free_symbols:
            return value_gold
    is_pair = re.fullmatch(r"[(\[].*[)\]]", s, re.S) and len(split_top(s[1:-1], frozenset({","}))[0]) == 2
    is_tuple = enclosed(s, "(", ")") is not None and len(split_top(s[1:-1], frozenset({","}))[0]) > 1
    if any(x != "=" for x in seps) or "\\infty" in s or _REALS.fullmatch(s) or (is_pair and not is_tuple):
        return MathGold(AnswerType.INTERVAL, parse_interval(s))
    if seps == ["="]:
        return MathGold(AnswerType.EQUATION, sp.Eq(*parse_answer(s, AnswerType.EQUATION), evaluate=False))
    if is_tuple:
        return MathGold(AnswerType.TUPLE, sp.Tuple(*parse_tuple(s)))
    if _EMPTY.fullmatch(s.lower()):
        return MathGold(AnswerType.SET, sp.S.EmptySet)
    values = _values(s, merge_thousands=True)
    if len(values) != 1 or s.startswith("\\{") or "\\pm" in s:
        return MathGold(AnswerType.SET, sp.FiniteSet(*values))
    value = values[0]
    if isinstance(value, sp.Integer):
        return MathGold(AnswerType.INTEGER, value)
    if isinstance(value, sp.Rational):
        return MathGold(AnswerType.RATIONAL, value)
    if isinstance(value, sp.Tuple):
        return MathGold(AnswerType.TUPLE, value)
    return MathGold(AnswerType.REAL if value.is_number else AnswerType.EXPRESSION, value)
