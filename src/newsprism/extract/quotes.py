"""Quotes and reported speech, each with its cue, speaker and channel.

Direct quotes are found by their marks, paragraph by paragraph, each judged on its own: a quote that
runs over paragraphs (no closing mark until a later paragraph that reopens) is one quote, and an
unclosed mark ends at its paragraph rather than costing the rest of the article. A short quote with no
speech cue in its sentence is a scare quote, not speech. Reported speech is the clause a speech verb
governs ("X said that ...", "according to X, ..."). Speakers are resolved through names, pronouns and
role nouns; a quote with no cue of its own continues the speaker of the quote just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from newsprism.extract.speakers import SpeakerResolver
from newsprism.models import LocalEntity, Quote, Span

SPEECH_VERBS = frozenset(
    """say tell add note claim charge warn announce state insist argue allege deny confirm explain suggest
    believe think assert declare acknowledge vow pledge predict write report tweet reply respond fear hope
    contend maintain stress emphasize recall admit concede complain testify continue quote call ask
    post describe yell shout scream exclaim joke quip observe answer retort interject remark recount boast
    brag muse wonder question echo conclude counter caution agree point reveal disclose dispute reject
    promise propose urge demand recommend estimate expect worry feel know learn find show indicate
    predict assure reassure insist signal acknowledge concede hint speculate suspect doubt""".split()
)
# Cues whose words are the thing said or wanted, not a clause: "X supports Y", "X wants Y".
OBJECT_CUES = frozenset(
    """support back endorse oppose favor favour prefer want praise criticize criticise mock slam blast attack
    thank urge demand propose recommend reject dispute deny tout""".split()
)
REPORTING_ONLY = frozenset({"call", "continue", "describe", "ask", "post"})
SOCIAL = {"tweet": "Twitter", "twitter": "Twitter", "facebook": "Facebook", "instagram": "Instagram", "x": "X"}
CHANNEL_NOUNS = {"statement", "interview", "post", "tweet", "speech", "letter", "op-ed", "broadcast", "video"}
OPENING, CLOSING = "“„«", "”»"
SCARE_QUOTE_WORDS = 4
CONTINUATION_WORDS = 15


@dataclass(frozen=True)
class _Found:
    kind: str
    start: int
    end: int
    text: str
    cue: Token | None = None
    speaker: Token | None = None


def extract_quotes(doc: Doc, article_id: str, entities: Sequence[LocalEntity]) -> tuple[Quote, ...]:
    """Direct and reported quotes in text order, ids `<article>-q<n>`."""
    text = doc.text
    marked = quoted_spans(text)
    found = [f for f in (_direct(doc, text, s, e) for s, e in marked) if f is not None]
    found += _reported(doc, text, marked)
    resolver = SpeakerResolver(doc, entities)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for n, item in enumerate(sorted(found, key=lambda f: (f.start, f.end)), 1):
        quote = _attribute(doc, text, item, f"{article_id}-q{n}", article_id, resolver, previous)
        quotes.append(quote)
        if quote.speaker_mention is not None:
            previous = quote
    return tuple(quotes)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words inside quotation marks (a multi-paragraph quote is one span)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for index, (start, end) in enumerate(paragraphs):
        for mark in re.finditer(r"[“”„«»\"]", text[start:end]):
            at = start + mark.start()
            if _opens(text, at):
                if open_at is None:
                    open_at = at + 1
            elif open_at is not None:
                spans.append((open_at, at))
                open_at = None
        if open_at is not None:
            following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if following is None or text[following] not in OPENING + '"' or not _opens(text, following):
                spans.append((open_at, end))
                open_at = None
    spans += _single_quoted(text, spans)
    return sorted((s, e) for s, e in (_strip(text, s, e) for s, e in spans) if e > s)


def _opens(text: str, at: int) -> bool:
    mark = text[at]
    if mark in OPENING:
        return True
    if mark in CLOSING:
        return False
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-") and not after.isspace()


def _single_quoted(text: str, double: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """‘Headline-style’ quotes in single marks, outside double quotes; apostrophes are not marks."""
    found = []
    for match in re.finditer(r"(?:(?<=\s)|^)[‘']([^‘’'\n]+?\s[^‘’'\n]+?)[’'](?=[\s.,;:!?]|$)", text, re.MULTILINE):
        if not any(s <= match.start() < e for s, e in double):
            found.append((match.start(1), match.end(1)))
    return found


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n\t“\"":
        start += 1
    while end > start and text[end - 1] in " \n\t":
        end -= 1
    return start, end


def _direct(doc: Doc, text: str, start: int, end: int) -> _Found | None:
    words = text[start:end]
    cue = _cue_near(doc, start, end)
    if len(words.split()) <= SCARE_QUOTE_WORDS and cue is None and not words.rstrip().endswith((".", "!", "?")):
        return None
    joined = re.sub(r"\s*\n+\s*[“\"]?", " ", words).strip()
    return _Found("direct", start, end, joined, cue=cue, speaker=_speaker_token(cue) if cue is not None else None)


def _cue_near(doc: Doc, start: int, end: int) -> Token | None:
    """A speech verb in the sentences the quote touches, outside quotation marks, nearest the quote."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(end - 1, start), end, alignment_mode="expand")
    if first is None or last is None:
        return None
    begin = first.sent.start
    if begin > 0 and _introduces(doc[begin - 1]):
        begin = doc[begin - 1].sent.start
    tokens = [t for t in doc[begin : last.sent.end] if not start <= t.idx < end]
    cues = [t for t in tokens if _is_cue(t) or t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"]
    if cues:
        return min(cues, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
    return _colon_before(doc, first.start)


def _introduces(token: Token) -> bool:
    """A sentence that hands over to the quote after it: "Ryan said", "Trump boomed:"."""
    while token.is_punct and token.text != ":" and token.i > 0:
        token = token.doc[token.i - 1]
    return token.text == ":" or _is_cue(token)


def _colon_before(doc: Doc, first: int) -> Token | None:
    """The colon of "Kerry: “...”", when a name or noun stands right before it."""
    i = first - 1
    while i >= 0 and doc[i].text in OPENING + '"':
        i -= 1
    if i >= 1 and doc[i].text == ":" and doc[i - 1].pos_ in ("PROPN", "NOUN"):
        return doc[i]
    return None


def _is_cue(token: Token) -> bool:
    so_called = token.lower_ == "called" and token.i >= 2 and token.doc[token.i - 2].lower_ == "so"
    return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS and not so_called


def _reported(doc: Doc, text: str, marked: list[tuple[int, int]]) -> list[_Found]:
    """Clauses governed by a speech verb, and what is said "according to" someone."""
    found = []
    for token in doc:
        if any(s <= token.idx < e for s, e in marked):
            continue
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and (_is_cue(token) and lemma not in REPORTING_ONLY or lemma in OBJECT_CUES):
            clause = next((c for c in token.children if c.dep_ in _content_deps(lemma)), None)
            if clause is not None:
                found.append(_clause_quote(doc, text, clause, token, marked))
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            found.append(_according_to(doc, text, token, marked))
    return [f for f in found if f is not None]


def _content_deps(lemma: str) -> tuple[str, ...]:
    """What a cue's words hang on: a clause, or for cues like "support" and "want" their object too."""
    return ("ccomp", "xcomp", "dobj") if lemma in OBJECT_CUES else ("ccomp",)


def _clause_quote(doc: Doc, text: str, clause: Token, cue: Token, marked) -> _Found | None:
    tokens = [t for t in clause.subtree if not (t.i == clause.left_edge.i and t.dep_ == "mark")]
    return _content(text, tokens, cue, _speaker_token(cue), marked, shortest=1 if clause.dep_ == "dobj" else 3)


def _according_to(doc: Doc, text: str, according: Token, marked) -> _Found | None:
    phrase = {t.i for t in according.subtree} | {according.i, according.i + 1}
    source = next((c for c in doc[according.i + 1].children if c.dep_ == "pobj"), None)
    tokens = [t for t in according.sent if t.i not in phrase and not t.is_space]
    return _content(text, tokens, according, source, marked)


def _content(text: str, tokens: list[Token], cue: Token, speaker: Token | None, marked, shortest: int = 3) -> _Found | None:
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in "”\"":
        tokens = tokens[:-1]
    if len(tokens) < shortest:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if any(s <= start and end <= e for s, e in marked):
        return None
    return _Found("reported", start, end, " ".join(text[start:end].split()), cue=cue, speaker=speaker)


def _speaker_token(cue: Token) -> Token | None:
    """The speaker of a cue: "X quoted Y as saying" -> Y; "according to X" -> X; "X:" -> X; else the subject."""
    if cue.text == ":":
        named = cue.doc[cue.i - 1]
        return named.head if named.dep_ == "compound" and named.head.i > named.i else named
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if cue.lemma_.lower() == "quote":
        quoted = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if quoted is not None:
            return quoted
    verb = cue
    while verb is not None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        verb = verb.head if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep", "acl") and verb.head.i != verb.i else None
    return None


def _attribute(
    doc: Doc, text: str, item: _Found, quote_id: str, article_id: str, resolver: SpeakerResolver, previous: Quote | None
) -> Quote:
    span = lambda s, e: Span(article_id=article_id, start=s, end=e)  # noqa: E731
    fields: dict = {}
    if item.speaker is not None:
        mention = resolver.mention(item.speaker)
        entity = resolver.resolve(mention)
        fields.update(
            speaker_mention=mention.text, speaker_span=span(mention.start_char, mention.end_char),
            speaker_key=entity.key if entity else None, speaker_name=entity.name if entity else None,
        )
    elif item.kind == "direct" and previous is not None and _continues(text, previous, item):
        fields.update({k: getattr(previous, k) for k in ("speaker_mention", "speaker_span", "speaker_key", "speaker_name", "channel", "channel_span")})
    if item.cue is not None:
        cue = doc[item.cue.i : item.cue.i + 2] if item.cue.lower_ == "according" else doc[item.cue.i : item.cue.i + 1]
        fields.update(cue=cue.text, cue_span=span(cue.start_char, cue.end_char))
        channel = _channel(item.cue)
        if channel is not None:
            name, where = channel
            fields.update(channel=name, channel_span=span(where.start_char, where.end_char))
    return Quote(id=quote_id, kind=item.kind, span=span(item.start, item.end), text=item.text, **fields)


def _continues(text: str, previous: Quote, item: _Found) -> bool:
    """A quote with no cue right after another one (same or next paragraph) goes on in the same voice."""
    between = text[previous.span.end : item.start]
    return between.count("\n\n") <= 1 and len(between.split()) <= CONTINUATION_WORDS


def _channel(cue: Token) -> tuple[str, SpacySpan] | None:
    """Where the words were said: a tweet, "told Fox News", "speaking to CBS", "X quoted Y"."""
    doc = cue.doc
    if cue.lemma_.lower() == "tweet":
        return "Twitter", doc[cue.i : cue.i + 1]
    if cue.lemma_.lower() == "quote":
        outlet = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if outlet is not None:
            return _named(outlet)
    if cue.lemma_.lower() == "tell":
        listener = next((c for c in cue.children if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"), None)
        if listener is not None:
            return _named(listener)
    for verb in [cue, *[c for c in cue.head.children if c.dep_ == "advcl"], *[c for c in cue.children if c.dep_ == "advcl"]]:
        found = _channel_phrase(verb)
        if found is not None:
            return found
    return None


def _channel_phrase(verb: Token) -> tuple[str, SpacySpan] | None:
    """"in a tweet", "on Facebook", "speaking to CBS Evening News", "in an interview with X"."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None:
            continue
        word = noun.lemma_.lower()
        if word in SOCIAL:
            return SOCIAL[word], noun.doc[noun.i : noun.i + 1]
        if prep.lower_ == "to" and verb.lemma_.lower() in ("speak", "talk") and noun.pos_ == "PROPN":
            return _named(noun)
        if word in CHANNEL_NOUNS:
            partner = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for p in c.children if p.dep_ == "pobj"), None)
            return _named(partner) if partner is not None and partner.pos_ == "PROPN" else (f"a {word}", noun.doc[noun.left_edge.i : noun.i + 1])
    return None


def _named(token: Token) -> tuple[str, SpacySpan]:
    words = [t for t in token.subtree if t.dep_ in ("compound", "det", "amod", "poss") or t.i == token.i]
    words = [t for t in words if t.i <= token.i]
    span = token.doc[min(t.i for t in words) : token.i + 1]
    return span.text, span
