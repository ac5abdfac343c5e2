"""The dataset card (README.md): what the data is, and what each curation stage removed and why."""

from __future__ import annotations

from typing import Any

from verigen import __version__
from verigen.curate.benchmarks import parse_spec
from verigen.curate.pipeline import Curated
from verigen.curate.split import SPLITS

NAMES = ("sft", "dpo", "problems")
MAX_LISTED_MATCHES = 20


def _yaml_configs() -> str:
    lines = ["configs:"]
    for name in NAMES:
        lines += [f"- config_name: {name}", "  data_files:"]
        lines += [f"  - split: {s}\n    path: {name}-{s}.parquet" for s in SPLITS]
    return "\n".join(lines)


def _stage_table(curated: Curated) -> str:
    rows = ["| stage | unit | kept | removed | why |", "|---|---|---|---|---|"]
    for s in curated.stages:
        why = ", ".join(f"{k} {v}" for k, v in s.reasons.most_common()) or "-"
        rows.append(f"| {s.name} | {s.unit} | {s.kept} | {s.removed} | {why} |")
    return "\n".join(rows)


def _lengths(curated: Curated) -> str:
    sft, dpo = curated.lengths["sft"], curated.lengths["dpo"]
    return (
        f"- SFT responses: mean {sft['chars_mean']} chars (median {sft['chars_median']}), "
        f"mean {sft['tokens_mean']} tokens.\n"
        f"- DPO: chosen mean {dpo['chosen_chars_mean']} chars, rejected mean {dpo['rejected_chars_mean']} "
        f"chars; chosen minus rejected: {dpo['chosen_minus_rejected_chars_mean']} chars, "
        f"{dpo['chosen_minus_rejected_tokens_mean']} tokens on average; chosen is the longer side in "
        f"{dpo['chosen_longer_fraction']} of pairs."
    )


def _matches(curated: Curated) -> str:
    if not curated.matches:
        return "No problem matched a benchmark (or none was checked)."
    lines = [f"{len(curated.matches)} benchmark matches; these problems were dropped:", ""]
    lines += ["| problem | benchmark | row | reason | shared text |", "|---|---|---|---|---|"]
    for m in curated.matches[:MAX_LISTED_MATCHES]:
        shared = m.ngram.replace("|", "\\|")
        name = parse_spec(m.benchmark)[0].name  # not the local path: cards get published
        lines.append(f"| {m.problem_id} | {name} | {m.row} | {m.reason} | {shared} |")
    if len(curated.matches) > MAX_LISTED_MATCHES:
        lines.append(f"\n(and {len(curated.matches) - MAX_LISTED_MATCHES} more in curation.json)")
    return "\n".join(lines)


def _counts_line(curated: Curated, name: str) -> str:
    rows: dict[str, list[Any]] = getattr(curated, name)
    total = sum(len(rows[s]) for s in SPLITS)
    return f"{total} rows (train {len(rows['train'])}, test {len(rows['test'])})"


def render_card(manifest: dict[str, Any], counts: dict[str, Any], curated: Curated) -> str:
    config = manifest.get("config", {})
    statuses = "\n".join(f"| {k} | {v} |" for k, v in sorted(counts["verdicts"].items()))
    templates = "\n".join(f"| {k} | {v} |" for k, v in sorted(counts["templates"].items()))
    return f"""---
tags: [synthetic, verified, verigen]
{_yaml_configs()}
---
# verigen dataset

Made by verigen {__version__}: templated problems with computed gold answers, solutions written
by the teacher `{manifest.get("teacher_model", "unknown")}`, each kept only after verification,
then curated (decontamination, dedup, quality filters) as the table below accounts for.

- `sft`: {_counts_line(curated, "sft")}, TRL conversational format (`messages`), verdict `pass` only.
- `dpo`: {_counts_line(curated, "dpo")} (`prompt`, `chosen`, `rejected`): chosen passed verification,
  rejected is a verified failure of the same problem (its failure type in `rejected_status`, the
  checker's words in `rejected_detail`).
- `problems`: {_counts_line(curated, "problems")}: prompts with gold answers, `pass_rate` and
  `n_samples` (the teacher's pass rate is a difficulty estimate).

Train and test are split by duplicate cluster: no problem, and no near duplicate of one, is on
both sides. Load with `datasets.load_from_disk("<this folder>/sft")` (a DatasetDict) or from the
parquet/jsonl files.

Problems: {counts["problems"]}; attempts: {counts["attempts"]}; seed {config.get("seed")};
samples per problem {config.get("samples")}.

## Curation

{_stage_table(curated)}

## Lengths

{_lengths(curated)}

## Decontamination

{_matches(curated)}

## Verdicts and templates

| verdict | attempts |
|---|---|
{statuses}

| template | problems |
|---|---|
{templates}
"""
