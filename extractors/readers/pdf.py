"""PDF with a text layer, through pdfplumber.

Watermarks ("内部资料", "仅供参考" drawn large, rotated or pale across the page) come out of
pdfplumber interleaved with the body text; characters that are not upright, much larger than the
body text, or drawn in a light grey are dropped before the text is assembled.
"""

from __future__ import annotations

import io
import statistics
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from extractors.normalize import Line, normalize_pages, written_form
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


def _page_lines(page: pdfplumber.page.Page) -> list[dict[str, Any]]:
    """Lines of one page as pdfplumber gives them (text, x0, x1, chars), watermarks removed."""
    chars = page.chars
    if not chars:
        return []
    body = statistics.median(c["size"] for c in chars)

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        return (
            obj.get("upright", True)
            and obj["size"] <= body * _WATERMARK_SIZE_RATIO
            and not _is_light(obj.get("non_stroking_color"))
        )

    return page.filter(keep).extract_text_lines(x_tolerance=1.5, y_tolerance=3, return_chars=True)


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
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            raw_pages = [_page_lines(page) for page in pdf.pages]
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise LoadError("encrypted", f"文件“{filename}”有密码保护，请提供未加密的版本。") from e
    except PdfminerException as e:
        if isinstance(e.args[0] if e.args else None, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise LoadError("encrypted", f"文件“{filename}”有密码保护，请提供未加密的版本。") from e
        raise LoadError("unreadable", f"文件“{filename}”已损坏，PDF 无法打开。") from e
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as e:
        raise LoadError("unreadable", f"文件“{filename}”已损坏，PDF 无法打开。") from e
    pages = _mark_full_lines(raw_pages)
    if not any(line.strip() for lines in pages for line in lines):
        raise LoadError(
            "needs_ocr", f"文件“{filename}”没有文字层（可能是扫描件），需要文字识别（OCR）后才能处理。"
        )
    text, starts = normalize_pages(pages)
    written = written_form(pages, text, paragraphs=False)
    return ParsedDocument(text=text, format="pdf", pages=len(pages), page_starts=starts, written=written)
