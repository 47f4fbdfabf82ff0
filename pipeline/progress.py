"""The progress bar of ``gongkai ingest`` on a terminal (rich): files done / total, files per second, time left,
failures so far. Written to standard error, so that standard output keeps the summary alone. rich is imported
when a bar is made (~0.1 s of start-up that a run without a terminal does not pay)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


class ProgressBar:
    """``with bar: bar.start(total); bar.advance(outcome) …`` (an outcome of pipeline.writer)."""

    def __init__(self, console: Console | None = None):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} files/s"), TextColumn("ETA"), TimeRemainingColumn(),
            TextColumn("{task.fields[failed]} failed"), console=console or Console(stderr=True))
        self.task = None
        self.began = time.monotonic()
        self.done = self.failed = 0

    def __enter__(self) -> ProgressBar:
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def start(self, total: int) -> None:
        self.began = time.monotonic()
        self.task = self.progress.add_task("ingest", total=total, rate=0.0, failed=0)

    def advance(self, outcome) -> None:
        self.done += 1
        self.failed += outcome.status == "failed"
        rate = self.done / max(time.monotonic() - self.began, 1e-6)
        if self.task is not None:
            self.progress.update(self.task, advance=1, rate=rate, failed=self.failed)
