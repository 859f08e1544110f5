"""Who a speaker mention stands for: a name, a pronoun or a role noun resolved to an article's entity."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from newsprism.extract.names import same_actor
from newsprism.models import LocalEntity

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them", "it"}


class SpeakerResolver:
    """Resolves speaker mentions in one article, remembering the last speaker for "he added"."""

    def __init__(self, doc: Doc, entities: Sequence[LocalEntity]) -> None:
        self.doc = doc
        self.text = doc.text
        self.entities = entities
        self.last: tuple[LocalEntity, int] | None = None

    def mention(self, token: Token) -> SpacySpan:
        """The words naming the speaker: a whole name, a noun phrase without its clauses, or a pronoun."""
        if token.pos_ == "PRON":
            return self.doc[token.i : token.i + 1]
        cut = {t.i for c in token.children if c.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj") for t in c.subtree}
        words = [t for t in token.subtree if t.i not in cut]
        start, end = min(t.i for t in words), max(t.i for t in words) + 1
        return self.doc[start:end]

    def resolve(self, mention: SpacySpan) -> LocalEntity | None:
        """The entity a mention stands for; remembered as the last speaker when found."""
        mention = _antecedent(mention)
        entity = (self._by_name(mention) or self._by_apposition(mention) or self._by_pronoun(mention)
                  or self._by_role(mention))
        if entity is not None:
            self.last = (entity, mention.start_char)
        return entity

    def _by_name(self, mention: SpacySpan) -> LocalEntity | None:
        """The entity named by the mention's head word ("Maj. Charlie Dietz", not "supporters of X")."""
        head = mention.root
        start, end = head.idx, head.idx + len(head)
        matches = [e for e in self.entities for m in e.mentions if m.span.start < end and start < m.span.end]
        if not matches and head.pos_ == "PROPN":
            matches = [e for e in self.entities if same_actor(mention.text, e.name, person=True)]
        return min(matches, key=lambda e: (e.label != "PERSON", e.key)) if matches else None

    def _by_apposition(self, mention: SpacySpan) -> LocalEntity | None:
        """"the mayor, Rosa Lind," -> the entity the apposition names."""
        names = [c for c in mention.root.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        return self._by_name(self.doc[names[0].i : names[0].i + 1]) if names else None

    def _by_pronoun(self, mention: SpacySpan) -> LocalEntity | None:
        word = mention.root.lower_
        if len(mention) != 1 or word not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return None
        wanted = {"PERSON"} if word in PERSON_PRONOUNS else {"ORG", "NORP", "GPE"}
        speaker_fits = self.last is not None and (self.last[0].label in wanted or word in PERSON_PRONOUNS)
        if speaker_fits and self._near(self.last[1], mention.start_char):
            return self.last[0]
        return self._latest_before(mention.start_char, lambda e: e.label in wanted)

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


def _antecedent(mention: SpacySpan) -> SpacySpan:
    """What a relative pronoun stands for: "Mr. Domenech, who supports Trump" -> "Mr. Domenech"."""
    root = mention.root
    if len(mention) == 1 and root.tag_ in ("WP", "WDT") and root.head.dep_ == "relcl":
        owner = root.head.head
        return owner.doc[owner.i : owner.i + 1]
    return mention
