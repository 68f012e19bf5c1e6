"""Shared fixtures: the seed pair and paths to the shared evaluation data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "examples" / "seeds"
SEED_A = SEEDS / "000_0b8b1ce8151e0a78.txt"
SEED_B = SEEDS / "004_04fc8d81745fa5a0.txt"
SHARED_DATA = REPO.parent / "shared" / "data"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_comparison():
    """The canonical comparison, with embeddings (computed once per test session)."""
    from newslineage import compare

    return compare(SEED_A, SEED_B)


@pytest.fixture(scope="session")
def seed_comparison_lexical():
    """The canonical comparison in lexical-only mode."""
    from newslineage import compare

    return compare(SEED_A, SEED_B, embeddings=False)


@pytest.fixture
def shared_data() -> Path:
    """The shared evaluation data folder; skips the test when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared evaluation data not found at {SHARED_DATA}")
    return SHARED_DATA
