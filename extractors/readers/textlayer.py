"""Is a page's text layer worth reading, or must the page be read by OCR?

Kept apart from the PDF reader on purpose: whichever library extracts the text layer (pdfplumber now,
pypdfium2 later), the decision is made here, on the text alone.

A scan has no text layer, or one a scanner's OCR left behind that is useless; a PDF made with a font
that has no Unicode map gives `(cid:123)` tokens (pdfminer) or Latin-1/private-use mojibake.
"""

from __future__ import annotations

import re

_CID = re.compile(r"\(cid:\d+\)")
MIN_CHARS = 8  # fewer readable characters than this on a page: nothing worth keeping
MAX_BAD_RATIO = 0.3


def _is_good(c: str) -> bool:
    o = ord(c)
    return (
        0x4E00 <= o <= 0x9FFF  # CJK unified
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F  # CJK punctuation
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or (0x20 < o < 0x7F)
        or 0x2010 <= o <= 0x206F  # general punctuation (— “ ” …)
        or 0x2460 <= o <= 0x24FF  # ①
    )


def _is_bad(c: str) -> bool:
    o = ord(c)
    return (
        0x80 <= o <= 0x2FF  # Latin-1 supplement and extended: mojibake in a Chinese document
        or 0xE000 <= o <= 0xF8FF  # private use
        or o == 0xFFFD
        or (o < 0x20 and c not in "\n\t\r\f")
    )


def text_layer_usable(text: str) -> bool:
    """True when a page's extracted text is real text; False when the page must be OCRed."""
    without_cid = _CID.sub("\ufffd", text)
    good = sum(1 for c in without_cid if _is_good(c))
    bad = sum(1 for c in without_cid if _is_bad(c))
    if good < MIN_CHARS:
        return False
    return bad / (good + bad) <= MAX_BAD_RATIO


def text_layer_garbage(text: str) -> bool:
    """The layer holds mostly undecodable glyphs (not merely little text)."""
    without_cid = _CID.sub("\ufffd", text)
    good = sum(1 for c in without_cid if _is_good(c))
    bad = sum(1 for c in without_cid if _is_bad(c))
    return bad > 0 and bad / (good + bad) > MAX_BAD_RATIO
