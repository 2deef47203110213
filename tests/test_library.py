"""The media library: pictures reused as featured images and inside bodies (issue 15)."""

import importlib
import io
import json

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html
from PIL import Image

from articles import page_cache
from articles.library.render import render_pictures
from articles.models import Article, Picture
from tests.admin_forms import change_form_data, opened_form
from tests.factories import ArticleFactory, PictureFactory, UserFactory, _jpeg
from tests.pictures import assert_no_metadata, jpeg_with_gps

pytestmark = pytest.mark.django_db

CHOOSE = reverse("admin:articles_picture_choose")
UPLOAD = reverse("admin:articles_picture_upload")


def fragment(markup: str):
    return lxml_html.fragment_fromstring(markup, create_parent="div")


def upload(name="quay.jpg", data=None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data or _jpeg(), content_type="image/jpeg")


# --- The model, and a picture as featured image ------------------------------------------


def test_a_new_featured_image_lands_in_the_library_with_the_storys_texts():
    article = ArticleFactory(featured_image_alt="A ferry at dawn", featured_image_credit="Desk")
    article.featured_image.save("ferry.jpg", ContentFile(_jpeg()), save=True)
    picture = Picture.objects.get(image=article.featured_image.name)
    assert article.featured_picture == picture
    assert (picture.alt, picture.credit, picture.width) == ("A ferry at dawn", "Desk", 900)


def test_one_picture_is_the_featured_image_of_two_stories():
    picture = PictureFactory()
    first = ArticleFactory(featured_picture=picture)
    second = ArticleFactory(featured_picture=picture)
    assert Picture.objects.filter(image=picture.image.name).count() == 1
    for story in (first, second):
        story.refresh_from_db()
        assert story.featured_picture == picture
        assert story.featured_image.name == picture.image.name
        assert story.featured_image_sizes == picture.sizes == [400, 800]
        assert (story.featured_image_width, story.featured_image_height) == (900, 600)


def test_a_chosen_picture_fills_empty_texts_and_keeps_those_the_story_has():
    picture = PictureFactory(caption="Library caption", credit="Library credit")
    story = ArticleFactory(featured_picture=picture, featured_image_caption="Our caption")
    assert story.featured_image_alt == picture.alt
    assert story.featured_image_caption == "Our caption"
    assert story.featured_image_credit == "Library credit"


def test_a_picture_that_is_a_featured_image_cannot_be_deleted():
    picture = PictureFactory()
    ArticleFactory(featured_picture=picture)
    with pytest.raises(ProtectedError):
        picture.delete()


def test_moving_the_focal_point_moves_it_in_the_storys_cards(client):
    picture = PictureFactory()
    story = ArticleFactory(live=True, featured_picture=picture)
    picture.focus_x, picture.focus_y = 0.1, 0.8
    picture.save()
    story.refresh_from_db()
    assert story.featured_focus_class == "focus-x-10 focus-y-80"
    page = client.get(story.section.get_absolute_url()).content.decode()
    assert 'class="focus-x-10 focus-y-80"' in page


def test_a_centred_focal_point_adds_no_class():
    assert ArticleFactory(featured_picture=PictureFactory()).featured_focus_class == ""


# --- The admin: list, search, upload, focal point ----------------------------------------


def test_the_library_lists_pictures_with_thumbnails(editor_client):
    picture = PictureFactory()
    page = editor_client.get(reverse("admin:articles_picture_changelist"))
    assert page.status_code == 200
    thumbs = fragment(page.content.decode()).xpath('//img[@class="library-thumb"]')
    smallest = picture.image.storage.url(f"renditions/{picture.image.name[:-4]}-400w.jpg")
    assert smallest in [img.get("src") for img in thumbs]


@pytest.mark.parametrize("words", ["monsoon", "desk archive", "fishing boats"])
def test_the_library_is_searched_by_caption_credit_and_alt(editor_client, words):
    wanted = PictureFactory()
    PictureFactory(alt="A courtroom", caption="The bench sits.", credit="Agency")
    page = editor_client.get(reverse("admin:articles_picture_changelist"), {"q": words})
    assert list(page.context["cl"].result_list) == [wanted]


def test_an_upload_to_the_library_is_stored_without_metadata(editor_client, editor):
    data = {"image": upload(data=jpeg_with_gps()), "alt": "A lane", "focus_x": 0.5, "focus_y": 0.5}
    response = editor_client.post(reverse("admin:articles_picture_add"), data)
    assert response.status_code == 302
    picture = Picture.objects.get(uploaded_by=editor)
    with picture.image.open() as stored:
        assert_no_metadata(Image.open(io.BytesIO(stored.read())))


def test_an_upload_that_is_not_a_picture_is_refused_with_the_reason(editor_client):
    data = {"image": upload("notes.jpg", b"%PDF-1.4\n%%EOF\n"), "alt": "A scan"}
    response = editor_client.post(reverse("admin:articles_picture_add"), {**data, "focus_x": 0.5})
    assert "it is a PDF document" in str(response.context["adminform"].form.errors["image"])
    assert not Picture.objects.filter(alt="A scan").exists()


def test_the_focal_point_is_typed_in_two_number_boxes(editor_client):
    picture = PictureFactory()
    url = reverse("admin:articles_picture_change", args=[picture.pk])
    page = editor_client.get(url).content.decode()
    assert 'data-focal-picker data-x="id_focus_x" data-y="id_focus_y"' in page
    data = {"alt": picture.alt, "caption": "", "credit": "", "focus_x": "0.25", "focus_y": "0.7"}
    assert editor_client.post(url, data).status_code == 302
    picture.refresh_from_db()
    assert (picture.focus_x, picture.focus_y) == (0.25, 0.7)


def test_a_focal_point_outside_the_picture_is_refused(editor_client):
    picture = PictureFactory()
    url = reverse("admin:articles_picture_change", args=[picture.pk])
    data = {"alt": picture.alt, "focus_x": "1.5", "focus_y": "0.5"}
    response = editor_client.post(url, data)
    assert "from 0 to 1" in str(response.context["adminform"].form.errors["focus_x"])


# --- The data migration -----------------------------------------------------------------


def test_the_migration_moves_existing_featured_images_into_the_library():
    shared = ArticleFactory(featured_image_alt="A tram", featured_image_caption="Old tram.")
    shared.featured_image.save("tram.jpg", ContentFile(_jpeg()), save=True)
    again = ArticleFactory(featured_image=shared.featured_image.name, featured_image_alt="")
    other = ArticleFactory()
    other.featured_image.save("bus.jpg", ContentFile(_jpeg()), save=True)
    ArticleFactory()  # no picture
    # As before the library: images on the stories only.
    Article.objects.update(featured_picture=None)
    Picture.objects.all().delete()
    migration = importlib.import_module("articles.migrations.0018_library_featured")
    migration.featured_images_into_library(apps, None)
    ours = Picture.objects.filter(featured_in__in=[shared, again, other]).distinct()
    assert ours.count() == 2
    tram = Picture.objects.get(image=shared.featured_image.name)
    assert (tram.alt, tram.caption, tram.width) == ("A tram", "Old tram.", 900)
    assert list(tram.featured_in.order_by("pk")) == [shared, again]
    assert Article.objects.get(pk=other.pk).featured_picture.image.name.endswith("bus.jpg")


# --- Pictures inside the body --------------------------------------------------------------


def test_a_body_picture_is_rendered_with_renditions_size_and_lazy_loading():
    picture = PictureFactory()
    rendered = fragment(
        render_pictures(f'<p>Before.</p><figure data-picture="{picture.pk}"></figure>')
    )
    img = rendered.xpath("//figure//img")[0]
    assert img.get("alt") == picture.alt
    assert (img.get("width"), img.get("height"), img.get("loading")) == ("900", "600", "lazy")
    assert img.get("srcset").endswith("-800w.jpg 800w")
    assert rendered.xpath("//source")[0].get("type") == "image/webp"
    assert rendered.xpath("//p")[0].text == "Before."


def test_a_body_picture_takes_the_figures_caption_and_the_librarys_credit():
    picture = PictureFactory()
    markup = (
        f'<figure data-picture="{picture.pk}"><figcaption>Our <em>own</em></figcaption></figure>'
    )
    caption = fragment(render_pictures(markup)).xpath("//figcaption")[0]
    assert caption.text_content() == "Our own Photo: Desk archive"
    assert caption.xpath("./span[@class='credit']")[0].text == "Photo: Desk archive"


def test_a_body_picture_without_a_caption_takes_the_librarys():
    picture = PictureFactory(caption="Library <caption>", credit="")
    caption = fragment(render_pictures(f'<figure data-picture="{picture.pk}"></figure>'))
    assert caption.xpath("//figcaption")[0].text == "Library <caption>"


def test_a_picture_missing_from_the_library_renders_nothing():
    body = (
        '<p>One.</p><figure data-picture="987654"><figcaption>Gone</figcaption></figure><p>Two.</p>'
    )
    assert render_pictures(body) == "<p>One.</p><p>Two.</p>"


def test_all_the_pictures_of_a_body_come_in_one_query(django_assert_num_queries):
    pictures = [PictureFactory() for _ in range(3)]
    body = "".join(f'<figure data-picture="{p.pk}"></figure>' for p in pictures)
    with django_assert_num_queries(1):
        assert render_pictures(body).count("<picture>") == 3


def test_a_body_without_pictures_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert render_pictures("<p>Plain.</p>") == "<p>Plain.</p>"


def test_feeds_get_a_body_picture_as_an_image_at_a_full_address(client):
    picture = PictureFactory()
    ArticleFactory(live=True, body=f'<p>Text.</p><figure data-picture="{picture.pk}"></figure>')
    feed = client.get("/feed/").content.decode()
    assert '&lt;img src="http://testserver/media/renditions/library/' in feed
    assert "srcset" not in feed


# --- The page cache -----------------------------------------------------------------------


def test_a_new_alt_text_renews_the_pages_of_live_stories_that_show_the_picture(commit):
    picture = PictureFactory()
    ArticleFactory(live=True, body=f'<figure data-picture="{picture.pk}"></figure>')
    before = page_cache.current_token()
    picture.alt = "A new description"
    with commit():
        picture.save()
    assert page_cache.current_token() != before


def test_a_picture_no_live_story_shows_leaves_the_pages_cached(commit):
    picture = PictureFactory()
    ArticleFactory(body=f'<figure data-picture="{picture.pk}"></figure>')  # a draft
    before = page_cache.current_token()
    picture.caption = "Changed"
    with commit():
        picture.save()
    assert page_cache.current_token() == before


# --- The story form -----------------------------------------------------------------------


def test_the_story_form_takes_a_picture_from_the_library(editor_client):
    picture = PictureFactory()
    story = ArticleFactory()
    data = change_form_data(story, featured_picture=picture.pk)
    response = editor_client.post(reverse("admin:articles_article_change", args=[story.pk]), data)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.featured_picture == picture
    assert story.featured_image.name == picture.image.name
    assert story.featured_image_alt == picture.alt


def test_an_upload_on_the_story_form_needs_alt_text_and_keeps_what_was_typed(editor_client):
    story = ArticleFactory()
    data = change_form_data(story, headline="Typed headline", featured_image=upload())
    response = editor_client.post(reverse("admin:articles_article_change", args=[story.pk]), data)
    form = response.context["adminform"].form
    assert "goes into the media library" in str(form.errors["featured_image_alt"])
    assert form["headline"].value() == "Typed headline"
    assert not Picture.objects.filter(uploaded_by__isnull=False).exists()


def test_an_upload_on_the_story_form_goes_into_the_library(editor_client, editor):
    story = ArticleFactory()
    data = change_form_data(story, featured_image=upload(), featured_image_alt="A quay")
    editor_client.post(reverse("admin:articles_article_change", args=[story.pk]), data)
    picture = Picture.objects.get(uploaded_by=editor)
    assert picture.alt == "A quay"
    assert Article.objects.get(pk=story.pk).featured_picture == picture


def test_their_new_picture_is_kept_when_my_stale_form_did_not_touch_it(editor_client):
    story = ArticleFactory(featured_picture=PictureFactory())
    mine = opened_form(editor_client, story)
    theirs = PictureFactory()
    story.featured_picture = theirs
    story.save()
    mine["summary"] = "My new summary."
    url = reverse("admin:articles_article_change", args=[story.pk])
    assert editor_client.post(url, mine).status_code == 302
    story.refresh_from_db()
    assert (story.featured_picture, story.summary) == (theirs, "My new summary.")


# --- The picker's endpoints ---------------------------------------------------------------


def test_the_picker_searches_the_library_as_json(editor_client):
    wanted = PictureFactory(caption="Harbour lights")
    PictureFactory(caption="Courtroom", alt="A judge", credit="")
    results = editor_client.get(CHOOSE, {"q": "harbour lights"}).json()["results"]
    assert [(r["id"], r["alt"], r["width"]) for r in results] == [(wanted.pk, wanted.alt, 900)]


def test_the_picker_looks_pictures_up_by_id(editor_client):
    pictures = [PictureFactory() for _ in range(2)]
    results = editor_client.get(CHOOSE, {"ids": f"{pictures[1].pk},x"}).json()["results"]
    assert [r["id"] for r in results] == [pictures[1].pk]


def test_a_writer_uploads_a_picture_from_the_picker(client, writer):
    client.force_login(writer)
    data = {"image": upload(), "alt": "A quay at dusk", "caption": "Dusk.", "credit": "Desk"}
    response = client.post(UPLOAD, data)
    assert response.status_code == 201
    picture = Picture.objects.get(pk=response.json()["picture"]["id"])
    assert (picture.alt, picture.uploaded_by) == ("A quay at dusk", writer)


def test_a_picker_upload_without_alt_text_is_refused_as_json(editor_client):
    response = editor_client.post(UPLOAD, {"image": upload(), "alt": ""})
    assert response.status_code == 400
    assert "alt" in response.json()["errors"]
    assert not Picture.objects.filter(uploaded_by__isnull=False).exists()


def test_a_picker_upload_needs_the_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(UPLOAD, {"image": upload(), "alt": "A quay"}).status_code == 403
    assert not Picture.objects.filter(alt="A quay").exists()


def test_a_picker_upload_is_a_post(editor_client):
    assert editor_client.get(UPLOAD).status_code == 405


@pytest.mark.parametrize("url", [CHOOSE, UPLOAD])
def test_readers_cannot_reach_the_pickers_endpoints(reader_client, url):
    response = reader_client.post(url, {"alt": "x"}) if url == UPLOAD else reader_client.get(url)
    assert response.status_code in (302, 403)
    assert "results" not in response.content.decode()


def test_staff_without_the_librarys_permissions_are_refused(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(CHOOSE).status_code == 403
    assert client.post(UPLOAD, {"image": upload(), "alt": "A quay"}).status_code == 403


def test_the_pickers_json_is_never_a_reader_page(editor_client):
    response = editor_client.get(CHOOSE)
    assert "public" not in response.get("Cache-Control", "")
    assert isinstance(json.loads(response.content)["results"], list)


def test_the_story_page_shows_a_body_picture_with_its_renditions(client):
    picture = PictureFactory()
    figure = f'<figure data-picture="{picture.pk}"><figcaption>At the quay</figcaption></figure>'
    body = f"<p>One.</p>{figure}"
    story = ArticleFactory(live=True, body=body)
    page = fragment(client.get(story.get_absolute_url()).content.decode())
    figure = page.xpath('//div[@class="article__body"]//figure[@class="body-picture"]')[0]
    assert "-400w.jpg 400w" in figure.xpath(".//img")[0].get("srcset")
    assert figure.xpath(".//figcaption")[0].text_content() == "At the quay Photo: Desk archive"
