"""Dependency order of a repository's files: every file after the files it imports, cycles broken deterministically.

The rule (stated once, here):
1. Tarjan's strongly connected components of the import graph (an edge importer -> imported file).
2. Components in topological order, dependencies first; among components that are ready at the same time, the
   one whose smallest path sorts first.
3. Inside a component (an import cycle), repeatedly the member with the fewest not yet placed dependencies inside
   the component, ties by path: DeepSeek-Coder's smallest-in-degree rule, without its random tie break.
The order depends only on the set of paths and edges, never on input order or partitioning.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence


def strongly_connected(nodes: Sequence[str], deps: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Tarjan's SCCs (iterative: repositories have import chains deeper than Python's recursion limit), each
    component's members sorted by path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(deps.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(deps.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                components.append(sorted(members))
    return components


def _within_cycle(members: list[str], deps: Mapping[str, Sequence[str]]) -> list[str]:
    """Members of one component: fewest unplaced in-component dependencies first, ties by path."""
    inside = set(members)
    pending = {m: sum(1 for d in deps.get(m, ()) if d in inside) for m in members}
    dependents: dict[str, list[str]] = {m: [] for m in members}
    for m in members:
        for d in deps.get(m, ()):
            if d in inside:
                dependents[d].append(m)
    heap = [(n, m) for m, n in pending.items()]
    heapq.heapify(heap)
    placed: list[str] = []
    done: set[str] = set()
    while heap:
        n, m = heapq.heappop(heap)
        if m in done or n != pending[m]:
            continue  # a stale entry: the member's count dropped since it was pushed
        done.add(m)
        placed.append(m)
        for x in dependents[m]:
            if x not in done:
                pending[x] -= 1
                heapq.heappush(heap, (pending[x], x))
    return placed


def dependency_order(paths: Sequence[str], deps: Mapping[str, Sequence[str]]) -> tuple[list[str], set[str]]:
    """(the paths in dependency order, the paths that sit in an import cycle). `deps[p]` = files p imports."""
    nodes = sorted(set(paths))
    known = set(nodes)
    graph = {p: sorted(d for d in deps.get(p, ()) if d in known and d != p) for p in nodes}
    components = strongly_connected(nodes, graph)
    component_of = {m: i for i, c in enumerate(components) for m in c}
    waiting = [0] * len(components)  # dependencies on other components not yet placed
    users: list[set[int]] = [set() for _ in components]
    for p, targets in graph.items():
        for t in targets:
            a, b = component_of[p], component_of[t]
            if a != b and a not in users[b]:
                users[b].add(a)
                waiting[a] += 1
    ready = [(c[0], i) for i, c in enumerate(components) if waiting[i] == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, i = heapq.heappop(ready)
        order += _within_cycle(components[i], graph) if len(components[i]) > 1 else components[i]
        for u in users[i]:
            waiting[u] -= 1
            if waiting[u] == 0:
                heapq.heappush(ready, (components[u][0], u))
    cyclic = {m for c in components if len(c) > 1 for m in c}
    return order, cyclic


def edges_in_order(order: Sequence[str], deps: Mapping[str, Sequence[str]]) -> tuple[int, int]:
    """(edges whose target comes before its source, all edges between distinct files of `order`)."""
    position = {p: i for i, p in enumerate(order)}
    edges = [(position[s], position[t]) for s in order for t in deps.get(s, ()) if t in position and t != s]
    return sum(1 for s, t in edges if t < s), len(edges)
