"""Quotes and reported speech, each with its cue, speaker and channel.

Direct quotes are found by their marks (curly, straight, or two apostrophes), paragraph by paragraph,
each judged on its own: a quote that runs over paragraphs (no closing mark until a later paragraph
that reopens) is one quote, and an unclosed mark ends at its paragraph rather than costing the rest of
the article. A short quote with no speech cue in its sentence is a scare quote, not speech. Reported
speech is what a speech or stance word governs: a clause ("X said that ..."), an object or infinitive
("X wants ...", "X refused to ..."), a topic ("X talked about ...", "X called for ..."), the
complement of a stance noun or adjective ("X's criticism of ...", "X is confident that ..."), what
is said "according to" someone, and a line such as "Name: words". Speakers are resolved through
names, relative pronouns, pronouns and role nouns; a quote with no cue of its own continues the
speaker of the quote just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from newsprism.extract.speakers import SpeakerResolver, is_time, taken_for_a_verb
from newsprism.models import LocalEntity, Quote, Span

SPEECH_VERBS = frozenset(
    """say tell add note claim charge warn announce state insist argue allege deny confirm explain suggest
    believe think assert declare acknowledge vow pledge predict write report tweet reply respond fear hope
    contend maintain stress emphasize recall admit concede complain testify continue quote call ask
    post describe yell shout scream exclaim joke quip observe answer retort interject remark recount boast
    brag muse wonder question echo conclude counter caution agree point reveal disclose dispute reject
    promise propose urge demand recommend estimate expect worry feel know learn find show indicate
    predict assure reassure insist signal acknowledge concede hint speculate suspect doubt opine fume gush
    rave snap sigh marvel scoff crow thunder chime posit plead beg whisper mutter murmur reiterate repeat
    summarize summarise advise read chant press""".split()
)
# Verbs that speak with a particle or object: "she went on", "he shot back", "as Lind put it".
PHRASAL_CUES = frozenset({("go", "on"), ("shoot", "back"), ("fire", "back"), ("hit", "back"), ("cut", "in"), ("put", "it")})
# Cues whose words are the thing said, wanted or judged, not a clause: "X supports Y", "X wants Y".
OBJECT_CUES = frozenset(
    """support back endorse oppose favor favour prefer want praise criticize criticise mock slam blast
    thank urge demand propose recommend reject dispute deny tout ask accuse announce call discuss
    mention defend question dismiss describe refuse seek plan hope promise vow expect decide echo
    encourage recognize view denounce express confirm condemn blame credit applaud hail welcome rip
    knock show cite decline intend deride insult request protest retweet disclose acknowledge admit
    lament decry celebrate champion rebuke chide scold lambaste ridicule castigate downplay threaten
    insist predict name label dub brand""".split()
)
# Cues whose topic or target follows a preposition: "talked about X", "called for X", "pointed to X".
TOPIC_PREPOSITIONS = {
    **dict.fromkeys(
        """talk write joke rant rail complain comment testify tweet warn worry care think know
        learn hear ask argue fight campaign weigh remark muse boast brag lie debate disagree
        agree differ speculate wonder caution fret obsess harp dwell reflect elaborate""".split(),
        ("about", "of", "on", "over", "against", "regarding"),
    ),
    "speak": ("about", "of", "against"),
    **dict.fromkeys("call push press plead lobby vote advocate root pray stump".split(), ("for", "against")),
    "open": ("about",),
    **dict.fromkeys("refer point allude react object attribute appeal".split(), ("to",)),
    **dict.fromkeys("accuse suspect convict".split(), ("of",)),
    **dict.fromkeys("side".split(), ("with", "against")),
}
# Nouns of speech and stance whose complement is the content: "his criticism of X", "a call for X".
NOUN_CUES = frozenset(
    """criticism call assertion claim question decision view case support plan promise pledge concern
    fear hope belief argument comment remark proposal demand warning accusation suggestion praise
    endorsement rant complaint insistence vow opinion stance thought thoughts questions doubts doubt
    swipe debate expectation faith""".split()
)
# Adjectives of stance whose complement is what is felt or held: "X is confident that Y", "eager to Y".
ADJECTIVE_CUES = frozenset(
    """concerned worried confident optimistic skeptical sceptical angry upset critical supportive
    hopeful sure certain convinced afraid opposed eager willing determined happy glad pleased proud
    disappointed furious frustrated excited adamant unsure reluctant""".split()
)
ADJECTIVE_PREPOSITIONS = ("about", "of", "over", "with", "regarding", "to", "by")
NOUN_PREPOSITIONS = ("about", "of", "on", "over", "against", "for", "to", "regarding")
# Verbs whose object is the stance a speaker takes by a noun cue: "X made a call for", "X voiced concern".
STANCE_VERBS = frozenset("make express voice raise issue offer share have take give repeat renew".split())
REPORTING_ONLY = frozenset({"continue"})  # "he continued, ..." hands over to a quote; it reports nothing itself
SOCIAL = {"tweet": "Twitter", "twitter": "Twitter", "facebook": "Facebook", "instagram": "Instagram", "x": "X"}
CHANNEL_NOUNS = {"statement", "interview", "post", "tweet", "speech", "letter", "op-ed", "broadcast", "video", "ad", "memo",
                 "email", "message", "release"}
PUBLISHED_NOUNS = CHANNEL_NOUNS | {"piece", "report", "story", "study", "paper", "editorial", "column", "book", "documentary"}
# Verbs of putting words out: "X released a statement that ..." speaks through it; "X attacked a story that ..." does not.
ISSUING_VERBS = frozenset("release issue publish post put send air run write sign tweet share produce file deliver give make launch".split())
CONTENT_WORDS = {"NOUN", "PROPN", "VERB", "NUM", "ADJ", "PRON"}
OPENING, CLOSING = "“„«", "”»"
SCARE_QUOTE_WORDS = 4
TITLE_WORDS = 8
TITLE_SMALL_WORDS = frozenset("a an and the of in on for to with at by or from".split())
LINE_SPEAKER_WORDS = 6
CONTINUATION_WORDS = 15
SPEAKER_WORDS = 6  # a name between a quote and its cue: ",” Sen. Joni Ernst said"
NAMING_PARTICIPLES = frozenset({"called", "named", "dubbed", "titled", "entitled", "labeled", "labelled", "nicknamed"})
# Verbs whose object is a means or a time the subject spends, not someone made to act: "X used a speech to call for".
MEANS_VERBS = frozenset("use spend do take need have devote waste".split())
# Dependencies the parser gives a subject it failed to see as one.
UNPARSED_SUBJECTS = frozenset({"advmod", "npadvmod", "nummod", "compound"})
# Where a complement, a relative clause or a noun phrase hangs below the clause it belongs to.
INNER_DEPENDENCIES = frozenset({"ccomp", "xcomp", "acl", "relcl", "pcomp", "prep", "pobj", "dobj", "attr", "acomp", "oprd"})
NAME_WORDS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART"})
DASHES = frozenset({"-", "—", "–", "--"})
HYPHENS = frozenset("-–")  # what joins the parts of a hyphenated word
# Cues whose object is the speaker, so that in the passive their subject is: "Lind was heard telling ...".
HEARD_VERBS = frozenset("hear overhear quote record catch film tape show see".split())
# "WASHINGTON — ", "NEW YORK (AP) - ", "LOS ANGELES, Calif. — ", "PARIS (Example News) —", "PARIS—", "(Example News) – ";
# not the "U.S.-" of "U.S.-Mexico talks"
_OUTLET_IN_BRACKETS = r"\([A-Z][\w.&'’ -]{0,39}\)"
DATELINE = re.compile(
    r"(?:(?=[A-Z.'’ ,]*[A-Z]{3})[A-Z][A-Z.'’]*(?:[ ,]+[A-Z][A-Z.'’]*)*"  # a place in capitals, one word of three or more
    rf"(?:,\s*[A-Z][a-z]+\.)?(?:\s*{_OUTLET_IN_BRACKETS})?"  # ", Calif.", "(AP)"
    rf"|{_OUTLET_IN_BRACKETS})"  # or an outlet alone
    r"(?:\s*[—―–]+|\s+-+)\s*"  # a dash, or a hyphen after a space
)


@dataclass(frozen=True)
class _Found:
    kind: str
    start: int
    end: int
    text: str
    cue: Token | None = None
    speaker: Token | None = None


def extract_quotes(doc: Doc, article_id: str, entities: Sequence[LocalEntity]) -> tuple[Quote, ...]:
    """Direct and reported quotes in text order, ids `<article>-q<n>`. A quote with no cue continues the last
    speaker, not a voice in a relative clause ("said X, whose union warned ...")."""
    text = doc.text
    marked = quoted_spans(text)
    found = [f for f in (_direct(doc, text, s, e, marked) for s, e in marked) if f is not None]
    found = _outermost(found + _reported(doc, text, marked))
    resolver = SpeakerResolver(doc, entities, marked)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for n, item in enumerate(sorted(found, key=lambda f: (f.start, f.end)), 1):
        quote = _attribute(doc, text, item, f"{article_id}-q{n}", article_id, resolver, previous)
        quotes.append(quote)
        if quote.speaker_mention is not None and (item.cue is None or item.cue.dep_ != "relcl"):
            previous = quote
    return tuple(quotes)


def _outermost(found: list[_Found]) -> list[_Found]:
    """Attributions nested in reported speech are the outer speaker's account: "X said that the unions
    waited to endorse Y" is X's, not the unions'. A nested reported quote is dropped; a partial quote in
    reported speech ("she said her father had 'hopped a train'") takes the outer cue and speaker (its own
    speaker when the outer has none). What is
    said "according to" a source may hold a whole attribution of its own ("X said Y, according to Z"): it
    is kept, as Z's account."""
    reported = [f for f in found if f.kind == "reported" and f.cue is not None]
    kept = []
    for item in found:
        outer = next((o for o in reported if o is not item and _inside(item, o)), None)
        if outer is None:
            kept.append(item)
        elif item.kind == "direct" or outer.cue.lower_ == "according":
            kept.append(_Found(item.kind, item.start, item.end, item.text, cue=outer.cue, speaker=outer.speaker or item.speaker))
    return kept


def _inside(item: _Found, outer: _Found) -> bool:
    """`item` and its cue lie in the words of `outer`, which is longer."""
    cue_inside = item.cue is None or outer.start <= item.cue.idx < outer.end
    return outer.start <= item.start and item.end <= outer.end and outer.end - outer.start > item.end - item.start and cue_inside


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words inside quotation marks (a multi-paragraph quote is one span)."""
    text = _double_apostrophes(text)
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


def _double_apostrophes(text: str) -> str:
    """Two apostrophes used as a double quotation mark (''like this'') read as one mark, offsets kept."""
    return re.sub(r"''(\S?)", lambda m: ' "' + m.group(1) if m.group(1) else '" ', text)


def _opens(text: str, at: int) -> bool:
    """Whether the mark at `at` opens a quote; a curly mark typed the wrong way round counts by where it
    stands: after a word's punctuation and before a space it closes ("unusual,“ said"), after a space and
    before a word it opens ("said: ”We")."""
    mark = text[at]
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if mark in OPENING:
        return not (after.isspace() and before in ",.!?")
    if mark in CLOSING:
        return before.isspace() and after.isalnum()
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


def _direct(doc: Doc, text: str, start: int, end: int, marked: list[tuple[int, int]]) -> _Found | None:
    words = text[start:end]
    cue = _cue_near(doc, text, start, end)
    spoken = cue is not None and (_is_cue(cue) or _is_according(cue) or cue.text == ":")  # not only wanted or praised
    if not spoken and (len(words.split()) <= SCARE_QUOTE_WORDS and not words.rstrip().endswith((".", "!", "?")) or _is_title(words)):
        return None
    joined = re.sub(r"\s*\n+\s*[“\"]?", " ", words).strip()
    return _Found("direct", start, end, joined, cue=cue, speaker=_direct_speaker(doc, text, end, cue, marked) if cue is not None else None)


def _is_title(words: str) -> bool:
    """The name of a show, book or song in quotation marks ("Fox and Friends"): a few capitalised words."""
    tokens = re.findall(r"[\w'’-]+", words)
    return (0 < len(tokens) <= TITLE_WORDS and not words.rstrip().endswith((".", "!", "?", ","))
            and all(t[0].isupper() or t.isdigit() or t in TITLE_SMALL_WORDS for t in tokens) and tokens[0][0].isupper())


def _direct_speaker(doc: Doc, text: str, end: int, cue: Token, marked: list[tuple[int, int]]) -> Token | None:
    """Who speaks a quote: the name between its closing mark and the cue (",” Briggs said"), the one right
    after the cue (",” said a person close to X"), else the cue's subject outside the quote."""
    if cue.idx >= end and cue.lemma_.lower() != "quote":  # "the agency quoted X as saying": X speaks
        between = doc[_token_after(doc, end) : cue.i]
        comma = next((t.i for t in between if t.text == "," and t.i > between.start + 1), cue.i)  # "Name, a role who ..., said"
        words = [t for t in doc[between.start : comma] if not (t.is_punct or t.is_space or t.pos_ == "ADV")]
        if _names_speaker(text, end, words, cue):
            return next((t for t in reversed(words) if not words[0].i <= t.head.i <= words[-1].i), words[-1])
        if not words and (after := _phrase_after(cue)) is not None:
            return after
    subject = _speaker_token(cue)
    return None if subject is None or _quoted(subject.idx, marked) else subject


def _names_speaker(text: str, end: int, words: list[Token], cue: Token) -> bool:
    """Whether `words`, between a quote ending at `end` and its cue, name the speaker: a short noun phrase after a
    quote that closes its clause (",” Briggs said"), or holding the cue's own subject ("-H” Lind tweeted"); not
    the sentence going on after words quoted inside it ("a “good” job, he said")."""
    if not 0 < len(words) <= SPEAKER_WORDS or not all(t.pos_ in NAME_WORDS for t in words):
        return False
    after = text[end : end + 8].lstrip("”\"'’ ")
    closes = text[:end].rstrip()[-1:] in ",.!?-—–…" or after[:1] in (",", "")
    return closes or any(c.dep_ == "nsubj" and c in words for c in cue.children)


def _token_after(doc: Doc, offset: int) -> int:
    """The index of the first token at or after character `offset`."""
    span = doc.char_span(offset, doc[-1].idx + len(doc[-1].text_with_ws), alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _phrase_after(cue: Token) -> Token | None:
    """The head of the noun phrase right after a cue: "said a person close to X" -> person."""
    if cue.i + 1 >= len(cue.doc):
        return None
    word = cue.doc[cue.i + 1]
    while word.dep_ in ("det", "compound", "amod", "nummod", "poss") and word.head.i > word.i:
        word = word.head
    return word if word.pos_ in ("PROPN", "NOUN", "PRON") else None


def _cue_near(doc: Doc, text: str, start: int, end: int) -> Token | None:
    """A speech verb in the sentences the quote touches, outside quotation marks, nearest the quote; else a verb
    of stance ("accused X of “...”", "praised “...”")."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(end - 1, start), end, alignment_mode="expand")
    if first is None or last is None:
        return None
    begin = first.sent.start
    if begin > 0 and _introduces(doc[begin - 1]):
        begin = doc[begin - 1].sent.start
    tokens = [t for t in [*doc[begin : last.sent.end], *_attribution_after(doc, text, last.sent, end)] if not start <= t.idx < end]
    cues = [t for t in tokens if _is_cue(t) or _is_according(t)] or [t for t in tokens if t.pos_ == "VERB" and _is_reporting_verb(t)]
    if cues:
        return _outer_cue(min(cues, key=lambda t: min(abs(t.idx - start), abs(t.idx - end))), cues)
    return _verb_after_name(doc, text, end) or _colon_before(doc, first.start)


def _verb_after_name(doc: Doc, text: str, end: int) -> Token | None:
    """A verb of any kind that closes a clause right after a short name following the quote (",” an angry Lind
    retorted.", ",” Birch started."): in that word order the name is who spoke, whatever the verb."""
    if text[:end].rstrip()[-1:] not in (",", "!", "?"):
        return None
    after = _token_after(doc, end)
    while after < len(doc) and doc[after].is_punct:
        after += 1
    verb = next((t for t in doc[after : after + SPEAKER_WORDS + 1] if t.pos_ == "VERB" or _speech_word(t)), None)
    if verb is None or verb.tag_ not in ("VBD", "VBZ", "VBP") and not _speech_word(verb) or verb.i == after:
        return None
    closes = verb.i + 1 >= len(doc) or doc[verb.i + 1].is_punct or doc[verb.i + 1].pos_ in ("ADP", "ADV", "PART")
    return verb if closes and all(t.pos_ in NAME_WORDS for t in doc[after : verb.i]) else None


def _speech_word(token: Token) -> bool:
    """A speech verb the tagger took for a noun (",” the two write."): its plain or third-person form."""
    word = token.lower_
    return token.pos_ == "NOUN" and (word in SPEECH_VERBS or word.endswith("s") and word[:-1] in SPEECH_VERBS)


def _outer_cue(cue: Token, cues: list[Token]) -> Token:
    """The cue that reports the speech `cue` is part of ("Nothing the president said 'will help,' the senator
    said", "X smiled and said '...', the Times reported"): the highest of `cues` above it, not across an
    adverbial clause ("said, adding") nor from one of two coordinated cues to the other ("X said ... and Y
    replied"); what is said "according to" a source is that source's account."""
    outer = cue
    while cue.lower_ != "according" and cue.dep_ not in ("advcl", "parataxis", "ROOT") and not (cue.dep_ == "conj" and cue.head in cues):
        cue = cue.head
        outer = cue if cue in cues else outer
    return next((c for c in outer.children if c in cues and c.lower_ == "according"), outer)


def _attribution_after(doc: Doc, text: str, sentence: SpacySpan, end: int) -> SpacySpan:
    """The first words of the sentence after a question or exclamation that closed its own sentence
    ("“Why?” Ward asked."): the parser splits there, leaving the cue in a sentence of its own."""
    none = doc[0:0]
    if sentence.end >= len(doc) or text[:end].rstrip().endswith(".") or text[end : sentence.end_char].strip(" ”\"'"):
        return none
    following = doc[sentence.end].sent
    if "\n" in text[sentence.end_char : following.start_char]:
        return none
    return doc[following.start : min(following.end, following.start + SPEAKER_WORDS + 1)]


def _introduces(token: Token) -> bool:
    """A sentence that hands over to the quote after it: "Ryan said", "Trump boomed:"."""
    if token.is_space and token.i > 0:  # "Dr. Ward stated:" closing the paragraph before
        return token.doc[token.i - 1].text == ":"
    while token.is_punct and token.text != ":" and token.i > 0:
        token = token.doc[token.i - 1]
    return token.text == ":" or _is_cue(token)


def _colon_before(doc: Doc, first: int) -> Token | None:
    """The colon of "Kerry: “...”", when a name or noun stands right before it."""
    i = first - 1
    while i >= 0 and (doc[i].text in OPENING + "\"‘'" or doc[i].is_space):
        i -= 1
    if i >= 1 and doc[i].text == ":" and doc[i - 1].pos_ in ("PROPN", "NOUN", "VERB"):
        return doc[i]
    return None


def _is_according(token: Token) -> bool:
    """The "according" of "according to"."""
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"


def _is_cue(token: Token) -> bool:
    if token.pos_ != "VERB" or _looks_like_speech_only(token):
        return False
    lemma = token.lemma_.lower()
    return lemma in SPEECH_VERBS or any((lemma, c.lower_) in PHRASAL_CUES for c in token.children if c.dep_ in ("prt", "advmod", "dobj"))


def _reported(doc: Doc, text: str, marked: list[tuple[int, int]]) -> list[_Found]:
    """Clauses, objects and topics of speech and stance words, and what is said "according to" someone."""
    found = []
    for token in doc:
        if _quoted(token.idx, marked):
            continue
        if _is_according(token):
            found.append(_according_to(doc, text, token, marked))
        elif token.text == ":" and (speaker := _line_speaker(token)) is not None:
            found.append(_after_colon(text, token, speaker, marked))
        elif _is_parenthetical(token) and not _quoted(token.head.idx, marked):
            inner = set(token.subtree)
            words = [t for t in token.head.subtree if t not in inner]
            found.append(_content(text, words, token, _speaker_token(token), marked))
        elif token.pos_ == "VERB" and token.dep_ != "amod" and _is_reporting_verb(token):
            found.append(_complement_quote(text, _verb_complements(token), token, _speaker_token(token), marked))
        elif token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lower_ in ADJECTIVE_CUES:
            complements = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")] + _topics(list(token.children), ADJECTIVE_PREPOSITIONS)
            found.append(_complement_quote(text, complements, token, _speaker_token(token.head), marked))
        elif token.pos_ == "NOUN" and token.lemma_.lower() in NOUN_CUES and (owner := _noun_speaker(token)) is not None:
            found.append(_complement_quote(text, _noun_complements(token), token, owner, marked))
    return [f for f in found if f is not None]


def _is_parenthetical(cue: Token) -> bool:
    """A speech verb set off inside the clause it reports: "Lind, officials said, has become skeptical"; not
    the writer's aside to the reader ("the fee, you know, is extra")."""
    if cue.dep_ != "parataxis" or not _is_cue(cue):
        return False
    aside = any(c.dep_ == "nsubj" and c.lower_ in ("i", "we", "you") for c in cue.children)
    return not aside and not any(c.dep_ == "ccomp" for c in cue.children)


def _line_speaker(colon: Token) -> Token | None:
    """The speaker of a line such as "Graham: Trump's rhetoric is destroying the party": a short name first."""
    begin = colon.i
    while begin > 0 and "\n" not in colon.doc[begin - 1].text:
        begin -= 1
    lead = colon.doc[begin : colon.i]
    if not 0 < len(lead) <= LINE_SPEAKER_WORDS or not any(t.pos_ == "PROPN" for t in lead) or lead.text == "Q":
        return None  # an interviewer's "Q:" line asks; it reports nothing
    return _colon_speaker(colon)


def _after_colon(text: str, colon: Token, speaker: Token, marked) -> _Found | None:
    """What follows a line speaker's colon, to the end of its line."""
    tokens = []
    for token in colon.doc[colon.i + 1 :]:
        if "\n" in token.text:
            break
        tokens.append(token)
    return _content(text, tokens, colon, speaker, marked)


def _looks_like_speech_only(token: Token) -> bool:
    """Words of speech that report none: a name given ("so-called", "a group called Harbour First", "a memo titled
    ..."), and the "That said," opening a sentence."""
    if token.lower_ == "said" and 0 < token.i < len(token.doc) - 1 and token.doc[token.i + 1].text == ",":
        before = token.doc[token.i - 1]
        return before.lower_ == "that" and before.is_sent_start
    if token.lower_ not in NAMING_PARTICIPLES:
        return False
    return token.dep_ == "acl" and token.tag_ == "VBN" or token.i >= 2 and token.doc[token.i - 2].lower_ == "so"


def _is_reporting_verb(token: Token) -> bool:
    if _looks_like_speech_only(token):
        return False
    lemma = token.lemma_.lower()
    return _is_cue(token) and lemma not in REPORTING_ONLY or lemma in OBJECT_CUES or lemma in TOPIC_PREPOSITIONS


def _verb_complements(cue: Token) -> list[Token]:
    """What a cue's words hang on: its clause; else its object, infinitive or topic phrase."""
    children = list(cue.children)
    clause = [c for c in children if c.dep_ == "ccomp"]
    lemma = cue.lemma_.lower()
    if clause or lemma not in OBJECT_CUES | set(TOPIC_PREPOSITIONS):
        return clause
    objects = [c for c in children if c.dep_ in ("dobj", "xcomp", "oprd") and lemma in OBJECT_CUES]
    return objects + _topics(children, TOPIC_PREPOSITIONS.get(lemma, ()))


def _noun_complements(cue: Token) -> list[Token]:
    """"criticism of X", "a plan to X", "the claim that X"."""
    children = list(cue.children)
    return [c for c in children if c.dep_ in ("acl", "ccomp", "relcl") and c.tag_ in ("VB", "VBP", "VBZ", "VBD")
            and any(m.lower_ in ("to", "that") for m in c.children)] + _topics(children, NOUN_PREPOSITIONS)


def _topics(children: list[Token], prepositions: Sequence[str]) -> list[Token]:
    """The prepositional phrases among `children` that name a topic, not a time."""
    return [
        c for c in children if c.dep_ == "prep" and c.lower_ in prepositions
        and any(g.dep_ in ("pobj", "pcomp") and not is_time(g) for g in c.children)
    ]


def _noun_speaker(cue: Token) -> Token | None:
    """Whose stance a noun cue gives: "Obama's criticism", "criticism by X", "X voiced concern"; in "X repeated
    his criticism" the one who repeats it, whom the pronoun stands for (but in "X was vocal in her criticism" the
    pronoun itself)."""
    owner = next((c for c in cue.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ == "PRON" and cue.dep_ == "dobj":
        return _speaker_token(cue.head) or owner
    if owner is not None:
        return owner
    agent = next((g for c in cue.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None:
        return agent
    if cue.dep_ == "dobj" and cue.head.lemma_.lower() in STANCE_VERBS:
        return _speaker_token(cue.head)
    return None


def _according_to(doc: Doc, text: str, according: Token, marked) -> _Found | None:
    phrase = {t.i for t in according.subtree} | {according.i, according.i + 1}
    source = next((c for c in doc[according.i + 1].children if c.dep_ == "pobj"), None)
    tokens = [t for t in according.sent if t.i not in phrase and not t.is_space]
    return _content(text, tokens, according, source, marked)


def _complement_quote(text: str, complements: list[Token], cue: Token, speaker: Token | None, marked) -> _Found | None:
    """The words of `complements` (without a leading "that"/"to"), as reported speech of `speaker`."""
    if not complements:
        return None
    tokens = sorted({t for c in complements for t in c.subtree if t.i != cue.i}, key=lambda t: t.i)
    tokens = whole_words(tokens, complements[0], frozenset({cue.i}))
    tokens = [t for t in tokens if not (t.dep_ in ("mark", "aux") and t.tag_ != "MD" and t.head in complements
                                        and t.i < t.head.i) and not (t in complements and t.dep_ == "prep")]
    shortest = 3 if all(c.dep_ == "ccomp" for c in complements) else 1
    return _content(text, tokens, cue, speaker, marked, shortest=shortest)


def _content(text: str, tokens: list[Token], cue: Token, speaker: Token | None, marked, shortest: int = 3) -> _Found | None:
    if tokens:
        after = dateline_end(text, tokens[0].idx)  # "PARIS (AP) — A fire ..., officials said": no part of what they said
        tokens = [t for t in tokens if t.idx >= after]
    tokens = _beside_cue(tokens, cue, marked)
    subject_pronoun = lambda t: t.tag_ in ("WDT", "WP") and t.dep_ in ("nsubj", "nsubjpass")  # noqa: E731
    tokens = [t for t in tokens if not (subject_pronoun(t) and t.i < cue.i)]  # "which the mayor said would cost ..."
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in "”\"":
        tokens = tokens[:-1]
    if len(tokens) < shortest or not any(t.pos_ in CONTENT_WORDS for t in tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if any(s <= start and end <= e for s, e in marked):
        return None
    return _Found("reported", start, end, " ".join(text[start:end].split()), cue=cue, speaker=speaker)


def _beside_cue(tokens: list[Token], cue: Token, marked: list[tuple[int, int]]) -> list[Token]:
    """Of clauses a semicolon outside quote marks divides, the one nearest the cue: "Organisers said thousands took
    part; police gave no figure" reports the organisers' words up to the semicolon, not the writer's after it."""
    runs: list[list[Token]] = [[]]
    for token in tokens:
        if token.text == ";" and not _quoted(token.idx, marked):
            runs.append([])
        else:
            runs[-1].append(token)
    runs = [run for run in runs if run]
    if len(runs) < 2 or not all(any(t.dep_ in ("nsubj", "nsubjpass") for t in run) for run in runs):
        return tokens  # one clause, or a list ("three parts: new cranes; a longer pier; ...")
    return min(runs, key=lambda run: min(abs(t.i - cue.i) for t in run))


def _quoted(index: int, marked: list[tuple[int, int]]) -> bool:
    """Whether the character at `index` lies inside one of the quote-marked spans."""
    return any(start <= index < end for start, end in marked)


def dateline_end(text: str, start: int) -> int:
    """Where a dateline ("WASHINGTON — ") opening a line at `start` ends; `start` when there is none."""
    match = DATELINE.match(text, start) if start == 0 or text[start - 1] == "\n" else None
    return match.end() if match else start


def whole_words(tokens: list[Token], head: Token, keep_out: frozenset[int] = frozenset()) -> list[Token]:
    """`tokens` with every hyphenated word whole ("re-entering", which the parse may split into "re" and "entering"
    and hang in two clauses): where its first part is, with what hangs on its other parts, and nowhere else. Never
    the words of `keep_out`, nor `head` and the words above it."""
    kept = {t.i for t in tokens}
    for run in _hyphenated(head.sent):
        if all(i in kept for i in run) or not any(i in kept for i in run):
            continue
        words = [head.doc[i] for i in run if head.doc[i] != head and not head.doc[i].is_ancestor(head)]
        below = {t.i for w in words for t in w.subtree} | {i for i in run if head.doc[i].is_punct}
        kept = kept | (below - keep_out) if run[0] in kept else kept - below
    return [t for t in head.sent if t.i in kept]


def _hyphenated(sentence: SpacySpan) -> list[list[int]]:
    """The token numbers of each word joined by hyphens without spaces ("re-entering": three tokens)."""
    runs: list[list[int]] = []
    if not HYPHENS & set(sentence.text):
        return runs
    for token in sentence[1:-1]:
        before, after = token.nbor(-1), token.nbor(1)
        if token.text in HYPHENS and not before.whitespace_ and not token.whitespace_ and before.is_alpha and after.is_alpha:
            if runs and runs[-1][-1] == before.i:
                runs[-1] += [token.i, after.i]
            else:
                runs.append([before.i, token.i, after.i])
    return runs


def _speaker_token(cue: Token) -> Token | None:
    """The speaker of a cue: "X quoted Y as saying" -> Y; "according to X" -> X; "X:" -> X; else the subject."""
    if cue.text == ":":
        return _colon_speaker(cue)
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if cue.lemma_.lower() == "quote":
        quoted = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if quoted is not None:
            return quoted
    verb = _clause_of_participle(cue) or cue
    while verb is not None:
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is None and verb is cue and _is_passive(cue) and cue.lemma_.lower() not in HEARD_VERBS:
            return None  # "Residents are expected to return", "He is said to have left": nobody is named as saying it
        subject = agent or _subject(verb)
        if subject is not None:
            return _issuer(subject) or subject
        if (unparsed := _inverted_subject(verb) or (_name_before(cue) if verb is cue else None)) is not None:
            return unparsed
        if (listener := _made_to_act(verb)) is not None:
            return listener
        if verb.dep_ == "acl" and _described_speaks(verb):
            return verb.head
        climbs = ("conj", "xcomp", "advcl", "pcomp", "prep", "acl", "acomp", "advmod", "dobj", "pobj", "attr")
        infinitive = verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        verb = verb.head if (verb.dep_ in climbs or infinitive) and verb.head.i != verb.i else None  # "the first to endorse"
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _subject(verb: Token) -> Token | None:
    """The subject of `verb`; of two (a dateline or a quoted name parsed as a second one: "LONDON (Reuters) - Lind
    said"), the one right after it, else the one nearest before it."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    before = [c for c in subjects if c.i < verb.i]
    if len(subjects) > 1 and (inverted := _phrase_after(verb)) in subjects:
        return inverted  # "The closure of the pier signals “the end,” said Rosa Lind"
    subject = before[-1] if before else next(iter(subjects), None) or _unparsed_subject(verb)
    return _after_dateline(subject) if subject is not None else None


def _unparsed_subject(verb: Token) -> Token | None:
    """A name or a number before a verb with no subject, parsed as a modifier of it ("And Skelly called", "About 4
    in 10 say", "FEC records show"); not a time ("Tuesday, said")."""
    if verb.pos_ != "VERB":
        return None
    return next((c for c in reversed(list(verb.lefts)) if c.dep_ in UNPARSED_SUBJECTS and c.pos_ in ("PROPN", "NOUN", "NUM")
                 and not is_time(c)), None)


def _after_dateline(subject: Token) -> Token:
    """"BERLIN (Reuters) - Rosa Lind said", parsed with the dateline as the subject and the name as its apposition:
    the name after the dash."""
    if not (subject.is_upper and len(subject) > 1 and subject.i == subject.sent.start):
        return subject
    dash = next((c.i for c in subject.children if c.text in DASHES), None)
    name = next((c for c in subject.children if c.dep_ == "appos" and dash is not None and c.i > dash), None)
    return name or subject


def _made_to_act(verb: Token) -> Token | None:
    """The object an infinitive's act falls to ("the win led Priebus to declare" -> Priebus); not a means or a time
    the subject spends ("X used a speech to call for", "Y spent hours reflecting")."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() in MEANS_VERBS:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _clause_of_participle(cue: Token) -> Token | None:
    """The clause a participle set off by a comma tells more of ("X denied the report that a shakeup is coming,
    explaining ...", "Y had a moment that could help him, denouncing ..."): the parser often hangs it on a verb
    inside a complement or relative clause; it belongs to the clause above them."""
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "conj", "xcomp") or cue.head.pos_ not in ("VERB", "AUX") or _is_cue(cue.head):
        return None  # "X said that Y, the source recalled, adding ...": the recalling is the one who adds
    before = cue.i - 1
    while before > cue.sent.start and cue.doc[before].pos_ == "ADV":
        before -= 1
    if cue.doc[before].text != ",":
        return None
    clause = cue.head
    while clause.dep_ in INNER_DEPENDENCIES and clause.head.i != clause.i:
        clause = clause.head
    return clause if clause is not cue.head and clause.i < cue.i else None


def _described_speaks(verb: Token) -> bool:
    """Whether the noun a participle describes speaks ("placards supporting X"), or the name a finite verb was
    misparsed as describing ("Lind, who led the union, named three ferries ...", "two analysts, X and Y, found in
    2014 that ..."); not a thing someone put out or made
    ("X issued a statement saying", "X launched petitions calling for"), whose speaker is found further up."""
    active = verb.tag_ == "VBN" and any(c.dep_ in ("dobj", "oprd", "ccomp") for c in verb.children)
    if verb.tag_ in ("VBD", "VBZ", "VBP") or active:  # a passive participle takes no object nor clause
        return verb.head.pos_ in ("PROPN", "NOUN") and verb.head.i < verb.i
    made = verb.head.dep_ == "dobj" and verb.head.pos_ == "NOUN" and not verb.head.ent_type_
    return verb.tag_ == "VBG" and verb.head.lemma_.lower() not in CHANNEL_NOUNS and not made


def _issuer(relative: Token) -> Token | None:
    """Who put out the statement, ad or post that a relative clause has speaking: "X released a statement that
    accused ..." -> X; not "X attacked a story that claimed ...", where the story speaks."""
    channel = relative.head.head
    if relative.tag_ not in ("WDT", "WP") or relative.head.dep_ != "relcl" or channel.lemma_.lower() not in PUBLISHED_NOUNS:
        return None
    issued = channel.dep_ == "dobj" and channel.head.lemma_.lower() in ISSUING_VERBS
    return _speaker_token(channel.head) if issued else None


def _time_right_before_cue(token: Token) -> bool:
    """A word of a time, or its preposition, standing between a speaker and the cue ("Lind over the weekend denied")."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return is_time(token) or token.pos_ == "ADP" and following is not None and is_time(following)


def _name_before(cue: Token) -> Token | None:
    """"Senator Rosa Lind, the minority leader, said" parsed without a subject: the noun right before the
    cue (past a time right before it, then commas and adverbs: "Lind over the weekend denied"; a surname the tagger
    took for a verb too), or the name its apposition, closed by a comma, describes."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.dep_ == "conj":  # a conjunct shares its head's subject
        return None
    i = cue.i - 1
    while i >= cue.sent.start and _time_right_before_cue(cue.doc[i]):
        i -= 1
    while i >= cue.sent.start and (cue.doc[i].text == "," or cue.doc[i].pos_ == "ADV"):
        i -= 1
    word = cue.doc[i] if i >= cue.sent.start else None
    opening = word is not None and word.i == word.sent.start
    if word is None or word.pos_ not in ("NOUN", "PROPN", "PRON") and not (opening and taken_for_a_verb(word)):
        return None
    closed = any(t.text == "," for t in cue.doc[word.i + 1 : cue.i])  # "Reid, the minority leader, said"; not "X, the leader said"
    while word.dep_ == "compound" and word.head.i == word.i + 1 or word.dep_ == "appos" and closed:
        word = word.head
    return word


def _inverted_subject(cue: Token) -> Token | None:
    """"..., said Skelly," where the parser took the name after the cue for something else than a subject (even of a
    clause below the cue: "said Okafor, half joking"); not the
    object of a verb joined to another (", called her “third-rate”"), whose subject is its head's."""
    after_quote = cue.i > 0 and cue.doc[cue.i - 1].text in (",", "”", '"', "''")
    if not (_is_cue(cue) and cue.tag_ in ("VBD", "VBZ", "VBP") and after_quote) or cue.dep_ == "conj":
        return None
    after = _phrase_after(cue)
    return after if after is not None and cue.is_ancestor(after) and after.pos_ != "PRON" else None


def _colon_speaker(colon: Token) -> Token:
    """Who speaks in "Kerry: “...”" or a headline "CNN President on Trump: ‘...’": the first name or noun."""
    doc = colon.doc
    begin = colon.i
    while begin > 0 and "\n" not in doc[begin - 1].text and doc[begin - 1].text not in ".!?":
        begin -= 1
    lead = _after_dash(doc[begin : colon.i])
    subject = next((t for t in lead if t.dep_ == "nsubj" and t.head.pos_ == "VERB" and t.head.i in range(lead.start, colon.i)), None)
    if subject is not None:  # "Kasich resisted: ...", "Lind delivered a blunt message to the board: ..."
        return subject
    cut = next((t.i for t in lead if t.pos_ == "ADP" and t.i > lead.start), colon.i)
    nouns = [t for t in doc[lead.start : cut] if t.pos_ in ("PROPN", "NOUN")]
    return nouns[-1] if nouns else doc[colon.i - 1]


def _after_dash(lead: SpacySpan) -> SpacySpan:
    """The words after the last dash set off by spaces ("Pollsters agree - Rosa Lind"), else all of `lead`."""
    dashes = [t.i for t in lead if t.text in DASHES and t.i > lead.start and t.whitespace_ and lead.doc[t.i - 1].whitespace_]
    return lead.doc[dashes[-1] + 1 : lead.end] if dashes and dashes[-1] + 1 < lead.end else lead


def _attribute(
    doc: Doc, text: str, item: _Found, quote_id: str, article_id: str, resolver: SpeakerResolver, previous: Quote | None
) -> Quote:
    span = lambda s, e: Span(article_id=article_id, start=s, end=e)  # noqa: E731
    fields: dict = {}
    if item.speaker is not None:
        mention, entity = resolver.speaker(item.speaker)
        fields.update(
            speaker_mention=mention.text, speaker_span=span(mention.start_char, mention.end_char),
            speaker_key=entity.key if entity else None, speaker_name=entity.name if entity else None,
        )
    elif item.kind == "direct":
        named = _named_before(doc, item, resolver)
        if previous is not None and _continues(text, previous, item) and not _someone_else(named, previous):
            fields.update({k: getattr(previous, k) for k in ("speaker_mention", "speaker_span", "speaker_key", "speaker_name", "channel", "channel_span")})
        elif named is not None:
            entity, mention = named
            fields.update(speaker_mention=mention.text, speaker_span=span(mention.start_char, mention.end_char),
                          speaker_key=entity.key, speaker_name=entity.name)
    if item.cue is not None:
        cue = doc[item.cue.i : item.cue.i + 2] if item.cue.lower_ == "according" else doc[item.cue.i : item.cue.i + 1]
        fields.update(cue=cue.text, cue_span=span(cue.start_char, cue.end_char))
        channel = _channel(item.cue)
        if channel is not None:
            name, where = channel
            fields.update(channel=name, channel_span=span(where.start_char, where.end_char))
    return Quote(id=quote_id, kind=item.kind, span=span(item.start, item.end), text=item.text, **fields)


def _continues(text: str, previous: Quote, item: _Found) -> bool:
    """A quote with no cue after another one goes on in the same voice: in the same paragraph, or close by
    in the next."""
    between = text[previous.span.end : item.start]
    return "\n" not in between or between.count("\n\n") <= 1 and len(between.split()) <= CONTINUATION_WORDS


def _someone_else(named: tuple[LocalEntity, SpacySpan] | None, previous: Quote) -> bool:
    """Whether the person named as a subject before a quote is another than the last speaker, named after the last
    quote ("“...,” Okafor said. Birch disagreed. “...”")."""
    return named is not None and named[0].key != previous.speaker_key and named[1].start_char >= previous.span.end


def _named_before(doc: Doc, item: _Found, resolver: SpeakerResolver) -> tuple[LocalEntity, SpacySpan] | None:
    """A quote with no cue nor voice to continue: the person last named as a subject before it, in its sentence or
    the one before, speaks."""
    first = doc.char_span(item.start, item.start + 1, alignment_mode="expand")
    return resolver.subject_before(first) if first is not None else None


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
