"""Curation: the stages between the run store and the datasets (decontamination, dedup, split,
quality filters, DPO pairing, difficulty), each accounting for what it removed."""

from verigen.curate.decontam import DecontamReport, Match, decontaminate_run, find_contamination
from verigen.curate.pipeline import Curated, curate
from verigen.curate.report import StageReport
from verigen.curate.settings import CurateSettings

__all__ = [
    "CurateSettings",
    "Curated",
    "DecontamReport",
    "Match",
    "StageReport",
    "curate",
    "decontaminate_run",
    "find_contamination",
]
