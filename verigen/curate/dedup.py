"""Exact and near-duplicate clusters (MinHash LSH), and the dedup stages over problems and responses.

Exact duplicates are equal normalised texts. Near duplicates are found by MinHash LSH over word
shingles and then confirmed by the exact Jaccard of the shingle sets, so a false LSH candidate never
merges two texts (a pair right at the threshold is found ~90% of the time, one 0.05 above it ~always;
small groups, such as one problem's responses, are compared pairwise and exactly). Clusters are the
connected components of confirmed pairs. Everything is a pure function of the texts (fixed MinHash
seed), so the same store always gives the same clusters.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from verigen.curate.report import StageReport
from verigen.curate.settings import CurateSettings
from verigen.curate.text import jaccard, normalize, normalized_tokens, question_text, shingles
from verigen.types import Attempt, Problem

LSH_WEIGHTS = (0.05, 0.95)  # (false positive, false negative) weights of the band layout
PAIRWISE_MAX = 48  # up to this many distinct texts, every pair is compared exactly (no LSH)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def clusters(texts: Sequence[str], threshold: float, num_perm: int, shingle_size: int) -> list[list[int]]:
    """Indices of `texts` grouped into duplicate clusters (singletons included), each sorted, in
    order of their first member."""
    return normalized_clusters([normalize(t) for t in texts], threshold, num_perm, shingle_size)


def normalized_clusters(
    norms: Sequence[str], threshold: float, num_perm: int, shingle_size: int
) -> list[list[int]]:
    """`clusters` of texts already passed through `normalize`."""
    uf = _UnionFind(len(norms))
    first_of: dict[str, int] = {}
    unique: list[int] = []
    for i, key in enumerate(norms):
        if key in first_of:
            uf.union(first_of[key], i)
        else:
            first_of[key] = i
            unique.append(i)
    if threshold < 1.0 and len(unique) > 1:
        sets = {i: shingles(normalized_tokens(norms[i]), shingle_size) for i in unique}
        pairs = (
            itertools.combinations(unique, 2)
            if len(unique) <= PAIRWISE_MAX
            else _lsh_candidates(unique, sets, threshold, num_perm)
        )
        for i, j in pairs:
            if uf.find(i) != uf.find(j) and jaccard(sets[i], sets[j]) >= threshold:
                uf.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(norms)):
        groups.setdefault(uf.find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


@functools.lru_cache(maxsize=16)
def _band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch optimises (bands, rows) by numeric integration: slow, so once per setting."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=LSH_WEIGHTS)
    return lsh.b, lsh.r


def _lsh_candidates(
    ids: list[int], sets: dict[int, set[str]], threshold: float, num_perm: int
) -> Iterator[tuple[int, int]]:
    """Pairs sharing an LSH bucket. Every pair is confirmed exactly afterwards, so the bands are
    tuned for recall (datasketch's default weights find ~30% of pairs right at the threshold)."""
    present = [i for i in ids if sets[i]]
    hashes = MinHash.bulk([[s.encode() for s in sorted(sets[i])] for i in present], num_perm=num_perm, seed=1)
    lsh = MinHashLSH(num_perm=num_perm, params=_band_layout(threshold, num_perm))
    for i, mh in zip(present, hashes, strict=True):
        for j in lsh.query(mh):
            yield j, i
        lsh.insert(i, mh, check_duplication=False)


def _digest(norm: str) -> str:
    return hashlib.sha256(norm.encode()).hexdigest()


@dataclass(frozen=True)
class ProblemClusters:
    """`cluster_id[pid]`: the smallest problem id of its cluster; `split_key[pid]`: the smallest
    normalised-text hash in the cluster, which depends on the texts only (not on seeds or ids)."""

    kept: list[Problem]
    cluster_id: dict[str, str]
    split_key: dict[str, str]


def dedup_problems(problems: list[Problem], settings: CurateSettings) -> tuple[ProblemClusters, StageReport]:
    """Exact duplicates are always dropped; near duplicates are dropped or, with
    `near_duplicates="cluster"`, kept and tied to one split. The smallest id of a cluster is kept."""
    report = StageReport("problem_dedup", "problems")
    norms = [question_text(p) for p in problems]  # already normalised
    groups = normalized_clusters(norms, settings.near_dup_threshold, settings.num_perm, settings.shingle_size)
    drop: set[str] = set()
    cluster_id: dict[str, str] = {}
    split_key: dict[str, str] = {}
    for group in groups:
        members = sorted(group, key=lambda i: problems[i].id)
        head = members[0]
        key = min(_digest(norms[i]) for i in members)
        for i in members:
            pid = problems[i].id
            cluster_id[pid], split_key[pid] = problems[head].id, key
            if i == head:
                continue
            if norms[i] == norms[head]:
                drop.add(pid)
                report.remove(pid, "exact_duplicate")
            elif settings.near_duplicates == "drop":
                drop.add(pid)
                report.remove(pid, "near_duplicate")
    kept = [p for p in problems if p.id not in drop]
    report.keep(len(kept))
    report.stats["clusters_with_several_members"] = sum(len(g) > 1 for g in groups)
    return ProblemClusters(kept, cluster_id, split_key), report


def _attempt_id(a: Attempt) -> str:
    return f"{a.problem_id}#{a.sample_index}"


def dedup_responses(
    groups: dict[str, list[Attempt]], settings: CurateSettings, report: StageReport
) -> dict[str, list[Attempt]]:
    """Within each group (one problem's passes, or its failures) keep the lowest sample index of
    each duplicate cluster."""
    out: dict[str, list[Attempt]] = {}
    for key, group in groups.items():
        out[key] = _dedup_ordered(sorted(group, key=lambda a: a.sample_index), settings, report)
    return out


def _dedup_ordered(ordered: list[Attempt], settings: CurateSettings, report: StageReport) -> list[Attempt]:
    norms = [normalize(a.completion.text) for a in ordered]
    kept: list[Attempt] = []
    for group in normalized_clusters(
        norms, settings.near_dup_threshold, settings.num_perm, settings.shingle_size
    ):
        head = group[0]
        kept.append(ordered[head])
        report.keep()
        for i in group[1:]:
            same = norms[i] == norms[head]
            report.remove(_attempt_id(ordered[i]), "exact_duplicate" if same else "near_duplicate")
    return kept  # heads come in order: clusters are sorted by their first member


def dedup_across(ordered: list[Attempt], settings: CurateSettings) -> tuple[list[Attempt], StageReport]:
    """Near-identical responses across the whole SFT set (in problem order): the first is kept."""
    report = StageReport("sft_dedup", "sft_rows")
    kept = _dedup_ordered(ordered, settings, report)
    return kept, report
