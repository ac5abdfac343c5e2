"""`verigen verify ...` and `verigen sandbox ...`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from verigen.cli.common import (
    err,
    out,
    sandbox_app,
    verify_app,
)


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
