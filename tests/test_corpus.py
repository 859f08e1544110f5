"""Corpus mode: ingest with bad items, duplicates, copies and an article whose analysis fails; stories and
their reports; resume after kill -9 or Ctrl-C; the same result on PostgreSQL, with two Dask workers and on an
existing Dask scheduler."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import psutil
import pytest
import sqlalchemy as sa

from newsprism.corpus import (
    ARTICLES_A_TASK, HEADLINE_CHARS, Corpus, ReportFailed, UnknownStory, _headline, _in_file_order, _report_tasks,
)
from newsprism.demo import demo_paths
from newsprism.errors import DatabaseError
from newsprism.models import SummarySentence
from newsprism.report.view import few_outlets

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
FLOOD = [
    ("River Tamsin floods Oakridge", "Oakridge Courier",
     "The River Tamsin burst its banks in Oakridge on Sunday, flooding 300 homes, the county council said. "
     "Mayor Ingrid Sorensen said emergency shelters had opened at two schools.\n\n"
     "“We have never seen the water this high,” Sorensen said. Rescue crews pulled 14 people from cars."),
    ("Oakridge under water", "Valley News",
     "Floodwater from the Tamsin swamped about 300 houses in Oakridge on Sunday. Mayor Ingrid Sorensen opened "
     "two school gyms as shelters.\n\n"
     "Firefighters rescued 14 drivers trapped by the rising river, the fire service said."),
]
OTHER_LANGUAGE = "El río Tamsin se desbordó el domingo e inundó trescientas casas en Oakridge, según el consejo del condado."


def _write_inputs(folder: Path) -> list[str]:
    """The demo story (a directory of JSON files) and a JSONL file with a flood story, a duplicate, a wire
    copy, an article in another language, an empty one and a broken line."""
    demo = folder / "demo"
    demo.mkdir()
    for path in demo_paths():
        (demo / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    first = json.loads(demo_paths()[0].read_text(encoding="utf-8"))
    lines = [json.dumps({"title": t, "source": s, "text": x, "published": "2026-04-05"}) for t, s, x in FLOOD]
    lines += [
        json.dumps({"text": first["text"], "source": "Mirror Site"}),
        json.dumps({"text": "Reporting by the Harbor Ledger wire desk.\n\n" + first["text"], "source": "Wire Reprint"}),
        json.dumps({"text": OTHER_LANGUAGE}),
        json.dumps({"text": "   "}),
        '{"text": "never closed',
    ]
    feed = folder / "more.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(demo), str(feed)]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    return _write_inputs(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="module")
def sqlite_corpus(tmp_path_factory, inputs):
    corpus = Corpus(f"sqlite:///{tmp_path_factory.mktemp('db') / 'corpus.db'}")
    return corpus, corpus.ingest(inputs, batch=3)


def _stories(corpus: Corpus) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(s.article_ids)) for s in corpus.stories())


def _report_sizes(corpus: Corpus) -> dict[str, int]:
    """Story id -> the size its stored report was made at."""
    return {story_id: size for story_id, (size, _) in corpus.store.reported().items()}


def test_corpus_ingest_counts_duplicates_copies_and_failures(sqlite_corpus):
    corpus, summary = sqlite_corpus
    assert (summary.read, summary.stored, summary.duplicates, summary.failures) == (10, 6, 1, 3)
    assert summary.copies >= 1 and summary.stories == 2
    reasons = [(f.place.position, f.reason) for f in corpus.failures()]
    assert [p for p, _ in reasons] == ["line 5", "line 6", "line 7"]
    assert "not English" in reasons[0][1] and "non-empty" in reasons[1][1] and "malformed JSON" in reasons[2][1]


def test_corpus_headline_is_a_summary_sentence_that_stands_on_its_own(sqlite_corpus):
    corpus, _ = sqlite_corpus
    report = corpus.story(corpus.stories()[0].id)
    titled = report.articles[0].model_copy(update={"title": "Dock workers strike at Port Kelby"})

    def headline(sentences: list[str], article=titled) -> str:
        summary = tuple(SummarySentence(text=text, claim_group=f"g{n}", spans=()) for n, text in enumerate(sentences))
        return _headline(report.model_copy(update={"summary": summary, "articles": (article,)}))

    assert headline(["They blocked the gate for six hours.", "Dock workers walked out on Monday."]) == \
        "Dock workers walked out on Monday."
    assert headline(["They blocked the gate for six hours."]) == "Dock workers strike at Port Kelby"
    assert headline(["They blocked the gate for six hours."], titled.model_copy(update={"title": None})) == \
        "They blocked the gate for six hours."
    long_opening = "Dock workers walked out at Port Kelby on Monday, " + "and cranes stood idle at every berth, " * 5
    cut = headline([], titled.model_copy(update={"title": None, "text": long_opening}))
    assert cut.endswith(" …") and long_opening.startswith(cut[:-1]) and len(cut) <= HEADLINE_CHARS


def test_corpus_failures_are_listed_in_file_order():
    positions = ["line 10", "record 2", "line 9", "", "line 100"]
    assert sorted(positions, key=_in_file_order) == ["", "line 9", "line 10", "line 100", "record 2"]


def test_corpus_keeps_every_place_of_a_duplicate(sqlite_corpus):
    corpus, _ = sqlite_corpus
    demo_story = max(corpus.stories(), key=lambda s: len(s.article_ids))
    places = [corpus.store.places_of(a) for a in demo_story.article_ids]
    assert any(len(p) == 2 and {q.position for q in p} == {"", "line 3"} for p in places)


def test_corpus_stories_and_their_reports(sqlite_corpus):
    corpus, _ = sqlite_corpus
    demo_story, flood = sorted(corpus.stories(), key=lambda s: -len(s.article_ids))
    assert len(demo_story.article_ids) == 4 and "Wire Reprint" in demo_story.outlets
    assert len(flood.article_ids) == 2 and flood.first == flood.last and flood.headline
    report = corpus.story(demo_story.id)
    assert {a.id for a in report.articles} == set(demo_story.article_ids)
    copy = next(link for link in corpus.store.copy_links())
    both = [g for g in report.claims if {copy.article_id, copy.original_id} <= set(g.article_ids)]
    assert both and all(g.independent_sources < len(g.article_ids) for g in both)
    with pytest.raises(UnknownStory):
        corpus.story("s-missing")


def test_an_article_whose_analysis_raises_is_recorded_and_the_rest_of_its_batch_stored(tmp_path, monkeypatch):
    """A fault on an input nobody foresaw is injected (a real one would be fixed): it must cost one article."""
    from newsprism.corpus import analyse

    extract = analyse.extract_article

    def failing_on_the_second(annotated):
        if "Floodwater from the Tamsin" in annotated.article.text:
            raise ValueError("an unforeseen sentence")
        return extract(annotated)

    monkeypatch.setattr(analyse, "extract_article", failing_on_the_second)
    source = tmp_path / "floods.jsonl"
    source.write_text("".join(json.dumps({"title": t, "source": o, "text": x}) + "\n" for t, o, x in FLOOD * 2), encoding="utf-8")
    corpus = Corpus(f"sqlite:///{tmp_path / 'faults.db'}")
    summary = corpus.ingest([str(source)], batch=4)
    assert (summary.stored, summary.duplicates, summary.failures) == (1, 1, 2)
    assert [(f.place.position, f.reason) for f in corpus.failures()] == [
        (f"line {n}", "analysis failed: ValueError: an unforeseen sentence") for n in (2, 4)
    ]


def test_a_story_whose_report_raises_is_named_found_by_its_title_and_tried_again_by_the_next_run(tmp_path, monkeypatch, inputs):
    """A fault injected into one story's report (a real one would be fixed): the other stories get theirs."""
    import newsprism.corpus as corpus_module

    report = corpus_module.story_report

    def failing_on_the_flood(members):
        if any("Tamsin" in article.text for article, _ in members):
            raise ValueError("an unforeseen story")
        return report(members)

    monkeypatch.setattr(corpus_module, "story_report", failing_on_the_flood)
    corpus = Corpus(f"sqlite:///{tmp_path / 'report-faults.db'}")
    first = corpus.ingest(inputs, batch=3)
    flood = next(s.id for s in corpus.stories() if "Valley News" in s.outlets)
    assert first.unreported == {flood: "ValueError: an unforeseen story"}
    assert set(_report_sizes(corpus)) == {s for s, _ in corpus.store.story_ids()} - {flood}
    with pytest.raises(ReportFailed, match=f"story {flood}: its report failed \\(ValueError: an unforeseen story\\)"):
        corpus.story(flood)
    title = next(s.headline for s in corpus.stories() if s.id == flood)
    assert [s.id for s in corpus.stories(containing=title)] == [flood]
    monkeypatch.setattr(corpus_module, "story_report", report)
    again = corpus.ingest(inputs)
    assert again.unreported == {} and _report_sizes(corpus) == dict(corpus.store.story_ids())


def test_story_reports_are_sent_to_workers_a_few_stories_to_a_task():
    """Small stories share a task (each costs Dask as much as a small report); a large one fills one alone."""
    sizes = [ARTICLES_A_TASK + 5, ARTICLES_A_TASK // 2, ARTICLES_A_TASK // 2, 3, *[1] * ARTICLES_A_TASK]
    stories = [(f"s{n}", size) for n, size in enumerate(sizes)]
    tasks = list(_report_tasks(stories))
    size = dict(stories)
    assert [s for task in tasks for s in task] == [s for s, _ in stories]
    assert [len(task) for task in tasks[:2]] == [1, 2]
    for task in tasks[:-1]:
        assert sum(size[s] for s in task) >= ARTICLES_A_TASK > sum(size[s] for s in task[:-1])
    assert sum(size[s] for s in tasks[-1]) < ARTICLES_A_TASK


def test_failures_are_read_again_when_asked_and_replaced_by_what_they_give(tmp_path):
    source = tmp_path / "floods.jsonl"
    good = [json.dumps({"title": t, "source": o, "text": x}) for t, o, x in FLOOD]
    source.write_text(f'{good[0]}\n{{"title": "cut off\n{{"text": "never closed\n', encoding="utf-8")
    corpus = Corpus(f"sqlite:///{tmp_path / 'retry.db'}")
    assert (corpus.ingest([str(source)]).failures, len(corpus.failures())) == (2, 2)
    source.write_text(f'{good[0]}\n{good[1]}\n{{"text": "never closed\n', encoding="utf-8")  # line 2 mended
    assert corpus.ingest([str(source)]).skipped == 3 and len(corpus.failures()) == 2
    retried = corpus.ingest([str(source)], retry_failures=True)
    assert (retried.read, retried.stored, retried.failures, retried.skipped) == (2, 1, 1, 1)
    assert [f.place.position for f in corpus.failures()] == ["line 3"]
    assert corpus.ingest([str(source)], retry_failures=True).failures == 1 and len(corpus.failures()) == 1
    assert sorted(corpus.store.done_places()) == [(str(source), f"line {n}") for n in (1, 2, 3)]


def test_corpus_second_run_skips_what_is_stored(sqlite_corpus, inputs):
    corpus, first = sqlite_corpus
    again = corpus.ingest(inputs)
    assert (again.read, again.stored, again.skipped, again.stories) == (0, 0, first.read, first.stories)


def _cli(db_url: str, *args: str) -> list[str]:
    """The command line of a corpus command, run with Ctrl-C heard as a terminal's process hears it, even when the
    tests run in the background of a shell, whose children ignore it."""
    started = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); from newsprism.cli import main; main()"
    return [sys.executable, "-c", started, "corpus", *args, "--db", db_url]


def _places(db_url: str) -> int:
    try:
        with sa.create_engine(db_url).connect() as db:
            return db.execute(sa.text("select count(*) from places")).scalar_one()
    except sa.exc.OperationalError:  # the tables are not there yet
        return 0


def _bulletins(folder: Path) -> Path:
    records = [json.dumps({"text": f"Bulletin {n}. The council of Ashford met on Monday and voted {n} to {20 - n} "
                                   f"on the harbour budget, clerk Maya Osei said. Item {n} was deferred."}) for n in range(40)]
    source = folder / "bulletins.jsonl"
    source.write_text("\n".join(records) + "\n", encoding="utf-8")
    return source


def _interrupted(
    db_url: str, source: Path, how: signal.Signals, *options: str, when: Callable[[int], bool] | None = None
) -> tuple[int, str]:
    """The exit code and error output of an ingest of `source` sent `how` once `when(its pid)` holds (by default,
    once it has stored four articles), sent to its whole process group (workers too), as a terminal sends Ctrl-C."""
    ready = when or (lambda pid: _places(db_url) >= 4)
    process = subprocess.Popen(_cli(db_url, "ingest", str(source), "--batch", "2", *options), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while process.poll() is None and not ready(process.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None and ready(process.pid), "the run ended or stalled before it could be interrupted"
    os.killpg(process.pid, how)
    _, errors = process.communicate()
    assert _places(db_url) < 40, "the run was not interrupted before its end"
    return process.returncode, errors


def test_corpus_killed_with_sigkill_then_resumed_loses_and_repeats_nothing(tmp_path):
    source = _bulletins(tmp_path)
    db_url = f"sqlite:///{tmp_path / 'resume.db'}"
    _interrupted(db_url, source, signal.SIGKILL)
    subprocess.run(_cli(db_url, "ingest", str(source), "--batch", "2"), check=True, capture_output=True)
    with sa.create_engine(db_url).connect() as db:
        positions = [p for (p,) in db.execute(sa.text("select position from places"))]
        stored = db.execute(sa.text("select count(*) from articles")).scalar_one()
    assert sorted(positions) == sorted(f"line {n}" for n in range(1, 41)) and stored == 40
    corpus = Corpus(db_url)
    assert _report_sizes(corpus) == dict(corpus.store.story_ids())


@pytest.mark.parametrize("workers", ["1", "2"])
def test_corpus_interrupted_with_ctrl_c_says_what_is_kept_and_how_to_go_on(tmp_path, workers):
    db_url = f"sqlite:///{tmp_path / 'interrupted.db'}"
    code, errors = _interrupted(db_url, _bulletins(tmp_path), signal.SIGINT, "--workers", workers)
    assert code == 130 and f"interrupted: the batches stored so far are kept in {db_url}" in errors
    assert not any(word in errors for word in ("Traceback", "KeyboardInterrupt", "WARNING"))


def test_corpus_ctrl_c_while_its_workers_start_stops_the_run_once_they_have(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'interrupted.db'}"
    workers_forked = lambda pid: len(psutil.Process(pid).children(recursive=True)) >= 3  # noqa: E731 - fork server, tracker, worker
    code, errors = _interrupted(db_url, _bulletins(tmp_path), signal.SIGINT, "--workers", "2", when=workers_forked)
    assert code == 130 and f"interrupted: the batches stored so far are kept in {db_url}" in errors
    assert not any(word in errors for word in ("Traceback", "KeyboardInterrupt", "WARNING"))


def _copy_of(sqlite_corpus, tmp_path: Path) -> Corpus:
    """The test corpus copied to `tmp_path/copy.db`, to change without changing it for other tests."""
    reference, _ = sqlite_corpus
    shutil.copy(reference.store.engine.url.database, tmp_path / "copy.db")
    return Corpus(f"sqlite:///{tmp_path / 'copy.db'}")


def test_corpus_run_again_makes_the_reports_a_killed_run_left_unmade(sqlite_corpus, inputs, tmp_path):
    corpus = _copy_of(sqlite_corpus, tmp_path)
    with corpus.store.engine.begin() as db:  # a run killed after its last batch, before its reports
        db.execute(sa.text("delete from reports"))
    summary = corpus.ingest(inputs)
    assert summary.stored == 0
    assert _report_sizes(corpus) == dict(corpus.store.story_ids())
    story = corpus.stories()[0]
    assert corpus.story(story.id).to_json() == sqlite_corpus[0].story(story.id).to_json()


def _merge_the_two_stories(corpus: Corpus) -> tuple[str, str]:
    """Merge the smaller story of the test corpus into the larger as an ingest batch does; (the larger's id, the
    smaller's)."""
    (kept, _), (gone, _) = corpus.store.story_ids()
    corpus.store.write_batch([], [], [], merged={gone: kept})
    assert corpus.store.story_ids() == [(kept, 6)] and gone not in corpus.store.reported()
    assert (corpus.current_id(gone), corpus.current_id(kept)) == (kept, kept)
    return kept, gone


def test_merged_stories_move_their_articles_and_are_reported_again_as_one(sqlite_corpus, inputs, tmp_path):
    corpus = _copy_of(sqlite_corpus, tmp_path)
    kept, gone = _merge_the_two_stories(corpus)
    corpus.ingest(inputs)
    assert _report_sizes(corpus) == {kept: 6} and len(corpus.story(kept).articles) == 6
    shown = subprocess.run(_cli(f"sqlite:///{tmp_path / 'copy.db'}", "show", gone, "--json", str(tmp_path / "gone.json")),
                           capture_output=True, text=True)
    assert (shown.returncode, shown.stderr) == (0, f"story {gone} was merged into story {kept}: its report follows\n")
    assert json.loads((tmp_path / "gone.json").read_text()) == json.loads(corpus.story(kept).to_json())
    corpus.store.write_batch([], [], [], merged={kept: "s-later"})  # a later batch merges the story on
    assert corpus.current_id(gone) == corpus.current_id(kept) == "s-later"


def _split_off_two(corpus: Corpus) -> tuple[str, list[str]]:
    """Move the last two articles of the largest story to a new story, `s-split-off`, as an ingest batch records a
    split; (the story they left, their ids)."""
    sizes, reported = dict(corpus.store.story_ids()), set(corpus.store.reported())
    left = corpus.store.story_ids()[0][0]
    leaving = [a.id for a in corpus.store.articles_of(left)][-2:]
    corpus.store.write_batch([], [], [], moved={a: "s-split-off" for a in leaving})
    assert dict(corpus.store.story_ids()) == {**sizes, left: sizes[left] - 2, "s-split-off": 2}
    assert set(corpus.store.reported()) == reported - {left}  # the report of the story they left is made again
    return left, leaving


def test_a_split_moves_its_articles_to_the_new_story_and_both_are_reported_anew(sqlite_corpus, inputs, tmp_path):
    corpus = _copy_of(sqlite_corpus, tmp_path)
    left, leaving = _split_off_two(corpus)
    corpus.ingest(inputs)
    assert _report_sizes(corpus) == dict(corpus.store.story_ids())  # both reported at their new sizes
    assert sorted(a.id for a in corpus.story("s-split-off").articles) == sorted(leaving)
    assert leaving[0] not in {a.id for a in corpus.story(left).articles}


def test_a_story_is_reported_again_from_the_claim_vectors_stored_with_its_articles(sqlite_corpus, tmp_path, monkeypatch):
    """A story's first report stores the vectors of its articles' claims: reported again it embeds nothing, and its
    report is the one the claims embedded afresh give."""
    from newsprism.annotate.embed import Embedder
    from newsprism.corpus import analyse, story_report
    from newsprism.store import story_members

    corpus = _copy_of(sqlite_corpus, tmp_path)
    story = max(corpus.stories(), key=lambda s: len(s.article_ids))
    analyse.resources.cache_clear()  # an embedder that has embedded nothing yet
    afresh = story_report(story_members(corpus.store.story_rows(story.id)))
    analyse.resources.cache_clear()
    with corpus.store.engine.begin() as db:
        db.execute(sa.text("delete from reports"))

    def embedding(*args):
        raise AssertionError("a claim was embedded again")

    monkeypatch.setattr(Embedder, "_run", embedding)
    assert corpus.story(story.id).to_json() == afresh.to_json()


def test_claims_are_embedded_once_a_story_has_two_articles_and_their_vectors_kept(tmp_path):
    """A story of one article matches its claims with nothing, so they are not embedded; when a later run adds a
    second article, the story's report embeds the claims of both and stores their vectors."""
    corpus = Corpus(f"sqlite:///{tmp_path / 'grown.db'}")
    halves = []
    for n, (title, outlet, text) in enumerate(FLOOD):
        halves.append(tmp_path / f"flood-{n}.jsonl")
        halves[-1].write_text(json.dumps({"title": title, "source": outlet, "text": text, "published": "2026-04-05"}),
                              encoding="utf-8")

    def stored_vectors() -> list[int]:
        with corpus.store.engine.connect() as db:
            return [len(v) for (v,) in db.execute(sa.text("select claim_vectors from articles order by seq"))]

    corpus.ingest([str(halves[0])])
    assert stored_vectors() == [0]
    corpus.ingest([str(halves[1])])
    assert len(corpus.stories()) == 1
    assert all(size > 0 for size in stored_vectors()) and len(stored_vectors()) == 2


@pytest.fixture(scope="module")
def postgres_url():
    try:
        started = subprocess.run([str(SCRIPTS / "postgres.sh")], capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"PostgreSQL could not be started by scripts/postgres.sh: {error}")
    if started.returncode != 0:
        pytest.skip(f"PostgreSQL could not be installed or started by scripts/postgres.sh: {started.stderr.strip()[-300:]}")
    url = started.stdout.strip().splitlines()[-1]
    yield url
    subprocess.run([str(SCRIPTS / "postgres.sh"), "stop", url.split("host=")[1].split("&")[0]], check=False)


def test_corpus_on_postgresql_matches_sqlite(postgres_url, sqlite_corpus, inputs):
    corpus = Corpus(postgres_url)
    summary = corpus.ingest(inputs, batch=3)
    reference, expected = sqlite_corpus
    assert summary == expected
    assert _stories(corpus) == _stories(reference)
    story = corpus.stories()[0]
    assert corpus.story(story.id).to_json() == reference.story(story.id).to_json()
    _merge_the_two_stories(corpus)
    _split_off_two(corpus)


def test_corpus_with_two_dask_workers_matches_one_process(tmp_path, sqlite_corpus, inputs):
    corpus = Corpus(f"sqlite:///{tmp_path / 'dask.db'}")
    summary = corpus.ingest(inputs, workers=2, batch=3)
    reference, expected = sqlite_corpus
    assert summary == expected and _stories(corpus) == _stories(reference)


def test_corpus_on_an_existing_dask_scheduler_matches_one_process(tmp_path, sqlite_corpus, inputs):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        corpus = Corpus(f"sqlite:///{tmp_path / 'scheduler.db'}")
        summary = corpus.ingest(inputs, scheduler=cluster.scheduler_address, batch=3)
    reference, expected = sqlite_corpus
    assert summary == expected and _stories(corpus) == _stories(reference)
    story = corpus.stories()[0]
    assert corpus.story(story.id).to_json() == reference.story(story.id).to_json()


def test_a_database_that_cannot_be_opened_or_holds_no_corpus_is_named_in_one_line(tmp_path):
    typo = tmp_path / "typo.db"
    listed = subprocess.run(_cli(f"sqlite:///{typo}", "stories"), capture_output=True, text=True)
    assert (listed.returncode, listed.stderr) == (1, f"error: sqlite:///{typo}: no such database file\n")
    assert not typo.exists()
    ingest = subprocess.run(_cli(f"sqlite:///{tmp_path / 'no' / 'folder.db'}", "ingest", str(tmp_path)), capture_output=True, text=True)
    assert ingest.returncode == 1 and "cannot be opened" in ingest.stderr and "Traceback" not in ingest.stderr
    with pytest.raises(DatabaseError, match=r"nobody:\*\*\*@localhost:1/x: cannot be opened") as raised:
        Corpus("postgresql+psycopg://nobody:secret@localhost:1/x")
    assert "secret" not in str(raised.value)
    with pytest.raises(DatabaseError, match="not a database URL"):
        Corpus("news.db")
    (tmp_path / "empty.db").touch()
    with pytest.raises(DatabaseError, match="holds no corpus"):
        Corpus(f"sqlite:///{tmp_path / 'empty.db'}", create=False)
    older = sa.create_engine(f"sqlite:///{tmp_path / 'older.db'}")
    with older.begin() as db:
        db.execute(sa.text("create table articles (seq integer primary key, id text, facts text)"))
    with pytest.raises(DatabaseError, match="older.db: made by an older newsprism"):
        Corpus(f"sqlite:///{tmp_path / 'older.db'}", create=False)


def test_a_corpus_grouped_from_the_features_an_older_newsprism_stored_is_refused_by_name(sqlite_corpus, inputs, tmp_path):
    copy = tmp_path / "older.db"
    shutil.copy(sqlite_corpus[0].store.engine.url.database, copy)
    with sa.create_engine(f"sqlite:///{copy}").begin() as db:  # claim words where word pairs are now
        db.execute(sa.text("""update articles set features = replace(features, '"pairs":', '"words":')"""))
    run = subprocess.run(_cli(f"sqlite:///{copy}", "ingest", *inputs), capture_output=True, text=True)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"error: sqlite:///{copy}: its stories were grouped by an older newsprism" in run.stderr


def test_a_run_whose_database_stops_taking_writes_says_so_and_keeps_what_it_stored(tmp_path):
    source = tmp_path / "floods.jsonl"
    source.write_text("".join(json.dumps({"title": t, "source": o, "text": x}) + "\n" for t, o, x in FLOOD), encoding="utf-8")
    db_url = f"sqlite:///{tmp_path / 'locked.db'}"
    Corpus(db_url).ingest([str(source)])
    source.write_text(source.read_text(encoding="utf-8") + json.dumps({"text": OTHER_LANGUAGE}) + "\n", encoding="utf-8")
    holder = sa.create_engine(db_url, connect_args={"isolation_level": None}).connect()
    holder.exec_driver_sql("BEGIN IMMEDIATE")  # another writer holds the file: reads go on, writes wait, then fail
    try:
        run = subprocess.run(_cli(db_url, "ingest", str(source)), capture_output=True, text=True)
    finally:
        holder.exec_driver_sql("ROLLBACK")
        holder.close()
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"error: {db_url}: cannot be written ((sqlite3.OperationalError) database is locked)" in run.stderr
    assert _places(db_url) == 2 and Corpus(db_url).ingest([str(source)]).failures == 1


def test_corpus_commands_ingest_list_show_and_explain_failures(tmp_path, inputs):
    db_url = f"sqlite:///{tmp_path / 'cli.db'}"
    run = lambda *args: subprocess.run(_cli(db_url, *args), capture_output=True, text=True)  # noqa: E731
    ingested = run("ingest", *inputs, "--batch", "3")
    assert ingested.returncode == 0, ingested.stderr
    assert ingested.stdout.startswith("read 10, stored 6, duplicates 1, copies ") and "failures 3" in ingested.stdout
    assert "10/10 [" in ingested.stderr and "articles/s" in ingested.stderr and "story reports: 100%" in ingested.stderr
    listed = run("stories").stdout.splitlines()
    assert len(listed) == 4 and listed[0].split()[1:3] == ["4", "article(s)"] and "Wire Reprint" in listed[0]
    story_id = listed[0].split()[0]
    assert run("stories", "--limit", "1").stdout.splitlines() == run("stories", "--min-articles", "3").stdout.splitlines() == listed[:2]
    assert few_outlets(tuple(f"Outlet {n}" for n in range(9))) == "Outlet 0, Outlet 1, Outlet 2, Outlet 3, Outlet 4, Outlet 5 and 3 more"
    records = [json.loads(line) for line in run("stories", "--jsonl").stdout.splitlines()]
    assert [(r["id"], len(r["article_ids"])) for r in records] == [(line.split()[0], int(line.split()[1])) for line in listed[::2]]
    one_day = next(r for r in records if r["first"] and r["first"] == r["last"])
    assert f"{len(one_day['article_ids'])} article(s)  {one_day['first']}  " in "\n".join(listed)
    shown = run("show", story_id, "--json", str(tmp_path / "story.json"), "--html", str(tmp_path / "story.html"))
    assert shown.returncode == 0, shown.stderr
    report = json.loads((tmp_path / "story.json").read_text(encoding="utf-8"))
    assert len(report["articles"]) == 4 and report["claims"]
    assert "<html" in (tmp_path / "story.html").read_text(encoding="utf-8")
    printed = run("show", story_id).stdout
    assert "NEUTRAL SUMMARY" in printed and all(f"{a['outlet']} · " in printed for a in report["articles"])
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in run("failures").stdout.splitlines()] == ["line 5", "line 6", "line 7"]
    missing = run("show", "s-missing")
    assert missing.returncode == 1 and "no story 's-missing'" in missing.stderr
