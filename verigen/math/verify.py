"""Math verification of one response: extract -> guard -> parse -> compare -> Verdict.

Status decisions (no false pass first, then no false `wrong_answer`):

* no box and no short bare answer / "Final answer:" line: `no_answer`.
* a guard refuses the answer (too long, too deep, a huge power or factorial...): `unverified`.
* the boxed text cannot be parsed: `unverified`. It might be a correct answer in a notation we do
  not read, so it must not become a DPO `rejected`. An unboxed short text that does not parse
  ("I don't know") is `no_answer`: we only guessed it was an answer.
* several different boxed answers: each is checked; all equal to the gold is a pass, a passing one
  next to a wrong one is `wrong_answer` ("conflicting boxed answers"), anything undecided makes
  the whole `unverified`. Adjacent boxes (`\\boxed{2}, \\boxed{3}`) count as one list for set
  golds, and for tuple golds only when separated by plain commas.
* `\\log x` without a base is the natural log (sympy's and most models' reading); an answer that
  only matches when read as base 10 is `unverified`.
* sympy or parser errors while checking: `unverified` with the error type in the detail.

This runs in-process with no deadline; `verigen.math.batch` runs it in killable worker processes.
It toggles `sympy.evaluate(False)` on the calling thread while parsing, and sympy's cache is
process-wide: do not run it concurrently with other sympy work in threads of one process.
"""

from __future__ import annotations

from verigen.math.compare import compare
from verigen.math.extract import extract_answer, has_bare_log
from verigen.math.gold import AnswerType, MathGold
from verigen.math.guards import GuardError
from verigen.math.parse import ParseFailure, parse_answer
from verigen.types import Status, Verdict

MAX_EXTRACTED_CHARS = 200


def _shown(text: str) -> str:
    return text if len(text) <= MAX_EXTRACTED_CHARS else text[: MAX_EXTRACTED_CHARS - 3] + "..."


def check_answer(gold: MathGold, text: str, boxed: bool = True) -> tuple[Status, str]:
    """Judge one extracted answer text against the gold."""
    try:
        match = compare(gold, parse_answer(text, gold.type))
        base10 = match.equal is False and has_bare_log(text)
        if base10 and compare(gold, parse_answer(text, gold.type, log_base10=True)).equal:
            return Status.UNVERIFIED, "equal only if \\log is read as base 10"
    except GuardError as e:
        return Status.UNVERIFIED, f"guard: {e}"
    except ParseFailure as e:
        return (Status.UNVERIFIED if boxed else Status.NO_ANSWER), f"cannot parse answer: {e}"
    except RecursionError:
        return Status.UNVERIFIED, "guard: expression nested too deeply"
    except Exception as e:
        # sympy raises assorted exception types on odd inputs (TypeError, PolynomialError,
        # NotImplementedError...); not being able to decide is not the model's fault.
        return Status.UNVERIFIED, f"checker error: {type(e).__name__}"
    if match.equal:
        return Status.PASS, match.reason or "equivalent"
    if match.equal is False:
        return Status.WRONG_ANSWER, match.reason or "not equivalent"
    return Status.UNVERIFIED, match.reason or "could not decide"


def verify_math(gold: MathGold, response: str) -> Verdict:
    """Verify one model response (or a bare answer) against a structured gold answer."""
    ex = extract_answer(response)
    if not ex.candidates:
        return Verdict(Status.NO_ANSWER, None, ex.detail)
    shown = _shown(ex.candidates[-1])
    if ex.detail:  # e.g. too many distinct boxed answers
        return Verdict(Status.UNVERIFIED, shown, ex.detail)
    boxed = ex.source == "boxed"
    # Adjacent boxes as one list: for a set any separator will do (`\boxed{2} or \boxed{3}`), but a
    # tuple is only read from plain commas; `\boxed{1} or \boxed{2}` hedges between values.
    if ex.joined is not None and (
        gold.type is AnswerType.SET or (gold.type is AnswerType.TUPLE and ex.joined_by_commas)
    ):
        status, detail = check_answer(gold, ex.joined, boxed)
        return Verdict(status, _shown(ex.joined), detail)
    results = [check_answer(gold, text, boxed) for text in ex.candidates]
    if len(results) == 1:
        return Verdict(results[0][0], shown, results[0][1])
    statuses = [s for s, _ in results]
    if all(s is Status.PASS for s in statuses):
        return Verdict(Status.PASS, shown, "all boxed answers equivalent")
    if Status.UNVERIFIED in statuses:
        detail = next(d for s, d in results if s is Status.UNVERIFIED)
        return Verdict(Status.UNVERIFIED, shown, f"several boxed answers, one undecided: {detail}")
    if Status.PASS in statuses:
        listing = " | ".join(_shown(t) for t in ex.candidates[:4])
        return Verdict(Status.WRONG_ANSWER, shown, _shown(f"conflicting boxed answers: {listing}"))
    return Verdict(results[-1][0], shown, results[-1][1])
