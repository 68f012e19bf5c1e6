"""Every comparison document validates against the shipped JSON Schema."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from newslineage import compare

SCHEMA = json.loads(files("newslineage").joinpath("schemas/compare-2.json").read_text(encoding="utf-8"))


def _check(doc: dict) -> None:
    jsonschema.validate(doc, SCHEMA)
    for side in ("a", "b"):
        text = doc[side]["text"]
        for s in doc[side]["sentences"]:
            assert text[s["start"] : s["end"]] == s["text"]
    for link in doc["links"]:
        for ch in link["changes"]:
            assert doc["a"]["text"][ch["a_start"] : ch["a_end"]] == ch["a_text"]
            assert doc["b"]["text"][ch["b_start"] : ch["b_end"]] == ch["b_text"]


def test_seed_document_validates(seed_comparison_lexical):
    _check(seed_comparison_lexical.to_dict())


@pytest.mark.embeddings
def test_seed_document_with_embeddings_validates(seed_comparison):
    doc = seed_comparison.to_dict()
    _check(doc)
    assert doc["mode"] == "embeddings" and doc["embedder"].startswith("use-multilingual-v3")


def test_schema_rejects_a_wrong_document(seed_comparison_lexical):
    doc = seed_comparison_lexical.to_dict()
    doc["relation"]["verdict"] = "copied"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def test_unrelated_pair_validates():
    _check(compare("Rain fell in Oslo all day long.", "The central bank raised rates by half a point.", embeddings=False).to_dict())
