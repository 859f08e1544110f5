"""Who a speaker mention stands for: a name, a pronoun or a role noun resolved to an article's entity."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from newsprism.extract.names import same_actor
from newsprism.models import LocalEntity

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
MAX_ANTECEDENT_STEPS = 6
# Words of an organisation's name: a name without them that the tagger calls an organisation may be a person's.
ORGANISATION_WORDS = frozenset(
    """times post news agency press party committee department ministry council house university association
    inc corp company group network journal campaign office court senate congress union institute center
    centre foundation bank board commission service channel radio television tv magazine daily""".split()
)


class SpeakerResolver:
    """Resolves speaker mentions in one article, remembering the last speaker for "he added"."""

    def __init__(self, doc: Doc, entities: Sequence[LocalEntity], quoted: Sequence[tuple[int, int]] = ()) -> None:
        """`quoted`: character spans of quoted words, where a name is someone's words, not the narrative."""
        self.doc = doc
        self.text = doc.text
        self.entities = entities
        self.quoted = quoted
        self.last: tuple[LocalEntity, int] | None = None

    def speaker(self, token: Token) -> tuple[SpacySpan, LocalEntity | None]:
        """The words naming a speaker and the entity they stand for. A relative pronoun that names no entity
        is named with the noun phrase its clause describes: "a report that found ..." -> "a report that"."""
        mention = self.mention(token)
        entity = self.resolve(mention)
        if entity is None and _is_relative(mention):
            mention = self.doc[self.mention(token.head.head).start : token.i + 1]
        return mention, entity

    def mention(self, token: Token) -> SpacySpan:
        """The words naming the speaker: a whole name, a noun phrase without its clauses nor a time hung on it
        ("Lind over the weekend"), a pronoun, or a surname the tagger took for a verb (alone, not with the words it
        then governs)."""
        if token.pos_ == "PRON" or taken_for_a_verb(token):
            return self.doc[token.i : token.i + 1]
        cut = {t.i for c in token.children if c.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj") or _is_when(c)
               for t in c.subtree}
        words = [t for t in token.subtree if t.i not in cut]
        start, end = min(t.i for t in words), max(t.i for t in words) + 1
        return self.doc[start:end]

    def resolve(self, mention: SpacySpan) -> LocalEntity | None:
        """The entity a mention stands for; remembered as the last speaker when found."""
        if _is_relative(mention):
            entity = self._by_antecedent(mention.root)
        else:
            entity = (self._by_name(mention) or self._by_apposition(mention) or self._by_pronoun(mention)
                      or self._by_role(mention))
        if entity is not None:
            self.last = (entity, mention.start_char)
        return entity

    def _by_name(self, mention: SpacySpan) -> LocalEntity | None:
        """The entity named by the mention's head word ("Maj. Charlie Dietz", not "supporters of X"). A name the
        tagger took for a common word ("Trump said", tagged as a noun or a verb) is still matched by its spelling."""
        head = mention.root
        start, end = head.idx, head.idx + len(head)
        matches = [e for e in self.entities for m in e.mentions if m.span.start < end and start < m.span.end]
        if not matches and (head.pos_ == "PROPN" or head.is_title and head.pos_ != "PRON"):
            matches = [e for e in self.entities if same_actor(mention.text, e.name, person=True)]
        return min(matches, key=lambda e: (e.label != "PERSON", e.key)) if matches else None

    def _by_apposition(self, mention: SpacySpan) -> LocalEntity | None:
        """"the mayor, Rosa Lind," -> the entity the apposition names."""
        names = [c for c in mention.root.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        return self._by_name(self.doc[names[0].i : names[0].i + 1]) if names else None

    def _by_antecedent(self, pronoun: Token) -> LocalEntity | None:
        """"Diana Orrock, a committeewoman from Nevada who ..." -> Diana Orrock: up from the clause's noun
        through prepositions and appositions to the first person named, else the first entity named."""
        found: list[LocalEntity] = []
        owner = pronoun.head.head
        for _ in range(MAX_ANTECEDENT_STEPS):
            entity = self._by_name(self.doc[owner.i : owner.i + 1]) or self._by_apposition(self.doc[owner.i : owner.i + 1])
            if entity is not None and entity.label == "PERSON":
                return entity
            found += [entity] if entity is not None else []
            if owner.dep_ not in ("pobj", "prep", "appos", "compound", "conj") or owner.head.i == owner.i:
                break
            owner = owner.head
        return found[0] if found else None

    def _by_pronoun(self, mention: SpacySpan) -> LocalEntity | None:
        """"he" / "she": the person last named as a subject, else the last speaker nearby, else the last person
        named. "they" and "it" are left unresolved: checked by hand they named the wrong group too often."""
        if len(mention) != 1 or mention.root.lower_ not in PERSON_PRONOUNS:
            return None
        subject = self.subject_before(mention)
        if subject is not None:
            return subject[0]
        if self.last is not None and _could_be_person(self.last[0]) and self._near(self.last[1], mention.start_char):
            return self.last[0]
        return self._latest_before(mention.start_char, lambda e: e.label == "PERSON")

    def subject_before(self, words: SpacySpan) -> tuple[LocalEntity, SpacySpan] | None:
        """The person last named as a subject (or a subject's owner) earlier in this sentence or the one before,
        with the words naming them."""
        sentence = words[0].sent
        earlier = list(reversed(self.doc[sentence.start : words.start]))
        if sentence.start > 0:  # the sentence before: its main subject first, then the others, last first
            before = self.doc[sentence.start - 1].sent
            earlier += sorted(before, key=lambda t: (t.head != before.root, -t.i))
        for token in earlier:
            if any(s <= token.idx < e for s, e in self.quoted):
                continue
            if token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass"):
                word = self.doc[token.i : token.i + 1]
                entity = self._by_name(word) or self._by_apposition(word)
                if entity is not None and _could_be_person(entity):
                    return entity, self.mention(token)
        return None

    def _by_role(self, mention: SpacySpan) -> LocalEntity | None:
        head = mention.root
        if head.pos_ not in ("NOUN", "PROPN") or not head.is_lower or mention[0].lower_ not in ("the", "this", "that"):
            return None
        role = head.lemma_.lower()
        return self._latest_before(
            mention.start_char,
            lambda e: any(role in d.text.lower() for d in e.descriptors) or any(role in m.text.lower() for m in e.mentions),
        )

    def _latest_before(self, offset: int, accept) -> LocalEntity | None:
        best: tuple[int, LocalEntity] | None = None
        for entity in self.entities:
            if not accept(entity):
                continue
            before = [m.span.start for m in entity.mentions if m.span.start < offset]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), entity)
        return best[1] if best else None

    def _near(self, earlier: int, later: int) -> bool:
        """Within the last few paragraphs: a pronoun rarely reaches further back."""
        return self.text.count("\n\n", earlier, later) <= 2


def _is_relative(mention: SpacySpan) -> bool:
    """"who" / "which" / "that" opening a relative clause."""
    return len(mention) == 1 and mention.root.tag_ in ("WP", "WDT") and mention.root.head.dep_ == "relcl"


def _could_be_person(entity: LocalEntity) -> bool:
    """A person, or a name the tagger took for an organisation that reads like a person's ("Nadia Okafor")."""
    if entity.label == "PERSON":
        return True
    words = entity.name.split()
    return (entity.label == "ORG" and 1 < len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words)
            and not any(w.casefold().strip(".,") in ORGANISATION_WORDS for w in words))


def taken_for_a_verb(token: Token) -> bool:
    """A capitalised word the tagger read as a verb: a surname ("Lind over the weekend denied"), not a participle
    opening a name ("Playing Field Promotions")."""
    return token.pos_ == "VERB" and token.is_title and token.tag_ != "VBG"


def is_time(token: Token) -> bool:
    """A word inside a date or time entity."""
    return token.ent_type_ in ("DATE", "TIME")


def _is_when(child: Token) -> bool:
    """A time phrase hung on a word: "over the weekend", "on Monday"."""
    return child.dep_ == "npadvmod" and is_time(child) or child.dep_ == "prep" and any(
        g.dep_ == "pobj" and is_time(g) for g in child.children)
