import os
import shutil

import pytest

from tests import factories

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# there unless told it is safe (it is: one thread, no real async code).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Media in a temporary folder, a private cache per test, a fast password hasher."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A shared Redis would leak counters and cached rows between tests and xdist workers.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"test-{tmp_path.name}",
        }
    }
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def section(db):
    return factories.SectionFactory()


@pytest.fixture
def author(db):
    return factories.AuthorFactory()


@pytest.fixture
def live_article(db):
    return factories.ArticleFactory(live=True)


@pytest.fixture
def editor(db):
    return factories.UserFactory(role="Editor")


@pytest.fixture
def writer(db):
    return factories.UserFactory(role="Writer")


@pytest.fixture(scope="session")
def chromium_path():
    """Debian's Chromium; tests that need it are skipped, loudly, where it is missing."""
    for candidate in (os.environ.get("CHROMIUM_PATH", ""), *CHROMIUM_CANDIDATES):
        if candidate and shutil.which(candidate):
            return candidate
    message = (
        "Chromium not found: browser tests need Debian's chromium "
        "(sudo apt-get install -y chromium) or CHROMIUM_PATH pointing at a Chromium binary."
    )
    if os.environ.get("NEWSROOM_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
