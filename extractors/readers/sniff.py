"""Tell a file's format from its first bytes."""

from __future__ import annotations

import io
import zipfile

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")


def sniff_format(data: bytes) -> str:
    """One of pdf, docx, doc, image, txt, empty, damaged, unknown."""
    if not data.strip():
        return "empty"
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            return "damaged"  # a zip cut short: most often an interrupted copy or upload
        return "unknown"
    if data.startswith(_OLE):
        return "doc"
    if data.startswith(_IMAGES):
        return "image"
    if _looks_like_text(data):
        return "txt"
    return "unknown"


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            sample.decode(encoding)
            return True
        except UnicodeDecodeError as e:
            # a multi-byte character cut at the sample's end is still text
            if e.start >= len(sample) - 4:
                return True
    return False
