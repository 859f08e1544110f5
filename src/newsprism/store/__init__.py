"""The corpus database (SQLAlchemy): SQLite in a file by default, PostgreSQL with a postgresql:// URL.

Tables: `articles` (the cleaned article, its extracted facts, the vectors of its claims and events (empty
until a report of two or more articles made them), story features, copy signature, story and copy-of link), `places` (every input position an article was read from;
exact duplicates add a place, not an article), `failures` (input, position, reason), `reports` (story reports, cached). A batch is
written in one transaction, so a run killed at any moment leaves whole batches only, and a place is
never stored twice.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from pydantic import ValidationError
from sqlalchemy import (
    URL, Column, Connection, Engine, Float, Integer, LargeBinary, MetaData, String, Table, Text, bindparam,
    create_engine, func, inspect, make_url, select,
)
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from newsprism.errors import DatabaseError, first_line
from newsprism.models import Article, ArticleFacts, CopyLink, Place, StoryFeatures, StoryReport, Unreadable

metadata = MetaData()
articles = Table(
    "articles", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("text_key", String(64), nullable=False, unique=True),
    Column("story_id", String(80), nullable=False, index=True),
    Column("copy_of", String(64)),
    Column("resemblance", Float),
    Column("containment", Float),
    Column("article", Text, nullable=False),
    Column("facts", Text, nullable=False),
    Column("claim_vectors", LargeBinary, nullable=False),
    Column("features", Text, nullable=False),
    Column("signature", LargeBinary, nullable=False),
)
places = Table(
    "places", metadata,
    Column("input", Text, primary_key=True),
    Column("position", String(40), primary_key=True),
    Column("article_id", String(64), nullable=False, index=True),
)
failures = Table(
    "failures", metadata,
    Column("input", Text, primary_key=True),
    Column("position", String(40), primary_key=True),
    Column("reason", Text, nullable=False),
)
merges = Table(
    "merges", metadata,
    Column("story_id", String(80), primary_key=True),  # a story merged into another
    Column("kept_id", String(80), nullable=False, index=True),  # the story its articles are in now
)
reports = Table(
    "reports", metadata,
    Column("story_id", String(80), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("headline", Text, nullable=False),
    Column("report", Text, nullable=False),
)


@dataclass(frozen=True)
class Stored:
    """One new article as the corpus keeps it."""

    place: Place
    article: Article
    facts_json: str  # ArticleFacts.model_dump_json()
    features: StoryFeatures
    text_key: str
    signature: bytes
    story_id: str
    copy: CopyLink | None


class Store:
    """The database of one corpus."""

    def __init__(self, url: str, create: bool = True) -> None:
        """Open the database at `url`, making its tables unless `create` is false: then it must hold a corpus."""
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise DatabaseError(f"{url}: not a database URL (sqlite:///FILE or postgresql+psycopg://USER@HOST/DB)") from None
        self.shown = shown = parsed.render_as_string(hide_password=True)
        if not create and not _may_hold_corpus(parsed):
            raise DatabaseError(f"{shown}: no such database file")
        try:
            self.engine: Engine = create_engine(url, future=True)
            if create:
                metadata.create_all(self.engine)
            elif not inspect(self.engine).has_table(articles.name):
                raise DatabaseError(f"{shown}: holds no corpus (run `newsprism corpus ingest` into it first)")
            self._records_merges = create or inspect(self.engine).has_table(merges.name)
            if _made_by_older_newsprism(self.engine):
                raise DatabaseError(f"{shown}: made by an older newsprism, which did not store claim vectors; ingest "
                                    "into a new database")
        except (SQLAlchemyError, ImportError) as error:
            raise DatabaseError(f"{shown}: cannot be opened ({first_line(error)})") from None

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """One transaction; a database that fails under it (disk full, locked, server gone) is named."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise DatabaseError(f"{self.shown}: cannot be written ({first_line(error)}); what was stored before is "
                                "kept") from None

    def done_places(self) -> set[tuple[str, str]]:
        """Every (input, position) already stored or recorded as a failure."""
        with self.engine.connect() as db:
            found = db.execute(select(places.c.input, places.c.position)).all()
            found += db.execute(select(failures.c.input, failures.c.position)).all()
        return {(i, p) for i, p in found}

    def keys(self) -> dict[str, str]:
        """Exact-duplicate key -> article id, for every stored article."""
        with self.engine.connect() as db:
            return dict(db.execute(select(articles.c.text_key, articles.c.id)).all())

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        with self.engine.connect() as db:
            yield from db.execute(select(articles.c.id, articles.c.signature).order_by(articles.c.seq))

    def story_features(self) -> Iterator[tuple[StoryFeatures, str]]:
        with self.engine.connect() as db:
            for features, story_id in db.execute(select(articles.c.features, articles.c.story_id).order_by(articles.c.seq)):
                try:
                    parsed = StoryFeatures.model_validate_json(features)
                except ValidationError:
                    raise DatabaseError(f"{self.shown}: its stories were grouped by an older newsprism, from other "
                                        "features of each article; ingest into a new database") from None
                yield parsed, story_id

    def write_batch(
        self, stored: Iterable[Stored], duplicates: Iterable[tuple[Place, str]], failed: Iterable[Unreadable],
        retried: Sequence[Place] = (), merged: dict[str, str] | None = None, moved: dict[str, str] | None = None,
    ) -> None:
        """New articles, the places of exact duplicates, and failures: all or nothing. The earlier failures of the
        `retried` places are replaced by what they gave this time; the articles of `merged` stories (id -> the story
        it was merged into) move to that story, their reports are dropped, and their ids lead to it from then on.
        The `moved` articles (id -> story), which a split took out of their story, go to their new story, and the
        reports of the stories they left are dropped."""
        stored = list(stored)
        with self._writing() as db:
            if merged:
                pairs = [{"gone": g, "kept": k} for g, k in merged.items()]
                move = articles.update().where(articles.c.story_id == bindparam("gone")).values(story_id=bindparam("kept"))
                db.execute(move, pairs)
                db.execute(reports.delete().where(reports.c.story_id.in_(list(merged))))
                follow = merges.update().where(merges.c.kept_id == bindparam("gone")).values(kept_id=bindparam("kept"))
                db.execute(follow, pairs)
                db.execute(merges.insert(), [{"story_id": g, "kept_id": k} for g, k in merged.items()])
            if moved:
                left = select(articles.c.story_id).where(articles.c.id.in_(list(moved))).distinct()
                db.execute(reports.delete().where(reports.c.story_id.in_(left)))
                move = articles.update().where(articles.c.id == bindparam("moved_id")).values(story_id=bindparam("into"))
                db.execute(move, [{"moved_id": a, "into": s} for a, s in moved.items()])
            if retried:
                forget = failures.delete().where(failures.c.input == bindparam("i"), failures.c.position == bindparam("p"))
                db.execute(forget, [{"i": p.input, "p": p.position} for p in retried])
            if stored:
                db.execute(articles.insert(), [_article_row(s) for s in stored])
            rows = [{"input": s.place.input, "position": s.place.position, "article_id": s.article.id} for s in stored]
            rows += [{"input": p.input, "position": p.position, "article_id": a} for p, a in duplicates]
            if rows:
                db.execute(places.insert(), rows)
            failures_rows = [{"input": f.place.input, "position": f.place.position, "reason": f.reason} for f in failed]
            if failures_rows:
                db.execute(failures.insert(), failures_rows)

    def merged_into(self, story_id: str) -> str | None:
        """The story a story merged into another is part of now; None for any other id (and in a database stored
        before merges were recorded)."""
        if not self._records_merges:
            return None
        with self.engine.connect() as db:
            return db.execute(select(merges.c.kept_id).where(merges.c.story_id == story_id)).scalar()

    def story_ids(self) -> list[tuple[str, int]]:
        """Every story with its size, largest first."""
        with self.engine.connect() as db:
            rows = db.execute(select(articles.c.story_id, func.count()).group_by(articles.c.story_id)).all()
        return sorted(((s, n) for s, n in rows), key=lambda r: (-r[1], r[0]))

    def articles_of(self, story_id: str) -> list[Article]:
        """The articles of one story without their facts, in the order they were stored."""
        query = select(articles.c.article).where(articles.c.story_id == story_id).order_by(articles.c.seq)
        with self.engine.connect() as db:
            return [Article.model_validate_json(a) for (a,) in db.execute(query)]

    def story_rows(self, story_id: str) -> list[tuple[str, str, bytes]]:
        """The articles of one story as stored (article and facts JSON, claim vectors), in the order they were stored:
        cheap to send to a worker, which reads them."""
        query = (select(articles.c.article, articles.c.facts, articles.c.claim_vectors)
                 .where(articles.c.story_id == story_id).order_by(articles.c.seq))
        with self.engine.connect() as db:
            return [(a, f, v) for a, f, v in db.execute(query).all()]

    def cached_report(self, story_id: str) -> tuple[int, str, StoryReport] | None:
        with self.engine.connect() as db:
            row = db.execute(select(reports.c.size, reports.c.headline, reports.c.report).where(reports.c.story_id == story_id)).first()
        return (row[0], row[1], StoryReport.model_validate_json(row[2])) if row else None

    def reported(self) -> dict[str, tuple[int, str]]:
        """Story id -> the size its cached report was made at, and its headline (the reports left unread)."""
        with self.engine.connect() as db:
            return {s: (n, h) for s, n, h in db.execute(select(reports.c.story_id, reports.c.size, reports.c.headline))}

    def cache_reports(self, made: Sequence[tuple[str, int, str, str]], vectors: dict[str, bytes]) -> None:
        """Keep stories' reports, in one transaction: (story id, the size the story had, headline,
        `StoryReport.model_dump_json()`) each, with the claim vectors they made (article id -> vectors)."""
        with self._writing() as db:
            db.execute(reports.delete().where(reports.c.story_id.in_([story_id for story_id, *_ in made])))
            db.execute(reports.insert(), [{"story_id": s, "size": n, "headline": h, "report": r} for s, n, h, r in made])
            if vectors:
                keep = articles.update().where(articles.c.id == bindparam("article_id")).values(claim_vectors=bindparam("v"))
                db.execute(keep, [{"article_id": a, "v": v} for a, v in vectors.items()])

    def failure_count(self) -> int:
        with self.engine.connect() as db:
            return db.execute(select(func.count()).select_from(failures)).scalar_one()

    def failures(self) -> list[Unreadable]:
        with self.engine.connect() as db:
            rows = db.execute(select(failures.c.input, failures.c.position, failures.c.reason)).all()
        return [Unreadable(place=Place(input=i, position=p), reason=r) for i, p, r in rows]

    def places_of(self, article_id: str) -> list[Place]:
        with self.engine.connect() as db:
            rows = db.execute(select(places.c.input, places.c.position).where(places.c.article_id == article_id)).all()
        return [Place(input=i, position=p) for i, p in sorted(rows)]

    def copy_links(self) -> list[CopyLink]:
        query = select(articles.c.id, articles.c.copy_of, articles.c.resemblance, articles.c.containment).where(articles.c.copy_of.is_not(None))
        with self.engine.connect() as db:
            rows = db.execute(query).all()
        return [CopyLink(article_id=a, original_id=o, resemblance=r, containment=c) for a, o, r, c in rows]


def _article_row(s: Stored) -> dict:
    return {
        "id": s.article.id, "text_key": s.text_key, "story_id": s.story_id,
        "copy_of": s.copy.original_id if s.copy else None,
        "resemblance": s.copy.resemblance if s.copy else None,
        "containment": s.copy.containment if s.copy else None,
        "article": s.article.model_dump_json(), "facts": s.facts_json, "claim_vectors": b"",
        "features": s.features.model_dump_json(), "signature": s.signature,
    }


def story_members(rows: Sequence[tuple[str, str, bytes]]) -> list[tuple[Article, ArticleFacts]]:
    """The articles and facts of `Store.story_rows`."""
    return [(Article.model_validate_json(a), ArticleFacts.model_validate_json(f)) for a, f, _ in rows]


def _made_by_older_newsprism(engine: Engine) -> bool:
    """Whether the database holds an articles table without the claim vectors newsprism now stores."""
    inspector = inspect(engine)
    return inspector.has_table(articles.name) and "claim_vectors" not in {c["name"] for c in inspector.get_columns(articles.name)}


def _may_hold_corpus(url: URL) -> bool:
    """False for an SQLite file that does not exist (opening it would make an empty one); true otherwise."""
    database = url.database or ""
    return url.get_backend_name() != "sqlite" or database in ("", ":memory:") or Path(database).exists()
