"""Pictures for demo content, drawn with Pillow so the demo needs no network or stock photos."""

import io
import random

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 675)

# Per section: the scene drawn and the two sky colours (top, bottom).
SCENES = {
    "business": ("a rising bar chart", ((14, 44, 84), (52, 140, 120))),
    "entertainment": ("stage spotlights over a curtain", ((60, 10, 50), (200, 60, 90))),
    "sports": ("a floodlit stadium", ((10, 30, 60), (30, 120, 70))),
    "world": ("a globe with meridians", ((12, 40, 90), (90, 160, 210))),
    "lifestyle": ("green hills under a warm sun", ((240, 200, 150), (250, 235, 210))),
    "career": ("layered green hills under a blue evening sky", ((30, 60, 110), (200, 210, 230))),
    "languages": ("speech bubbles against an orange sky", ((120, 40, 20), (240, 170, 80))),
    "trending": ("chat bubbles on a violet and pink background", ((90, 20, 120), (240, 120, 160))),
}
DEFAULT_SCENE = ("a city skyline with lit windows at dusk", ((40, 30, 90), (250, 140, 70)))


def _gradient(draw: ImageDraw.ImageDraw, top, bottom) -> None:
    width, height = SIZE
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )


def _skyline(draw, rng: random.Random) -> None:
    width, height = SIZE
    x = 0
    while x < width:
        w = rng.randint(50, 130)
        h = rng.randint(120, 380)
        shade = rng.randint(15, 45)
        draw.rectangle([x, height - h, x + w, height], fill=(shade, shade, shade + 20))
        for wy in range(height - h + 20, height - 20, 34):
            for wx in range(x + 12, x + w - 16, 26):
                if rng.random() < 0.45:
                    draw.rectangle([wx, wy, wx + 10, wy + 16], fill=(250, 210, 120))
        x += w + rng.randint(4, 14)


def _bars(draw, rng: random.Random) -> None:
    width, height = SIZE
    count = 9
    for i in range(count):
        h = 80 + i * 45 + rng.randint(-30, 30)
        left = 120 + i * 110
        draw.rectangle([left, height - 60 - h, left + 70, height - 60], fill=(120, 230, 170))
    draw.line([(80, height - 60), (width - 80, height - 60)], fill=(255, 255, 255), width=4)


def _spotlights(draw, rng: random.Random) -> None:
    width, height = SIZE
    for i in range(4):
        x = 150 + i * 300 + rng.randint(-40, 40)
        draw.polygon([(x, 0), (x - 160, height), (x + 160, height)], fill=(255, 240, 190))
    for x in range(0, width, 60):
        draw.rectangle([x, height - 140, x + 40, height], fill=(130, 10, 30))


def _stadium(draw, rng: random.Random) -> None:
    width, height = SIZE
    draw.ellipse([100, height - 300, width - 100, height + 200], fill=(40, 150, 70))
    draw.ellipse([400, height - 200, width - 400, height + 40], outline=(255, 255, 255), width=5)
    for x in (140, width - 180):
        draw.rectangle([x, 120, x + 14, height - 200], fill=(200, 200, 200))
        draw.rectangle([x - 40, 90, x + 54, 130], fill=(255, 255, 220))


def _globe(draw, rng: random.Random) -> None:
    width, height = SIZE
    cx, cy, r = width // 2, height // 2, 260
    draw.ellipse(
        [cx - r, cy - r, cx + r, cy + r], fill=(40, 110, 180), outline=(230, 240, 255), width=5
    )
    for k in range(1, 4):
        draw.ellipse(
            [cx - r * k // 4, cy - r, cx + r * k // 4, cy + r], outline=(230, 240, 255), width=3
        )
    for dy in (-r // 2, 0, r // 2):
        draw.line([(cx - r + 20, cy + dy), (cx + r - 20, cy + dy)], fill=(230, 240, 255), width=3)
    for _ in range(5):
        x, y = cx + rng.randint(-180, 150), cy + rng.randint(-180, 150)
        draw.ellipse([x, y, x + rng.randint(50, 110), y + rng.randint(30, 80)], fill=(90, 170, 90))


def _bubbles(draw, rng: random.Random) -> None:
    for _ in range(7):
        x, y = rng.randint(40, 900), rng.randint(40, 450)
        w, h = rng.randint(180, 280), rng.randint(100, 160)
        draw.rounded_rectangle([x, y, x + w, y + h], radius=30, fill=(255, 250, 235))
        draw.polygon([(x + 40, y + h), (x + 70, y + h), (x + 30, y + h + 40)], fill=(255, 250, 235))
        for line in range(3):
            ly = y + 25 + line * 30
            draw.line(
                [(x + 25, ly), (x + w - rng.randint(30, 90), ly)], fill=(150, 80, 40), width=6
            )


def _hills(draw, rng: random.Random) -> None:
    width, height = SIZE
    draw.ellipse([850, 80, 990, 220], fill=(255, 220, 120))
    for layer, colour in enumerate(((60, 110, 80), (40, 90, 60), (25, 70, 45))):
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, 330 + layer * 90 + rng.randint(-50, 50)))
        points.append((width, height))
        draw.polygon(points, fill=colour)


DRAW = {
    "business": _bars,
    "entertainment": _spotlights,
    "sports": _stadium,
    "world": _globe,
    "languages": _bubbles,
    "lifestyle": _hills,
    "career": _hills,
    "trending": _bubbles,
}


def illustration(seed: int, section_slug: str) -> tuple[bytes, str]:
    """A JPEG for a story in `section_slug` and alt text that describes what it shows."""
    scene, (top, bottom) = SCENES.get(section_slug, DEFAULT_SCENE)
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    _gradient(draw, top, bottom)
    DRAW.get(section_slug, _skyline)(draw, rng)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=78, optimize=True, progressive=True)
    return out.getvalue(), f"Illustration of {scene}"


def avatar(initials: str, seed: int) -> bytes:
    """A round-looking PNG avatar with the author's initials."""
    rng = random.Random(seed)
    colour = (rng.randint(40, 160), rng.randint(40, 160), rng.randint(40, 160))
    image = Image.new("RGB", (256, 256), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=110)
    draw.text((128, 128), initials, fill=(255, 255, 255), font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
