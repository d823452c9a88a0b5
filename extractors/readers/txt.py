"""Plain text, UTF-8, GB18030 or UTF-16 with a byte-order mark (what Chinese Windows Notepad writes)."""

from __future__ import annotations

from extractors.normalize import normalize_pages, written_form
from schemas.errors import LoadError
from schemas.models import ParsedDocument

PAGE_BREAK = "\f"


def decode_text(data: bytes, filename: str = "") -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoadError("unreadable", f"文件“{filename}”的文字编码无法识别（既不是 UTF-8 也不是 GBK）。")


def read_txt(data: bytes, filename: str = "") -> ParsedDocument:
    raw = decode_text(data, filename)
    pages = [p.splitlines() for p in raw.split(PAGE_BREAK)]
    text, starts = normalize_pages(pages)
    written = written_form(pages, text, paragraphs=False)
    if not text.strip():
        raise LoadError("unreadable", f"文件“{filename}”没有文字内容。")
    return ParsedDocument(text=text, format="txt", pages=len(pages), page_starts=starts, written=written)
