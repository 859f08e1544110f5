"""Extract: what one article says, read from its one spaCy parse."""

from __future__ import annotations

from newsprism.extract.claims import extract_claims
from newsprism.extract.entities import extract_entities
from newsprism.extract.events import extract_events
from newsprism.extract.loaded import find_loaded_words
from newsprism.extract.quantities import extract_quantities
from newsprism.extract.quotes import extract_quotes
from newsprism.extract.sentences import classify_sentences
from newsprism.extract.timex import extract_times
from newsprism.models import AnnotatedArticle, ArticleFacts


def extract_article(annotated: AnnotatedArticle) -> ArticleFacts:
    """Entities, quotes, sentence voice, loaded words, numbers, dates, events and claims of one article."""
    doc, article = annotated.doc, annotated.article
    article_id = article.id
    entities = extract_entities(doc, article_id)
    quotes = extract_quotes(doc, article_id, entities)
    sentences = classify_sentences(doc, article_id, quotes)
    times = extract_times(doc, article_id, article.published)
    quantities = extract_quantities(doc, article_id)
    return ArticleFacts(
        article_id=article_id,
        sentences=sentences,
        entities=entities,
        quotes=quotes,
        claims=extract_claims(doc, article_id, sentences, entities, quotes, quantities, times),
        events=extract_events(doc, article_id, times),
        loaded_words=find_loaded_words(doc, article_id, quotes),
    )
