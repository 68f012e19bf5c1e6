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
from .lang import ALL_STOPWORDS
from .model import Document, Link, Relation

__all__ = ["judge"]

#: Share of body sentences linked below which a pair is not considered reuse.
MIN_REUSE_COVERAGE = 0.2
#: Fewer linked sentences than this is never "derives from" (one shared quote is not lineage).
MIN_REUSE_LINKS = 2
_NAME = re.compile(r"\b[A-Z][\w’'\-]+(?:\s+(?:of\s+)?[A-Z][\w’'\-]+)*")


def _share(values: list[int], total: int) -> float:
    return round(sum(values) / total, 4) if total else 0.0


def _is_wire(doc: Document) -> bool:
    return any(s.role == "agency" for s in doc.sentences) or any(
        s.role == "dateline" and "(" in s.text for s in doc.sentences
    )


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


def judge(a: Document, b: Document, links: tuple[Link, ...], added: tuple[int, ...], omitted: tuple[int, ...], a_name: str = "A", b_name: str = "B") -> Relation:
    """Decide how A relates to B.

    Args:
        a, b: The prepared documents.
        links: Their sentence links.
        added, omitted: A's unsupported and B's unused body sentences.
        a_name, b_name: How to call the two texts in the explanation.
    """
    a_body, b_body = a.body, b.body
    linked_a = {i for link in links for i in link.a}
    linked_b = {j for link in links for j in link.b}
    cov_a = _share([1 for s in a_body if s.index in linked_a], len(a_body))
    cov_b = _share([1 for s in b_body if s.index in linked_b], len(b_body))
    chars_a = _share([s.end - s.start for s in a_body if s.index in linked_a], sum(s.end - s.start for s in a_body))
    chars_b = _share([s.end - s.start for s in b_body if s.index in linked_b], sum(s.end - s.start for s in b_body))
    n_links = len(links)
    evidence: list[str] = []
    strong = max(cov_a, cov_b) >= MIN_REUSE_COVERAGE and len(linked_a) >= MIN_REUSE_LINKS
    if not links:
        return Relation("unrelated", cov_a, cov_b, chars_a, chars_b, 0.9, f"{a_name} and {b_name} share no sentence: no sign that one derives from the other.", ("no linked sentences",))
    if not strong:
        verdict = "same_story" if n_links else "unrelated"
        expl = (
            f"{a_name} and {b_name} have {n_links} similar sentence{'s' if n_links != 1 else ''} "
            f"({cov_a:.0%} of {a_name}): probably the same story reported independently, not a copy."
        )
        return Relation(verdict, cov_a, cov_b, chars_a, chars_b, 0.6, expl, (f"only {len(linked_a)} of {len(a_body)} sentences of {a_name} linked",))  # type: ignore[arg-type]

    direction = 0.0  # > 0: A derives from B; < 0: B derives from A
    ta, tb = parse_time(a.article.published_at), parse_time(b.article.published_at)
    if ta and tb and ta != tb:
        direction += 2.0 if ta > tb else -2.0
        evidence.append(f"{a_name if ta > tb else b_name} was published later")
    wire_a, wire_b = _is_wire(a), _is_wire(b)
    if wire_b and not wire_a:
        direction += 1.0
        evidence.append(f"{b_name} carries an agency tag (wire copy)")
    elif wire_a and not wire_b:
        direction -= 1.0
        evidence.append(f"{a_name} carries an agency tag (wire copy)")
    asym = cov_a - cov_b
    if abs(asym) >= 0.2:
        direction += 1.0 if asym > 0 else -1.0
        evidence.append(f"{a_name if asym > 0 else b_name} is mostly made of the other's sentences")

    kinds = _kind_words(links)
    added_n, omitted_n = len(added), len(omitted)
    omitted_topics = _topics(b, omitted, a)
    added_topics = _topics(a, added, b)
    copy_name, src_name = (a_name, b_name) if direction >= 0 else (b_name, a_name)
    copy_doc_links = len(linked_a) if direction >= 0 else len(linked_b)
    copy_total = len(a_body) if direction >= 0 else len(b_body)
    adds = added_n if direction >= 0 else omitted_n
    omits = omitted_n if direction >= 0 else added_n
    add_topics = added_topics if direction >= 0 else omitted_topics
    omit_topics = omitted_topics if direction >= 0 else added_topics

    both_add = min(added_n / max(1, len(a_body)), omitted_n / max(1, len(b_body))) >= 0.25
    if abs(direction) >= 1.0:
        verdict = "a_derives_from_b" if direction > 0 else "b_derives_from_a"
        what = f"{copy_name} derives from {src_name}"
        if both_add and abs(direction) < 2.0:
            what = f"{copy_name} is a rewrite of {src_name} or of a shared source"
        confidence = min(0.95, 0.55 + 0.12 * abs(direction) + 0.25 * max(cov_a, cov_b))
    else:
        verdict = "shared_source"
        confidence = min(0.9, 0.5 + 0.3 * min(cov_a, cov_b))
        if min(cov_a, cov_b) >= 0.95:
            what = f"{a_name} and {b_name} are the same text ({kinds}); nothing shows which came first (publication dates would)"
            evidence.append("every sentence of each text is in the other, and no date or agency tag orders them")
        else:
            what = f"{a_name} and {b_name} share a source (nothing shows which came first)"
            evidence.append("both add material of their own and no date or agency tag orders them")
    if verdict == "shared_source":
        parts = [what] if min(cov_a, cov_b) >= 0.95 else [
            f"{what}: {len(linked_a)} of {a_name}'s {len(a_body)} body sentences have a counterpart in {b_name}" + (f", {kinds}" if kinds else "")
        ]
        if added_n and min(cov_a, cov_b) < 0.95:
            parts.append(f"{a_name} adds {added_n}" + (f" (on {', '.join(added_topics)})" if added_topics else ""))
        if omitted_n and min(cov_a, cov_b) < 0.95:
            parts.append(f"{b_name} has {omitted_n} that {a_name} lacks" + (f" (on {', '.join(omitted_topics)})" if omitted_topics else ""))
    else:
        parts = [f"{what}: {copy_doc_links} of its {copy_total} body sentences come from {src_name}" + (f", {kinds}" if kinds else "")]
        if adds:
            parts.append(f"it adds {adds} sentence{'s' if adds != 1 else ''} that {src_name} does not support" + (f" (on {', '.join(add_topics)})" if add_topics else ""))
        if omits:
            parts.append(f"it omits {omits} of {src_name}'s sentences" + (f" (on {', '.join(omit_topics)})" if omit_topics else ""))
    changed = sum(1 for link in links if link.changes)
    if changed:
        parts.append(f"{changed} kept sentence{'s' if changed != 1 else ''} changed a fact")
    explanation = "; ".join(parts) + "."
    return Relation(verdict, cov_a, cov_b, chars_a, chars_b, round(confidence, 2), explanation, tuple(evidence))  # type: ignore[arg-type]
