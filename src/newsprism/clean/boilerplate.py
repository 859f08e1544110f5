"""Crawl boilerplate: short lines that are page furniture, not part of the article.

Two kinds of pattern. Labels and widgets ("Source:", "3 comments:", "Share this", "Labels: x, y")
only match a line that is not a sentence: one ending in a full stop with a few words is prose and
stays. Prompts addressed to the reader, matched from the start of the line ("Click here to ...",
"We use cookies ...", "Sign up for our newsletter", "This story will be updated"), are unmistakable,
so they match even when punctuated like a sentence.
"""

from __future__ import annotations

import re

MAX_LABEL_WORDS = 12
MAX_PROMPT_WORDS = 40
SENTENCE_WORDS = 4

_SHARE_WORD = (
    r"share(?: this(?: article| story| post| page)?| on \w+| to \w+| via \w+)?|tweet(?: this)?|e-?mail(?: this)?|"
    r"print(?: this)?|blogthis!?|pin it|copy link|follow us(?: on \w+)?|like us on \w+|"
    r"facebook|twitter|linkedin|reddit|whatsapp|pinterest|telegram"
)
_LABELS = (
    (r"sources?|via|credit", "stray source label", r":?"),
    (r"(?:no|\d+|one) comments?|comments?(?: \(\d+\))?|post a comment|leave a (?:comment|reply)|add (?:a )?comment|"
     r"(?:show|view|hide|load|read) (?:all )?(?:\d+ )?comments|be the first to comment", "comment widget", r":?"),
    (r"(?:(?:newer|older|previous|next) (?:post|posts|article|story)\s*)+(?:home)?|home|back to top|"
     r"skip to (?:main )?content|menu", "navigation", r""),
    (r"subscribe to:? (?:post|posts|comments)(?: comments)?(?: \(atom\))?", "blog feed link", r""),
    (r"posted by [\w .'’-]{1,40}?(?: at \d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?|"
     r"(?:labels?|tags?|filed under|categories):[^.!?]*", "blog post footer", r""),
    (rf"(?:{_SHARE_WORD})(?:[\s|·•,/-]*(?:{_SHARE_WORD}))*", "share prompt", r"[.!:]?"),
    (r"(?:advertisement|advertising|ad|sponsored(?: content)?)(?:\s*[-–—:]?\s*(?:story continues below|"
     r"scroll to continue(?: with content)?))?|story continues below(?: advertisement)?", "advertisement", r""),
    (r"(?:read more|continue reading|see also|related(?: articles| stories| coverage)?|more from [\w .'’-]+|"
     r"recommended(?: for you)?|most read|trending now|also on [\w .'’-]+)(?:\s*[:»›>.-].*)?",
     "related-content link", r""),
    (r".*[{}].*|[a-z]+(?:-[a-z]+)*:\s*[\w#%.(),\s-]+;", "style or script code", r""),
    (r"[\W_]+", "stray punctuation", r""),
)
_PROMPTS = (
    (r"click here\b.*", "click prompt"),
    (r"(?:we|this (?:web)?site) uses? cookies\b.*|by (?:continuing|using)\b.*\bcookies\b.*|"
     r"(?:accept|allow|manage|reject) (?:all )?cookies\b.*|cookie (?:policy|settings|preferences|notice)\b.*",
     "cookie notice"),
    (r"(?:sign up|subscribe|join|get)\b.*\bnewsletters?\b.*|our (?:[\w-]+ )?newsletters?\b.*", "newsletter prompt"),
    (r"this (?:is a )?(?:developing|breaking) (?:news )?story\b.*|"
     r"this (?:story|article|report|post) (?:has been|was|is being|will be) updated\b.*|"
     r"(?:please )?check back (?:later |soon )?for (?:more|updates)\b.*|"
     r"(?:we|the [\w'’-]+(?: [\w'’-]+){0,3}) will update this (?:story|article|report|post) (?:as|when|with)\b.*",
     "update notice"),
)


def _compile(pattern: str, tail: str = "") -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern}){tail}", re.IGNORECASE)


_LABEL_RULES = tuple((_compile(pattern, tail), reason) for pattern, reason, tail in _LABELS)
_PROMPT_RULES = tuple((_compile(pattern), reason) for pattern, reason in _PROMPTS)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


def boilerplate_reason(line: str) -> str | None:
    """Why a line (one paragraph) is boilerplate, or None when it is content."""
    line = line.strip()
    words = len(line.split())
    if words <= MAX_PROMPT_WORDS:
        if reason := _first_match(_PROMPT_RULES, line):
            return reason
    if words > MAX_LABEL_WORDS or is_sentence(line):
        return None
    return _first_match(_LABEL_RULES, line)


def is_sentence(line: str) -> bool:
    """A line of prose: several words ending in sentence punctuation."""
    return len(line.split()) >= SENTENCE_WORDS and bool(_SENTENCE_END.search(line))


def _first_match(rules: tuple[tuple[re.Pattern[str], str], ...], line: str) -> str | None:
    return next((reason for pattern, reason in rules if pattern.fullmatch(line)), None)
