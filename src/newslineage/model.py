"""Typed records that flow through the pipeline.

``Article`` (as read) -> ``Document`` (prepared: structure and sentences with offsets) ->
``Link``/``Passage`` (alignment) -> ``Relation`` (verdict) -> ``Comparison`` (everything a report
needs for one pair). Records are plain frozen dataclasses holding only JSON-friendly values, so the
same stage functions run in-process, in a worker pool and inside Spark.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "LINK_KINDS",
    "ROLES",
    "SUPPORT_LEVELS",
    "VERDICTS",
    "Article",
    "Comparison",
    "Document",
    "Extent",
    "FactChange",
    "Link",
    "LinkKind",
    "Passage",
    "Relation",
    "Role",
    "Sentence",
    "Support",
    "SupportLevel",
    "Verdict",
    "content_id",
]

Role = Literal["body", "headline", "subheading", "dateline", "agency", "byline"]
ROLES: tuple[str, ...] = ("body", "headline", "subheading", "dateline", "agency", "byline")

LinkKind = Literal["verbatim", "edit", "paraphrase", "translation"]
#: Ordered from the closest reuse to the loosest.
LINK_KINDS: tuple[str, ...] = ("verbatim", "edit", "paraphrase", "translation")

Verdict = Literal["a_derives_from_b", "b_derives_from_a", "shared_source", "same_story", "unrelated"]
VERDICTS: tuple[str, ...] = (
    "a_derives_from_b",
    "b_derives_from_a",
    "shared_source",
    "same_story",
    "unrelated",
)

SupportLevel = Literal["kept", "partial", "added"]
#: How much of a sentence of A its source supports, from all to nothing.
SUPPORT_LEVELS: tuple[str, ...] = ("kept", "partial", "added")

Extent = Literal["wholly", "partly"]

FactType = Literal["number", "date", "entity", "negation", "modality"]


def content_id(text: str) -> str:
    """Stable id for a text with no id of its own: a short hash of its content."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read from its source, before any processing.

    Attributes:
        text: The full text, decoded; every offset newslineage reports indexes this string.
        id: Stable id: the id given in the input, else a path, else a content hash.
        outlet: Outlet or series (publication, feed, agency); reuse inside one outlet is not
            reuse between outlets.
        url: Where the article was published, when known.
        title: Headline given by the source (metadata), when known.
        published_at: Publication time as ISO 8601 text, when known.
        language: ISO 639-1 code when known from the source; detected otherwise.
        origin: Where it was read from (file path, ``file.jsonl:12``), for messages.
        encoding: The text encoding used to decode the bytes, when read from bytes.
    """

    text: str
    id: str = ""
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: str | None = None
    language: str | None = None
    origin: str | None = None
    encoding: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))


@dataclass(frozen=True, slots=True)
class Sentence:
    """One unit of a prepared article: a body sentence or a structure line.

    Attributes:
        index: Position in the article's unit list (structure lines included), 0-based.
        start: Character offset of the first character in ``Article.text``.
        end: Character offset one past the last character.
        text: ``Article.text[start:end]``.
        role: ``body`` for sentences that carry the story; otherwise the structure it is
            (``headline``, ``subheading``, ``dateline``, ``agency``, ``byline``).
        paragraph: Index of the paragraph (block of text between line breaks) it belongs to.
        language: Language of the sentence (usually the article's).
    """

    index: int
    start: int
    end: int
    text: str
    role: Role = "body"
    paragraph: int = 0
    language: str = "und"

    @property
    def is_body(self) -> bool:
        """True for sentences that carry the story (not headline, dateline, subheading...)."""
        return self.role == "body"


@dataclass(frozen=True, slots=True)
class Document:
    """A prepared article: the article plus its language, structure and sentences."""

    article: Article
    language: str
    sentences: tuple[Sentence, ...]

    @property
    def body(self) -> tuple[Sentence, ...]:
        """The body sentences (no structure lines)."""
        return tuple(s for s in self.sentences if s.is_body)

    @property
    def body_indexes(self) -> tuple[int, ...]:
        """Indexes of the body sentences."""
        return tuple(s.index for s in self.sentences if s.is_body)

    @property
    def headline(self) -> str | None:
        """The headline line found in the text, else the title given as metadata."""
        for s in self.sentences:
            if s.role == "headline":
                return s.text
        return self.article.title


@dataclass(frozen=True, slots=True)
class FactChange:
    """A fact that differs between two linked sentence groups.

    Attributes:
        type: ``number``, ``date``, ``entity``, ``negation`` or ``modality``.
        a_text: The wording on side A ("" when A has no counterpart, e.g. negation removed).
        b_text: The wording on side B.
        a_start, a_end: Character span of ``a_text`` in article A (equal when absent).
        b_start, b_end: Character span of ``b_text`` in article B.
    """

    type: FactType
    a_text: str
    b_text: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def describe(self) -> str:
        """Human wording, e.g. ``number: "three" -> "two"``."""
        a = f'"{self.a_text}"' if self.a_text else "(none)"
        b = f'"{self.b_text}"' if self.b_text else "(none)"
        return f"{self.type}: {b} in B became {a} in A"


@dataclass(frozen=True, slots=True)
class Link:
    """Sentences of A that come from sentences of B.

    One-to-one, many-to-one (A merges B sentences) or one-to-many (A splits one). Order is
    not assumed: rewrites reorder.

    Attributes:
        a: Indexes of A's sentences (``Sentence.index``), ascending.
        b: Indexes of B's sentences, ascending.
        kind: ``verbatim``, ``edit``, ``paraphrase`` or ``translation``.
        score: Combined similarity in [0, 1] that made the link.
        lexical: Lexical (shared word n-grams) similarity in [0, 1].
        semantic: Cosine of sentence embeddings, or None in lexical-only mode.
        changes: Facts that differ between the two sides.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    kind: LinkKind
    score: float
    lexical: float
    semantic: float | None = None
    changes: tuple[FactChange, ...] = ()


@dataclass(frozen=True, slots=True)
class Support:
    """How much of one body sentence of A is found in B.

    Attributes:
        a: Index of the sentence in A.
        level: ``kept`` (its content is in B, maybe fused from several sentences), ``partial``
            (some of it is in B, some is new) or ``added`` (nothing of it is in B).
        share: Share of its content words found in the supporting sentences of B.
        b: Indexes of the sentences of B that support it (empty when added).
        new: Character spans (in A's text) of the words that B does not support, for kept and
            partly supported sentences.
        new_facts: Spans of the names and figures among them (a name or number the source does
            not have is a claim of the copy's own, or a changed fact).
    """

    a: int
    level: SupportLevel
    share: float
    b: tuple[int, ...] = ()
    new: tuple[tuple[int, int], ...] = ()
    new_facts: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Passage:
    """A maximal reused passage: a run of links contiguous on both sides.

    What a reader means by "this paragraph comes from there". Offsets index the original texts.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    kind: LinkKind
    links: tuple[int, ...]
    a: tuple[int, ...]
    b: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Relation:
    """The verdict for a pair of articles.

    Attributes:
        verdict: ``a_derives_from_b``, ``b_derives_from_a``, ``shared_source``, ``same_story``
            or ``unrelated``.
        coverage_a: Share of A's body sentences linked to sentences of B.
        coverage_b: Share of B's body sentences linked to sentences of A.
        coverage_a_chars: Share of A's body characters in linked sentences.
        coverage_b_chars: Share of B's body characters in linked sentences.
        confidence: In [0, 1].
        explanation: One sentence in plain words.
        evidence: Short reasons behind the verdict and its direction ("although ..." for a clue
            that points the other way).
        copied_a: Share of A's body words that stand in B word for word (stretches of at
            least 8 shared words): the churnalism measure, blind to paraphrase.
        copied_b: Share of B's body words found word for word in A.
        supported_a: Share of A's body content found in B (kept sentences, and the found share
            of partly supported ones), by characters.
        supported_b: Share of B's body characters carried into A.
        extent: For a derivation, ``wholly`` (all but odd details of the copy come from the
            source) or ``partly`` (the copy also has material of its own); else None.
    """

    verdict: Verdict
    coverage_a: float
    coverage_b: float
    coverage_a_chars: float
    coverage_b_chars: float
    confidence: float
    explanation: str
    evidence: tuple[str, ...] = ()
    copied_a: float = 0.0
    copied_b: float = 0.0
    supported_a: float = 0.0
    supported_b: float = 0.0
    extent: Extent | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything known about how article A relates to article B.

    Attributes:
        a: Prepared article A (the one being explained, e.g. the suspected copy).
        b: Prepared article B (the possible source).
        links: Sentence links, in A's order.
        passages: Maximal reused passages, in A's order.
        added: Indexes of A's body sentences not supported by B.
        omitted: Indexes of B's body sentences not carried into A (neither linked nor
            supporting a kept or partly supported sentence).
        relation: The verdict.
        support: One ``Support`` per body sentence of A, in reading order.
        carried: The same measure asked the other way round: one ``Support`` per body sentence
            of B (``a`` is then B's index, ``b`` A's): ``kept`` = carried into A, ``partial`` =
            partly carried, ``added`` = omitted.
        mode: ``embeddings`` (lexical + semantic) or ``lexical``.
        embedder: Name and version of the sentence encoder, or None.
        names: Short names of A and B used in the explanation (file stems, else "A"/"B").
        timings: Seconds spent per stage.
    """

    a: Document
    b: Document
    links: tuple[Link, ...]
    passages: tuple[Passage, ...]
    added: tuple[int, ...]
    omitted: tuple[int, ...]
    relation: Relation
    support: tuple[Support, ...] = ()
    carried: tuple[Support, ...] = ()
    mode: str = "embeddings"
    embedder: str | None = None
    names: tuple[str, str] = ("A", "B")
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def partial(self) -> tuple[int, ...]:
        """Indexes of A's body sentences only partly supported by B."""
        return tuple(s.a for s in self.support if s.level == "partial")

    @property
    def changed(self) -> tuple[Link, ...]:
        """Links whose sentences changed a fact."""
        return tuple(link for link in self.links if link.changes)

    def to_dict(self) -> dict:
        """The ``newslineage.compare/2`` JSON document (see docs/schema.md)."""
        from .report.jsondoc import comparison_to_dict

        return comparison_to_dict(self)
