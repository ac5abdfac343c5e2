"""Trusted, strict comparison of a candidate's outputs with expected outputs (host side only).

Types are strict: bool is not int, a tuple is not a list, and a float result where an int is
expected is wrong. The one explicit relaxation is `int_as_float`: an int is accepted where a
float is expected (it is a mathematically exact answer). Floats use explicit tolerances.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from typing import Any

# ASCII digits only: `\d` would also match other scripts' digits, which int()/float() accept.
_INT = re.compile(r"[+-]?[0-9]+", re.ASCII)
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
MAX_FLOAT_TOKEN = 4300  # characters: a longer decimal token is compared as text only


@dataclass(frozen=True)
class Compare:
    rel_tol: float = 1e-9
    abs_tol: float = 1e-9
    int_as_float: bool = True
    unordered: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Compare:
        data = data or {}
        return cls(
            rel_tol=float(data.get("rel_tol", 1e-9)),
            abs_tol=float(data.get("abs_tol", 1e-9)),
            int_as_float=bool(data.get("int_as_float", True)),
            unordered=bool(data.get("unordered", False)),
        )


def floats_close(expected: float, actual: float, cmp: Compare) -> bool:
    if math.isnan(expected) or math.isnan(actual):
        return math.isnan(expected) and math.isnan(actual)
    if math.isinf(expected) or math.isinf(actual):
        return expected == actual
    return math.isclose(actual, expected, rel_tol=cmp.rel_tol, abs_tol=cmp.abs_tol)


def _equal(expected: Any, actual: Any, cmp: Compare) -> bool:
    te, ta = type(expected), type(actual)
    if te is float:
        if ta is int and cmp.int_as_float:
            try:
                return floats_close(expected, float(actual), cmp)
            except OverflowError:
                return False
        return ta is float and floats_close(expected, actual, cmp)
    if te is not ta:
        return False
    if te in (list, tuple):
        return len(expected) == len(actual) and all(
            _equal(e, a, cmp) for e, a in zip(expected, actual, strict=True)
        )
    if te is dict:
        if len(expected) != len(actual):
            return False
        got = {_strict_key(k): v for k, v in actual.items()}
        for k, v in expected.items():
            key = _strict_key(k)
            if key not in got or not _equal(v, got[key], cmp):
                return False
        return True
    if te in (set, frozenset):
        return _strict_key(expected) == _strict_key(actual)
    return bool(expected == actual)  # int, str, bytes, None: exact


def _strict_key(value: Any) -> Any:
    """A hashable stand-in for a set element or dict key that equals another only when both
    have the same types all the way down (Python's own `1 == True == 1.0` would merge them)."""
    kind = type(value)
    if kind is tuple:
        return (kind.__name__, tuple(_strict_key(v) for v in value))
    if kind in (set, frozenset):
        return (kind.__name__, frozenset(_strict_key(v) for v in value))
    return (kind.__name__, value)


def sort_key(value: Any) -> tuple[Any, ...]:
    """A total order over decoded values, used to compare unordered results."""
    kind = type(value)
    if value is None:
        return (0,)
    if kind is bool:
        return (1, value)
    if kind in (int, float):
        return (2, 1, 0) if kind is float and math.isnan(value) else (2, 0, value)
    if kind is str:
        return (3, value)
    if kind is bytes:
        return (4, value)
    if kind in (list, tuple):
        return (5, tuple(sort_key(v) for v in value))
    if kind in (set, frozenset):
        return (6, tuple(sorted(sort_key(v) for v in value)))
    if kind is dict:
        return (7, tuple(sorted((sort_key(k), sort_key(v)) for k, v in value.items())))
    return (8, repr(value))


def values_equal(expected: Any, actual: Any, cmp: Compare | None = None) -> bool:
    """Strictly compare two decoded values; `unordered` compares top-level sequences as multisets."""
    cmp = cmp or Compare()
    if cmp.unordered and type(expected) in (list, tuple) and type(actual) is type(expected):
        if len(expected) != len(actual):
            return False
        expected, actual = sorted(expected, key=sort_key), sorted(actual, key=sort_key)
    return _equal(expected, actual, cmp)


def tokens_equal(expected: str, actual: str, cmp: Compare | None = None) -> bool:
    """Whitespace-token comparison of program output: integers exact, decimals with tolerance."""
    cmp = cmp or Compare()
    want, got = expected.split(), actual.split()
    if len(want) != len(got):
        return False
    for e, a in zip(want, got, strict=True):
        if e == a:
            continue
        if _INT.fullmatch(e):
            if not (_INT.fullmatch(a) and _canonical_int(e) == _canonical_int(a)):
                return False
        elif (
            len(e) <= MAX_FLOAT_TOKEN
            and len(a) <= MAX_FLOAT_TOKEN
            and _NUMBER.fullmatch(e)
            and _NUMBER.fullmatch(a)
        ):
            if not floats_close(float(e), float(a), cmp):
                return False
        else:
            return False
    return True


def _canonical_int(token: str) -> str:
    """An integer token's canonical text (no `+`, no leading zeros, `-0` is `0`), without int():
    untrusted output may be longer than Python's int/str conversion limit."""
    sign = "-" if token[0] == "-" else ""
    digits = token.lstrip("+-").lstrip("0")
    return sign + digits if digits else "0"


def first_difference(expected: str, actual: str) -> str:
    """Describe where two outputs first differ (for verdict details)."""
    want, got = expected.split(), actual.split()
    for index, (e, a) in enumerate(zip(want, got, strict=False)):
        if e != a:
            return f"token {index + 1}: expected {e[:40]!r}, got {a[:40]!r}"
    return f"expected {len(want)} tokens, got {len(got)}"
