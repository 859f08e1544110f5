"""newsprism: compare how several outlets report one story.

    from newsprism import compare, read_input
    report = compare([read_input("a.txt"), read_input("https://example.org/b.html")])
    print(report.to_json())
"""

from newsprism.annotate import Resources, load_resources
from newsprism.errors import InputError, NewsprismError, NotComparableError
from newsprism.ingest import read_input, read_text
from newsprism.models import SCHEMA_VERSION, Article, StoryReport
from newsprism.pipeline import compare

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "InputError",
    "NewsprismError",
    "NotComparableError",
    "Resources",
    "StoryReport",
    "compare",
    "load_resources",
    "read_input",
    "read_text",
]
