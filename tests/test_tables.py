"""Tables in a body as readers get them (articles.tables.wrap_tables)."""

from articles.sanitize import clean_html
from articles.tables import wrap_tables

TABLE = (
    "<table><caption>Seats won, by party</caption>"
    "<thead><tr><th>Party</th><th>Seats</th></tr></thead>"
    "<tbody><tr><td>Green</td><td>12</td></tr></tbody></table>"
)


def test_a_table_is_wrapped_in_a_focusable_region_named_by_its_caption():
    html = f"<p>Results:</p>{TABLE}<p>More soon.</p>"
    assert wrap_tables(html) == (
        "<p>Results:</p>"
        '<div class="table-scroll" role="region" tabindex="0" aria-label="Seats won, by party">'
        f"{TABLE}</div><p>More soon.</p>"
    )


def test_a_table_without_a_caption_is_named_by_its_header_cells():
    html = "<table><thead><tr><th>Line</th><th> Weekday\n riders </th></tr></thead></table>"
    assert 'aria-label="Table: Line, Weekday riders"' in wrap_tables(html)


def test_a_table_without_caption_or_header_is_named_table():
    assert 'aria-label="Table"' in wrap_tables("<table><tbody><tr><td>1</td></tr></tbody></table>")


def test_a_long_name_from_header_cells_is_shortened():
    header = "".join(f"<th>Column number {n}</th>" for n in range(20))
    wrapped = wrap_tables(f"<table><tbody><tr>{header}</tr></tbody></table>")
    label = wrapped.split('aria-label="', 1)[1].split('"', 1)[0]
    assert len(label) <= 100 and label.endswith("…")


def test_the_caption_is_escaped_in_the_name():
    html = clean_html(
        '<table><caption>Q&amp;A: "who &lt;won&gt;"</caption><tr><td>1</td></tr></table>'
    )
    assert 'aria-label="Q&amp;A: &quot;who &lt;won&gt;&quot;"' in wrap_tables(html)


def test_each_table_is_wrapped_and_a_table_inside_another_goes_with_it():
    inner = "<table><caption>Inner</caption><tbody><tr><td>x</td></tr></tbody></table>"
    outer = f"<table><caption>Outer</caption><tbody><tr><td>{inner}</td></tr></tbody></table>"
    wrapped = wrap_tables(f"{outer}\n<p>Between</p>\n{TABLE}")
    assert wrapped.count('class="table-scroll"') == 2
    assert wrapped.startswith(
        f'<div class="table-scroll" role="region" tabindex="0" '
        f'aria-label="Outer">{outer}</div>\n<p>Between</p>\n'
    )
    assert wrapped.endswith(f'aria-label="Seats won, by party">{TABLE}</div>')


def test_a_body_without_tables_is_unchanged():
    html = '<p>No <a href="https://example.org/" title="&lt;table&gt;">table</a> here.</p>'
    assert wrap_tables(html) is html
    assert wrap_tables(html.replace("&lt;", "<").replace("&gt;", ">")) == (
        html.replace("&lt;", "<").replace("&gt;", ">")
    )


def test_tables_across_lines_are_cut_where_they_start_and_end():
    html = "<p>One\ntwo</p>\n<table>\n<tbody><tr>\n<td>1</td></tr></tbody>\n</table>\n<p>end</p>"
    wrapped = wrap_tables(html)
    assert wrapped == html.replace(
        "<table>", '<div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table>'
    ).replace("</table>", "</table></div>")
