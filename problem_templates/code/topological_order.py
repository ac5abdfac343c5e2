"""A stdin/stdout program: the lexicographically smallest topological order, or IMPOSSIBLE."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
import heapq
import sys

data = list(map(int, sys.stdin.read().split()))
n, m = data[0], data[1]
after = [[] for _ in range(n + 1)]
indegree = [0] * (n + 1)
for k in range(m):
    u, v = data[2 + 2 * k], data[3 + 2 * k]
    after[u].append(v)
    indegree[v] += 1
ready = [x for x in range(1, n + 1) if indegree[x] == 0]
heapq.heapify(ready)
order = []
while ready:
    x = heapq.heappop(ready)
    order.append(x)
    for y in after[x]:
        indegree[y] -= 1
        if indegree[y] == 0:
            heapq.heappush(ready, y)
print(" ".join(map(str, order)) if len(order) == n else "IMPOSSIBLE")
"""

WRONG = (
    # Kahn's algorithm with a FIFO queue: a valid order, but not the smallest one
    """
import sys
from collections import deque
data = list(map(int, sys.stdin.read().split()))
n, m = data[0], data[1]
after = [[] for _ in range(n + 1)]
indegree = [0] * (n + 1)
for k in range(m):
    u, v = data[2 + 2 * k], data[3 + 2 * k]
    after[u].append(v)
    indegree[v] += 1
queue = deque(x for x in range(1, n + 1) if indegree[x] == 0)
order = []
while queue:
    x = queue.popleft()
    order.append(x)
    for y in after[x]:
        indegree[y] -= 1
        if indegree[y] == 0:
            queue.append(y)
print(" ".join(map(str, order)) if len(order) == n else "IMPOSSIBLE")
""",
    # prints whatever part of the order it found, even when there is a cycle
    """
import heapq, sys
data = list(map(int, sys.stdin.read().split()))
n, m = data[0], data[1]
after = [[] for _ in range(n + 1)]
indegree = [0] * (n + 1)
for k in range(m):
    u, v = data[2 + 2 * k], data[3 + 2 * k]
    after[u].append(v)
    indegree[v] += 1
ready = [x for x in range(1, n + 1) if indegree[x] == 0]
heapq.heapify(ready)
order = []
while ready:
    x = heapq.heappop(ready)
    order.append(x)
    for y in after[x]:
        indegree[y] -= 1
        if indegree[y] == 0:
            heapq.heappush(ready, y)
print(" ".join(map(str, order)) if order else "IMPOSSIBLE")
""",
    # counts each distinct edge once, so a repeated edge is released too early
    """
import heapq, sys
data = list(map(int, sys.stdin.read().split()))
n, m = data[0], data[1]
after = [[] for _ in range(n + 1)]
indegree = [0] * (n + 1)
for k in range(m):
    u, v = data[2 + 2 * k], data[3 + 2 * k]
    after[u].append(v)
for u in range(1, n + 1):
    for v in set(after[u]):
        indegree[v] += 1
ready = [x for x in range(1, n + 1) if indegree[x] == 0]
heapq.heapify(ready)
order = []
while ready:
    x = heapq.heappop(ready)
    order.append(x)
    for y in after[x]:
        indegree[y] -= 1
        if indegree[y] == 0:
            heapq.heappush(ready, y)
print(" ".join(map(str, order)) if len(order) == n else "IMPOSSIBLE")
""",
    # reverse DFS post-order: a valid order, not the smallest
    """
import sys
sys.setrecursionlimit(10000)
data = list(map(int, sys.stdin.read().split()))
n, m = data[0], data[1]
after = [[] for _ in range(n + 1)]
for k in range(m):
    after[data[2 + 2 * k]].append(data[3 + 2 * k])
state, order, cyclic = [0] * (n + 1), [], False
def visit(x):
    global cyclic
    state[x] = 1
    for y in sorted(after[x]):
        if state[y] == 1:
            cyclic = True
        elif state[y] == 0:
            visit(y)
    state[x] = 2
    order.append(x)
for x in range(1, n + 1):
    if state[x] == 0:
        visit(x)
print("IMPOSSIBLE" if cyclic else " ".join(map(str, reversed(order))))
""",
)

PHRASINGS = (
    "There are n tasks numbered 1 to n and m constraints. The first line of the input holds n "
    "and m; each of the next m lines holds u and v, meaning task u must be done before task v "
    "(a pair may repeat). Print an order of all n tasks, space-separated on one line, that "
    "respects every constraint; if several orders do, print the lexicographically smallest one "
    "(at each position, the smallest possible task number). If no order exists, print "
    "IMPOSSIBLE.",
    "Input: `n m`, then m lines `u v` describing directed edges u -> v of a graph on the nodes "
    "1..n (repeated edges are possible). Output a topological ordering of the nodes on a single "
    "line, separated by spaces: every edge must go from an earlier node to a later one. Among all "
    "topological orderings print the one that is smallest lexicographically, comparing node "
    "numbers position by position. Print the word IMPOSSIBLE if the graph has a cycle.",
)


def _text(n: int, edges: list[tuple[int, int]]) -> str:
    return f"{n} {len(edges)}\n" + "".join(f"{u} {v}\n" for u, v in edges)


@register
class TopologicalOrder(CodeTemplate):
    name = "topological_order"
    area = "graphs"
    description = "Lexicographically smallest topological order, or IMPOSSIBLE (stdin/stdout program)."
    style = "stdio"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: node count (5 .. 1500) and edge count (about 1.5 n) grow; some graphs get a
        # back edge (a cycle), some get repeated edges.
        n = (5, 8, 25, 300, 1500)[difficulty - 1]

        def dag(nodes: int, edges: int, cycle: bool = False) -> str:
            rank = list(range(1, nodes + 1))
            rng.shuffle(rank)
            pairs = []
            for _ in range(edges):
                i, j = sorted(rng.sample(range(nodes), 2))
                pairs.append((rank[i], rank[j]))
            if pairs and rng.random() < 0.3:
                pairs.append(rng.choice(pairs))
            if cycle:
                i, j = sorted(rng.sample(range(nodes), 2))
                pairs += [(rank[i], rank[j]), (rank[j], rank[i])]
            rng.shuffle(pairs)
            return _text(nodes, pairs)

        examples = [dag(4, 3), dag(6, 7)]
        hidden = [
            _text(1, []),
            _text(4, [(2, 1)]),  # FIFO would give 2 3 4 1
            _text(3, [(1, 2), (2, 3), (3, 1)]),
            _text(4, [(4, 1), (1, 2), (2, 1)]),  # 3 and 4 can go before the cycle
            _text(3, [(2, 1), (2, 1), (3, 1)]),  # a repeated edge: 1 waits for 3 too
            _text(5, [(1, 4), (5, 2), (3, 1)]),  # reverse post-order gives 5 3 2 1 4 or similar
            *(dag(n, n + n // 2) for _ in range(3)),
            dag(n, n, cycle=True),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
