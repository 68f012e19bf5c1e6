"""Judge stage: the verdict for a pair, its direction, confidence and explanation in words.

Direction comes, in order of strength, from publication times (the later text derives from the
earlier), from an agency tag or agency dateline on one side only (wire copy is the source that
newsrooms rewrite), and from asymmetric coverage (a text almost wholly made of the other's
sentences is the copy). When two texts share substantial material, each adds much of its own
and nothing says which came first, the honest verdict is ``shared_source``.
"""

from __future__ import annotations

import re
from collections import Counter

from .dates import parse_time
from .lang import AGENCIES, ALL_STOPWORDS
from .model import Document, Link, Relation, Support

__all__ = ["judge"]

#: Share of a text's content supported by the other below which a pair is not reuse (the same
#: story told twice shares names, places and a fact or two).
MIN_REUSE_SHARE = 0.35
#: Fewer supported sentences than this is never "derives from" (one shared quote is not
#: lineage), unless the text is a brief of that many sentences.
MIN_REUSE_LINKS = 2
#: Share of the copy's content found in its source from which it is wholly derived: what is
#: left is the odd added detail (METER's journalists: "wholly derived" newspaper texts have
#: 81% of their content in the PA copy on average, "partially derived" 54%).
WHOLLY_SHARE = 0.75
_NAME = re.compile(r"\b[A-Z][\w’'\-]+(?:\s+(?:of\s+)?[A-Z][\w’'\-]+)*")


def _share(values: list[int], total: int) -> float:
    return round(sum(values) / total, 4) if total else 0.0


_BYLINE_AGENCY = re.compile(r",\s*([^,]+?)\s*$")


def _is_wire(doc: Document) -> bool:
    """Wire copy: an agency tag, an agency dateline ("WASHINGTON (AP) -") or a byline that signs
    for an agency ("By Nick Allen, PA News")."""
    for s in doc.sentences:
        if s.role == "agency" or (s.role == "dateline" and "(" in s.text):
            return True
        if s.role == "byline":
            m = _BYLINE_AGENCY.search(s.text)
            if m and m.group(1).casefold() in AGENCIES:
                return True
    return False


def _topics(doc: Document, indexes: tuple[int, ...], other: Document, limit: int = 4) -> list[str]:
    """Names that the given sentences mention and the other text never does (their topics)."""
    other_words = {w.casefold() for w in re.findall(r"\w+", other.article.text)}
    counts: Counter[str] = Counter()
    for i in indexes:
        for m in _NAME.finditer(doc.sentences[i].text):
            name = re.sub(r"['’]s$", "", m.group().strip())
            while " " in name and name.split(" ", 1)[0].casefold() in ALL_STOPWORDS:  # "The Ministry"
                name = name.split(" ", 1)[1]
            words = [w.casefold() for w in re.findall(r"\w+", name)]
            if (m.start() == 0 and len(words) == 1) or len(name) < 3 or name.casefold() in ALL_STOPWORDS:
                continue
            if all(w in other_words or w in ALL_STOPWORDS for w in words):
                continue
            counts[name] += 1
    chosen: list[str] = []
    for name, _ in counts.most_common():
        if any(name in c or c in name for c in chosen):
            continue
        chosen.append(name)
        if len(chosen) == limit:
            break
    return chosen


def _kind_words(links: tuple[Link, ...]) -> str:
    kinds = Counter(link.kind for link in links)
    if not kinds:
        return ""
    top, _ = kinds.most_common(1)[0]
    return {"verbatim": "copied word for word", "edit": "lightly edited", "paraphrase": "reworded", "translation": "translated"}[top]


def _supported_share(doc: Document, support: tuple[Support, ...]) -> float:
    """Share of a text's body characters whose content the other supports (a partly supported
    sentence counts for the share of its words found there)."""
    body = {s.index: s.end - s.start for s in doc.body}
    total = sum(body.values())
    found = sum(body.get(s.a, 0) * (s.share if s.level == "partial" else 1.0) for s in support if s.level != "added")
    return round(found / total, 4) if total else 0.0


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def judge(
    a: Document,
    b: Document,
    links: tuple[Link, ...],
    support: tuple[Support, ...],
    carried: tuple[Support, ...],
    a_name: str = "A",
    b_name: str = "B",
) -> Relation:
    """Decide how A relates to B, from how much of each one the other supports.

    Args:
        a, b: The prepared documents.
        links: Their sentence links.
        support: The support level of each body sentence of A in B (``align.support``).
        carried: The support level of each body sentence of B in A (``added`` = omitted).
        a_name, b_name: How to call the two texts in the explanation.
    """
    a_body, b_body = a.body, b.body
    linked_a = {i for link in links for i in link.a}
    linked_b = {j for link in links for j in link.b}
    cov_a = _share([1 for s in a_body if s.index in linked_a], len(a_body))
    cov_b = _share([1 for s in b_body if s.index in linked_b], len(b_body))
    chars_a = _share([s.end - s.start for s in a_body if s.index in linked_a], sum(s.end - s.start for s in a_body))
    chars_b = _share([s.end - s.start for s in b_body if s.index in linked_b], sum(s.end - s.start for s in b_body))
    sup_a, sup_b = _supported_share(a, support), _supported_share(b, carried)
    omitted = tuple(s.a for s in carried if s.level == "added")
    kept = [s.a for s in support if s.level == "kept"]
    partial = [s.a for s in support if s.level == "partial"]
    added = tuple(s.a for s in support if s.level == "added")
    n_supported = len(kept) + len(partial)
    shares = dict(coverage_a=cov_a, coverage_b=cov_b, coverage_a_chars=chars_a, coverage_b_chars=chars_b, supported_a=sup_a, supported_b=sup_b)
    if not n_supported:
        return Relation("unrelated", confidence=0.9, explanation=f"{a_name} and {b_name} share no sentence: no sign that one derives from the other.", evidence=("no sentence of one is supported by the other",), **shares)
    # one sentence in common is a shared fact or quote, not lineage, unless the text is a brief
    # of one or two sentences
    reused = max(sup_a, sup_b) >= MIN_REUSE_SHARE and (n_supported >= MIN_REUSE_LINKS or len(a_body) <= MIN_REUSE_LINKS)
    if not reused:
        expl = (
            f"{a_name} and {b_name} have {_plural(n_supported, 'sentence')} in common ({sup_a:.0%} of {a_name}'s content): "
            "probably the same story reported independently, not a copy."
        )
        return Relation("same_story", confidence=0.6, explanation=expl, evidence=(f"only {sup_a:.0%} of {a_name}'s content is found in {b_name}",), **shares)

    # direction: > 0 means A derives from B; each clue says which way it points and why
    clues: list[tuple[float, str]] = []
    ta, tb = parse_time(a.article.published_at), parse_time(b.article.published_at)
    if ta and tb and ta != tb:
        clues.append((2.0 if ta > tb else -2.0, f"{a_name if ta > tb else b_name} was published later"))
    wire_a, wire_b = _is_wire(a), _is_wire(b)
    if wire_a != wire_b:
        clues.append((1.0 if wire_b else -1.0, f"{b_name if wire_b else a_name} carries an agency tag (wire copy)"))
    if abs(sup_a - sup_b) >= 0.2:
        clues.append((1.0 if sup_a > sup_b else -1.0, f"{a_name if sup_a > sup_b else b_name} is mostly made of the other's content"))
    direction = sum(weight for weight, _ in clues)
    evidence = [why for weight, why in clues if weight * direction > 0]
    evidence += [f"although {why}" for weight, why in clues if weight * direction < 0]

    kinds = _kind_words(links)
    omitted_topics = _topics(b, omitted, a)
    added_topics = _topics(a, added, b)
    a_adds = len(added) / max(1, len(a_body)) >= 0.25
    b_adds = len(omitted) / max(1, len(b_body)) >= 0.25
    extent = None
    if abs(direction) >= 1.0:
        a_copies = direction > 0
        verdict = "a_derives_from_b" if a_copies else "b_derives_from_a"
        copy_name, src_name = (a_name, b_name) if a_copies else (b_name, a_name)
        copy_share = sup_a if a_copies else sup_b
        extent = "wholly" if copy_share >= WHOLLY_SHARE else "partly"
        adds, omits = (len(added), len(omitted)) if a_copies else (len(omitted), len(added))
        add_topics, omit_topics = (added_topics, omitted_topics) if a_copies else (omitted_topics, added_topics)
        what = f"{copy_name} is {extent} derived from {src_name}"
        if a_adds and b_adds and abs(direction) < 2.0:
            what += " (or both from a shared source)"
        if a_copies:
            from_src = f"{len(kept)} of its {len(a_body)} body sentences come from {src_name}" + (f" ({kinds})" if kinds else "")
            if partial:
                from_src += f" and {len(partial)} more in part"
        else:
            carried = len(b_body) - len(omitted)
            from_src = f"{carried} of its {len(b_body)} body sentences carry content of {src_name}" + (f" ({kinds})" if kinds else "")
        parts = [f"{what}: {from_src}"]
        if adds:
            parts.append(f"it adds {_plural(adds, 'sentence')} that {src_name} does not support" + (f" (on {', '.join(add_topics)})" if add_topics else ""))
        if omits:
            parts.append(f"it omits {omits} of {src_name}'s sentences" + (f" (on {', '.join(omit_topics)})" if omit_topics else ""))
        confidence = min(0.95, 0.55 + 0.12 * abs(direction) + 0.25 * max(sup_a, sup_b))
    else:
        verdict = "shared_source"
        confidence = min(0.9, 0.5 + 0.3 * min(sup_a, sup_b))
        if min(cov_a, cov_b) >= 0.95:
            parts = [f"{a_name} and {b_name} are the same text ({kinds}); nothing shows which came first (publication dates would)"]
            evidence.append("every sentence of each text is in the other, and no date or agency tag orders them")
        else:
            parts = [
                f"{a_name} and {b_name} share a source (nothing shows which came first): {len(kept) + len(partial)} of {a_name}'s "
                f"{len(a_body)} body sentences have a counterpart in {b_name}" + (f", {kinds}" if kinds else "")
            ]
            own = [name for name, adds in ((a_name, a_adds), (b_name, b_adds)) if adds]
            if len(own) == 2:
                evidence.append("both add material of their own and no date or agency tag orders them")
            elif own:
                evidence.append(f"only {own[0]} adds material of its own, too little to tell which came first")
            else:
                evidence.append("no date or agency tag orders them")
            if added:
                parts.append(f"{a_name} adds {len(added)}" + (f" (on {', '.join(added_topics)})" if added_topics else ""))
            if omitted:
                parts.append(f"{b_name} has {len(omitted)} that {a_name} lacks" + (f" (on {', '.join(omitted_topics)})" if omitted_topics else ""))
    changed = sum(1 for link in links if link.changes)
    if changed:
        parts.append(f"{_plural(changed, 'kept sentence')} changed a fact")
    explanation = "; ".join(parts) + "."
    return Relation(verdict, confidence=round(confidence, 2), explanation=explanation, evidence=tuple(evidence), extent=extent, **shares)  # type: ignore[arg-type]
