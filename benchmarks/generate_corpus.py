"""A large JSONL corpus for the corpus-mode benchmarks: the real articles of ../shared/data/ topped up
with generated stories, wire copies, near-duplicates, exact duplicates, other languages and broken lines.

    .venv/bin/python benchmarks/generate_corpus.py --size 10000 --out /tmp/corpus-10k.jsonl

Generated stories are fictional events (a fire, a strike, a flood ...) in invented towns with invented
people, each told by two to six outlets that pick different facts, numbers and quotes. The real articles
are read from ../shared/ at run time and written only to the output file (never into the repository).
With `--labels FILE` the story of every generated line is written beside it (one JSON object a line).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SYLLABLES = "mar low bay ridge ton ash ford ley wick ham dale port brook field stone haven mill cross wood".split()
FIRST = "Anna Ben Clara David Elena Farid Grace Hugo Ines Jonas Kira Liam Maya Noor Oscar Petra Rafael Sara Tomas Vera".split()
LAST = "Reyes Okafor Lind Brandt Novak Haddad Moreau Silva Kowalski Nakamura Osei Larsen Costa Ibrahim Weber Park".split()
OUTLETS = "Ledger Courier Gazette Herald Tribune Observer Sentinel Chronicle Post Beacon Dispatch Record".split()
EVENTS = {
    "fire": ("A fire broke out at {org}'s warehouse in {town}", "firefighters", "homes were evacuated", "people were treated for smoke"),
    "strike": ("Workers at {org} in {town} walked out in a dispute over pay", "union members", "shifts were cancelled", "workers joined the picket"),
    "flood": ("The river burst its banks in {town} after days of rain", "rescue crews", "homes were flooded", "residents were moved to shelters"),
    "collapse": ("Part of the old bridge in {town} collapsed into the river", "engineers", "cars were diverted", "people were injured"),
    "protest": ("Residents of {town} marched against the plans of {org}", "protesters", "streets were closed", "people were arrested"),
    "closure": ("{org} announced it will close its plant in {town}", "employees", "jobs will be lost", "suppliers were told"),
}
OTHER_LANGUAGE = [
    "El incendio en el almacén obligó a evacuar cientos de viviendas durante la noche del miércoles.",
    "Der Bürgermeister sagte, die Untersuchung werde Wochen dauern und alle Verantwortlichen benennen.",
]


def town(rng: random.Random) -> str:
    return (rng.choice(SYLLABLES) + rng.choice(SYLLABLES)).title()


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def story(rng: random.Random, number: int) -> list[dict]:
    """One fictional event told by two to six outlets, each with its own facts, numbers and quote."""
    kind = rng.choice(sorted(EVENTS))
    lead, actors, consequence, harm = EVENTS[kind]
    place, org = town(rng), f"{rng.choice(LAST)} {rng.choice(['Chemicals', 'Logistics', 'Steel', 'Foods', 'Motors'])}"
    mayor, witness, spokesperson = person(rng), person(rng), person(rng)
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
    count, hurt = rng.randrange(50, 3000), rng.randrange(3, 200)
    reports = []
    for outlet in rng.sample(OUTLETS, rng.randint(2, 6)):
        told = hurt if rng.random() < 0.7 else hurt * rng.randint(2, 5)
        what = lead.format(org=org, town=place)
        sentences = [
            rng.choice([f"{what} on {day:%A}, and {count} {consequence}, officials said.",
                        f"Officials said {count} {consequence} on {day:%A}. {what}.",
                        f"{what}. By {day:%A} evening, about {count} {consequence}, according to the authorities."]),
            rng.choice([f"At least {told} {harm}, according to {mayor}, the mayor of {place}.",
                        f"Mayor {mayor} said {told} {harm}.",
                        f"{told} {harm}, a figure the mayor's office confirmed."]),
            rng.choice([f"{actors.capitalize()} worked through the night.", f"Hundreds of {actors} were involved.",
                        f"The number of {actors} involved was not given."]),
            rng.choice([f"“We will find out what happened and who is responsible,” {mayor} said.",
                        f"{mayor} promised a full inquiry.", f"“Nobody will be left alone with this,” said {mayor}."]),
            rng.choice([f"{org} said in a statement that it was cooperating with the authorities.",
                        f"A spokesperson for {org}, {spokesperson}, declined to comment.",
                        f"{org} has faced criticism in {place} before."]),
            rng.choice([f"“I have never seen anything like it,” said {witness}, who lives nearby.",
                        f"Residents said they had warned the council for years.",
                        f"Critics called the response slow and chaotic."]),
            f"The {outlet} will update this report as more becomes known.",
        ]
        rng.shuffle(sentences[2:6])
        reports.append({
            "text": "\n\n".join(sentences), "title": f"{kind.title()} in {place}", "source": f"The {place} {outlet}",
            "url": f"https://{outlet.lower()}.example/{day:%Y/%m/%d}/{kind}-{place.lower()}-{number}",
            "published": (day + dt.timedelta(days=rng.randint(0, 2))).isoformat(), "_story": f"g{number}",
        })
    return reports


def variants(rng: random.Random, article: dict) -> list[dict]:
    """What a crawl picks up besides an article: a wire copy with a new lead, a near-duplicate, the same page twice."""
    found = []
    roll = rng.random()
    if roll < 0.15:
        found.append({**article, "text": f"{person(rng)} contributed to this report.\n\n" + article["text"] + "\n\nShare this article.",
                      "source": "Wire Republisher", "url": (article.get("url") or "") + "?syndicated"})
    elif roll < 0.25:
        words = article["text"].split(" ")
        cut = rng.randrange(len(words))
        found.append({**article, "text": " ".join(words[:cut] + words[cut + 1 :]), "url": (article.get("url") or "") + "?amp"})
    elif roll < 0.30:
        found.append(dict(article))
    return found


def real_articles() -> list[dict]:
    """The real articles of ../shared/data/ as records, each with its story where the dataset gives one."""
    found = []
    for line in (DATA / "basil" / "stories.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        for a in record.get("articles", []):
            found.append({"text": a["text"], "title": a.get("title"), "source": a.get("source"), "url": a.get("url"),
                          "published": a.get("published"), "_story": f"basil-{record['story_id']}"})
    for line in (DATA / "ecbplus" / "documents.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        found.append({"text": record["text"], "url": record.get("url"), "_story": f"ecb-{record['subtopic']}"})
    for line in (DATA / "polnear" / "articles.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        found.append({"text": record["text"], "title": record.get("title"), "source": record.get("source"),
                      "published": record.get("published"), "_story": f"polnear-{record['id']}"})
    return found


def corpus(size: int, seed: int) -> list[dict | str]:
    """`size` lines: real articles first, then generated stories, with copies, duplicates and bad lines mixed in."""
    rng = random.Random(seed)
    lines: list[dict | str] = []
    pool = real_articles()
    number = 0
    while len(lines) < size:
        batch = [pool.pop(0)] if pool else story(rng, number)
        number += 1
        for article in batch:
            lines += [article, *variants(rng, article)]
        if rng.random() < 0.01:
            lines.append(rng.choice(['{"text": "unterminated', '{"title": "no text"}', '{"text": "   "}']))
        if rng.random() < 0.01:
            lines.append({"text": rng.choice(OTHER_LANGUAGE), "_story": "other-language"})
    return lines[:size]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--labels", type=Path)
    args = parser.parse_args()
    lines = corpus(args.size, args.seed)
    with args.out.open("w", encoding="utf-8") as out:
        for line in lines:
            out.write(line + "\n" if isinstance(line, str) else json.dumps({k: v for k, v in line.items() if not k.startswith("_") and v is not None}) + "\n")
    if args.labels:
        with args.labels.open("w", encoding="utf-8") as out:
            for n, line in enumerate(lines, 1):
                out.write(json.dumps({"line": n, "story": line.get("_story") if isinstance(line, dict) else None}) + "\n")
    print(f"wrote {len(lines)} lines to {args.out}")


if __name__ == "__main__":
    main()
