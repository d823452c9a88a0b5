"""Realistic scans and phone photos of letters, made at test time (nothing binary is committed).

A letter's text is typeset on an A4 page at 150 dpi with a CJK font from the system (Debian
`fonts-wqy-microhei`, which `make` installs), then degraded as a scanner or a phone does: a slight
rotation, noise, blur, uneven light, JPEG artefacts. Wrapped in PDF (no text layer), JPEG with an
EXIF orientation (as phones store photos), PNG, TIFF, or a picture inside a .docx.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
DPI = 150
PAGE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 110


def require_tool(found: bool, what: str) -> None:
    """Skip where a developer lacks a system package; in CI (CI=true) fail loudly instead, since `make`
    installs it there and a skip would hide a broken install step."""
    if found:
        return
    message = f"{what} is not installed (make .venv/bin/.installed installs it as root)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def cjk_font(size: int) -> ImageFont.FreeTypeFont:
    path = next((p for p in FONT_CANDIDATES if Path(p).exists()), None)
    require_tool(path is not None, "a CJK font (fonts-wqy-microhei)")
    return ImageFont.truetype(path, size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines = []
    for paragraph in text.splitlines():
        line = ""
        for ch in paragraph:
            if font.getlength(line + ch) > width:
                lines.append(line)
                line = ch
            else:
                line += ch
        lines.append(line)
    return lines


def render_pages(text: str, size: int = 26) -> list[Image.Image]:
    """Typeset a letter on A4 pages (grey-scale, white paper)."""
    font = cjk_font(size)
    lines = _wrap(text, font, PAGE[0] - 2 * MARGIN)
    step = int(size * 1.7)
    per_page = (PAGE[1] - 2 * MARGIN) // step
    pages = []
    for start in range(0, len(lines), per_page):
        page = Image.new("L", PAGE, 255)
        draw = ImageDraw.Draw(page)
        for i, line in enumerate(lines[start : start + per_page]):
            draw.text((MARGIN, MARGIN + i * step), line, font=font, fill=20)
        pages.append(page)
    return pages or [Image.new("L", PAGE, 255)]


def degrade(page: Image.Image, angle: float, seed: int = 0, noise: float = 14.0, light: bool = False) -> Image.Image:
    """What a scanner or a phone does to a page: rotation, blur, noise, and (phone) uneven light."""
    rng = np.random.default_rng(seed)
    img = page.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=245)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    pixels = np.asarray(img).astype(np.float32)
    if light:
        h, w = pixels.shape
        gradient = np.linspace(0.75, 1.0, w)[None, :] * np.linspace(0.85, 1.0, h)[:, None]
        pixels = pixels * gradient
    pixels += rng.normal(0, noise, pixels.shape)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _jpeg_round_trip(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.convert("L").save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue()))


def scanned_pdf(text: str, angle: float = 1.2, seed: int = 1) -> bytes:
    """A scan wrapped in PDF: pages are JPEG images, no text layer."""
    pages = [_jpeg_round_trip(degrade(p, angle, seed + i), 70).convert("RGB") for i, p in enumerate(render_pages(text))]
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    return buf.getvalue()


def phone_photo(text: str, angle: float = -2.0, seed: int = 2) -> bytes:
    """A phone photo of the first page: uneven light, held sideways — the pixels lie on their side and
    the EXIF orientation tag (6: rotate 90° clockwise to view) says how to stand them up, as phones do."""
    page = degrade(render_pages(text)[0], angle, seed, noise=10.0, light=True).convert("RGB")
    sideways = page.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    sideways.save(buf, "JPEG", quality=80, exif=exif.tobytes())
    return buf.getvalue()


def image_file(text: str, fmt: str, angle: float = 0.8, seed: int = 3, quarter_turn: bool = False) -> bytes:
    """The first page as PNG or TIFF; `quarter_turn`: fed into the scanner sideways (no EXIF to help)."""
    page = degrade(render_pages(text)[0], angle, seed)
    if quarter_turn:
        page = page.transpose(Image.Transpose.ROTATE_270)
    buf = io.BytesIO()
    page.save(buf, fmt, dpi=(DPI, DPI), **({"compression": "tiff_deflate"} if fmt == "TIFF" else {}))
    return buf.getvalue()


def docx_with_scan(text: str, seed: int = 4) -> bytes:
    """A .docx that only wraps a scanned page (as when a scan is pasted into Word and sent on)."""
    import docx
    from docx.shared import Cm

    picture = io.BytesIO()
    degrade(render_pages(text)[0], 0.5, seed).save(picture, "PNG")
    picture.seek(0)
    document = docx.Document()
    document.add_picture(picture, width=Cm(16))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
