"""Word stems per language (Snowball), for deciding whether a word of one text is in another.

"making love" and "make love", "allegations" and "alleged", "woodlands" and "woodland" are the
same words to a reader; the five-letter prefixes of ``fingerprint.py`` (kept there because index
fingerprints must not change) miss the first pair and confuse "officer" with "office". Snowball
stemmers (snowballstemmer, with the PyStemmer C extension when installed) cover the languages
news copy is exchanged in; other languages fall back to the five-letter prefix.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["stem"]

#: ISO 639-1 code -> Snowball algorithm name.
_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french", "ga": "irish",
    "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian",
    "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian", "nb": "norwegian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}  # fmt: skip

_PREFIX = 5


@lru_cache(maxsize=64)
def _stemmer(language: str):
    name = _SNOWBALL.get(language)
    if name is None:
        return None
    import snowballstemmer

    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The stem of a lower-cased word in a language (ISO 639-1); a 5-letter prefix if unknown."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return word[:_PREFIX]
    return stemmer.stemWord(word)
