"""Shared fixtures: models loaded once per session, paths to the real data in ../shared/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsprism.annotate import Resources, load_pipeline
from newsprism.annotate.embed import Embedder, StaticEmbedder

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
SEED_NEWS = SEEDS / "000_130a6e0ba7d829d6.txt"
SEED_BLOG = SEEDS / "002_b8c8e3de0ee9f167.txt"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def resources(nlp) -> Resources:
    return Resources(nlp=nlp, embedder=Embedder())


def require_shared(path: Path) -> Path:
    """Skip (with the reason) where ../shared/ is not beside the checkout."""
    if not path.exists():
        pytest.skip(f"{path} not found: the real data lives in ../shared/ beside the repository")
    return path


@pytest.fixture(scope="session")
def lead_embedder() -> StaticEmbedder:
    return StaticEmbedder()


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, driven by Playwright (no browser is downloaded); one a test module, as Playwright's
    event loop must not outlive the module's tests."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (scripts/install-chromium.sh installs it)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        yield browser
        browser.close()
