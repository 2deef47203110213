import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Article, SiteSettings, reading_minutes
from tests.factories import ArticleFactory, AuthorFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_published_story_without_a_publication_time_is_refused_by_the_database():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)


def test_two_stories_cannot_share_a_slug():
    ArticleFactory(slug="budget-day")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(slug="budget-day")


def test_two_sections_cannot_share_a_slug():
    SectionFactory(name="India", slug="india")
    with pytest.raises(IntegrityError), transaction.atomic():
        SectionFactory._meta.model.objects.create(name="India again", slug="india")


def test_an_author_cannot_appear_twice_in_one_byline():
    author = AuthorFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(authors=[author, author])


def test_a_section_with_a_parent_cannot_become_a_parent():
    india = SectionFactory(name="India")
    state = SectionFactory(name="State", parent=india)
    nested = SectionFactory.build(name="Goa", slug="goa", parent=state)
    with pytest.raises(ValidationError, match="one level"):
        nested.full_clean()


def test_a_section_with_children_cannot_be_moved_under_another():
    india = SectionFactory(name="India")
    SectionFactory(name="State", parent=india)
    india.parent = SectionFactory(name="World")
    with pytest.raises(ValidationError, match="sub-sections"):
        india.full_clean()


def test_site_settings_keep_a_single_row():
    SiteSettings(site_name="First").save()
    SiteSettings(site_name="Second").save()
    assert SiteSettings.objects.count() == 1
    assert SiteSettings.current().site_name == "Second"


def test_site_settings_default_to_the_sites_identity():
    site = SiteSettings.current()
    assert (site.site_name, site.publisher) == ("IndiaPost Live", "NM Media")
    assert site.cookie_notice.startswith("This website uses cookie or similar technologies")


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (400, 2), (401, 3), (1000, 5)]
)
def test_reading_minutes_is_words_over_two_hundred_rounded_up_and_at_least_one(words, minutes):
    assert reading_minutes("<p>" + " ".join(["word"] * words) + "</p>") == minutes


def test_reading_minutes_counts_words_not_markup():
    html = (
        "<p>"
        + "<strong>word</strong> " * 200
        + "</p><p>"
        + "<a href='https://x.in'>w</a> "
        + "</p>"
    )
    assert reading_minutes(html) == 2


def test_saving_a_story_stores_its_reading_minutes():
    article = ArticleFactory(body="<p>" + "word " * 450 + "</p>")
    article.refresh_from_db()
    assert article.reading_minutes == 3


def test_saving_only_the_body_also_updates_reading_minutes():
    article = ArticleFactory()
    article.body = "<p>" + "word " * 650 + "</p>"
    article.save(update_fields=["body"])
    article.refresh_from_db()
    assert article.reading_minutes == 4


@pytest.mark.parametrize(
    "obj",
    [
        lambda: ArticleFactory(live=True),
        lambda: SectionFactory(),
        lambda: AuthorFactory(),
        lambda: PageFactory(slug="about-us"),
    ],
    ids=["article", "section", "author", "page"],
)
def test_every_public_model_has_a_url_that_answers(client, obj):
    response = client.get(obj().get_absolute_url())
    assert response.status_code == 200
