"""`manage.py import_wordpress`: a hand-written WordPress export (tests/fixtures/wordpress)."""

import io
import json
import re
import subprocess
import sys
import tempfile
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from PIL import Image
from taggit.models import Tag

from articles.images import rendition_name
from articles.models import Article, ArticleAuthor, Author, LegacyURL, Section
from articles.wordpress import wxr
from articles.wordpress.content import SUMMARY_LIMIT, summary_from
from tests.factories import ArticleFactory, AuthorFactory, UserFactory
from tests.pictures import assert_no_metadata, jpeg_with_gps

pytestmark = pytest.mark.django_db

EXPORT = Path(__file__).parent / "fixtures" / "wordpress" / "export.xml"
# WordPress's public Theme Unit Test data, kept beside the project (../shared), not in it.
THEME_UNIT_TEST = (
    Path(__file__).resolve().parents[2] / "shared" / "wordpress" / "themeunittestdata.wordpress.xml"
)
IMAGE = "2024/05/metro-evening.jpg"  # the one featured image the media dir holds
STATUS = Article.Status
MODELS = (Article, ArticleAuthor, Author, Section, LegacyURL, Tag, Article.history.model)


LAST_REPORT: list[Path] = []


def run(export: Path = EXPORT, **options) -> str:
    """Run the command; return what it printed on stdout (the report file goes to a
    temporary folder unless `report` is given; `decisions()` reads it)."""
    options.setdefault("report", Path(tempfile.mkdtemp(prefix="wp-report-")) / "report.jsonl")
    LAST_REPORT[:] = [Path(options["report"])]
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wordpress", str(export), stdout=out, stderr=err, **options)
    return out.getvalue()


def decisions(kind: str | None = None) -> list[dict]:
    """The last run's report file: every decision, or those of `kind`."""
    lines = LAST_REPORT[0].read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    return [e for e in entries if kind is None or e["decision"] == kind]


def decided(kind: str) -> list[str]:
    """The items the last run took decision `kind` about (`post 105`)."""
    return [entry["item"] for entry in decisions(kind)]


def variant(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    """A copy of the export with each (old, new) text replaced once."""
    text = EXPORT.read_text()
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "variant.xml"
    path.write_text(text)
    return path


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def story(post_id: int) -> Article:
    return Article.objects.get(wordpress_id=post_id)


@pytest.fixture
def media_dir(tmp_path) -> Path:
    """A copy of wp-content/uploads holding one 900 by 600 JPEG."""
    folder = tmp_path / "uploads"
    (folder / IMAGE).parent.mkdir(parents=True)
    Image.new("RGB", (900, 600), (30, 110, 160)).save(folder / IMAGE, "JPEG")
    return folder


@pytest.fixture
def output(media_dir) -> str:
    """The export imported once, with the media dir; what the command printed."""
    return run(media_dir=str(media_dir))


# Statuses and dates


def test_published_post_is_live_at_its_gmt_time(output):
    article = story(101)
    assert article.status == STATUS.PUBLISHED
    assert article.is_live
    assert article.published_at == datetime(2024, 5, 14, 4, 0, tzinfo=UTC)
    assert article.first_published_at == article.published_at
    assert article.updated_at == datetime(2024, 5, 15, 6, 0, tzinfo=UTC)


def test_draft_post_becomes_a_draft_without_a_publication_time(output):
    article = story(102)
    assert article.status == STATUS.DRAFT
    assert article.published_at is None


def test_pending_post_goes_to_review(output):
    assert story(103).status == STATUS.IN_REVIEW


def test_future_post_is_published_with_its_time_ahead_so_it_is_scheduled(output):
    article = story(104)
    assert article.status == STATUS.PUBLISHED
    assert article.published_at == datetime(2031, 1, 10, 2, 30, tzinfo=UTC)
    assert article.is_scheduled
    assert not Article.objects.live().filter(pk=article.pk).exists()


def test_private_post_becomes_a_draft_and_the_report_says_so(output):
    assert story(105).status == STATUS.DRAFT
    assert decided("private") == ["post 105"]
    assert "1 private posts: imported as drafts, hidden from readers." in output


def test_password_protected_post_becomes_a_draft_and_the_report_says_so(tmp_path):
    protected = ("<wp:post_password><![CDATA[]]>", "<wp:post_password><![CDATA[secret]]>")
    run(variant(tmp_path, protected))
    assert story(101).status == STATUS.DRAFT
    assert decided("password") == ["post 101"]


def test_post_without_gmt_date_is_read_in_the_site_time_zone(output):
    # 18:00 in Asia/Kolkata (the settings' TIME_ZONE) is 12:30 UTC.
    assert story(106).published_at == datetime(2024, 6, 1, 12, 30, tzinfo=UTC)


# Sections, tags, authors


def test_categories_become_sections_nested_one_level(output):
    cities = Section.objects.get(slug="cities")
    assert cities.parent is None
    assert Section.objects.get(slug="pune").parent == cities
    # Kothrud is a grandchild in WordPress: it hangs from its top-level ancestor.
    assert Section.objects.get(slug="kothrud").parent == cities
    assert Section.objects.get(slug="sport").name == "Sport & Games"


def test_story_is_filed_under_the_primary_category_its_seo_plugin_recorded(output):
    assert story(101).section.slug == "pune"


def test_without_a_recorded_primary_category_the_first_listed_is_the_section(tmp_path):
    run(variant(tmp_path, ("[_yoast_wpseo_primary_category]]", "[_other_plugin_key]]")))
    assert story(101).section.slug == "cities"


def test_a_posts_other_categories_become_tags_and_are_reported(output):
    assert "Cities" in story(101).tags.names()
    (entry,) = decisions("categories-as-tags")
    assert (entry["item"], entry["detail"]) == (
        "post 101",
        "filed under “Pune”; also tagged “Cities”",
    )


def test_uncategorized_post_goes_to_the_default_section(output):
    assert story(105).section.slug == "news"
    assert not Section.objects.filter(slug="uncategorized").exists()


def test_tags_keep_their_case(output):
    assert set(story(101).tags.names()) == {"Metro Rail", "PMC", "Cities"}


def test_a_tag_in_other_case_is_the_same_tag(output):
    assert set(story(106).tags.names()) == {"Metro Rail", "monsoon"}


def test_authors_are_created_from_the_export_and_given_the_byline(output):
    priya = Author.objects.get(slug="priya")
    assert priya.name == "Priya Nair"
    assert story(101).byline_authors == [priya]
    assert story(102).byline_authors == [Author.objects.get(slug="citydesk", name="City Desk")]


# Slugs, summaries and bodies


def test_slug_comes_from_the_title_when_the_post_has_none(output):
    assert story(103).slug == "kochi-water-metro-adds-two-routes-to-fort-kochi"


HINDI = "%e0%a4%aa%e0%a5%81%e0%a4%a3%e0%a5%87-metro"  # पुणे-metro, as WordPress encodes it
HINDI_SLUG = "पुणे-metro"


@pytest.fixture
def hindi_slug(tmp_path) -> Path:
    return variant(
        tmp_path,
        ("2024/05/14/pune-metro-evening-trains/</link>", f"2024/05/14/{HINDI}/</link>"),
        ("[pune-metro-evening-trains]]", f"[{HINDI}]]"),
    )


def test_a_slug_in_another_script_is_kept_as_it_is(hindi_slug):
    run(hindi_slug)
    assert story(101).slug == HINDI_SLUG


def test_a_story_with_a_slug_in_another_script_answers_at_its_address(hindi_slug, client):
    run(hindi_slug)
    url = story(101).get_absolute_url()
    assert url == f"/news/{quote(HINDI_SLUG)}/"
    assert client.get(url).status_code == 200


def test_an_old_address_in_another_script_redirects(hindi_slug, client):
    run(hindi_slug)
    response = client.get(f"/2024/05/14/{quote(HINDI_SLUG)}/")  # as a browser encodes it
    assert response.status_code == 301
    assert response["Location"] == f"/news/{quote(HINDI_SLUG)}/"


def test_summary_is_the_excerpt(output):
    assert story(106).summary == "A volunteer census of street trees, one lane at a time."


def test_summary_comes_from_the_body_paragraphs_when_the_excerpt_is_empty(output):
    # The heading between the paragraphs is left out.
    assert story(101).summary == (
        "Trains on the Hinjewadi line will run until 11 pm from Monday, the metro corporation "
        "said, answering two years of requests from workers in the IT park who miss the last "
        "train. Trains will leave every twelve minutes after 8 pm. Feeder buses from Phase 3 "
        "will wait for the last two trains of the night."
    )


def test_summary_from_a_long_body_stops_after_a_whole_sentence():
    text = "The ward committee met on Monday. " * 5 + "It " + "argued at length " * 30 + "."
    summary = summary_from(text)
    assert summary == ("The ward committee met on Monday. " * 5).strip()


def test_summary_from_one_very_long_sentence_is_cut_at_a_word():
    summary = summary_from("Residents " + "waited and " * 60 + "went home.")
    assert len(summary) <= SUMMARY_LIMIT + 1
    assert summary.endswith("waited…") or summary.endswith("and…")


def test_block_comments_are_removed(output):
    body = story(101).body
    assert "wp:" not in body
    assert "<h2>What changes for commuters</h2>" in body


def test_caption_shortcode_becomes_a_figure_with_its_caption(output):
    body = story(106).body
    assert "[caption" not in body
    assert (
        '<figure><img src="https://old.nagarsamachar.example/wp-content/uploads/2024/06/'
        'banyan.jpg" alt="An old banyan on Paud Road" width="640" height="427">'
        "<figcaption>The banyan on Paud Road is the oldest tree on the map.</figcaption>"
        "</figure>"
    ) in body


def test_classic_editor_text_gets_paragraphs(output):
    assert story(103).body == (
        "<p>Two new routes will link Fort Kochi with Vypin and Mattancherry from next month.<br>"
        "\nBoats will run every twenty minutes at peak hours.</p>\n"
        "<p>Fares stay at 20 rupees for a single trip.</p>"
    )


def test_body_is_sanitized_on_the_way_in(output):
    for post_id in (103, 106):
        body = story(post_id).body
        assert "<script" not in body
        assert "tracker" not in body and "tracking pixel" not in body


# Featured images


def test_featured_image_is_imported_with_its_renditions(output):
    article = story(101)
    image = article.featured_image
    assert image.name == f"articles/wordpress/{IMAGE}"
    assert (article.featured_image_width, article.featured_image_height) == (900, 600)
    assert article.featured_image_sizes == [400, 800]
    assert image.storage.exists(rendition_name(image.name, 800, "jpg"))
    assert article.featured_image_alt == "A metro train at an elevated station at dusk"
    assert article.featured_image_caption == "The first evening train leaves Hinjewadi Phase 3."


def test_an_imported_picture_is_stored_without_its_exif_and_gps(tmp_path):
    folder = tmp_path / "uploads"
    (folder / IMAGE).parent.mkdir(parents=True)
    (folder / IMAGE).write_bytes(jpeg_with_gps(width=900, height=600))
    run(media_dir=str(folder))
    image = story(101).featured_image
    with image.storage.open(image.name) as stored:
        picture = Image.open(io.BytesIO(stored.read()))
        picture.load()
    assert (picture.format, picture.size) == ("JPEG", (900, 600))
    assert_no_metadata(picture)


def test_a_picture_over_the_pixel_limit_is_reported_and_not_imported(media_dir, settings):
    settings.NEWSROOM_UPLOAD_MAX_PIXELS = 900 * 600 - 1
    run(media_dir=str(media_dir))
    assert not story(101).featured_image
    missing = {e["item"]: e["detail"] for e in decisions("image-missing")}
    assert missing["post 101"].startswith(f"{IMAGE}: This file is not an image we can use: it is")
    assert len(missing) == 2


def test_a_file_named_like_a_picture_that_is_not_one_is_reported(media_dir):
    (media_dir / IMAGE).write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    run(media_dir=str(media_dir))
    assert not story(101).featured_image
    (entry,) = [e for e in decisions("image-missing") if e["item"] == "post 101"]
    assert entry["detail"].startswith(f"{IMAGE}: This file is not an image we can use:")


def test_featured_image_not_in_the_media_dir_is_reported_missing(output):
    assert not story(106).featured_image
    assert "Featured images: 1 imported." in output
    (entry,) = decisions("image-missing")
    assert (entry["item"], entry["detail"]) == (
        "post 106",
        "2024/06/kothrud-trees.jpg: not found in the media dir",
    )


def test_featured_image_is_found_by_file_name_outside_its_dated_folder(tmp_path):
    folder = tmp_path / "flat"
    folder.mkdir()
    Image.new("RGB", (500, 300)).save(folder / "metro-evening.jpg", "JPEG")
    run(media_dir=str(folder))
    assert story(101).featured_image.name == f"articles/wordpress/{IMAGE}"


def test_without_a_media_dir_images_are_reported_missing_and_nothing_is_fetched(settings):
    run()
    missing = {e["item"]: e["detail"] for e in decisions("image-missing")}
    assert missing["post 101"] == "2024/05/metro-evening.jpg: no --media-dir given"
    assert len(missing) == 2
    assert not story(101).featured_image
    assert not Path(settings.MEDIA_ROOT).exists() or not any(Path(settings.MEDIA_ROOT).iterdir())


# Old addresses


def test_old_permalink_redirects_301_to_the_new_address(output, client):
    for old in ("/2024/05/14/pune-metro-evening-trains/", "/2024/05/14/pune-metro-evening-trains"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == story(101).get_absolute_url()


def test_old_post_id_address_redirects_301_to_the_new_address(output, client):
    response = client.get("/?p=106")
    assert response.status_code == 301
    assert response["Location"] == "/news/kothrud-tree-map/"


def test_an_attachments_page_redirects_301_to_the_story_it_was_uploaded_to(output, client):
    for old in ("/2024/05/14/pune-metro-evening-trains/metro-evening/", "/?attachment_id=201"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == story(101).get_absolute_url()


def test_an_attachments_page_is_recorded_once_however_often_the_import_runs(output):
    run()
    assert LegacyURL.objects.filter(path="/?attachment_id=201").count() == 1


def test_a_category_in_another_script_redirects_to_its_section(tmp_path, client):
    khel = quote("खेल", safe="").lower()  # as WordPress writes the nicename
    export = variant(
        tmp_path,
        ("[CDATA[sport]]></wp:category_nicename>", f"[CDATA[{khel}]]></wp:category_nicename>"),
        ('nicename="sport"', f'nicename="{khel}"'),
    )
    run(export)
    response = client.get(f"/category/{quote('खेल')}/")  # as a browser asks for it
    assert response.status_code == 301
    assert response["Location"] == story(104).section.get_absolute_url()


def test_old_address_of_a_story_not_live_stays_404(output, client):
    assert client.get("/2024/05/20/nagpur-heat-action-plan/").status_code == 404  # draft
    assert client.get("/2031/01/10/chennai-junior-athletics/").status_code == 404  # scheduled
    assert client.get("/?p=102").status_code == 200  # the home page, as for any other query


def test_editors_find_old_addresses_in_the_admin(output, client):
    client.force_login(UserFactory(role="Editor"))
    response = client.get("/admin/articles/legacyurl/?q=pune-metro")
    assert response.status_code == 200
    assert "/2024/05/14/pune-metro-evening-trains" in response.content.decode()


# Running again


def test_second_run_creates_nothing_new(output, media_dir):
    before = counts()
    again = run(media_dir=str(media_dir))
    assert counts() == before
    assert "Stories: 0 created, 0 updated, 6 unchanged." in again


def test_second_run_updates_changed_content(output, media_dir, tmp_path):
    changed = variant(
        tmp_path,
        ("Pune Metro runs evening trains to Hinjewadi from Monday", "Pune Metro runs late trains"),
        ("Trains will leave every twelve minutes", "Trains will leave every ten minutes"),
    )
    before = counts()
    again = run(changed, media_dir=str(media_dir))
    article = story(101)
    assert article.headline == "Pune Metro runs late trains"
    assert "every ten minutes" in article.body
    assert "Stories: 0 created, 1 updated, 5 unchanged." in again
    assert counts() == {**before, "HistoricalArticle": before["HistoricalArticle"] + 1}


def test_a_new_slug_on_a_second_run_keeps_the_previous_address_redirecting(
    output, tmp_path, client
):
    run(variant(tmp_path, ("[pune-metro-evening-trains]]", "[pune-metro-late-trains]]")))
    response = client.get("/news/pune-metro-evening-trains/")
    assert response.status_code == 301
    assert response["Location"] == "/news/pune-metro-late-trains/"


def test_dry_run_prints_the_summary_and_writes_nothing(media_dir, settings):
    before = counts()
    output = run(media_dir=str(media_dir), dry_run=True)
    assert counts() == before
    assert "Stories: 6 created, 0 updated, 0 unchanged." in output
    assert "Featured images: 1 imported." in output
    assert len(decisions("image-missing")) == 1
    assert "Dry run: everything was rolled back, nothing was saved." in output
    assert not Path(settings.MEDIA_ROOT).exists() or not any(Path(settings.MEDIA_ROOT).iterdir())


# Skipped items, progress


def test_pages_menus_revisions_and_attachments_are_left_out_with_their_reasons(output):
    left_out = [
        (e["item"].split()[0], e["detail"], e["outcome"]) for e in decisions("not-imported")
    ]
    assert sorted(left_out) == [
        ("attachment", "read only as the posts' featured images", "left out"),
        ("attachment", "read only as the posts' featured images", "left out"),
        (
            "nav_menu_item",
            "menus are not imported (the site's menus come from its sections)",
            "left out",
        ),
        ("page", "pages are not imported (write standing pages in the admin)", "left out"),
        ("revision", "an earlier version of a post: only the current one is imported", "left out"),
    ]
    assert "Comments are not imported: 1 left out." in output


def test_items_left_out_by_design_do_not_count_as_skipped(output):
    assert "were skipped" not in output


def test_unknown_post_type_is_skipped_with_its_name(tmp_path):
    run(variant(tmp_path, ("[page]]", "[product]]")))
    (entry,) = [e for e in decisions("not-imported") if e["item"].startswith("product")]
    assert entry["detail"] == "a post type that is not imported"


def test_progress_goes_to_stderr_and_verbosity_0_silences_everything(tmp_path):
    report = str(tmp_path / "report.jsonl")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wordpress", str(EXPORT), stdout=out, stderr=err, report=report)
    assert "Importing 11/11 items" in err.getvalue()
    assert "Importing" not in out.getvalue()
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_wordpress", str(EXPORT), stdout=out, stderr=err, verbosity=0, report=report
    )
    assert out.getvalue() == err.getvalue() == ""


# Bad input: a clear error, nothing written


def test_malformed_xml_is_refused_with_its_line_and_nothing_is_written(tmp_path, media_dir):
    broken = variant(tmp_path, ("<wp:post_id>104</wp:post_id>", "<wp:post_id>104</wp:postid>"))
    line = next(n for n, text in enumerate(broken.read_text().splitlines(), 1) if "postid" in text)
    with pytest.raises(CommandError, match=rf"line {line}: the file is not well-formed XML"):
        run(broken, media_dir=str(media_dir))
    assert Article.objects.count() == 0


def test_an_author_without_an_entry_gets_a_byline_named_after_the_login(tmp_path, media_dir):
    export = variant(tmp_path, ("[citydesk]]></wp:author_login>", "[desk]]></wp:author_login>"))
    run(export, media_dir=str(media_dir))
    assert story(102).byline_authors == [Author.objects.get(slug="citydesk")]
    assert decided("author-unknown") == ["post 102"]


def test_an_author_login_with_a_stray_character_is_read_clean(tmp_path):
    run(
        variant(tmp_path, ("<dc:creator><![CDATA[citydesk]]>", "<dc:creator><![CDATA[>citydesk]]>"))
    )
    assert story(102).byline_authors == [Author.objects.get(slug="citydesk", name="City Desk")]
    (entry,) = decisions("author-normalized")
    assert entry["detail"] == "author “>citydesk” read as “citydesk”"


def test_an_authors_name_inside_a_post_leaves_the_post_whole(tmp_path):
    # Some exporters write <wp:author> inside the item as well as in the channel.
    export = variant(
        tmp_path,
        ("<wp:post_id>101</wp:post_id>", "<wp:post_id>101</wp:post_id><wp:author>x</wp:author>"),
    )
    run(export)
    assert story(101).slug == "pune-metro-evening-trains"


def test_an_existing_byline_of_the_same_name_is_used_not_duplicated():
    desk = AuthorFactory(name="City Desk", slug="nm-city-desk")
    run()
    assert story(102).byline_authors == [desk]
    assert Author.objects.filter(name__iexact="City Desk").count() == 1


def test_a_slug_two_posts_share_gives_the_second_a_suffix_and_keeps_its_address(tmp_path, client):
    export = variant(tmp_path, ("[nagpur-heat-action-plan]]", "[pune-metro-evening-trains]]"))
    run(export)
    assert story(101).slug == "pune-metro-evening-trains"
    assert story(102).slug == "pune-metro-evening-trains-102"
    (entry,) = decisions("slug-taken")
    assert entry["item"] == "post 102"


def test_a_slug_a_story_here_has_gives_the_post_a_suffix():
    ArticleFactory(slug="chennai-junior-athletics", headline="Athletics meet moves to Chennai")
    run()
    assert story(104).slug == "chennai-junior-athletics-104"
    assert decided("slug-taken") == ["post 104"]


def test_a_date_that_is_not_a_date_makes_a_draft_without_a_publication_time(tmp_path):
    export = variant(
        tmp_path,
        ("[2031-01-10 02:30:00]]", "[next Friday]]"),
        ("[2031-01-10 08:00:00]]", "[soon]]"),
    )
    run(export)
    assert (story(104).status, story(104).published_at) == (STATUS.DRAFT, None)
    assert "post 104" in decided("bad-date")


def test_a_post_without_a_title_is_a_draft_titled_from_its_first_words(tmp_path):
    run(
        variant(
            tmp_path,
            (
                "<title><![CDATA[Nagpur civic body drafts its first heat action plan]]>",
                "<title><![CDATA[]]>",
            ),
        )
    )
    assert story(102).headline == "Cooling shelters at bus depots and longer hours…"
    assert story(102).status == STATUS.DRAFT
    assert decided("untitled") == ["post 102"]


def test_a_post_using_an_undefined_entity_is_skipped_and_its_story_left_as_it_was(tmp_path):
    run()
    body = story(101).body
    doctype = '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE rss SYSTEM "wxr.dtd">'
    export = variant(
        tmp_path,
        ('<?xml version="1.0" encoding="UTF-8" ?>', doctype),
        (
            "<title><![CDATA[Pune Metro runs evening trains to Hinjewadi from Monday]]></title>",
            "<title>&nbsp;Pune Metro runs evening trains</title>",
        ),
    )
    run(export)
    assert story(101).body == body
    assert story(101).headline == "Pune Metro runs evening trains to Hinjewadi from Monday"
    (entry,) = decisions("undefined-entity")
    assert (entry["item"], entry["outcome"]) == ("post 101", "skipped")


def test_a_file_that_is_not_a_wordpress_export_is_refused(tmp_path):
    other = tmp_path / "feed.xml"
    other.write_text("<rss><channel><item><title>Hello</title></item></channel></rss>")
    with pytest.raises(CommandError, match="not a WordPress export"):
        run(other)


# Memory: the file is streamed

ITEM = """<item><title>Generated story {n}</title>
<link>https://old.example/2024/01/01/story-{n}/</link><dc:creator>gen</dc:creator>
<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded></excerpt:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date>2024-01-01 10:00:00</wp:post_date>
<wp:post_date_gmt>2024-01-01 04:30:00</wp:post_date_gmt><wp:post_name>story-{n}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="cities">Cities</category></item>
"""


@pytest.fixture(scope="module")
def large_export(tmp_path_factory) -> Path:
    """3,000 posts of about 8 KB each: a 25 MB export."""
    path = tmp_path_factory.mktemp("large") / "large.xml"
    body = "<p>" + "The ward committee met again about the drains. " * 170 + "</p>"
    head = EXPORT.read_text().split("<item>", 1)[0]
    with path.open("w") as out:
        out.write(head.replace("[priya]]></wp:author_login>", "[gen]]></wp:author_login>"))
        for n in range(1, 3001):
            out.write(ITEM.format(n=n, body=body))
        out.write("</channel></rss>\n")
    return path


def test_parser_python_memory_stays_far_below_the_file_size(large_export):
    size = large_export.stat().st_size
    tracemalloc.start()
    try:
        site = wxr.read_site(large_export)
        items = sum(1 for _ in wxr.iter_items(large_export))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert site.items == items == 3000
    assert peak < size / 20


def test_parser_drops_each_item_from_the_tree_once_read(large_export):
    """tracemalloc does not see libxml2's own memory: measure the process in a fresh one."""
    script = (
        "import resource, sys\n"
        "from articles.wordpress import wxr\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "count = sum(1 for _ in wxr.iter_items(sys.argv[1]))\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(count, (after - before) * 1024)\n"  # kilobytes on Linux
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(large_export)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    )
    count, growth = map(int, result.stdout.split())
    assert count == 3000
    assert growth < large_export.stat().st_size / 4


# Status follows the source, and local edits


def test_a_post_trashed_in_wordpress_since_is_unpublished_here_through_the_workflow(
    output, tmp_path, client
):
    run(variant(tmp_path, ("<wp:status><![CDATA[publish]]>", "<wp:status><![CDATA[trash]]>")))
    article = story(101)
    assert article.status == STATUS.DRAFT
    event = article.events.get(action="unpublish")
    assert event.actor is None
    assert "WordPress import of variant.xml" in event.note
    assert decided("unpublished") == ["post 101"]
    assert client.get("/2024/05/14/pune-metro-evening-trains/").status_code == 404


def test_a_post_back_to_draft_in_wordpress_is_unpublished_here(output, tmp_path):
    run(variant(tmp_path, ("<wp:status><![CDATA[publish]]>", "<wp:status><![CDATA[draft]]>")))
    assert story(101).status == STATUS.DRAFT
    assert story(101).events.filter(action="unpublish").exists()


def test_a_post_published_again_in_wordpress_is_published_again_here(output, tmp_path):
    unpublished = variant(
        tmp_path, ("<wp:status><![CDATA[publish]]>", "<wp:status><![CDATA[draft]]>")
    )
    run(unpublished)
    run()
    assert story(101).is_live
    assert decided("republished") == ["post 101"]


def test_keep_local_changes_leaves_a_story_edited_here_as_it_is(output, tmp_path):
    article = story(101)
    article.headline = "Evening trains: what the desk changed"
    article.save()
    trashed = variant(
        tmp_path,
        ("<wp:status><![CDATA[publish]]>", "<wp:status><![CDATA[trash]]>"),
        ("Trains will leave every twelve minutes", "Trains will leave every ten minutes"),
    )
    run(trashed, keep_local_changes=True)
    article = story(101)
    assert (article.headline, article.status) == (
        "Evening trains: what the desk changed",
        STATUS.PUBLISHED,
    )
    assert {e["outcome"] for e in decisions("local-changes-kept")} == {"kept"}


def test_without_keep_local_changes_the_export_wins_over_a_local_edit(output, tmp_path):
    article = story(101)
    article.headline = "Evening trains: what the desk changed"
    article.save()
    run(variant(tmp_path, ("every twelve minutes", "every ten minutes")))
    assert story(101).headline == "Pune Metro runs evening trains to Hinjewadi from Monday"


# Batches, resuming, the report


def test_each_batch_is_committed_on_its_own(output, tmp_path, monkeypatch):
    from articles.wordpress import importer

    calls = []
    real = importer.Importer.write

    def write(self, items):
        calls.append(len(items))
        real(self, items)

    monkeypatch.setattr(importer.Importer, "write", write)
    run(batch_size=4)
    assert calls == [4, 4, 3]


def test_a_failure_in_a_later_batch_keeps_the_batches_before_it(tmp_path, monkeypatch):
    from articles.wordpress import importer

    real = importer.Importer.import_post

    def import_post(self, item, post_id, article, digest):
        if post_id == 106:
            raise KeyboardInterrupt  # the editor pressed Ctrl-C
        real(self, item, post_id, article, digest)

    monkeypatch.setattr(importer.Importer, "import_post", import_post)
    with pytest.raises(KeyboardInterrupt):
        run(batch_size=4)
    kept = set(Article.objects.values_list("wordpress_id", flat=True))
    assert kept == {101, 102, 103, 104}  # the first batch of four


def test_a_rerun_after_a_stop_ends_as_one_whole_run(tmp_path, monkeypatch, media_dir):
    from articles.wordpress import importer

    real = importer.Importer.import_post
    stop = {"at": 106}

    def import_post(self, item, post_id, article, digest):
        if post_id == stop["at"]:
            raise KeyboardInterrupt
        real(self, item, post_id, article, digest)

    monkeypatch.setattr(importer.Importer, "import_post", import_post)
    with pytest.raises(KeyboardInterrupt):
        run(batch_size=4, media_dir=str(media_dir))
    stop["at"] = None
    run(batch_size=4, media_dir=str(media_dir))
    resumed = snapshot()
    Article.objects.all().delete()
    Section.objects.exclude(parent=None).delete()
    Section.objects.all().delete()
    Author.objects.all().delete()
    run(batch_size=4, media_dir=str(media_dir))
    assert snapshot() == resumed


def snapshot():
    return sorted(
        Article.objects.values_list(
            "wordpress_id", "slug", "headline", "status", "published_at", "section__slug", "body"
        )
    )


def test_the_report_file_has_one_json_decision_a_line(output):
    entries = decisions()
    assert entries
    assert set(entries[0]) == {"item", "line", "title", "decision", "outcome", "detail"}


def test_a_post_the_database_refuses_is_skipped_and_the_batch_goes_on():
    # Its slug is taken here, and so is the slug with its id after it.
    ArticleFactory(slug="chennai-junior-athletics")
    ArticleFactory(slug="chennai-junior-athletics-104")
    run()
    assert not Article.objects.filter(wordpress_id=104).exists()
    assert Article.objects.filter(wordpress_id__in=[101, 102, 103]).count() == 3
    (entry,) = decisions("database-refused")
    assert (entry["item"], entry["outcome"]) == ("post 104", "skipped")


def test_a_batch_written_again_post_by_post_counts_each_story_once():
    ArticleFactory(slug="chennai-junior-athletics")
    ArticleFactory(slug="chennai-junior-athletics-104")
    out = run()
    assert re.search(r"Stories: 5 created, 0 updated", out)  # of 6 posts


def test_the_page_cache_is_invalidated_once_per_batch(
    monkeypatch, django_capture_on_commit_callbacks
):
    from articles import page_cache

    made = []
    monkeypatch.setattr(page_cache, "invalidate", lambda: made.append(1))
    with django_capture_on_commit_callbacks(execute=True):
        run(batch_size=4)
    assert len(made) == 3


def test_the_command_exits_3_when_items_were_skipped(tmp_path, capsys):
    from articles.management.commands.import_wordpress import Command

    export = variant(tmp_path, ("<wp:post_id>102</wp:post_id>", "<wp:post_id>10x2</wp:post_id>"))
    argv = ["manage.py", "import_wordpress", str(export), "--report", str(tmp_path / "r.jsonl")]
    with pytest.raises(SystemExit) as exit:
        Command().run_from_argv(argv)
    assert exit.value.code == 3
    assert "1 items were skipped" in capsys.readouterr().out


def test_the_command_exits_0_when_nothing_was_skipped(tmp_path):
    from articles.management.commands.import_wordpress import Command

    Command().run_from_argv(
        ["manage.py", "import_wordpress", str(EXPORT), "--report", str(tmp_path / "r.jsonl")]
    )


# Content: embeds, media, page breaks and shortcodes (articles/wordpress/content.py)

YOUTUBE_ID = "Xq3v9LwTz0A"


def converted(html: str) -> tuple[str, list[tuple[str, str]]]:
    from articles.wordpress.content import convert

    return convert(html)


def test_an_embed_shortcode_of_a_provider_becomes_an_embed():
    html, _ = converted(f"[embed]https://www.youtube.com/watch?v={YOUTUBE_ID}[/embed]")
    assert html == f'<figure data-embed="youtube" data-id="{YOUTUBE_ID}"></figure>'


def test_a_jetpack_youtube_shortcode_becomes_an_embed():
    html, _ = converted(f"[youtube=https://youtu.be/{YOUTUBE_ID}]")
    assert html == f'<figure data-embed="youtube" data-id="{YOUTUBE_ID}"></figure>'


def test_a_block_editor_embed_keeps_its_caption():
    url = "https://x.com/citydesk/status/1790000000000000001"
    block = (
        f'<!-- wp:embed {{"url":"{url}"}} --><figure class="wp-block-embed is-type-rich">'
        f'<div class="wp-block-embed__wrapper">\n{url}\n</div><figcaption>The post</figcaption>'
        "</figure><!-- /wp:embed -->"
    )
    html, _ = converted(block)
    assert html == (
        '<figure data-embed="x" data-id="1790000000000000001"><figcaption>The post</figcaption>'
        "</figure>"
    )


def test_a_video_file_becomes_a_link_to_it_and_is_reported():
    html, notes = converted('[video mp4="https://old.example/uploads/ferry.mp4"][/video]')
    assert html == '<p><a href="https://old.example/uploads/ferry.mp4">Video: ferry.mp4</a></p>'
    assert [decision for decision, _ in notes] == ["media-linked"]


def test_an_audio_element_no_longer_vanishes_but_becomes_a_link():
    html, _ = converted('<audio controls><source src="https://old.example/a/hymn.mp3"></audio>')
    assert html == '<p><a href="https://old.example/a/hymn.mp3">Audio: hymn.mp3</a></p>'


def test_more_and_nextpage_leave_no_empty_paragraph():
    html, _ = converted("First part.\n\n<!--more-->\n\nSecond part.\n<!--nextpage-->\nThird.")
    assert "<p></p>" not in html and "<!--" not in html
    assert html.count("<p>") == 3


def test_an_unknown_shortcode_is_removed_keeping_its_text_and_is_reported():
    html, notes = converted('[su_box title="Note"]The ferry runs daily.[/su_box] [vc_row]')
    assert html == "<p>The ferry runs daily.</p>"
    assert notes == [("shortcode-removed", "[su_box]"), ("shortcode-removed", "[vc_row]")]


def test_bracketed_words_that_are_not_shortcodes_stay_text():
    html, notes = converted("Our reporter [sic] wrote this [UPDATE 2: the minister replied].")
    assert "[sic]" in html and "[UPDATE 2: the minister replied]" in html
    assert notes == []


@pytest.mark.skipif(not THEME_UNIT_TEST.exists(), reason="../shared/wordpress is not beside us")
def test_the_theme_unit_test_export_imports_whole_with_no_shortcode_left(tmp_path):
    run(THEME_UNIT_TEST)
    assert Article.objects.count() == 58
    assert not [e for e in decisions() if e["outcome"] == "skipped"]
    for body in Article.objects.values_list("body", flat=True):
        assert not re.search(r"\[/?(gallery|embed|video|audio|caption)\b", body), body[:200]


@pytest.mark.skipif(not THEME_UNIT_TEST.exists(), reason="../shared/wordpress is not beside us")
def test_the_theme_unit_test_stories_show_readers_no_shortcode(client):
    run(THEME_UNIT_TEST)
    live = Article.objects.live()
    assert live.count() > 40
    for article in live:
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200, article.slug
        text = re.sub(r"<[^>]+>", " ", response.text)
        assert not re.search(r"\[/?[a-z_]+(\s[^\]]*)?\]", text), article.slug


@pytest.mark.skipif(not THEME_UNIT_TEST.exists(), reason="../shared/wordpress is not beside us")
def test_every_old_address_of_the_theme_unit_test_leads_to_its_live_story(client):
    run(THEME_UNIT_TEST)
    olds = LegacyURL.objects.filter(article__in=Article.objects.live()).select_related("article")
    assert olds.count() > 80
    for old in olds:
        path, _, query = old.path.partition("?")
        response = client.get(path, QUERY_STRING=query)
        assert response.status_code == 301, old.path
        assert response["Location"] == old.article.get_absolute_url()


@pytest.mark.skipif(not THEME_UNIT_TEST.exists(), reason="../shared/wordpress is not beside us")
def test_a_second_import_of_the_theme_unit_test_changes_nothing():
    run(THEME_UNIT_TEST)
    before, revisions = counts(), Article.history.count()
    out = run(THEME_UNIT_TEST)
    assert "Stories: 0 created, 0 updated, 58 unchanged." in out
    assert (counts(), Article.history.count()) == (before, revisions)


def gallery_export(tmp_path, shortcode: str) -> Path:
    return variant(
        tmp_path,
        (
            "<p>Cooling shelters at bus depots",
            f"{shortcode}</p><p>Cooling shelters at bus depots",
        ),
    )


def test_a_gallery_becomes_pictures_of_the_library_inside_the_body(tmp_path, media_dir):
    from articles.models import Picture

    run(gallery_export(tmp_path, '[gallery ids="201"]'), media_dir=str(media_dir))
    picture = Picture.objects.get(image=f"articles/wordpress/{IMAGE}")
    assert picture.alt == "A metro train at an elevated station at dusk"
    assert f'<figure data-picture="{picture.pk}"></figure>' in story(102).body
    assert "[gallery" not in story(102).body


def test_a_gallery_without_ids_shows_the_pictures_uploaded_to_its_post(tmp_path, media_dir):
    export = variant(
        tmp_path,
        ("<p>Trains on the Hinjewadi line", "[gallery]<p>Trains on the Hinjewadi line"),
    )
    run(export, media_dir=str(media_dir))
    assert 'data-picture="' in story(101).body


def test_a_gallery_whose_pictures_are_missing_is_removed_and_reported(tmp_path):
    run(gallery_export(tmp_path, '[gallery ids="201"]'))
    assert "[gallery" not in story(102).body and "data-picture" not in story(102).body
    assert "post 102" in decided("image-missing")


def stored() -> list:
    """What an import wrote about its stories, but for row ids and times of writing."""
    from articles.models import Picture

    varying = {"id", "modified_at", "wordpress_synced_at", "featured_picture"}
    fields = [f.attname for f in Article._meta.concrete_fields if f.name not in varying]
    rows = []
    for article in Article.objects.order_by("wordpress_id"):
        picture = Picture.objects.filter(pk=article.featured_picture_id).first()
        rows.append(
            {
                **{name: getattr(article, name) for name in fields},
                "picture": picture and (picture.image.name, picture.alt, picture.sizes),
                "tags": sorted(article.tags.names()),
                "bylines": list(article.bylines.values_list("author_id", "order")),
                "old addresses": sorted(article.legacy_urls.values_list("path", flat=True)),
                "revisions": list(
                    article.history.values_list(
                        "history_change_reason", "headline", "status", "tag_names", "slug"
                    )
                ),
            }
        )
    return rows


def test_new_stories_written_together_are_as_written_one_by_one(media_dir, monkeypatch):
    from articles.models import Picture
    from articles.wordpress.importer import Importer

    run(media_dir=str(media_dir))
    together = stored()
    Article.objects.all().delete()
    Picture.objects.all().delete()
    monkeypatch.setattr(
        Importer, "write", lambda self, items: self.write_batch(items, together=False)
    )
    run(media_dir=str(media_dir))
    assert stored() == together
