"""Corpus mode: from a crawl to stored, deduplicated stories, resumable, on one machine or a Dask cluster.

    corpus = Corpus("sqlite:///newsprism.db")           # or "postgresql+psycopg://user@host/db"
    summary = corpus.ingest(["crawl/", "feed.xml"], workers=2)
    for story in corpus.stories(): ...
    report = corpus.story(story_id)                      # the same StoryReport `compare` makes

Reading, dedupe, grouping and storage run in this process, in input order, so the result does not depend
on how many workers ran the per-article stages. Each batch is committed whole; a run that is killed is
finished by running it again: places already stored or recorded as failures are skipped, and stories left
without a report of their present size get one.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import multiprocessing.forkserver
import signal
import textwrap
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from typing import Callable, Iterable, Iterator, Sequence

from threadpoolctl import threadpool_limits
from tqdm import tqdm

from newsprism.align import align_story, embedded_texts
from newsprism.align.summary import PRONOUN_START
from newsprism.corpus.analyse import Analysed, analyse_batch, claim_vectors, remember_claim_vectors, resources
from newsprism.dedupe import CopyFinder
from newsprism.errors import NewsprismError
from newsprism.ingest.collection import count_items, read_collection
from newsprism.models import Article, ArticleFacts, IngestSummary, Read, StoryInfo, StoryReport, Unreadable
from newsprism.store import Store, Stored, story_members
from newsprism.stories import StoryGrouper

DEFAULT_URL = "sqlite:///newsprism.db"
BATCH = 32
AHEAD = 8  # items sent to each worker ahead of the one awaited: a large story's report must not idle the others
ARTICLES_A_TASK = 128  # stories are sent to a worker together until they hold this many articles
REPORTS_A_TRANSACTION = 32  # stored together (a commit waits for the disk); a run stopped loses the unstored ones,
# which the next run makes again
HEADLINE_CHARS = 160
QUOTE_MARKS = set("“”\"")  # a summary sentence with its quote cut out reads badly as a headline

Runner = Callable[[Callable, Iterable], Iterator]  # (function, items) -> function(item) for each, in order


class UnknownStory(NewsprismError):
    """A story id that is not in the corpus."""


class ReportFailed(NewsprismError):
    """Making a story's report raised: a fault of newsprism's own, named with its story (the cause is chained)."""


class Corpus:
    """A collection of articles kept in a database, grouped into stories."""

    def __init__(self, url: str = DEFAULT_URL, create: bool = True) -> None:
        """The corpus at database `url`; with `create` false, it must exist already (to read it, not to fill it)."""
        self.store = Store(url, create)

    def ingest(
        self, sources: Sequence[str], workers: int = 1, scheduler: str | None = None, batch: int = BATCH,
        progress: bool = False, retry_failures: bool = False,
    ) -> IngestSummary:
        """Read, clean, analyse, dedupe, group and store every new article of `sources`; with `retry_failures`, the
        items recorded as failures by earlier runs too (after a fix to the files or to newsprism)."""
        tally: Counter = Counter()
        run = _Run(self.store, tally, retry_failures)
        items = run.new_items(read_collection(sources))
        with _runner(workers, scheduler) as runner:
            with _progress_bar(progress, tally, run.remaining(sources) if progress else None) as bar:
                for chunk, analysed in analyse_in_order(items, batch, runner):
                    run.store_batch(chunk, analysed)
                    bar(len(chunk))
            unreported = self._make_reports(runner, progress)
        return IngestSummary(
            read=tally["read"], stored=tally["stored"], duplicates=tally["duplicates"], copies=tally["copies"],
            stories=len(self.store.story_ids()), failures=tally["failures"], skipped=tally["skipped"],
            unreported=unreported,
        )

    def stories(
        self, min_articles: int = 1, limit: int | None = None, offset: int = 0, containing: str = ""
    ) -> list[StoryInfo]:
        """The stories of at least `min_articles` articles whose headline contains the words `containing`, largest
        first, with their outlets, dates and a headline: the `limit` from the `offset`-th on, if given."""
        reported = self.store.reported()
        words = containing.casefold().split()
        chosen = [
            story_id for story_id, size in self.store.story_ids()
            if size >= min_articles
            and all(w in self._current_headline(story_id, size, reported).casefold() for w in words)
        ]
        return [self._info(story_id, reported) for story_id in chosen[offset:][:limit]]

    def failures(self) -> list[Unreadable]:
        """Every input item that could not be stored, with where it was and why."""
        return sorted(self.store.failures(), key=lambda f: (f.place.input, _in_file_order(f.place.position)))

    def story(self, story_id: str) -> StoryReport:
        """The story report of one story (cached once made); of the story it is part of now if it was merged."""
        return self._refresh(self.current_id(story_id))[1]

    def current_id(self, story_id: str) -> str:
        """The id a story goes by now: its own, or that of the story it was merged into."""
        return self.store.merged_into(story_id) or story_id

    def _current_headline(self, story_id: str, size: int, reported: dict[str, tuple[int, str]]) -> str:
        """The headline of the story's cached report if it is of the story's present `size`, else the title of its
        first article. `reported`: the size and headline of every cached report."""
        cached_size, headline = reported.get(story_id, (0, ""))
        return headline if cached_size == size else _title(self.store.articles_of(story_id)[0])

    def _info(self, story_id: str, reported: dict[str, tuple[int, str]]) -> StoryInfo:
        """`reported`: the size and headline of every cached report."""
        members = self.store.articles_of(story_id)
        days = sorted(a.published for a in members if a.published)
        return StoryInfo(
            id=story_id, article_ids=tuple(a.id for a in members),
            outlets=tuple(sorted({a.outlet for a in members if a.outlet})),
            first=days[0] if days else None, last=days[-1] if days else None,
            headline=self._current_headline(story_id, len(members), reported),
        )

    def _refresh(self, story_id: str) -> tuple[str, StoryReport]:
        """The story's headline and report, made again when the story has changed since it was cached."""
        rows = self.store.story_rows(story_id)
        if not rows:
            raise UnknownStory(f"no story {story_id!r} in the corpus")
        cached = self.store.cached_report(story_id)
        if cached and cached[0] == len(rows):
            return cached[1], cached[2]
        try:
            report, vectors = _report_and_vectors(rows, _remembered(rows))
        except Exception as error:  # noqa: BLE001 - named with its story; the traceback stays chained
            raise ReportFailed(f"story {story_id}: its report failed ({type(error).__name__}: {error}); please report this "
                               "newsprism bug") from error
        headline = _headline(report)
        self.store.cache_reports([(story_id, len(rows), headline, report.model_dump_json())], vectors)
        return headline, report

    def _make_reports(self, runner: Runner, progress: bool) -> dict[str, str]:
        """The reports of the stories with none of their present size (new or grown stories, and those a killed
        run left without one), made where the per-article stages ran, stored here; the largest first, so that
        no worker is left with a large story while the others wait. Returns the stories whose report raised, with
        the error: they are tried again by the next run."""
        made = {story_id: size for story_id, (size, _) in self.store.reported().items()}
        stories = [(s, size) for s, size in self.store.story_ids() if made.get(s) != size]
        tasks = ([self.store.story_rows(s) for s in task] for task in _report_tasks(stories))
        reports = itertools.chain.from_iterable(runner(_stored_reports, tasks))
        story_ids = [s for s, _ in stories]
        shown = tqdm(zip(story_ids, reports), total=len(story_ids), unit=" stories", desc="story reports",
                     dynamic_ncols=True, disable=not progress)
        unreported, done, vectors = {}, [], {}
        for story_id, report in shown:
            if isinstance(report, str):
                unreported[story_id] = report
            else:
                size, headline, report_json, made = report
                done.append((story_id, size, headline, report_json))
                vectors.update(made)
            if len(done) == REPORTS_A_TRANSACTION:
                self.store.cache_reports(done, vectors)
                done, vectors = [], {}
        if done:
            self.store.cache_reports(done, vectors)
        return unreported


class _Run:
    """What one ingest run knows: the places already done, duplicates, copies and stories so far."""

    def __init__(self, store: Store, tally: Counter, retry_failures: bool = False) -> None:
        self.store, self.tally = store, tally
        self.retrying = {(f.place.input, f.place.position) for f in store.failures()} if retry_failures else set()
        self.done = store.done_places() - self.retrying
        self.keys = store.keys()
        self.copies = CopyFinder()
        self.copies.load(store.signatures())
        self.grouper = StoryGrouper()
        self.grouper.load(store.story_features())

    def remaining(self, sources: Sequence[str]) -> int | None:
        """How many items of `sources` are still to be read, when that can be counted beforehand."""
        counts = count_items(sources)
        if counts is None:
            return None
        return sum(counts.values()) - sum(1 for source, _ in self.done if source in counts)

    def new_items(self, items: Iterable[Read | Unreadable]) -> Iterator[Read | Unreadable]:
        """The items not stored by an earlier run (each place once)."""
        for item in items:
            place = (item.place.input, item.place.position)
            if place in self.done:
                self.tally["skipped"] += 1
                continue
            self.done.add(place)
            self.tally["read"] += 1
            yield item

    def store_batch(self, chunk: Sequence[Read | Unreadable], analysed: list[Analysed | Unreadable]) -> None:
        """Dedupe, group and store one batch in one transaction."""
        failed = [i for i in chunk if isinstance(i, Unreadable)] + [a for a in analysed if isinstance(a, Unreadable)]
        stored: list[Stored] = []
        duplicates = []
        for item in (a for a in analysed if isinstance(a, Analysed)):
            original = self.keys.get(item.text_key)
            if original is not None:
                duplicates.append((item.place, original))
                continue
            stored.append(self._new(item))
        merged, moved = self.grouper.take_merged(), self.grouper.take_moved()
        stored = [replace(s, story_id=moved.get(s.article.id, merged.get(s.story_id, s.story_id))) for s in stored]
        retried = [i.place for i in chunk if (i.place.input, i.place.position) in self.retrying]
        self.store.write_batch(stored, duplicates, failed, retried, merged, moved)
        self.tally.update(failures=len(failed), duplicates=len(duplicates), stored=len(stored),
                          copies=sum(s.copy is not None for s in stored))

    def _new(self, item: Analysed) -> Stored:
        article_id = item.article.id
        self.keys[item.text_key] = article_id
        copy = self.copies.add(article_id, item.signature)
        story_id = self.grouper.add([item.features])[article_id]
        return Stored(item.place, item.article, item.facts_json, item.features, item.text_key, item.signature, story_id,
                      copy)


def story_report(members: Sequence[tuple[Article, ArticleFacts]]) -> StoryReport:
    """The report of a story's stored articles, with this process's embedder."""
    return align_story([a for a, _ in members], [f for _, f in members], resources().embedder)


def _remembered(rows: Sequence[tuple[str, str, bytes]]) -> list[tuple[Article, ArticleFacts]]:
    """The articles and facts of a story's stored rows, their stored claim vectors given to this process's embedder."""
    members, embedder = story_members(rows), resources().embedder
    for (_, facts), (_, _, vectors) in zip(members, rows):
        remember_claim_vectors(embedder, facts, vectors)
    return members


def _report_and_vectors(
    rows: Sequence[tuple[str, str, bytes]], members: Sequence[tuple[Article, ArticleFacts]]
) -> tuple[StoryReport, dict[str, bytes]]:
    """The report of a story's stored rows (`members`: as `_remembered` gives them), and the claim vectors it made for
    articles stored without them (article id -> vectors)."""
    report = story_report(members)
    if len(members) < 2:  # its claims are matched with nothing, so none were embedded
        return report, {}
    embedder = resources().embedder
    made = {article.id: claim_vectors(embedder, facts) for (article, facts), (_, _, stored) in zip(members, rows)
            if not stored}
    return report, {article_id: vectors for article_id, vectors in made.items() if vectors}


def _report_tasks(stories: Sequence[tuple[str, int]]) -> Iterator[list[str]]:
    """The story ids of (story id, size) pairs in their order, in tasks of `ARTICLES_A_TASK` articles or a few more
    (the last one fewer): Dask costs this process a few milliseconds a task, as much as a small story's report."""
    task: list[str] = []
    articles = 0
    for story_id, size in stories:
        task.append(story_id)
        articles += size
        if articles >= ARTICLES_A_TASK:
            yield task
            task, articles = [], 0
    if task:
        yield task


def _stored_reports(stories: Sequence[Sequence[tuple[str, str, bytes]]]) -> list[tuple[int, str, str, dict[str, bytes]] | str]:
    """`_stored_report` of each story's stored rows, or the error it raised as text. The claims of the stories of two
    to `ARTICLES_A_TASK` articles are embedded together first: alone, a small story makes small runs, which the
    embedder fills up (their reports took half as long again), and a task's few stay within the texts it keeps."""
    members = [_failure_or(_remembered, rows) for rows in stories]
    _embed_claims([story for story in members if not isinstance(story, str) and 1 < len(story) < ARTICLES_A_TASK])
    return [story if isinstance(story, str) else _failure_or(_stored_report, rows, story)
            for rows, story in zip(stories, members)]


def _embed_claims(stories: Sequence[Sequence[tuple[Article, ArticleFacts]]]) -> None:
    """Embed the texts the reports of `stories` (their members) will embed, in one call: the reports find them kept."""
    resources().embedder.embed([text for story in stories for _, facts in story for text in embedded_texts(facts)])


def _stored_report(
    rows: Sequence[tuple[str, str, bytes]], members: Sequence[tuple[Article, ArticleFacts]]
) -> tuple[int, str, str, dict[str, bytes]]:
    """A story's size, headline, report JSON and the claim vectors it made, from its stored rows and `members`: JSON
    both ways, as pydantic models are slow to pickle between processes."""
    report, vectors = _report_and_vectors(rows, members)
    return len(rows), _headline(report), report.model_dump_json(), vectors


def _failure_or(function: Callable, *args: object) -> object:
    """`function(*args)`, or the error it raised as text (a fault of newsprism's own): one story must not stop a run."""
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - given back to be reported with its story
        return f"{type(error).__name__}: {error}"


def analyse_in_order(
    items: Iterable[Read | Unreadable], batch: int, runner: Runner
) -> Iterator[tuple[list[Read | Unreadable], list[Analysed | Unreadable]]]:
    """Each chunk of `batch` items with the analysis of its readable articles, in input order."""
    chunks = _chunks(items, batch)
    first, second = itertools.tee(chunks)
    reads = ([i for i in chunk if isinstance(i, Read)] for chunk in second)
    yield from zip(first, runner(analyse_batch, reads))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@contextmanager
def _runner(workers: int, scheduler: str | None) -> Iterator[Runner]:
    """Where the per-article stages run: here, a local Dask cluster of `workers` processes, or `scheduler`."""
    if workers <= 1 and scheduler is None:
        interrupted = threading.Event()
        # numpy's BLAS on one core too, as Dask sets it for its workers; Ctrl-C stops the run between results, not
        # at whatever line it falls on (in a clean-up Python runs for an object it frees, it would go unheard)
        with threadpool_limits(1), _on_ctrl_c(_stop_at_next_result(interrupted)):
            yield lambda function, items: _until_interrupted(map(function, items), interrupted)
        return
    import dask
    from dask.distributed import Client, LocalCluster

    cluster = None
    interrupted = threading.Event()
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        with _on_ctrl_c(lambda signum, frame: interrupted.set()):  # kept until the cluster can be shut down
            if scheduler is None:
                _start_fork_server_deaf_to_ctrl_c()
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(scheduler or cluster)
        try:
            if interrupted.is_set():
                raise KeyboardInterrupt
            ahead = AHEAD * max(len(client.scheduler_info()["workers"]), 1)
            with _on_ctrl_c(_stop_at_next_result(interrupted)):
                yield lambda function, items: _until_interrupted(_in_order(client, function, items, ahead), interrupted)
        except KeyboardInterrupt:
            _quiet_dask()  # here and on our workers (not on a cluster of the user's): warnings of the work cut short
            if cluster is not None:
                client.run(_quiet_dask)
            raise
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _start_fork_server_deaf_to_ctrl_c() -> None:
    """Start multiprocessing's fork server, if it is not running, with Ctrl-C ignored: the local workers forked
    from it inherit that, and this process shuts them down on Ctrl-C (a terminal sends it to them all). Only the
    server's start ignores Ctrl-C here, so one pressed while the cluster starts is not lost."""
    multiprocessing.get_context("forkserver").set_forkserver_preload(["distributed"])  # as Dask preloads it
    with _on_ctrl_c(signal.SIG_IGN):
        multiprocessing.forkserver.ensure_running()


@contextmanager
def _on_ctrl_c(handler: Callable | int) -> Iterator[None]:
    """SIGINT handled by `handler` inside (processes started inside inherit SIG_IGN); only the main thread may set
    it, so elsewhere nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _stop_at_next_result(interrupted: threading.Event) -> Callable:
    """A Ctrl-C handler that sets `interrupted`, for the run to stop at its next result (Dask's own calls, cut short
    by the interrupt, would log errors of their own); a second Ctrl-C interrupts at once."""
    def on_ctrl_c(signum: int, frame: object) -> None:
        if interrupted.is_set():
            raise KeyboardInterrupt
        interrupted.set()
    return on_ctrl_c


def _until_interrupted(results: Iterator, interrupted: threading.Event) -> Iterator:
    """The results, until the first one after `interrupted` is set: then KeyboardInterrupt."""
    for result in results:
        if interrupted.is_set():
            raise KeyboardInterrupt
        yield result


def _quiet_dask() -> None:
    logging.getLogger("distributed").setLevel(logging.CRITICAL)


def _in_order(client, function: Callable, items: Iterable, ahead: int) -> Iterator:
    """`function` of each item on the cluster, a few items ahead, results given back in the order sent."""
    pending = []
    for item in items:
        pending.append(client.submit(_on_one_core, function, item, pure=False))
        if len(pending) > ahead:
            yield pending.pop(0).result()
    for future in pending:
        yield future.result()


def _on_one_core(function: Callable, item: object) -> object:
    """`function(item)` with numpy's BLAS on one thread, as a worker is one process a core: Dask's own limit comes too
    late for a worker forked from a server that had loaded numpy, and two BLAS threads spinning in each worker doubled
    the CPU time of the story reports."""
    with threadpool_limits(1):
        return function(item)


@contextmanager
def _progress_bar(shown: bool, tally: Counter, total: int | None) -> Iterator[Callable[[int], None]]:
    """A tqdm bar of articles read, with their rate and what was skipped or failed, and with the time left when
    the `total` is known; silent when not shown."""
    with tqdm(total=total, unit=" articles", dynamic_ncols=True, disable=not shown) as bar:
        def advance(n: int) -> None:
            bar.update(n)
            bar.set_postfix(stored=tally["stored"], duplicates=tally["duplicates"], failures=tally["failures"],
                            skipped=tally["skipped"], refresh=False)
        yield advance


def _in_file_order(position: str) -> tuple[str, int]:
    """"line 9" before "line 10": the kind of position, then its number."""
    kind, _, number = position.rpartition(" ")
    return (kind, int(number)) if number.isdigit() else (position, 0)


def _headline(report: StoryReport) -> str:
    """The first sentence of the neutral summary (corroborated facts) that stands on its own; else the first
    article's title; else the summary's first sentence, or the article's opening."""
    plain = [s.text for s in report.summary if not QUOTE_MARKS & set(s.text)]
    alone = [t for t in plain if not PRONOUN_START.match(t)]  # "They gave ..." says nothing in a list of stories
    if alone:
        return _shortened(alone[0])
    if report.articles[0].title or not plain:
        return _title(report.articles[0])
    return _shortened(plain[0])


def _title(article) -> str:
    return _shortened(article.title or article.text)


def _shortened(text: str) -> str:
    """`text` on one line, cut after its last whole word within HEADLINE_CHARS characters."""
    return textwrap.shorten(text, HEADLINE_CHARS, placeholder=" …")
