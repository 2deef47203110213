from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import override_settings
from taggit.models import Tag

from articles.demo.content import ARTICLES
from articles.models import Article, Author, Page, Section, SiteSettings, tag_string
from articles.roles import grant_roles

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything seed_demo writes, in a comparable form."""
    return {
        "articles": list(
            Article.objects.order_by("slug").values_list(
                "slug", "status", "published_at", "updated_at", "modified_at", "featured_image"
            )
        ),
        "sections": list(Section.objects.order_by("slug").values_list("slug", "parent__slug")),
        "authors": list(Author.objects.order_by("slug").values_list("slug", "avatar", "user")),
        "pages": list(Page.objects.order_by("slug").values_list("slug", "updated_at")),
        "users": list(get_user_model().objects.order_by("email").values_list("email", "password")),
        "tags": sorted(
            Article.tags.through.objects.values_list("content_object__slug", "tag__name")
        ),
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, seeded once for this module (drawing its pictures takes seconds).

    Each test still runs in its own transaction on top of it; the rows are removed after.
    """
    out = StringIO()
    fast_hasher = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # as the tests use
    with override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"), PASSWORD_HASHERS=fast_hasher
    ):
        with django_db_blocker.unblock():
            # A browser test before this module on its worker may have emptied every table,
            # the roles' groups too (conftest's `_roles` puts them back, but per test).
            grant_roles(Group, Permission)
            call_command("seed_demo", stdout=out)
        yield out.getvalue()
        with django_db_blocker.unblock():
            Article.objects.all().delete()
            Article.history.all().delete()  # history rows outlive their articles
            Tag.objects.all().delete()
            Author.objects.all().delete()
            Section.objects.exclude(parent=None).delete()
            Section.objects.all().delete()
            Page.objects.all().delete()
            SiteSettings.objects.all().delete()
            get_user_model().objects.all().delete()


def test_running_seed_demo_twice_changes_nothing(seeded, capsys):
    before = snapshot()
    call_command("seed_demo")
    assert "0 new stories, 0 new pages" in capsys.readouterr().out
    assert snapshot() == before


def test_seed_demo_creates_the_sections_and_both_menus_of_the_layout(seeded):
    primary = Section.objects.filter(in_primary_menu=True).order_by("position")
    mobile = Section.objects.filter(in_mobile_menu=True).order_by("mobile_position")
    assert [s.name for s in primary] == ["India", "World", "Business", "Entertainment", "Sports"]
    assert [s.name for s in mobile] == [
        "India News", "State", "World", "Entertainment", "Business",
        "Trending", "Sports", "Career", "Lifestyle", "Languages",
    ]  # fmt: skip
    assert set(Section.objects.filter(parent__slug="india").values_list("name", flat=True)) == {
        "India News",
        "State",
    }


def test_seed_demo_writes_sixty_live_stories_across_every_section_and_month(seeded):
    live = Article.objects.live()
    assert live.count() >= 60
    for section in Section.objects.all():
        assert live.filter(section=section).exists(), section
    oldest = live.order_by("published_at").first().published_at
    newest = live.order_by("published_at").last().published_at
    assert (newest - oldest).days >= 25


def test_seed_demo_includes_drafts_stories_in_review_and_a_scheduled_one(seeded):
    statuses = Article.objects.values_list("status", flat=True)
    assert list(statuses).count(Article.Status.DRAFT) >= 1
    assert list(statuses).count(Article.Status.IN_REVIEW) >= 1
    assert any(article.is_scheduled for article in Article.objects.all())


def test_seed_demo_stories_have_pictures_tags_and_bylines(seeded):
    for article in Article.objects.live().for_detail():
        assert article.featured_image and article.featured_image_alt
        assert article.featured_image_width == 1200
        assert article.tags.all()
        assert article.byline_authors


def test_seed_demo_creates_the_desk_byline_and_reporters(seeded):
    assert Author.objects.get(name="NM Desk").is_desk
    assert Author.objects.filter(is_desk=False).count() >= 3


def test_seed_demo_creates_the_standing_pages(seeded):
    assert set(Page.objects.values_list("title", flat=True)) >= {
        "About Us",
        "Privacy Policy",
        "Terms of Use",
        "Contact Us",
    }


def test_seed_demo_prints_working_sign_ins_for_every_role(seeded, client):
    for email, role in [
        ("admin@example.com", "Administrator"),
        ("editor@example.com", "Editor"),
        ("writer@example.com", "Writer"),
        ("reader@example.com", "Reader"),
    ]:
        assert email in seeded
        assert role in seeded
        assert client.login(email=email, password="newsroom-demo")
    assert "newsroom-demo" in seeded


def test_the_demo_editor_signs_in_to_the_admin(seeded, client):
    client.login(email="editor@example.com", password="newsroom-demo")
    response = client.get("/admin/articles/article/")
    assert response.status_code == 200
    assert "Monsoon reaches Kerala" in response.content.decode()


def test_seed_demo_articles_adds_that_many_generated_live_stories(seeded):
    before = Article.objects.live().count()
    call_command("seed_demo", articles=250)
    assert Article.objects.live().count() == before + 250
    generated = Article.objects.live().exclude(
        pk__in=Article.objects.filter(created_by__isnull=False)
    )
    assert all(a.byline_authors and a.reading_minutes >= 1 for a in generated.for_cards()[:50])


def test_seed_demo_refuses_a_negative_article_count(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("seed_demo", articles=-1)


def test_each_demo_story_starts_with_a_revision_naming_its_editor_and_tags(seeded):
    story = Article.objects.get(slug=ARTICLES[0]["slug"])
    (revision,) = story.history.all()
    assert revision.history_user == story.last_edited_by
    assert revision.tag_names == tag_string(ARTICLES[0]["tags"])


def test_the_demo_sign_ins_mention_a_second_factor_only_when_staff_need_one(
    seeded, settings, capsys
):
    assert "second factor" not in seeded  # development: the demo staff sign in with a password
    settings.NEWSROOM_REQUIRE_STAFF_MFA = True
    call_command("seed_demo")
    assert "set up a second factor" in capsys.readouterr().out


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_seed_demo_makes_the_pictures_copies_without_waiting_for_a_worker(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    grant_roles(Group, Permission)
    Article.objects.all().delete()  # the module's seeded site, if made already (rolled back)
    call_command("seed_demo", stdout=StringIO())
    stories = Article.objects.exclude(featured_image="")
    assert stories.exists()
    assert not stories.filter(featured_image_sizes=[]).exists()
