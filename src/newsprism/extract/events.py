"""Events: what happened at each resolved time, read from the word the time expression attaches to."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Token

from newsprism.models import Event, Span, TimeExpression

MAX_EVENT_TOKENS = 24
MIN_CONTENT_WORDS = 2
CORE_DEPS = ("nsubj", "nsubjpass", "dobj", "aux", "auxpass", "neg", "prt", "attr", "acomp")


def extract_events(doc: Doc, article_id: str, times: Sequence[TimeExpression]) -> tuple[Event, ...]:
    """One event per resolved time expression: the verb or event noun it dates, with its participants."""
    events = []
    for time in times:
        if time.start is None:
            continue
        phrase = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
        trigger = _trigger(phrase.root) if phrase is not None else None
        if trigger is None:
            continue
        excluded = {t.i for t in phrase} | _time_preposition(phrase)
        tokens = [t for t in _participants(trigger) if t.i not in excluded and not t.is_space]
        tokens = _trim(tokens)
        if sum(1 for t in tokens if t.is_alpha and not t.is_stop) < MIN_CONTENT_WORDS:
            continue
        span = Span(article_id=article_id, start=tokens[0].idx, end=tokens[-1].idx + len(tokens[-1]))
        events.append(Event(span=span, text=_joined(tokens), trigger=trigger.lemma_.lower(), time=time))
    return tuple(events)


def _trigger(root: Token) -> Token | None:
    """The verb or noun a time expression modifies ("strikes at the weekend", "stormed on Tuesday")."""
    head = root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    while head.pos_ not in ("VERB", "NOUN", "AUX") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "NOUN") else None


def _time_preposition(phrase) -> set[int]:
    head = phrase.root.head
    return {head.i} if head.dep_ == "prep" and head.i < phrase.start else set()


def _participants(trigger: Token) -> list[Token]:
    """A verb with its subject (borrowed from the verb it completes) and object; a noun with its modifiers."""
    if trigger.pos_ == "NOUN":
        cut = {t.i for c in trigger.children if c.dep_ in ("relcl", "appos", "acl") for t in c.subtree}
        return [t for t in trigger.subtree if t.i not in cut]
    tokens = [trigger, *_core(trigger)]
    verb = trigger
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ in ("xcomp", "acomp"):
        below, verb = verb, verb.head  # what it completes, with its subject and object: "ordered homes to be evacuated"
        tokens += [verb, *_core(verb, below)]
    return sorted(set(tokens), key=lambda t: t.i)


def _core(word: Token, below: Token | None = None) -> list[Token]:
    """The words of `word`'s subject, object, auxiliaries and complement (not of `below`), without relative
    clauses and appositions."""
    tokens = []
    for child in word.children:
        if child.dep_ in CORE_DEPS and child != below:
            asides = [c for c in child.subtree if c.dep_ in ("relcl", "appos")]
            cut = {t.i for c in asides for t in c.subtree}
            edges = (i for c in asides for i in (c.left_edge.i - 1, c.right_edge.i + 1) if 0 <= i < len(word.doc))
            cut |= {i for i in edges if word.doc[i].is_punct}  # the commas around it
            tokens += [t for t in child.subtree if t.i not in cut]
    return tokens


def _joined(tokens: list[Token]) -> str:
    """The words as written, a space where words between them were left out."""
    text = "".join(t.text_with_ws if n + 1 == len(tokens) or tokens[n + 1].i == t.i + 1 else t.text + " "
                   for n, t in enumerate(tokens))
    return " ".join(text.split())


def _trim(tokens: list[Token]) -> list[Token]:
    tokens = tokens[:MAX_EVENT_TOKENS]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark", "prep") or tokens[0].tag_ == "POS"):  # "'s"
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "prep", "det")):
        tokens = tokens[:-1]
    return tokens
