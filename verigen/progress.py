"""The progress bar of `verigen generate`: done/total, throughput, pass rate."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from verigen.pipeline import Progress as RunProgress


@contextlib.contextmanager
def progress_bar(console: Console) -> Iterator[Callable[[RunProgress], None]]:
    with Progress(
        TextColumn("[bold]generate"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.2f} attempts/s"),
        TextColumn("pass {task.fields[pass_rate]:.0%}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("generate", total=None, rate=0.0, pass_rate=0.0)

        def update(progress: RunProgress) -> None:
            import time

            elapsed = max(time.monotonic() - progress.started, 1e-9)
            bar.update(
                task,
                total=progress.total,
                completed=progress.done,
                rate=progress.done / elapsed,
                pass_rate=progress.pass_rate,
            )

        yield update
