"""The headline numbers of a run, as text for the CLI and as Markdown for a dataset card."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from verigen.report.data import ReportData


def format_duration(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m {secs:02d}s"
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


@dataclass(frozen=True)
class ReportSummary:
    """Headline numbers of a run (and where the report was written)."""

    run_dir: Path
    out_path: Path | None
    problems: int
    solved: int
    attempts: int
    passes: int
    pass_rate: float
    sft_rows: int
    dpo_pairs: int
    rows_source: str  # "export" (rows as exported, after curation) or "store" (before curation)
    prompt_tokens: int
    completion_tokens: int
    duration_s: float
    teacher_model: str
    seed: int | None
    verdicts: dict[str, int] = field(default_factory=dict)
    splits: dict[str, dict[str, int]] | None = None  # export splits: split -> {"sft": n, "dpo": n}

    @classmethod
    def from_data(cls, data: ReportData, out_path: Path | None = None) -> ReportSummary:
        verdicts: dict[str, int] = {}
        for counts in data.statuses.values():
            for status, n in counts.items():
                verdicts[status] = verdicts.get(status, 0) + n
        return cls(
            run_dir=data.run_dir,
            out_path=out_path,
            problems=data.problems,
            solved=data.solved,
            attempts=data.attempts,
            passes=data.passes,
            pass_rate=data.pass_rate,
            sft_rows=data.sft_rows,
            dpo_pairs=data.dpo_rows,
            rows_source=data.rows_source,
            prompt_tokens=sum(data.prompt_tokens.values()),
            completion_tokens=sum(data.completion_tokens.values()),
            duration_s=data.duration_s,
            teacher_model=data.teacher_model,
            seed=data.seed,
            verdicts=dict(sorted(verdicts.items())),
            splits=data.splits,
        )

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs of the headline table, in display order."""

        def where(name: str) -> str:
            if self.rows_source != "export":
                return "before curation"
            if not self.splits:
                return "exported"
            return "exported; " + ", ".join(f"{s} {n.get(name, 0)}" for s, n in self.splits.items())

        return [
            ("problems", f"{self.problems} ({self.solved} solved at least once)"),
            ("attempts", str(self.attempts)),
            ("pass rate", f"{self.pass_rate:.1%} ({self.passes} of {self.attempts} attempts)"),
            ("SFT rows", f"{self.sft_rows} ({where('sft')})"),
            ("DPO pairs", f"{self.dpo_pairs} ({where('dpo')})"),
            ("teacher tokens", f"{self.prompt_tokens} prompt + {self.completion_tokens} completion"),
            ("run duration", f"{format_duration(self.duration_s)} (first to last attempt)"),
            ("teacher model", self.teacher_model),
            ("seed", "unknown" if self.seed is None else str(self.seed)),
        ]

    def text(self) -> str:
        width = max(len(label) for label, _ in self.rows())
        lines = [f"{label:<{width}}  {value}" for label, value in self.rows()]
        if self.out_path is not None:
            lines.append(f"{'report':<{width}}  {self.out_path}")
        return "\n".join(lines)

    def markdown(self) -> str:
        """A Markdown table; store strings are escaped so they cannot inject markup into a card."""
        lines = ["| | |", "|---|---|"]
        lines += [f"| {label} | {_md(value)} |" for label, value in self.rows()]
        return "\n".join(lines) + "\n"


def _md(value: str) -> str:
    escaped = html.escape(value, quote=False)
    for char in "\\`*_[]|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped.replace("\n", " ")
