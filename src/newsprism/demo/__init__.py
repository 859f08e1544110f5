"""The demo story: a fictional warehouse fire told by three fictional outlets (written for newsprism)."""

from __future__ import annotations

from pathlib import Path


def demo_paths() -> list[Path]:
    """The three demo articles (JSON records), in order."""
    return sorted(Path(__file__).parent.glob("*.json"))
