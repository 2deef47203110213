"""Hardening: `check --deploy` is clean, and every response carries the security headers."""

import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.urls import reverse

from articles import page_cache
from tests.factories import ArticleFactory, UserFactory
from tests.servers import ROOT, base_environment, get, requires_gunicorn, settings_output

READER_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'none'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)
ADMIN_CSP = re.compile(
    r"default-src 'self'; script-src 'self'( 'nonce-(?P<nonce>[A-Za-z0-9+/=]+)')?; "
    r"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; "
    r"connect-src 'self'; frame-src 'none'; form-action 'self'; frame-ancestors 'none'; "
    r"base-uri 'self'; "
    r"object-src 'none'$"
)
DISABLED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")
ONE_YEAR = 365 * 24 * 60 * 60


def production_environment(**extra: str) -> dict[str, str]:
    """Production as deployed: HTTPS, no `make serve` switches (tests/servers.py sets some)."""
    environment = base_environment(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="www.example.com,example.com",
    )
    for name in ("DJANGO_SECURE_COOKIES", "DJANGO_SERVE_MEDIA"):
        environment.pop(name)
    environment.update(extra)
    return environment


def production_settings(*names: str, **env: str) -> dict[str, str]:
    code = f"print(*(repr(getattr(settings, n)) for n in {names!r}), sep='\\n')"
    output = settings_output(code, production_environment(**env))
    return dict(zip(names, output.splitlines(), strict=True))


def test_check_deploy_with_production_settings_reports_nothing(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_environment(DJANGO_CACHE_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
    assert "WARNING" not in output and "?: (security." not in output


def test_production_defaults_ask_for_https_everywhere():
    values = production_settings(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SAMESITE",
    )
    assert values == {
        "SECURE_SSL_REDIRECT": "True",
        "SECURE_HSTS_SECONDS": str(ONE_YEAR),
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "True",
        "SECURE_HSTS_PRELOAD": "True",
        "SESSION_COOKIE_SECURE": "True",
        "CSRF_COOKIE_SECURE": "True",
        "SESSION_COOKIE_HTTPONLY": "True",
        "CSRF_COOKIE_HTTPONLY": "True",
        "SESSION_COOKIE_SAMESITE": "'Lax'",
        "CSRF_COOKIE_SAMESITE": "'Lax'",
    }


def test_hsts_and_the_redirect_are_set_from_the_environment():
    names = ("SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD")
    values = production_settings(
        *names,
        DJANGO_SECURE_HSTS_SECONDS="3600",
        DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
        DJANGO_SECURE_HSTS_PRELOAD="0",
    )
    assert list(values.values()) == ["3600", "False", "False"]
    assert production_settings("SECURE_SSL_REDIRECT", DJANGO_SECURE_SSL_REDIRECT="0") == {
        "SECURE_SSL_REDIRECT": "False"
    }


def test_a_site_on_plain_http_is_not_redirected_unless_asked():
    # `make serve` and the benchmark run on http with DJANGO_SECURE_COOKIES=0.
    plain = production_settings("SECURE_SSL_REDIRECT", DJANGO_SECURE_COOKIES="0")
    assert plain == {"SECURE_SSL_REDIRECT": "False"}
    asked = production_settings(
        "SECURE_SSL_REDIRECT", DJANGO_SECURE_COOKIES="0", DJANGO_SECURE_SSL_REDIRECT="1"
    )
    assert asked == {"SECURE_SSL_REDIRECT": "True"}


def test_x_forwarded_proto_is_trusted_only_when_a_proxy_is_said_to_set_it():
    assert production_settings("SECURE_PROXY_SSL_HEADER") == {"SECURE_PROXY_SSL_HEADER": "None"}
    behind = production_settings("SECURE_PROXY_SSL_HEADER", DJANGO_BEHIND_PROXY="1")
    assert behind == {"SECURE_PROXY_SSL_HEADER": "('HTTP_X_FORWARDED_PROTO', 'https')"}


def test_media_on_a_cdn_can_be_allowed_as_images():
    cdn = "https://media.example-cdn.com"
    values = production_settings(
        "CONTENT_SECURITY_POLICY", "NEWSROOM_ADMIN_CSP", DJANGO_CSP_IMG_SRC=cdn
    )
    assert f"'img-src': [\"'self'\", 'data:', '{cdn}']" in values["CONTENT_SECURITY_POLICY"]
    assert f"'data:', 'blob:', '{cdn}']" in values["NEWSROOM_ADMIN_CSP"]


def test_bin_serve_turns_the_https_redirect_and_hsts_off_for_plain_http():
    serve = (Path(ROOT) / "bin" / "serve").read_text()
    assert "export DJANGO_SECURE_SSL_REDIRECT=${DJANGO_SECURE_SSL_REDIRECT:-0}" in serve
    assert "export DJANGO_SECURE_HSTS_SECONDS=${DJANGO_SECURE_HSTS_SECONDS:-0}" in serve


# --- Responses (the test client: DEBUG off, as in production) ------------------------------


def assert_common_headers(response) -> None:
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in DISABLED_FEATURES:
        assert f"{feature}=()" in policy.split(", ")


@pytest.mark.django_db
def test_a_reader_page_has_the_strict_policy_and_the_security_headers(client):
    ArticleFactory(live=True)
    response = client.get("/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == READER_CSP
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert_common_headers(response)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["account_login", "accounts:overview", "account_email"])
def test_account_pages_have_the_strict_policy_too(client, url):
    client.force_login(UserFactory())
    if url == "account_login":
        client.logout()
    response = client.get(reverse(url))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == READER_CSP
    assert_common_headers(response)


@pytest.mark.django_db
def test_the_article_form_carries_the_nonce_of_its_policy_on_the_editors_import_map(client):
    client.force_login(UserFactory(role="Editor"))
    article = ArticleFactory()
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    policy = ADMIN_CSP.match(response["Content-Security-Policy"])
    assert policy and policy["nonce"], response["Content-Security-Policy"]
    page = response.content.decode()
    importmap = re.search(r'<script type="importmap"[^>]*>', page)
    assert importmap and f'nonce="{policy["nonce"]}"' in importmap.group()
    # Every inline script carries the nonce; every other one is a file of ours.
    for tag in re.findall(r"<script\b[^>]*>", page):
        assert f'nonce="{policy["nonce"]}"' in tag or re.search(r'src="/(static|admin)/', tag)
    assert_common_headers(response)


@pytest.mark.django_db
def test_each_response_has_a_nonce_of_its_own(client):
    client.force_login(UserFactory(role="Editor"))
    url = reverse("admin:articles_article_change", args=[ArticleFactory().pk])
    first, second = (ADMIN_CSP.match(client.get(url)["Content-Security-Policy"]) for _ in "12")
    assert first["nonce"] != second["nonce"]


@pytest.mark.django_db
def test_admin_pages_without_the_editor_have_the_admins_policy_and_no_nonce(client):
    client.force_login(UserFactory(role="Editor"))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    policy = ADMIN_CSP.match(response["Content-Security-Policy"])
    assert policy and policy["nonce"] is None
    assert_common_headers(response)


@pytest.mark.django_db
def test_the_admin_s_policy_is_not_taken_from_a_reader_page_answered_before(client):
    ArticleFactory(live=True)
    assert client.get("/")["Content-Security-Policy"] == READER_CSP
    client.force_login(UserFactory(role="Editor"))
    policy = ADMIN_CSP.match(client.get(reverse("admin:index"))["Content-Security-Policy"])
    assert policy and policy["nonce"] is None
    assert client.get("/")["Content-Security-Policy"] == READER_CSP


@pytest.mark.django_db
def test_a_page_with_a_player_allows_it_after_pages_without_one(client):
    plain = ArticleFactory(live=True)
    video = '<figure data-embed="youtube" data-id="dQw4w9WgXcQ"></figure>'
    with_player = ArticleFactory(live=True, body=f"<p>Text.</p>{video}")
    assert "youtube" not in client.get(plain.get_absolute_url())["Content-Security-Policy"]
    policy = client.get(with_player.get_absolute_url())["Content-Security-Policy"]
    assert "https://www.youtube-nocookie.com" in policy
    again = client.get(plain.get_absolute_url())["Content-Security-Policy"]
    assert "youtube" not in again


@pytest.mark.django_db
def test_a_page_from_the_page_cache_carries_the_same_security_headers(client, settings):
    settings.NEWSROOM_PAGE_CACHE = True
    page_cache._memo.token = None
    ArticleFactory(live=True)
    miss, hit = client.get("/"), client.get("/")
    assert (miss[page_cache.STATUS_HEADER], hit[page_cache.STATUS_HEADER]) == ("miss", "hit")
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "Referrer-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Cross-Origin-Opener-Policy",
    ):
        assert hit[header] == miss[header], header
    assert hit["Content-Security-Policy"] == READER_CSP


@pytest.mark.django_db
def test_no_reader_page_needs_a_nonce_or_inline_code(client, reader_site):
    """Reader pages are cached and shared: a nonce in one would be wrong for the next reader."""
    site = reader_site
    urls = [
        "/",
        site.article.get_absolute_url(),
        site.india.get_absolute_url(),
        site.reporter.get_absolute_url(),
        reverse("articles:tag", args=[site.tag_slug]),
        "/latest/",
        "/search/?q=metro",
        site.about.get_absolute_url(),
        reverse("articles:contact"),
        reverse("account_login"),
        reverse("account_signup"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Security-Policy"] == READER_CSP, url
        page = response.content.decode()
        assert "nonce" not in page, url
        assert not re.search(r"<style\b|\sstyle=", page), url
        for tag in re.findall(r"<script\b[^>]*>", page):
            # A file of ours, or a JSON-LD or JSON data block (allauth's passkey script reads
            # one): data, never run, so script-src does not apply to it.
            data = re.search(r'type="application/(ld\+)?json"', tag)
            assert re.search(r'src="/static/', tag) or data, url


@pytest.mark.django_db
def test_a_request_for_a_host_we_do_not_serve_is_refused(client):
    ArticleFactory(live=True)
    assert client.get("/", headers={"host": "www.evil.example"}).status_code == 400
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_with_the_https_redirect_on_http_goes_to_https_and_https_gets_hsts(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = ONE_YEAR
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = settings.SECURE_HSTS_PRELOAD = True
    ArticleFactory(live=True)
    plain = client.get("/latest/")
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/latest/"
    secure = client.get("/latest/", secure=True)
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == f"max-age={ONE_YEAR}; includeSubDomains; preload"


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_http_only_same_site_and_secure_in_production(
    client, settings
):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    user = UserFactory()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert (session["httponly"], session["samesite"], session["secure"]) == (True, "Lax", True)
    csrf = client.get(reverse("account_change_password")).cookies["csrftoken"]
    assert (csrf["httponly"], csrf["samesite"], csrf["secure"]) == (True, "Lax", True)


@pytest.mark.django_db
def test_the_page_script_gets_the_csrf_token_from_the_state_endpoint_not_the_cookie(client):
    client.force_login(UserFactory())
    state = client.get(reverse("accounts:state")).json()
    assert len(state["csrf_token"]) == 64
    script = (Path(ROOT) / "newsroom" / "static" / "js" / "site.js").read_text()
    assert "document.cookie" not in script and "csrftoken" not in script


# --- A real server with production settings (tests/servers.py) -----------------------------


@pytest.fixture(scope="module")
def site(module_gunicorn_servers):
    servers = module_gunicorn_servers(count=1)
    servers.shell(
        "from tests.factories import ArticleFactory; "
        "ArticleFactory(live=True, headline='Metro line opens', slug='metro-line-opens')"
    )
    return servers


@requires_gunicorn
def test_the_real_server_refuses_a_foreign_host_with_400(site):
    status, _, body = get(site.url + "/", {"Host": "www.evil.example"})
    assert status == 400
    assert b"Traceback" not in body
    assert get(site.url + "/")[0] == 200


@requires_gunicorn
def test_the_real_server_ignores_a_forged_forwarded_proto(site):
    status, _, body = get(site.url + "/robots.txt", {"X-Forwarded-Proto": "https"})
    assert status == 200, site.log()
    assert f"Sitemap: {site.url}/sitemap.xml" in body.decode()


@requires_gunicorn
def test_the_real_server_sends_the_same_headers_from_its_page_cache(site):
    # Each worker may see the content version of a second ago: ask until one answers a hit.
    responses = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        responses.append(get(site.url + "/news/metro-line-opens/"))
        if responses[-1][1].get("X-Page-Cache") == "hit":
            break
        time.sleep(0.2)
    assert responses[-1][1].get("X-Page-Cache") == "hit", site.log()
    for status, headers, _ in responses:
        assert status == 200, site.log()
        assert headers["Content-Security-Policy"] == READER_CSP
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in headers["Permissions-Policy"]
        # Plain http (bin/serve): no redirect to https, and no HSTS.
        assert "Strict-Transport-Security" not in headers
