"""Shared pieces of the CLI: the Typer apps, the consoles, common options."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Generate verified reasoning and code data: SFT sets, DPO pairs, eval suites.",
)
templates_app = typer.Typer(no_args_is_help=True, help="Inspect the problem templates.")
verify_app = typer.Typer(no_args_is_help=True, help="Verify answers or programs from files.")
sandbox_app = typer.Typer(no_args_is_help=True, help="Build and check the code sandbox.")
eval_app = typer.Typer(no_args_is_help=True, help="Frozen, verified eval suites: export and grade.")
app.add_typer(templates_app, name="templates")
app.add_typer(verify_app, name="verify")
app.add_typer(sandbox_app, name="sandbox")
app.add_typer(eval_app, name="eval-suite")

out = Console()
err = Console(stderr=True, soft_wrap=True)

TemplatesDir = Annotated[
    Path | None, typer.Option("--templates-dir", help="Also load template files from this folder.")
]


def load_user_templates(templates_dir: Path | None) -> None:
    if templates_dir is not None:
        from verigen.templates import load_templates_dir

        load_templates_dir(templates_dir)
