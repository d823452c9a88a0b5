"""One small reader per format. The format is sniffed from the bytes, never from the file name.

Pure: bytes in, a ParsedDocument out. Two things come from outside as arguments: the limits (from the
settings) and, for old formats, a converter to .docx (LibreOffice, run by flows/convert.py). OCR runs
in-process (extractors/readers/ocr.py), its models loaded once per worker process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extractors.readers.sniff import sniff_format
from schemas.errors import LoadError
from schemas.models import ParsedDocument

MAX_BYTES = 50 * 1024 * 1024
LEGACY_FORMATS = ("doc", "wps", "rtf", "odt")
_LEGACY_NAMES = {"doc": "旧版 Word（.doc）", "wps": "WPS 文字（.wps）", "rtf": "RTF", "odt": "OpenDocument（.odt）"}

Converter = Callable[[bytes, str, str], bytes]  # (data, format, filename) -> .docx bytes


@dataclass(frozen=True)
class ReadLimits:
    max_bytes: int = MAX_BYTES
    max_pages: int = 300
    max_ocr_pages: int = 30
    ocr: bool = True  # False: a scan is refused as needs_ocr (what a machine without the OCR engine says)
    max_chars: int = 300_000  # ~150 dense pages; extraction time grows faster than the text (see CHANGELOG)


DEFAULT_LIMITS = ReadLimits()


def read_document(
    data: bytes, filename: str = "", *, limits: ReadLimits | None = None, convert: Converter | None = None
) -> ParsedDocument:
    """Read a document's bytes into one normalised text with its page map.

    Raises LoadError with a code of the contract (unreadable, encrypted, needs_ocr, unsupported,
    too_large, archive).
    """
    limits = limits or DEFAULT_LIMITS
    if len(data) > limits.max_bytes:
        raise LoadError("too_large", f"文件“{filename}”超过 {limits.max_bytes // 1024 // 1024} MB，未处理。")
    doc = _read(data, filename, limits, convert)
    if len(doc.text) > limits.max_chars:
        raise LoadError(
            "too_large", f"文件“{filename}”有 {len(doc.text)} 个字，超过单个文档 {limits.max_chars} 字的上限，"
            "未处理。请拆分后重新放入收件箱。",
        )
    return doc


def _read(data: bytes, filename: str, limits: ReadLimits, convert: Converter | None) -> ParsedDocument:
    fmt = sniff_format(data, filename)
    if fmt == "pdf":
        from extractors.readers.pdf import read_pdf

        return read_pdf(data, filename, limits)
    if fmt == "docx":
        from extractors.readers.docx import read_docx

        return read_docx(data, filename, limits)
    if fmt == "txt":
        from extractors.readers.txt import read_txt

        return read_txt(data, filename)
    if fmt == "image":
        from extractors.readers.ocr import read_image

        return read_image(data, filename, limits)
    if fmt in LEGACY_FORMATS:
        return _read_legacy(data, fmt, filename, limits, convert)
    if fmt == "archive":
        raise LoadError(
            "archive", f"文件“{filename}”是压缩包（或 Excel/PPT 等非公文文件），不会自动解压。"
            "请解压后把其中的文档逐个放入收件箱。",
        )
    if fmt == "damaged":
        raise LoadError("unreadable", f"文件“{filename}”已损坏（内容不完整），请重新复制或向来文单位索取。")
    if fmt == "empty":
        raise LoadError("unreadable", f"文件“{filename}”是空文件（没有内容），请向来文单位重新索取。")
    raise LoadError(
        "unsupported", f"文件“{filename}”的格式无法识别。支持 .docx、.pdf、.txt、图片（扫描件）、"
        ".doc、.wps、.rtf、.odt；请另存为 .docx 或 .pdf 后重新放入收件箱。",
    )


def _read_legacy(data: bytes, fmt: str, filename: str, limits: ReadLimits, convert: Converter | None) -> ParsedDocument:
    kind = _LEGACY_NAMES[fmt]
    if convert is None:
        raise LoadError(
            "unsupported", f"文件“{filename}”是{kind}格式，本机未安装 LibreOffice，无法读取。"
            "请管理员安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui；Windows：安装 "
            "LibreOffice 即可）后把文件重新放入收件箱；或用 WPS/Word 另存为 .docx 或 .pdf 后重新放入。",
        )
    from extractors.readers.docx import read_docx

    converted = convert(data, fmt, filename)
    if sniff_format(converted) != "docx":
        raise LoadError("unreadable", f"文件“{filename}”（{kind}）转换失败，请用 WPS/Word 打开后另存为 .docx。")
    doc = read_docx(converted, filename, limits)
    return doc.model_copy(update={"format": fmt})
