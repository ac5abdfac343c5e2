"""Exact and near-duplicate clusters (MinHash LSH), and the dedup stages over problems and responses.

Exact duplicates are equal normalised texts. Near duplicates are found by MinHash LSH over word
shingles and then confirmed by the exact Jaccard of the shingle sets, so a false LSH candidate never
merges two texts (a pair right at the threshold is found ~90% of the time, one 0.05 above it ~always);
clusters are the connected components of confirmed pairs. Everything is a pure
function of the texts (fixed MinHash seed), so the same store always gives the same clusters.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from verigen.curate.report import StageReport
from verigen.curate.settings import CurateSettings
from verigen.curate.text import jaccard, normalize, question_text, shingles, tokens
from verigen.types import Attempt, Problem

LSH_WEIGHTS = (0.05, 0.95)  # (false positive, false negative) weights of the band layout


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
    uf = _UnionFind(len(texts))
    first_of: dict[str, int] = {}
    unique: list[int] = []
    for i, text in enumerate(texts):
        key = normalize(text)
        if key in first_of:
            uf.union(first_of[key], i)
        else:
            first_of[key] = i
            unique.append(i)
    if threshold < 1.0 and len(unique) > 1:
        sets = {i: shingles(tokens(texts[i]), shingle_size) for i in unique}
        candidates = [i for i in unique if sets[i]]
        hashes = MinHash.bulk(
            [[s.encode() for s in sorted(sets[i])] for i in candidates], num_perm=num_perm, seed=1
        )
        # Every candidate is confirmed exactly, so the bands are tuned for recall (datasketch's
        # default weights find only ~30% of pairs right at the threshold; these ~90%, ~100% at +0.05).
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=LSH_WEIGHTS)
        for i, mh in zip(candidates, hashes, strict=True):
            for j in lsh.query(mh):
                if uf.find(i) != uf.find(j) and jaccard(sets[i], sets[j]) >= threshold:
                    uf.union(i, j)
            lsh.insert(i, mh, check_duplication=False)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(uf.find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def text_hash(text: str) -> str:
    return hashlib.sha256(normalize(text).encode()).hexdigest()


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
    texts = [question_text(p) for p in problems]
    groups = clusters(texts, settings.near_dup_threshold, settings.num_perm, settings.shingle_size)
    drop: set[str] = set()
    cluster_id: dict[str, str] = {}
    split_key: dict[str, str] = {}
    for group in groups:
        members = sorted(group, key=lambda i: problems[i].id)
        head = members[0]
        key = min(text_hash(texts[i]) for i in members)
        for i in members:
            pid = problems[i].id
            cluster_id[pid], split_key[pid] = problems[head].id, key
            if i == head:
                continue
            if normalize(texts[i]) == normalize(texts[head]):
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
    texts = [a.completion.text for a in ordered]
    kept: list[Attempt] = []
    for group in clusters(texts, settings.near_dup_threshold, settings.num_perm, settings.shingle_size):
        head = group[0]
        kept.append(ordered[head])
        report.keep()
        for i in group[1:]:
            same = normalize(texts[i]) == normalize(texts[head])
            report.remove(_attempt_id(ordered[i]), "exact_duplicate" if same else "near_duplicate")
    return kept  # heads come in order: clusters are sorted by their first member


def dedup_across(ordered: list[Attempt], settings: CurateSettings) -> tuple[list[Attempt], StageReport]:
    """Near-identical responses across the whole SFT set (in problem order): the first is kept."""
    report = StageReport("sft_dedup", "sft_rows")
    kept = _dedup_ordered(ordered, settings, report)
    return kept, report
