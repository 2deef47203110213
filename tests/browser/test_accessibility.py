"""axe-core (bundled by axe-playwright-python, nothing fetched) finds no WCAG 2 A/AA violation on
the reader pages, in light and dark mode, wide and narrow, with the mobile menu and the sign-in
modal open."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]}
WIDTHS = {"wide": (1280, 900), "narrow": (360, 740)}

axe = Axe()


def violations(page, where: str) -> list[str]:
    """One line per violation: where, rule id, impact, help, and the failing targets."""
    results = axe.run(page, options=AXE_OPTIONS).response
    lines = []
    for violation in results["violations"]:
        targets = ["".join(map(str, node["target"])) for node in violation["nodes"]]
        summaries = {
            node.get("failureSummary", "").replace("\n", " ") for node in violation["nodes"]
        }
        lines.append(
            f"{where}: {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"    targets: {', '.join(targets)}\n    {' | '.join(sorted(summaries))[:600]}"
        )
    return lines


def reader_urls(site) -> dict[str, str]:
    return {
        "home": "/",
        "article": site.article.get_absolute_url(),
        "section": site.india.get_absolute_url(),
        "author": site.reporter.get_absolute_url(),
        "search": "/search/?q=metro",
        "search-empty": "/search/",
        "sign-in": "/accounts/login/",
        "contact": "/contact-us/",
    }


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reader_pages_have_no_wcag_violations(browser, live_server, reader_site, scheme, width):
    w, h = WIDTHS[width]
    context = browser.new_context(
        color_scheme=scheme, base_url=live_server.url, viewport={"width": w, "height": h}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    found = []
    try:
        for name, url in reader_urls(reader_site).items():
            page.goto(url)
            found += violations(page, f"{name} [{scheme}, {w}px]")

        page.goto("/contact-us/")
        page.get_by_role("button", name="Send message").click()
        page.locator("[data-error-summary]").wait_for(state="visible")
        found += violations(page, f"contact form refused [{scheme}, {w}px]")

        article = reader_site.article.get_absolute_url()
        if width == "narrow":  # The menu control is hidden on wide screens.
            page.goto(article)
            page.get_by_role("link", name="Menu", exact=True).click()
            page.locator("#mobile-menu.is-open").wait_for(state="visible")
            found += violations(page, f"mobile menu open [{scheme}, {w}px]")

        page.goto(article)
        page.get_by_role("link", name="Sign in", exact=True).click()
        page.locator("#signin-modal[open] [data-auth-form] form").wait_for(state="visible")
        found += violations(page, f"sign-in modal open [{scheme}, {w}px]")
    finally:
        context.close()

    assert not found, f"{len(found)} accessibility violation(s):\n" + "\n".join(found)
