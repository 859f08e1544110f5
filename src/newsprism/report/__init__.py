"""Report: render the one `StoryReport` as HTML, Markdown or terminal text (JSON: `report.to_json()`)."""

from newsprism.report.html import render_html
from newsprism.report.markdown import render_markdown
from newsprism.report.terminal import render_terminal

__all__ = ["render_html", "render_markdown", "render_terminal"]
