"""Every knob of the curation stages in one frozen value, with defaults that suit templated data.

A plain dataclass (not the pydantic run config) so the library needs no config file; the CLI maps
its flags onto these fields. `validate()` raises ConfigError naming the bad field.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

from verigen.errors import ConfigError

Negative = Literal["first", "hardest", "balanced"]
NearDuplicates = Literal["drop", "cluster"]


@dataclass(frozen=True)
class CurateSettings:
    # -- dedup (MinHash LSH candidates, confirmed by exact Jaccard of word shingles) ---------------
    near_dup_threshold: float = 0.9  # instances of one template that differ in a number stay apart
    num_perm: int = 128
    shingle_size: int = 5
    near_duplicates: NearDuplicates = "drop"  # "cluster": keep them, but always in the same split
    dedup_responses: bool = True  # within each problem's passing (and failing) responses
    dedup_sft_across: bool = True  # near-identical SFT responses across problems

    # -- split ----------------------------------------------------------------------------------
    test_fraction: float = 0.1

    # -- decontamination (besides what `decontaminate_run` recorded in the store) -----------------
    decontaminate: tuple[str, ...] = ()  # FILE[:FIELD] specs checked at export time
    decontam_ngram: int = 13
    decontam_answer_match: bool = False  # math: equal answer and all of our numbers in the item

    # -- quality filters --------------------------------------------------------------------------
    filter_truncated: bool = True
    min_reasoning_words: int = 5  # math: words before the final answer; 0 turns the filter off
    filter_conflicting_answers: bool = True
    repeat_ngram: int = 6
    max_repeat_coverage: float = 0.5  # share of tokens inside word n-grams seen >= 3 times
    min_compression_ratio: float = 0.12  # zlib size / raw size, for responses >= 400 chars
    length_mad_k: float = 6.0  # drop responses longer than median + k * MAD of their template; 0: off
    filter_code_program: bool = True

    # -- difficulty -----------------------------------------------------------------------------
    pass_rate_min: float = 0.0
    pass_rate_max: float = 1.0

    # -- DPO pairing ----------------------------------------------------------------------------
    pairs_per_problem: int = 1
    negative: Negative = "first"
    length_matched: bool = False  # pick the chosen closest in length to each rejected
    max_pair_similarity: float = 0.95  # normalised edit similarity; above it the pair is noise

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        checks: list[tuple[str, bool]] = [
            ("near_dup_threshold", 0.0 < self.near_dup_threshold <= 1.0),
            ("num_perm", 16 <= self.num_perm <= 1024),
            ("shingle_size", 1 <= self.shingle_size <= 32),
            ("near_duplicates", self.near_duplicates in ("drop", "cluster")),
            ("test_fraction", 0.0 <= self.test_fraction < 1.0),
            ("decontam_ngram", 1 <= self.decontam_ngram <= 64),
            ("min_reasoning_words", self.min_reasoning_words >= 0),
            ("repeat_ngram", 1 <= self.repeat_ngram <= 64),
            ("max_repeat_coverage", 0.0 < self.max_repeat_coverage <= 1.0),
            ("min_compression_ratio", 0.0 <= self.min_compression_ratio < 1.0),
            ("length_mad_k", self.length_mad_k >= 0),
            ("pass_rate_min", 0.0 <= self.pass_rate_min <= 1.0),
            ("pass_rate_max", self.pass_rate_min <= self.pass_rate_max <= 1.0),
            ("pairs_per_problem", self.pairs_per_problem >= 1),
            ("negative", self.negative in ("first", "hardest", "balanced")),
            ("max_pair_similarity", 0.0 < self.max_pair_similarity <= 1.0),
        ]
        for name, ok in checks:
            if not ok:
                raise ConfigError(f"bad value for {name!r}: {getattr(self, name)!r}")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["decontaminate"] = list(self.decontaminate)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CurateSettings:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown curate setting {unknown[0]!r}")
        values = dict(data)
        if "decontaminate" in values:
            values["decontaminate"] = tuple(values["decontaminate"])
        return cls(**values)
