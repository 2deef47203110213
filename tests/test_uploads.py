"""Uploaded images: only real JPEG, PNG, WebP and GIF pictures, stored without metadata."""

import io
import os
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles import uploads
from articles.models import Article, Author
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, AuthorFactory
from tests.pictures import assert_no_metadata, camera_exif, encode, jpeg_with_gps, photo

pytestmark = pytest.mark.django_db

REFUSED = "This file is not an image we can use: "
SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def stored_files(settings) -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def open_stored(fieldfile) -> Image.Image:
    with fieldfile.storage.open(fieldfile.name) as stored:
        image = Image.open(io.BytesIO(stored.read()))
        image.load()
    return image


# --- The admin's forms ---------------------------------------------------------------------


def author_form(**overrides) -> dict:
    data = {
        "name": "Farah Khan",
        "slug": "farah-khan",
        "bio": "Covers the courts.",
        "user": "",
        "website": "",
        "twitter": "",
        "facebook": "",
        "instagram": "",
        "linkedin": "",
    }
    return data | overrides


def test_a_photo_with_gps_in_its_exif_is_stored_without_any_exif(editor_client):
    upload = SimpleUploadedFile("farah.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = editor_client.post(reverse("admin:articles_author_add"), author_form(avatar=upload))
    assert response.status_code == 302, response.context["adminform"].form.errors
    author = Author.objects.get(slug="farah-khan")
    assert author.avatar.name.endswith(".jpg")
    stored = open_stored(author.avatar)
    assert stored.format == "JPEG"
    assert stored.size == (240, 160)
    assert_no_metadata(stored)
    assert b"PhoneCo" not in author.avatar.storage.open(author.avatar.name).read()


def test_a_sideways_photo_is_stored_upright_with_its_dimensions(editor_client):
    article = ArticleFactory()
    upload = SimpleUploadedFile("sideways.jpg", jpeg_with_gps(orientation=6))
    data = change_form_data(article, featured_image=upload, featured_image_alt="A street")
    response = editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    stored = open_stored(article.featured_image)
    # 240x160 stored sideways, shown turned 90° clockwise: 160x240, the red half on top.
    assert stored.size == (160, 240)
    assert (article.featured_image_width, article.featured_image_height) == (160, 240)
    red, _, blue = stored.convert("RGB").getpixel((80, 40))
    assert red > 200 and blue < 60
    assert_no_metadata(stored)


def bomb() -> bytes:
    """A PNG of 144 megapixels in a few kilobytes: a decompression bomb."""
    return encode(Image.new("1", (12_000, 12_000)), "PNG", optimize=True)


def over_the_limit() -> bytes:
    """49 megapixels, over the 40 allowed though not enough for Pillow to call it a bomb."""
    return encode(Image.new("1", (7_000, 7_000)), "PNG", optimize=True)


REFUSED_FILES = {
    "svg": ("logo.svg", lambda: SVG, "it is an SVG drawing"),
    "svg named jpg": ("logo.jpg", lambda: SVG, "it is an SVG drawing"),
    "pdf named jpg": ("scan.jpg", lambda: PDF, "it is a PDF document, not a picture"),
    "text named png": ("notes.png", lambda: b"just some words", "it is not a JPEG, PNG, WebP"),
    "truncated jpeg": (
        "cut.jpg",
        lambda: (data := encode(photo(800, 600), "JPEG"))[: len(data) // 2],
        "it is damaged or incomplete",
    ),
    "decompression bomb": ("bomb.png", bomb, "far more pixels than the limit of 40 megapixels"),
    "too many pixels": ("huge.png", over_the_limit, "7,000 × 7,000 pixels (49 megapixels)"),  # noqa: RUF001
    "bmp": ("old.bmp", lambda: encode(photo(), "BMP"), "it is a BMP picture"),
    "tiff": ("scan.tif", lambda: encode(photo(), "TIFF"), "it is a TIFF picture"),
}


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("kind", REFUSED_FILES)
def test_a_file_that_is_no_usable_picture_is_refused_and_the_form_keeps_the_rest(
    editor_client, settings, kind
):
    name, make, reason = REFUSED_FILES[kind]
    upload = SimpleUploadedFile(name, make(), content_type="image/jpeg")
    response = editor_client.post(reverse("admin:articles_author_add"), author_form(avatar=upload))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["avatar"]
    assert errors["avatar"][0].startswith(REFUSED)
    assert reason in errors["avatar"][0]
    page = response.content.decode()
    assert REFUSED in page
    assert 'value="Farah Khan"' in page and "Covers the courts." in page
    assert not Author.objects.exists()
    assert stored_files(settings) == []


def test_a_file_over_the_size_limit_is_refused(editor_client, settings):
    settings.NEWSROOM_UPLOAD_MAX_BYTES = 50_000
    noise = Image.frombytes("RGB", (300, 300), os.urandom(300 * 300 * 3))
    data = encode(noise, "JPEG", quality=95)
    assert len(data) > 50_000
    upload = SimpleUploadedFile("noise.jpg", data)
    response = editor_client.post(reverse("admin:articles_author_add"), author_form(avatar=upload))
    assert response.status_code == 200
    message = response.context["adminform"].form.errors["avatar"][0]
    assert message.startswith(REFUSED)
    assert "and the limit is 0.0477 MB" in message
    assert not Author.objects.exists()
    assert stored_files(settings) == []


def test_a_refused_featured_image_keeps_the_story_as_typed_and_unchanged(editor_client, settings):
    article = ArticleFactory(headline="Old headline")
    upload = SimpleUploadedFile("scan.jpg", PDF)
    data = change_form_data(article, headline="New headline", featured_image=upload)
    response = editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    message = response.context["adminform"].form.errors["featured_image"][0]
    assert message.startswith(REFUSED + "it is a PDF document")
    assert 'value="New headline"' in response.content.decode()
    article.refresh_from_db()
    assert article.headline == "Old headline"
    assert not article.featured_image
    assert stored_files(settings) == []


def test_a_picture_is_judged_by_its_content_and_stored_under_its_real_extension(editor_client):
    upload = SimpleUploadedFile("portrait.pdf", encode(photo(), "PNG"))
    response = editor_client.post(reverse("admin:articles_author_add"), author_form(avatar=upload))
    assert response.status_code == 302, response.context["adminform"].form.errors
    avatar = Author.objects.get().avatar
    assert avatar.name.endswith("/portrait.png")
    assert open_stored(avatar).format == "PNG"


# --- The rules themselves ------------------------------------------------------------------


def test_the_model_field_refuses_a_file_that_is_no_picture_outside_the_admin_too():
    author = AuthorFactory.build(slug="x")
    author.avatar = SimpleUploadedFile("logo.jpg", SVG)
    with pytest.raises(ValidationError) as refused:
        author.full_clean()
    assert refused.value.message_dict["avatar"][0].startswith(REFUSED + "it is an SVG drawing")


def test_a_file_already_stored_is_not_inspected_again():
    author = AuthorFactory()
    # Stored before these checks existed: not fetched and judged again on every save.
    Author.objects.filter(pk=author.pk).update(avatar="authors/2020/old.svg")
    author.refresh_from_db()
    author.full_clean()


def test_pillow_refuses_to_open_anything_over_twice_the_pixel_limit(settings):
    assert Image.MAX_IMAGE_PIXELS == settings.NEWSROOM_UPLOAD_MAX_PIXELS == 40_000_000


@pytest.mark.parametrize(
    ("image_format", "mode", "options"),
    [
        ("JPEG", "RGB", {"quality": 85}),
        ("PNG", "RGBA", {}),
        ("WEBP", "RGB", {"quality": 80}),
        ("GIF", "P", {}),
    ],
)
def test_every_format_we_take_is_kept_in_its_format_without_metadata(image_format, mode, options):
    image = photo().convert(mode)
    data = encode(image, image_format, exif=camera_exif(), **options)
    name, cleaned = uploads.without_metadata(ContentFile(data), "picture.bin")
    assert name == "picture" + uploads.FORMATS[image_format][0]
    assert uploads.inspect_image(cleaned) == image_format
    stored = Image.open(cleaned)
    assert (stored.format, stored.size) == (image_format, (240, 160))
    assert_no_metadata(stored)


def test_a_phones_jpeg_with_extra_pictures_is_taken_as_a_jpeg_and_keeps_only_the_photo():
    # Phones add depth maps and previews (Multi-Picture Format); Pillow calls such files MPO.
    data = encode(photo(), "MPO", save_all=True, append_images=[photo(60, 40)], exif=camera_exif())
    assert Image.open(io.BytesIO(data)).format == "MPO"
    assert uploads.inspect_image(ContentFile(data)) == "JPEG"
    name, cleaned = uploads.without_metadata(ContentFile(data), "portrait.jpg")
    stored = Image.open(cleaned)
    assert (name, stored.format, stored.size) == ("portrait.jpg", "JPEG", (240, 160))
    assert getattr(stored, "n_frames", 1) == 1
    assert_no_metadata(stored)


@pytest.mark.parametrize("image_format", ["JPEG", "WEBP"])
def test_xmp_metadata_goes_too(image_format):
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="18,31.2N"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    data = encode(photo(), image_format, xmp=xmp)
    assert b"GPSLatitude" in data
    _, cleaned = uploads.without_metadata(ContentFile(data), "p.bin")
    assert b"GPSLatitude" not in cleaned.read()


def test_an_upright_jpeg_keeps_its_own_quality_settings():
    data = encode(photo(), "JPEG", quality=60, exif=camera_exif())
    _, cleaned = uploads.without_metadata(ContentFile(data), "p.jpg")
    assert Image.open(cleaned).quantization == Image.open(io.BytesIO(data)).quantization


def test_a_transparent_png_keeps_its_transparency():
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    image.paste((200, 30, 30, 255), (10, 10, 30, 30))
    _, cleaned = uploads.without_metadata(ContentFile(encode(image, "PNG")), "dot.png")
    stored = Image.open(cleaned)
    assert stored.mode == "RGBA"
    assert stored.getpixel((0, 0))[3] == 0 and stored.getpixel((20, 20)) == (200, 30, 30, 255)


def test_a_colour_profile_is_kept():
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(photo(), "JPEG", icc_profile=profile, exif=camera_exif())
    _, cleaned = uploads.without_metadata(ContentFile(data), "p.jpg")
    assert Image.open(cleaned).info.get("icc_profile") == profile


def test_code_that_saves_a_picture_itself_stores_it_without_metadata_too():
    article = ArticleFactory()
    article.featured_image.save("street.jpeg", ContentFile(jpeg_with_gps()), save=True)
    assert article.featured_image.name.endswith("/street.jpeg")
    assert_no_metadata(open_stored(Article.objects.get(pk=article.pk).featured_image))
