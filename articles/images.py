"""Smaller copies ("renditions") of featured images, made once when a story is saved.

Names are derived from the original's name, so pages build their `srcset` without a query
or a storage round-trip: `{% picture %}` in `articles.templatetags.pictures`.
"""

import io
import logging
import posixpath

from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from PIL import ExifTags, Image, ImageOps, features

logger = logging.getLogger(__name__)

RENDITION_WIDTHS = (400, 800, 1200)
JPEG_OPTIONS = {"quality": 80, "progressive": True, "optimize": True}
WEBP_OPTIONS = {"quality": 78, "method": 4}


def webp_enabled() -> bool:
    """Whether this Pillow can write WebP; renditions and `{% picture %}` both ask this."""
    return features.check("webp")


def rendition_formats() -> tuple[str, ...]:
    """File extensions of the renditions made for each width."""
    return ("webp", "jpg") if webp_enabled() else ("jpg",)


def rendition_name(name: str, width: int, ext: str) -> str:
    """Storage name of the `width`-pixel `ext` copy of the stored file `name`."""
    stem, _ = posixpath.splitext(name)
    return f"renditions/{stem}-{width}w.{ext.lstrip('.')}"


def _flatten(image: Image.Image) -> Image.Image:
    """The image in RGB, transparent areas on white."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        # A plain convert("RGB") would turn transparent pixels black (or whatever they hide).
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


def _encode(image: Image.Image, ext: str) -> bytes:
    out = io.BytesIO()
    # No exif= or icc_profile=: the copies carry no metadata (camera, GPS, editor notes).
    if ext == "webp":
        image.save(out, "WEBP", **WEBP_OPTIONS)
    else:
        image.save(out, "JPEG", **JPEG_OPTIONS)
    return out.getvalue()


def ensure_renditions(fieldfile: FieldFile) -> list[int]:
    """Make the missing renditions of `fieldfile` (never wider than it); return their widths."""
    if not fieldfile:
        return []
    storage, name = fieldfile.storage, fieldfile.name
    try:
        with storage.open(name) as original:
            image = Image.open(original)
            # Orientation swaps width and height, and only the header is read to know it.
            width = (
                image.height
                if image.getexif().get(ExifTags.Base.Orientation, 1) in (5, 6, 7, 8)
                else image.width
            )
            widths = [w for w in RENDITION_WIDTHS if w <= width]
            missing = [
                (w, ext)
                for w in widths
                for ext in rendition_formats()
                if not storage.exists(rendition_name(name, w, ext))
            ]
            if missing:
                image = _flatten(ImageOps.exif_transpose(image))
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        # UnidentifiedImageError and truncated files are OSErrors: a bad upload, not a crash.
        logger.warning("No renditions for %s: %s", name, error)
        return []
    for w in sorted({w for w, _ in missing}, reverse=True):
        height = max(1, round(image.height * w / image.width))
        copy = image if w == image.width else image.resize((w, height), Image.Resampling.LANCZOS)
        for ext in (e for mw, e in missing if mw == w):
            target = rendition_name(name, w, ext)
            saved = storage.save(target, ContentFile(_encode(copy, ext)))
            if saved != target:
                # Another worker made it first; the storage gave ours a new name, so drop it.
                storage.delete(saved)
    return widths
