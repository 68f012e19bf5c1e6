"""Wire and web furniture: lines that travel with a story but are not part of it.

Two uses. ``furniture_kind`` tells the structure finder that a paragraph is furniture, never
body: rules of dashes, desk and time-stamp lines, end marks (``end``, ``ends``, ``mf``), notes to
editors (``(reopens)``, ``EMBARGOED``, ``CORRECTS``), credits (``Reporting by ...``, ``... contributed
to this report``, photo credits), photo captions, "Read more"/"Related" prompts, sign-up and
sharing prompts, copyright notices and publisher addresses. ``is_known_boilerplate`` tells lineage
that a sentence is boilerplate wherever it appears: a copyright notice travels with every reprint
of an agency story, and two articles that both end on it are not thereby one copying the other.

Each pattern matches a whole line the way a desk editor would recognise it, so ordinary sentences
about the same things ("Copyright law was changed in 2020.", "More than 100 people came.") stay
body. The words are language data: English first, with the German, French and Spanish forms
agencies use.
"""

from __future__ import annotations

import re

from .data import MONTHS, WEEKDAYS

__all__ = ["FURNITURE_KINDS", "furniture_kind", "is_address_line", "is_known_boilerplate", "line_kind"]

#: Kinds of furniture, for messages and tests.
FURNITURE_KINDS = ("rule", "timestamp", "end", "advisory", "credit", "caption", "prompt", "copyright")

# \s+ rather than a space: the patterns below are verbose
_AGENCY = r"(?:the\s+)?associated\s+press|ap|reuters|afp|agence\s+france-presse|dpa|bloomberg|upi|pa\s+media|press\s+association|kyodo|xinhua|ansa|efe"
_I = re.IGNORECASE

# A rule: a line of dashes, underscores, equals signs, stars, tildes or box-drawing strokes, or
# any line without a letter or a digit (ornaments, and what is left of them after a bad decoding).
_RULE = re.compile(r"^(?:[\s\-_=*~#.·•–—―─━]{3,}|[^\w]+)$")

# End marks and take marks of wire copy: "end", "ends", "mf" (more follows), "mfl", "more",
# "-30-", "###", "(END)"; dpa's end line ("dpa ab yz", "dpa:230614-99-012345/3") and AFP's
# initials ("str-bur/dl", "jm/ach").
_END = re.compile(
    r"""^(?:\(?(?:end|ends|endit|more|mf|mfl|mfi|eom|xxx)\)?\.?
        | -+\s*(?:end|ends|30|more)\s*-+
        | \#{3}
        | dpa\s*(?:[a-z]{1,4}(?:\s+[a-z]{1,4}){0,3}|:\s*\S+)
        | (?-i:[a-z]{2,5}(?:-[a-z]{2,5})?(?:/[a-z]{2,5}){1,3})
    )$""",
    re.VERBOSE | _I,
)

# Notes to editors: PA's "(reopens)", "(with pic)", "(ATTENTION NEWS EDITORS ...)"; "Editor's
# note:", "EMBARGOED until ...", "(Corrects spelling of name in paragraph 3)", "ADVISORY -".
# Slugs in front of a headline ("UPDATE 2-", "REFILE-") leave it a headline.
_ADVISORY = re.compile(
    r"""^(?:\(\s*(?:reopens|re-?opens|with\s+pic|with\s+pics|with\s+pix|with\s+graphic|attention\b|note\s+to\s+editors|
                  eds?\b|editors?'?s?\s+note|corrects?\b|corrected\b|adds\b|updates?\b|recasts\b|refiles?\b|
                  embargo|new\s+(?:lead|intro|top))[^)]*\)?\.?
        | (?:editors?'?s?|editorial)\s+note\s*[:\-–—]
        | (?:advisory|attention|note|message)\s+(?:to|for)\s+(?:all\s+)?(?:news\s*)?(?:editors|desks|newsdesks|subscribers|clients)\b
        | eds?\s*:
        | embargoed\b
        | embargo\s*:
        | (?-i:(?:ADVISORY|CORRECTION|MANDATORY\s+CORRECTION|KILL|WITHDRAWN|ELIMINATE))(?:\s*[-:–—]|\s*$)
    )""",
    re.VERBOSE | _I,
)

# Credits of the story: reporters, editors, translators, contributors.
_CREDIT = re.compile(
    r"""^\(?(?:(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|written|produced|translated|research)\s+by\b
        | (?:mitarbeit|redaktion|übersetzung)\s*:
    )""",
    re.VERBOSE | _I,
)
# Credits of a picture: "Photo: AP/John Doe", "Image: Getty", "Foto: dpa".
_PHOTO_CREDIT = re.compile(
    r"^\(?(?:photo|photos|photograph|photography|image|images|picture|pictures|video|graphic|graphics|illustration|credit|foto|bild)(?:\s+credit)?\s*:",
    _I,
)
_CONTRIBUTED = re.compile(
    r"\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article|coverage)\s*\.?$|^\W{0,2}with\s+(?:assistance|reporting)\s+(?:from|by)\b",
    _I,
)
# A credit alone on its line: "Tatyana Makeyeva/Reuters", "AP Photo/Andy Wong", "Getty Images".
_CREDIT_LINE = re.compile(
    rf"""^\(?(?:(?:[A-Z][\w.'’-]*\s*){{1,4}}/\s*(?:{_AGENCY}|getty\s+images|epa|pool|file)\b[\w ,/.-]*
        | (?:{_AGENCY}|epa)\s*/\s*(?:[A-Z][\w.'’-]*\s*){{1,4}}
        | (?:{_AGENCY})\s+photo(?:\s*/\s*[\w .'-]+)?
        | getty\s+images|shutterstock|imago|picture\s+alliance|afp\s+via\s+getty\s+images
    )\)?$""",
    re.VERBOSE | _I,
)
# A caption ends on a photo credit in brackets: "(AP Photo/Andy Wong)", "(Photo: Reuters)",
# "(Photo by KIRILL KUDRYAVTSEV / AFP)", "(Sofia Sandurskaya, Moscow News Agency photo via AP, File)".
_CAPTION_CREDIT = re.compile(
    rf"""\((?:[^()]*\b(?:photo|photograph|foto|picture|image)s?\b[^()]*
          | [^()]*/\s*(?:{_AGENCY}|getty\s+images|epa|pool)\b[^()]*
          | [^()]*\bvia\s+(?:{_AGENCY}|getty\s+images)\b[^()]*)\)[\s)]*(?:\(photo\s+credit[^()]*\)?)?\s*$
      | \b(?:photo|photograph|picture|image|foto)\s*:\s*[^.:]{{1,60}}$
      | \s(?:[A-Z][\w.'’-]*\s+){{1,3}}[A-Z][\w.'’-]*\s*/\s*(?:{_AGENCY}|getty\s+images|epa)(?:\s+via\s+getty\s+images)?$""",
    re.VERBOSE | _I,
)
#: A caption is a few sentences at most; a longer paragraph ending on a credit is story text.
_CAPTION_CHARS = 600
#: A copyright or rights notice is short; a long paragraph that mentions rights is story text.
_NOTICE_CHARS = 400
_NOTICE_WORDS = ("copyright", "©", "(c)", "rights reserved", "may not be", "rechte vorbehalten", "droits réservés", "derechos reservados")
_URL_WORDS = ("http", "www.", "pic.twitter")
# An embedded post's signature: "— Jane Doe (@janedoe) December 8, 2022".
_EMBED_SIGNATURE = re.compile(r"^\W{0,3}[^()]{1,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}$")
_URL = re.compile(r"\b(?:https?://|www\.|pic\.twitter\.com/)\S+", _I)

# Prompts of a web page: related links, sign-up and sharing prompts, page chrome.
_PROMPT = re.compile(
    r"""^(?:(?:read|see)\s+(?:more|also)\b | read\s*: | also\s+read\b | more\s+on\s+this\b | related(?:\s+(?:articles?|stories|coverage|content|links?|video))?\s*[:|]
        | recommended\s*[:|] | in\s+the\s+news\s*: | watch\s*: | listen\s*: | trending\s*: | top\s+stories\s*:
        | sign\s+up\b | subscribe\b | follow\s+us\b | share\s+this\b | send\s+this\s+page\b | click\s+here\b
        | download\s+(?:the|our)\s+app\b | get\s+the\s+latest\b | by\s+clicking\b
        | (?:this\s+(?:article|story)\s+(?:was|is)\s+)?(?:originally|first)\s+(?:published|appeared)\s+(?:on|in|at)\b
        | lesen\s+sie\s+(?:auch|mehr)\b | mehr\s+zum\s+thema\b | lire\s+aussi\b | à\s+lire\s+aussi\b | lea\s+también\b
        | (?:advertisement|sponsored|anzeige|werbung|publicité|article\s+content|email\s+address|e-mail\s+address|share|print|comments?)\s*\d*\s*$
        | [\w.+-]+@[\w-]+\.[\w.]+\s*$
    )""",
    re.VERBOSE | _I,
)

_COPYRIGHT = re.compile(
    rf"""^\(?(?:(?:copyright|©|\(c\))\s*(?:[^\w\s]*\s*)?(?:\d{{4}}|{_AGENCY}\b)
        | (?:copyright|©)\s+[^.]{{0,80}}\ball\s+rights\s+reserved)
    | \ball\s+rights\s+reserved\b
    | \bmay\s+not\s+be\s+(?:published|reproduced)[, ]+(?:broadcast|distributed)
    | ^(?:alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|todos\s+los\s+derechos\s+reservados)\b""",
    re.VERBOSE | _I,
)

# Desk and time-stamp lines: PA's "11:44 12/07/99: Page 1 (HHH) COURTS Places", a web page's
# "Updated 3:45 PM EDT, Wed June 14, 2023", "Published: 14 June 2023 08:00 BST", dpa's
# "14.06.2023, 08:00 Uhr".
_DESK = re.compile(r"^\d{1,2}[:.]\d{2}\s+\d{1,2}/\d{1,2}/\d{2,4}\s*:?\s*page\s+\d+\b", _I)
_STAMP_LABEL = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|first\s+published|modified|date|stand|aktualisiert|veröffentlicht|publié(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|actualizado|publicado)\s*(?:on|at|:|am|le)?\s*",
    _I,
)
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(m[:3] for m in MONTHS) | frozenset(w[:3] for w in WEEKDAYS)
_STAMP_TOKEN = re.compile(r"st|nd|rd|th|am|pm|a|p|m|uhr|h|at|on|um|le|à|utc|gmt|bst|cet|cest|mez|mesz|[ecmp][sd]?t|et|pt|ct|z|t", _I)
_STAMP_WORD = re.compile(r"[^\W\d_]+|\d+")

# A publisher's address or contact line (only ever furniture at the end of a text).
_ADDRESS = re.compile(
    r"""(?:\b\d{1,5}[a-z]?\s+(?:[A-Z][\w'.-]*\s+){1,3}(?:street|st\.|road|rd\.?|avenue|ave\.?|boulevard|blvd\.?|lane|drive|way|place|square)\b
        | \b[\wäöüß-]+(?:straße|strasse|str\.|platz|weg|allee|gasse)\s+\d{1,4}
        | \b\d{1,4},?\s+(?:rue|avenue|boulevard|place|calle|via)\s
        | \b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b
        | ^(?:tel(?:ephone)?|phone|fax|e-?mail|contact(?:\s+us)?|kontakt|impressum)\s*[.:]
    )""",
    re.VERBOSE | _I,
)


def _is_timestamp(line: str) -> bool:
    if _DESK.match(line):
        return True
    rest = _STAMP_LABEL.sub("", line, count=1)
    labelled = rest != line
    words = _STAMP_WORD.findall(rest)
    if not words or len(words) > 12 or not any(ch.isdigit() for ch in rest):
        return False
    if re.search(r"[.!?]\s*$", rest) and not re.search(r"\b(?:a\.m|p\.m)\.$", rest, _I) and not labelled:
        return False
    # every word a number, a month or weekday name, a time word or a time zone
    return all((w.isdigit() and len(w) <= 4) or w.casefold() in _DATE_WORDS or _STAMP_TOKEN.fullmatch(w) for w in words)


def _is_link_line(text: str) -> bool:
    """Links with a few words around them ("More coverage: https://..."), not prose."""
    urls = _URL.findall(text)
    return bool(urls) and len(_URL.sub(" ", text).split()) <= 8


def _ends_on_credit(text: str) -> bool:
    # a credit is at the very end: look at the tail only, and only when it can hold one
    tail = text[-200:]
    if not (tail.endswith(")") or "/" in tail[-80:] or ":" in tail[-80:]):
        return False
    return bool(_CAPTION_CREDIT.search(tail))


def line_kind(line: str) -> str | None:
    """Furniture that stands on a line of its own even inside wrapped prose: a rule, an end mark,
    a photo credit or a time stamp (cheap: anchored patterns on short lines only)."""
    text = line.strip()
    if not text or len(text) > 100:
        return None
    if _RULE.match(text):
        return "rule"
    if len(text) <= 40 and _END.match(text):
        return "end"
    if _PHOTO_CREDIT.match(text) or (len(text) <= 80 and _CREDIT_LINE.match(text)):
        return "caption"
    if len(text) <= 80 and _is_timestamp(text):
        return "timestamp"
    return None


def furniture_kind(line: str) -> str | None:
    """The kind of wire or web furniture a whole paragraph is, or None when it is story text.

    Args:
        line: One paragraph (or one line) of an article, with or without surrounding spaces.

    Returns:
        One of ``FURNITURE_KINDS``, or None. Paragraphs longer than a caption are story text.
    """
    if len(line) > 2 * _CAPTION_CHARS:
        return None
    text = " ".join(line.split())
    if not text or len(text) > _CAPTION_CHARS:
        return None
    kind = line_kind(text)
    if kind:
        return kind
    low = text.casefold()
    if _ADVISORY.match(text):
        return "advisory"
    # substring tests first: these run on every paragraph of every article
    if len(text) <= _NOTICE_CHARS and any(w in low for w in _NOTICE_WORDS) and _COPYRIGHT.search(text):
        return "copyright"
    if _CREDIT.match(text) or (("contributed" in low or "with" in low[:8]) and _CONTRIBUTED.search(text)):
        return "credit"
    if _ends_on_credit(text) or ("(@" in text and _EMBED_SIGNATURE.match(text)):
        return "caption"
    if _PROMPT.match(text) or (any(w in low for w in _URL_WORDS) and _is_link_line(text)):
        return "prompt"
    return None


def is_address_line(line: str) -> bool:
    """A publisher's postal address or contact line (a footer when it ends a text)."""
    text = " ".join(line.split())
    return len(text) <= 160 and bool(_ADDRESS.search(text))


def is_known_boilerplate(sentence: str) -> bool:
    """True for an agency copyright line, a rights notice, an end mark or note to editors, a
    credit or a prompt."""
    return furniture_kind(sentence) in ("copyright", "credit", "prompt", "end", "advisory")
