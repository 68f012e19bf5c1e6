"""Changed facts between linked sentences: numbers, dates, names, negation, modality.

Embeddings cannot tell a faithful paraphrase from one that changed a figure or dropped a "not"
(the encoder puts both close together), so these checks are explicit, rule-based and explainable:
each change reports the two spans involved. A fact present on one side only is *added or
omitted detail*, not a change; a change needs a differing counterpart on both sides (negation
and hedging excepted: their mere presence on one side flips the meaning).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang import (
    ALL_STOPWORDS,
    MODALS_POSSIBILITY,
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    RELATIVE_DAYS,
    WEEKDAYS,
)
from ..lang.data import ALIAS_GROUP, AMBIGUOUS_MONTHS, SCALES, WEAK_NUMBER_WORDS
from ..model import FactChange, Sentence

__all__ = ["Fact", "extract_facts", "fact_changes"]


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact mention: its type, a comparable value and its span in the article text."""

    type: str
    value: object
    text: str
    start: int
    end: int
    scope: tuple[str, ...] = ()  # negation and hedging: stems of the words they bear on


_NUMERAL = re.compile(r"(?<![\w.,])[-−]?\d+(?:[.,']\d+)*(?:st|nd|rd|th|er|e|º|°)?(?![\w])")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|er|e|º|°)$")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s?(?:a\.?m\.?|p\.?m\.?|Uhr|h)\b", re.IGNORECASE)
_CAPSEQ = re.compile(r"\b[A-ZÄÖÜÀ-ÞŁŚŻ][\w’'\-]*(?:\s+(?:of|de|la|von|van|der|du|al|bin)?\s*[A-ZÄÖÜÀ-ÞŁŚŻ][\w’'\-]*)*", re.UNICODE)
_MONTH_CONTEXT = re.compile(r"(?:in|early|late|mid|since|until|by|on|last|next|this)\s*-?$", re.IGNORECASE)



def _parse_numeral(text: str, language: str) -> float | None:
    raw = text.replace("−", "-").replace("'", "")
    if "," in raw and "." in raw:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
    elif "," in raw or "." in raw:
        sep = "," if "," in raw else "."
        groups = raw.lstrip("-").split(sep)
        thousands = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
        if thousands:  # "2,500" / "2.500": grouping, whatever the language
            return float(raw.replace(sep, ""))
        decimal = sep
    else:
        decimal = "."
    other = "." if decimal == "," else ","
    try:
        return float(raw.replace(other, "").replace(decimal, "."))
    except ValueError:
        return None


#: Content words after a negation or hedge that it bears on ("possibly deceptive practices").
_SCOPE_WORDS = 3


def extract_facts(sentence: Sentence, language: str) -> list[Fact]:
    """Numbers, dates, names, negation and hedging cues of one sentence, with article offsets."""
    text = sentence.text
    base = sentence.start
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, value: object, s: int, e: int) -> None:
        scope: tuple[str, ...] = ()
        if kind in ("negation", "modality"):
            after = [w.casefold() for w in _WORD.findall(text[e : e + 80])]
            scope = tuple(w[:5] for w in after if w not in ALL_STOPWORDS and w not in NEGATIONS)[:_SCOPE_WORDS]
        facts.append(Fact(kind, value, text[s:e], base + s, base + e, scope))
        taken.append((s, e))

    for m in _TIME.finditer(text):
        add("date", ("time", re.sub(r"\D", "", m.group())[:4]), m.start(), m.end())
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    lower = [w.casefold() for w, _, _ in words]
    for i, (word, s, e) in enumerate(words):
        lw = lower[i]
        if lw in WEEKDAYS:
            add("date", ("weekday", WEEKDAYS[lw]), s, e)
        elif lw in MONTHS and (word[0].isupper() or language == "de"):
            if lw in AMBIGUOUS_MONTHS:
                after = text[e : e + 4]
                if not (re.match(r"\s+\d", after) or _MONTH_CONTEXT.search(text[max(0, s - 8) : s])):
                    continue
            add("date", ("month", MONTHS[lw]), s, e)
        elif lw in RELATIVE_DAYS:
            add("date", ("relday", RELATIVE_DAYS[lw]), s, e)
        elif lw in NEGATIONS:
            add("negation", "neg", s, e)
        elif lw in MODALS_POSSIBILITY:
            add("modality", "possible", s, e)
        elif lw in NUMBER_WORDS and lw not in WEAK_NUMBER_WORDS:
            value = NUMBER_WORDS[lw]
            nxt = lower[i + 1] if i + 1 < len(lower) else ""
            add("number", value * SCALES.get(nxt, 1.0), s, e)
    if "n't" in text or "n’t" in text:
        for m in re.finditer(r"n['’]t\b", text):
            add("negation", "neg", m.start(), m.end())
    for m in _NUMERAL.finditer(text):
        s, e = m.start(), m.end()
        if any(ts <= s < te for ts, te in taken):
            continue
        value = _parse_numeral(_ORDINAL_SUFFIX.sub("", m.group()), language)
        if value is None:
            continue
        if 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", m.group()):
            add("date", ("year", int(value)), s, e)
            continue
        follow = text[e : e + 12].strip().casefold()
        if follow.startswith("."):  # "16. Juni": a German day of month
            after = follow[1:].strip().split(" ")[0] if len(follow) > 1 else ""
            if after in MONTHS:
                add("date", ("day", int(value)), s, e)
                continue
        next_word = follow.split(" ")[0] if follow else ""
        if next_word in MONTHS or (s >= 2 and text[max(0, s - 10) : s].strip().casefold() in MONTHS):
            add("date", ("day", int(value)), s, e)
            continue
        add("number", value * SCALES.get(next_word, 1.0), s, e)
    if language != "de":  # German capitalises every noun: capitals do not mark names there
        for m in _CAPSEQ.finditer(text):
            name = m.group().strip()
            lname = name.casefold()
            if m.start() == 0 and " " not in name:
                continue  # a capitalised first word is usually just a sentence start
            if lname in NUMBER_WORDS or lname in MONTHS or lname in WEEKDAYS or len(name) < 2:
                continue
            add("entity", lname, m.start(), m.start() + len(name))
    facts.sort(key=lambda f: f.start)
    return facts


def _entity_match(x: str, y: str) -> bool:
    if x == y or x in y or y in x:
        return True
    ax, ay = ALIAS_GROUP.get(x), ALIAS_GROUP.get(y)
    if ax is not None and ax == ay:
        return True
    tx, ty = set(x.replace("’s", "").split()), set(y.replace("’s", "").split())
    if tx & ty:
        return True
    return any(p[:4] == q[:4] and len(p) > 3 and len(q) > 3 for p in tx for q in ty)


def _unmatched(mine: Sequence[Fact], theirs: Sequence[Fact]) -> list[Fact]:
    left = list(theirs)
    out = []
    for fact in mine:
        hit = None
        for other in left:
            if fact.type == "entity":
                if _entity_match(str(fact.value), str(other.value)):
                    hit = other
                    break
            elif fact.value == other.value:
                hit = other
                break
        if hit is None:
            out.append(fact)
        else:
            left.remove(hit)
    return out


def _carried(cue: Fact, other_words: frozenset[str] | None) -> bool:
    """Does the other side say what a negation or hedge bears on? A source sentence fused into
    a rewrite may hedge a clause the rewrite left out ("amid revelations of possibly deceptive
    practices"): that is an omitted detail, not a removed hedge."""
    return other_words is None or not cue.scope or any(w in other_words for w in cue.scope)


def fact_changes(
    a_facts: Sequence[Fact],
    b_facts: Sequence[Fact],
    same_language: bool,
    a_anchor: int = 0,
    b_anchor: int = 0,
    a_words: frozenset[str] | None = None,
    b_words: frozenset[str] | None = None,
) -> list[FactChange]:
    """Facts that differ between two linked groups.

    Args:
        a_facts, b_facts: Facts of the linked sentences of A and of B.
        same_language: Names are compared only within one language (they are spelled, and
            capitalised, differently across languages).
        a_anchor, b_anchor: Offset used as an empty span for a side that lacks the cue
            (start of its linked sentences).
        a_words, b_words: Five-letter stems of each side's words; a negation or hedge found on
            one side only is a change only when the other side carries the words it bears on.
    """
    changes: list[FactChange] = []
    for kind in ("number", "date", "entity"):
        if kind == "entity" and not same_language:
            continue
        mine = [f for f in a_facts if f.type == kind]
        theirs = [f for f in b_facts if f.type == kind]
        only_a = _unmatched(mine, theirs)
        only_b = _unmatched(theirs, mine)
        if kind == "date":
            # compare like with like: a weekday against a weekday, a year against a year
            for fa in only_a:
                for fb in only_b:
                    if fa.value[0] == fb.value[0]:  # type: ignore[index]
                        changes.append(FactChange("date", fa.text, fb.text, fa.start, fa.end, fb.start, fb.end))
                        only_b.remove(fb)
                        break
            continue
        if kind == "entity":
            # entity lists differ in length when a rewrite adds a detail; pair only when both
            # sides have exactly the names the other lacks
            if not only_a or not only_b or len(only_a) > 2 or len(only_b) > 2:
                continue
        for fa, fb in zip(only_a, only_b):
            changes.append(FactChange(kind, fa.text, fb.text, fa.start, fa.end, fb.start, fb.end))  # type: ignore[arg-type]
    for kind in ("negation", "modality"):
        na = [f for f in a_facts if f.type == kind]
        nb = [f for f in b_facts if f.type == kind]
        if bool(na) != bool(nb):
            fa = na[0] if na else None
            fb = nb[0] if nb else None
            if not _carried(fa or fb, b_words if fa else a_words):  # type: ignore[arg-type]
                continue
            changes.append(
                FactChange(
                    kind,  # type: ignore[arg-type]
                    fa.text if fa else "",
                    fb.text if fb else "",
                    fa.start if fa else a_anchor,
                    fa.end if fa else a_anchor,
                    fb.start if fb else b_anchor,
                    fb.end if fb else b_anchor,
                )
            )
    changes.sort(key=lambda ch: ch.a_start)
    return changes
