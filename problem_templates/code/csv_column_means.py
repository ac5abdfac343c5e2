"""A stdin/stdout program: the mean of each CSV column, skipping empty fields (float tolerance)."""

from __future__ import annotations

import random

from verigen.code.compare import Compare
from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
import sys

lines = [line.strip() for line in sys.stdin.read().splitlines()]
lines = [line for line in lines if line]
header = [name.strip() for name in lines[0].split(",")]
totals = [0.0] * len(header)
counts = [0] * len(header)
for line in lines[1:]:
    for k, field in enumerate(line.split(",")):
        field = field.strip()
        if field:
            totals[k] += float(field)
            counts[k] += 1
for name, total, count in zip(header, totals, counts):
    print(name, f"{total / count:.9f}" if count else "NA")
"""

WRONG = (
    # an empty field counts as 0 (divides by the number of rows)
    """
import sys
lines = [l.strip() for l in sys.stdin.read().splitlines() if l.strip()]
header = [h.strip() for h in lines[0].split(",")]
rows = [line.split(",") for line in lines[1:]]
for k, name in enumerate(header):
    values = [float(r[k]) if r[k].strip() else 0.0 for r in rows]
    print(name, sum(values) / len(values) if values and any(r[k].strip() for r in rows) else "NA")
""",
    # assumes a trailing newline and drops the last line when it is missing
    """
import sys
lines = sys.stdin.read().split("\\n")[:-1]
lines = [l.strip() for l in lines if l.strip()]
header = [h.strip() for h in lines[0].split(",")]
totals, counts = [0.0] * len(header), [0] * len(header)
for line in lines[1:]:
    for k, field in enumerate(line.split(",")):
        if field.strip():
            totals[k] += float(field)
            counts[k] += 1
for name, t, c in zip(header, totals, counts):
    print(name, t / c if c else "NA")
""",
    # a column without values gets 0 instead of NA
    """
import sys
lines = [l.strip() for l in sys.stdin.read().splitlines() if l.strip()]
header = [h.strip() for h in lines[0].split(",")]
totals, counts = [0.0] * len(header), [0] * len(header)
for line in lines[1:]:
    for k, field in enumerate(line.split(",")):
        if field.strip():
            totals[k] += float(field)
            counts[k] += 1
for name, t, c in zip(header, totals, counts):
    print(name, t / max(c, 1))
""",
    # rounds the mean to an integer
    """
import sys
lines = [l.strip() for l in sys.stdin.read().splitlines() if l.strip()]
header = [h.strip() for h in lines[0].split(",")]
totals, counts = [0.0] * len(header), [0] * len(header)
for line in lines[1:]:
    for k, field in enumerate(line.split(",")):
        if field.strip():
            totals[k] += float(field)
            counts[k] += 1
for name, t, c in zip(header, totals, counts):
    print(name, round(t / c) if c else "NA")
""",
)

PHRASINGS = (
    "The input is a small CSV table. Its first non-blank line is a header of column names "
    "separated by commas; every following non-blank line is a row with exactly one field per "
    "column. A field is a decimal number (possibly negative, possibly with spaces around it) or "
    "empty, meaning missing. Blank lines are ignored, and the last line may or may not end with "
    "a newline. For each column, in header order, print one line `name mean`, where mean is the "
    "average of the column's non-empty fields, or `name NA` if the column has no values. Means "
    "within 1e-6 (relative or absolute) are accepted.",
    "Read CSV data from standard input: a header line with the column names, then data rows "
    "(fields separated by commas; a field is a number such as -3, 2.5 or 10.25, or empty for a "
    "missing value; surrounding spaces do not matter; blank lines should be skipped; there may "
    "be no newline after the last row). Print, for every column in the order of the header, the "
    "column name, a space, and the mean of the values present in that column; print NA instead "
    "of the mean when the column has no values at all. A tolerance of 1e-6 is used.",
)

NAMES = ("price", "qty", "temp", "score", "height", "weight", "speed", "cost", "age", "rate", "load", "gain")


def _field(rng: random.Random, missing: float, decimals: int) -> str:
    if rng.random() < missing:
        return rng.choice(("", "", " "))
    value = round(rng.uniform(-100, 100), decimals)
    text = f"{value:.{decimals}f}" if decimals else str(int(value))
    return f" {text}" if rng.random() < 0.1 else text


def _table(
    rng: random.Random, columns: int, rows: int, missing: float, decimals: int, blank_column: bool = False
) -> str:
    header = rng.sample(NAMES, columns)
    empty = rng.randrange(columns) if blank_column else -1
    lines = [",".join(header)]
    for _ in range(rows):
        fields = ["" if k == empty else _field(rng, missing, decimals) for k in range(columns)]
        lines.append(",".join(fields))
        if rng.random() < 0.1:
            lines.append("")
    text = "\n".join(lines)
    return text if rng.random() < 0.5 else text + "\n"


@register
class CsvColumnMeans(CodeTemplate):
    name = "csv_column_means"
    area = "parsing"
    description = (
        "Mean of each CSV column, empty fields skipped, NA when none (stdin/stdout, float tolerance)."
    )
    style = "stdio"
    reference = REFERENCE
    wrong_variants = WRONG
    compare = Compare(rel_tol=1e-6, abs_tol=1e-6)

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: rows (3 .. 2000), columns (2 .. 8), decimals (0 .. 3) and the share of missing
        # fields grow with difficulty.
        rows, columns = (3, 6, 20, 300, 2000)[difficulty - 1], (2, 3, 4, 6, 8)[difficulty - 1]
        missing, decimals = (0.1, 0.15, 0.2, 0.3, 0.3)[difficulty - 1], (0, 1, 2, 2, 3)[difficulty - 1]
        a, b = rng.sample(NAMES, 2)
        x, y, z = (rng.randint(-20, 20) for _ in range(3))
        examples = [f"{a},{b}\n{x},1.5\n{y},\n{z},2.5\n", _table(rng, 3, 3, 0.2, 1)]
        hidden = [
            f"{a},{b}\n{x},\n,\n",  # b has no values
            f"{a}\n{x}\n{x + 7}",  # no newline after the last row
            f"{b},{a}\n1,{x}\n,{y}\n2,{z}\n\n",  # a blank line, a missing value
            f"{a},{b}\n1,2\n2,3\n",  # means 1.5 and 2.5
            *(_table(rng, columns, rows, missing, decimals, k == 0) for k in range(4)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
