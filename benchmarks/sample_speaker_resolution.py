"""A seeded sample of quotes whose speaker is a pronoun or a role noun, to check their resolution by hand.

    .venv/bin/python benchmarks/sample_speaker_resolution.py [--size 50] [--seed 7]

For each sampled quote it prints the text before the quote (back to two paragraphs), the speaker mention and
the entity newsprism resolved it to. A reader marks each resolution right or wrong; the tally goes to
benchmarks/RESULTS.md. Articles come from ../shared/data/polnear/ (read at run time, never copied here).
"""

from __future__ import annotations

import argparse
import random

from eval_quotes_polnear import load

PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "who", "that", "which"}


def indirect(quote) -> bool:
    """A speaker named by a pronoun or a role ("the senator"), not by a name."""
    words = (quote.speaker_mention or "").split()
    if len(words) == 1:
        return words[0].casefold() in PRONOUNS
    return len(words) > 1 and words[0] in ("the", "a", "an") and words[-1].islower()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    from newsprism.annotate import Parser, load_pipeline
    from newsprism.extract.entities import extract_entities
    from newsprism.extract.quotes import extract_quotes

    text_parser = Parser(load_pipeline())
    articles = load()
    random.Random(args.seed).shuffle(articles)
    shown = resolved = 0
    for article in articles:
        if shown == args.size:
            break
        (doc,) = text_parser.parse([article["text"]])
        candidates = [q for q in extract_quotes(doc, "a", extract_entities(doc, "a")) if indirect(q)]
        if not candidates:
            continue
        quote = random.Random(article["id"]).choice(candidates)
        shown += 1
        resolved += quote.speaker_name is not None
        start = article["text"].rfind("\n\n", 0, article["text"].rfind("\n\n", 0, quote.span.start))
        context = " ".join(article["text"][max(start, 0) : quote.span.end].split())
        print(f"[{shown}] {article['id']}\n  ...{context[-700:]}\n  mention: {quote.speaker_mention!r} -> {quote.speaker_name!r}\n")
    print(f"{shown} sampled, {resolved} resolved to an entity")


if __name__ == "__main__":
    main()
