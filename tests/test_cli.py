"""The command line, through click's runner: outputs written, bad input named, exit codes honest."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import SEED_BLOG, SEED_NEWS, require_shared
from newsprism import cli


@pytest.fixture(autouse=True)
def _reuse_models(monkeypatch, resources):
    """Load the models once for the whole module instead of once per command."""
    monkeypatch.setattr("newsprism.pipeline.load_resources", lambda: resources)


def _run(*args):
    return CliRunner().invoke(cli.main, list(args))


def test_cli_compare_writes_every_format(tmp_path):
    require_shared(SEED_NEWS)
    html, md, js = tmp_path / "r.html", tmp_path / "r.md", tmp_path / "r.json"
    result = _run("compare", str(SEED_NEWS), str(SEED_BLOG), "--date", "2020-01-01",
                  "--html", str(html), "--md", str(md), "--json", str(js))
    assert result.exit_code == 0, result.output
    assert "CONFLICTS" in result.output and "CNSNews.com" in result.output
    assert json.loads(js.read_text())["schema_version"] == "1.0"
    assert html.read_text().startswith("<!doctype html>") and md.read_text().startswith("# ")


def test_cli_compare_skips_a_bad_input_and_goes_on(tmp_path):
    require_shared(SEED_NEWS)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = _run("compare", str(SEED_NEWS), str(empty), str(SEED_BLOG))
    assert result.exit_code == 0
    assert f"skipped {empty}: is empty" in result.output


def test_cli_compare_fails_when_fewer_than_two_articles_are_usable(tmp_path):
    require_shared(SEED_NEWS)
    result = _run("compare", str(SEED_NEWS), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.output and "at least two usable articles" in result.output


def test_cli_compare_skips_an_article_not_in_english(tmp_path):
    require_shared(SEED_NEWS)
    german = tmp_path / "de.txt"
    german.write_text("Die Regierung hat am Dienstag neue Regeln für den Hafen beschlossen, sagte ein Sprecher der Stadt.")
    result = _run("compare", str(SEED_NEWS), str(SEED_BLOG), str(german))
    assert result.exit_code == 0 and "not English (detected de)" in result.output


def test_cli_compare_checks_date_and_source_counts():
    result = _run("compare", "a.txt", "b.txt", "c.txt", "--date", "2020-01-01", "--date", "2020-01-02")
    assert result.exit_code == 2 and "--date is given 2 times for 3 articles" in result.output
    result = _run("compare", "a.txt", "b.txt", "--date", "yesterday")
    assert result.exit_code == 2 and "not a date" in result.output


def test_cli_demo_writes_the_html_report(tmp_path):
    target = tmp_path / "demo.html"
    result = _run("demo", "--html", str(target))
    assert result.exit_code == 0, result.output
    assert "The Harbor Ledger" in result.output and str(target.resolve()) in result.output
    assert "Green Harbor" in target.read_text()
