"""The command-line traps new users fell into, each with the clear answer it now gets."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from newslineage.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
SEED_A = SEEDS / "000_0b8b1ce8151e0a78.txt"
SEED_B = SEEDS / "004_04fc8d81745fa5a0.txt"
COMMANDS = ("compare", "ingest", "sources", "analyze", "serve")


def test_a_web_address_is_refused_in_one_line(capsys):
    assert main(["compare", "https://example.com/news/1", str(SEED_B), "--no-embeddings"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "https://example.com/news/1: is a web address" in err[0] and "save the page" in err[0]


def test_a_missing_file_is_never_compared_as_text(capsys, tmp_path):
    assert main(["compare", str(tmp_path / "draft"), str(SEED_B), "--no-embeddings"]) == 2
    assert "draft: no such file" in capsys.readouterr().err


def test_an_existing_file_without_extension_is_read_as_a_file(capsys, tmp_path):
    article = tmp_path / "article"
    article.write_bytes(SEED_A.read_bytes())
    assert main(["compare", str(article), str(SEED_B), "--no-embeddings", "-f", "json"]) == 0
    out = capsys.readouterr().out
    assert '"a": "article"' in out and "nearby island of Cuba" in out


def test_standard_input_is_read_for_a_dash(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED_A.read_bytes())))
    assert main(["compare", "-", str(SEED_B), "--no-embeddings", "-f", "json"]) == 0
    assert "nearby island of Cuba" in capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_switches_are_shown_as_switches(capsys, command):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "--embeddings / --no-embeddings" in out and "<bool>" not in out


def test_switches_work_both_ways_and_a_value_gets_a_hint(capsys):
    assert main(["compare", str(SEED_A), str(SEED_B), "--no-embeddings", "-f", "json"]) == 0
    assert '"mode": "lexical"' in capsys.readouterr().out
    assert main(["compare", str(SEED_A), str(SEED_B), "--no-embeddings", "true"]) == 2
    err = capsys.readouterr().err
    assert "hint: --no-embeddings is a switch and takes no value: give --embeddings or --no-embeddings alone" in err


def test_an_index_given_as_an_argument_gets_a_hint(capsys, tmp_path):
    db = tmp_path / "gn.db"
    db.write_bytes(b"SQLite format 3\x00" + bytes(100))
    assert main(["analyze", str(db)]) == 2
    assert f"hint: give the index with --db: newslineage analyze --db {db}" in capsys.readouterr().err
    assert main(["sources", str(db), str(SEED_A)]) == 2
    assert f"hint: give the index with --db: newslineage sources {SEED_A} --db {db}" in capsys.readouterr().err
    assert main(["ingest", str(SEED_A), str(db)]) == 2
    assert f"{db}: is an index file, not articles to read; give the index with --db {db}" in capsys.readouterr().err


def test_a_long_compare_says_what_it_is_doing(capsys, monkeypatch):
    from newslineage.cli import compare_cmd

    monkeypatch.setattr(compare_cmd, "LONG_INPUT_BYTES", 1000)
    assert main(["compare", str(SEED_A), str(SEED_B), "--no-embeddings", "-f", "json"]) == 0
    err = capsys.readouterr().err
    assert "comparing 3 kB with 3 kB: long texts take a while" in err and "compared in" in err


def test_an_html_page_is_not_poured_onto_a_terminal(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["compare", str(SEED_A), str(SEED_B), "--no-embeddings", "-f", "html"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "give a file with -o PAGE.html (or redirect: > PAGE.html)" in captured.err
    assert main(["compare", str(SEED_A), str(SEED_B), "--no-embeddings", "-f", "html", "-o", str(tmp_path / "p.html")]) == 0
    assert (tmp_path / "p.html").read_text().startswith("<!doctype html>")


def test_report_without_output_writes_beside_the_analysis(capsys, tmp_path):
    from newslineage import Article, Index
    from newslineage.lineage import analyze

    db = tmp_path / "c.db"
    a, b = SEED_A.read_text(encoding="utf-8"), SEED_B.read_text(encoding="utf-8")
    with Index(db, embedder="none") as index:
        index.add([Article(text=a, id="copy", outlet="Daily"), Article(text=b, id="wire", outlet="dpa")])
    analyze(db, tmp_path / "lineage", workers=1, embeddings=False)
    assert main(["report", str(tmp_path / "lineage")]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and f"wrote {tmp_path / 'lineage' / 'report.html'}" in captured.err
    assert (tmp_path / "lineage" / "report.html").read_text().startswith("<!DOCTYPE html>")
    assert main(["report", str(tmp_path / "lineage"), "-f", "json", "-o", "-"]) == 0
    assert '"schema": "newslineage.lineage/1"' in capsys.readouterr().out


def test_ingest_lists_what_it_merged_or_refused_in_a_file(capsys, tmp_path):
    table = tmp_path / "feed.csv"
    wire = SEED_B.read_text(encoding="utf-8").replace('"', "'")
    table.write_text(
        "id,series,date,text\n"
        f'1,dpa,2023-06-14,"{wire}"\n'
        f'2,Daily,2023-06-15,"{wire}"\n'
        '1,dpa,2023-06-16,"A corrected text about something else entirely, long enough to be an article."\n',
        encoding="utf-8",
    )
    db = tmp_path / "c.db"
    assert main(["ingest", str(table), "--db", str(db), "--no-embeddings"]) == 0
    err = capsys.readouterr().err
    assert "2 added (1 reprints of a text already there), 1 refused" in err
    summary = tmp_path / "c.db.ingest.csv"
    assert f"every record not plainly stored, and why: {summary} (2 rows)" in err
    rows = summary.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "action,id,outlet,origin,detail" and any(r.startswith("reprint,2,Daily") for r in rows) and any(r.startswith("refused,1,dpa") for r in rows)
    assert main(["ingest", str(table), "--db", str(db), "--no-embeddings", "--on-duplicate-id", "version"]) == 0
    assert "1 added (1 as new versions), 2 already stored" in capsys.readouterr().err
