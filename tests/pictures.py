"""Pictures for tests: made in memory, some with a phone's EXIF (camera, time, GPS)."""

import io

from PIL import ExifTags, Image


def encode(image: Image.Image, image_format: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, image_format, **options)
    return out.getvalue()


def photo(width: int = 240, height: int = 160) -> Image.Image:
    """Left half red, right half blue: which way up it is can be told from a pixel."""
    image = Image.new("RGB", (width, height), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, width // 2, height))
    return image


def camera_exif(orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: camera, time, orientation, and where it was taken."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.Base.Model] = "Pocket 12"
    exif[ExifTags.Base.DateTime] = "2026:11:20 08:15:00"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (18.0, 31.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (73.0, 51.0, 3.0)
    return exif


def jpeg_with_gps(orientation: int = 1, width: int = 240, height: int = 160) -> bytes:
    return encode(
        photo(width, height), "JPEG", quality=90, exif=camera_exif(orientation), comment=b"Pune"
    )


def assert_no_metadata(image: Image.Image) -> None:
    assert not image.getexif()
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment"):
        assert key not in image.info
