"""articles/slugs.py: story slugs in any script, Indian scripts' vowel signs kept."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.slugs import unicode_slug, validate_slug
from tests.factories import ArticleFactory, UserFactory


def test_a_hindi_headline_keeps_its_vowel_signs():
    assert unicode_slug("हिंदी समाचार: आज की ख़बरें", 200) == "हिंदी-समाचार-आज-की-ख़बरें"


def test_a_tamil_headline_keeps_its_vowel_signs():
    assert unicode_slug("சென்னை மழை", 200) == "சென்னை-மழை"


def test_latin_headlines_are_lower_case_with_hyphens():
    assert unicode_slug("Metro Line Opens, at Last!", 200) == "metro-line-opens-at-last"


def test_a_cut_at_the_limit_leaves_no_hyphen_at_the_end():
    assert unicode_slug("metro line opens", 6) == "metro"


def test_the_validator_accepts_any_script_and_refuses_spaces_and_slashes():
    validate_slug("हिंदी-समाचार")
    for bad in ("two words", "a/b", "", "what?"):
        with pytest.raises(ValidationError):
            validate_slug(bad)


@pytest.mark.django_db
def test_a_story_with_a_hindi_slug_answers_at_its_address(client):
    story = ArticleFactory(live=True, slug="हिंदी-समाचार")
    url = story.get_absolute_url()
    assert url == reverse("articles:detail", kwargs={"slug": "हिंदी-समाचार"})
    assert url.startswith("/news/%E0%A4%B9")
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_the_story_form_accepts_a_slug_in_another_script(client):
    from tests.admin_forms import change_form_data

    story = ArticleFactory()
    client.force_login(UserFactory(role="Editor"))
    url = reverse("admin:articles_article_change", args=[story.pk])
    response = client.post(url, change_form_data(story, slug="पुणे-मेट्रो"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    story.refresh_from_db()
    assert story.slug == "पुणे-मेट्रो"


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/news/%00/", "/news/a%00b/", "/news/what%3F/", "/news/%20/"])
def test_a_story_address_that_is_no_slug_is_a_404(client, address):
    assert client.get(address).status_code == 404
