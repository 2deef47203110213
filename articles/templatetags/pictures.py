from collections.abc import Iterable

from django import template
from django.db.models.fields.files import FieldFile
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from articles.images import rendition_name, webp_enabled

register = template.Library()


def _attrs(pairs: Iterable[tuple[str, object]]) -> SafeString:
    """` name="value"` for each pair whose value is not empty or None, escaped."""
    return format_html_join("", ' {}="{}"', ((k, v) for k, v in pairs if v not in ("", None)))


def _srcset(image: FieldFile, widths: list[int], ext: str) -> str:
    return ", ".join(
        f"{image.storage.url(rendition_name(image.name, w, ext))} {w}w" for w in widths
    )


@register.simple_tag
def picture(
    image: FieldFile | None,
    widths: Iterable[int] | None,
    *,
    alt: str = "",
    sizes: str = "100vw",
    width: int | None = None,
    height: int | None = None,
    loading: str = "lazy",
    fetchpriority: str = "",
    css_class: str = "",
) -> str:
    """`<picture>` over the renditions in `widths`, a plain `<img>` without them, "" without image.

    `width`/`height` are the original's size: browsers use them for the aspect ratio only.
    """
    if not image:
        return ""
    alt_attr = format_html(' alt="{}"', alt or "")
    rest = _attrs(
        [
            ("width", width),
            ("height", height),
            ("loading", loading),
            ("decoding", "async"),
            ("fetchpriority", fetchpriority),
            ("class", css_class),
        ]
    )
    widths = sorted({int(w) for w in widths or ()})
    if not widths:
        return format_html('<img src="{}"{}{}>', image.url, alt_attr, rest)
    source = ""
    if webp_enabled():
        source = format_html(
            '<source type="image/webp"{}>',
            _attrs([("srcset", _srcset(image, widths, "webp")), ("sizes", sizes)]),
        )
    img = format_html(
        "<img{}{}{}>",
        _attrs(
            [
                ("src", image.storage.url(rendition_name(image.name, widths[-1], "jpg"))),
                ("srcset", _srcset(image, widths, "jpg")),
                ("sizes", sizes),
            ]
        ),
        alt_attr,
        rest,
    )
    return format_html("<picture>{}{}</picture>", source, img)
