"""The HTML report in a real browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import pytest

from newsprism import compare, read_text
from newsprism.report import render_html

pytestmark = pytest.mark.browser

HOSTILE = ("Mayor Jo Ames opened the bridge on Monday. <img src=x onerror=\"window.pwned=1\"> "
           "<script>window.pwned = 2</script> Officials said 40 cars crossed it in the first hour.")
PLAIN = "Mayor Jo Ames opened the bridge on Monday, and officials said 400 cars crossed it in the first hour."


@pytest.fixture(scope="module")
def page_file(resources, tmp_path_factory):
    report = compare([read_text(HOSTILE, outlet="Hostile Herald"), read_text(PLAIN, outlet="Plain Post")], resources)
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path, report


def test_report_browser_runs_no_article_script(browser, page_file):
    path, _ = page_file
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d), d.dismiss()))
    page.goto(path.as_uri())
    assert page.evaluate("window.pwned === undefined") and not dialogs
    assert "<script>window.pwned = 2</script>" in page.inner_text(".columns")


def test_report_browser_link_scrolls_to_and_flashes_the_sentence(browser, page_file, tmp_path):
    path, report = page_file
    group = next(g for g in report.claims if len(g.article_ids) == 2)
    claim = group.claims[-1]
    page = browser.new_page(viewport={"width": 1200, "height": 700})
    page.goto(path.as_uri())
    page.click(f'[data-go="m-{claim.id}"]')
    target = page.locator(f"#m-{claim.id}")
    assert "flash" in (target.get_attribute("class") or "")
    assert page.evaluate(f"document.getElementById('m-{claim.id}').getBoundingClientRect().top") < 700
    page.screenshot(path=str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000
