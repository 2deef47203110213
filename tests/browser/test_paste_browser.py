"""Paste from Word and Google Docs into the body editor, in Chromium: a real `paste` event
carrying the clipboard HTML the two programs write (tests/fixtures/paste/), then Save, and the
body as stored."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.signin import sign_in
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "paste"

# What a paste event from the clipboard carries: the HTML, and the text beside it.
PASTE = """(editor, html) => {
  const data = new DataTransfer()
  data.setData("text/html", html)
  data.setData("text/plain", new DOMParser().parseFromString(html, "text/html").body.innerText)
  editor.dispatchEvent(
    new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
  )
}"""


def paste_and_save(page, fixture: str = "", *, html: str = "") -> str:
    """Paste the fixture (or `html`) over a story's whole body, save, and return the stored
    body."""
    editor = UserFactory(role="Editor")
    article = ArticleFactory(body="<p>Old text.</p>")
    sign_in(page, editor)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    prose = page.locator(".tiptap.ProseMirror[contenteditable=true]")
    expect(prose).to_be_visible()
    prose.click()
    page.keyboard.press("Control+a")
    prose.evaluate(PASTE, html or (FIXTURES / fixture).read_text())
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    return Article.objects.get(pk=article.pk).body


def test_a_word_story_keeps_its_headings_formatting_links_and_nested_lists(page):
    body = paste_and_save(page, "word_story.html")
    assert body == (
        "<h2>Fishing fleet told to stay in harbour as cyclone nears</h2>"
        "<p>The district collector ordered every mechanised trawler in Kakinada to stay moored "
        'until Saturday, after the <a href="https://www.example.org/weather/bay-of-bengal" '
        'rel="noopener noreferrer">regional weather office</a> raised its warning to '
        "<strong>orange</strong> for the coast between Machilipatnam and Visakhapatnam. Harbour "
        "staff said the order was <em>unusually early</em> for a storm still 600 km out at sea.</p>"
        "<h2>What the order covers</h2>"
        "<ul><li><p>Boats already at sea must return by 4 pm on Thursday</p></li>"
        "<li><p>Country boats may fish within the lagoon only</p>"
        "<ul><li><p>between sunrise and noon</p></li>"
        "<li><p>with a life jacket for every crew member</p></li></ul></li>"
        "<li><p>Ice plants stay open for landed catch</p></li></ul>"
        "<p>Fishermen's unions asked for three things before they would agree:</p>"
        "<ol><li><p>Compensation for <strong>every day</strong> lost</p>"
        "<ol><li><p>paid within a fortnight</p></li></ol></li>"
        "<li><p>Free diesel for the first trip after the storm</p></li>"
        "<li><p>A seat on the district's disaster committee</p></li></ol>"
        "<p>“We have lost boats to storms we were told were weak,” said a trawler owner at the "
        "jetty.</p>"
    )


def test_a_word_table_keeps_its_caption_and_gets_its_bold_first_row_as_header(page):
    body = paste_and_save(page, "word_table.html")
    head = ["District", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Week total"]
    assert body == (
        "<p>Rain gauges in six districts recorded more than their June average in the first "
        "week alone.</p>"
        "<table><caption>Table 1: Rainfall in the first week of the monsoon, in millimetres"
        "</caption><thead><tr>"
        + "".join(f"<th>{name}</th>" for name in [*head, "June average"])
        + "</tr></thead><tbody>"
        "<tr><td>Srikakulam</td><td>12</td><td>31</td><td>44</td><td>18</td><td>7</td>"
        "<td>0</td><td>22</td><td>134</td><td>118</td></tr>"
        "<tr><td>Vizianagaram</td><td>9</td><td>27</td><td>51</td><td>20</td><td>11</td>"
        "<td>3</td><td>19</td><td>140</td><td>109</td></tr>"
        "<tr><td>East Godavari</td><td>21</td><td>38</td><td>62</td><td>35</td><td>14</td>"
        "<td>6</td><td>28</td><td>204</td><td>151</td></tr>"
        "<tr><td>Krishna</td><td>4</td><td>15</td><td>29</td><td>41</td><td>23</td>"
        "<td>9</td><td>12</td><td>133</td><td>97</td></tr>"
        "</tbody></table>"
        "<p>Only Krishna stayed below its average for the month so far.</p>"
    )


def test_a_google_docs_story_is_bold_only_where_the_writer_made_it_bold(page):
    body = paste_and_save(page, "gdocs_story.html")
    assert body == (
        "<h2>Metro ridership climbs past pre-pandemic mark</h2>"
        "<p>Weekday journeys on the Pune metro rose to <strong>1.9 lakh</strong> in March, "
        'according to <a href="https://www.example.org/reports/metro-ridership-2024" '
        'rel="noopener noreferrer">the metro\'s annual report</a>, the first month above the '
        "2019 figure. <em>Officials credited the new feeder buses.</em></p>"
        "<h2>Where the riders came from</h2>"
        "<ul><li><p>Students on the university line</p>"
        "<ul><li><p>most of them before 9 am</p></li><li><p>fewer on Saturdays</p></li></ul></li>"
        "<li><p>Office workers changing at Civil Court<br>(the busiest interchange)</p></li>"
        "<li><p>Airport travellers</p></li></ul>"
        "<p>What the corporation plans next:</p>"
        "<ol><li><p>Ten more trains by <strong>December</strong></p></li>"
        "<li><p>Trains every four minutes at the peak</p></li></ol>"
        "<p>The fare review is due in <strong><em>July</em></strong>.</p>"
    )


def test_a_google_docs_table_loses_its_layout_and_keeps_its_header_row(page):
    body = paste_and_save(page, "gdocs_table.html")
    assert body == (
        "<p>Ridership by line, weekdays in March:</p>"
        "<table><thead><tr><th>Line</th><th>Stations</th><th>Weekday riders</th>"
        "<th>Change on 2019</th></tr></thead><tbody>"
        "<tr><td>Purple</td><td>14</td><td>1,12,400</td><td>+9%</td></tr>"
        "<tr><td>Aqua</td><td>16</td><td>78,900</td><td>+14%</td></tr>"
        "<tr><td>Airport link</td><td>5</td><td>6,300</td><td>new</td></tr>"
        "</tbody></table>"
        "<p>The Airport link opened in January.</p>"
    )


def test_a_web_page_pastes_as_words_without_its_pictures_scripts_or_unsafe_links(page):
    body = paste_and_save(
        page,
        html=(
            '<div class="post"><h1 style="color:red">Tide <span class="x">tables</span></h1>'
            '<p><img src="https://tracker.example.com/pixel.gif" alt="">High water at '
            '<a href="javascript:alert(1)">6.10 am</a>, <a href="#note">low</a> at '
            '<a href="https://example.org/tides" target="_blank" title="Tides">noon</a>.'
            "<script>alert(2)</script></p><p>&nbsp;</p><p><br></p>"
            '<h6>Source</h6><p style="font-weight:bold">Port office</p></div>'
        ),
    )
    assert body == (
        "<h2>Tide tables</h2>"
        "<p>High water at 6.10 am, low at "
        '<a href="https://example.org/tides" rel="noopener noreferrer">noon</a>.</p>'
        "<h4>Source</h4><p>Port office</p>"
    )


def test_the_fixtures_are_the_clipboard_html_of_word_and_google_docs():
    """What the cleaning is for is in them: a test passing on tidy HTML would prove nothing."""
    for name in ("word_story.html", "word_table.html"):
        html = (FIXTURES / name).read_text()
        for mark in ("<!--StartFragment-->", "MsoNormal", "<o:p></o:p>", "mso-"):
            assert mark in html, (name, mark)
    story = (FIXTURES / "word_story.html").read_text()
    for mark in ("MsoListParagraphCxSpFirst", "MsoListParagraphCxSpMiddle", "mso-list:Ignore"):
        assert mark in story
    assert "<![if !supportLists]>" in story and "·" in story
    for name in ("gdocs_story.html", "gdocs_table.html"):
        html = (FIXTURES / name).read_text()
        for mark in ('<meta charset="utf-8">', 'id="docs-internal-guid-', 'dir="ltr"'):
            assert mark in html, (name, mark)
    assert "<colgroup>" in (FIXTURES / "gdocs_table.html").read_text()
    assert "<br /></span>" in (FIXTURES / "gdocs_story.html").read_text()
