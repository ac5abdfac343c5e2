"""Deterministic train/test split by duplicate cluster.

A problem's side is read off the hash of its cluster's split key (the smallest normalised-text hash
among the cluster's members), so near duplicates always share a side, and the same problem text
lands on the same side in every run, whatever the seed or the problem id. Raising `test_fraction`
only ever moves problems from train to test.
"""

from __future__ import annotations

from typing import Literal

Split = Literal["train", "test"]
SPLITS: tuple[Split, Split] = ("train", "test")


def split_of(split_key: str, test_fraction: float) -> Split:
    """`split_key` is a hex digest; its first 64 bits give a uniform point in [0, 1)."""
    point = int(split_key[:16], 16) / 2**64
    return "test" if point < test_fraction else "train"
