"""Serving with production settings: whitenoise's static files, media, and a real gunicorn."""

import json
import re
from pathlib import Path

import brotli
import pytest

from tests.servers import base_environment, get, requires_gunicorn, settings_output

ROOT = Path(__file__).resolve().parent.parent
HASHED_CSS = re.compile(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"')
TEN_YEARS = "max-age=315360000"


def production_setting(expression: str, **env: str):
    """The value of `expression` (over `settings`) with production settings, as JSON."""
    code = f"import json; print(json.dumps({expression}, default=str))"
    return json.loads(settings_output(code, base_environment(**env)))


def test_production_static_files_use_whitenoises_compressed_manifest_storage():
    backend = production_setting("settings.STORAGES['staticfiles']['BACKEND']")
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_whitenoise_middleware_comes_right_after_the_security_middleware():
    middleware = production_setting("settings.MIDDLEWARE")
    assert middleware[:2] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]


def test_development_keeps_the_plain_static_storage():
    backend = production_setting("settings.STORAGES['staticfiles']['BACKEND']", DJANGO_DEBUG="1")
    assert backend == "django.contrib.staticfiles.storage.StaticFilesStorage"


def test_production_serves_no_media_unless_asked():
    assert production_setting("settings.SERVE_MEDIA", DJANGO_SERVE_MEDIA="") is False
    assert production_setting("settings.SERVE_MEDIA", DJANGO_SERVE_MEDIA="1") is True


# A live story with a featured image, made through the servers' own settings and database.
SEED = """
import io, json
from django.core.files.base import ContentFile
from PIL import Image
from tests.factories import ArticleFactory
article = ArticleFactory(live=True, headline="Metro line opens", slug="metro-line-opens")
picture = io.BytesIO()
Image.new("RGB", (640, 360), (40, 90, 160)).save(picture, "JPEG")
article.featured_image.save("metro.jpg", ContentFile(picture.getvalue()), save=False)
article.featured_image_alt = "A train at the platform"
article.save()
print(json.dumps({"story": article.get_absolute_url(), "image": article.featured_image.url}))
"""


@pytest.fixture(scope="module")
def site(module_gunicorn_servers):
    """One production server (2 workers) with one live story, for this module's tests."""
    servers = module_gunicorn_servers(count=1)
    servers.paths = json.loads(servers.shell(SEED).strip().splitlines()[-1])
    servers.wait_for_jobs()  # the picture's copies: the pages do not change under the tests
    return servers


@requires_gunicorn
def test_home_page_answers_with_debug_off(site):
    status, headers, body = get(site.url + "/")
    assert status == 200, site.log()
    assert b"Metro line opens" in body
    assert "public" in headers["Cache-Control"]


@requires_gunicorn
def test_story_page_answers_with_debug_off(site):
    status, _, body = get(site.url + site.paths["story"])
    assert status == 200, site.log()
    assert b"<h1" in body and b"Metro line opens" in body


@requires_gunicorn
def test_the_worker_beside_gunicorn_made_the_pictures_copies_for_the_story_page(site):
    status, _, body = get(site.url + site.paths["story"])
    assert status == 200
    assert b"-400w.webp 400w" in body or b"-400w.jpg 400w" in body


@requires_gunicorn
def test_a_missing_page_is_the_sites_404_page_not_the_debug_page(site):
    status, _, body = get(site.url + "/no-such-page/at-all/")
    assert status == 404
    assert b"Page not found" in body
    assert b'class="site-header"' in body
    assert b"URLconf" not in body and b"Traceback" not in body


@requires_gunicorn
def test_pages_link_hashed_static_files(site):
    _, _, body = get(site.url + "/")
    assert HASHED_CSS.search(body.decode())


@requires_gunicorn
def test_a_hashed_static_file_is_cached_for_ten_years_and_sent_compressed(site):
    _, _, page = get(site.url + "/")
    css = HASHED_CSS.search(page.decode()).group(1)
    status, headers, body = get(site.url + css, {"Accept-Encoding": "br, gzip"})
    assert status == 200
    assert headers["Cache-Control"] == f"{TEN_YEARS}, public, immutable"
    assert headers["Content-Encoding"] == "br"
    original = (site.static_root / css.removeprefix("/static/")).read_bytes()
    assert brotli.decompress(body) == original


@requires_gunicorn
def test_a_static_file_is_sent_gzipped_to_a_client_without_brotli(site):
    _, _, page = get(site.url + "/")
    css = HASHED_CSS.search(page.decode()).group(1)
    status, headers, _ = get(site.url + css, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"


@requires_gunicorn
def test_an_unhashed_static_name_is_cached_for_a_minute_only(site):
    status, headers, _ = get(site.url + "/static/css/site.css")
    assert status == 200
    assert headers["Cache-Control"] == "max-age=60, public"


@requires_gunicorn
def test_media_files_are_served_when_asked_for_with_a_days_caching(site):
    status, headers, body = get(site.url + site.paths["image"])
    assert status == 200, site.log()
    assert headers["Content-Type"] == "image/jpeg"
    assert headers["Cache-Control"] == "public, max-age=86400"
    assert body.startswith(b"\xff\xd8")  # a JPEG


@requires_gunicorn
def test_media_serving_answers_only_get_and_head(site):
    image = site.url + site.paths["image"]
    assert get(image, method="HEAD")[0] == 200
    assert get(image, method="OPTIONS")[0] == 405
    assert get(image, method="POST")[0] in {403, 405}  # CSRF refuses it before the view


@requires_gunicorn
def test_media_serving_never_leaves_the_media_folder(site):
    # The server's log lies next to the media folder.
    assert (site.media_root.parent / "server-0.log").is_file()
    for path in (
        "/media/../server-0.log",
        "/media/..%2Fserver-0.log",
        "/media/%2e%2e/server-0.log",
    ):
        status, _, body = get(site.url + path)
        assert status in {400, 404}, path
        assert b"Serving the demo site" not in body
