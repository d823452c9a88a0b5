"""One small reader per format. The format is sniffed from the bytes, never from the file name."""

from __future__ import annotations

from extractors.readers.sniff import sniff_format
from schemas.errors import LoadError
from schemas.models import ParsedDocument

MAX_BYTES = 50 * 1024 * 1024


def read_document(data: bytes, filename: str = "") -> ParsedDocument:
    """Read a document's bytes into one normalised text with its page map.

    Raises LoadError with a code of the contract (unreadable, encrypted, needs_ocr, unsupported, too_large).
    """
    if len(data) > MAX_BYTES:
        raise LoadError("too_large", f"文件“{filename}”超过 {MAX_BYTES // 1024 // 1024} MB，未处理。")
    fmt = sniff_format(data)
    if fmt == "pdf":
        from extractors.readers.pdf import read_pdf

        return read_pdf(data, filename)
    if fmt == "docx":
        from extractors.readers.docx import read_docx

        return read_docx(data, filename)
    if fmt == "txt":
        from extractors.readers.txt import read_txt

        return read_txt(data, filename)
    if fmt == "image":
        raise LoadError("needs_ocr", f"文件“{filename}”是图片（扫描件），需要文字识别（OCR）后才能处理。")
    if fmt in ("doc", "wps"):
        raise LoadError(
            "unsupported",
            f"文件“{filename}”是旧版 Word/WPS 格式（.doc/.wps），请另存为 .docx 或 .pdf 后重新放入收件箱。",
        )
    if fmt == "damaged":
        raise LoadError("unreadable", f"文件“{filename}”已损坏（内容不完整），请重新复制或向来文单位索取。")
    if fmt == "empty":
        raise LoadError("unreadable", f"文件“{filename}”是空文件。")
    raise LoadError("unsupported", f"文件“{filename}”的格式无法识别，仅支持 .docx、.pdf、.txt。")
