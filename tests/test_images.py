import io
import logging
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.template import Context, Template
from django.utils import timezone
from PIL import Image

from articles import images, page_cache
from articles.images import ensure_renditions, rendition_name
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ORIENTATION = 0x0112
GPS_IFD = 0x8825
GPS_LATITUDE_REF = 1


def jpeg(width: int, height: int, exif: Image.Exif | None = None) -> ContentFile:
    """A real JPEG: left half red, right half blue."""
    image = Image.new("RGB", (width, height), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, width // 2, height))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, **({"exif": exif} if exif is not None else {}))
    return ContentFile(out.getvalue())


def story_with_image(width: int = 900, height: int = 600, **kwargs) -> Article:
    article = ArticleFactory(**kwargs)
    article.featured_image.save("photo.jpg", jpeg(width, height), save=False)
    return article


def open_rendition(fieldfile, width: int, ext: str) -> Image.Image:
    with fieldfile.storage.open(rendition_name(fieldfile.name, width, ext)) as stored:
        image = Image.open(stored)
        image.load()
    return image


def url_of(article: Article, width: int, ext: str) -> str:
    image = article.featured_image
    return image.storage.url(rendition_name(image.name, width, ext))


def render(template: str, **context) -> str:
    return Template("{% load pictures %}" + template).render(Context(context))


def test_rendition_names_sit_under_renditions_with_width_and_format():
    name = rendition_name("articles/2026/11/foo.jpg", 800, "webp")
    assert name == "renditions/articles/2026/11/foo-800w.webp"


def test_renditions_are_never_wider_than_the_original():
    article = story_with_image(900, 600)
    assert ensure_renditions(article.featured_image) == [400, 800]
    storage, name = article.featured_image.storage, article.featured_image.name
    assert not storage.exists(rendition_name(name, 1200, "jpg"))
    assert not storage.exists(rendition_name(name, 1200, "webp"))


def test_an_original_narrower_than_the_smallest_width_gets_no_renditions():
    article = story_with_image(399, 300)
    assert ensure_renditions(article.featured_image) == []
    assert not article.featured_image.storage.exists("renditions")


def test_each_width_is_made_as_webp_and_jpeg():
    article = story_with_image(1600, 900)
    assert ensure_renditions(article.featured_image) == [400, 800, 1200]
    for width in (400, 800, 1200):
        assert open_rendition(article.featured_image, width, "webp").format == "WEBP"
        assert open_rendition(article.featured_image, width, "jpg").format == "JPEG"


def test_a_second_call_reuses_the_renditions_and_writes_nothing(monkeypatch):
    article = story_with_image(900, 600)
    first = ensure_renditions(article.featured_image)

    def refuse(*args, **kwargs):
        raise AssertionError("a rendition was written again")

    monkeypatch.setattr(FileSystemStorage, "save", refuse)
    assert ensure_renditions(article.featured_image) == first == [400, 800]


def test_renditions_have_the_requested_width_and_the_originals_aspect_ratio():
    article = story_with_image(1000, 500)
    ensure_renditions(article.featured_image)
    for ext in ("webp", "jpg"):
        assert open_rendition(article.featured_image, 400, ext).size == (400, 200)
        assert open_rendition(article.featured_image, 800, ext).size == (800, 400)


def test_renditions_without_webp_support_are_jpeg_only(monkeypatch):
    monkeypatch.setattr(images.features, "check", lambda feature: feature != "webp")
    article = story_with_image(900, 600)
    assert ensure_renditions(article.featured_image) == [400, 800]
    storage, name = article.featured_image.storage, article.featured_image.name
    assert storage.exists(rendition_name(name, 800, "jpg"))
    assert not storage.exists(rendition_name(name, 800, "webp"))


def test_renditions_are_turned_upright_and_carry_no_exif_or_gps():
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # stored sideways: show it turned 90° clockwise
    exif.get_ifd(GPS_IFD)[GPS_LATITUDE_REF] = "N"
    article = ArticleFactory()
    article.featured_image.save("sideways.jpg", jpeg(1000, 500, exif), save=False)

    # Upright it is 500 wide, so 400 is the only width that fits.
    assert ensure_renditions(article.featured_image) == [400]
    for ext in ("webp", "jpg"):
        copy = open_rendition(article.featured_image, 400, ext).convert("RGB")
        assert copy.size == (400, 800)
        red, _, blue = copy.getpixel((200, 100))  # the stored left half is now on top
        assert red > 200 and blue < 60
        assert "exif" not in copy.info
        assert not copy.getexif()


def test_an_undecodable_file_gets_no_renditions_and_a_warning(caplog):
    article = ArticleFactory()
    article.featured_image.save("broken.jpg", ContentFile(b"not a picture at all"), save=False)
    with caplog.at_level(logging.WARNING, logger="articles.images"):
        assert ensure_renditions(article.featured_image) == []
    assert "broken" in caplog.text
    assert not article.featured_image.storage.exists("renditions")


def test_an_empty_image_field_gets_no_renditions():
    assert ensure_renditions(ArticleFactory().featured_image) == []


def test_the_tag_renders_a_picture_with_webp_sources_for_each_width():
    article = story_with_image(900, 600)
    widths = ensure_renditions(article.featured_image)
    html = render(
        '{% picture image widths alt="A bus" width=900 height=600 sizes="50vw" %}',
        image=article.featured_image,
        widths=widths,
    )
    webp = f"{url_of(article, 400, 'webp')} 400w, {url_of(article, 800, 'webp')} 800w"
    jpg = f"{url_of(article, 400, 'jpg')} 400w, {url_of(article, 800, 'jpg')} 800w"
    assert html == (
        f'<picture><source type="image/webp" srcset="{webp}" sizes="50vw">'
        f'<img src="{url_of(article, 800, "jpg")}" srcset="{jpg}" sizes="50vw"'
        ' alt="A bus" width="900" height="600" loading="lazy" decoding="async"></picture>'
    )


def test_the_tag_escapes_the_alt_text():
    article = story_with_image(900, 600)
    html = render(
        "{% picture image widths alt=alt %}",
        image=article.featured_image,
        widths=[400, 800],
        alt='"><script>',
    )
    assert '"><script>' not in html
    assert 'alt="&quot;&gt;&lt;script&gt;"' in html


def test_the_tag_asks_for_high_priority_only_when_told():
    article = story_with_image(900, 600)
    context = {"image": article.featured_image, "widths": [400, 800]}
    lead = render('{% picture image widths loading="" fetchpriority="high" %}', **context)
    card = render("{% picture image widths %}", **context)
    assert 'fetchpriority="high"' in lead
    assert "loading=" not in lead
    assert "fetchpriority" not in card
    assert 'loading="lazy"' in card


def test_the_tag_puts_the_css_class_on_the_img():
    article = story_with_image(900, 600)
    html = render(
        '{% picture image widths css_class="card__img" %}',
        image=article.featured_image,
        widths=[400],
    )
    assert '<img src="' in html
    assert 'class="card__img">' in html


def test_the_tag_leaves_out_the_webp_source_without_webp_support(monkeypatch):
    monkeypatch.setattr(images.features, "check", lambda feature: feature != "webp")
    article = story_with_image(900, 600)
    html = render("{% picture image widths %}", image=article.featured_image, widths=[400, 800])
    assert "<source" not in html
    assert ".webp" not in html
    assert html.startswith("<picture><img ")


def test_the_tag_falls_back_to_the_original_without_renditions():
    article = story_with_image(300, 200)
    html = render(
        '{% picture image widths alt="A bus" width=300 height=200 %}',
        image=article.featured_image,
        widths=[],
    )
    assert html == (
        f'<img src="{article.featured_image.url}" alt="A bus" width="300" height="200"'
        ' loading="lazy" decoding="async">'
    )


def test_the_tag_renders_nothing_without_an_image():
    article = ArticleFactory()
    assert render("{% picture image widths %}", image=article.featured_image, widths=[]) == ""
    assert render("{% picture image widths %}", image=None, widths=None) == ""


def forget_widths() -> None:
    """Make every story look like one saved before renditions existed, or bulk-inserted."""
    Article.objects.update(featured_image_sizes=[])


def test_make_renditions_fills_in_widths_and_leaves_last_updated_alone(capsys):
    updated_at = timezone.now() - timedelta(days=3)
    article = story_with_image(900, 600, live=True)
    article.updated_at = updated_at
    article.save()
    no_image = ArticleFactory()
    forget_widths()

    call_command("make_renditions")

    article.refresh_from_db()
    assert article.featured_image_sizes == [400, 800]
    assert article.updated_at == updated_at
    assert Article.objects.get(pk=no_image.pk).featured_image_sizes == []
    assert "1 stories checked, 1 updated" in capsys.readouterr().out


def test_make_renditions_makes_cached_pages_new_when_it_records_widths():
    story_with_image(900, 600, live=True).save()
    forget_widths()
    before = page_cache.current_token()
    call_command("make_renditions")
    assert page_cache.current_token() != before
    unchanged = page_cache.current_token()
    call_command("make_renditions")
    assert page_cache.current_token() == unchanged


def test_make_renditions_skips_stories_that_have_widths_unless_told_all():
    article = story_with_image(900, 600)
    article.save()
    Article.objects.filter(pk=article.pk).update(featured_image_sizes=[400])

    call_command("make_renditions")
    article.refresh_from_db()
    assert article.featured_image_sizes == [400]

    call_command("make_renditions", "--all")
    article.refresh_from_db()
    assert article.featured_image_sizes == [400, 800]


def test_make_renditions_handles_a_shared_picture_once(monkeypatch):
    first = story_with_image(900, 600)
    first.save()
    for _ in range(3):
        ArticleFactory(featured_image=first.featured_image.name)
    forget_widths()
    calls = []

    def counting(fieldfile):
        calls.append(fieldfile.name)
        return [400, 800]

    monkeypatch.setattr("articles.management.commands.make_renditions.ensure_renditions", counting)
    call_command("make_renditions")

    assert calls == [first.featured_image.name]
    assert list(Article.objects.values_list("featured_image_sizes", flat=True)) == [[400, 800]] * 4


def test_make_renditions_goes_through_every_batch(monkeypatch):
    monkeypatch.setattr("articles.management.commands.make_renditions.BATCH", 2)
    for _ in range(5):
        story_with_image(900, 600).save()
    forget_widths()

    call_command("make_renditions")

    assert list(Article.objects.values_list("featured_image_sizes", flat=True)) == [[400, 800]] * 5


def test_make_renditions_runs_a_constant_number_of_queries(django_assert_max_num_queries):
    for _ in range(2):
        shared = story_with_image(900, 600)
        shared.save()
        for _ in range(3):
            ArticleFactory(featured_image=shared.featured_image.name)
    forget_widths()

    # One batch, the empty batch that ends the loop, one update for the widths they share,
    # the library's pictures still without copies (none), and the next go-live time for the
    # page cache's new content version.
    with django_assert_max_num_queries(5):
        call_command("make_renditions")


DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued_renditions():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path="articles.tasks.make_renditions")


def test_a_new_picture_is_saved_without_waiting_for_its_copies(settings):
    settings.TASKS = DATABASE_BACKEND
    article = story_with_image()
    article.save()
    assert article.featured_image_sizes == []
    image = article.featured_image
    assert not image.storage.exists(rendition_name(image.name, 400, "jpg"))
    assert queued_renditions().get().args_kwargs["kwargs"] == {
        "article_id": article.pk,
        "name": article.featured_image.name,
    }


def test_the_queued_job_makes_the_copies_and_records_their_widths(settings):
    from articles import tasks

    settings.TASKS = DATABASE_BACKEND
    article = story_with_image()
    article.save()
    tasks.make_renditions.call(**queued_renditions().get().args_kwargs["kwargs"])
    article.refresh_from_db()
    assert article.featured_image_sizes == [400, 800]
    assert open_rendition(article.featured_image, 800, "jpg").width == 800


def test_until_the_job_has_run_the_page_shows_the_picture_itself(settings):
    settings.TASKS = DATABASE_BACKEND
    article = story_with_image()
    article.save()
    html = render("{% picture image widths %}", image=article.featured_image, widths=[])
    assert "srcset" not in html
    assert article.featured_image.url in html


def test_a_job_for_a_picture_since_replaced_does_nothing(settings):
    from articles import tasks

    settings.TASKS = DATABASE_BACKEND
    article = story_with_image()
    article.save()
    first = queued_renditions().get().args_kwargs["kwargs"]
    article.featured_image.save("other.jpg", jpeg(1300, 800), save=True)
    tasks.make_renditions.call(**first)
    article.refresh_from_db()
    assert article.featured_image_sizes == []
    assert queued_renditions().count() == 2


def test_a_new_picture_forgets_the_widths_of_the_one_it_replaces(settings):
    article = story_with_image(1300, 800)
    article.save()
    assert article.featured_image_sizes == [400, 800, 1200]
    settings.TASKS = DATABASE_BACKEND
    article.featured_image.save("small.jpg", jpeg(500, 300), save=True)
    article.refresh_from_db()
    assert article.featured_image_sizes == []
