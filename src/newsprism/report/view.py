"""Display helpers shared by the renderers: names, snippets and highlight segments. No analysis here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath

from newsprism.models import Article, Span, StoryInfo, StoryReport

OUTLETS_SHOWN = 6  # in a story's line of a corpus listing; a wire story can have hundreds


def outlet_name(article: Article) -> str:
    return article.outlet or PurePath(article.input).name or article.id


def inferred_marks(article: Article) -> list[str]:
    """What the reports say of an article's inferred outlet and title: "outlet inferred from dateline"."""
    marks = [f"outlet inferred from {article.outlet_origin}"] if article.outlet_inferred else []
    return marks + ([f"title inferred from {article.title_origin}"] if article.title_inferred else [])


def outlet_names(report: StoryReport) -> dict[str, str]:
    return {a.id: outlet_name(a) for a in report.articles}


def few_outlets(outlets: tuple[str, ...]) -> str:
    """The first few outlets of a story, and how many more."""
    shown = ", ".join(outlets[:OUTLETS_SHOWN]) or "-"
    return shown + (f" and {len(outlets) - OUTLETS_SHOWN} more" if len(outlets) > OUTLETS_SHOWN else "")


def dates_of(story: StoryInfo) -> str:
    """A story's first and last day, one day once, or "undated"."""
    if story.first is None:
        return "undated"
    return str(story.first) if story.last == story.first else f"{story.first} .. {story.last}"


def in_order(report: StoryReport, article_ids) -> list[str]:
    """Article ids in the order the articles were given."""
    position = {a.id: n for n, a in enumerate(report.articles)}
    return sorted(article_ids, key=lambda a: position.get(a, len(position)))


def snippet(report: StoryReport, span: Span, limit: int | None = None) -> str:
    text = " ".join(report.article(span.article_id).snippet(span).split())
    return text if limit is None or len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sentence_of(report: StoryReport, span: Span) -> Span:
    """The sentence holding a span (the span itself when no sentence does)."""
    for sentence in report.sentences:
        s = sentence.span
        if s.article_id == span.article_id and s.start <= span.start < s.end:
            return s
    return span


@dataclass
class Mark:
    span: Span
    css: str
    anchor: str
    target: str = ""


@dataclass
class Segment:
    text: str
    css: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


def marks(report: StoryReport) -> dict[str, list[Mark]]:
    """Every highlight of every article: claims, quotes, labels, loaded words, opinion sentences."""
    found: dict[str, list[Mark]] = defaultdict(list)
    for group in report.claims:
        for claim in group.claims:
            found[claim.span.article_id].append(Mark(claim.span, f"claim {group.verdict}", f"m-{claim.id}", group.id))
    for quote in report.quotes:
        found[quote.span.article_id].append(Mark(quote.span, f"quote {quote.kind}", f"m-{quote.id}", quote.id))
    for entity in report.framing.entities:
        for n, label in enumerate(entity.labels):
            found[label.article_id].append(Mark(label.span, "label", f"m-{entity.entity}-{n}", f"actor-{entity.entity}"))
    for framing in report.framing.articles:
        for n, word in enumerate(framing.loaded_words):
            found[framing.article_id].append(Mark(word.span, "loaded", f"m-{framing.article_id}-w{n}", f"framing-{framing.article_id}"))
    for n, sentence in enumerate(report.sentences):
        if sentence.kind == "opinion":
            found[sentence.span.article_id].append(Mark(sentence.span, "opinion", f"m-s{n}", f"framing-{sentence.span.article_id}"))
    return found


def paragraphs(article: Article, article_marks: list[Mark]) -> list[list[Segment]]:
    """The article's paragraphs, each cut into segments at every highlight boundary."""
    text = article.text
    cuts = {0, len(text)}
    for mark in article_marks:
        cuts.update((mark.span.start, mark.span.end))
    start = 0
    for chunk in text.split("\n\n"):
        cuts.update((start, start + len(chunk)))
        start += len(chunk) + 2
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    result: list[list[Segment]] = [[]]
    seen: set[str] = set()
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b]
        if piece == "\n\n" or not piece.strip() and "\n\n" in piece:
            result.append([])
            continue
        covering = [m for m in article_marks if m.span.start <= a and b <= m.span.end]
        anchors = [m.anchor for m in covering if m.anchor not in seen]
        seen.update(anchors)
        result[-1].append(Segment(piece, sorted({c for m in covering for c in m.css.split()}), anchors, [m.target for m in covering]))
    return [p for p in result if p]
