"""The HTML report: one self-contained page, every string escaped by Jinja2's autoescape."""

from __future__ import annotations

from collections import defaultdict

from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.models import StoryReport
from newsprism.report.view import dates_of, few_outlets, marks, outlet_names, paragraphs, sentence_of, snippet


def _environment() -> Environment:
    return Environment(loader=PackageLoader("newsprism", "report/templates"), autoescape=select_autoescape(default=True))


def render_html(report: StoryReport, home: str | None = None) -> str:
    """The report as one page; `home`: the address of the page that lists it (a corpus's stories), linked."""
    env = _environment()
    env.filters["snippet"] = lambda span, limit=None: snippet(report, span, limit)
    env.filters["sentence"] = lambda span: snippet(report, sentence_of(report, span))
    article_marks = marks(report)
    return env.get_template("report.html.j2").render(
        report=report,
        home=home,
        names=outlet_names(report),
        verdicts=_by_verdict(report),
        quotes_by_speaker=_quotes_by_speaker(report),
        columns=[(a, paragraphs(a, article_marks.get(a.id, []))) for a in report.articles],
        group_names={g.id: g.text for g in report.claims},
        framing={f.article_id: f for f in report.framing.articles},
    )


def render_corpus_page(title: str, **page) -> str:
    """A page of `corpus serve`: the story list (`stories`, `words`, `min_articles`, `page`, `more`,
    `failure_count`), the failures (`failures`), or a `message` saying what went wrong."""
    env = _environment()
    env.filters["few_outlets"] = few_outlets
    env.filters["dates"] = dates_of
    return env.get_template("corpus.html.j2").render(title=title, **page)


def _by_verdict(report: StoryReport) -> dict[str, list]:
    grouped: dict[str, list] = {"conflicting": [], "corroborated": [], "single-source": []}
    for group in report.claims:
        grouped[group.verdict].append(group)
    return grouped


def _quotes_by_speaker(report: StoryReport) -> list[tuple[str, list]]:
    """Quotes grouped under the speaker's entity name (or the mention as written), most quoted first."""
    names = {e.id: e.name for e in report.entities}
    grouped: dict[str, list] = defaultdict(list)
    for quote in report.quotes:
        grouped[names.get(quote.speaker or "", quote.speaker_mention or "Unattributed")].append(quote)
    return sorted(grouped.items(), key=lambda item: (item[0] == "Unattributed", -len(item[1]), item[0]))
