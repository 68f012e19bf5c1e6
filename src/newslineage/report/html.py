"""HTML report: the ``newslineage.compare/2`` document as a self-contained, script-free page.

``render_comparison_fragment`` gives a ``<style>`` block plus a ``<section class="nl-compare">``
that any page can embed (every CSS rule is scoped to ``.nl-compare``; nothing relies on
page-level CSS). ``render_comparison_page`` wraps it in a complete HTML5 page with a strict
Content-Security-Policy. Neither contains script or refers to any external resource:
interaction is plain anchors (``#a-<i>`` / ``#b-<j>``, highlighted with ``:target``) and
``<details>``.

Everything taken from the document (sentences, titles, names, ids, explanation, change
wording...) is untrusted and HTML-escaped. Attribute values are built only from integers, from
fixed vocabularies (kinds, roles, fact types) or from validated language tags; the only
document text placed in an attribute is an escaped article id in a ``title=``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .html_style import CSS, KIND_COLORS
from .words import side_words, verdict_words

__all__ = ["KIND_COLORS", "render_comparison_fragment", "render_comparison_page"]

_KIND_WORDS = {
    "verbatim": "copied word for word",
    "edit": "lightly edited (a few words changed)",
    "paraphrase": "reworded, same meaning",
    "translation": "translated from the other language",
}
_ROLES = ("headline", "subheading", "dateline", "agency", "byline")
_FACT_WORDS = {
    "number": "number",
    "date": "date",
    "entity": "name",
    "negation": "negation",
    "modality": "certainty",
}
#: Span type of words the other text does not support (in a partly supported sentence).
_NEW = "new"
_LANG_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _e(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def _int(value: Any) -> int | None:
    """An integer from the document, or None for anything else (never trust the type)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _ints(values: Any) -> list[int]:
    if not isinstance(values, (list, tuple)):
        return []
    return [i for i in (_int(v) for v in values) if i is not None]


def _pct(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:.0%}"
    return "n/a"


def _score(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:.2f}"
    return "n/a"


def _kind(value: Any) -> str:
    """The kind as a safe class token: one of KIND_COLORS, else ``other``."""
    return value if isinstance(value, str) and value in KIND_COLORS else "other"


def _lang_attr(value: Any) -> str:
    """`` lang="xx"`` for a well-formed language tag, else nothing (``und`` is dropped too)."""
    if isinstance(value, str) and _LANG_RE.match(value) and value.lower() != "und":
        return f' lang="{_e(value)}"'
    return ""


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _sentences(side: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    units = side.get("sentences") if isinstance(side, Mapping) else None
    return [u for u in units if isinstance(u, Mapping)] if isinstance(units, list) else []


def _nums(numbers: Sequence[int]) -> str:
    return ", ".join(str(n) for n in numbers)


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


class _Side:
    """Per-side lookups built once: links per sentence, changed spans, added/omitted sets."""

    def __init__(
        self,
        letter: str,
        doc: Mapping[str, Any],
        flagged: Iterable[int],
        label: str,
        support: Iterable[Any] = (),
        partial_label: str = "partly supported",
    ) -> None:
        self.letter = letter
        self.label = label
        self.flag_class = label if label in ("added", "omitted") else "only"
        self.partial_label = partial_label
        self.other = "b" if letter == "a" else "a"
        self.doc = doc if isinstance(doc, Mapping) else {}
        self.units = _sentences(self.doc)
        self.by_index: dict[int, Mapping[str, Any]] = {}
        for u in self.units:
            i = _int(u.get("index"))
            if i is not None:
                self.by_index.setdefault(i, u)
        self.flagged = set(flagged)
        self.links: dict[int, list[tuple[int, str, list[int], bool]]] = {}
        self.spans: dict[int, list[tuple[int, int, str]]] = {}
        self.partial: dict[int, tuple[float, list[int]]] = {}
        for entry in support:
            if not isinstance(entry, Mapping) or entry.get("level") != "partial":
                continue
            i = _int(entry.get("a"))
            u = self.by_index.get(i) if i is not None else None
            if u is None:
                continue
            share = entry.get("share")
            self.partial[i] = (float(share) if isinstance(share, (int, float)) else 0.0, _ints(entry.get("b")))  # type: ignore[index]
            s0 = _int(u.get("start"))
            for span in _list(entry.get("new")):
                if s0 is None or not isinstance(span, list) or len(span) != 2:
                    continue
                lo, hi = _int(span[0]), _int(span[1])
                if lo is not None and hi is not None and hi > lo:
                    self.spans.setdefault(i, []).append((lo - s0, hi - s0, _NEW))  # type: ignore[index]

    def text(self, i: int) -> str:
        u = self.by_index.get(i)
        t = u.get("text") if u is not None else None
        return t if isinstance(t, str) else ""

    def add_link(self, number: int, kind: str, own: list[int], other: list[int], changes: list[Mapping[str, Any]]) -> None:
        for i in own:
            self.links.setdefault(i, []).append((number, kind, other, bool(changes)))
        if not changes:
            return
        key_s, key_e = f"{self.letter}_start", f"{self.letter}_end"
        for ch in changes:
            start, end = _int(ch.get(key_s)), _int(ch.get(key_e))
            if start is None or end is None or end <= start:
                continue  # empty span: where a missing cue would be; nothing to highlight
            ftype = _FACT_WORDS.get(ch.get("type"), "fact")  # type: ignore[arg-type]
            for i in own:
                u = self.by_index.get(i)
                if u is None:
                    continue
                s0, s1 = _int(u.get("start")), _int(u.get("end"))
                if s0 is None or s1 is None:
                    continue
                lo, hi = max(start, s0), min(end, s1)
                if lo < hi:
                    self.spans.setdefault(i, []).append((lo - s0, hi - s0, ftype))


def _highlight(text: str, spans: list[tuple[int, int, str]] | None) -> str:
    """Escaped ``text`` with the changed spans wrapped in ``<mark>`` (overlaps merged)."""
    if not spans:
        return _e(text)
    out: list[str] = []
    pos = 0
    n = len(text)
    for lo, hi, ftype in sorted(spans):
        lo, hi = max(lo, pos, 0), min(hi, n)
        if lo >= hi:
            continue
        out.append(_e(text[pos:lo]))
        if ftype == _NEW:
            out.append(f'<mark class="nl-new" title="not in the other text">{_e(text[lo:hi])}</mark>')
        else:
            out.append(f'<mark class="nl-chg" title="changed {ftype}">{_e(text[lo:hi])}</mark>')
        pos = hi
    out.append(_e(text[pos:]))
    return "".join(out)


def _render_unit(side: _Side, unit: Mapping[str, Any], out: list[str]) -> None:
    i = _int(unit.get("index"))
    raw = unit.get("text")
    text = raw if isinstance(raw, str) else ""
    role = unit.get("role")
    id_attr = f' id="{side.letter}-{i}"' if i is not None else ""
    if role != "body":
        role_word = role if role in _ROLES else "structure"
        out.append(
            f'<span class="nl-struct nl-role-{role_word}"{id_attr}>'
            f'<span class="nl-lab" title="structure line: not compared">{role_word} · not compared</span>'
            f'<span class="nl-t">{_e(text)}</span></span> '
        )
        return
    links = side.links.get(i, []) if i is not None else []
    classes = ["nl-s"]
    labels: list[str] = []
    if links:
        kind = links[0][1]
        classes.append(f"nl-k-{kind}")
        for number, lkind, other, _changed in links:
            title = f"link {number}: see {side.other.upper()} sentence {other[0]}" if other else f"link {number}"
            href = f' href="#{side.other}-{other[0]}"' if other else ""
            labels.append(f'<a class="nl-badge nl-bk-{lkind}"{href} title="{title}">{number}</a>')
        for lkind in dict.fromkeys(k for _, k, _, _ in links):
            labels.append(f'<span class="nl-lab nl-kindlab nl-tk-{lkind}">{lkind}</span>')
        if any(ch for _, _, _, ch in links):
            classes.append("nl-changed")
            labels.append('<span class="nl-lab nl-lab-changed">changed fact</span>')
        if i in side.partial:
            labels.append(f'<span class="nl-lab nl-lab-partial">{_e(side.partial_label)}</span>')
    elif i is not None and i in side.flagged:
        classes.append(f"nl-{side.flag_class}")
        other = side.other.upper()
        labels.append(f'<span class="nl-lab nl-lab-{side.flag_class}" title="nothing of it is in {other}">{_e(side.label)}</span>')
    elif i is not None and i in side.partial:
        share, sources = side.partial[i]
        classes.append("nl-partial")
        refs = ", ".join(str(j) for j in sources)
        title = f"{share:.0%} of its content is in {side.other.upper()} {refs}; the marked words are not"
        labels.append(f'<span class="nl-lab nl-lab-partial" title="{_e(title)}">{_e(side.partial_label)}</span>')
    else:
        classes.append("nl-unlinked")
    body = _highlight(text, side.spans.get(i) if i is not None else None)
    out.append(f'<span class="{" ".join(classes)}"{id_attr}>{"".join(labels)}<span class="nl-t">{body}</span></span> ')


def _render_side(side: _Side, name: str, role_words: str, out: list[str]) -> None:
    doc = side.doc
    out.append(f'<article class="nl-side nl-side-{side.letter}"{_lang_attr(doc.get("language"))}>')
    out.append(
        f'<header class="nl-side-head"><h3 title="{_e(doc.get("id"))}">'
        f'<span class="nl-side-letter">{side.letter.upper()}</span>{_e(name)}'
        f' <span class="nl-muted">({role_words})</span></h3>'
    )
    meta: list[str] = []
    if doc.get("title"):
        meta.append(f"<b>{_e(doc.get('title'))}</b>")
    for label, key in (("outlet", "outlet"), ("published", "published_at"), ("language", "language")):
        if doc.get(key):
            meta.append(f"{label}: {_e(doc.get(key))}")
    if doc.get("url"):
        meta.append(f"url (not linked): {_e(doc.get('url'))}")
    if doc.get("id"):
        meta.append(f"id: {_e(doc.get('id'))}")
    body_n = sum(1 for u in side.units if u.get("role") == "body")
    meta.append(
        f"{body_n} body sentence{'s' if body_n != 1 else ''}, {len(side.units) - body_n} structure line{'s' if len(side.units) - body_n != 1 else ''}"
    )
    out.append(f'<p class="nl-meta">{" · ".join(meta)}</p></header>')
    if not side.units:
        out.append('<p class="nl-empty">No text.</p>')
    current: Any = object()
    open_para = False
    for unit in side.units:
        para = unit.get("paragraph")
        if not open_para or para != current:
            if open_para:
                out.append("</div>")
            out.append('<div class="nl-para">')
            open_para, current = True, para
        _render_unit(side, unit, out)
    if open_para:
        out.append("</div>")
    out.append("</article>")


def _ref(letter: str, indexes: Sequence[int]) -> str:
    """Anchors to sentences of one side, e.g. ``A 2, 3``."""
    if not indexes:
        return f'<span class="nl-ref">{letter.upper()} –</span>'
    parts = [f'<a href="#{letter}-{i}">{i}</a>' for i in indexes]
    return f'<span class="nl-ref">{letter.upper()} {", ".join(parts)}</span>'


def _group_text(side: _Side, indexes: Sequence[int]) -> str:
    """The sentences of one side of a link, changed spans highlighted."""
    return " ".join(_highlight(side.text(i), side.spans.get(i)) for i in indexes)


def _section(out: list[str], title: str, count: int | None, open_: bool = True) -> None:
    label = f"{title} ({count})" if count is not None else title
    out.append(f'<details class="nl-sec"{" open" if open_ else ""}><summary><h3>{label}</h3></summary><div class="nl-sec-body">')


def _unlinked(out: list[str], title: str, side: _Side, indexes: list[int]) -> None:
    """One side's sentences with nothing in the other text, as a list."""
    out.append(f'<h4 class="nl-subh">{_e(title)} ({len(indexes)})</h4>')
    if not indexes:
        out.append('<p class="nl-empty">None.</p>')
        return
    out.append('<ul class="nl-list">')
    for i in indexes:
        out.append(f'<li>{_ref(side.letter, [i])}<span class="nl-lab nl-lab-{side.flag_class}">{_e(side.label)}</span>{_e(side.text(i))}</li>')
    out.append("</ul>")


def _partly(out: list[str], title: str, side: _Side, other: _Side) -> None:
    """Sentences of a side partly found in the other, the words that are not marked."""
    if not side.partial:
        return
    out.append(f'<h4 class="nl-subh">{_e(title)} ({len(side.partial)})</h4><ul class="nl-list">')
    for i, (share, sources) in sorted(side.partial.items()):
        out.append(
            f'<li>{_ref(side.letter, [i])}<span class="nl-lab nl-lab-partial">{_e(side.partial_label)}</span>'
            f"{_group_text(side, [i])} "
            f'<span class="nl-muted nl-nowrap">{share:.0%} found in {_ref(other.letter, sources)}</span></li>'
        )
    out.append("</ul>")


def render_comparison_fragment(doc: dict) -> str:
    """The comparison as an embeddable HTML fragment: a scoped ``<style>`` and ``<section class="nl-compare">``.

    Args:
        doc: A ``newslineage.compare/2`` document (``Comparison.to_dict()``).

    Returns:
        HTML with no script and no external resource; every text from ``doc`` escaped.
    """
    doc = _map(doc)  # type: ignore[assignment]
    names = _map(doc.get("names"))
    name_a = str(names.get("a") or "A")
    name_b = str(names.get("b") or "B")
    rel = _map(doc.get("relation"))
    links = [lk for lk in _list(doc.get("links")) if isinstance(lk, Mapping)]

    verdict = rel.get("verdict")
    words = side_words(verdict if isinstance(verdict, str) else "", name_a, name_b)
    partial_b = "partly carried" if words.a_label == "added" else "partly used"
    side_a = _Side("a", _map(doc.get("a")), _ints(doc.get("added")), words.a_label, _list(doc.get("support")), words.partial_label)
    side_b = _Side("b", _map(doc.get("b")), _ints(doc.get("omitted")), words.b_label, _list(doc.get("carried")), partial_b)
    rows: list[tuple[int, str, list[int], list[int], Mapping[str, Any], list[Mapping[str, Any]]]] = []
    for n, link in enumerate(links, start=1):
        a_idx, b_idx, kind = _ints(link.get("a")), _ints(link.get("b")), _kind(link.get("kind"))
        changes = [c for c in _list(link.get("changes")) if isinstance(c, Mapping)]
        side_a.add_link(n, kind, a_idx, b_idx, changes)
        side_b.add_link(n, kind, b_idx, a_idx, changes)
        rows.append((n, kind, a_idx, b_idx, link, changes))

    ea, eb = _e(name_a), _e(name_b)
    la = ea if name_a == "A" else f"{ea} (A)"  # "000 (A)", but not "A (A)"
    lb = eb if name_b == "B" else f"{eb} (B)"
    out: list[str] = [f"<style>{CSS}</style>", '<section class="nl-compare" aria-label="Article comparison">']

    # ---- verdict
    extent = rel.get("extent") if isinstance(rel.get("extent"), str) else None
    verdict_html = _e(verdict_words(verdict, name_a, name_b, extent=extent)) if isinstance(verdict, str) and verdict else "no verdict"
    out.append('<header class="nl-head">')
    out.append(f'<p class="nl-kicker">Verdict · {la} compared with {lb}</p>')
    out.append(f'<h2 class="nl-verdict">{verdict_html}</h2>')
    if rel.get("explanation"):
        out.append(f'<p class="nl-expl">{_e(rel.get("explanation"))}</p>')
    mode = doc.get("mode")
    mode_words = (
        {
            "embeddings": "embeddings: meaning and wording (finds paraphrases and translations)",
            "lexical": "lexical: shared wording only (paraphrases and translations are not detected)",
        }.get(mode)
        if isinstance(mode, str)
        else None
    )  # type: ignore[arg-type]
    out.append('<dl class="nl-stats">')
    out.append(
        f'<div class="nl-stat"><dt>Confidence</dt><dd><span class="nl-big">{_pct(rel.get("confidence"))}</span></dd></div>'
    )
    out.append(
        f'<div class="nl-stat"><dt>{la} found in {eb}</dt><dd><span class="nl-big">{_pct(rel.get("supported_a"))}</span>'
        f" of its content<br>{_pct(rel.get('coverage_a'))} of sentences linked"
        f"<br>{_pct(rel.get('copied_a'))} of words word for word</dd></div>"
    )
    out.append(
        f'<div class="nl-stat"><dt>{lb} carried into {ea}</dt><dd><span class="nl-big">{_pct(rel.get("supported_b"))}</span>'
        f" of its content<br>{_pct(rel.get('coverage_b'))} of sentences linked</dd></div>"
    )
    embedder = f'<br><span class="nl-muted">{_e(doc.get("embedder"))}</span>' if doc.get("embedder") else ""
    out.append(f'<div class="nl-stat"><dt>Mode</dt><dd>{_e(mode_words or mode or "unknown")}{embedder}</dd></div>')
    out.append("</dl>")
    evidence = _list(rel.get("evidence"))
    if evidence:
        out.append('<div class="nl-why">Why:<ul>' + "".join(f"<li>{_e(ev)}</li>" for ev in evidence) + "</ul></div>")
    out.append("</header>")

    # ---- legend
    out.append('<div class="nl-legend" aria-label="Legend"><span class="nl-legend-title">Legend</span>')
    for kind in KIND_COLORS:
        out.append(
            f'<span><span class="nl-sw nl-sw-{kind}"></span><span class="nl-lab nl-kindlab nl-tk-{kind}">{kind}</span>'
            f"{_KIND_WORDS[kind]}</span>"
        )
    out.append(
        '<span><span class="nl-badge">3</span>link number: the same on both sides, click to jump</span>'
        f'<span><span class="nl-s nl-{side_a.flag_class}"><span class="nl-lab nl-lab-{side_a.flag_class}">{_e(side_a.label)}</span>'
        f"nothing of it in {eb}</span></span>"
        f'<span><span class="nl-s nl-{side_b.flag_class}"><span class="nl-lab nl-lab-{side_b.flag_class}">{_e(side_b.label)}</span>'
        f'<span class="nl-t">nothing of it in {ea}</span></span></span>'
        f'<span><span class="nl-s nl-partial"><span class="nl-lab nl-lab-partial">{_e(side_a.partial_label)}</span>'
        '<mark class="nl-new">words</mark> not in the other text</span></span>'
        '<span><span class="nl-lab nl-lab-changed">changed fact</span><mark class="nl-chg">changed words</mark></span>'
        '<span><span class="nl-struct nl-struct-sample">'
        '<span class="nl-lab">headline · not compared</span></span>structure line</span>'
    )
    out.append("</div>")

    # ---- the two articles
    out.append('<div class="nl-cols">')
    _render_side(side_a, name_a, "the article explained", out)
    _render_side(side_b, name_b, "the possible source", out)
    out.append("</div>")

    # ---- kept links
    _section(out, _e(words.kept), len(rows))
    if rows:
        out.append(
            '<table class="nl-table"><colgroup><col class="nl-col-n"><col><col class="nl-col-how"><col></colgroup>'
            f'<thead><tr><th scope="col">#</th><th scope="col">{la}</th><th scope="col">kind · score</th>'
            f'<th scope="col">{lb}</th></tr></thead><tbody>'
        )
        for n, kind, a_idx, b_idx, link, changes in rows:
            how = f'<span class="nl-lab nl-kindlab nl-tk-{kind}">{_e(link.get("kind")) if kind == "other" else kind}</span>'
            how += f'<br><span class="nl-muted nl-nowrap">score {_score(link.get("score"))}</span>'
            if changes:
                how += '<br><span class="nl-lab nl-lab-changed">changed fact</span>'
            out.append(
                f'<tr><th scope="row"><span class="nl-badge nl-bk-{kind}">{n}</span></th>'
                f'<td><span class="nl-cell-lab">{ea}</span>{_ref("a", a_idx)}{_group_text(side_a, a_idx)}</td>'
                f"<td>{how}</td>"
                f'<td><span class="nl-cell-lab">{eb}</span>{_ref("b", b_idx)}{_group_text(side_b, b_idx)}</td></tr>'
            )
        out.append("</tbody></table>")
    else:
        out.append(f'<p class="nl-empty">No sentence of {ea} comes from {eb}.</p>')
    out.append("</div></details>")

    # ---- added / omitted / changed
    added = [i for i in _ints(doc.get("added"))]
    omitted = [i for i in _ints(doc.get("omitted"))]
    changed_rows = [r for r in rows if r[5]]
    _section(out, "Partly supported, added, omitted and changed facts", None)
    _partly(out, words.partial, side_a, side_b)
    a_list = (words.a_unsupported, side_a, added)
    b_list = (words.b_unused, side_b, omitted)
    for title, side, indexes in (b_list, a_list) if words.copy_is_b else (a_list, b_list):
        _unlinked(out, title, side, indexes)
    n_changes = sum(len(r[5]) for r in changed_rows)
    out.append(f'<h4 class="nl-subh">Changed facts in kept sentences ({n_changes})</h4>')
    if changed_rows:
        out.append('<ul class="nl-list">')
        for n, kind, a_idx, b_idx, _link, changes in changed_rows:
            for ch in changes:
                ftype = _FACT_WORDS.get(ch.get("type"), None)  # type: ignore[arg-type]
                tword = ftype or _e(ch.get("type") or "fact")
                b_txt = f"“{_e(ch.get('b_text'))}”" if ch.get("b_text") else "(none)"
                a_txt = f"“{_e(ch.get('a_text'))}”" if ch.get("a_text") else "(none)"
                out.append(
                    f'<li><span class="nl-badge nl-bk-{kind}">{n}</span>{_ref("a", a_idx)}{_ref("b", b_idx)}'
                    f'<span class="nl-lab nl-lab-changed">{tword}</span>'
                    f'<span class="nl-from">{eb}: <mark class="nl-chg">{b_txt}</mark></span>'
                    f'<span class="nl-arrow">→</span>{ea}: <mark class="nl-chg">{a_txt}</mark></li>'
                )
        out.append("</ul>")
    else:
        out.append('<p class="nl-empty">None.</p>')
    out.append("</div></details>")

    # ---- passages
    passages = [p for p in _list(doc.get("passages")) if isinstance(p, Mapping)]
    _section(out, f"Reused passages: {ea} ← {eb}", len(passages))
    if passages:
        out.append('<ul class="nl-list">')
        for p in passages:
            kind = _kind(p.get("kind"))
            kind_word = kind if kind != "other" else _e(p.get("kind"))
            a_idx, b_idx = _ints(p.get("a")), _ints(p.get("b"))
            out.append(
                f'<li><span class="nl-lab nl-kindlab nl-tk-{kind}">{kind_word}</span>'
                f"{ea} chars {_int(p.get('a_start'))}–{_int(p.get('a_end'))}"
                f'<span class="nl-arrow">←</span>{eb} chars {_int(p.get("b_start"))}–{_int(p.get("b_end"))} '
                f'<span class="nl-muted">(sentences {_ref("a", a_idx)}· {_ref("b", b_idx)}· '
                f"link {_nums([k + 1 for k in _ints(p.get('links'))]) or '–'})</span></li>"
            )
        out.append("</ul>")
    else:
        out.append('<p class="nl-empty">No reused passage.</p>')
    out.append("</div></details>")
    out.append("</section>")
    return "".join(out)


def render_comparison_page(doc: dict, title: str | None = None) -> str:
    """A complete, self-contained HTML5 page showing the comparison (no script, no external asset).

    Args:
        doc: A ``newslineage.compare/2`` document.
        title: Page title; default "<A> vs <B> · newslineage".
    """
    names = _map(_map(doc).get("names"))
    if title is None:
        title = f"{names.get('a') or 'A'} vs {names.get('b') or 'B'} · newslineage"
    return "".join(
        [
            "<!doctype html>\n",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{_PAGE_CSP}">',
            '<meta name="referrer" content="no-referrer">',
            f"<title>{_e(title)}</title>",
            "<style>html,body{margin:0;padding:0;background:#fff}</style>",
            "</head><body>",
            render_comparison_fragment(doc),
            "</body></html>\n",
        ]
    )
