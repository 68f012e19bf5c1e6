"""Disjoint sets (union-find), for grouping things linked pairwise: articles into stories,
adjacent links into runs, copied units into groups."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

__all__ = ["UnionFind"]

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    """Disjoint sets over hashable, mutually comparable keys; a set is named by its smallest key."""

    def __init__(self) -> None:
        self.parent: dict[K, K] = {}

    def find(self, x: K) -> K:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)  # type: ignore[operator]
            self.parent[hi] = lo
