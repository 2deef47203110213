"""articles/wordpress/wxr.py: reading real exports, whatever their namespaces' scheme."""

from pathlib import Path

import pytest

from articles.wordpress import wxr

EXPORT = Path(__file__).parent / "fixtures" / "wordpress" / "export.xml"
# WordPress's public Theme Unit Test data, kept beside the project (../shared), not in it.
THEME_UNIT_TEST = (
    Path(__file__).resolve().parents[2] / "shared" / "wordpress" / "themeunittestdata.wordpress.xml"
)


def with_namespace(tmp_path: Path, uri: str) -> Path:
    text = EXPORT.read_text().replace("http://wordpress.org/export/1.2/", uri)
    path = tmp_path / "export.xml"
    path.write_text(text)
    return path


def test_an_export_declaring_the_https_namespace_is_read_like_the_http_one(tmp_path):
    https = wxr.read_site(with_namespace(tmp_path, "https://wordpress.org/export/1.2/"))
    http = wxr.read_site(EXPORT)
    assert (https.version, https.authors, https.categories) == (
        http.version,
        http.authors,
        http.categories,
    )


def test_items_of_an_https_export_carry_their_wordpress_fields(tmp_path):
    items = list(wxr.iter_items(with_namespace(tmp_path, "https://wordpress.org/export/1.2/")))
    assert [item.post_type for item in items] == [item.post_type for item in wxr.iter_items(EXPORT)]
    assert all(item.post_id for item in items)


def test_an_export_of_an_unknown_wxr_version_is_refused_naming_its_namespace(tmp_path):
    with pytest.raises(wxr.WxrError, match=r"export/9\.9/.*WXR 1\.0 to 1\.2"):
        wxr.read_site(with_namespace(tmp_path, "http://wordpress.org/export/9.9/"))


def test_an_export_whose_version_is_no_number_is_refused(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(EXPORT.read_text().replace("<wp:wxr_version>1.2<", "<wp:wxr_version>abc<", 1))
    with pytest.raises(wxr.WxrError, match="“abc” is not a version number"):
        wxr.read_site(path)


@pytest.mark.skipif(not THEME_UNIT_TEST.exists(), reason="../shared/wordpress is not beside us")
def test_the_theme_unit_test_export_is_read_whole():
    site = wxr.read_site(THEME_UNIT_TEST)
    assert site.version == "1.2"
    assert site.items == sum(1 for _ in wxr.iter_items(THEME_UNIT_TEST))
    assert site.categories and site.authors and site.attachments
