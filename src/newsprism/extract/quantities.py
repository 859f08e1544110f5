"""Numbers about the story, read with their precision.

"25" is exact, "at least 25", "some 750" and "5,000-strong" are bounded, "dozens", "thousands" and
"large numbers" are vague; each becomes a range [low, high] so two reports of one count can be
checked against each other with `compatible`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span as SpacySpan, Token

from newsprism.models import Quantity, Span

VAGUE = {
    "handful": (2, 6),
    "few": (2, 6),
    "several": (3, 9),
    "dozen": (12, 12),
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999),
}
LARGE = (100, None)
WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                    "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
LOWER_BOUNDS = ("at least", "more than", "over", "upwards of", "no fewer than", "in excess of")
UPPER_BOUNDS = ("at most", "up to", "fewer than", "less than", "under", "no more than")
APPROXIMATE = ("about", "around", "some", "roughly", "approximately", "nearly", "almost", "an estimated", "estimated")
SKIP_ENTITIES = {"DATE", "TIME", "ORDINAL"}
# "at least 40" is read as 40 up to three times that: news gives a floor close to the count it knows.
LOWER_BOUND_REACH = 3


def extract_quantities(doc: Doc, article_id: str) -> tuple[Quantity, ...]:
    """Counts and amounts in text order."""
    found: list[Quantity] = []
    covered: set[int] = set()
    for token in doc:
        if token.i in covered or token.ent_type_ in SKIP_ENTITIES or _part_of_name(token):
            continue
        quantity = _quantity_at(doc, token, article_id)
        if quantity is not None:
            found.append(quantity)
            span = doc.char_span(quantity.span.start, quantity.span.end, alignment_mode="expand")
            covered.update(range(span.start, span.end))
    return tuple(found)


def _quantity_at(doc: Doc, token: Token, article_id: str) -> Quantity | None:
    if token.lower_ in VAGUE and token.lower_ not in ("dozen", "few") and token.tag_ in ("NNS", "NN", "JJ", "CD"):
        low, high = VAGUE[token.lower_]
        return _make(doc[token.i : token.i + 1], low, high, "vague", token, article_id)
    if token.lower_ == "numbers" and any(c.lower_ in ("large", "huge", "great") for c in token.lefts):
        start = min(c.i for c in token.lefts if c.lower_ in ("large", "huge", "great"))
        return _make(doc[start : token.i + 1], *LARGE, "vague", token, article_id)
    if token.pos_ != "NUM" and not token.like_num:
        return None
    end = token.i + 1
    while end < len(doc) and (_number_word(doc[end]) or _hyphenated_number(doc, end)):
        end += 1 if _number_word(doc[end]) else 2
    value = _value(doc[token.i : end])
    if value is None or _looks_like_year(token, value):
        return None
    return _bounded(doc, token.i, end, value, article_id)


def _bounded(doc: Doc, start: int, end: int, value: float, article_id: str) -> Quantity:
    before = doc[max(start - 3, 0) : start].text.lower()
    low, high, precision = value, value, "exact"
    if before.endswith(LOWER_BOUNDS):
        low, high, precision = value, value * LOWER_BOUND_REACH, "bounded"
        start -= _words_matched(before, LOWER_BOUNDS)
    elif before.endswith(UPPER_BOUNDS):
        low, high, precision = None, value, "bounded"
        start -= _words_matched(before, UPPER_BOUNDS)
    elif before.endswith(APPROXIMATE):
        low, high, precision = value * 0.8, value * 1.2, "bounded"
        start -= _words_matched(before, APPROXIMATE)
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "strong":
        low, high, precision, end = value * 0.8, value * 1.2, "bounded", end + 2
    return _make(doc[start:end], low, high, precision, doc[end - 1], article_id)


def _number_word(token: Token) -> bool:
    return (token.like_num or token.lower_ in SCALES) and token.pos_ == "NUM"


def _hyphenated_number(doc: Doc, i: int) -> bool:
    """"twenty-five": a hyphen glued between two number words."""
    return doc[i].text == "-" and i + 1 < len(doc) and doc[i + 1].lower_ in WORDS and not doc[i - 1].whitespace_


def _words_matched(before: str, phrases: tuple[str, ...]) -> int:
    return len(next(p for p in phrases if before.endswith(p)).split())


def _make(span: SpacySpan, low, high, precision, anchor: Token, article_id: str) -> Quantity:
    return Quantity(
        span=Span(article_id=article_id, start=span.start_char, end=span.end_char),
        text=span.text,
        low=low,
        high=high,
        precision=precision,
        counted=_counted(anchor),
    )


def _counted(token: Token) -> str:
    """The lemma of what is counted: the noun a number modifies, or the noun after "of"."""
    while token.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") and token.head.i != token.i:
        token = token.head
        if token.pos_ in ("NOUN", "PROPN"):
            return token.lemma_.lower()
    for child in token.children:
        if child.lower_ == "of":
            noun = next((c for c in child.children if c.dep_ == "pobj"), None)
            if noun is not None:
                return noun.lemma_.lower()
    return token.lemma_.lower() if token.pos_ == "NOUN" and token.lower_ not in VAGUE else ""


def _value(tokens: SpacySpan) -> float | None:
    total, current = 0.0, 0.0
    for token in tokens:
        word = token.lower_.replace(",", "")
        if word == "-":
            continue
        if re.fullmatch(r"\d+(\.\d+)?", word):
            current += float(word)
        elif word in WORDS:
            current += WORDS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        elif "-" in word and all(p in WORDS for p in word.split("-")):
            current += sum(WORDS[p] for p in word.split("-"))
        else:
            return None
    return total + current


def _looks_like_year(token: Token, value: float) -> bool:
    return re.fullmatch(r"(1[89]|20)\d\d", token.text) is not None and token.dep_ != "nummod"


def _part_of_name(token: Token) -> bool:
    """"F-15", "AH-64", "Boeing 737", "82nd": a number inside a name or a model."""
    doc = token.doc
    glued = token.i > 1 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ and doc[token.i - 2].is_upper
    return glued or bool(re.search(r"[A-Za-z]", token.text) and re.search(r"\d", token.text))


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two statements of one count can both be true (their ranges overlap)."""
    a_low, a_high = a.low if a.low is not None else 0.0, a.high if a.high is not None else float("inf")
    b_low, b_high = b.low if b.low is not None else 0.0, b.high if b.high is not None else float("inf")
    return a_low <= b_high and b_low <= a_high
