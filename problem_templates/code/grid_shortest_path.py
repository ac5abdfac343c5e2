"""A stdin/stdout program: shortest path through a grid maze (breadth-first search)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
import sys
from collections import deque

lines = sys.stdin.read().split()
rows, cols = int(lines[0]), int(lines[1])
grid = lines[2 : 2 + rows]
dist = [[-1] * cols for _ in range(rows)]
if grid[0][0] == "." and grid[rows - 1][cols - 1] == ".":
    dist[0][0] = 0
    queue = deque([(0, 0)])
    while queue:
        r, c = queue.popleft()
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == "." and dist[nr][nc] < 0:
                dist[nr][nc] = dist[r][c] + 1
                queue.append((nr, nc))
print(dist[rows - 1][cols - 1])
"""

_BFS = """
import sys
from collections import deque
lines = sys.stdin.read().split()
rows, cols = int(lines[0]), int(lines[1])
grid = lines[2 : 2 + rows]
dist = {(0, 0): 0}
queue = deque([(0, 0)])
while queue:
    r, c = queue.popleft()
    for dr, dc in MOVES:
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == "." and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[(r, c)] + 1
            queue.append((nr, nc))
print(FINISH)
"""

WRONG = (
    # diagonal moves allowed
    "MOVES = [(a, b) for a in (-1, 0, 1) for b in (-1, 0, 1) if a or b]\n"
    + _BFS.replace("FINISH", "dist.get((rows - 1, cols - 1), -1)"),
    # unreachable reported as 0
    "MOVES = ((1, 0), (-1, 0), (0, 1), (0, -1))\n"
    + _BFS.replace("FINISH", "dist.get((rows - 1, cols - 1), 0)"),
    # counts cells on the path instead of steps
    "MOVES = ((1, 0), (-1, 0), (0, 1), (0, -1))\n"
    + _BFS.replace("FINISH", "dist[(rows - 1, cols - 1)] + 1 if (rows - 1, cols - 1) in dist else -1"),
)


def _grid(rng: random.Random, rows: int, cols: int, walls: float) -> list[list[str]]:
    grid = [["#" if rng.random() < walls else "." for _ in range(cols)] for _ in range(rows)]
    grid[0][0] = grid[rows - 1][cols - 1] = "."
    return grid


def _text(grid: list[list[str]]) -> str:
    return f"{len(grid)} {len(grid[0])}\n" + "".join("".join(row) + "\n" for row in grid)


@register
class GridShortestPath(CodeTemplate):
    name = "grid_shortest_path"
    area = "graphs"
    description = "Shortest 4-neighbour path in a grid maze, or -1 (stdin/stdout program)."
    small_space = "the drawn visible grid is small (4-6 x 4-7): repeats appear within thousands of draws"
    style = "stdio"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: grid size grows with difficulty; wall density stays near the percolation edge.
        side = (4, 6, 12, 40, 150)[difficulty - 1]
        blocked = _grid(rng, 3, 3, 0.0)
        blocked[1][2] = blocked[2][1] = "#"
        diagonal = [list(".#"), list("#.")]
        diagonal_open = [list("..#"), list("#.."), list("##.")]
        drawn = _text(_grid(rng, rng.randint(4, 6), rng.randint(4, 7), 0.3))  # prompts differ, too
        examples = [_text([list("..."), list(".#."), list("...")]), _text(blocked), drawn]
        hidden = [_text([["."]]), _text(diagonal), _text(diagonal_open)]
        hidden += [_text(_grid(rng, side, side + k, 0.25)) for k in range(4)]
        statement = (
            "The first line of the input holds R and C; the next R lines each hold C characters, "
            "'.' for an open cell and '#' for a wall. Moving one step up, down, left or right "
            "between open cells, print the minimum number of steps from the top-left cell to the "
            "bottom-right cell, or -1 if it cannot be reached."
        )
        return CodeItem(statement, examples, hidden)
