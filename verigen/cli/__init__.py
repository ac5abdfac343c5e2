"""The `verigen` command line. Library errors become one-line messages here, and only here."""

from __future__ import annotations

import os
import sys

import click

from verigen.cli import eval_cmd, run_cmd, templates_cmd, verify_cmd  # noqa: F401  (register commands)
from verigen.cli.common import app, err
from verigen.errors import VerigenError


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
