"""Frozen eval suites: stratified problems with their gold answers and checker settings, and grading.

A suite folder holds `eval/` (datasets.load_from_disk), `eval.parquet`, `eval.jsonl`, `suite.json`
(checker settings, template versions, strata, a fingerprint of eval.jsonl) and a README card.
Math rows carry the gold JSON and its LaTeX; code rows carry the spec JSON with the hidden tests.
`grade_eval_suite` scores a model's responses against the frozen suite with verigen's verifiers
(code needs the Docker sandbox).

    select.py   which problems (plan strata, exclusion hook, redraws, no repeated prompts)
    export.py   write the folder and the card; load it back (checking the fingerprint)
    grade.py    score predictions
"""

from verigen.evalsuite.export import EvalSuiteResult, eval_card, export_eval_suite, load_eval_suite
from verigen.evalsuite.grade import EvalScores, grade_eval_suite, read_predictions
from verigen.evalsuite.select import Exclude, Selection, Source, excluding_runs, select_problems

__all__ = [
    "EvalScores",
    "EvalSuiteResult",
    "Exclude",
    "Selection",
    "Source",
    "eval_card",
    "excluding_runs",
    "export_eval_suite",
    "grade_eval_suite",
    "load_eval_suite",
    "read_predictions",
    "select_problems",
]
