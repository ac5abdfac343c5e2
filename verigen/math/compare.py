"""Equivalence of a parsed answer and a structured gold, per answer type.

Every comparison answers yes, no, or "could not decide" (`Match.equal is None`), and the verifier
only passes on yes. The order is cheapest-and-surest first:

1. exact: Rational against Rational is `==` on exact integers (10^20 + 1 is not 10^20); identical
   sympy trees are equal.
2. rational functions (polynomials, fractions of them): `cancel(a - g) == 0` decides exactly.
3. sympy's assumptions: a difference it knows is nonzero (`e^{-1000}`, below any tolerance) is a no.
4. numeric probing with evalf, which returns correct digits: a difference that evaluates to a
   nonzero number with real precision is a no however tiny; one that cancels to nothing is zero.
   Numbers are checked at 30 digits, then again with 1500 digits of working precision;
   expressions at seeded random rational points of both signs, then at fixed irrational points
   (small and large: sqrt(2)/3, 1234 + e/5) that no rational aliasing or clipping defeats.
   Agreement at positive points only
   (sqrt(x^2) vs x) is undecided. A perturbation that cancels below ~10^-1500 would go unseen.
5. symbolic `simplify(a - g) == 0`, only where probing could not evaluate.

Decimals were parsed as exact values, so 0.5 equals 1/2 while 0.333 does not equal 1/3 and 1.414
does not equal sqrt(2): every answer type asks for the exact value.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import sympy as sp

from verigen.math.gold import AnswerType, MathGold

PROBE_DIGITS = 30
PROBE_MAXN = 300  # evalf's working-precision cap (digits) when terms cancel
CONFIRM_DIGITS = 60
CONFIRM_MAXN = 1500
TOLERANCE = sp.Float("1e-20")
_NUMERIC = frozenset({AnswerType.INTEGER, AnswerType.RATIONAL, AnswerType.REAL})


@dataclass(frozen=True)
class Match:
    equal: bool | None
    reason: str = ""


YES = Match(True)


def _no(reason: str) -> Match:
    return Match(False, reason)


def _unknown(reason: str) -> Match:
    return Match(None, reason)


def _all(matches: list[Match]) -> Match:
    """Conjunction: any no is a no; otherwise any undecided is undecided."""
    for m in matches:
        if m.equal is False:
            return m
    for m in matches:
        if m.equal is None:
            return m
    return YES


def compare(gold: MathGold, answer: Any) -> Match:
    """Compare the output of `parse.parse_answer(text, gold.type)` against the gold."""
    t, g = gold.type, gold.value
    if t in _NUMERIC or t is AnswerType.EXPRESSION:
        if not answer:
            return _no("no value")
        return _all([same_value(g, a) for a in answer])
    if t is AnswerType.SET:
        return same_elements(list(g.args) if isinstance(g, sp.FiniteSet) else [], answer)
    if t is AnswerType.TUPLE:
        return same_sequence(list(g), answer)
    if t is AnswerType.EQUATION:
        return same_equation(g, *answer)
    if t is AnswerType.MATRIX:
        return same_matrix(sp.ImmutableMatrix(g), answer)
    return same_set(g, answer)


def same_sequence(gold: list[Any], answer: list[Any]) -> Match:
    if len(gold) != len(answer):
        return _no(f"expected {len(gold)} components, got {len(answer)}")
    return _all([same_value(g, a) for g, a in zip(gold, answer, strict=True)])


def same_elements(gold: list[Any], answer: list[Any]) -> Match:
    """Unordered, duplicates ignored: every answer element is a gold element and vice versa."""
    if not gold or not answer:
        return (
            YES if not gold and not answer else _no("expected the empty set" if not gold else "empty answer")
        )
    table: dict[tuple[int, int], Match] = {}

    def eq(i: int, j: int) -> Match:
        if (i, j) not in table:
            table[(i, j)] = same_value(gold[i], answer[j])
        return table[(i, j)]

    for j in range(len(answer)):
        found = [eq(i, j) for i in range(len(gold))]
        if not any(m.equal for m in found):
            undecided = any(m.equal is None for m in found)
            return _unknown("could not match an element") if undecided else _no(f"extra element {answer[j]}")
    for i in range(len(gold)):
        if not any(eq(i, j).equal for j in range(len(answer))):
            return _no(f"missing element {gold[i]}")
    return YES


def same_matrix(gold: sp.ImmutableMatrix, answer: Any) -> Match:
    if isinstance(answer, list):  # a vector written as a tuple
        if 1 not in gold.shape:
            return _no("expected a matrix")
        return same_sequence(list(gold), answer)
    if answer.shape != gold.shape:
        return _no(f"expected shape {gold.shape}, got {answer.shape}")
    return same_sequence(list(gold), list(answer))


def _components(s: Any) -> list[tuple[Any, Any, bool, bool]] | None:
    """A real set as sorted (start, end, left_open, right_open) pieces; points are [p, p]."""
    if isinstance(s, sp.Basic) and s.is_Boolean:
        s = s.as_set()  # a gold written as an inequality
    if s == sp.S.Reals:
        s = sp.Interval(-sp.oo, sp.oo)
    pieces = list(s.args) if isinstance(s, sp.Union) else [s]
    out: list[tuple[Any, Any, bool, bool]] = []
    for p in pieces:
        if isinstance(p, sp.Interval):
            out.append((p.start, p.end, bool(p.left_open), bool(p.right_open)))
        elif isinstance(p, sp.FiniteSet):
            out.extend((x, x, False, False) for x in p.args)
        elif p != sp.S.EmptySet:
            return None
    return sorted(out, key=lambda c: (float(c[0]), float(c[1])))


def same_set(gold: Any, answer: Any) -> Match:
    """Intervals and unions: same pieces with the same open/closed ends."""
    g, a = _components(gold), _components(answer)
    if g is None or a is None:
        return _unknown("unsupported set")
    if len(g) != len(a):
        return _no(f"expected {len(g)} interval(s), got {len(a)}")
    checks: list[Match] = []
    for (g0, g1, gl, gr), (a0, a1, al, ar) in zip(g, a, strict=True):
        if (gl, gr) != (al, ar):
            return _no("open/closed ends differ")
        checks += [same_value(g0, a0), same_value(g1, a1)]
    return _all(checks)


# -- scalars --------------------------------------------------------------------------------------


def _unify_symbols(gold: Any, answer: Any) -> Any:
    """Map answer symbols onto the gold's by name (assumptions may differ); `i` is I if gold has I."""
    by_name = {s.name: s for s in gold.free_symbols}
    mapping: dict[Any, Any] = {s: by_name[s.name] for s in answer.free_symbols if s.name in by_name}
    if gold.has(sp.I):
        mapping.update(
            {s: sp.I for s in answer.free_symbols if s.name in ("i", "j") and s.name not in by_name}
        )
    return answer.xreplace(mapping) if mapping else answer


def same_value(gold: Any, answer: Any) -> Match:
    if isinstance(gold, sp.Tuple) or isinstance(answer, sp.Tuple):
        if not (isinstance(gold, sp.Tuple) and isinstance(answer, sp.Tuple)):
            return _no("tuple and single value")
        return same_sequence(list(gold), list(answer))
    if not isinstance(answer, sp.Expr):
        return _no(f"expected a value, got {type(answer).__name__}")
    if isinstance(gold, sp.Rational) and isinstance(answer, sp.Rational):
        return YES if gold == answer else _no("not equal")
    answer = _unify_symbols(gold, answer)
    if gold == answer:
        return YES
    extra = {s.name for s in answer.free_symbols} - {s.name for s in gold.free_symbols}
    if extra:
        names = ", ".join(sorted(extra))[:40]
        if not gold.free_symbols:  # words or units the cleaner missed are likelier than a wrong formula
            return _unknown(f"answer is not a number ({names})")
        return _no(f"unexpected variables {names}")
    if gold.has(sp.oo, -sp.oo, sp.zoo) or answer.has(sp.oo, -sp.oo, sp.zoo):
        return _no("not equal")  # identical infinities were caught by == above
    if not gold.free_symbols and not answer.free_symbols:
        return _numbers_equal(gold, answer)
    return _expressions_equal(gold, answer)


def _zero(diff: Any, scale: Any, tol: Any) -> bool | None:
    """Is an evalf'ed difference zero? None when it is not a number we can judge.

    sympy's evalf returns correct digits: a difference that is truly nonzero comes back with full
    precision however tiny it is (10^-40 x), while an exact zero that sympy could not cancel comes
    back as a Float with almost no precision ("0.e-165"). Only the latter, and only when small
    next to the gold's own size, counts as zero.
    """
    if diff == 0:
        return True
    if not (diff.is_number and scale.is_number):
        return None
    parts = [p for p in diff.as_real_imag() if p != 0]
    if not all(p.is_Float for p in parts):
        return None
    if any(p._prec > 10 for p in parts):
        return False
    size = max(sp.Float(1), sp.Abs(scale).evalf())
    if not size.is_Float:
        return None
    return True if all(abs(p) <= tol * size for p in parts) else None


def _numbers_equal(gold: Any, answer: Any) -> Match:
    diff = answer - gold
    if diff == 0:
        return YES
    if isinstance(diff, sp.Rational) or diff.is_zero is False:  # e.g. sqrt(2) + e^-1000 - sqrt(2)
        return _no("not equal")
    zero = _zero(diff.evalf(PROBE_DIGITS), gold.evalf(PROBE_DIGITS), TOLERANCE)
    if zero is None:
        return YES if sp.simplify(diff) == 0 else _unknown("could not evaluate")
    if not zero:
        return _no("not equal")
    # Confirm with far more working precision: cancellation below 10^-30 is looked at too.
    zero = _zero(diff.evalf(CONFIRM_DIGITS, maxn=CONFIRM_MAXN), gold.evalf(CONFIRM_DIGITS), TOLERANCE)
    if zero:
        return YES
    return _no("not equal") if zero is False else _unknown("could not evaluate")


_IRRATIONAL_POINTS = (
    sp.sqrt(2) / 3,
    sp.pi / 7,
    sp.E / 5,
    37 + sp.sqrt(3) / 5,
    251 + sp.pi / 4,
    1234 + sp.E / 5,
)
_SYMBOL_SHIFT = sp.sqrt(5) / 11  # distinct values for distinct symbols at the fixed points
_GROWTH = (sp.exp, sp.factorial, sp.gamma, sp.sinh, sp.cosh)


def _growth_depth(expr: Any) -> int:
    """How deeply fast-growing functions (exp, x^x, factorial) nest: e^{e^x} is 2."""
    if not isinstance(expr, sp.Basic) or not expr.args:
        return 0
    inner = max(_growth_depth(a) for a in expr.args)
    grows = isinstance(expr, _GROWTH) or (isinstance(expr, sp.Pow) and bool(expr.exp.free_symbols))
    return inner + 1 if grows else inner


def _expressions_equal(gold: Any, answer: Any) -> Match:
    diff = answer - gold
    if diff == 0:
        return YES
    if diff.is_zero is False:
        return _no("not equal")
    symbols = sorted(diff.free_symbols | gold.free_symbols, key=lambda s: s.name)
    if gold.is_rational_function(*symbols) and answer.is_rational_function(*symbols):
        return YES if sp.cancel(diff) == 0 else _no("not equal")
    rng = random.Random(f"{sp.srepr(gold)}")  # reproducible verdicts
    results: dict[bool, list[bool | None]] = {True: [], False: []}
    points: list[tuple[bool, dict[Any, Any]]] = []
    for positive in (True, True, True, True, False, False, False):
        point = {s: sp.Rational(rng.randint(30, 290), rng.choice((97, 101, 103))) for s in symbols}
        points.append((positive, point if positive else {s: -v for s, v in point.items()}))
    # Rational points alone are defeated by aliasing (x + sin(1009091 pi x) is x at every p/97) and
    # stay below 3 in size (min(x, 100) is x there): irrational points, evaluated by evalf at the
    # working precision, and large ones too. Huge points are skipped for nested exponentials.
    bases = _IRRATIONAL_POINTS if _growth_depth(diff) < 2 else _IRRATIONAL_POINTS[:3]
    for base in bases:
        point = {s: base + k * _SYMBOL_SHIFT for k, s in enumerate(symbols)}
        points += [(True, point), (False, {s: -v for s, v in point.items()})]
    for positive, point in points:
        value = diff.evalf(PROBE_DIGITS, subs=point, maxn=PROBE_MAXN)
        results[positive].append(_zero(value, gold.evalf(PROBE_DIGITS, subs=point), TOLERANCE))
    if False in results[True]:
        return _no("differs at a sample point")
    if results[True].count(True) < 2:
        return YES if sp.simplify(diff) == 0 else _unknown("could not evaluate at sample points")
    if False in results[False]:
        return _unknown("equal for positive values only")
    return YES


def same_equation(gold: Any, lhs: Any, rhs: Any) -> Match:
    """Same equation up to a nonzero constant factor: y = 2x + 1 is 2x - y + 1 = 0."""
    g = gold.lhs - gold.rhs
    a = _unify_symbols(g, lhs - rhs)
    if {s.name for s in a.free_symbols} != {s.name for s in g.free_symbols}:
        return _no("different variables")
    symbols = sorted(g.free_symbols, key=lambda s: s.name)
    if symbols and g.is_rational_function(*symbols) and a.is_rational_function(*symbols):
        pg = sp.Poly(sp.numer(sp.together(g)), *symbols)
        pa = sp.Poly(sp.numer(sp.together(a)), *symbols)
        if pg.is_zero or pa.is_zero:
            return _unknown("degenerate equation")
        same = (pa * pg.LC() - pg * pa.LC()).is_zero
        return YES if same else _no("not the same equation")
    ratio = sp.simplify(a / g)
    if ratio.is_number and ratio.is_finite and ratio != 0:
        return YES
    return _unknown("could not show the equations are equivalent")
