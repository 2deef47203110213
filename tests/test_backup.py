"""`manage.py backup` and `manage.py restore` (issue 8, "Backups"): a site backed up, wiped
and restored is the same site, row for row and byte for byte."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import tarfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Follow, SavedStory
from articles import workflow
from articles.models import Article, ContactMessage, LegacyURL, SiteSettings
from newsroom.backup import EXCLUDED, backed_up_models
from tests import factories
from tests.servers import get, requires_gunicorn


@pytest.fixture
def whole_site(reader_site, editor):
    """A small site with something in every table: stories with pictures, revisions,
    editorial events, tags, bylines, old addresses, readers with verified addresses, their
    saved stories and follows, contact messages, site settings, an admin log entry."""
    story = reader_site.article
    story.headline = "Metro line opens to the airport, with a night service"
    story.save()  # a second revision
    draft = factories.ArticleFactory(headline="Budget talks continue", authors=[reader_site.desk])
    workflow.submit(article=draft, by=editor)
    workflow.approve(article=draft, by=editor, note="Good to go.")
    workflow.unpublish(article=draft, by=editor, note="Embargo.")
    workflow.schedule(article=draft, by=editor, at=timezone.now() + timedelta(days=1))
    LegacyURL.objects.create(path="/2024/05/metro-line-opens", article=story)
    LegacyURL.objects.create(path="/?p=12", article=story)
    reader = factories.UserFactory(email="reader@example.com", name="Asha Reader")
    factories.SavedStoryFactory(user=reader, article=story)
    factories.FollowFactory(user=reader, section=reader_site.india)
    factories.FollowFactory(user=reader, section=None, author=reader_site.reporter)
    ContactMessage.objects.create(
        name="Ravi", email="ravi@example.com", subject="Typo", message="In the metro story."
    )
    site = SiteSettings.current()
    site.tagline = "Restored news, as it was"
    site.save()
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(story.pk),
        object_repr=str(story),
        action_flag=CHANGE,
        change_message="Changed headline.",
    )
    assert SavedStory.objects.exists() and Follow.objects.exists()
    return reader_site


def rows() -> dict[str, list[dict]]:
    """Every row of every table a backup holds, in primary-key order."""
    return {
        model._meta.label_lower: list(model._base_manager.order_by("pk").values())
        for model in backed_up_models()
    }


def media() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def wipe() -> None:
    """A new, empty site: `flush` (migrate's rows come back, as in a new database) and no
    media."""
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def backup_file(tmp_path) -> Path:
    return tmp_path / "backups" / "site.tar.gz"


def test_a_wiped_site_restored_from_its_backup_is_the_same_row_for_row_and_byte_for_byte(
    transactional_db, whole_site, backup_file
):
    before_rows, before_media = rows(), media()
    assert len(before_media) > 10  # pictures, their renditions, the avatar
    assert all(before_rows[label] for label in ("articles.historicalarticle", "accounts.follow"))
    call_command("backup", str(backup_file), stdout=io.StringIO())
    wipe()
    assert not media() and not rows()["articles.article"]

    out = io.StringIO()
    call_command("restore", str(backup_file), stdout=out)

    assert rows() == before_rows
    assert media() == before_media
    assert "every checksum verified" in out.getvalue()
    assert "articles.article: 13" in out.getvalue()


def test_a_restored_reader_signs_in_with_their_password(transactional_db, whole_site, backup_file):
    call_command("backup", str(backup_file), stdout=io.StringIO())
    wipe()
    call_command("restore", str(backup_file), stdout=io.StringIO())
    client = Client()
    response = client.post(
        reverse("account_login"),
        {"login": "reader@example.com", "password": factories.PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/accounts/state/").json()["authenticated"] is True


def test_restore_replaces_a_database_with_content_only_when_told(
    transactional_db, whole_site, backup_file
):
    before = rows()
    call_command("backup", str(backup_file), stdout=io.StringIO())
    factories.ArticleFactory(headline="Written after the backup")
    with pytest.raises(CommandError, match=r"not empty \(.*articles\.article.*--replace"):
        call_command("restore", str(backup_file), stdout=io.StringIO())
    assert Article.objects.filter(headline="Written after the backup").exists()

    call_command("restore", str(backup_file), "--replace", stdout=io.StringIO())
    assert rows() == before


def test_sessions_are_left_out_of_a_backup_and_everyone_signs_in_again(
    transactional_db, whole_site, backup_file, editor
):
    Client().force_login(editor)
    assert Session.objects.exists()
    call_command("backup", str(backup_file), stdout=io.StringIO())
    with tarfile.open(backup_file) as archive:
        data = json.load(archive.extractfile("data.json"))
        manifest = json.load(archive.extractfile("manifest.json"))
    assert "sessions.session" in EXCLUDED
    assert not [row for row in data if row["model"] == "sessions.session"]
    assert "sessions.session" not in manifest["counts"]
    call_command("restore", str(backup_file), "--replace", stdout=io.StringIO())
    assert not Session.objects.exists()


def test_the_manifest_says_what_the_backup_holds(db, whole_site, backup_file):
    call_command("backup", str(backup_file), stdout=io.StringIO())
    with tarfile.open(backup_file) as archive:
        names = archive.getnames()
        manifest = json.load(archive.extractfile("manifest.json"))
    assert names[:2] == ["manifest.json", "data.json"]
    assert manifest["format"] == "newsroom-backup" and manifest["version"] == 1
    assert manifest["migrations"]["articles"].startswith("00")
    assert manifest["counts"]["articles.article"] == Article.objects.count()
    assert manifest["counts"]["auth.group_permissions"] > 0
    listed = {entry["path"] for entry in manifest["media"]}
    assert listed == set(media()) == {name.removeprefix("media/") for name in names[2:]}
    assert all(len(entry["sha256"]) == 64 for entry in manifest["media"])


def test_a_backup_is_readable_by_its_owner_only(db, whole_site, backup_file):
    call_command("backup", str(backup_file), stdout=io.StringIO())
    assert stat.S_IMODE(os.stat(backup_file).st_mode) == 0o600


def test_backup_never_overwrites_a_file(db, whole_site, backup_file):
    call_command("backup", str(backup_file), stdout=io.StringIO())
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(backup_file), stdout=io.StringIO())


def test_backup_into_a_folder_names_the_file_for_the_time(db, whole_site, tmp_path):
    call_command("backup", str(tmp_path), stdout=io.StringIO())
    assert len(list(tmp_path.glob("newsroom-backup-*.tar.gz"))) == 1


# Refusals: each leaves the database and the media as they were.


def rewrite(source: Path, target: Path, change) -> None:
    """A copy of the backup with `change(name, bytes) -> (name, bytes)` applied to members."""
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            name, content = change(member.name, old.extractfile(member).read())
            info = tarfile.TarInfo(name)
            info.size = len(content)
            new.addfile(info, io.BytesIO(content))


@pytest.fixture
def restorable(transactional_db, whole_site, backup_file):
    """A backup, and a database with only what migrate makes, ready for it."""
    call_command("backup", str(backup_file), stdout=io.StringIO())
    wipe()
    return backup_file


def test_restore_refuses_a_backup_of_another_schema_and_says_which(restorable, tmp_path):
    def older(name, content):
        if name == "manifest.json":
            manifest = json.loads(content)
            manifest["migrations"]["articles"] = "0004_something_older"
            content = json.dumps(manifest).encode()
        return name, content

    rewrite(restorable, tmp_path / "older.tar.gz", older)
    with pytest.raises(CommandError, match="another database schema") as refused:
        call_command("restore", str(tmp_path / "older.tar.gz"), stdout=io.StringIO())
    assert "articles: the backup has 0004_something_older, this database has 00" in str(
        refused.value
    )
    assert not Article.objects.exists() and not media()


def test_restore_refuses_a_damaged_file_before_it_changes_anything(restorable, tmp_path):
    def damaged(name, content):
        if name.startswith("media/") and name.endswith(".jpg"):
            content = content[:-1] + bytes([content[-1] ^ 0xFF])
        return name, content

    rewrite(restorable, tmp_path / "damaged.tar.gz", damaged)
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(tmp_path / "damaged.tar.gz"), stdout=io.StringIO())
    assert not Article.objects.exists() and not media()


def test_restore_refuses_a_file_name_that_would_land_outside_the_media_folder(restorable, tmp_path):
    def escaping(name, content):
        return (name.replace("media/", "media/../../", 1) if name.startswith("media/") else name), (
            content
        )

    rewrite(restorable, tmp_path / "escaping.tar.gz", escaping)
    with pytest.raises(CommandError, match="unsafe name"):
        call_command("restore", str(tmp_path / "escaping.tar.gz"), stdout=io.StringIO())
    assert not Article.objects.exists()


def test_restore_refuses_what_is_not_a_backup(db, tmp_path):
    other = tmp_path / "other.tar.gz"
    with tarfile.open(other, "w:gz") as archive:
        archive.addfile(tarfile.TarInfo("notes.txt"), io.BytesIO(b""))
    with pytest.raises(CommandError, match="Not a Newsroom backup"):
        call_command("restore", str(other), stdout=io.StringIO())


# Real processes: made on one site's database, restored into another's.

SEED = """
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image
import io
from accounts.staff import create_staff
from articles.models import Article, ArticleAuthor, Author, Section

create_staff(email="editor@example.com", password="a long editor password", role="Editor")
city = Section.objects.create(name="City", slug="city")
author = Author.objects.create(name="Asha Rao", slug="asha-rao")
story = Article(
    slug="ferry", headline="Ferry service resumes", section=city, summary="A summary.",
    body="<p>Text.</p>", status="published", published_at=timezone.now(),
)
picture = io.BytesIO()
Image.new("RGB", (900, 600), (30, 90, 160)).save(picture, "JPEG")
story.featured_image.save("ferry.jpg", ContentFile(picture.getvalue()), save=False)
story.save()
ArticleAuthor.objects.create(article=story, author=author, order=0)
story.tags.set(["transport"])
"""

DIGEST = """
import hashlib, json
from newsroom.backup import backed_up_models
print(hashlib.sha256(json.dumps({
    m._meta.label_lower: list(m._base_manager.order_by("pk").values())
    for m in backed_up_models()
}, sort_keys=True, default=str).encode()).hexdigest())
"""

IMAGE = (
    "from articles.models import Article\n"
    "print(Article.objects.get(slug='ferry').featured_image.url)"
)


@requires_gunicorn
def test_a_backup_made_on_one_site_restores_into_a_new_database_that_serves_it(
    gunicorn_servers, tmp_path
):
    old, new = gunicorn_servers(count=1), gunicorn_servers(count=1)
    old.shell(SEED)
    old.wait_for_jobs()  # the picture's copies, made by the old site's worker
    backup = tmp_path / "site.tar.gz"
    old.manage("backup", str(backup))
    new.manage("restore", str(backup))

    assert new.shell(DIGEST) == old.shell(DIGEST)
    status, _, body = get(new.url + "/news/ferry/", headers={"Host": "127.0.0.1"})
    assert status == 200 and b"Ferry service resumes" in body
    image = old.shell(IMAGE).strip()
    assert get(new.url + image)[2] == get(old.url + image)[2]
    assert get(new.url + image)[0] == 200

    from bench.editor import Editor

    editor = Editor(new.url)
    editor.sign_in("editor@example.com", "a long editor password")
    assert editor.request("/admin/").status == 200
