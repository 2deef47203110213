"""No lost edits: a save on an outdated form is merged field by field with the stored story.

What only the other person changed is kept, what only this user changed is saved, and what
both changed is refused with both versions shown, for the user to pick.
"""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles import workflow
from articles.models import Article, ArticleAuthor
from tests.admin_forms import form_fields, opened_form
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory
from tests.html import page
from tests.pictures import encode, photo

pytestmark = pytest.mark.django_db


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def story():
    return ArticleFactory(
        headline="Bridge reopens",
        body="<p>The bridge reopened today.</p><p>Traffic was light.</p>",
        tags=["bridges"],
        authors=[AuthorFactory(name="Meera Rao")],
    )


@pytest.fixture
def two_editors(client):
    first, second = UserFactory(role="Editor", name="Asha Editor"), UserFactory(role="Editor")
    other = Client()
    client.force_login(first)
    other.force_login(second)
    return client, other


def post(client, article, data, **kwargs):
    return client.post(change_url(article), data, **kwargs)


def test_a_save_after_someone_elses_save_of_the_same_field_is_refused_and_keeps_your_text(
    story, two_editors
):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    asha_form["body"] = "<p>The bridge reopened at noon.</p>"
    assert post(asha, story, asha_form).status_code == 302
    ravi_form["body"] = "<p>The bridge reopened after repairs.</p>"
    response = post(ravi, story, ravi_form)
    html = page(response)
    assert response.status_code == 200
    assert "Asha Editor saved this story after you opened it" in html
    assert "reopened after repairs" in html  # Ravi's text is still in the form
    assert Article.objects.get().body == "<p>The bridge reopened at noon.</p>"


def test_the_refusal_shows_both_versions_word_by_word_not_raw_html(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, "headline": "Bridge reopens at noon"})
    response = post(ravi, story, {**ravi_form, "headline": "Bridge reopens after repairs"})
    merge = response.context["adminform"].form.conflict
    [row] = merge.rows()
    assert row["label"] == "headline"
    assert '<ins class="diff-ins"> at noon</ins>' in row["theirs"]
    assert '<ins class="diff-ins"> after repairs</ins>' in row["mine"]
    assert 'name="keep_headline" value="theirs"' in page(response)


def test_a_field_only_they_changed_keeps_their_value_and_yours_is_saved(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, "headline": "Bridge reopens at noon"})
    response = post(ravi, story, {**ravi_form, "summary": "Ravi's summary"})
    assert response.status_code == 302
    saved = Article.objects.get()
    assert (saved.headline, saved.summary) == ("Bridge reopens at noon", "Ravi's summary")


def test_a_merged_save_says_what_was_kept_from_whom(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, "headline": "Bridge reopens at noon"})
    response = post(ravi, story, {**ravi_form, "summary": "Ravi's summary"}, follow=True)
    assert "kept Asha Editor's changes to headline and saved yours to summary" in unescape(
        page(response)
    )


# Each field the form edits, with a value for "their" save and one for "mine".
def other_section():
    return str(SectionFactory().pk)


FIELDS = {
    "headline": ("Their headline", "My headline"),
    "slug": ("their-address", "my-address"),
    "summary": ("Their summary", "My summary"),
    "dateline": ("Delhi", "Mumbai"),
    "body": ("<p>Their body.</p>", "<p>My body.</p>"),
    "tags": ("theirs", "mine"),
    "featured_image_alt": ("Their alt", "My alt"),
    "featured_image_caption": ("Their caption", "My caption"),
    "featured_image_credit": ("Their credit", "My credit"),
    "seo_title": ("Their SEO title", "My SEO title"),
    "seo_description": ("Their SEO description", "My SEO description"),
}


def stored_value(name):
    article = Article.objects.get()
    if name == "tags":
        return ", ".join(sorted(article.tags.names()))
    return getattr(article, name)


@pytest.mark.parametrize("name", FIELDS)
def test_a_field_only_the_other_person_changed_is_kept(story, two_editors, name):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, name: FIELDS[name][0]})
    assert post(ravi, story, ravi_form).status_code == 302
    assert stored_value(name) == FIELDS[name][0]


@pytest.mark.parametrize("name", FIELDS)
def test_a_field_only_you_changed_is_saved_over_their_save(story, two_editors, name):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    other = "dateline" if name != "dateline" else "summary"
    post(asha, story, {**asha_form, other: "Changed by Asha"})
    assert post(ravi, story, {**ravi_form, name: FIELDS[name][1]}).status_code == 302
    assert stored_value(name) == FIELDS[name][1]
    assert stored_value(other) == "Changed by Asha"


@pytest.mark.parametrize("name", FIELDS)
def test_a_field_both_changed_is_refused_until_one_version_is_picked(story, two_editors, name):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, name: FIELDS[name][0]})
    response = post(ravi, story, {**ravi_form, name: FIELDS[name][1]})
    assert response.status_code == 200
    assert response.context["adminform"].form.conflict.names == [name]
    assert stored_value(name) == FIELDS[name][0]


def test_the_section_only_they_changed_is_kept(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    section = other_section()
    post(asha, story, {**asha_form, "section": section})
    assert post(ravi, story, {**ravi_form, "summary": "Ravi's"}).status_code == 302
    assert str(Article.objects.get().section_id) == section


def test_the_lead_flag_only_they_set_is_kept(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, "is_lead": "on"})
    assert post(ravi, story, {**ravi_form, "summary": "Ravi's"}).status_code == 302
    assert Article.objects.get().is_lead is True


def test_a_picture_only_they_uploaded_is_kept(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    upload = SimpleUploadedFile("bridge.jpg", encode(photo(), "JPEG"), content_type="image/jpeg")
    post(asha, story, {**asha_form, "featured_image": upload, "featured_image_alt": "A bridge"})
    assert post(ravi, story, {**ravi_form, "summary": "Ravi's"}).status_code == 302
    saved = Article.objects.get()
    assert saved.featured_image.name.endswith(".jpg")
    assert saved.featured_image_alt == "A bridge"


def byline_names() -> list[str]:
    return [b.author.name for b in ArticleAuthor.objects.filter(article__isnull=False)]


def add_byline(form: dict, author) -> dict:
    total = int(form["bylines-TOTAL_FORMS"])
    index = next(i for i in range(total) if not form.get(f"bylines-{i}-author"))
    return {**form, f"bylines-{index}-author": str(author.pk), f"bylines-{index}-order": "1"}


def test_a_byline_only_they_added_is_kept(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    assert (
        post(asha, story, add_byline(asha_form, AuthorFactory(name="Ira Sen"))).status_code == 302
    )
    assert post(ravi, story, {**ravi_form, "summary": "Ravi's"}).status_code == 302
    assert byline_names() == ["Meera Rao", "Ira Sen"]


def test_a_byline_only_you_removed_is_removed_after_their_save(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, "summary": "Asha's"})
    response = post(
        ravi,
        story,
        add_byline({**ravi_form, "bylines-0-DELETE": "on"}, AuthorFactory(name="Ira Sen")),
    )
    assert response.status_code == 302
    assert byline_names() == ["Ira Sen"]
    assert Article.objects.get().summary == "Asha's"


def test_bylines_both_changed_are_a_conflict_and_picking_theirs_keeps_theirs(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, add_byline(asha_form, AuthorFactory(name="Ira Sen")))
    refused = post(ravi, story, add_byline(ravi_form, AuthorFactory(name="Dev Pal")))
    assert refused.context["adminform"].form.conflict.names == ["bylines"]
    again = form_fields(refused)
    assert post(ravi, story, {**again, "keep_bylines": "theirs"}).status_code == 302
    assert byline_names() == ["Meera Rao", "Ira Sen"]


def test_picking_yours_after_a_refusal_saves_yours(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, "summary": "Asha's", "headline": "Asha's headline"})
    refused = post(ravi, story, {**ravi_form, "summary": "Ravi's"})
    assert refused.status_code == 200
    again = form_fields(refused)
    assert again["headline"] == "Asha's headline"  # her change is now in Ravi's form
    assert post(ravi, story, {**again, "keep_summary": "mine"}).status_code == 302
    saved = Article.objects.get()
    assert (saved.summary, saved.headline) == ("Ravi's", "Asha's headline")


def test_picking_theirs_after_a_refusal_keeps_theirs(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, "summary": "Asha's"})
    refused = post(ravi, story, {**ravi_form, "summary": "Ravi's", "dateline": "Goa"})
    again = form_fields(refused)
    assert post(ravi, story, {**again, "keep_summary": "theirs"}).status_code == 302
    saved = Article.objects.get()
    assert (saved.summary, saved.dateline) == ("Asha's", "Goa")


def test_saving_again_without_picking_is_refused_again(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, "summary": "Asha's"})
    again = form_fields(post(ravi, story, {**ravi_form, "summary": "Ravi's"}))
    response = post(ravi, story, again)
    assert response.status_code == 200
    assert "Pick the version to keep for summary" in page(response)
    assert Article.objects.get().summary == "Asha's"


def test_a_workflow_action_after_opening_the_form_does_not_block_an_unrelated_save(
    story, two_editors
):
    asha, _ = two_editors
    form = opened_form(asha, story)
    workflow.submit(article=story, by=UserFactory(role="Editor"))
    assert post(asha, story, {**form, "summary": "New summary"}).status_code == 302
    saved = Article.objects.get()
    assert (saved.summary, saved.status) == ("New summary", Article.Status.IN_REVIEW)


def test_a_form_without_a_base_treats_every_difference_as_a_conflict(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, "headline": "Asha's"})
    del ravi_form["edit_base"]
    response = post(ravi, story, {**ravi_form, "summary": "Ravi's"})
    assert response.context["adminform"].form.conflict.names == ["headline", "summary"]


def test_a_forged_base_counts_as_none(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    post(asha, story, {**asha_form, "headline": "Asha's"})
    response = post(ravi, story, {**ravi_form, "edit_base": "forged", "summary": "Ravi's"})
    assert response.status_code == 200
    assert Article.objects.get().headline == "Asha's"


def test_an_uncontested_save_goes_through(story, two_editors):
    asha, _ = two_editors
    form = opened_form(asha, story)
    assert post(asha, story, {**form, "summary": "New summary"}).status_code == 302
    assert Article.objects.get().summary == "New summary"
