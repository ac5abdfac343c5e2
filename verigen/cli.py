"""The `verigen` command line. Library errors become one-line messages here, and only here."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.console import Console

from verigen.errors import VerigenError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Generate verified reasoning and code data: SFT sets, DPO pairs, eval suites.",
)
templates_app = typer.Typer(no_args_is_help=True, help="Inspect the problem templates.")
verify_app = typer.Typer(no_args_is_help=True, help="Verify answers or programs from files.")
sandbox_app = typer.Typer(no_args_is_help=True, help="Build and check the code sandbox.")
app.add_typer(templates_app, name="templates")
app.add_typer(verify_app, name="verify")
app.add_typer(sandbox_app, name="sandbox")

out = Console()
err = Console(stderr=True, soft_wrap=True)

TemplatesDir = Annotated[
    Path | None, typer.Option("--templates-dir", help="Also load template files from this folder.")
]


def _load_user_templates(templates_dir: Path | None) -> None:
    if templates_dir is not None:
        from verigen.templates import load_templates_dir

        load_templates_dir(templates_dir)


@templates_app.command("list")
def templates_list(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array instead of a table.")] = False,
    templates_dir: TemplatesDir = None,
) -> None:
    """List the registered templates: name, kind, area, description."""
    from rich.table import Table

    from verigen.templates import all_templates

    _load_user_templates(templates_dir)
    infos = [t.info() for t in all_templates()]
    if as_json:
        print(json.dumps(infos, indent=2))
        return
    table = Table("name", "kind", "area", "description")
    for info in infos:
        table.add_row(info["name"], info["kind"], info["area"], info["description"])
    out.print(table)


@templates_app.command("diversity")
def templates_diversity(
    draws: Annotated[int, typer.Option("--draws", min=1, help="Samples per template.")] = 10_000,
    seed: Annotated[int, typer.Option("--seed", min=0)] = 3,
    template: Annotated[list[str] | None, typer.Option("--template", help="Repeatable; default all.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    templates_dir: TemplatesDir = None,
) -> None:
    """Distinct prompts and duplicate rate per template over DRAWS samples (all difficulties).
    Exit 1 if a template repeats prompts without saying its space is small."""
    from rich.table import Table

    from verigen.catalog import diversity_json, measure
    from verigen.plan import resolve_templates

    _load_user_templates(templates_dir)
    rows = measure(resolve_templates(template or [], ("math", "code")), draws, seed)
    if as_json:
        print(diversity_json(rows))
    else:
        table = Table("template", "draws", "distinct", "distinct ratio", "duplicate rate", "note")
        for r in rows:
            note = "REPEATS" if r.flagged else (f"small space: {r.small_space}" if r.small_space else "")
            table.add_row(r.template, str(r.draws), str(r.distinct), f"{r.distinct_ratio:.4f}",
                          f"{r.duplicate_rate:.4f}", note)  # fmt: skip
        out.print(table)
    if any(r.flagged for r in rows):
        raise typer.Exit(1)


@templates_app.command("gallery")
def templates_gallery(
    out_path: Annotated[Path | None, typer.Option("--out", help="Write here instead of stdout.")] = None,
    templates_dir: TemplatesDir = None,
) -> None:
    """Render the template gallery (Markdown): kind, area, answer type, an example per difficulty."""
    from verigen.catalog import render_gallery
    from verigen.templates import all_templates

    _load_user_templates(templates_dir)
    text = render_gallery(all_templates())
    if out_path is None:
        print(text, end="")
    else:
        out_path.write_text(text)
        err.print(f"wrote {out_path}")


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

    _load_user_templates(templates_dir)
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

    _load_user_templates(templates_dir)
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
    with progress_bar(err) as on_progress:
        summary = generate(out_dir, config, on_progress)
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
) -> None:
    """Write SFT and DPO datasets (save_to_disk, parquet, jsonl) with a dataset card."""
    from verigen.export import export_run

    result = export_run(run_dir, out_dir)
    err.print(f"SFT: {result.sft_rows} rows in {result.out_dir / 'sft'}")
    err.print(f"DPO: {result.dpo_rows} pairs in {result.out_dir / 'dpo'}")


@verify_app.command("math")
def verify_math_cmd(
    in_path: Annotated[Path, typer.Option("--in", help='JSONL lines {"id", "gold", "answer"}.')],
    out_path: Annotated[Path, typer.Option("--out", help="Where to write verdicts (JSONL).")],
    deadline: Annotated[float, typer.Option("--deadline", help="Seconds per item.")] = 5.0,
    workers: Annotated[int | None, typer.Option("--workers", help="Processes; default all cores.")] = None,
) -> None:
    """Check answers against gold answers; one verdict line per input line, in order."""
    from verigen.math.batch import verify_pairs_jsonl

    counts = verify_pairs_jsonl(in_path, out_path, deadline=deadline, workers=workers)
    err.print(", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no input lines")


@verify_app.command("code")
def verify_code_cmd(
    problems: Annotated[Path, typer.Option("--problems", help="HumanEval or verigen problems (JSONL).")],
    solutions: Annotated[Path, typer.Option("--solutions", help='JSONL {"id"?, "task_id", "completion"}.')],
    out_path: Annotated[Path, typer.Option("--out", help="Where to write verdicts (JSONL).")],
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds per program.")] = 10.0,
) -> None:
    """Run programs against hidden tests in the sandbox; one verdict line per solution, in order."""
    from verigen.code import verify_code_files

    counts = verify_code_files(problems, solutions, out_path, timeout=timeout)
    err.print(", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no solutions")


@sandbox_app.command("build")
def sandbox_build(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if the image exists.")] = False,
) -> None:
    """Build the sandbox image (from Debian's archive where no registry is reachable)."""
    from verigen.code import build_image

    err.print(f"sandbox image ready: {build_image(force=force)}")


@sandbox_app.command("check")
def sandbox_check_cmd() -> None:
    """Self-test the sandbox's isolation; exit 1 if any guarantee does not hold here."""
    from verigen.code import sandbox_check

    results = sandbox_check()
    for name, ok, detail in results:
        out.print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    if not all(ok for _, ok, _ in results):
        raise typer.Exit(1)


def main(argv: list[str] | None = None) -> None:
    try:
        app(args=argv, standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(130)
    except KeyboardInterrupt:
        err.print("interrupted: everything finished so far is saved; continue with --resume")
        sys.exit(130)
    except VerigenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    except Exception as exc:  # a bug of ours: still one line, the traceback on request
        if os.environ.get("VERIGEN_DEBUG"):
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc} (VERIGEN_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
