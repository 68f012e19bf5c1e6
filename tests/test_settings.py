from __future__ import annotations

import pytest

from newslineage.errors import ConfigError
from newslineage.settings import CompareSettings, load_settings


def test_precedence_defaults_config_env_args(tmp_path, monkeypatch):
    cfg = tmp_path / "nl.toml"
    cfg.write_text("[compare]\nsemantic_threshold = 0.7\nlexical_threshold = 0.6\nembeddings = false\n")
    monkeypatch.setenv("NEWSLINEAGE_LEXICAL_THRESHOLD", "0.55")
    s = load_settings(cfg, embeddings=True)
    assert s.semantic_threshold == 0.7  # config
    assert s.lexical_threshold == 0.55  # env beats config
    assert s.embeddings is True  # argument beats config
    assert s.mixed_threshold == CompareSettings().mixed_threshold  # default


def test_bad_values_and_keys(monkeypatch):
    monkeypatch.setenv("NEWSLINEAGE_EMBEDDINGS", "perhaps")
    with pytest.raises(ConfigError, match="not true/false"):
        load_settings()
    monkeypatch.delenv("NEWSLINEAGE_EMBEDDINGS")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(colour="red")


def test_every_setting_has_help():
    assert all(text for text in CompareSettings.help().values())
