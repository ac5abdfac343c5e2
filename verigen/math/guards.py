"""Guards on untrusted answer text, before and during parsing.

Two layers, both cheap and both run before any sympy evaluation:

* `check_text` looks at the raw answer text (length, bracket nesting, digit runs, exponent chains,
  commands that would make the parser compute things). The LaTeX grammar's parse time grows
  steeply with nesting (20 nested braces take a minute), so depth is capped hard.
* `bounded_build` turns the *unevaluated* tree the parser built (under `sympy.evaluate(False)`)
  into an evaluated one, node by node, refusing nodes outside an allowlist and sizes that would
  explode (`10^{10^{100}}`, `1000000!`, `\\binom{10^9}{5 \\cdot 10^8}`): the size of each power,
  factorial and binomial is bounded from its already-built arguments before it is computed.

A guard failure means "the checker could not decide": the verdict is `unverified`, never a pass.
"""

from __future__ import annotations

import math
import re
from typing import Any

import sympy as sp
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanAtom

MAX_ANSWER_CHARS = 1000
MAX_DEPTH = 8  # bracket nesting; ANTLR time is exponential-ish beyond ~12 nested braces
MAX_LITERAL_DIGITS = 400  # one digit run; also far below Python's int<->str limit
MAX_POWERS = 30  # number of `^` in one answer
MAX_TOWER = 2  # `^` nested inside exponents: e^{x^2} is fine, 2^{2^{2^2}} is not
MAX_RESULT_DIGITS = 20_000  # size of any exact number built along the way
MAX_FACTORIAL = 3000
MAX_SYMBOLIC_EXPONENT = 1000  # integer power of a non-rational base, e.g. x^1000
MAX_SUM_EXPONENT = 100  # integer power of a sum: (x+1)^100 is already a lot to expand
MAX_NODES = 3000
MAX_TREE_DEPTH = 200

# \operatorname{...} names the grammar maps to harmless functions; the rest (eye, zeros, svd,
# rank, eigenvals...) compute at parse time.
_SAFE_OPERATORNAMES = frozenset({"floor", "ceil", "gcd", "lcm", "arcsinh", "arccosh", "arctanh"})
_FORBIDDEN = re.compile(
    r"\\(?:det|int|iint|iiint|oint|sum|prod|lim|limsup|liminf|partial|nabla"
    r"|begin\s*\{\s*(?!(?:p|b|B|small)?matrix\}|array\})|def|newcommand|renewcommand|input|include)"
)
_OPERATORNAME = re.compile(r"\\operatorname\s*\{\s*([^{}]*?)\s*\}")
_DIGIT_RUN = re.compile(rf"\d{{{MAX_LITERAL_DIGITS + 1},}}")
# `a^b^c` written without braces: ambiguous, and the parser reads it as (a^b)^c.
_POWER_CHAIN = re.compile(r"\^\s*(?:[\w.]+|\\[a-zA-Z]+)\s*\^")
# A subscript on a numeral is a base (`1010_2`, `12_{3}`) or a typo; the grammar drops it.
_NUMERAL_SUBSCRIPT = re.compile(r"(?<![a-zA-Z\d])\d+(?:\.\d*)?\s*_")


class GuardError(ValueError):
    """The answer is too big, too deep or uses a construct the checker refuses to evaluate."""


def check_text(text: str) -> None:
    """Refuse answer text that is too long, too deep, or would make the parser compute."""
    if len(text) > MAX_ANSWER_CHARS:
        raise GuardError(f"answer longer than {MAX_ANSWER_CHARS} characters")
    if _DIGIT_RUN.search(text):
        raise GuardError(f"number with more than {MAX_LITERAL_DIGITS} digits")
    if text.count("^") > MAX_POWERS:
        raise GuardError("too many powers")
    if text.count("!") > 20:
        raise GuardError("too many factorials")
    if _NUMERAL_SUBSCRIPT.search(text):
        raise GuardError("subscript on a number (a base?)")
    if _POWER_CHAIN.search(text):
        raise GuardError("exponent tower without braces")
    forbidden = _FORBIDDEN.search(text)
    if forbidden:
        raise GuardError(f"unsupported construct {forbidden.group(0)!r}")
    for name in _OPERATORNAME.findall(text):
        if name not in _SAFE_OPERATORNAMES:
            raise GuardError(f"unsupported \\operatorname{{{name[:20]}}}")
    _check_nesting(text)


def _check_nesting(text: str) -> None:
    """Bracket depth and exponent-tower height in one linear scan."""
    stack: list[bool] = []  # one entry per open bracket: does it open an exponent?
    towers = 0
    pending_power = False
    for ch in text:
        if ch in "([{":
            stack.append(pending_power and ch == "{")
            towers += stack[-1]
            if len(stack) > MAX_DEPTH:
                raise GuardError(f"brackets nested deeper than {MAX_DEPTH}")
        elif ch in ")]}":
            if stack:
                towers -= stack.pop()
        elif ch == "^" and towers + 1 > MAX_TOWER:
            raise GuardError("exponent tower")
        if not ch.isspace():
            pending_power = ch == "^"


# -- semantic layer -------------------------------------------------------------------------------

_FUNCS: tuple[type, ...] = (
    sp.exp,
    sp.log,
    sp.sin,
    sp.cos,
    sp.tan,
    sp.cot,
    sp.sec,
    sp.csc,
    sp.asin,
    sp.acos,
    sp.atan,
    sp.acot,
    sp.asec,
    sp.acsc,
    sp.sinh,
    sp.cosh,
    sp.tanh,
    sp.asinh,
    sp.acosh,
    sp.atanh,
    sp.Abs,
    sp.floor,
    sp.ceiling,
    sp.Min,
    sp.Max,
)
_CONTAINERS: tuple[type, ...] = (
    sp.Add,
    sp.Mul,
    sp.Tuple,
    sp.FiniteSet,
    sp.Interval,
    sp.Union,
    sp.And,
    sp.Or,
)
_ATOMS: tuple[type, ...] = (sp.Symbol, sp.Rational, BooleanAtom)
_CONSTANTS = (sp.pi, sp.E, sp.I, sp.oo, -sp.oo, sp.S.EmptySet, sp.S.Reals)


def _digits(n: int) -> int:
    return int(abs(n).bit_length() * 0.30103) + 1


def _number_digits(x: Any) -> int:
    if isinstance(x, sp.Rational):
        return max(_digits(int(x.p)), _digits(int(x.q)))
    return 0


def bounded_build(expr: Any) -> Any:
    """Evaluate an unevaluated parse tree bottom-up, refusing anything that could blow up."""
    out = _build(expr, [0], 0)
    if isinstance(out, sp.Basic) and out.has(sp.zoo, sp.nan):
        raise GuardError("undefined value (division by zero?)")
    return out


def _build(expr: Any, counter: list[int], depth: int) -> Any:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise GuardError("expression too large")
    if depth > MAX_TREE_DEPTH:
        raise GuardError("expression nested too deeply")
    if isinstance(expr, sp.Float):
        # Decimals the model typed are exact values: 0.75 means 3/4 (str keeps the typed digits).
        return sp.Rational(str(expr)) if expr.is_finite else _refuse(expr)
    if isinstance(expr, _ATOMS) or any(expr is c for c in _CONSTANTS):
        if isinstance(expr, sp.Rational) and _number_digits(expr) > MAX_RESULT_DIGITS:
            raise GuardError("number too large")
        return expr
    if isinstance(expr, sp.UnevaluatedExpr):
        return _build(expr.args[0], counter, depth + 1)
    args = [_build(a, counter, depth + 1) for a in expr.args]
    if isinstance(expr, Relational):
        return expr.func(*args, evaluate=False)
    if isinstance(expr, sp.Pow):
        _check_power(*args)
    elif isinstance(expr, (sp.factorial, sp.gamma)):
        _check_factorial(args[0])
    elif isinstance(expr, sp.binomial):
        _check_binomial(*args)
    elif not isinstance(expr, _CONTAINERS + _FUNCS):
        return _refuse(expr)
    out = sp.FiniteSet(*args) if isinstance(expr, sp.FiniteSet) else expr.func(*args)
    if isinstance(out, sp.Rational) and _number_digits(out) > MAX_RESULT_DIGITS:
        raise GuardError("number too large")
    return out


def _refuse(expr: Any) -> Any:
    raise GuardError(f"unsupported construct {type(expr).__name__}")


def _check_power(base: Any, exp: Any) -> None:
    if not exp.is_number or base in (sp.S.Zero, sp.S.One, sp.S.NegativeOne):
        return
    if isinstance(exp, sp.Rational) and not isinstance(exp, sp.Integer):
        if max(abs(int(exp.p)), int(exp.q)) > MAX_SYMBOLIC_EXPONENT:
            raise GuardError("exponent too large")
        return
    if not isinstance(exp, sp.Integer):
        if _exceeds(exp, MAX_SYMBOLIC_EXPONENT):
            raise GuardError("exponent too large")
        return
    n = abs(int(exp))
    if isinstance(base, sp.Rational):
        size = n * max(math.log10(abs(int(base.p))), math.log10(int(base.q)))
        if size > MAX_RESULT_DIGITS:
            raise GuardError("power too large")
    elif n > (MAX_SUM_EXPONENT if base.has(sp.Add) else MAX_SYMBOLIC_EXPONENT):
        raise GuardError("exponent too large")


def _exceeds(x: Any, bound: int) -> bool:
    """|x| > bound for a numeric x; undecidable counts as exceeding."""
    if isinstance(x, sp.Rational):
        return bool(abs(x) > bound)
    value = sp.Abs(x).evalf(15)
    return not (value.is_Number and bool(value <= bound))


def _check_factorial(arg: Any) -> None:
    if arg.is_number and _exceeds(arg, MAX_FACTORIAL):
        raise GuardError("factorial too large")


def _check_binomial(n: Any, k: Any) -> None:
    if not (n.is_number and k.is_number):
        return
    if not (isinstance(n, sp.Integer) and isinstance(k, sp.Integer)):
        if _exceeds(n, MAX_FACTORIAL) or _exceeds(k, MAX_FACTORIAL):
            raise GuardError("binomial too large")
        return
    ni, ki = int(n), int(k)
    smaller = min(abs(ki), abs(ni - ki))
    if smaller * math.log10(max(abs(ni), 2)) > MAX_RESULT_DIGITS:
        raise GuardError("binomial too large")
