"""Media in an S3-compatible bucket (docs/object-storage.md), against a real local S3 server:
`moto` in server mode, started here on a free port. Uploads and their renditions land in the
bucket, pages point at the CDN's address without asking the bucket anything, MEDIA_ROOT is
never touched, and a picture uploaded through one server is served to the other's readers."""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from lxml import html as lxml_html

from articles.images import rendition_formats
from articles.models import Picture
from bench.editor import Editor, Response, forms
from tests.factories import ArticleFactory, _jpeg
from tests.servers import free_port, get, requires_gunicorn

ROOT = Path(__file__).resolve().parent.parent
CDN = "https://cdn.example.test"
PREFIX = "media"
# moto takes any keys; these only have to be the same for the servers and for us.
KEYS = {"aws_access_key_id": "newsroom-test", "aws_secret_access_key": "newsroom-test"}
REGION = "us-east-1"
START_TIMEOUT = 30.0


@dataclass
class LocalS3:
    endpoint: str
    client: object

    def new_bucket(self) -> str:
        """A new bucket whose objects anyone may read, as behind a CDN or a public bucket."""
        name = f"newsroom-{uuid.uuid4().hex[:12]}"
        self.client.create_bucket(Bucket=name)
        self.client.put_bucket_policy(
            Bucket=name,
            Policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": "*",
                            "Action": "s3:GetObject",
                            "Resource": f"arn:aws:s3:::{name}/*",
                        }
                    ],
                }
            ),
        )
        return name

    def keys(self, bucket: str) -> set[str]:
        listed = self.client.list_objects_v2(Bucket=bucket)
        return {entry["Key"] for entry in listed.get("Contents", [])}

    def read(self, bucket: str, key: str) -> bytes:
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()


@pytest.fixture(scope="module")
def s3() -> Iterator[LocalS3]:
    """`moto_server` on a free port of 127.0.0.1 for this module, stopped at its end."""
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_answering(endpoint, process, log)
            client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **KEYS)
            yield LocalS3(endpoint=endpoint, client=client)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_answering(endpoint: str, process: subprocess.Popen, log) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"moto_server exited:\n{log.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(endpoint + "/", timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"moto_server did not answer in {START_TIMEOUT} s") from None
            time.sleep(0.1)


def bucket_environment(s3: LocalS3, bucket: str, media_url: str = CDN) -> dict[str, str]:
    """The environment that puts a site's media into `bucket`, served from `media_url`."""
    return {
        "NEWSROOM_MEDIA_S3_BUCKET": bucket,
        "NEWSROOM_MEDIA_S3_PREFIX": PREFIX,
        "NEWSROOM_MEDIA_S3_ENDPOINT_URL": s3.endpoint,
        "NEWSROOM_MEDIA_S3_REGION": REGION,
        "NEWSROOM_MEDIA_S3_ACCESS_KEY_ID": KEYS["aws_access_key_id"],
        "NEWSROOM_MEDIA_S3_SECRET_ACCESS_KEY": KEYS["aws_secret_access_key"],
        "NEWSROOM_MEDIA_URL": media_url,
    }


def settings_from(monkeypatch, **environment: str) -> dict:
    """newsroom/settings.py's values as it makes them from `environment` (the site's own
    variables of this shell left out)."""
    # The test run's own switches stay (Playwright's event loop, left running in this thread
    # by a browser test before, needs DJANGO_ALLOW_ASYNC_UNSAFE for the database to open).
    kept = {"DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    for name in os.environ:
        if name.startswith(("DJANGO_", "NEWSROOM_")) and name not in kept:
            monkeypatch.delenv(name)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "newsroom" / "settings.py"))


@pytest.fixture
def bucket(s3, settings, monkeypatch) -> str:
    """A new bucket that this test's site keeps its media in, as settings.py configures it."""
    name = s3.new_bucket()
    made = settings_from(monkeypatch, **bucket_environment(s3, name))
    settings.STORAGES = {**settings.STORAGES, "default": made["STORAGES"]["default"]}
    settings.MEDIA_URL = made["MEDIA_URL"]
    return name


def upload_to_library(client) -> Picture:
    """A 900-pixel-wide picture uploaded through the admin's library form, as editors do."""
    data = {
        "image": SimpleUploadedFile("quay.jpg", _jpeg(), content_type="image/jpeg"),
        "alt": "Boats at the quay",
        "focus_x": 0.5,
        "focus_y": 0.5,
    }
    response = client.post(reverse("admin:articles_picture_add"), data)
    assert response.status_code == 302, response.content[:500]
    return Picture.objects.get(alt="Boats at the quay")


def image_addresses(page: bytes) -> list[str]:
    """Every picture address of a page: each `src`, and each address in a `srcset`."""
    tree = lxml_html.fromstring(page)
    found = [img.get("src") for img in tree.iter("img")]
    for element in tree.xpath("//*[@srcset]"):
        found += [part.split()[0] for part in element.get("srcset").split(",")]
    return found


# --- Settings ---------------------------------------------------------------------------


def test_without_a_bucket_media_stay_on_disk_and_django_may_serve_them(monkeypatch):
    made = settings_from(monkeypatch)
    assert made["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert made["SERVE_MEDIA"] is True


def test_a_bucket_makes_s3_the_media_storage_with_unsigned_never_overwritten_files(monkeypatch):
    made = settings_from(monkeypatch, NEWSROOM_MEDIA_S3_BUCKET="newsroom-media")
    options = made["STORAGES"]["default"]["OPTIONS"]
    assert made["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert (options["bucket_name"], options["querystring_auth"]) == ("newsroom-media", False)
    assert options["file_overwrite"] is False
    assert made["SERVE_MEDIA"] is False


def test_the_media_url_becomes_the_address_of_files_and_is_allowed_by_the_csp(monkeypatch):
    made = settings_from(
        monkeypatch,
        NEWSROOM_MEDIA_S3_BUCKET="newsroom-media",
        NEWSROOM_MEDIA_S3_PREFIX="media",
        NEWSROOM_MEDIA_URL="https://cdn.example.com/site/",
    )
    options = made["STORAGES"]["default"]["OPTIONS"]
    assert (options["url_protocol"], options["custom_domain"]) == ("https:", "cdn.example.com/site")
    assert made["MEDIA_URL"] == "https://cdn.example.com/site/media/"
    assert "https://cdn.example.com" in made["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]


@pytest.mark.parametrize(
    ("environment", "complaint"),
    [
        ({"NEWSROOM_MEDIA_URL": "https://cdn.example.com"}, "set NEWSROOM_MEDIA_S3_BUCKET"),
        (
            {"NEWSROOM_MEDIA_S3_BUCKET": "media", "NEWSROOM_MEDIA_URL": "cdn.example.com"},
            "must be a full address",
        ),
    ],
)
def test_a_media_url_that_cannot_work_is_refused_with_a_message(
    monkeypatch, environment, complaint
):
    with pytest.raises(ImproperlyConfigured, match=complaint):
        settings_from(monkeypatch, **environment)


# --- One site against the local S3 --------------------------------------------------------


def test_an_uploaded_picture_and_its_renditions_are_stored_in_the_bucket(s3, bucket, editor_client):
    picture = upload_to_library(editor_client)
    stem = picture.image.name.removesuffix(".jpg")
    expected = {f"{PREFIX}/{picture.image.name}"} | {
        f"{PREFIX}/renditions/{stem}-{width}w.{ext}"
        for width in (400, 800)
        for ext in rendition_formats()
    }
    assert picture.sizes == [400, 800]
    assert s3.keys(bucket) == expected


def test_the_reader_page_points_its_pictures_at_the_cdn(s3, bucket, editor_client, client):
    picture = upload_to_library(editor_client)
    story = ArticleFactory(live=True, featured_picture=picture)
    page = client.get(story.get_absolute_url())
    addresses = image_addresses(page.content)
    stem = picture.image.name.removesuffix(".jpg")
    for ext in rendition_formats():
        assert f"{CDN}/{PREFIX}/renditions/{stem}-400w.{ext}" in addresses
    assert not [a for a in addresses if stem in a and not a.startswith(f"{CDN}/{PREFIX}/")]


def test_reader_pages_render_without_a_trip_to_the_bucket(
    s3, bucket, editor_client, client, settings
):
    picture = upload_to_library(editor_client)
    story = ArticleFactory(live=True, featured_picture=picture)
    # The same bucket, at an address where nothing answers: any request to it would fail.
    unreachable = f"http://127.0.0.1:{free_port()}"
    default = settings.STORAGES["default"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**default, "OPTIONS": {**default["OPTIONS"], "endpoint_url": unreachable}},
    }
    for path in (story.get_absolute_url(), "/", story.section.get_absolute_url()):
        page = client.get(path)
        assert page.status_code == 200, path
        assert any(
            a.startswith(f"{CDN}/{PREFIX}/renditions/") for a in image_addresses(page.content)
        )


def test_a_site_on_a_bucket_writes_nothing_under_media_root(
    s3, bucket, editor_client, client, settings
):
    picture = upload_to_library(editor_client)
    client.get(ArticleFactory(live=True, featured_picture=picture).get_absolute_url())
    root = Path(settings.MEDIA_ROOT)
    assert not root.exists() or not any(root.rglob("*"))


REFUSAL = "back up the bucket with its own tools"


@pytest.mark.django_db
def test_backup_refuses_a_site_on_a_bucket_and_says_what_to_use(bucket, tmp_path):
    target = tmp_path / "site.tar.gz"
    with pytest.raises(CommandError, match=REFUSAL):
        call_command("backup", str(target))
    assert not target.exists()


@pytest.mark.django_db
def test_restore_refuses_a_site_on_a_bucket_before_touching_the_database(bucket, tmp_path):
    story = ArticleFactory(live=True)
    with pytest.raises(CommandError, match=REFUSAL):
        call_command("restore", str(tmp_path / "site.tar.gz"), replace=True)
    story.refresh_from_db()


# --- Two servers on one bucket ------------------------------------------------------------

STAFF = """
from accounts.staff import create_staff
create_staff(email="editor@example.com", password="a long editor password", role="Editor")
"""

STORY = """
from django.utils import timezone
from articles.models import Article, Picture, Section
picture = Picture.objects.get(alt="Boats at the quay")
city = Section.objects.create(name="City", slug="city")
Article.objects.create(
    slug="quay", headline="Boats return to the quay", section=city, summary="A summary.",
    body="<p>Text.</p>", status="published", published_at=timezone.now(),
    featured_picture=picture,
)
print(picture.image.name)
"""


def multipart(fields: list[tuple[str, str]], files: dict[str, tuple[str, bytes]]):
    """(body, content type) of a form with files, as a browser sends it."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, data) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def admin_upload(editor: Editor, data: bytes, alt: str) -> Response:
    """Upload a picture through the library's add form in the admin, as a browser does."""
    add = "/admin/articles/picture/add/"
    page = editor.request(add)
    assert page.status == 200, page.body[:300]
    (form,) = [form for form in forms(page.body) if form["attrs"].get("id") == "picture_form"]
    fields = [(k, v) for k, v in form["fields"] if k not in {"alt", "focus_x", "focus_y"}]
    fields += [("alt", alt), ("focus_x", "0.5"), ("focus_y", "0.5")]
    body, content_type = multipart(fields, {"image": ("quay.jpg", data)})
    request = urllib.request.Request(
        editor.base_url + add,
        data=body,
        headers={"Content-Type": content_type, "Referer": editor.base_url + add},
    )
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(editor.cookies), _NoRedirect()
    )
    try:
        with opener.open(request, timeout=30) as answer:
            return Response(answer.status, "", answer.read().decode(errors="replace"))
    except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
        body = error.read().decode(errors="replace")
        return Response(error.code, error.headers.get("Location", ""), body)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@requires_gunicorn
def test_a_picture_uploaded_through_one_server_is_served_by_the_other(s3, gunicorn_servers):
    bucket = s3.new_bucket()
    # The "CDN" is the bucket's own address here: what the page names must fetch the bytes.
    media_url = f"{s3.endpoint}/{bucket}"
    site = gunicorn_servers(count=2, environment=bucket_environment(s3, bucket, media_url))
    site.shell(STAFF)
    editor = Editor(site.urls[0])
    editor.sign_in("editor@example.com", "a long editor password")

    uploaded = admin_upload(editor, _jpeg(), "Boats at the quay")
    assert uploaded.status == 302, uploaded.errors()
    site.wait_for_jobs()
    name = site.shell(STORY).strip()
    assert f"{PREFIX}/{name}" in s3.keys(bucket)

    status, _, page = get(f"{site.urls[1]}/news/quay/", headers={"Host": "127.0.0.1"})
    assert status == 200
    stem = name.removesuffix(".jpg")
    src = f"{media_url}/{PREFIX}/renditions/{stem}-800w.jpg"
    assert src in image_addresses(page)
    with urllib.request.urlopen(src, timeout=10) as served:
        assert served.read() == s3.read(bucket, f"{PREFIX}/renditions/{stem}-800w.jpg")
    assert not any(site.media_root.rglob("*"))
