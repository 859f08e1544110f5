"""Clean: repair encoding, drop crawl boilerplate, one paragraph per blank-line separated block.

Boilerplate is judged line by line, and only short lines that are not prose can go: a stray
`Source:` label, a comment widget, share prompts, blog navigation. Everything removed is kept in
`Article.removed` with the reason, so nothing disappears silently.
"""

from __future__ import annotations

import re

import ftfy

from newsprism.models import Article, Removed

MAX_BOILERPLATE_WORDS = 12
_PATTERNS = [
    (r"source:?|sources:?|via:?", "stray source label"),
    (r"(no|\d+) comments?:?|post a comment|leave a (comment|reply)|comments?( \(\d+\))?|add comment", "comment widget"),
    (r"((newer|older) posts?\s*)+(home)?|home", "blog navigation"),
    (r"subscribe to:? post comments( \(atom\))?", "blog feed link"),
    (r"posted by .{1,60}( at \d{1,2}:\d{2}\s*(am|pm)?)?|labels?:.*", "blog post footer"),
    (r"(share|share this( article| story| post)?|share on \w+|tweet|email|e-mail|print|pin it|whatsapp|"
     r"facebook|twitter|linkedin|reddit)( this)?[.!:]?", "share prompt"),
    (r"advertisement|sponsored( content)?|ad", "advertisement"),
    (r"click here\b.*", "click prompt"),
    (r"(read more|continue reading|related( articles| stories)?|see also|more from\b.*|recommended)[:.]?( .*)?",
     "related-content link"),
    (r".*\bcookies?\b.*\b(accept|consent|policy|settings)\b.*", "cookie notice"),
    (r"(sign up|subscribe)\b.*\b(newsletter|updates|email|inbox)\b.*", "newsletter prompt"),
    (r"[\W_]+", "stray punctuation"),
]
_BOILERPLATE = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), reason) for p, reason in _PATTERNS]


def clean_article(article: Article) -> Article:
    """A new article with cleaned text; what was removed is listed in `removed`."""
    kept: list[str] = []
    removed = list(article.removed)
    for paragraph in paragraphs(ftfy.fix_text(article.text, uncurl_quotes=False)):
        reason = boilerplate_reason(paragraph)
        if reason is None:
            kept.append(paragraph)
        else:
            removed.append(Removed(text=paragraph, reason=reason))
    return article.model_copy(update={"text": "\n\n".join(kept), "removed": tuple(removed)})


def paragraphs(text: str) -> list[str]:
    """One paragraph per line, except that a hard-wrapped line is joined to the line it continues."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    found: list[str] = []
    for line, previous in zip(lines, [""] + lines):
        if line and found and previous and _continues(previous, line):
            found[-1] += " " + line
        elif line:
            found.append(line)
    return found


def _continues(previous: str, line: str) -> bool:
    """A line broken mid-sentence: the previous one is long and unfinished, this one starts lower-case."""
    return len(previous) >= 40 and not re.search(r"[.!?:;\"”’')\]]$", previous) and line[:1].islower()


def boilerplate_reason(line: str) -> str | None:
    """Why a line is boilerplate, or None when it is content."""
    if len(line.split()) > MAX_BOILERPLATE_WORDS:
        return None
    return next((reason for pattern, reason in _BOILERPLATE if pattern.match(line.strip())), None)
