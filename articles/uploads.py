"""Uploaded images: only real pictures are taken, and they are stored without metadata.

Every image field of ours is an `UploadedImageField`, which puts all of it in one place:

- `inspect_image` decides whether a file is a picture we can use, from its content, never
  its name: it must decode with Pillow as JPEG, PNG, WebP or GIF (an SVG, or a PDF named
  `.jpg`, is refused), be at most `NEWSROOM_UPLOAD_MAX_BYTES` long and
  `NEWSROOM_UPLOAD_MAX_PIXELS` large, and decode to the end (a truncated file is refused).
  The admin's form field and the model field's validator both ask it; a refusal says why,
  in a sentence for editors.
- `without_metadata` re-encodes what is stored: turned upright first (EXIF orientation),
  then saved with no EXIF (camera, GPS, times), XMP or comments; the colour profile stays.
  Only the pixels survive, so nothing hidden rides along in the file, and the file name
  ends in the extension of what it really is. An animated GIF or WebP keeps its first
  frame, as the renditions (articles/images.py) do.
"""

from __future__ import annotations

import io
import logging
import posixpath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from PIL import ExifTags, Image, ImageOps, JpegImagePlugin, UnidentifiedImageError

logger = logging.getLogger(__name__)

# Pillow's format name -> the extension a stored file gets, and the ones it may keep.
FORMATS = {
    "JPEG": (".jpg", {".jpg", ".jpeg", ".jpe"}),
    "PNG": (".png", {".png"}),
    "WEBP": (".webp", {".webp"}),
    "GIF": (".gif", {".gif"}),
}
FORMAT_NAMES = "JPEG, PNG, WebP or GIF"
REFUSED = "This file is not an image we can use: %(reason)s"
CHECKED = "_newsroom_image_checked"  # set on an upload that inspect_image has passed

# Pillow refuses to open an image of more than twice this many pixels
# (DecompressionBombError); inspect_image refuses anything over the limit itself.
Image.MAX_IMAGE_PIXELS = settings.NEWSROOM_UPLOAD_MAX_PIXELS


def _format(image: Image.Image) -> str | None:
    # Phones write JPEGs with extra pictures (depth maps, previews) that Pillow reads as MPO.
    return "JPEG" if image.format == "MPO" else image.format


def _refuse(reason: str, code: str) -> ValidationError:
    return ValidationError(REFUSED, code=code, params={"reason": reason})


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.3g} MB"


def _megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:.3g} megapixels"


def _what_it_is(head: bytes) -> str:
    """Why a file Pillow cannot read is refused, naming what it looks like when we can tell."""
    start = head.lstrip().lower()
    if start.startswith(b"%pdf"):
        return f"it is a PDF document, not a picture. Upload a {FORMAT_NAMES} picture."
    if b"<svg" in start or start.startswith((b"<?xml", b"<!doctype", b"<html")):
        return (
            "it is an SVG drawing or a web page, which can carry scripts. "
            f"Upload a {FORMAT_NAMES} picture."
        )
    return f"it is not a {FORMAT_NAMES} picture (whatever its name says)."


def inspect_image(file) -> str:
    """The Pillow format of `file` (an open file), or ValidationError saying why it is refused.

    The file is read from the start and left at the start.
    """
    size, limit = getattr(file, "size", None), settings.NEWSROOM_UPLOAD_MAX_BYTES
    if size is not None and size > limit:
        raise _refuse(
            f"it is {_megabytes(size)}, and the limit is {_megabytes(limit)}.", "too_large"
        )
    max_pixels = settings.NEWSROOM_UPLOAD_MAX_PIXELS
    too_many = f"the limit is {_megapixels(max_pixels)}"
    file.seek(0)
    head = file.read(1024)
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = _format(image)
            if image_format not in FORMATS:
                raise _refuse(
                    f"it is a {image_format} picture. Upload a {FORMAT_NAMES} picture.", "format"
                )
            width, height = image.size
            if width * height > max_pixels:
                dimensions = f"{width:,} × {height:,}"  # noqa: RUF001 - as editors write it
                raise _refuse(
                    f"it is {dimensions} pixels ({_megapixels(width * height)}), and {too_many}.",
                    "too_many_pixels",
                )
            image.verify()
        # verify() leaves the image unusable and does not decode the pixels: decoding them
        # all is what finds a file that was cut short.
        file.seek(0)
        with Image.open(file) as image:
            image.load()
        return image_format
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise _refuse(
            f"it has far more pixels than the limit of {_megapixels(max_pixels)} "
            "(it could be a decompression bomb).",
            "too_many_pixels",
        ) from error
    except UnidentifiedImageError as error:
        raise _refuse(_what_it_is(head), "not_image") from error
    except Exception as error:  # Pillow raises many kinds on a broken file
        raise _refuse(
            "it is damaged or incomplete (the picture does not decode to the end). "
            "Export or download it again.",
            "damaged",
        ) from error
    finally:
        file.seek(0)


def validate_image_upload(value) -> None:
    """Model validator: a newly uploaded file must be a picture we can use.

    A file already stored was checked when it came in, and is not fetched again.
    """
    if not value or getattr(value, "_committed", True):
        return
    file = getattr(value, "file", value)
    if not getattr(file, CHECKED, False):
        inspect_image(file)


def _stored_name(name: str, image_format: str) -> str:
    stem, ext = posixpath.splitext(name)
    preferred, kept = FORMATS[image_format]
    return name if ext.lower() in kept else f"{stem}{preferred}"


def without_metadata(content, name: str) -> tuple[str, ContentFile] | None:
    """(name, content) of the picture in `content` re-encoded upright and without metadata.

    None when `content` is not a picture we take (it is then stored as it is: refusing it
    is the validators' job, before anything is saved).
    """
    try:
        content.seek(0)
        with Image.open(content) as image:
            image_format = _format(image)
            if image_format not in FORMATS:
                return None
            icc = image.info.get("icc_profile")
            upright = image.getexif().get(ExifTags.Base.Orientation, 1) in (0, 1)
            out = io.BytesIO()
            if image_format == "JPEG" and upright:
                # The original's quantisation tables and subsampling: no visible loss.
                image.save(
                    out,
                    "JPEG",
                    qtables=image.quantization,
                    subsampling=JpegImagePlugin.get_sampling(image),
                    progressive=bool(image.info.get("progressive")),
                    icc_profile=icc,
                    exif=b"",
                    comment=b"",
                )
            else:
                clean = ImageOps.exif_transpose(image)
                # Only what the pixels need: nothing else is written from info.
                clean.info = {k: image.info[k] for k in ("transparency",) if k in image.info}
                options = {"icc_profile": icc} if icc else {}
                if image_format == "JPEG":
                    options |= {"quality": 90, "subsampling": "4:2:0"}
                elif image_format == "WEBP":
                    options |= {"quality": 90, "method": 4}
                clean.save(out, image_format, **options)
    except Exception as error:  # not a picture Pillow can re-encode: left to the validators
        logger.warning("Stored %s as it came: %s", name, error)
        return None
    finally:
        content.seek(0)
    return _stored_name(name, image_format), ContentFile(out.getvalue())


class ImageUploadFormField(forms.ImageField):
    """The form field of an `UploadedImageField`: says why a file is refused."""

    def to_python(self, data):
        file = forms.FileField.to_python(self, data)
        if file is None:
            return None
        inspect_image(file)
        setattr(file, CHECKED, True)
        return super().to_python(data)


class UploadedImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        cleaned = without_metadata(content, name)
        if cleaned is not None:
            name, content = cleaned
            # Django measures the width and height from `content` once it is stored: a
            # file without a name counts as none, and the sizes would be left empty.
            content.name = name
        super().save(name, content, save)


class UploadedImageField(models.ImageField):
    """An ImageField that takes only real pictures and stores them without metadata."""

    attr_class = UploadedImageFieldFile
    # Judged by content (validate_image_upload), not by the name's extension.
    default_validators = [validate_image_upload]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadFormField, **kwargs})
