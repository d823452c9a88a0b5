"""The characters of a PDF's text layer through pdfium, as pdfplumber describes them.

pdfplumber reads characters through pdfminer, in pure Python: most of a PDF's reading time. pdfium's
text page gives each character with its origin, font size, matrix, fill colour and font, which is all
the watermark filter and the line assembly of `pdf.py` use. Characters come out here as pdfplumber's
char dicts (text, x0, x1, top, bottom, size, upright, non_stroking_color) with pdfplumber's geometry:
x1 = origin + the font's advance width, top/bottom from the font's descent, size = the em box's height.

What pdfium cannot give the same way raises `NotLikePdfplumber`, and the caller reads the file with
pdfplumber instead: a file pdfium cannot open (damaged, encrypted: pdfplumber's error then names the
cause), rotated pages, characters drawn mirrored or turned a quarter, characters without a Unicode
mapping or outside the BMP. Characters drawn at a slant (a diagonal watermark) are marked `turned`;
pdf.py reads the file with pdfplumber if one of them survives the watermark filter.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw


class NotLikePdfplumber(Exception):
    """This file needs pdfplumber to be read as pdfplumber reads it."""


_UNMAPPED = {0, 0xFFFE, 0xFFFF, 0xFFFD}


def _object_style(tp: Any, i: int, obj: Any) -> tuple[float, Any, tuple[float, ...], Any]:
    """(font size, matrix, fill colour 0..1, font) of the text object of char i."""
    m = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(tp, i, m)
    if m.a <= 0 or m.d <= 0:
        raise NotLikePdfplumber("mirrored or quarter-turned text")
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    raw.FPDFText_GetFillColor(tp, i, r, g, b, a)
    font = raw.FPDFTextObj_GetFont(obj)
    return raw.FPDFText_GetFontSize(tp, i), m, (r.value / 255, g.value / 255, b.value / 255), font


def _turned(char: dict[str, Any], m: Any, advance: float, size: float) -> dict[str, Any]:
    """A character drawn turned (a diagonal watermark): pdfminer's box is the turned glyph box's
    bounding box, its size that box's height. Marked `turned`: the caller reads the file with
    pdfplumber if such a character is kept, so only its size and colour need to be right."""
    height = abs(m.b) * advance + abs(m.d) * size
    return {**char, "size": height, "upright": m.a * m.d > 0 and m.b * m.c <= 0, "turned": True}


def page_chars(page: pdfium.PdfPage) -> list[dict[str, Any]]:
    """One page's characters in content order, as pdfplumber's `page.chars` gives them."""
    if page.get_rotation():
        raise NotLikePdfplumber("rotated page")
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        styles: dict[int | None, tuple] = {}
        widths: dict[tuple[int | None, int, float], float] = {}
        descents: dict[tuple[int | None, float], float] = {}
        ox, oy, w = ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
        chars = []
        for i in range(raw.FPDFText_CountChars(tp)):
            if raw.FPDFText_IsGenerated(tp, i):
                continue  # pdfium's own spaces and line breaks: pdfplumber's line logic decides those
            code = raw.FPDFText_GetUnicode(tp, i)
            if code in _UNMAPPED or 0xD800 <= code <= 0xDFFF or raw.FPDFText_HasUnicodeMapError(tp, i):
                raise NotLikePdfplumber("unmapped character, or one outside the BMP (a UTF-16 pair)")
            obj = raw.FPDFText_GetTextObject(tp, i)
            key = ctypes.cast(obj, ctypes.c_void_p).value
            style = styles.get(key)
            if style is None:
                style = styles[key] = _object_style(tp, i, obj)
            size, m, color, font = style
            raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
            wkey = (key, code, size)
            advance = widths.get(wkey)
            if advance is None:
                advance = widths[wkey] = w.value if raw.FPDFFont_GetGlyphWidth(font, code, size, w) else 0.0
            dkey = (key, size)
            descent = descents.get(dkey)
            if descent is None:
                descent = descents[dkey] = w.value if raw.FPDFFont_GetDescent(font, size, w) else 0.0
            x0 = ox.value
            bottom = height - (oy.value + descent * m.d)
            char = {
                "object_type": "char", "text": chr(code), "x0": x0, "x1": x0 + advance * m.a,
                "top": bottom - size * m.d, "bottom": bottom, "doctop": bottom - size * m.d,
                "size": size * m.d, "upright": True, "non_stroking_color": color,
            }
            chars.append(_turned(char, m, advance, size) if m.b or m.c else char)
        return chars
    finally:
        textpage.close()


def pdf_chars(data: bytes) -> list[list[dict[str, Any]]]:
    """Every page's characters; NotLikePdfplumber when pdfplumber must read this file."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise NotLikePdfplumber(str(e)) from e
    try:
        return [page_chars(page) for page in pdf]
    except pdfium.PdfiumError as e:  # a page pdfium cannot load (a damaged object): pdfplumber decides
        raise NotLikePdfplumber(str(e)) from e
    finally:
        pdf.close()
