"""Quality filters: a verified answer can still be a bad training example.

Each filter names one defect; a response gets the first reason that applies, so the counts add up.
They run on every candidate response (passes and verified failures alike): a filtered pass cannot
be SFT or `chosen`, and a filtered failure cannot be `rejected` (a truncated or looping negative
teaches the model about length and loops, not about being wrong).

- truncated: finish_reason == "length"; the answer was cut off
- repetition: a loop (word n-grams seen 3+ times cover most of the text, or zlib squeezes it)
- no_reasoning (math): fewer than N whitespace tokens before the final answer
- conflicting_answers (math): several different \\boxed answers (adjacent boxes listing a set are one)
- no_program (code): no code block, no `def <entry_point>` for a function, no input reading for stdio
- length_outlier: longer than median + k·MAD of the template's responses (a robust bound)
"""

from __future__ import annotations

import re
import statistics
import zlib
from collections import Counter, defaultdict

from verigen.code.extract import extract_code
from verigen.curate.report import StageReport
from verigen.curate.settings import CurateSettings
from verigen.curate.text import normalize
from verigen.math.extract import extract_answer, find_boxed
from verigen.types import Attempt, Problem

MIN_REPEAT_TOKENS = 30  # shorter texts cannot loop meaningfully
MIN_COMPRESS_CHARS = 400  # zlib's header dominates short texts
MIN_LENGTH_GROUP = 10  # responses needed before a template's length bound means anything
_READS_INPUT = re.compile(r"\binput\s*\(|\bsys\s*\.\s*stdin\b|\bopen\s*\(\s*0\b|\bfileinput\b|\bstdin\b")


def repetition_coverage(text: str, n: int) -> float:
    """Share of whitespace tokens inside some n-gram that occurs at least three times."""
    toks = text.split()
    if len(toks) < max(MIN_REPEAT_TOKENS, 3 * n):
        return 0.0
    grams = [tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)]
    counts = Counter(grams)
    covered = bytearray(len(toks))
    for i, gram in enumerate(grams):
        if counts[gram] >= 3:
            covered[i : i + n] = b"\x01" * n
    return sum(covered) / len(toks)


def compression_ratio(text: str) -> float:
    raw = text.encode()
    return len(zlib.compress(raw, 9)) / len(raw) if raw else 1.0


def is_loop(text: str, settings: CurateSettings) -> bool:
    if repetition_coverage(text, settings.repeat_ngram) > settings.max_repeat_coverage:
        return True
    return len(text) >= MIN_COMPRESS_CHARS and compression_ratio(text) < settings.min_compression_ratio


def reasoning_words(text: str) -> int:
    """Whitespace tokens before the final answer (the last \\boxed, else the last line)."""
    boxes, _ = find_boxed(text)
    if boxes:
        before = text[: boxes[-1][0]]
    else:
        stripped = text.rstrip()
        before = stripped[: max(stripped.rfind("\n"), 0)]
    return len(before.split())


def has_conflicting_answers(text: str) -> bool:
    ex = extract_answer(text)
    if ex.source != "boxed" or ex.joined is not None:
        return False
    return len({normalize(c) for c in ex.candidates}) > 1


def program_problem(problem: Problem, text: str) -> str | None:
    """Why the response holds no usable program for this code problem, or None."""
    code = extract_code(text)
    if code is None:
        return "no_code_block"
    entry = problem.answer.get("entry_point")
    if entry:
        name = re.escape(entry)
        if not re.search(rf"(?m)^\s*(?:async\s+)?def\s+{name}\s*\(|^\s*{name}\s*=", code):
            return "no_entry_point"
    elif problem.answer.get("style") == "stdio" and not _READS_INPUT.search(code):
        return "no_input_reading"
    return None


def length_bounds(
    problems: dict[str, Problem], attempts: list[Attempt], settings: CurateSettings
) -> dict[str, float]:
    """Upper length bound (chars) per template: median + k * max(1.4826 * MAD, 10% of median)."""
    if settings.length_mad_k <= 0:
        return {}
    lengths: dict[str, list[int]] = defaultdict(list)
    for a in attempts:
        lengths[problems[a.problem_id].template].append(len(a.completion.text))
    bounds: dict[str, float] = {}
    for template, values in lengths.items():
        if len(values) >= MIN_LENGTH_GROUP:
            med = statistics.median(values)
            mad = statistics.median(abs(v - med) for v in values)
            bounds[template] = med + settings.length_mad_k * max(1.4826 * mad, 0.1 * med, 1.0)
    return bounds


def reject_reason(
    problem: Problem, attempt: Attempt, settings: CurateSettings, bound: float | None = None
) -> str | None:
    """The first quality defect of one response, or None when it may be a training example."""
    text = attempt.completion.text
    if settings.filter_truncated and attempt.completion.finish_reason == "length":
        return "truncated"
    if is_loop(text, settings):
        return "repetition"
    if problem.kind == "math":
        if settings.min_reasoning_words and reasoning_words(text) < settings.min_reasoning_words:
            return "no_reasoning"
        if settings.filter_conflicting_answers and has_conflicting_answers(text):
            return "conflicting_answers"
    elif settings.filter_code_program and (why := program_problem(problem, text)):
        return f"no_program:{why}"
    if bound is not None and len(text) > bound:
        return "length_outlier"
    return None


def quality_filter(
    problems: dict[str, Problem], candidates: list[Attempt], settings: CurateSettings
) -> tuple[list[Attempt], StageReport]:
    """Keep the candidate responses with no defect, in their given order."""
    report = StageReport("quality", "responses")
    bounds = length_bounds(problems, candidates, settings)
    report.stats["length_bound_chars"] = {k: round(v, 1) for k, v in sorted(bounds.items())}
    kept: list[Attempt] = []
    for a in candidates:
        problem = problems[a.problem_id]
        reason = reject_reason(problem, a, settings, bounds.get(problem.template))
        if reason is None:
            kept.append(a)
            report.keep()
        else:
            report.remove(f"{a.problem_id}#{a.sample_index}", reason)
    return kept, report
