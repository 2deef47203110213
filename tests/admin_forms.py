"""The admin's article change form as a browser posts it."""

from django.urls import reverse
from django.utils import timezone

from articles.models import Article


def change_form_data(article: Article, **overrides) -> dict:
    """The change form as a browser posts it, opened on the story's current version."""
    if article.pk:
        article.refresh_from_db(fields=["modified_at"])
    data = {
        "edit_version": article.modified_at.isoformat() if article.pk else "",
        "headline": article.headline,
        "slug": article.slug,
        "section": article.section_id,
        "summary": article.summary,
        "dateline": article.dateline,
        "body": article.body,
        "tags": "",
        "featured_image_alt": "",
        "featured_image_caption": "",
        "featured_image_credit": "",
        "published_at_0": "",
        "published_at_1": "",
        "seo_title": "",
        "seo_description": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
    }
    if article.published_at:
        local = timezone.localtime(article.published_at)
        data.update(published_at_0=local.date().isoformat(), published_at_1=local.strftime("%X"))
    data["assignee"] = article.assignee_id or ""
    due = timezone.localtime(article.deadline) if article.deadline else None
    data["deadline_0"] = due.date().isoformat() if due else ""
    data["deadline_1"] = due.strftime("%X") if due else ""
    data.update(overrides)
    return data


def opened_form(client, article: Article) -> dict:
    """What the browser of `client` would post back from the story's change form, opened now:
    every field as rendered (byline rows, tags and the signed base included), no file."""
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    return form_fields(response)


def form_fields(response) -> dict:
    """The fields of the change form in `response`, as the browser would post them back."""
    from lxml import html

    form = html.fromstring(response.content).get_element_by_id("article_form")
    return {
        name: value
        for name, value in form.form_values()
        if "__prefix__" not in name and name != "csrfmiddlewaretoken"
    }
