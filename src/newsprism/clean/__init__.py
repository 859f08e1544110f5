"""Clean: repair encoding, drop crawl boilerplate, one paragraph per blank-line separated block.

    clean_article(article) -> Article   # new text; `removed` lists what went, with the reason

Boilerplate is judged paragraph by paragraph, and only short pieces that are not prose can go (see
`boilerplate`). Everything removed is kept in `Article.removed`, so nothing disappears silently.
Cleaning is idempotent: cleaning a cleaned article changes nothing.
"""

from __future__ import annotations

import ftfy

from newsprism.clean.boilerplate import boilerplate_reason
from newsprism.clean.paragraphs import paragraphs
from newsprism.models import Article, Removed

__all__ = ["boilerplate_reason", "clean_article", "clean_text", "paragraphs"]


def clean_article(article: Article) -> Article:
    """A new article with cleaned text; what was removed is added to `removed`."""
    text, removed = clean_text(article.text)
    return article.model_copy(update={"text": text, "removed": article.removed + removed})


def clean_text(text: str) -> tuple[str, tuple[Removed, ...]]:
    """Cleaned text (paragraphs joined by blank lines) and the pieces removed from it."""
    kept: list[str] = []
    removed: list[Removed] = []
    for paragraph in paragraphs(ftfy.fix_text(text, uncurl_quotes=False)):
        reason = boilerplate_reason(paragraph)
        if reason is None:
            kept.append(paragraph)
        else:
            removed.append(Removed(text=paragraph, reason=reason))
    return "\n\n".join(kept), tuple(removed)
