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

from extractors.normalize import Line, normalize_pages, written_form
from extractors.readers.pdfium_text import NotLikePdfplumber, pdf_chars
from extractors.readers.textlayer import text_layer_garbage, text_layer_usable
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
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as e:
        # pdfminer meets hostile PDFs with whatever the broken object makes it raise
        raise LoadError("unreadable", f"文件“{filename}”已损坏，PDF 无法打开。") from e


def _page_count(data: bytes) -> int | None:
    """Pages as pdfium counts them, before any is read (a huge file is refused first); None if it cannot."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return None  # encrypted or damaged: the text layer's reader says which
    try:
        return len(pdf)
    finally:
        pdf.close()


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


def read_pdf(data: bytes, filename: str = "", limits: Any = None) -> ParsedDocument:
    from extractors.readers import DEFAULT_LIMITS

    limits = limits or DEFAULT_LIMITS
    count = _page_count(data)
    if count is not None and count > limits.max_pages:
        raise LoadError(
            "too_large", f"文件“{filename}”有 {count} 页，超过上限 {limits.max_pages} 页"
            "（设置 GAPFLOW_MAX_PAGES），未处理。请拆分后重新放入收件箱。",
        )
    raw_pages = text_layer(data, filename)
    to_ocr = [i for i, lines in enumerate(raw_pages) if not text_layer_usable("".join(x["text"] for x in lines))]
    if to_ocr and not limits.ocr:
        if any(raw_pages):
            to_ocr = []  # as before OCR existed: keep what the text layer gives
        else:
            raise LoadError(
                "needs_ocr", f"文件“{filename}”没有文字层（可能是扫描件），需要文字识别（OCR）后才能处理。"
            )
    ocr_lines = _ocr_pages(data, to_ocr, filename, limits) if to_ocr else {}
    for i in list(ocr_lines):
        layer = "".join(x["text"] for x in raw_pages[i]).strip()
        if layer and not text_layer_garbage(layer) and len(layer) >= sum(len(x) for x in ocr_lines[i]):
            del ocr_lines[i]  # a nearly empty page (a signature, a date) whose layer reads as well
    for i in ocr_lines:
        raw_pages[i] = []
    pages = _mark_full_lines(raw_pages)
    for i, lines in ocr_lines.items():
        pages[i] = lines
    if not any(line.strip() for lines in pages for line in lines):
        raise LoadError(
            "unreadable", f"文件“{filename}”是扫描件，已做文字识别（OCR），但没有识别出文字。"
            "请提供更清晰的扫描件（300 dpi，端正，不反光）或原始电子文档。",
        )
    text, starts = normalize_pages(pages)
    written = written_form(pages, text, paragraphs=False)
    return ParsedDocument(
        text=text, format="pdf", pages=len(pages), page_starts=starts, ocr_pages=sorted(i + 1 for i in ocr_lines),
        written=written,
    )


OCR_DPI = 200


def _ocr_pages(data: bytes, indexes: list[int], filename: str, limits: Any) -> dict[int, list[Line]]:
    """OCR the pages whose text layer is missing or garbage; a page whose OCR reads less than its text
    layer keeps the text layer (a nearly empty page: a signature, a page number)."""
    import pypdfium2

    from extractors.readers.ocr import ocr_pixels, too_many_ocr_pages

    if len(indexes) > limits.max_ocr_pages:
        raise too_many_ocr_pages(filename, len(indexes), limits.max_ocr_pages)
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as e:
        raise LoadError("unreadable", f"文件“{filename}”已损坏，PDF 无法打开。") from e
    out: dict[int, list[Line]] = {}
    try:
        for i in indexes:
            try:
                page = pdf[i]
                bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
            except pypdfium2.PdfiumError as e:
                raise LoadError("unreadable", f"文件“{filename}”第 {i + 1} 页已损坏，无法识别。") from e
            pixels = bitmap.to_numpy().copy()
            bitmap.close()
            page.close()
            if pixels.ndim == 3 and pixels.shape[2] == 1:
                pixels = pixels[..., 0]
            lines = ocr_pixels(_to_rgb(pixels)).lines
            if lines:
                out[i] = lines
    finally:
        pdf.close()
    return out


def _to_rgb(pixels: Any) -> Any:
    import numpy as np

    if pixels.ndim == 2:
        return np.stack([pixels] * 3, axis=-1)
    return pixels[..., :3]
