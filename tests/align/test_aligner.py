"""Alignment on small constructed pairs (lexical mode: deterministic, no model)."""

from __future__ import annotations

from newslineage import compare

SOURCE = (
    "The city council approved a new budget on Monday after a long debate.\n"
    "Spending on public transport will rise by a fifth next year.\n"
    "The opposition criticised the plan as reckless and vowed to fight it.\n"
    "A final vote is expected in the regional parliament in March.\n"
)


def test_reordered_copy_is_fully_linked():
    lines = SOURCE.strip().split("\n")
    derived = "\n".join([lines[2], lines[0], lines[3], lines[1]])
    cmp = compare(derived, SOURCE, embeddings=False)
    assert len(cmp.links) == 4 and not cmp.added and not cmp.omitted
    assert all(link.kind == "verbatim" for link in cmp.links)
    # reordering breaks passages: A's sentence 0 comes from B's sentence 2
    assert cmp.links[0].a == (0,) and cmp.links[0].b == (2,)


def test_added_and_omitted():
    derived = (
        "The city council approved a new budget on Monday after a long debate.\n"
        "Local shops reported record sales during the holiday weekend.\n"
        "A final vote is expected in the regional parliament in March.\n"
    )
    cmp = compare(derived, SOURCE, embeddings=False)
    assert cmp.added == (1,)
    assert cmp.omitted == (1, 2)
    assert [p.a for p in cmp.passages] == [(0,), (2,)]


def test_two_source_sentences_merged_into_one():
    derived = "The city council approved a new budget on Monday after a long debate, and spending on public transport will rise by a fifth next year."
    cmp = compare(derived, SOURCE, embeddings=False)
    assert len(cmp.links) == 1
    assert cmp.links[0].b == (0, 1)


def test_unrelated_texts():
    cmp = compare("Heavy rain flooded the valley overnight.\nRescue teams evacuated dozens of families.", SOURCE, embeddings=False)
    assert cmp.links == () and cmp.relation.verdict == "unrelated"


def test_direction_from_dates():
    derived = SOURCE.replace("Monday", "Tuesday")
    cmp = compare(derived, SOURCE, embeddings=False, a_meta={"published_at": "2024-01-02T10:00:00"}, b_meta={"published_at": "2024-01-01T10:00:00"})
    assert cmp.relation.verdict == "a_derives_from_b"
    cmp = compare(derived, SOURCE, embeddings=False, a_meta={"published_at": "2024-01-01"}, b_meta={"published_at": "2024-01-05"})
    assert cmp.relation.verdict == "b_derives_from_a"
    assert any(ch.type == "date" for link in cmp.links for ch in link.changes)


def test_trimmed_copy_is_the_derived_text_without_dates():
    lines = SOURCE.strip().split("\n")
    cmp = compare("\n".join(lines[:2]), SOURCE, embeddings=False)
    assert cmp.relation.verdict == "a_derives_from_b"
    cmp = compare(SOURCE, "\n".join(lines[:2]), embeddings=False)
    assert cmp.relation.verdict == "b_derives_from_a"


def _words(seed: int, n: int) -> str:
    import random

    vocab = "river board market winter engine school garden letter signal harbour doctor season coffee museum island camera forest bridge ticket planet".split()
    extra = "copper velvet lantern meadow quarry saddle timber walnut orchard pebble canyon falcon glacier ember thistle cobalt".split()
    rng = random.Random(seed)
    return " ".join(rng.choice(vocab + extra) + str(rng.randint(0, 99)) for _ in range(n))


def test_long_units_sharing_one_copied_stretch_are_linked_and_the_passage_is_cut_to_it():
    # web text without full stops: two 200-word "sentences" that share a 40-word stretch
    copied = _words(1, 40)
    a = f"Club notes for the season.\n{_words(2, 80)} {copied} {_words(3, 80)}.\n"
    b = f"{_words(4, 100)} {copied} {_words(5, 60)}.\nMore news next week.\n"
    cmp = compare(a, b, embeddings=False)
    assert [(link.a, link.b, link.kind) for link in cmp.links] == [((1,), (0,), "edit")]
    (p,) = cmp.passages
    assert a[p.a_start : p.a_end] == copied and b[p.b_start : p.b_end] == copied


def test_a_long_unit_copied_in_two_places_links_each_place():
    first, second = _words(6, 40), _words(7, 40)
    b = f"{_words(8, 60)} {first} {_words(9, 120)} {second} {_words(10, 60)}.\n"
    a = (
        f"{first} {_words(11, 8)}.\n"
        "The council met on Monday to discuss the new ferry timetable for the islands.\n"
        "Residents said the changes would make commuting to the mainland much harder.\n"
        f"{second} {_words(12, 8)}.\n"
    )
    cmp = compare(a, b, embeddings=False)
    assert sorted((link.a, link.b) for link in cmp.links) == [((0,), (0,)), ((3,), (0,))]
    assert sorted(b[p.b_start : p.b_end] for p in cmp.passages) == sorted([first, second])
    assert cmp.added == (1, 2) and cmp.omitted == ()


def test_a_paraphrase_passage_made_mostly_of_copied_words_is_an_edited_copy():
    from newslineage.align.passages import trim_passages
    from newslineage.align.seeds import tokenize_with_offsets, verbatim_runs
    from newslineage.model import Article, Passage
    from newslineage.prepare import prepare

    copied = "Please send any current news and rumours about the club to the secretary before Monday evening"
    a_text = f"{copied}, and read the minutes online.\n"
    b_text = f"{copied}; members who cannot attend the annual meeting in the old town hall may vote by letter.\n"
    a, b = prepare(Article(text=a_text)), prepare(Article(text=b_text))
    ta, tb = tokenize_with_offsets(a_text), tokenize_with_offsets(b_text)
    passage = Passage(0, len(a_text) - 1, 0, len(b_text) - 1, "paraphrase", (0,), (0,), (0,))
    (p,) = trim_passages([passage], verbatim_runs(ta, tb), ta, tb, a, b)
    assert p.kind == "edit" and a_text[p.a_start : p.a_end] == copied and b_text[p.b_start : p.b_end] == copied
    # mostly reworded: stays a paraphrase with its sentence boundaries
    reworded = "Send club news to the secretary by Monday evening, says the board in its letter to members today."
    (q,) = trim_passages([passage], verbatim_runs(tokenize_with_offsets(reworded), tb), tokenize_with_offsets(reworded), tb, prepare(Article(text=reworded)), b)
    assert q == passage


def test_a_pasted_list_links_to_where_it_was_copied_from_not_to_a_lookalike():
    source = (
        "The association lists its members below, in alphabetical order, as of this spring.\n\n"
        "Moroil Technologies. Mullen Circle Brand. Niagara Lubricant Company. NOCO Energy. PetroBlend Corporation. Pinnacle Oil Company. "
        "Pitt Penn Oil Company. Primrose Oil Company. Rosemead Oil Products. Newalta Corporation and Nova Oil Company.\n"
    )
    # the copy lost one full stop: one unit holds two units of the list, each too short to link alone
    derived = (
        "Both firms are excited to announce the acquisition to their customers.\n\n"
        "Niagara Lubricant Company. NOCO Energy. PetroBlend Corporation, Pinnacle Oil Company. Pitt Penn Oil Company. Primrose Oil Company.\n"
    )
    cmp = compare(derived, source, embeddings=False)
    b_text = {cmp.a.sentences[link.a[0]].text: [cmp.b.sentences[j].text for j in link.b] for link in cmp.links}
    # not "Newalta Corporation and Nova Oil Company.", which merely looks like it
    assert b_text["PetroBlend Corporation, Pinnacle Oil Company."] == ["PetroBlend Corporation.", "Pinnacle Oil Company."]
    assert len(cmp.links) == 5 and all(link.kind == "verbatim" for link in cmp.links)
    assert cmp.added == (0,)


def test_a_lone_short_shared_line_is_a_link_but_no_passage():
    derived = "The mayor thanked the volunteers.\nHeavy rain flooded the valley overnight and rescue teams evacuated dozens of families.\n"
    source = "Schools stay closed in the north of the province until the roads are cleared.\nThe mayor thanked the volunteers.\n"
    cmp = compare(derived, source, embeddings=False)
    assert [(link.a, link.b) for link in cmp.links] == [((0,), (1,))]
    assert cmp.passages == ()
    cmp = compare(SOURCE, SOURCE, embeddings=False)
    assert len(cmp.passages) == 1
