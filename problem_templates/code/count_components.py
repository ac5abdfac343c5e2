"""Number of connected components of an undirected graph."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def count_components(n: int, edges: list[tuple[int, int]]) -> int:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    components = n
    for u, v in edges:
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[ru] = rv
            components -= 1
    return components
"""

WRONG = (
    # forgets isolated nodes
    """
def count_components(n, edges):
    nodes = {x for edge in edges for x in edge}
    parent = {x: x for x in nodes}
    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x
    for u, v in edges:
        parent[find(u)] = find(v)
    return len({find(x) for x in nodes})
""",
    # assumes the graph is a forest
    """
def count_components(n, edges):
    return n - len(edges)
""",
    # follows edges in one direction only
    """
def count_components(n, edges):
    out = {i: [] for i in range(n)}
    for u, v in edges:
        out[u].append(v)
    seen, count = set(), 0
    for start in range(n):
        if start in seen:
            continue
        count += 1
        stack = [start]
        while stack:
            x = stack.pop()
            if x not in seen:
                seen.add(x)
                stack.extend(out[x])
    return count
""",
)


@register
class CountComponents(CodeTemplate):
    name = "count_components"
    area = "graphs"
    description = "Count connected components of an undirected graph (function)."
    style = "call"
    entry_point = "count_components"
    signature = "def count_components(n: int, edges: list[tuple[int, int]]) -> int:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: node count and edge density grow with difficulty.
        n = (5, 8, 30, 300, 3000)[difficulty - 1]

        def graph(nodes: int, edges: int) -> list:
            pairs = [(rng.randrange(nodes), rng.randrange(nodes)) for _ in range(edges)]
            return [nodes, [pair for pair in pairs if pair[0] != pair[1]]]

        # One example is drawn, so that prompts differ between problems, not only hidden tests.
        examples = [[4, [(0, 1), (2, 3)]], graph(rng.randint(5, 10), rng.randint(3, 9))]
        hidden = [
            [1, []],
            [3, [(2, 1)]],
            [6, [(5, 4), (4, 3), (3, 5)]],
            *(graph(n, n * k // 4) for k in range(1, 6)),
        ]
        statement = (
            "An undirected graph has nodes 0 .. n-1 and the given list of edges (u, v). Return the "
            "number of connected components. A node without edges is a component of its own; edges "
            "may repeat."
        )
        return CodeItem(statement, examples, hidden)
