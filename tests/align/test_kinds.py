from __future__ import annotations

from newslineage.align.kinds import link_kind


def test_verbatim_ignores_case_quotes_and_spacing():
    assert link_kind("He said “yes”  today.", 'He said "yes" today.', "en", "en") == "verbatim"


def test_light_edit():
    assert link_kind("The mayor opened the new bridge on Monday morning.", "The mayor opened the new bridge on Monday.", "en", "en") == "edit"


def test_paraphrase():
    assert link_kind("Officials confirmed the visit late on Tuesday.", "The trip was announced by the government.", "en", "en") == "paraphrase"


def test_translation_needs_different_languages():
    assert link_kind("Der Bürgermeister eröffnete die Brücke.", "The mayor opened the bridge.", "de", "en") == "translation"
    assert link_kind("Der Bürgermeister eröffnete die Brücke.", "Der Bürgermeister eröffnete die Brücke.", "de", "en") == "verbatim"
