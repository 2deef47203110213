"""Readable differences (articles/diffs.py): words marked, paragraphs aligned, all escaped."""

from django.utils.safestring import SafeString

from articles.diffs import (
    FieldDifference,
    body_blocks,
    body_diff,
    field_differences,
    text_diff,
    value_change,
)

DEL = '<del class="diff-del">'
INS = '<ins class="diff-ins">'


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_text_diff_marks_only_the_words_that_changed():
    html = text_diff("The bridge reopened today.", "The bridge reopened at noon.")
    assert html == f"The bridge reopened {DEL}today</del>{INS}at noon</ins>."


def test_text_diff_marks_a_rewritten_phrase_as_one_deletion_and_one_insertion():
    html = text_diff("one two three four", "one five six four")
    assert html == f"one {DEL}two three</del>{INS}five six</ins> four"


def test_text_diff_of_equal_texts_marks_nothing():
    assert text_diff("Rain in Pune", "Rain in Pune") == "Rain in Pune"


def test_text_diff_of_a_new_text_is_one_insertion_of_all_of_it():
    assert text_diff("", "Heavy rain, again") == f"{INS}Heavy rain, again</ins>"


def test_text_diff_is_safe_html():
    assert isinstance(text_diff("a", "b"), SafeString)


def test_text_diff_escapes_markup_in_both_versions():
    html = text_diff("<script>alert(1)</script>", '<script>alert("2")</script><b>')
    assert "<script" not in html
    assert "<b>" not in html
    assert html.startswith("&lt;script&gt;alert(")
    assert f"{DEL}1</del>" in html
    assert f"{INS}&quot;2&quot;</ins>" in html


def test_body_diff_marks_the_changed_words_within_a_paragraph():
    html = body_diff(
        paragraphs("The bridge reopened today."), paragraphs("The bridge reopened at noon.")
    )
    assert (
        html == f'<p class="diff-block">The bridge reopened {DEL}today</del>{INS}at noon</ins>.</p>'
    )


def test_body_diff_marks_an_inserted_paragraph_whole_and_keeps_the_others_aligned():
    html = body_diff(
        paragraphs("The bridge reopened today.", "Traffic is light."),
        paragraphs("Officials spoke.", "The bridge reopened at noon.", "Traffic is light."),
    )
    assert html == (
        f'<p class="diff-block diff-block-ins">{INS}Officials spoke.</ins></p>'
        f'<p class="diff-block">The bridge reopened {DEL}today</del>{INS}at noon</ins>.</p>'
        '<p class="diff-block">Traffic is light.</p>'
    )


def test_body_diff_marks_a_deleted_paragraph_whole():
    html = body_diff(
        paragraphs("Rain fell.", "Roads flooded.", "Schools shut."),
        paragraphs("Rain fell.", "Schools shut."),
    )
    assert html == (
        '<p class="diff-block">Rain fell.</p>'
        f'<p class="diff-block diff-block-del">{DEL}Roads flooded.</del></p>'
        '<p class="diff-block">Schools shut.</p>'
    )


def test_body_diff_shows_an_unlike_rewrite_as_a_deletion_and_an_insertion():
    html = body_diff(paragraphs("The council met on Tuesday."), paragraphs("Rain is forecast."))
    assert html == (
        f'<p class="diff-block diff-block-del">{DEL}The council met on Tuesday.</del></p>'
        f'<p class="diff-block diff-block-ins">{INS}Rain is forecast.</ins></p>'
    )


def test_body_diff_folds_a_long_unchanged_run_keeping_one_paragraph_each_side():
    middle = [f"Paragraph {number}." for number in range(1, 7)]
    html = body_diff(
        paragraphs("Rain fell.", *middle, "Roads flooded."),
        paragraphs("Rain fell hard.", *middle, "Roads flooded again."),
    )
    assert html.count('class="diff-block"') == 4
    assert "Paragraph 1." in html
    assert '<p class="diff-block diff-unchanged">… 4 unchanged paragraphs …</p>' in html
    assert "Paragraph 2." not in html
    assert "Paragraph 5." not in html
    assert "Paragraph 6." in html


def test_body_diff_folds_unchanged_paragraphs_before_the_first_change_keeping_one():
    html = body_diff(
        paragraphs("One.", "Two.", "Three.", "Four."), paragraphs("One.", "Two.", "Three.", "Five.")
    )
    assert html.startswith('<p class="diff-block diff-unchanged">… 2 unchanged paragraphs …</p>')
    assert '<p class="diff-block">Three.</p>' in html


def test_body_diff_shows_one_unchanged_paragraph_rather_than_a_fold_line():
    html = body_diff(paragraphs("One.", "Two.", "Three."), paragraphs("One.", "Two.", "Four."))
    assert "unchanged" not in html
    assert '<p class="diff-block">One.</p><p class="diff-block">Two.</p>' in html


def test_body_diff_never_shows_the_bodys_tags():
    old = '<h2>Roads</h2><p>See <a href="https://example.com/">the <strong>map</strong></a>.</p>'
    new = '<h2>Roads</h2><p>See <a href="https://example.com/">the <em>new</em> map</a>.</p>'
    html = body_diff(old, new)
    assert html == (
        f'<p class="diff-block">Roads</p><p class="diff-block">See the {INS}new </ins>map.</p>'
    )


def test_body_diff_shows_entities_decoded_and_escaped_once():
    html = body_diff("<p>Salt &amp; pepper &lt;b&gt;</p>", "<p>Salt &amp; sugar &lt;b&gt;</p>")
    assert html.startswith('<p class="diff-block">Salt &amp; ')
    assert html.endswith(" &lt;b&gt;</p>")
    assert "&amp;amp;" not in html
    assert "&amp;lt;" not in html


def test_body_diff_escapes_markup_written_as_text():
    html = body_diff("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "<p>Nothing</p>")
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_body_blocks_are_each_paragraph_heading_item_caption_and_cell():
    html = (
        "<h3>Timeline</h3><ul><li>Monday</li><li>Tuesday<br>evening</li></ul>"
        "<blockquote><p>We are ready.</p></blockquote>"
        '<figure><img src="/m/a.jpg" alt="The bridge"><figcaption>At dawn</figcaption></figure>'
        "<table><tr><th>Day</th><td>Rain  (mm)</td></tr></table><p> </p>"
    )
    assert body_blocks(html) == [
        "Timeline",
        "Monday",
        "Tuesday evening",
        "We are ready.",
        "[image: The bridge]",
        "At dawn",
        "Day",
        "Rain (mm)",
    ]


def test_value_change_shows_the_old_value_then_the_new():
    html = value_change("City", "World")
    assert html == f"{DEL}City</del> → {INS}World</ins>"


def test_value_change_shows_an_empty_value_as_empty():
    assert value_change("", "photo.jpg") == f"{DEL}(empty)</del> → {INS}photo.jpg</ins>"


def test_value_change_escapes_both_values():
    html = value_change("<i>old</i>", '"new" & <b>')
    assert html == f"{DEL}&lt;i&gt;old&lt;/i&gt;</del> → {INS}&quot;new&quot; &amp; &lt;b&gt;</ins>"


def test_field_differences_skip_equal_values_and_compare_each_by_its_kind():
    differences = field_differences(
        [
            ("headline", "text", "Rain", "Heavy rain"),
            ("summary", "text", "Same", "Same"),
            ("body", "body", "<p>A</p>", "<p>B</p>"),
            ("section", "value", "City", "World"),
            ("tags", "value", None, ""),
        ]
    )
    assert differences == [
        FieldDifference("headline", text_diff("Rain", "Heavy rain")),
        FieldDifference("body", body_diff("<p>A</p>", "<p>B</p>")),
        FieldDifference("section", value_change("City", "World")),
    ]
