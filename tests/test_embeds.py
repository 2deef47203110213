"""Embeds (docs/rich-bodies.md): provider addresses → ids, the sanitizer's conversion and
refusal, the click-to-load facade, feeds and JSON-LD, and each page's frame-src."""

import json
import re
from html import unescape

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles import embeds, page_cache
from articles.body import reader_html
from articles.embeds import policy
from articles.models import Article, EmbedHost
from articles.sanitize import BodyWouldLoseContent, clean_html, removals, sanitize_body
from tests.factories import ArticleFactory, UserFactory

YOUTUBE_ID = "Xq3v9LwTz0A"
TWEET_ID = "1790000000000000001"
VIDEO = f'<figure data-embed="youtube" data-id="{YOUTUBE_ID}"><figcaption>Monsoon over the Western Ghats</figcaption></figure>'  # noqa: E501
POST = f'<figure data-embed="x" data-id="{TWEET_ID}"></figure>'

# Every provider: address forms writers paste → (provider, id).
ADDRESSES = [
    (f"https://www.youtube.com/watch?v={YOUTUBE_ID}", "youtube", YOUTUBE_ID),
    (f"https://youtube.com/watch?feature=share&v={YOUTUBE_ID}&t=42", "youtube", YOUTUBE_ID),
    (f"https://m.youtube.com/watch?v={YOUTUBE_ID}", "youtube", YOUTUBE_ID),
    (f"https://youtu.be/{YOUTUBE_ID}?si=abc", "youtube", YOUTUBE_ID),
    (f"https://www.youtube.com/shorts/{YOUTUBE_ID}", "youtube", YOUTUBE_ID),
    (f"https://www.youtube.com/embed/{YOUTUBE_ID}", "youtube", YOUTUBE_ID),
    (f"https://www.youtube.com/live/{YOUTUBE_ID}", "youtube", YOUTUBE_ID),
    (f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}", "youtube", YOUTUBE_ID),
    ("https://vimeo.com/76979871", "vimeo", "76979871"),
    ("https://vimeo.com/76979871/8272103f6e", "vimeo", "76979871:8272103f6e"),
    ("https://vimeo.com/channels/staffpicks/76979871", "vimeo", "76979871"),
    ("https://vimeo.com/groups/shortfilms/videos/76979871", "vimeo", "76979871"),
    ("https://player.vimeo.com/video/76979871?h=8272103f6e", "vimeo", "76979871:8272103f6e"),
    (f"https://x.com/pune_desk/status/{TWEET_ID}", "x", TWEET_ID),
    (f"https://twitter.com/pune_desk/status/{TWEET_ID}?s=20", "x", TWEET_ID),
    (f"https://mobile.twitter.com/pune_desk/status/{TWEET_ID}/photo/1", "x", TWEET_ID),
    (f"https://twitter.com/i/web/status/{TWEET_ID}", "x", TWEET_ID),
    ("https://www.instagram.com/p/C7xYz_12aB/", "instagram", "C7xYz_12aB"),
    ("https://www.instagram.com/reel/C7xYz_12aB/?igsh=x", "instagram", "C7xYz_12aB"),
    ("https://instagram.com/tv/C7xYz_12aB", "instagram", "C7xYz_12aB"),
    ("https://www.facebook.com/punedesk/posts/1234567890", "facebook", "punedesk/posts/1234567890"),
    (
        "https://www.facebook.com/permalink.php?story_fbid=1234567890&id=100064",
        "facebook",
        "100064/posts/1234567890",
    ),
    (
        "https://www.facebook.com/punedesk/posts/pfbid02abcdefghijklmnopqrstuvwxyz",
        "facebook",
        "punedesk/posts/pfbid02abcdefghijklmnopqrstuvwxyz",
    ),
    ("https://www.facebook.com/watch/?v=987654321", "facebook-video", "987654321"),
    ("https://www.facebook.com/punedesk/videos/987654321/", "facebook-video", "987654321"),
    ("https://m.facebook.com/reel/987654321", "facebook-video", "987654321"),
    (
        "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
        "spotify",
        "track:4uLU6hMCjMI75M1A2tKUQC",
    ),
    (
        "https://open.spotify.com/intl-en/episode/4uLU6hMCjMI75M1A2tKUQC?si=1",
        "spotify",
        "episode:4uLU6hMCjMI75M1A2tKUQC",
    ),
    (
        "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M",
        "spotify",
        "playlist:37i9dQZF1DXcBWIGoYBM5M",
    ),
    (
        "https://soundcloud.com/pune-radio/morning-bulletin",
        "soundcloud",
        "pune-radio/morning-bulletin",
    ),
    ("https://soundcloud.com/pune-radio/sets/monsoon", "soundcloud", "pune-radio/sets/monsoon"),
    ("https://www.google.com/maps/@18.5204,73.8567,13z", "google-maps", "18.5204,73.8567,13z"),
    (
        "https://www.google.com/maps/place/Shaniwar+Wada/@18.5195,73.8553,17z/data=!4m6",
        "google-maps",
        "18.5195,73.8553,17z",
    ),
    (
        "https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d3783.2!2d73.85!3d18.52!5e0",
        "google-maps",
        "!1m18!1m12!1m3!1d3783.2!2d73.85!3d18.52!5e0",
    ),
]

# Addresses that must not be recognised: look-alikes, tricks, other pages of a provider.
NOT_EMBEDS = [
    f"https://www.youtube.com.evil.example/watch?v={YOUTUBE_ID}",
    f"https://youtube.com@evil.example/watch?v={YOUTUBE_ID}",
    f"https://evil.example/?next=https://youtu.be/{YOUTUBE_ID}",
    f"https://www.y\u043eutube.com/watch?v={YOUTUBE_ID}",  # a Cyrillic o
    f"https://youtu.be/{YOUTUBE_ID[:-1]}",  # too short
    f"https://www.youtube.com/watch?v={YOUTUBE_ID}%22onload%3D",
    f"javascript:alert(1)//https://youtu.be/{YOUTUBE_ID}",
    f"https://youtu.be:8443/{YOUTUBE_ID}",
    f"ftp://youtu.be/{YOUTUBE_ID}",
    "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
    "https://vimeo.com/about",
    "https://x.com/pune_desk",
    "https://soundcloud.com/pune-radio/likes",
    "https://open.spotify.com/track/short",
    "https://www.facebook.com/../posts/123",
    "https://www.google.com/search?q=maps",
    "https://maps.app.goo.gl/abc123",
    "https://example.com/video.mp4",
]

HOSTILE_IDS = [
    ("youtube", 'abc"><script>alert(1)</script>'),
    ("youtube", "javascript:alert(1)"),
    ("youtube", "../../../etc/passwd"),
    ("youtube", "Xq3v9LwTz0A/../x"),
    ("youtube", "Xq3v9LwTz0\u0410"),  # a Cyrillic A: looks right, is not an id
    ("youtube", " Xq3v9LwTz0A"),
    ("youtube", "Xq3v9LwTz0A\n"),
    ("vimeo", "76979871?autoplay=1&x="),
    ("x", "1790000000000000001&id=2"),
    ("x", "\uff11\uff12\uff13"),  # full-width digits
    ("instagram", "C7xYz'onmouseover"),
    ("facebook", "../../plugins/x/posts/1"),
    ("facebook-video", "987654321%2F..%2F"),
    ("spotify", "track/4uLU6hMCjMI75M1A2tKUQC"),
    ("soundcloud", "../pune-radio/x"),
    ("google-maps", "!1m18<script>"),
    ("iframe", "javascript:alert(1)"),
    ("iframe", "https://evil.example/frame"),
]


def story_page(client, article):
    return client.get(article.get_absolute_url())


# --- Providers: addresses and ids ----------------------------------------------------------


@pytest.mark.parametrize(("url", "provider", "embed_id"), ADDRESSES)
def test_each_provider_address_form_gives_its_provider_and_id(url, provider, embed_id):
    found = embeds.from_url(url)
    assert (found.provider, found.id) == (provider, embed_id)


@pytest.mark.parametrize("url", NOT_EMBEDS)
def test_an_address_that_is_not_a_providers_post_is_not_an_embed(url):
    assert embeds.from_url(url) is None


@pytest.mark.parametrize(("provider", "embed_id"), HOSTILE_IDS)
@pytest.mark.django_db
def test_a_hostile_id_is_refused_by_its_provider(provider, embed_id):
    assert embeds.embed(provider, embed_id) is None


def test_an_unknown_provider_is_refused():
    assert embeds.embed("tiktok", "123") is None
    assert embeds.embed("YouTube", YOUTUBE_ID) is None  # keys are exact


@pytest.mark.parametrize("provider", sorted(embeds.PROVIDERS))
def test_every_provider_plays_from_https_on_exactly_its_frame_origins(provider):
    url = next(url for url, key, _ in ADDRESSES if key == provider)
    found = embeds.from_url(url)
    origin = re.match(r"https://[^/]+", found.frame_url).group(0)
    assert found.frame_origins == (origin,)
    assert found.original_url.startswith("https://")
    assert found.verb.startswith("Load ") and found.label in found.verb


def test_youtube_plays_from_its_no_cookie_host():
    found = embeds.embed("youtube", YOUTUBE_ID)
    assert found.frame_url.startswith(f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}")
    assert found.verb == "Load video from YouTube"


def test_vimeo_plays_with_do_not_track():
    assert "dnt=1" in embeds.embed("vimeo", "76979871").frame_url


def test_an_x_post_plays_from_twitters_embed_page_without_tracking():
    frame = embeds.embed("x", TWEET_ID).frame_url
    assert frame == f"https://platform.twitter.com/embed/Tweet.html?id={TWEET_ID}&dnt=true"


# --- The sanitizer ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_provider_address_alone_in_a_paragraph_becomes_an_embed_on_save():
    article = ArticleFactory(body=f"<p>Before.</p><p>https://youtu.be/{YOUTUBE_ID}</p>")
    assert article.body == (
        f'<p>Before.</p><figure data-embed="youtube" data-id="{YOUTUBE_ID}"></figure>'
    )


@pytest.mark.django_db
def test_a_linked_provider_address_alone_in_a_paragraph_becomes_an_embed():
    url = f"https://x.com/pune_desk/status/{TWEET_ID}"
    cleaned = clean_html(f'<p><a href="{url}">{url}</a></p>')
    assert cleaned == POST
    assert removals(f'<p><a href="{url}">{url}</a></p>') == []


@pytest.mark.django_db
def test_a_provider_address_inside_a_sentence_stays_a_link():
    body = f'<p>Watch <a href="https://youtu.be/{YOUTUBE_ID}">the speech</a> here.</p>'
    assert "data-embed" not in clean_html(body)
    assert "data-embed" not in clean_html(f"<p>See https://youtu.be/{YOUTUBE_ID} now.</p>")


@pytest.mark.django_db
def test_a_valid_embed_keeps_only_its_provider_id_and_caption():
    body = (
        f'<figure data-embed="youtube" data-id="{YOUTUBE_ID}" data-picture="4" class="x">'
        "<figcaption>Rain <em>at last</em><p>in Pune</p></figcaption></figure>"
    )
    assert clean_html(body) == (
        f'<figure data-embed="youtube" data-id="{YOUTUBE_ID}">'
        "<figcaption>Rain <em>at last</em>in Pune</figcaption></figure>"
    )


@pytest.mark.parametrize(("provider", "embed_id"), HOSTILE_IDS)
@pytest.mark.django_db
def test_an_embed_with_a_hostile_id_is_removed_and_the_writer_told(provider, embed_id):
    figure = '<figure data-embed="{}" data-id="{}"></figure>'.format(
        provider, embed_id.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    )
    body = f"<p>Kept.</p>{figure}"
    assert clean_html(body) == "<p>Kept.</p>"
    assert any(item.startswith("an embed (") for item in removals(body))
    with pytest.raises(BodyWouldLoseContent):
        sanitize_body(body)


@pytest.mark.django_db
def test_an_embed_of_an_unknown_provider_is_removed_and_the_writer_told():
    body = (
        '<p>Kept.</p><figure data-embed="tiktok" data-id="123"><figcaption>Dance</figcaption>'
        "</figure>"
    )
    assert clean_html(body) == "<p>Kept.</p>"
    assert removals(body) == ["an embed (tiktok: 123)", "the text “Dance”"]


@pytest.mark.django_db
def test_an_embed_nested_in_another_is_removed_and_the_writer_told():
    body = (
        f'<figure data-embed="youtube" data-id="{YOUTUBE_ID}"><figcaption>Outer'
        f'<figure data-embed="x" data-id="{TWEET_ID}"></figure></figcaption>'
        f'<figure data-embed="vimeo" data-id="76979871"></figure></figure>'
    )
    cleaned = clean_html(body)
    assert cleaned == (
        f'<figure data-embed="youtube" data-id="{YOUTUBE_ID}">'
        "<figcaption>Outer</figcaption></figure>"
    )
    assert removals(body) == ["an embed (x: 1790000000000000001)", "an embed (vimeo: 76979871)"]


@pytest.mark.django_db
def test_an_embed_hidden_in_markup_the_sanitizer_drops_is_reported():
    body = f'<p>Kept.</p><svg><figure data-embed="youtube" data-id="{YOUTUBE_ID}"></figure></svg>'
    assert "data-embed" not in clean_html(body)
    assert f"an embed (youtube: {YOUTUBE_ID})" in removals(body)


@pytest.mark.django_db
def test_a_clean_body_with_embeds_is_stored_as_it_was():
    body = f"<p>Text.</p>{VIDEO}{POST}"
    assert clean_html(body) == body
    assert removals(body) == []


@pytest.mark.parametrize("value", ["0", "-3", "+3", "03", "3.0", "x", "1e3", "٣", ""])
@pytest.mark.django_db
def test_a_library_picture_needs_a_positive_integer_id(value):
    body = f'<p>Kept.</p><figure data-picture="{value}"></figure>'
    assert clean_html(body) == "<p>Kept.</p>"
    assert removals(body) == [f"a picture from the library (data-picture: {value})"]


@pytest.mark.django_db
def test_a_library_picture_with_a_positive_integer_id_is_kept():
    body = '<figure data-picture="42"><figcaption>The ghat road</figcaption></figure>'
    assert clean_html(body) == body


@pytest.mark.django_db
def test_a_frame_from_an_allowed_host_becomes_a_generic_embed():
    EmbedHost.objects.create(host="charts.example.org", name="Example Charts")
    body = (
        '<p><iframe src="https://charts.example.org/c/rain?x=1&amp;y=2" width="600"></iframe></p>'
    )
    cleaned = clean_html(body)
    assert cleaned == (
        '<figure data-embed="iframe" data-id="https://charts.example.org/c/rain?x=1&amp;y=2">'
        "</figure>"
    )
    assert removals(body) == []


@pytest.mark.django_db
def test_a_frame_from_any_other_host_is_removed_and_the_writer_told():
    EmbedHost.objects.create(host="charts.example.org", name="Example Charts")
    body = '<p>Text.</p><iframe src="https://charts.example.org.evil.example/c"></iframe>'
    assert clean_html(body) == "<p>Text.</p>"
    assert removals(body) == [
        "an embedded frame (iframe: https://charts.example.org.evil.example/c)"
    ]


@pytest.mark.django_db
def test_a_plain_http_frame_from_an_allowed_host_is_removed():
    EmbedHost.objects.create(host="charts.example.org", name="Example Charts")
    body = '<p>Text.</p><iframe src="http://charts.example.org/c"></iframe>'
    assert clean_html(body) == "<p>Text.</p>"


@pytest.mark.django_db
def test_embed_objects_and_embeds_stay_removed_and_reported():
    body = '<p>Text.</p><object data="https://youtu.be/x"></object><embed src="https://a.example/">'
    assert clean_html(body) == "<p>Text.</p>"
    assert len(removals(body)) == 2


@pytest.mark.django_db
def test_an_embeds_caption_is_not_counted_in_the_body_text():
    article = ArticleFactory(body=f"<p>Rain came early.</p>{VIDEO}")
    assert article.body_text == "Rain came early."


# --- EmbedHost ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host", ["https://charts.example.org", "charts.example.org/x", "*.example.org", "Charts Ex"]
)
@pytest.mark.django_db
def test_an_embed_host_is_a_plain_host_name(host):
    with pytest.raises(ValidationError):
        EmbedHost(host=host, name="Charts").full_clean()


@pytest.mark.django_db
def test_only_administrators_may_manage_embed_hosts(client):
    url = reverse("admin:articles_embedhost_changelist")
    client.force_login(UserFactory(role="Editor"))
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_a_host_taken_off_the_allow_list_is_no_longer_embedded(client):
    host = EmbedHost.objects.create(host="charts.example.org", name="Example Charts")
    article = ArticleFactory(
        live=True, body='<iframe src="https://charts.example.org/c/rain"></iframe>'
    )
    assert "Load content from Example Charts" in story_page(client, article).text
    host.delete()
    response = story_page(client, article)
    assert "charts.example.org" not in response.text
    assert "frame-src 'none'" in response["Content-Security-Policy"]


# --- The editor's check --------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_editors_check_names_a_providers_embed(client):
    client.force_login(UserFactory(role="Writer"))
    url = reverse("admin:articles_embed_check")
    answer = client.get(url, {"url": f"https://youtu.be/{YOUTUBE_ID}"}).json()
    assert answer == {
        "ok": True,
        "provider": "youtube",
        "id": YOUTUBE_ID,
        "label": "YouTube",
        "noun": "video",
    }


@pytest.mark.django_db
def test_the_editors_check_refuses_an_unknown_address_with_a_message(client):
    client.force_login(UserFactory(role="Writer"))
    answer = client.get(
        reverse("admin:articles_embed_check"), {"url": "https://example.com/x"}
    ).json()
    assert answer["ok"] is False
    assert "cannot be embedded" in answer["message"]


@pytest.mark.django_db
def test_the_editors_check_explains_short_links(client):
    client.force_login(UserFactory(role="Writer"))
    answer = client.get(
        reverse("admin:articles_embed_check"), {"url": "https://maps.app.goo.gl/abc"}
    ).json()
    assert "short link" in answer["message"]


# --- Readers: the facade ---------------------------------------------------------------------


@pytest.mark.django_db
def test_an_embed_is_a_facade_with_the_providers_name_caption_and_button():
    html = reader_html(VIDEO)
    assert '<p class="embed__provider">YouTube</p>' in html
    assert "<figcaption>Monsoon over the Western Ghats</figcaption>" in html
    assert re.search(r"<button type=\"button\"[^>]*>Load video from YouTube</button>", html)


@pytest.mark.django_db
def test_the_facade_names_no_third_party_resource_the_page_would_load():
    html = reader_html(VIDEO)
    assert "<iframe" not in html and "<img" not in html and "<script" not in html
    # The player's address is only data for the script, used after the click.
    assert f'data-frame="https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1"' in html


@pytest.mark.django_db
def test_without_javascript_the_facade_is_a_link_to_the_original():
    html = reader_html(VIDEO)
    assert re.search(r"<button [^>]*hidden>", html)  # shown by js/embeds.js
    assert (
        f'<a class="embed__original" href="https://www.youtube.com/watch?v={YOUTUBE_ID}">' in html
    )


@pytest.mark.django_db
def test_the_article_page_shows_the_facade_and_loads_the_embed_script(client):
    article = ArticleFactory(live=True, body=f"<p>One.</p>{VIDEO}")
    text = story_page(client, article).text
    assert "Load video from YouTube" in text
    assert "/static/js/embeds.js" in text


@pytest.mark.django_db
def test_a_page_without_embeds_does_not_load_the_embed_script(client):
    article = ArticleFactory(live=True)
    assert "js/embeds.js" not in story_page(client, article).text


@pytest.mark.django_db
def test_the_read_more_box_never_splits_an_embed(client):
    body = "<p>One.</p><p>Two.</p>" + VIDEO + "<p>Three.</p><p>Four.</p>"
    related = ArticleFactory(live=True)  # in the same section: a Read More box
    article = ArticleFactory(live=True, body=body, section=related.section)
    text = story_page(client, article).text
    head, _, tail = text.partition('class="read-more"')
    assert "Load video from YouTube" in head and "Four." in tail


@pytest.mark.django_db
def test_a_caption_cannot_break_out_of_the_players_title():
    article = ArticleFactory(
        body=f'<figure data-embed="youtube" data-id="{YOUTUBE_ID}"><figcaption>"&gt;&lt;b&gt; '
        "<em>x</em></figcaption></figure>"
    )
    html = reader_html(article.body)
    assert 'data-title="YouTube video: &quot;&gt;&lt;b&gt; x"' in html


# --- Feeds, JSON-LD, description --------------------------------------------------------------


@pytest.mark.django_db
def test_in_a_feed_an_embed_is_a_link_to_the_original_with_its_caption(client):
    ArticleFactory(live=True, body=f"<p>One.</p>{VIDEO}")
    feed = feedparser.parse(client.get("/feed/").content)
    content = unescape(feed.entries[0].content[0].value)
    assert (
        f'<p><a href="https://www.youtube.com/watch?v={YOUTUBE_ID}">Video on YouTube</a>: '
        "Monsoon over the Western Ghats</p>"
    ) in content
    assert "data-embed" not in content and "nocookie" not in content


@pytest.mark.django_db
def test_in_the_json_ld_an_embed_is_a_link_with_its_caption(client):
    article = ArticleFactory(live=True, body=f"<p>One.</p>{VIDEO}{POST}")
    text = story_page(client, article).text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.DOTALL)
    news = next(item for item in map(json.loads, blocks) if item["@type"] == "NewsArticle")
    assert news["associatedMedia"] == [
        {
            "@type": "MediaObject",
            "name": "Monsoon over the Western Ghats",
            "url": f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        },
        {
            "@type": "MediaObject",
            "name": "Post on X",
            "url": f"https://x.com/i/web/status/{TWEET_ID}",
        },
    ]


@pytest.mark.django_db
def test_the_meta_description_never_holds_an_embed(client):
    article = ArticleFactory(live=True, summary="", seo_description="", body=f"{VIDEO}<p>One.</p>")
    text = story_page(client, article).text
    description = re.search(r'<meta name="description" content="([^"]*)"', text)
    assert description is None or "Monsoon" not in description.group(1)
    assert Article.objects.get(pk=article.pk).body_text == "One."


# --- Headers: CSP frame-src and Permissions-Policy per page ----------------------------------


def frame_src(response) -> str:
    return re.search(r"frame-src ([^;]*)", response["Content-Security-Policy"]).group(1)


@pytest.mark.django_db
def test_a_page_without_embeds_allows_no_frames(client):
    response = story_page(client, ArticleFactory(live=True))
    assert frame_src(response) == "'none'"
    assert "autoplay=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_a_page_allows_exactly_the_players_it_embeds(client):
    article = ArticleFactory(live=True, body=f"{VIDEO}{POST}")
    response = story_page(client, article)
    assert frame_src(response) == "https://platform.twitter.com https://www.youtube-nocookie.com"


@pytest.mark.django_db
def test_the_players_features_are_granted_to_their_origins_only(client):
    article = ArticleFactory(live=True, body=f"{VIDEO}{POST}")
    features = dict(
        part.split("=", 1) for part in story_page(client, article)["Permissions-Policy"].split(", ")
    )
    for feature in ("autoplay", "encrypted-media", "fullscreen", "picture-in-picture"):
        assert features[feature] == '("https://www.youtube-nocookie.com")', feature
    assert features["camera"] == "()" and features["geolocation"] == "()"


@pytest.mark.django_db
def test_the_preview_allows_exactly_the_players_it_embeds(client):
    editor = UserFactory(role="Editor")
    article = ArticleFactory(body=f"<p>Draft.</p>{POST}")
    client.force_login(editor)
    response = client.get(reverse("articles:preview", kwargs={"pk": article.pk}))
    assert response.status_code == 200
    assert frame_src(response) == "https://platform.twitter.com"


@pytest.mark.django_db
def test_a_page_from_the_page_cache_keeps_its_frame_src(client, settings):
    settings.NEWSROOM_PAGE_CACHE = True
    page_cache._memo.token = None
    article = ArticleFactory(live=True, body=VIDEO)
    miss, hit = story_page(client, article), story_page(client, article)
    assert (miss[page_cache.STATUS_HEADER], hit[page_cache.STATUS_HEADER]) == ("miss", "hit")
    assert frame_src(hit) == frame_src(miss) == "https://www.youtube-nocookie.com"
    assert hit["Permissions-Policy"] == miss["Permissions-Policy"]


@pytest.mark.django_db
def test_a_not_modified_answer_keeps_the_pages_frame_src(client):
    article = ArticleFactory(live=True, body=VIDEO)
    first = story_page(client, article)
    again = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert frame_src(again) == "https://www.youtube-nocookie.com"


def test_the_policy_of_a_page_without_embeds_is_left_alone():
    class Response:
        pass

    response = policy.apply(Response(), [])
    assert not hasattr(response, "_csp_replace")


@pytest.mark.django_db
def test_a_control_character_beside_an_embed_is_kept_as_it_was():
    body = f"<p>0\x1f</p>{VIDEO}"
    assert clean_html(body) == body


# --- Standing pages (About Us and the like) ------------------------------------------------


@pytest.mark.django_db
def test_a_standing_page_shows_an_embed_as_a_facade_and_allows_only_its_player(client):
    from articles.models import Page

    page = Page.objects.create(slug="about-us", title="About Us", body=f"<p>Who we are.</p>{VIDEO}")
    response = client.get(reverse("articles:page", kwargs={"slug": page.slug}))
    html = response.content.decode()
    assert "Load video from YouTube" in html
    assert "js/embeds" in html
    assert frame_src(response) == "https://www.youtube-nocookie.com"


@pytest.mark.django_db
def test_a_standing_page_without_embeds_allows_no_frames(client):
    from articles.models import Page

    page = Page.objects.create(slug="about-us", title="About Us", body="<p>Who we are.</p>")
    response = client.get(reverse("articles:page", kwargs={"slug": page.slug}))
    assert frame_src(response) == "'none'"
    assert "js/embeds" not in response.content.decode()
