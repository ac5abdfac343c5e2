"""Single-source shortest distances in a weighted directed graph (Dijkstra), as a dict."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
import heapq

def shortest_distances(n: int, edges: list[tuple[int, int, int]], source: int) -> dict[int, int]:
    out: dict[int, list[tuple[int, int]]] = {u: [] for u in range(n)}
    for u, v, w in edges:
        out[u].append((v, w))
    dist = {source: 0}
    heap = [(0, source)]
    done = set()
    while heap:
        d, u = heapq.heappop(heap)
        if u in done:
            continue
        done.add(u)
        for v, w in out[u]:
            if v not in dist or d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return dist
"""

WRONG = (
    # treats the edges as undirected
    """
import heapq
def shortest_distances(n, edges, source):
    adj = {u: [] for u in range(n)}
    for u, v, w in edges:
        adj[u].append((v, w))
        adj[v].append((u, w))
    dist, heap = {source: 0}, [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            if v not in dist or d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return dist
""",
    # lists unreachable nodes with distance -1
    """
import heapq
def shortest_distances(n, edges, source):
    adj = {u: [] for u in range(n)}
    for u, v, w in edges:
        adj[u].append((v, w))
    dist, heap = {source: 0}, [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            if v not in dist or d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return {u: dist.get(u, -1) for u in range(n)}
""",
    # breadth-first: a node's distance is fixed when it is first reached
    """
from collections import deque
def shortest_distances(n, edges, source):
    adj = {u: [] for u in range(n)}
    for u, v, w in edges:
        adj[u].append((v, w))
    dist, queue = {source: 0}, deque([source])
    while queue:
        u = queue.popleft()
        for v, w in adj[u]:
            if v not in dist:
                dist[v] = dist[u] + w
                queue.append(v)
    return dist
""",
)

PHRASINGS = (
    "A directed graph has nodes 0 .. n-1 and weighted edges (u, v, w): an edge from u to v of "
    "non-negative length w (there may be several edges between the same nodes). Return a dict "
    "that maps every node reachable from source to the length of its shortest path from source. "
    "source itself maps to 0; nodes that cannot be reached are left out of the dict.",
    "Compute single-source shortest path lengths. edges holds triples (u, v, w), each a one-way "
    "road from u to v of length w >= 0, over the nodes 0..n-1; parallel edges and zero-length "
    "edges may occur. Return {node: distance} for exactly the nodes that can be reached from "
    "source (including source, at distance 0); unreachable nodes must not appear as keys.",
)


@register
class ShortestDistances(CodeTemplate):
    name = "shortest_distances"
    area = "graphs"
    description = "Dijkstra distances from a source as {node: distance}, unreachable omitted (function)."
    style = "call"
    entry_point = "shortest_distances"
    signature = (
        "def shortest_distances(n: int, edges: list[tuple[int, int, int]], source: int) -> dict[int, int]:"
    )
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: node count (5 .. 600), edges per node (2 .. 3) and the weight range grow.
        n = (5, 8, 30, 200, 600)[difficulty - 1]
        per_node = (2, 2, 3, 3, 3)[difficulty - 1]
        heaviest = (9, 20, 100, 1000, 10**6)[difficulty - 1]

        def graph(nodes: int, count: int) -> list:
            edges = []
            for _ in range(count):
                u, v = rng.sample(range(nodes), 2)
                edges.append((u, v, rng.randint(0, heaviest)))
            return [nodes, edges, rng.randrange(nodes)]

        x = rng.randint(2, 9)
        examples = [[4, [(0, 1, 4), (0, 2, 1), (2, 1, 2), (1, 3, 5)], 0], graph(5, 6)]
        hidden = [
            [1, [], 0],
            [3, [(1, 0, x)], 0],  # the edge points the other way
            [4, [(0, 1, 10), (0, 2, 1), (2, 3, 1), (3, 1, 1)], 0],  # the long way round is shorter
            [3, [(0, 1, x), (0, 1, x + 5), (1, 2, 0)], 0],  # parallel and zero-length edges
            *(graph(n, per_node * n) for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
