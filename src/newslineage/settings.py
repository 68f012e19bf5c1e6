"""Settings declared once: every field typed, with a default and help text.

Precedence: defaults < config file (TOML, ``[compare]`` table) < environment
(``NEWSLINEAGE_<FIELD>``) < explicit arguments (CLI flags, API keyword arguments). Unknown keys
are an error, so a typo never silently does nothing.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["CompareSettings", "load_settings"]


def _f(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class CompareSettings:
    """How two articles are compared."""

    embeddings: bool = _f(True, "Use sentence embeddings (finds paraphrase and translation); off = lexical only, no model.")
    embedder: str = _f("use", "Sentence encoder: 'use' (multilingual USE v3, bundled) or 'hashing' (no model, tests).")
    segmenter: str = _f(
        "fast",
        "Sentence segmenter: 'fast' (our rules; ~40x faster than pysbd and agrees with it on 99% of news sentence boundaries) or 'pysbd'. An index remembers the one it was built with.",
    )
    passage_sentences: int = _f(
        3,
        "Body sentences per passage vector of an indexed article (a text taken from inside a long document, or translated, finds it by its passages). Recorded in the index; 0 = article vectors only.",
    )
    semantic_threshold: float = _f(0.65, "Embedding cosine at or above which two sentences are linked.")
    crosslingual_threshold: float = _f(0.5, "Embedding cosine that links two sentences in different languages (translations score lower than paraphrases).")
    lexical_threshold: float = _f(0.5, "Lexical similarity (Dice of word features) at or above which two sentences are linked.")
    lexical_only_threshold: float = _f(0.4, "Lexical similarity that links two sentences in lexical-only mode.")
    mixed_threshold: float = _f(0.55, "Cosine that links two sentences when they also share words (lexical >= 0.25).")
    merge_gain: float = _f(0.03, "How much a merged sentence may lower a link's score (it must add words the link lacked).")
    max_bytes: int = _f(10 * 1024 * 1024, "Largest input accepted for one article, in bytes.")

    @classmethod
    def help(cls) -> dict[str, str]:
        """Help text of every setting, by name."""
        return {f.name: f.metadata["help"] for f in fields(cls)}


def _coerce(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"setting {name}: {value!r} is not true/false")
    try:
        return type(default)(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {name}: {value!r} is not a valid {type(default).__name__}") from None


def load_settings(config: str | Path | None = None, **overrides: Any) -> CompareSettings:
    """Build settings from defaults, a config file, the environment and explicit overrides.

    Args:
        config: Optional TOML file with a ``[compare]`` table.
        **overrides: Explicit values (``None`` means "not given").

    Raises:
        ConfigError: An unknown key or a value of the wrong type.
    """
    base = CompareSettings()
    known = {f.name: getattr(base, f.name) for f in fields(CompareSettings)}
    values: dict[str, Any] = {}
    if config is not None:
        path = Path(config)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: config file not found") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from None
        for key, value in data.get("compare", {}).items():
            if key not in known:
                raise ConfigError(f"{path}: unknown setting {key!r} in [compare]; known: {', '.join(sorted(known))}")
            values[key] = _coerce(key, value, known[key])
    for key, default in known.items():
        env = os.environ.get(f"NEWSLINEAGE_{key.upper()}")
        if env is not None:
            values[key] = _coerce(key, env, default)
    for key, value in overrides.items():
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}; known: {', '.join(sorted(known))}")
        if value is not None:
            values[key] = _coerce(key, value, known[key])
    return replace(base, **values)
