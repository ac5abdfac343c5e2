"""The `verigen` command line. Library errors become one-line messages here, and only here."""

from __future__ import annotations

import os
import sys

from verigen.cli import eval_cmd, run_cmd, templates_cmd, verify_cmd  # noqa: F401  (register commands)
from verigen.cli.common import app
from verigen.errors import VerigenError


def main(argv: list[str] | None = None) -> None:
    """Run the CLI. Typer (standalone) handles usage errors (exit 2) and explicit exit codes;
    our own errors become one line and exit 2; a bug of ours is one line and exit 1."""
    try:
        app(args=argv)
    except VerigenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    except Exception as exc:
        if os.environ.get("VERIGEN_DEBUG"):
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc} (VERIGEN_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        sys.exit(1)
