"""The README stays true: every report key and every command option is documented."""

from __future__ import annotations

from pathlib import Path

from newsprism import cli
from newsprism.models import StoryReport

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_docs_readme_documents_every_report_key():
    for key in StoryReport.model_fields:
        assert f"| `{key}` |" in README, key


def _commands(group, prefix="newsprism"):
    for name, command in group.commands.items():
        yield f"{prefix} {name}", command
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix} {name}")


def test_docs_readme_documents_every_command_and_option():
    for name, command in _commands(cli.main):
        assert name in README
        for param in command.params:
            for option in getattr(param, "opts", []):
                if option.startswith("--"):
                    assert option in README, f"{name} {option}"


def test_docs_quick_start_has_the_two_commands():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert "make demo" in quick and "make test" in quick
    assert "make test" in (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
