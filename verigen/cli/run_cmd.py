"""The run commands: problems, generate, export, report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from verigen.cli.common import (
    TemplatesDir,
    app,
    err,
    load_user_templates,
)


@app.command("problems")
def problems_cmd(
    out_path: Annotated[Path, typer.Option("--out", help="Where to write the problems (JSONL).")],
    count: Annotated[int, typer.Option("--count", min=1, help="Number of problems.")] = 100,
    seed: Annotated[int, typer.Option("--seed", min=0)] = 0,
    template: Annotated[list[str] | None, typer.Option("--template", help="Repeatable.")] = None,
    difficulty: Annotated[list[int] | None, typer.Option("--difficulty", help="Repeatable; 1-5.")] = None,
    templates_dir: TemplatesDir = None,
) -> None:
    """Write problems with their gold answers and no teacher: a verified eval suite."""
    from verigen.config import build_config
    from verigen.io import write_jsonl_atomic
    from verigen.plan import plan_problems

    load_user_templates(templates_dir)
    settings: dict[str, Any] = {"count": count, "seed": seed, "templates": template or []}
    settings["kinds"] = ["math", "code"]
    if difficulty:
        settings["difficulties"] = difficulty
    config = build_config(settings)
    problems = plan_problems(config.requested_counts(), config.seed)
    write_jsonl_atomic(out_path, (p.to_json() for p in problems))
    err.print(f"wrote {len(problems)} problems to {out_path}")


@app.command("generate")
def generate_cmd(
    out_dir: Annotated[Path, typer.Option("--out", help="The run directory.")],
    config_file: Annotated[Path | None, typer.Option("--config", help="TOML file of settings.")] = None,
    count: Annotated[int | None, typer.Option("--count", help="Number of problems.")] = None,
    samples: Annotated[int | None, typer.Option("--samples", help="Teacher samples per problem.")] = None,
    seed: Annotated[int | None, typer.Option("--seed")] = None,
    template: Annotated[list[str] | None, typer.Option("--template", help="Repeatable.")] = None,
    difficulty: Annotated[list[int] | None, typer.Option("--difficulty", help="Repeatable; 1-5.")] = None,
    kind: Annotated[
        list[str] | None, typer.Option("--kind", help="math and/or code: all such templates (default math).")
    ] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint; default: embedded model.")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Model name at the endpoint.")] = None,
    concurrency: Annotated[int | None, typer.Option("--concurrency")] = None,
    max_tokens: Annotated[int | None, typer.Option("--max-tokens")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the run in --out.")] = False,
    templates_dir: TemplatesDir = None,
) -> None:
    """Pose problems, sample the teacher, verify every answer, and record it all in the run."""
    from verigen.config import load_config_file
    from verigen.progress import progress_bar
    from verigen.run import generate, resolve_config

    load_user_templates(templates_dir)
    given: dict[str, Any] = load_config_file(config_file) if config_file else {}
    flags = {
        "count": count,
        "samples": samples,
        "seed": seed,
        "templates": template or None,
        "difficulties": difficulty or None,
        "kinds": kind or None,
        "base_url": base_url,
        "model": model,
        "concurrency": concurrency,
        "max_tokens": max_tokens,
    }
    given.update({k: v for k, v in flags.items() if v is not None})
    config = resolve_config(out_dir, given, resume)
    try:
        with progress_bar(err) as on_progress:
            summary = generate(out_dir, config, on_progress)
    except KeyboardInterrupt:
        err.print("interrupted: everything finished so far is saved; continue with --resume")
        raise typer.Exit(130) from None
    _print_strata(summary.strata)
    verdicts = ", ".join(f"{k} {v}" for k, v in sorted(summary.verdicts.items()))
    calls = summary.teacher.get("requests", 0)
    err.print(
        f"run {summary.run_dir}: {summary.problems} problems, {summary.attempts} attempts"
        f" ({summary.new_attempts} new, {calls} teacher requests); {verdicts}"
    )


def _print_strata(strata: list[tuple[str, int, int, int, int]]) -> None:
    """Requested against produced, per template (difficulty levels summed)."""
    from rich.table import Table

    table = Table("template", "difficulties", "requested", "produced", "solved", title="problems")
    per_template: dict[str, list[int]] = {}
    for name, _level, requested, produced, solved in strata:
        row = per_template.setdefault(name, [0, 0, 0])
        row[0] += requested
        row[1] += produced
        row[2] += solved
    for name, (requested, produced, solved) in per_template.items():
        levels = ",".join(str(level) for n, level, *_ in strata if n == name)
        table.add_row(name, levels, str(requested), str(produced), str(solved))
    err.print(table)
    unmet = [(n, lv, r, p) for n, lv, r, p, _ in strata if r != p]
    for name, level, requested, produced in unmet:
        err.print(f"stratum {name} difficulty {level}: requested {requested}, produced {produced}")


@app.command("export")
def export_cmd(
    run_dir: Annotated[Path, typer.Argument(help="A run directory made by `verigen generate`.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Where to write the datasets.")],
    config_file: Annotated[
        Path | None, typer.Option("--config", help="TOML whose [curate] table holds curation settings.")
    ] = None,
    test_fraction: Annotated[float | None, typer.Option("--test-fraction", help="Default 0.1.")] = None,
    decontaminate: Annotated[
        list[str] | None, typer.Option("--decontaminate", help="Benchmark FILE[:FIELD]; repeatable.")
    ] = None,
    decontam_ngram: Annotated[int | None, typer.Option("--decontam-ngram", help="Default 13.")] = None,
    near_dup_threshold: Annotated[float | None, typer.Option("--near-dup-threshold")] = None,
    pairs_per_problem: Annotated[int | None, typer.Option("--pairs-per-problem", help="Default 1.")] = None,
    negative: Annotated[
        str | None, typer.Option("--negative", help="Rejected choice: first, hardest or balanced.")
    ] = None,
    length_matched: Annotated[bool, typer.Option("--length-matched", help="Pair by similar length.")] = False,
    pass_rate_min: Annotated[float | None, typer.Option("--pass-rate-min")] = None,
    pass_rate_max: Annotated[float | None, typer.Option("--pass-rate-max")] = None,
    push_to_hub: Annotated[
        str | None, typer.Option("--push-to-hub", help="Also push to this Hub dataset repo (owner/name).")
    ] = None,
    private: Annotated[bool, typer.Option("--private", help="Create the Hub repo private.")] = False,
    token_env: Annotated[
        str, typer.Option("--token-env", help="Variable holding the Hub token.")
    ] = "HF_TOKEN",
) -> None:
    """Curate (dedup, decontaminate, filter, pair, split) and write SFT, DPO and problem datasets
    (save_to_disk, parquet, jsonl) with a dataset card and curation.json."""
    from verigen.config import load_config_file
    from verigen.curate import CurateSettings
    from verigen.export import export_run

    settings: dict[str, Any] = dict(load_config_file(config_file, table="curate")) if config_file else {}
    flags: dict[str, Any] = {
        "test_fraction": test_fraction, "decontaminate": decontaminate or None,
        "decontam_ngram": decontam_ngram, "near_dup_threshold": near_dup_threshold,
        "pairs_per_problem": pairs_per_problem, "negative": negative,
        "length_matched": length_matched or None, "pass_rate_min": pass_rate_min,
        "pass_rate_max": pass_rate_max,
    }  # fmt: skip
    settings.update({k: v for k, v in flags.items() if v is not None})
    result = export_run(run_dir, out_dir, CurateSettings.from_json(settings))
    for stage in result.curated.stages:
        reasons = ", ".join(f"{k} {v}" for k, v in stage.reasons.most_common())
        err.print(f"{stage.name}: kept {stage.kept} {stage.unit}, removed {stage.removed}"
                  + (f" ({reasons})" if reasons else ""))  # fmt: skip
    err.print(f"SFT: {result.sft_rows} rows in {result.out_dir / 'sft'}")
    err.print(f"DPO: {result.dpo_rows} pairs in {result.out_dir / 'dpo'}")
    if push_to_hub:
        from verigen.hub import push_to_hub as push

        pushed = push(result.out_dir, push_to_hub, private=private, token_env=token_env)
        err.print(f"pushed to {pushed.url}: {', '.join(pushed.configs)}")


@app.command("decontaminate")
def decontaminate_cmd(
    run_dir: Annotated[Path, typer.Argument(help="A run directory made by `verigen generate`.")],
    against: Annotated[list[str], typer.Option("--against", help="Benchmark FILE[:FIELD]; repeatable.")],
    ngram: Annotated[int, typer.Option("--ngram", help="Shared word n-gram length.")] = 13,
    answer_match: Annotated[bool, typer.Option("--answer-match", help="Also match equal answers.")] = False,
) -> None:
    """Find the run's problems that overlap benchmark items; later exports leave them out."""
    from verigen.curate import decontaminate_run

    report = decontaminate_run(run_dir, against, ngram, answer_match=answer_match)
    for match in report.matches:
        where = f"{match.benchmark}:{match.field} row {match.row}"
        print(f"{match.problem_id}\t{where}\t{match.reason}: {match.ngram}")
    for path, info in report.benchmarks.items():
        err.print(f"{path}: {info.get('rows')} items, {info.get('matched')} of the run's problems matched")
    err.print(f"contaminated problems: {report.stage.removed} (left out of every later export)")


@app.command("report")
def report_cmd(
    run_dir: Annotated[Path, typer.Argument(help="A run directory made by `verigen generate`.")],
    export_dir: Annotated[
        Path | None, typer.Option("--export", help="An export of this run: adds curation and lengths.")
    ] = None,
    out_path: Annotated[
        Path | None, typer.Option("--out", help="HTML file; default RUN_DIR/report.html.")
    ] = None,
) -> None:
    """Write a self-contained HTML report with plots, and print the headline numbers."""
    from verigen.report import build_report

    summary = build_report(run_dir, out_path, export_dir)
    print(summary.text())
