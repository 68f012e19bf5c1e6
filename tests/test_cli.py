"""The CLI as a user runs it: real subprocesses, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
SEED_A = SEEDS / "000_0b8b1ce8151e0a78.txt"
SEED_B = SEEDS / "004_04fc8d81745fa5a0.txt"


def run(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "250"}  # wide enough that sentences are not wrapped
    return subprocess.run([sys.executable, "-m", "newslineage", *args], capture_output=True, text=True, timeout=timeout, env=env)


def test_compare_text_report_on_seeds_lexical():
    proc = run("compare", str(SEED_A), str(SEED_B), "--no-embeddings")
    assert proc.returncode == 0, proc.stderr
    assert "000 IS PARTLY DERIVED FROM 004" in proc.stdout or "000 IS WHOLLY DERIVED FROM 004" in proc.stdout
    assert "Added in 000" in proc.stdout and "Omitted from 004" in proc.stdout
    assert "nearby island of Cuba" in proc.stdout


def test_compare_json_is_the_documented_schema(tmp_path):
    out = tmp_path / "c.json"
    proc = run("compare", str(SEED_A), str(SEED_B), "--no-embeddings", "--format", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == "newslineage.compare/2" and doc["mode"] == "lexical"


@pytest.mark.parametrize(
    "setup, expected",
    [
        ("missing", "no such file"),
        ("empty", "is empty"),
        ("binary", "looks like a binary file"),
        ("huge", "over the"),
    ],
)
def test_bad_input_is_one_line_without_traceback(tmp_path, setup, expected):
    path = tmp_path / f"{setup}.txt"
    if setup == "empty":
        path.write_text("\n \n")
    elif setup == "binary":
        path.write_bytes(bytes(range(256)) * 10)
    elif setup == "huge":
        with open(path, "wb") as fh:
            fh.seek(50 * 1024 * 1024)
            fh.write(b"x")
    proc = run("compare", str(path), str(SEED_B), "--no-embeddings")
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert str(path.name) in lines[0] and expected in lines[0]
    assert "Traceback" not in proc.stderr


def test_unknown_config_key_is_an_error(tmp_path):
    cfg = tmp_path / "nl.toml"
    cfg.write_text("[compare]\nsemantic_treshold = 0.5\n")
    proc = run("compare", str(SEED_A), str(SEED_B), "--config", str(cfg), "--no-embeddings")
    assert proc.returncode == 2
    assert "unknown setting 'semantic_treshold'" in proc.stderr


def test_help_lists_compare():
    proc = run("--help")
    assert proc.returncode == 0 and "compare" in proc.stdout


def test_error_messages_are_printed_as_text_not_markup(tmp_path):
    missing = tmp_path / "draft[web].txt"
    proc = run("compare", str(missing), str(SEED_B), "--no-embeddings")
    assert proc.returncode != 0
    assert "draft[web].txt: no such file" in proc.stderr
