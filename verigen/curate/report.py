"""What each stage removed and why: the numbers behind the dataset card and curation.json."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

Unit = Literal["problems", "responses", "sft_rows", "pairs"]
MAX_EXAMPLES = 5


@dataclass
class StageReport:
    """One stage's accounting. `kept + removed` is what the stage was given (in `unit`s)."""

    name: str
    unit: Unit
    kept: int = 0
    removed: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)

    def keep(self, n: int = 1) -> None:
        self.kept += n

    def remove(self, item_id: str, reason: str) -> None:
        self.removed += 1
        self.reasons[reason] += 1
        shown = self.examples.setdefault(reason, [])
        if len(shown) < MAX_EXAMPLES:
            shown.append(item_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "kept": self.kept,
            "removed": self.removed,
            "reasons": dict(sorted(self.reasons.items())),
            "examples": {k: v for k, v in sorted(self.examples.items())},
            "stats": self.stats,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StageReport:
        return cls(
            data["name"],
            data["unit"],
            data["kept"],
            data["removed"],
            Counter(data["reasons"]),
            {k: list(v) for k, v in data["examples"].items()},
            dict(data.get("stats", {})),
        )
