"""`verigen eval-suite ...`: export a frozen, stratified suite, and grade a model against it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from verigen.cli.common import TemplatesDir, err, eval_app, load_user_templates


@eval_app.command("export")
def eval_export(
    out_dir: Annotated[Path, typer.Option("--out", help="The suite folder (replaced whole).")],
    config_file: Annotated[Path | None, typer.Option("--config", help="TOML: count, seed, mix, ...")] = None,
    count: Annotated[int | None, typer.Option("--count", min=1)] = None,
    seed: Annotated[int | None, typer.Option("--seed", min=0, help="Use another seed than training.")] = None,
    template: Annotated[list[str] | None, typer.Option("--template", help="Repeatable.")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", help="math and/or code.")] = None,
    difficulty: Annotated[list[int] | None, typer.Option("--difficulty", help="Repeatable; 1-5.")] = None,
    exclude_run: Annotated[
        list[Path] | None, typer.Option("--exclude-run", help="Leave out problems this run posed.")
    ] = None,
    math_deadline: Annotated[float, typer.Option("--math-deadline")] = 5.0,
    code_timeout: Annotated[float | None, typer.Option("--code-timeout")] = None,
    name: Annotated[str, typer.Option("--name")] = "verigen-eval",
    templates_dir: TemplatesDir = None,
) -> None:
    """Write a frozen eval suite: problems with gold answers or hidden tests, and checker settings."""
    from verigen.config import build_config, load_config_file
    from verigen.evalsuite import excluding_runs, export_eval_suite

    load_user_templates(templates_dir)
    settings: dict[str, Any] = load_config_file(config_file) if config_file else {}
    flags = {"count": count, "seed": seed, "templates": template, "kinds": kind, "difficulties": difficulty}
    settings.update({k: v for k, v in flags.items() if v})
    settings.setdefault("kinds", ["math", "code"])
    exclude = excluding_runs(*exclude_run) if exclude_run else None
    result = export_eval_suite(
        build_config(settings), out_dir, exclude=exclude, math_deadline=math_deadline,
        code_timeout=code_timeout, name=name,
    )  # fmt: skip
    selection = result.selection
    err.print(
        f"eval suite {result.out_dir}: {result.problems} problems over {len(result.strata)} strata"
        f" ({selection.excluded} excluded, {selection.duplicates} duplicates, {selection.redrawn} redrawn)"
    )
    for (template_name, level), missing in sorted(selection.shortfall.items()):
        err.print(f"warning: stratum {template_name} difficulty {level} is {missing} short")


@eval_app.command("grade")
def eval_grade(
    suite_dir: Annotated[Path, typer.Argument(help="A suite folder made by `eval-suite export`.")],
    predictions: Annotated[Path, typer.Argument(help='JSONL lines {"id", "response"}.')],
    out_path: Annotated[Path | None, typer.Option("--out", help="Also write verdicts (JSONL).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    workers: Annotated[int | None, typer.Option("--workers")] = None,
) -> None:
    """Grade a model's responses against a frozen suite; accuracy overall and per template."""
    import json

    from verigen.evalsuite import grade_eval_suite

    scores = grade_eval_suite(suite_dir, predictions, out_path=out_path, workers=workers)
    print(json.dumps(scores.to_json(), indent=2) if as_json else scores.text())
    if scores.infra_errors:
        err.print(f"warning: {scores.infra_errors} answers could not be checked (infra_error)")
