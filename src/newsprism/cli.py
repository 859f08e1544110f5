"""The command line: a thin layer over the library (`newsprism.compare` and the renderers)."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import NoReturn, Sequence

import click

from newsprism.errors import DatabaseError, InputError, NewsprismError
from newsprism.models import Article, StoryReport


@click.group()
@click.version_option(package_name="newsprism")
def main() -> None:
    """Compare how several outlets report one story."""


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--date", "dates", multiple=True, help="Publication date YYYY-MM-DD: once for all articles, or once per article.")
@click.option("--source", "sources", multiple=True, help="Outlet name: once for all articles, or once per article.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the HTML report here.")
@click.option("--md", "md_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the Markdown report here.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the JSON report here.")
def compare(articles, dates, sources, html_path, md_path, json_path) -> None:
    """Compare ARTICLES (text, HTML or JSON files, or http(s) URLs) about one story."""
    per_article_dates = _per_article("--date", [_parse_date(d) for d in dates], len(articles))
    per_article_sources = _per_article("--source", list(sources), len(articles))
    models = _start_loading_models()
    read = _read_all(articles, per_article_sources, per_article_dates)
    report = _compare(read, models)
    _emit(report, html_path, md_path, json_path)


@main.command()
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), default=Path("newsprism-demo.html"),
              show_default=True, help="Where to write the HTML report.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the JSON report here.")
def demo(html_path: Path, json_path: Path | None) -> None:
    """Run compare on the demo story that ships with newsprism."""
    from newsprism.demo import demo_paths

    paths = [str(p) for p in demo_paths()]
    models = _start_loading_models()
    report = _compare(_read_all(paths, [None] * len(paths), [None] * len(paths)), models)
    _emit(report, html_path, None, json_path)
    click.echo(f"\nOpen the HTML report: {html_path.resolve()}")


@main.group()
def corpus() -> None:
    """Ingest a large collection into a database, grouped into stories."""


DB_OPTION = click.option("--db", "db_url", default="sqlite:///newsprism.db", show_default=True,
                         help="Database URL: sqlite:///FILE or postgresql+psycopg://USER@HOST/DB.")


@corpus.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@DB_OPTION
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for the per-article stages (a local Dask cluster when more than one).")
@click.option("--scheduler", help="Address of an existing Dask scheduler to run the per-article stages on.")
@click.option("--batch", type=click.IntRange(min=1), default=32, show_default=True, help="Articles per batch and commit.")
@click.option("--retry-failures", is_flag=True,
              help="Read again what earlier runs recorded as failures (after fixing the files or upgrading newsprism).")
def corpus_ingest(sources, db_url, workers, scheduler, batch, retry_failures) -> None:
    """Read SOURCES (directories, .jsonl[.gz|.bz2|.xz], JSON lists, .warc[.gz], RSS/Atom files), dedupe, group and store them."""
    from newsprism.corpus import Corpus

    try:
        summary = Corpus(db_url).ingest(list(sources), workers=workers, scheduler=scheduler, batch=batch, progress=True,
                                        retry_failures=retry_failures)
    except DatabaseError as error:
        _exit_with(error)
    except NewsprismError as error:
        _exit_with(f"{db_url}: {error}")
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted: the batches stored so far are kept in {db_url}; run the same command again to "
                   "finish the job", err=True)
        sys.exit(130)
    click.echo(
        f"read {summary.read}, stored {summary.stored}, duplicates {summary.duplicates}, copies {summary.copies}, "
        f"stories {summary.stories}, failures {summary.failures}"
        + (f", already stored before {summary.skipped}" if summary.skipped else "")
    )
    for story_id, error in summary.unreported.items():
        click.echo(f"story {story_id}: its report failed ({error}); the next run tries it again", err=True)


@corpus.command("stories")
@DB_OPTION
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True, help="List only stories this large.")
@click.option("--limit", type=click.IntRange(min=1), help="List only this many stories, the largest.")
@click.option("--containing", default="", metavar="WORDS", help="List only stories whose headline has these words.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="One JSON record a story (id, article ids, outlets, dates, headline).")
def corpus_stories(db_url, min_articles, limit, containing, as_jsonl) -> None:
    """List the stories, largest first: id, size, dates, outlets and headline."""
    from newsprism.report.view import dates_of, few_outlets

    for story in _existing_corpus(db_url).stories(min_articles, limit, containing=containing):
        if as_jsonl:
            click.echo(story.model_dump_json())
            continue
        click.echo(f"{story.id}  {len(story.article_ids)} article(s)  {dates_of(story)}  {few_outlets(story.outlets)}\n"
                   f"    {story.headline}")


@corpus.command("failures")
@DB_OPTION
def corpus_failures(db_url) -> None:
    """List what could not be stored: the input, the position in it and the reason."""
    for failure in _existing_corpus(db_url).failures():
        click.echo(f"{failure.place}: {failure.reason}")


@corpus.command("show")
@click.argument("story_id")
@DB_OPTION
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the HTML report here.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the JSON report here.")
def corpus_show(story_id, db_url, html_path, json_path) -> None:
    """Print or write the report of STORY_ID, the same report `compare` makes."""
    try:
        corpus = _existing_corpus(db_url)
        current = corpus.current_id(story_id)
        if current != story_id:
            click.echo(f"story {story_id} was merged into story {current}: its report follows", err=True)
        report = corpus.story(current)
    except NewsprismError as error:
        _exit_with(error)
    _emit(report, html_path, None, json_path)


@corpus.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to serve on (0.0.0.0: every one).")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True)
def corpus_serve(db_url, host, port) -> None:
    """Serve a web page of the stories (search, sizes, outlets), each story's report and the failures, until
    Ctrl-C."""
    from newsprism.corpus.web import make_server

    corpus = _existing_corpus(db_url)
    try:
        server = make_server(corpus, host, port)
    except OSError as error:
        _exit_with(f"cannot serve on {host}:{port}: {error.strerror or error}")
    click.echo(f"serving {db_url} at http://{host}:{server.server_address[1]}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.server_close()


def _existing_corpus(db_url: str):
    """The corpus to read at `db_url`; a database that cannot be opened or holds none ends the command."""
    from newsprism.corpus import Corpus

    try:
        return Corpus(db_url, create=False)
    except DatabaseError as error:
        _exit_with(error)


def _exit_with(error: Exception | str) -> NoReturn:
    click.echo(f"error: {error}", err=True)
    sys.exit(1)


def _per_article(option: str, values: list, count: int) -> list:
    if not values:
        return [None] * count
    if len(values) == 1:
        return values * count
    if len(values) == count:
        return values
    raise click.UsageError(f"{option} is given {len(values)} times for {count} articles: give it once, or once per article")


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(f"{text!r} is not a date in the form YYYY-MM-DD", param_hint="--date") from None


def _read_all(inputs: Sequence[str], outlets: Sequence[str | None], dates: Sequence[dt.date | None]) -> list[Article]:
    from newsprism.ingest import read_input

    read: list[Article] = []
    for source, outlet, published in zip(inputs, outlets, dates):
        try:
            read.append(read_input(source, outlet=outlet, published=published))
        except InputError as error:
            click.echo(f"skipped {error}", err=True)
    return read


def _start_loading_models() -> Future:
    """Load the models in the background while the inputs are read."""
    from newsprism import pipeline

    return ThreadPoolExecutor(max_workers=1).submit(pipeline.load_resources)


def _compare(articles: list[Article], models: Future) -> StoryReport:
    from newsprism.pipeline import compare as compare_articles

    try:
        return compare_articles(articles, models.result())
    except NewsprismError as error:
        _exit_with(error)


def _emit(report: StoryReport, html_path: Path | None, md_path: Path | None, json_path: Path | None) -> None:
    from newsprism.report import render_html, render_markdown, render_terminal

    click.echo(render_terminal(report, width=min(shutil.get_terminal_size().columns, 120)))
    outputs = [(html_path, render_html), (md_path, render_markdown), (json_path, StoryReport.to_json)]
    for path, render in outputs:
        if path is not None:
            path.write_text(render(report), encoding="utf-8")
            click.echo(f"wrote {path}")
