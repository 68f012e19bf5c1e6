"""Wire-copy footers and sign-offs: sentences that are boilerplate wherever they appear.

A copyright notice travels with every reprint of an agency story; two articles that both end on
it are not thereby one copying the other, even when they are the only two that carry it.
"""

from __future__ import annotations

import re

__all__ = ["is_known_boilerplate"]

_AGENCY = r"(?:the )?associated press|ap|reuters|afp|agence france-presse|dpa|bloomberg|upi|pa media|kyodo|xinhua"

_PATTERNS = re.compile(
    "|".join(
        [
            rf"^(?:copyright|©|\(c\))\s*(?:[^a-z]*\s*)?(?:\d{{4}}\s*)?(?:{_AGENCY})\b",
            r"\ball rights reserved\b",
            r"\bmay not be (?:published|reproduced)[, ]+(?:broadcast|distributed)",
            r"^(?:reporting|writing|editing|additional reporting|compiled) by\b",
            r"^(?:read more|click here|sign up|subscribe)\b",
            r"^(?:alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)\b",
        ]
    ),
    re.IGNORECASE,
)


def is_known_boilerplate(sentence: str) -> bool:
    """True for an agency copyright line, a rights notice, a sign-off or a "read more" prompt."""
    return bool(_PATTERNS.search(sentence.strip()))
