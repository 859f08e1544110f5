"""Claims of one article: the factual statements, one per clause, with their actors, numbers and dates.

A claim is a clause with its own subject (a main, coordinated, subordinate or relative clause), told
in the reporter's voice or attributed to a speaker ("X said that <claim>"). A relative pronoun subject is
replaced by the noun it stands for, so "strikes, which killed 25" gives "strikes killed 25". A number
buried in a long clause also gets a claim of its own, the phrase around it ("the deaths of 25 members in
airstrikes"), so that each number can be compared across articles. Opinion sentences and the words of
direct quotes give no clause claims, unless the clause cannot stand without its quote ("called the plan “a
sham”"); each direct quote gives one claim attributed to its speaker.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from newsprism.extract.quotes import dateline_end, whole_words
from newsprism.models import Claim, LocalEntity, Quantity, Quote, Sentence, Span, TimeExpression

CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "agent", "dative", "prep", "xcomp", "acomp", "neg", "aux", "auxpass", "prt", "oprd"}
SPEECH_LEMMAS = frozenset(
    """say tell note add claim charge warn announce tweet write state insist argue report allege
    accuse deny confirm explain suggest believe think assert declare acknowledge vow pledge threaten
    predict urge call reply respond quote repeat reiterate stress emphasize maintain contend""".split()
)
DENIALS = frozenset("deny dispute reject refute rebut contest".split())  # cues that deny what they report
# What a denial's object must be for it to deny a statement: "denied the reports", not "rejected the offer".
ASSERTIONS = frozenset(
    """report claim allegation accusation charge account story suggestion assertion rumor rumour notion idea
    characterization characterisation statement finding conclusion version speculation testimony""".split()
)
# Cues that state what they report ("X said", "told", "warned", "promised that", "according to X"), unlike those
# that ask, urge, deny, call for or back it.
STATING = frozenset(
    """say tell add note claim charge allege accuse warn announce state insist argue contend maintain assert declare
    promise vow pledge confirm explain acknowledge admit concede testify report write tweet post reply respond answer
    retort remark observe stress emphasize reiterate repeat recount recall reveal disclose estimate predict conclude
    continue quote according assertion statement warning accusation allegation""".split()
)
QUOTED_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "acomp", "xcomp", "ccomp", "pobj"}
COMPLEMENTS = {"attr", "oprd", "acomp"}
NAMING_VERBS = frozenset("call label dub brand name term nickname".split())
SPOKEN_ARGUMENTS = {"dobj", "xcomp", "ccomp"}  # what a quote is to "tweeted", "wrote", "said"
SPOKEN_WORDS = 4  # fewer words in quotes are words used, not spoken: "pledged “allegiance”"
MIN_CONTENT_WORDS = 3
LONG_CLAUSE = 18
DATELINE_SENTENCES = 3  # a dateline opens a line among the article's first sentences
def extract_claims(
    doc: Doc,
    article_id: str,
    sentences: Sequence[Sentence],
    entities: Sequence[LocalEntity],
    quotes: Sequence[Quote],
    quantities: Sequence[Quantity],
    times: Sequence[TimeExpression],
) -> tuple[Claim, ...]:
    """The article's claims in text order, ids `<article>-c<n>`."""
    quoted = [q.span for q in quotes if q.kind == "direct"]
    reported = [q for q in quotes if q.kind == "reported" and q.cue_span is not None]
    units: list[tuple[Span, str, Span, dict]] = []
    text = doc.text  # joined from the tokens at each call
    for n, sentence in enumerate(sentences):
        if sentence.kind == "opinion":
            continue
        sent = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
        if sent is None:
            continue
        after = dateline_end(text, sent.start_char) if n < DATELINE_SENTENCES else sent.start_char
        units += _clause_units(sent, article_id, quoted, reported, quantities, after)
    units += [_quote_unit(q, doc, article_id) for q in quotes if q.kind == "direct"]
    units = _dedupe(units)
    denials = _denials(doc, quotes)
    stating = _stating(doc, quotes)
    return tuple(
        _claim(f"{article_id}-c{n}", span, text, sentence, parts, entities, times, quotes, denials, stating)
        for n, (span, text, sentence, parts) in enumerate(sorted(units, key=lambda u: (u[0].start, u[0].end)), 1)
    )


def _clause_units(
    sent, article_id: str, quoted: list[Span], reported: list[Quote], quantities: Sequence[Quantity], after: int
) -> list:
    """The sentence's clause claims (and the numbers and events of long clauses), from the character `after`
    on: a dateline is no part of what the sentence claims, nor the frame of reported speech ("Lind hinted on
    Tuesday" of "Lind hinted on Tuesday that ...")."""
    sentence = _span(sent.start_char, sent.end_char, article_id)
    heads = [t for t in sent if _is_clause_head(t)]
    units = []
    for head in heads:
        if _is_speech_frame(head):
            continue
        clause = _clause_tokens(head, heads)
        needed = _quoted_arguments(clause, quoted)
        if any(_spoken_words(t, head, quoted) for t in needed) and head.lemma_ in SPEECH_LEMMAS:
            continue  # "X tweeted: “...”": the quote is the claim
        tokens = [t for t in (clause if needed else _without_quoted(clause, quoted)) if t.idx >= after]
        if sum(1 for t in tokens if (t.is_alpha or t.like_num) and not t.is_stop) < MIN_CONTENT_WORDS:
            continue
        if _frames_speech(tokens, reported):
            continue
        span = _span(tokens[0].idx, tokens[-1].idx + len(tokens[-1]), article_id)
        starts = {t.idx for t in tokens}
        own = [q for q in quantities if q.span.start in starts]
        split = len(tokens) > LONG_CLAUSE or len(own) > 1
        parts = {**_parts(head), "kind": "statement", "quantities": () if split else tuple(own), **_vocabulary(tokens),
                 "words": frozenset(starts)}
        units.append((span, _proposition(head, tokens), sentence, parts))
        if split:
            units += [_quantity_unit(q, sent, article_id, sentence) for q in own]
            units += [_event_unit(noun, article_id, sentence, quantities) for noun in _event_nouns(tokens)]
    return [u for u in units if u is not None]


def _spoken_words(word: Token, head: Token, quoted: list[Span]) -> bool:
    """A quote that is all the verb says ("tweeted: “...”"), not a word or two it uses ("pledged “allegiance”") nor
    part of what it says ("pledged to “eradicate” the gangs")."""
    words = [t for t in word.subtree if not t.is_punct]
    whole = all(_inside(t, quoted) for t in words)
    return word.head.i == head.i and word.dep_ in SPOKEN_ARGUMENTS and whole and sum(t.is_alpha for t in words) >= SPOKEN_WORDS


def _quoted_arguments(tokens: list[Token], quoted: list[Span]) -> list[Token]:
    """The words of a direct quote that the rest of the clause cannot stand without: the subject, object or
    complement of one of its words, where the quote is a complement ("called the plan “a sham”", also as the
    parse's apposition to the object), has words of the clause hung on it ("a “false prophet”", "to “eradicate”
    terror"), ends the clause, or is the subject, or the object of a verb left with none ("pledged “allegiance”
    to ..."). Not "jeered “the worst negotiator” Tom Brandt", where the name beside it takes its place."""
    cut = {t.i for t in tokens if _inside(t, quoted)}
    kept = [t for t in tokens if t.i not in cut and not t.is_punct]
    attached = [t for t in tokens if t.i in cut and (t.head.i not in cut or t.head.i == t.i)]  # the quote's heads
    arguments = [t for t in attached if t.dep_ in QUOTED_ARGUMENTS or t.dep_ == "appos" and _named_object(t.head)]
    replaced = any(t.head.i in cut and t.dep_ == "appos" for t in kept)  # "“the worst negotiator” Tom Brandt"
    splits = not replaced and any(t.head.i in cut for t in kept)  # "a “false prophet”", "to “eradicate” terror"
    ends = bool(kept) and any(t.i > kept[-1].i for t in arguments)
    completes = any(t.dep_ in COMPLEMENTS or t.dep_ == "appos" for t in arguments)  # "called the report “a hoax”"
    bare = any(t.dep_ in ("nsubj", "nsubjpass") for t in arguments) or any(t.dep_ == "dobj" for t in arguments) and not replaced
    return (arguments or attached) if splits or ends or completes or bare else []


def _named_object(noun: Token) -> bool:
    """The object of a verb that names it: "called the plan", "labelled the deal"."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in NAMING_VERBS


def _without_quoted(tokens: list[Token], quoted: list[Span]) -> list[Token]:
    """The clause without the words of its direct quotes (claims of their own), nor the quote marks around them."""
    cut = {t.i for t in tokens if _inside(t, quoted)}
    hanging = lambda t: t.is_quote and (t.i - 1 in cut or t.i + 1 in cut)  # noqa: E731
    return [t for t in tokens if t.i not in cut and not hanging(t)]


def _lacks_its_object(verb: Token) -> bool:
    """A relative clause whose object is the noun it describes ("the speech Lind gave at the harbour", "the
    report which officials released"): without that noun it is no statement, so it stays in its clause. A clause
    without a relative word or an object is taken as such; "the day he arrived" stays too, which loses nothing."""
    chain = [verb]  # and the verbs it hands its object to: "the standards that ports need to uphold"
    while (infinitive := next((c for c in chain[-1].children if c.dep_ == "xcomp"), None)) is not None:
        chain.append(infinitive)
    relative = [c for v in chain for c in v.children if c.tag_ in ("WDT", "WP", "WRB")]
    if relative:
        return any(c.dep_ == "dobj" for c in relative)
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd") for c in verb.children)


def _frames_speech(tokens: list[Token], reported: list[Quote]) -> bool:
    """Whether the words hold the cue of reported speech, none of what it reports, and little but who spoke
    and when: "Lind came to believe", "Lind hinted on Tuesday"; not "Lind, doubling down on her words, wrote"."""
    starts = {t.idx: t for t in tokens}
    for quote in reported:
        cue = starts.get(quote.cue_span.start)
        if cue is None or any(quote.span.start <= i < quote.span.end for i in starts):
            continue
        verbs = [cue]  # "came to believe": the verbs the cue completes
        while verbs[-1].dep_ in ("xcomp", "advcl") and not _is_clause_head(verbs[-1]):
            verbs.append(verbs[-1].head)
        frame = {v.i for v in verbs} | {t.i for v in verbs for c in v.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        rest = [t for t in tokens if t.i not in frame and (t.is_alpha or t.like_num) and not t.is_stop]
        if len(rest) < MIN_CONTENT_WORDS:
            return True
    return False


def _is_clause_head(token: Token) -> bool:
    """A verb with a subject of its own heading a clause; not a bare verb without a modal ("called for states to
    act", "demanded that he resign"), nor a clause after "whether" or "if": what is called for, demanded, asked
    or supposed is no fact of its own, and its clause stays in the one it completes."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ not in CLAUSE_DEPS:
        return False
    if token.tag_ == "VB" and token.dep_ != "ROOT" and not any(
            c.dep_ == "aux" and (c.tag_ == "MD" or c.lemma_ == "do") for c in token.children):
        return False
    if token.dep_ == "relcl" and token.lemma_ not in SPEECH_LEMMAS and _lacks_its_object(token):  # not "a figure X confirmed"
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children):
        return False  # "asked whether ...", "unclear if ...", "if it rains": a question or a condition, not a fact
    return token.dep_ == "ROOT" or any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _is_speech_frame(head: Token) -> bool:
    """"X said (that) ...", "..., a figure the ministry confirmed", "..., the firm said, faster than ...": the frame is
    the attribution, not a claim of its own (in the second, what was confirmed is the noun the clause describes; in
    the third, what was said is the clause the frame is set in, and what hangs on the frame belongs to it)."""
    if head.lemma_ not in SPEECH_LEMMAS:
        return False
    if head.dep_ in ("relcl", "parataxis"):
        return not any(c.dep_ in ("dobj", "ccomp") for c in head.children)
    return any(c.dep_ in ("ccomp", "parataxis") for c in head.children)


def _nested_words(nested: Token, clause: Token) -> Iterable[Token]:
    """The words of a clause nested in `clause`, with what would be left dangling without them: the noun it
    describes when that noun only comments on the clause around it ("..., a figure the union disputed"), and the
    participle that introduces it ("..., telling lawmakers that ...", "by saying that ...")."""
    parent = nested.head
    set_off = parent.left_edge.i > 0 and parent.doc[parent.left_edge.i - 1].is_punct  # ", a figure", "- a statistic"
    if nested.dep_ == "relcl" and parent.dep_ in ("appos", "npadvmod") and set_off:
        return parent.subtree
    if nested.dep_ == "ccomp" and parent.i != clause.i and parent.tag_ == "VBG" and parent.dep_ in ("acl", "advcl", "pcomp", "xcomp"):
        return (parent.head if parent.dep_ == "pcomp" else parent).subtree
    return nested.subtree


def _clause_tokens(head: Token, heads: list[Token]) -> list[Token]:
    """The clause's words, without the clauses nested in it (those are claims of their own)."""
    nested = {t.i for h in heads if h.i != head.i and head.is_ancestor(h) for t in _nested_words(h, head)}
    beside_gap = lambda t: t.is_punct and (t.i - 1 in nested or t.i + 1 in nested)  # noqa: E731
    tokens = whole_words([t for t in head.subtree if t.i not in nested and not beside_gap(t)], head, frozenset(nested))
    tokens = _without_lead_in(tokens, head)
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc" or tokens[0].tag_ in ("WDT", "WRB")
                      or tokens[0].dep_ == "mark" and tokens[0].head == head):  # its own "that", not the "If" of a condition
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):  # a line break too
        tokens.pop()
    return tokens


def _without_lead_in(tokens: list[Token], head: Token) -> list[Token]:
    """A subordinate clause without what times its conjunction: "(a day) after the mayor resigned", "(shortly)
    before the vote"."""
    mark = next((c for c in head.children if c.dep_ == "mark"), None)
    lead_in = {t.i for c in head.children if c.dep_ in ("npadvmod", "advmod") and mark is not None and c.i < mark.i
               for t in c.subtree}
    return [t for t in tokens if t.i not in lead_in] if lead_in and all(t.i in lead_in for t in tokens if t.i < mark.i) else tokens


def _proposition(head: Token, tokens: list[Token]) -> str:
    """The clause as a standalone statement: a relative pronoun subject replaced by its noun."""
    words = _words(tokens)
    if head.dep_ == "relcl":
        pronoun = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.tag_ in ("WDT", "WP")), None)
        antecedent = head.head
        if pronoun is not None:
            noun = [t for t in antecedent.subtree if t.i <= antecedent.i and t.i >= antecedent.left_edge.i]
            phrase = "".join(t.text_with_ws for t in noun).strip() + " "
            words = [phrase] + _words([t for t in tokens if t.i != pronoun.i])
    return _tidy("".join(words))


def _words(tokens: list[Token]) -> list[str]:
    """Each token with its own spacing, and a space wherever words were left out after it."""
    kept = {t.i for t in tokens}
    return [t.text_with_ws if t.whitespace_ or t.i + 1 in kept else t.text + " " for t in tokens]


def _tidy(text: str) -> str:
    """Whitespace collapsed and the punctuation left dangling by removed clauses and quotes dropped."""
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))
    text = re.sub(r"([,;:–—-])(\s*[,.;:–—-])+", r"\1", text)
    if text.endswith("”") and "“" not in text:  # the closing mark of a quote cut out
        text = text[:-1]
    if "”" in text.split("“")[0]:  # the clause opens inside a quote, whose opening mark went with the words before
        text = "“" + text
    text = text.strip(" ,;:–—-")
    if text.count("“") > text.count("”") or text.count('"') % 2:  # the closing mark of a quote kept, cut as punctuation
        text = text.rstrip(",.") + ("”" if "“" in text else '"')
    if text.count("(") > text.count(")"):  # "... John Boehner (R-Ohio.": the sentence was split inside the brackets
        text = text.rstrip(",.") + ")"
    return text


def _parts(head: Token) -> dict:
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    obj = next((c for c in head.children if c.dep_ in ("dobj", "attr", "agent")), None)
    return {
        "subject": _phrase(subject),
        "predicate": ("not " if any(c.dep_ == "neg" for c in head.children) else "") + head.lemma_,
        "object": _phrase(obj),
    }


def _phrase(token: Token | None) -> str | None:
    if token is None:
        return None
    words = [t for t in token.subtree if t.dep_ not in ("relcl", "punct") and t.head.dep_ != "relcl"]
    return " ".join(t.text for t in words) or None


def _quantity_unit(quantity: Quantity, sent, article_id: str, sentence: Span):
    """The phrase that says what a number counts and what happened to it."""
    doc = sent.doc
    piece = doc.char_span(quantity.span.start, quantity.span.end, alignment_mode="expand")
    if piece is None:
        return None
    noun = piece.root
    while noun.dep_ in ("nummod", "quantmod", "amod", "compound", "npadvmod") and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    argument = noun
    while argument.dep_ == "conj" and argument.head.i != argument.i:
        argument = argument.head
    clause = {"subject": None, "predicate": None, "object": None}
    if argument.dep_ in ("nsubj", "nsubjpass", "dobj") and argument.head.pos_ in ("VERB", "AUX"):
        tokens = _core(argument.head, argument=noun)
        clause = _parts(argument.head) if _is_finite(argument.head) else clause  # "175 people were treated", not "to tap $2 billion"
    else:
        in_relcl = {t.i for c in noun.subtree if c.dep_ == "relcl" for t in c.subtree}
        tokens = [t for t in noun.subtree if t.i not in in_relcl]
    tokens = [t for t in tokens if not t.is_space]
    if len(tokens) < 3:
        return None
    span = _span(tokens[0].idx, tokens[-1].idx + len(tokens[-1]), article_id)
    text = " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split())
    parts = {**clause, "kind": "number", "quantities": (quantity,)}
    return span, text, sentence, {**parts, **_vocabulary(tokens)}


def _event_nouns(tokens: list[Token]) -> list[Token]:
    """Nominalised events inside a long clause: "the death of a contractor in a rocket attack"."""
    return [
        t for t in tokens
        if t.pos_ == "NOUN" and t.dep_ == "pobj" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        and any(c.dep_ == "prep" and c.lower_ != "of" for c in t.children)
    ]


def _event_unit(noun: Token, article_id: str, sentence: Span, quantities: Sequence[Quantity]):
    in_relcl = {t.i for c in noun.subtree if c.dep_ == "relcl" for t in c.subtree}
    tokens = [t for t in noun.subtree if t.i not in in_relcl and not t.is_space]
    span = _span(tokens[0].idx, tokens[-1].idx + len(tokens[-1]), article_id)
    own = tuple(q for q in quantities if q.span.start in {t.idx for t in tokens})
    parts = {"subject": None, "predicate": noun.lemma_, "object": None, "kind": "event", "quantities": own, **_vocabulary(tokens)}
    return span, _tidy("".join(_words(tokens))), sentence, parts


def _core(verb: Token, argument: Token | None = None) -> list[Token]:
    """A verb with its subject, object and the core of a verb it governs ("attempt to storm X", "called for
    states to act").

    `argument` stands in for the verb's subject or object when the parser hung it on a conjunct.
    """
    tokens = [verb] + (list(argument.subtree) if argument is not None and argument.head.i != verb.i else [])
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and argument is not None and argument.head.i != verb.i:
            continue
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass", "neg", "prt", "agent"):
            in_relcl = {t.i for c in child.subtree if c.dep_ == "relcl" for t in c.subtree}
            tokens += [t for t in child.subtree if t.i not in in_relcl]
        elif child.dep_ == "xcomp" or child.dep_ in ("advcl", "ccomp") and not _is_clause_head(child):
            tokens += _core(child)  # "attempt to storm X", "called for states to act"
    return sorted(tokens, key=lambda t: t.i)


def _vocabulary(tokens: list[Token]) -> dict[str, tuple[str, ...]]:
    """Content-word lemmas and verb lemmas, the vocabulary claims are matched on."""
    content = {t.lemma_.lower() for t in tokens if t.pos_ in ("NOUN", "VERB", "PROPN", "NUM", "ADJ") and not t.is_stop}
    verbs = {t.lemma_.lower() for t in tokens if t.pos_ == "VERB"}
    return {"lemmas": tuple(sorted(content)), "verbs": tuple(sorted(verbs))}


def _quote_unit(quote: Quote, doc: Doc, article_id: str):
    sent = doc.char_span(quote.span.start, quote.span.end, alignment_mode="expand")
    sentence = _span(sent.sent.start_char, sent.sent.end_char, article_id) if sent is not None else quote.span
    parts = {"subject": quote.speaker_name or quote.speaker_mention, "predicate": quote.cue, "object": None, "kind": "quote", "quantities": (), "lemmas": (), "verbs": ()}
    return quote.span, quote.text.rstrip(",;: "), sentence, parts  # not the comma that hands a quote to its cue


def _dedupe(units: list) -> list:
    seen: dict[tuple[int, int], tuple] = {}
    for unit in units:
        seen.setdefault((unit[0].start, unit[0].end), unit)
    return list(seen.values())


def _stating(doc: Doc, quotes: Sequence[Quote]) -> set[str]:
    """The ids of the quotes whose speaker states their words: a direct quote without a cue of its own, or one
    whose cue, not negated, is in STATING ("X said", "according to X"; not "X urged", "X does not deny")."""
    stating = set()
    for quote in quotes:
        cue = _cue(doc, quote)
        if cue is None and quote.kind == "direct" or cue is not None and _states(cue[0]):
            stating.add(quote.id)
    return stating


def _cue(doc: Doc, quote: Quote) -> SpacySpan | None:
    """The words of the quote's cue in the Doc, if it has one."""
    return doc.char_span(quote.cue_span.start, quote.cue_span.end) if quote.cue_span else None


def _states(cue: Token) -> bool:
    """Whether the cue states what it reports: in STATING, "pointed out", or the colon of "Name: words"; not negated."""
    pointed_out = cue.lemma_.lower() == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in cue.children)
    stating = cue.lemma_.lower() in STATING or cue.lower_ in STATING or cue.text == ":" or pointed_out
    return stating and not any(c.dep_ == "neg" for c in cue.children)


def _denials(doc: Doc, quotes: Sequence[Quote]) -> list[Span]:
    """What reported quotes deny, as spans: the clause of "X denied that ...", "X denied asking ...", and of "X
    disputed the account that ...". Not what goes with it ("X denied the reports, which spread ...", "..., telling
    reporters that ..."), nor "X rejected the offer" (no statement), nor "X does not deny that ..."."""
    denied = []
    for quote in quotes:
        cue = _cue(doc, quote)
        if quote.kind != "reported" or cue is None:
            continue
        for clause in _denied_clauses(cue.root):
            if quote.span.start <= clause.idx < quote.span.end:
                last = _end_of_denied(clause)
                denied.append(Span(article_id=quote.span.article_id, start=clause.left_edge.idx, end=last.idx + len(last)))
    return denied


def _denied_clauses(cue: Token) -> list[Token]:
    """The heads of the clauses a cue denies: its own clause, or the content clause of a report, claim, ... it
    denies. A denial with an object of another kind ("rejected the plan") denies no statement, whatever its parse
    hangs on it."""
    if cue.lemma_.lower() not in DENIALS or any(c.dep_ == "neg" for c in cue.children):
        return []
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() not in ASSERTIONS for o in objects):
        return []
    clauses = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp") and _finite_or_gerund(c)]
    content = [c for o in objects for c in o.children if c.dep_ in ("acl", "relcl", "ccomp") and _opens_on_that(c)]
    return clauses + content


def _end_of_denied(clause: Token) -> Token:
    """The clause's last word, before what the speaker adds in a participle the parse hung on it ("... had failed,
    telling the board that ...")."""
    added = [c for c in clause.children if c.dep_ == "advcl" and c.i > clause.i and c.lemma_.lower() in SPEECH_LEMMAS]
    return clause.doc[added[0].left_edge.i - 1] if added else clause.right_edge


def _opens_on_that(clause: Token) -> bool:
    """A content clause ("the claim that the crane failed"), not a relative one ("the claim, which spread")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _is_finite(verb: Token) -> bool:
    """A verb with a tense of its own ("treated", "were treated", "will tap"), not "to tap" nor "converting"."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP")
                                                        for c in verb.children)


def _finite_or_gerund(verb: Token) -> bool:
    """A clause that can be denied: "(denied) he asked", "that she had pressed", "asking"; not a verb a misparse
    hung on the cue ("rejected the plan of a board letting ports charge fees", read as "the plan ... charge")."""
    singular_subject = any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)
    if verb.tag_ == "VBP" and singular_subject:  # no agreement: the clause is not one
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VBG") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _claim(claim_id, span, text, sentence, parts, entities, times, quotes, denials: list[Span], stating: set[str]) -> Claim:
    inside = lambda s: span.start <= s.start and s.end <= span.end  # noqa: E731
    actors = sorted({e.key for e in entities for m in e.mentions if inside(m.span)})
    speaker = next((q for q in quotes if _overlaps(q.span, span) or q.kind == "reported" and inside(q.span)), None)
    holds = (lambda s: s.start in parts["words"]) if "words" in parts else inside  # noqa: E731 (a clause's own words)
    reported = speaker is not None and not _tells_the_act(speaker, holds)
    return Claim(
        id=claim_id,
        kind=parts["kind"],
        span=span,
        text=text,
        sentence=sentence,
        subject=parts["subject"],
        predicate=parts["predicate"],
        object=parts["object"],
        actors=tuple(actors),
        lemmas=parts["lemmas"],
        verbs=parts["verbs"],
        quantities=parts["quantities"],
        times=tuple(t for t in times if inside(t.span)),
        attributed_to=(speaker.speaker_key or speaker.speaker_mention) if speaker else None,
        reported=reported,
        stated=reported and speaker.id in stating,
        denied=any(d.start <= span.start and span.end <= d.end for d in denials),
    )


def _tells_the_act(quote: Quote, holds: Callable[[Span], bool]) -> bool:
    """Whether the claim holds the quote's cue, and so tells in the outlet's voice that someone spoke ("X announced
    her plans to ...", "X called the plan “a sham”", "..., vowing to ..."); "..., according to X" only attributes,
    and so does a cue set off inside the claim's clause ("X, officials said, has ...")."""
    return quote.cue_span is not None and holds(quote.cue_span) and not quote.cue.lower().startswith("according")


def _inside(token: Token, spans: list[Span]) -> bool:
    return any(s.start <= token.idx < s.end for s in spans)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _span(start: int, end: int, article_id: str) -> Span:
    return Span(article_id=article_id, start=start, end=end)
