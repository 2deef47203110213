"""A story whose body holds a table, a pull quote and a rule is valid HTML (Nu checker)."""

import pytest

from tests.factories import ArticleFactory
from tests.html import vnu_errors
from tests.rich_body import CAPTION, RICH_BODY

pytestmark = pytest.mark.django_db


def test_an_article_with_a_table_a_pull_quote_and_a_rule_is_valid_html(
    client, vnu_command, tmp_path
):
    article = ArticleFactory(live=True, body=RICH_BODY)
    html = client.get(article.get_absolute_url()).content.decode()
    for block in (
        f'<div class="table-scroll" role="region" tabindex="0" aria-label="{CAPTION}">',
        '<blockquote class="pull-quote">',
        "<hr>",
        "<thead>",
    ):
        assert block in html, block
    errors = vnu_errors(vnu_command, {"article-rich-body": html}, tmp_path / "html")
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)
