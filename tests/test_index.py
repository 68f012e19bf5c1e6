"""The corpus index: idempotent ingest, refusal of foreign files, retrieval of planted sources."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslineage import Article, Index
from newslineage.cli import main
from newslineage.errors import ConfigError, CorruptStoreError, IncompatibleStoreError, RecordError
from newslineage.settings import load_settings

DATA = Path(__file__).resolve().parent / "data"

WORDS = (
    "harbour council budget river bridge minister vote school teacher nurse hospital farmer price grain storm "
    "flood rescue police court judge trial witness company profit market export import factory worker strike "
    "union contract energy solar wind coal station railway ticket museum painting festival football coach "
    "league season injury doctor vaccine village mayor election candidate party debate tax reform pension"
).split()


def sentence(rng: random.Random, n: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def text(rng: random.Random, sentences: int = 8) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def corpus(n: int = 30, seed: int = 1, outlet: str = "daily") -> list[Article]:
    rng = random.Random(seed)
    return [Article(text=text(rng), id=f"d{i:03d}", outlet=outlet, published_at=f"2024-01-{1 + i % 28:02d}") for i in range(n)]


@pytest.fixture
def planted():
    """A source, 30 distractors, and a query that copies 4 of the source's 10 sentences."""
    rng = random.Random(7)
    src_sentences = [sentence(rng) for _ in range(10)]
    source = Article(text=" ".join(src_sentences), id="wire-1", outlet="wire", published_at="2024-02-01T08:00")
    query = Article(
        text=" ".join([sentence(rng), *src_sentences[2:6], sentence(rng), sentence(rng)]),
        id="query-1",
        outlet="paper",
        published_at="2024-02-02",
    )
    return source, corpus(30), query


def index(path, **kw) -> Index:
    kw.setdefault("embedder", "hashing")
    kw.setdefault("workers", 1)
    return Index(path, **kw)


def test_ingest_is_idempotent_and_counts_duplicates(tmp_path):
    arts = corpus(12)
    with index(tmp_path / "i.db") as ix:
        first = ix.add(arts)
        assert (first.added, first.duplicates, first.skipped) == (12, 0, 0)
        again = ix.add(arts)
        assert (again.added, again.duplicates) == (0, 12)
        twice_in_input = [Article(text="A new text entirely about the harbour.", id="n1")] * 2
        r = ix.add(twice_in_input)
        assert (r.added, r.duplicates) == (1, 1)
        assert [(e.action, e.id) for e in r.events] == [("duplicate", "n1")]
        assert ix.count() == 13
        assert ix.get("d003").text == arts[3].text and ix.get("nope") is None


def test_wire_copy_is_stored_cleaned_with_offsets_into_the_stored_text(tmp_path):
    raw = (DATA / "wire" / "pa_copy.txt").read_text(encoding="ascii")
    with index(tmp_path / "i.db") as ix:
        ix.add([Article(text=raw, id="ferry", outlet="PA")])
        stored = ix.store.get("ferry")
    assert "\x19" not in stored.article.text and "£250,000" in stored.article.text
    assert [s.text for s in stored.sentences] == [stored.article.text[s.start : s.end] for s in stored.sentences]
    assert any(s.text.startswith("A ferry company was fined £250,000") for s in stored.sentences)


def test_every_reprint_is_an_article_sharing_one_computed_text(tmp_path):
    arts = corpus(3)
    wire = arts[0]
    reprints = [Article(text=wire.text, id=f"r{i}", outlet=f"paper{i}", published_at="2024-01-05") for i in range(4)]
    with index(tmp_path / "i.db") as ix:
        r = ix.add([*arts, *reprints])
        assert (r.added, r.texts, r.reprints, r.duplicates) == (7, 3, 4, 0)
        assert ix.count() == 7 and ix.count_texts() == 3
        assert {e.id: e.action for e in r.events} == {f"r{i}": "reprint" for i in range(4)}
        assert all("same text as d000" in e.detail for e in r.events)
        assert ix.get("r2").text == wire.text and ix.get("r2").outlet == "paper2"
        # a reprint arriving in a later run shares the stored text too
        later = ix.add([Article(text=wire.text, id="late", outlet="weekly")])
        assert (later.added, later.texts, later.reprints) == (1, 0, 1)


def test_same_id_of_another_outlet_is_another_article(tmp_path):
    with index(tmp_path / "i.db") as ix:
        r = ix.add([
            Article(text="Putin eyes slashing oil production after the price cap.", id="57", outlet="The Free Press"),
            Article(text="Russia may cut oil production over the West's price cap, Putin says.", id="57", outlet="Channel News Asia"),
        ])
        assert (r.added, r.renamed) == (2, 1)
        assert ix.get("57").outlet == "The Free Press"
        assert ix.get("57@Channel News Asia").outlet == "Channel News Asia"
        assert r.events[0].action == "renamed" and "stored as 57@Channel News Asia" in r.events[0].detail


def test_a_record_resent_without_its_outlet_is_the_same_record(tmp_path):
    text = "Putin eyes slashing oil production after the price cap."
    with index(tmp_path / "i.db") as ix:
        ix.add([Article(text=text, id="57", outlet="The Free Press")])
        again = ix.add([Article(text=text, id="57")])
        assert (again.added, again.duplicates) == (0, 1)
        changed = ix.add([Article(text="Putin eyes cutting oil output.", id="57")], on_duplicate_id="version")
        assert [(e.action, e.id, e.outlet) for e in changed.events] == [("version", "57~v2", "The Free Press")]
        ix.add([Article(text="Another outlet's article 57 about something else.", id="57", outlet="CNA")])
        # two outlets use the id now: an outlet-less record is neither of them
        other = ix.add([Article(text="A third article numbered 57.", id="57")])
        assert [(e.action, e.id) for e in other.events] == [("renamed", "57@2")]


@pytest.mark.parametrize("mode", ["error", "version", "skip"])
def test_repeated_id_with_another_text_is_never_dropped_silently(tmp_path, mode):
    first = Article(text="The council approved the budget on Monday evening.", id="n1", outlet="Daily")
    changed = Article(text="The council rejected the budget on Monday evening.", id="n1", outlet="Daily", origin="feed.jsonl:7")
    with index(tmp_path / "i.db") as ix:
        ix.add([first])
        r = ix.add([changed], on_duplicate_id=mode)
        assert r.on_duplicate_id == mode
        (event,) = r.events
        if mode == "version":
            assert (r.added, r.versions, event.action, event.id) == (1, 1, "version", "n1~v2")
            assert ix.get("n1~v2").text == changed.text and ix.get("n1").text == first.text
        else:
            assert (r.added, r.refused, event.action) == (0, 1, "refused" if mode == "error" else "ignored")
            assert "stored already as n1 with another text" in event.detail and event.origin == "feed.jsonl:7"
            assert ix.count() == 1 and ix.get("n1").text == first.text
        assert (r.errors != []) == (mode == "error")
        third = Article(text="The council postponed the budget vote.", id="n1", outlet="Daily", origin="feed.jsonl:9")
        with pytest.raises(RecordError, match=r"feed.jsonl:9:id: .*--on-duplicate-id version"):
            ix.add([third], on_duplicate_id="error", strict=True)


def test_ingest_summary_file_lists_what_was_merged_or_refused(tmp_path):
    wire = corpus(1)[0]
    with index(tmp_path / "i.db") as ix:
        ix.add([wire])
        r = ix.add([Article(text=wire.text, id="copy", outlet="other"), Article(text="Another text now.", id=wire.id, outlet=wire.outlet)])
    path = r.write_summary(tmp_path / "summary.csv")
    import csv

    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {(row["action"], row["id"]) for row in rows} == {("reprint", "copy"), ("refused", wire.id)}
    assert all(row["detail"] for row in rows)


def test_empty_text_is_skipped_with_a_message(tmp_path):
    with index(tmp_path / "i.db") as ix:
        r = ix.add([Article(text="   ", id="blank", origin="feed.jsonl:3"), *corpus(2)])
    assert (r.added, r.skipped) == (2, 1)
    assert r.errors == ["feed.jsonl:3: empty text; skipped"]


def test_resume_after_a_partial_ingest(tmp_path):
    arts = corpus(25)
    with index(tmp_path / "i.db", batch_size=4) as ix:
        ix.add(arts[:10])
    with index(tmp_path / "i.db", batch_size=4) as ix:
        r = ix.add(arts)
        assert (r.added, r.duplicates) == (15, 10)
        assert ix.count() == 25


def test_other_parameters_are_refused(tmp_path):
    Index(tmp_path / "i.db", embedder="none").close()
    with pytest.raises(IncompatibleStoreError, match="rebuild with: newslineage ingest"):
        Index(tmp_path / "i.db", embedder="hashing")
    with Index(tmp_path / "i.db") as ix:  # no embedder asked for: takes the file's
        assert ix.embedder_key == "none"


def test_index_built_with_another_segmenter_is_refused(tmp_path):
    Index(tmp_path / "i.db", embedder="none", settings=load_settings(segmenter="pysbd")).close()
    with pytest.raises(IncompatibleStoreError, match=r"segmenter=pysbd \(wanted fast\).*rebuild with: newslineage ingest"):
        Index(tmp_path / "i.db")
    with Index(tmp_path / "i.db", settings=load_settings(segmenter="pysbd")) as ix:
        assert ix.params.segmenter == "pysbd"
    with pytest.raises(ConfigError, match="unknown segmenter"):
        Index(tmp_path / "j.db", settings=load_settings(segmenter="spacy"))


def test_garbage_file_is_refused_and_kept(tmp_path):
    path = tmp_path / "news.db"
    path.write_bytes(b"\x00garbage\xff" * 100)
    with pytest.raises(CorruptStoreError, match="news.db"):
        Index(path)
    assert path.read_bytes() == b"\x00garbage\xff" * 100


def test_planted_source_ranks_first(tmp_path, planted):
    source, distractors, query = planted
    with index(tmp_path / "i.db") as ix:
        ix.add([*distractors[:15], source, *distractors[15:]])
        result = ix.sources(query, top=3)
    assert result.sources and result.sources[0].article.id == "wire-1"
    top = result.sources[0]
    assert 0.4 <= top.comparison.relation.coverage_a <= 0.7
    assert top.retrieval["containment"] > 0.3


def test_lexical_only_finds_the_planted_source(tmp_path, planted):
    source, distractors, query = planted
    with index(tmp_path / "i.db", embedder="none") as ix:
        ix.add([*distractors, source])
        assert ix.sources(query).sources[0].article.id == "wire-1"


def test_query_is_never_its_own_source(tmp_path, planted):
    source, distractors, _ = planted
    with index(tmp_path / "i.db") as ix:
        ix.add([*distractors, source])
        assert all(s.article.id != "wire-1" for s in ix.sources(source).sources)


def test_identical_copies_are_one_source_listed_earliest_first(tmp_path, planted):
    source, distractors, query = planted
    copies = [
        Article(text=source.text, id="kifi-1", outlet="KIFI", published_at="2024-02-01T17:00"),
        Article(text=source.text, id="ap-1", outlet="Associated Press", published_at="2024-02-01T08:00"),  # same time as wire-1: the agency first
        Article(text=source.text, id="krdo-1", outlet="KRDO", published_at="2024-02-01T19:00"),
    ]
    with index(tmp_path / "i.db") as ix:
        ix.add([*distractors, source, *copies])
        found = ix.sources(query).sources
        assert [s.article.id for s in found].count("ap-1") == 1 and found[0].article.id == "ap-1"
        assert [a.id for a in found[0].reprints] == ["wire-1", "kifi-1", "krdo-1"]
        assert not any(r.id == found[0].article.id for s in found for r in s.reprints)
        assert found[0].to_dict()["reprints"][0]["id"] == "wire-1"
        # one of the copies as the query: never its own source, the other copies are its sources
        mine = ix.sources(Article(text=source.text, id="kifi-1", outlet="KIFI")).sources
        ids = [mine[0].article.id, *(r.id for r in mine[0].reprints)]
        assert ids == ["ap-1", "wire-1", "krdo-1"] and all("kifi-1" not in [s.article.id, *(r.id for r in s.reprints)] for s in mine)
        # --exclude-id leaves out more
        fewer = ix.sources(Article(text=source.text, id="kifi-1"), exclude_id=["ap-1", "wire-1"]).sources
        assert [fewer[0].article.id, *(r.id for r in fewer[0].reprints)] == ["krdo-1"]


def test_query_file_that_was_ingested_is_not_its_own_source(tmp_path, planted):
    source, distractors, _ = planted
    folder = tmp_path / "wire"
    folder.mkdir()
    for art in [*distractors[:5], source]:
        (folder / f"{art.id}.txt").write_text(art.text, encoding="utf-8")
    with index(tmp_path / "i.db") as ix:
        ix.ingest([folder])
        found = ix.sources(str(folder / "wire-1.txt")).sources
    assert all(s.article.id != "wire-1.txt" for s in found)


def test_time_window(tmp_path, planted):
    source, distractors, query = planted
    later = Article(text=source.text, id="wire-late", outlet="wire", published_at="2024-03-01")
    with index(tmp_path / "i.db") as ix:
        ix.add([*distractors, later])
        assert ix.sources(query).sources == ()  # published after the query: not a source
        found = ix.sources(query, after="2024-02-15").sources
        assert [s.article.id for s in found][:1] == ["wire-late"]
        assert ix.sources(query, before="2024-02-15").sources == ()
        undated = Article(text=query.text, id="q-undated")
        assert ix.sources(undated).sources[0].article.id == "wire-late"


def test_outlet_exclusion(tmp_path, planted):
    source, distractors, query = planted
    with index(tmp_path / "i.db") as ix:
        ix.add([*distractors, source])
        assert all(s.article.outlet != "wire" for s in ix.sources(query, exclude_outlet="wire").sources)
        assert ix.sources(query, exclude_outlet=["daily", "other"]).sources[0].article.id == "wire-1"


def test_json_contract(tmp_path, planted):
    source, distractors, query = planted
    with index(tmp_path / "i.db") as ix:
        ix.add([*distractors, source])
        doc = ix.sources(query).to_dict()
    json.dumps(doc)
    assert doc["schema"] == "newslineage.sources/1"
    assert set(doc["query"]) == {"id", "title", "published_at", "language", "sentences"}
    first = doc["sources"][0]
    assert {"id", "outlet", "title", "published_at", "score", "relation", "links", "reprints"} <= set(first)
    assert set(first["relation"]) == {"verdict", "coverage_a", "coverage_b", "coverage_a_chars", "coverage_b_chars", "confidence", "explanation", "evidence", "copied_a", "copied_b", "supported_a", "supported_b", "extent"}
    assert set(first["links"][0]) == {"a", "b", "kind", "score", "lexical", "semantic", "changes"}
    scores = [s["score"] for s in doc["sources"]]
    assert scores == sorted(scores, reverse=True)


def test_cli_ingest_and_sources(tmp_path, planted, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # one line per table cell
    source, distractors, query = planted
    folder = tmp_path / "wire"
    folder.mkdir()
    for art in [*distractors[:5], source]:
        (folder / f"{art.id}.txt").write_text(art.text, encoding="utf-8")
    (tmp_path / "query.txt").write_text(query.text, encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert main(["ingest", str(folder), "--db", db, "--no-embeddings"]) == 0
    assert "6 added" in capsys.readouterr().err
    assert main(["sources", str(tmp_path / "query.txt"), "--db", db, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["sources"][0]["id"] == "wire-1.txt"
    assert main(["sources", str(tmp_path / "query.txt"), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "wire-1.txt" in out and doc["sources"][0]["relation"]["verdict"] == "shared_source"
    assert "shared source" in out and "shared_source" not in out
    assert main(["sources", str(tmp_path / "query.txt"), "--db", str(tmp_path / "missing.db")]) == 3


@pytest.mark.embeddings
def test_translation_is_found_by_its_vector(tmp_path):
    english = Article(
        text=(
            "Heavy rain flooded the old town of Passau on Monday. The river Danube rose to nine metres, "
            "the highest level in ten years. Firefighters evacuated two hundred residents from their homes. "
            "The mayor asked people to stay away from the river banks."
        ),
        id="en-flood",
        published_at="2024-06-03",
    )
    others = [
        Article(text="The central bank raised interest rates by a quarter point. Inflation remains above target. Markets fell slightly after the decision.", id="en-bank"),
        Article(text="The football club signed a new striker from Brazil. He will join the team next week. Fans welcomed the transfer.", id="en-football"),
        Article(text="A new museum of modern art opened in the capital. Thousands visited on the first weekend. The building was designed by a Danish architect.", id="en-museum"),
    ]
    german = Article(
        text=(
            "Starker Regen hat am Montag die Altstadt von Passau überflutet. Die Donau stieg auf neun Meter, "
            "den höchsten Stand seit zehn Jahren. Die Feuerwehr brachte zweihundert Bewohner aus ihren Häusern. "
            "Der Bürgermeister bat die Menschen, sich vom Flussufer fernzuhalten."
        ),
        id="de-flood",
        published_at="2024-06-04",
    )
    with Index(tmp_path / "use.db", embedder="use", workers=1) as ix:
        ix.add([*others, english])
        result = ix.sources(german)
    assert result.sources[0].article.id == "en-flood"
    assert {link.kind for link in result.sources[0].comparison.links} == {"translation"}


CHILD = r"""
import sys
from newslineage import Article, Index

def articles(n):
    for i in range(n):
        yield Article(text=f"Tiny article {i} reports that item {i} happened near place {i % 97}.", id=f"t{i:05d}")

def progress(report):
    print(report.processed, flush=True)

with Index(sys.argv[1], embedder="none", workers=1, batch_size=int(sys.argv[3])) as ix:
    ix.add(articles(int(sys.argv[2])), on_progress=progress)
print("done", flush=True)
"""


@pytest.mark.slow
def test_killed_ingest_keeps_committed_batches_and_resumes(tmp_path):
    n, batch = 6000, 25  # enough batches that 20 kills land before the ingest completes
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    db = tmp_path / "crash.db"
    rng = random.Random(3)
    committed = 0
    kills = 0
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    while True:
        child = subprocess.Popen([sys.executable, str(script), str(db), str(n), str(batch)], stdout=subprocess.PIPE, text=True, env=env)
        assert child.stdout is not None
        # Kill at a random moment: after 0-3 newly committed batches (already stored ones are
        # skipped in a flash), then somewhere inside the next.
        seen = []
        wanted_new = rng.randint(0, 3)
        while wanted_new:
            line = child.stdout.readline().strip()
            if not line.isdigit():
                break
            seen.append(int(line))
            if int(line) > committed:
                wanted_new -= 1
        time.sleep(rng.uniform(0.0, 0.08))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        lines = seen + [int(x) for x in out.split() if x.isdigit()]
        if lines:
            committed = max(committed, lines[-1])
        if "done" in out:
            break
        kills += 1
        with sqlite3.connect(db) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {r[0] for r in con.execute("SELECT id FROM article")}
        assert {f"t{i:05d}" for i in range(committed)} <= stored
        if kills >= 20 and committed >= n // 2:
            break
    assert kills >= 20
    done = subprocess.run([sys.executable, str(script), str(db), str(n), str(batch)], capture_output=True, text=True, env=env, check=True)
    assert "done" in done.stdout
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT COUNT(*) FROM article").fetchone()[0] == n
        assert con.execute("SELECT COUNT(DISTINCT content) FROM signature").fetchone()[0] == n


def test_ann_file_is_built_beside_the_index_and_agrees_with_exact_search(tmp_path):
    from newslineage.index.vectors import VectorSearch

    with index(tmp_path / "v.db") as ix:
        ix.add(corpus(40))
        query = ix.store.vectors()[1][7].astype("float32")
        exact = VectorSearch(ix.store, None).search(query, 3)
        ann = VectorSearch(ix.store, str(tmp_path / "v.db.usearch"), exact_limit=0)
        assert exact[0][0] in [r for r, _ in ann.search(query, 5)]  # approximate: top-1 within the top 5
        assert (tmp_path / "v.db.usearch").exists()
        ix.add([Article(text=a.text, id="late-" + a.id) for a in corpus(5, seed=9)])  # stale file: rebuilt
        rebuilt = VectorSearch(ix.store, str(tmp_path / "v.db.usearch"), exact_limit=0)
        rebuilt.search(query, 1)
        # HNSW search may return fewer than k hits, so count what the rebuilt file holds instead
        assert len(rebuilt._ann) == 45
        assert json.loads((tmp_path / "v.db.usearch.json").read_text())["state"][0] == 45


def test_fresh_ann_file_is_mapped_not_rebuilt_and_shared_within_the_process(tmp_path, monkeypatch):
    from newslineage.index import vectors as vec

    ann_path = str(tmp_path / "v.db.usearch")
    with index(tmp_path / "v.db") as ix:
        ix.add(corpus(40))
        query = ix.store.vectors()[1][3].astype("float32")
        first = vec.VectorSearch(ix.store, ann_path, exact_limit=0)
        hits = first.search(query, 5)
        again = vec.VectorSearch(ix.store, ann_path, exact_limit=0)
        again.search(query, 5)
        assert again._ann is first._ann  # a second search object (a second request) reuses it
        # a new process: the file is fresh, so it is mapped and the stored vectors are not read
        monkeypatch.setattr(vec, "_OPEN", {})
        monkeypatch.setattr(ix.store, "vectors", lambda: pytest.fail("a fresh ANN file was rebuilt"))
        mapped = vec.VectorSearch(ix.store, ann_path, exact_limit=0)
        assert [r for r, _ in mapped.search(query, 5)] == [r for r, _ in hits]
        assert len(mapped._ann) == 40


def test_source_verdicts_read_from_the_query_side():
    from newslineage.report.words import verdict_words

    assert verdict_words("a_derives_from_b", style="sources") == "query derives from it"
    assert verdict_words("b_derives_from_a", style="sources") == "it derives from the query"
    assert verdict_words("same_story", style="sources") == "same story, no reuse"
