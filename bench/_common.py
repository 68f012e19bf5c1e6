"""Shared helpers for the benchmarks: where the shared data lives, tables, timing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: ``../shared/data`` beside the checkout (override with NEWSLINEAGE_SHARED_DATA).
DATA = Path(os.environ.get("NEWSLINEAGE_SHARED_DATA", REPO.parent / "shared" / "data"))


def data_dir(name: str) -> Path:
    """The folder of one shared dataset, or exit with a clear message when it is absent."""
    path = DATA / name
    if not path.is_dir():
        sys.exit(f"shared dataset not found: {path} (set NEWSLINEAGE_SHARED_DATA)")
    return path


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A plain fixed-width table."""

    def fmt(v: object) -> str:
        if isinstance(v, float):
            return f"{v:.4f}" if abs(v) < 1000 else f"{v:.1f}"
        return str(v)

    cells = [[fmt(v) for v in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    line = lambda vals: "  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(vals, widths)))  # noqa: E731
    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out)
