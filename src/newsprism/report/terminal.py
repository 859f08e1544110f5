"""A concise plain-text summary for the terminal; long lists end with "... and N more"."""

from __future__ import annotations

import textwrap
from collections import Counter, defaultdict

from newsprism.models import StoryReport
from newsprism.report.view import in_order, inferred_marks, outlet_names, snippet

TOP = 5


def render_terminal(report: StoryReport, width: int = 100) -> str:
    names = outlet_names(report)
    out: list[str] = []

    def line(text: str = "", indent: int = 0) -> None:
        out.extend(textwrap.wrap(text, width, initial_indent=" " * indent, subsequent_indent=" " * (indent + 2)) or [""])

    def heading(text: str) -> None:
        out.extend(["", text.upper(), "-" * min(len(text), width)])

    heading("Articles")
    for a in report.articles:
        marks = inferred_marks(a) + ([f"{len(a.removed)} boilerplate line(s) removed"] if a.removed else [])
        line(f"{names[a.id]} · {a.published or 'date unknown'} · {a.title or 'untitled'}" + (f" ({'; '.join(marks)})" if marks else ""))
    for warning in report.warnings[:TOP]:
        line(f"warning: {warning}")
    _more(out, len(report.warnings))
    heading("Neutral summary")
    for s in report.summary:
        line(f"- {s.text}")
    if not report.summary:
        line("Nothing is corroborated by two independent sources.")
    for verdict, title in (("conflicting", "Conflicts"), ("corroborated", "Corroborated")):
        groups = [g for g in report.claims if g.verdict == verdict]
        heading(f"{title} ({len(groups)})")
        for g in groups[:TOP]:
            line(f"- {g.text} [{', '.join(names[a] for a in in_order(report, g.article_ids))}]")
            for k in g.conflicts:
                line(f"{k.kind} ({k.about}): " + " vs ".join(f"{names[v.article_id]} “{v.text}”" for v in k.values), 4)
        _more(out, len(groups))
    heading("Only one source")
    single = Counter(g.article_ids[0] for g in report.claims if g.verdict == "single-source")
    for a in report.articles:
        line(f"{names[a.id]}: {single[a.id]} claim(s) no other source reports")
    heading("Who said what")
    speakers = {e.id: e.name for e in report.entities}
    said = defaultdict(list)
    for q in report.quotes:
        said[speakers.get(q.speaker or "", q.speaker_mention or "unattributed")].append(q)
    for speaker, quotes in sorted(said.items(), key=lambda item: -len(item[1]))[: TOP + 3]:
        example = max(quotes, key=lambda q: len(q.text))  # the longest says most: not the "First," of a split quote
        line(f"- {speaker} ({len(quotes)}): “{snippet(report, example.span, 90)}”" + (f" via {example.channel}" if example.channel else ""))
    _more(out, len(said), TOP + 3)
    heading("Labels by actor")
    for entity in report.framing.entities[:TOP]:
        per = [f"{names[a.id]}: {', '.join(dict.fromkeys(l.text for l in entity.labels if l.article_id == a.id)) or '-'}" for a in report.articles]
        line(f"- {entity.name}: " + " | ".join(per))
    _more(out, len(report.framing.entities))
    heading("Opinion and loaded words")
    for f in report.framing.articles:
        words = ", ".join(dict.fromkeys(w.text for w in f.loaded_words[:8])) or "none"
        line(f"{names[f.article_id]}: {f.opinion_share:.0%} of {f.sentences} sentences opinion; loaded: {words}")
    heading("Timeline")
    for entry in report.timeline[: TOP * 2]:
        when = str(entry.start) + (f"..{entry.end}" if entry.end != entry.start else "")
        line(f"{when}  {entry.text} [{', '.join(names[a] for a in in_order(report, entry.article_ids))}]")
    _more(out, len(report.timeline), TOP * 2)
    return "\n".join(out).lstrip("\n") + "\n"


def _more(out: list[str], total: int, shown: int = TOP) -> None:
    if total > shown:
        out.append(f"  ... and {total - shown} more")
