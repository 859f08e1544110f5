"""The Markdown report: the same sections as the HTML page, conflicts first."""

from __future__ import annotations

from newsprism.models import ClaimGroup, StoryReport
from newsprism.report.view import in_order, inferred_marks, outlet_names, sentence_of, snippet


def render_markdown(report: StoryReport) -> str:
    names = outlet_names(report)
    lines = [f"# {' / '.join(names.values())}", ""]
    for article in report.articles:
        marks = inferred_marks(article)
        inferred = f" ({'; '.join(marks)})" if marks else ""
        lines.append(f"- **{names[article.id]}**{inferred}: {article.title or 'untitled'}, {article.published or 'date unknown'}")
    lines += [f"- warning: {w}" for w in report.warnings]
    lines += ["", "## Neutral summary", ""]
    lines += [f"{n}. {s.text} ({s.claim_group})" for n, s in enumerate(report.summary, 1)] or ["Nothing corroborated."]
    for verdict, title in (("conflicting", "Where the sources conflict"), ("corroborated", "What two or more sources report"),
                           ("single-source", "What only one source reports")):
        lines += ["", f"## {title}", ""]
        lines += [line for g in report.claims if g.verdict == verdict for line in _group(report, g, names)] or ["None."]
    lines += ["", "## Coverage gaps", ""]
    texts = {g.id: g.text for g in report.claims}
    for gap in report.coverage:
        missing = "; ".join(f"{texts[g]} ({g})" for g in gap.missing) or "nothing"
        lines.append(f"- **{names[gap.article_id]}** leaves out: {missing}")
    lines += ["", "## Timeline", "", "| Date | Event | Reported by |", "|---|---|---|"]
    for entry in report.timeline:
        when = str(entry.start) + (f" – {entry.end}" if entry.end != entry.start else "")
        lines.append(f"| {when} | {_cell(entry.text)} | {', '.join(names[a] for a in in_order(report, entry.article_ids))} |")
    lines += ["", "## Who said what", ""]
    speakers = {e.id: e.name for e in report.entities}
    for quote in report.quotes:
        who = speakers.get(quote.speaker or "", quote.speaker_mention or "unattributed")
        extra = "".join(f", {k}: {v}" for k, v in (("cue", quote.cue), ("channel", quote.channel)) if v)
        lines.append(f"- **{who}** ({names[quote.span.article_id]}, {quote.kind}{extra}): “{quote.text}”")
    lines += ["", "## Labels by actor", "", "| Actor | " + " | ".join(names.values()) + " |", "|---" * (len(names) + 1) + "|"]
    for entity in report.framing.entities:
        cells = ["; ".join(l.text for l in entity.labels if l.article_id == a.id) for a in report.articles]
        lines.append(f"| {entity.name} | " + " | ".join(_cell(c) for c in cells) + " |")
    lines += ["", "## Framing", ""]
    for framing in report.framing.articles:
        loaded = ", ".join(w.text for w in framing.loaded_words) or "none"
        lines.append(f"- **{names[framing.article_id]}**: {framing.opinion_share:.0%} opinion, "
                     f"{framing.attributed_share:.0%} attributed sentences; loaded words: {loaded}")
    opinion = [s for s in report.sentences if s.kind == "opinion"]
    lines += ["", "### Opinion passages", ""] + [f"- {names[s.span.article_id]}: {snippet(report, s.span)}" for s in opinion]
    return "\n".join(lines) + "\n"


def _group(report: StoryReport, group: ClaimGroup, names: dict[str, str]) -> list[str]:
    lines = [f"- **{group.text}** ({group.id}, {group.independent_sources} independent source(s))"]
    for conflict in group.conflicts:
        values = "; ".join(f"{names[v.article_id]}: “{v.text}”" for v in conflict.values)
        lines.append(f"  - conflict over {conflict.kind} ({conflict.about}): {values}")
    for claim in group.claims:
        lines.append(f"  - {names[claim.span.article_id]}: > {snippet(report, sentence_of(report, claim.span))}")
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
