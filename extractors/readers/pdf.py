"""PDF with a text layer: characters through pdfium, lines as pdfplumber assembles them.

Watermarks ("内部资料", "仅供参考" drawn large, rotated or pale across the page) come out of the
text layer interleaved with the body text; characters that are not upright, much larger than the
body text, or drawn in a light grey are dropped before the text is assembled.

The characters come from pdfium (`pdfium_text`, a tenth of pdfminer's cost) in pdfplumber's form, and
pdfplumber's own word and line logic assembles them, so the text is the one pdfplumber gives. A file
pdfium cannot describe as pdfminer would (damaged, encrypted, rotated or skewed text) is read whole by
pdfplumber, as before.
"""

from __future__ import annotations

import io
import statistics
from collections.abc import Callable
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.text import chars_to_textmap

from extractors.normalize import Line, normalize_pages
from extractors.readers.pdfium_text import NotLikePdfplumber, pdf_chars
from schemas.errors import LoadError
from schemas.models import ParsedDocument

_WATERMARK_SIZE_RATIO = 1.8
_LIGHT = 0.75  # grey level above which a glyph is a watermark, not ink


def _is_light(color: Any) -> bool:
    if isinstance(color, (list, tuple)) and color and all(isinstance(c, (int, float)) for c in color):
        if len(color) == 1:
            return color[0] >= _LIGHT
        if len(color) == 3:
            return min(color) >= _LIGHT
        if len(color) == 4:  # CMYK: light when little ink of every colour
            return max(color) <= 1 - _LIGHT
    return False


_LINE_TOLERANCES = {"x_tolerance": 1.5, "y_tolerance": 3}


def _not_watermark(chars: list[dict[str, Any]]) -> Callable[[dict[str, Any]], bool]:
    body = statistics.median(c["size"] for c in chars)

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        return (
            obj.get("upright", True)
            and obj["size"] <= body * _WATERMARK_SIZE_RATIO
            and not _is_light(obj.get("non_stroking_color"))
        )

    return keep


def _page_lines(page: pdfplumber.page.Page) -> list[dict[str, Any]]:
    """Lines of one page as pdfplumber gives them (text, x0, x1, chars), watermarks removed."""
    chars = page.chars
    if not chars:
        return []
    return page.filter(_not_watermark(chars)).extract_text_lines(**_LINE_TOLERANCES, return_chars=True)


def _lines_of_chars(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`_page_lines` for characters read by pdfium: the same filter, pdfplumber's line assembly."""
    if not chars:
        return []
    keep = _not_watermark(chars)
    kept = list(filter(keep, chars))
    for c in chars:
        # a slanted character's size is pdfminer's only up to rounding: near the watermark bar, or
        # kept, it is pdfplumber's to place
        if c.get("turned") and (c in kept or keep({**c, "size": c["size"] / 1.1})):
            raise NotLikePdfplumber("slanted text that is not a watermark")
    if not kept:
        return []
    return chars_to_textmap(kept, **_LINE_TOLERANCES).extract_text_lines(strip=True, return_chars=True)


def _plumber_text_layer(data: bytes, filename: str) -> list[list[dict[str, Any]]]:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [_page_lines(page) for page in pdf.pages]
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise LoadError("encrypted", f"文件“{filename}”有密码保护，请提供未加密的版本。") from e
    except PdfminerException as e:
        if isinstance(e.args[0] if e.args else None, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise LoadError("encrypted", f"文件“{filename}”有密码保护，请提供未加密的版本。") from e
        raise LoadError("unreadable", f"文件“{filename}”已损坏，PDF 无法打开。") from e
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as e:
        raise LoadError("unreadable", f"文件“{filename}”已损坏，PDF 无法打开。") from e


def text_layer(data: bytes, filename: str = "") -> list[list[dict[str, Any]]]:
    """Every page's lines (text, x0, x1, chars), watermarks removed; [] for a page without text.

    Only the text layer: whether an empty one means a scan is the caller's decision."""
    try:
        return [_lines_of_chars(chars) for chars in pdf_chars(data)]
    except NotLikePdfplumber:
        return _plumber_text_layer(data, filename)


def _mark_full_lines(pages: list[list[dict[str, Any]]]) -> list[list[Line]]:
    """Mark lines that run to the right margin (a wrap) and lines indented (a new paragraph)."""
    ends = [line["x1"] for lines in pages for line in lines]
    if not ends:
        return [[] for _ in pages]
    right = max(ends)
    left = min(line["x0"] for lines in pages for line in lines)
    marked = []
    for lines in pages:
        page_lines = []
        for line in lines:
            sizes = [c["size"] for c in line.get("chars", [])] or [10.0]
            size = max(sizes)
            page_lines.append(
                Line(line["text"], full=line["x1"] >= right - 1.5 * size, indented=line["x0"] > left + size)
            )
        marked.append(page_lines)
    return marked


def read_pdf(data: bytes, filename: str = "") -> ParsedDocument:
    pages = _mark_full_lines(text_layer(data, filename))
    if not any(line.strip() for lines in pages for line in lines):
        raise LoadError(
            "needs_ocr", f"文件“{filename}”没有文字层（可能是扫描件），需要文字识别（OCR）后才能处理。"
        )
    text, starts = normalize_pages(pages)
    return ParsedDocument(text=text, format="pdf", pages=len(pages), page_starts=starts)
