"""`verigen templates ...`: list, diversity, gallery."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from verigen.cli.common import (
    TemplatesDir,
    err,
    load_user_templates,
    out,
    templates_app,
)


@templates_app.command("list")
def templates_list(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array instead of a table.")] = False,
    templates_dir: TemplatesDir = None,
) -> None:
    """List the registered templates: name, kind, area, description."""
    from rich.table import Table

    from verigen.templates import all_templates

    load_user_templates(templates_dir)
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

    load_user_templates(templates_dir)
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

    load_user_templates(templates_dir)
    text = render_gallery(all_templates())
    if out_path is None:
        print(text, end="")
    else:
        out_path.write_text(text)
        err.print(f"wrote {out_path}")
