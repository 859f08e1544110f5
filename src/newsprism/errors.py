"""Errors newsprism raises on purpose.

    NewsprismError
    ├── InputError          one input could not be read as an article (names the input and why)
    ├── NotComparableError  nothing left to compare (fewer than two usable articles)
    └── DatabaseError       a corpus database cannot be opened, or holds no corpus (names the database)

Foreign exceptions (OSError, JSON and HTML parser errors, HTTP errors) are mapped to these at the
boundary where the input is read, so a caller only ever catches `NewsprismError`.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base of every error newsprism raises for bad input."""


class InputError(NewsprismError):
    """An input that is not a usable article: the message names the input and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class NotComparableError(NewsprismError):
    """Fewer than two usable articles were left to compare."""


class DatabaseError(NewsprismError):
    """A corpus database URL that cannot be opened or that holds no corpus: the message names it (password hidden)."""


def first_line(error: BaseException) -> str:
    """The first line of a foreign error's message (which may be bytes, and may go on with the text around the
    fault), for a one-line error of our own; the error's type when it has no message."""
    message = error.args[0] if error.args else ""
    text = (message.decode("utf-8", "replace") if isinstance(message, bytes) else str(error)).strip()
    return text.splitlines()[0] if text else type(error).__name__
