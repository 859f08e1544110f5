"""Splitting text into paragraphs, one line each, whatever the input's line layout.

A crawler stores one paragraph per line (as in the seeds); a plain-text file separates paragraphs
with blank lines and may hard-wrap them. A block of lines is read as hard-wrapped when most of its
lines stop mid-sentence and go on in lower case; a line then carries on the paragraph of a
full-width line before it.
Elsewhere every line is a paragraph, except after a long line broken mid-sentence before a
lower-case word. A boilerplate line is never joined to anything.
"""

from __future__ import annotations

import re

from newsprism.clean.boilerplate import boilerplate_reason

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))
_FINISHED = re.compile(r"[.!?:;][\"'”’)\]]*$|[\"”]$")
MIN_BROKEN_LINE = 40
MAX_WRAP_WIDTH = 160
FULL_LINE_SHARE = 0.6


def paragraphs(text: str) -> tuple[str, ...]:
    """The text's paragraphs, each on one line with its whitespace normalised, empty ones dropped."""
    found: list[str] = []
    for block in _BLANK_LINE.split(_unify_newlines(text)):
        lines = [" ".join(line.translate(_INVISIBLE).split()) for line in block.split("\n")]
        found.extend(_block_paragraphs([line for line in lines if line]))
    return tuple(found)


def _unify_newlines(text: str) -> str:
    return re.sub(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]", "\n", text)


def _block_paragraphs(lines: list[str]) -> list[str]:
    furniture = [boilerplate_reason(line) is not None for line in lines]
    content = [line for line, skip in zip(lines, furniture) if not skip]
    wrapped = _hard_wrapped(content)
    width = max((len(line) for line in content), default=0)
    found: list[str] = []
    for index, line in enumerate(lines):
        joins = index > 0 and not furniture[index - 1] and not furniture[index]
        if joins and _continues(lines[index - 1], line, wrapped=wrapped, width=width):
            found[-1] += " " + line
        else:
            found.append(line)
    return found


def _hard_wrapped(content: list[str]) -> bool:
    """No line is longer than a wrapping width, most lines stop mid-sentence, and the lines after those
    mostly go on in lower case (a list of title-case headlines is not wrapped prose)."""
    if len(content) < 2 or max(len(line) for line in content) > MAX_WRAP_WIDTH:
        return False
    after_unfinished = [line for previous, line in zip(content, content[1:]) if not _FINISHED.search(previous)]
    lower = sum(1 for line in after_unfinished if not line[:1].isupper())
    return len(after_unfinished) * 2 > len(content) - 1 and lower * 2 >= len(after_unfinished)


def _continues(previous: str, line: str, *, wrapped: bool, width: int) -> bool:
    """Whether `line` carries on the paragraph of the content line before it."""
    if wrapped:
        return len(previous) >= FULL_LINE_SHARE * width
    return not _FINISHED.search(previous) and len(previous) >= MIN_BROKEN_LINE and line[:1].islower()
