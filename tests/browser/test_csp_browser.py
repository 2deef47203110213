"""The Content-Security-Policy in Chromium: nothing of ours is blocked on reader, account and
admin pages (from the page cache too), and the body editor works under the admin's policy."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.signin import sign_in
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Collects what the browser reports: the event for every blocked script, style, image, ...
COLLECT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI || "inline"}`);
});
"""


class Violations:
    """CSP violations seen by a page: securitypolicyviolation events and console messages."""

    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        page.add_init_script(COLLECT)
        page.on("console", self._console)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(f"{self.page.url}: {message.text}")

    def found(self) -> list[str]:
        events = self.page.evaluate("window.__cspViolations || []")
        return [f"{self.page.url}: {event}" for event in events] + self.console


def test_reader_and_account_pages_report_no_violation_fresh_or_from_the_page_cache(
    page, reader_site, settings
):
    settings.NEWSROOM_PAGE_CACHE = True
    site = reader_site
    violations = Violations(page)
    found = []
    urls = [
        "/",
        site.article.get_absolute_url(),  # with its JSON-LD data blocks
        site.india.get_absolute_url(),
        site.reporter.get_absolute_url(),
        f"/tag/{site.tag_slug}/",
        "/search/?q=metro",
        site.about.get_absolute_url(),
    ]
    for url in urls:
        for expected in ("miss", "hit"):
            response = page.goto(url)
            assert response.status == 200, url
            assert response.headers.get("x-page-cache") == expected, url
            assert "nonce" not in response.headers["content-security-policy"]
            expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))  # site.js ran
            found += violations.found()

    # Pages with a form, never cached.
    for url in ("/contact-us/", "/accounts/login/", "/accounts/signup/"):
        assert page.goto(url).status == 200, url
        found += violations.found()

    # The script's work: dark mode, the sign-in modal with its loaded form.
    page.goto(site.article.get_absolute_url())
    page.locator("[data-theme-toggle]").first.click()
    page.locator("[data-signin]").first.click()
    expect(page.locator("#signin-modal [data-modal-body] form")).to_be_visible()
    found += violations.found()

    # A signed-in reader's pages.
    sign_in(page, UserFactory(), to="/accounts/")
    for url in ("/accounts/", "/accounts/saved/", "/accounts/email/", "/"):
        page.goto(url)
        found += violations.found()
    assert found == []

    # The listener does see a violation: an inline script put in the page is blocked.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = 1'; document.body.append(s); }"
    )
    assert page.evaluate("window.ran") is None
    assert any("script-src" in v for v in violations.found())


def test_the_body_editor_loads_and_saves_under_the_admins_policy_with_no_violation(page):
    editor = UserFactory(role="Editor")
    article = ArticleFactory(body="<p>Old text.</p>")
    violations = Violations(page)
    sign_in(page, editor)
    found = violations.found()

    response = page.goto(f"/admin/articles/article/{article.pk}/change/")
    policy = response.headers["content-security-policy"]
    assert re.search(r"script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", policy)
    assert "style-src 'self' 'unsafe-inline';" in policy
    # The editor's modules load only through its inline import map, which the nonce lets run.
    prose = page.locator(".tiptap.ProseMirror[contenteditable=true]")
    expect(prose).to_be_visible()
    prose.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Tides rose ")
    page.keyboard.press("Control+b")
    page.keyboard.type("two metres")
    page.keyboard.press("Control+b")
    page.keyboard.type(" overnight, and ")
    page.keyboard.press("Control+i")
    page.keyboard.type("the sea wall held")
    page.keyboard.press("Control+i")
    page.keyboard.type(".")
    found += violations.found()
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    found += violations.found()

    # The other admin pages an editor goes through.
    for url in ("/admin/", "/admin/articles/article/", "/admin/articles/author/add/"):
        page.goto(url)
        found += violations.found()

    assert found == []
    assert Article.objects.get(pk=article.pk).body == (
        "<p>Tides rose <strong>two metres</strong> overnight, and <em>the sea wall held</em>.</p>"
    )
