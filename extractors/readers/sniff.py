"""Tell a file's format from its first bytes."""

from __future__ import annotations

import io
import zipfile

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM", b"RIFF")
_ARCHIVES = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# WPS Office's own .wps (WPS 2000-2019) is an OLE file like .doc; its body stream says so
_WPS_MARKERS = ("WpsContent".encode("utf-16-le"), b"WpsContent", "WPS Office".encode("utf-16-le"))

FORMATS = ("pdf", "docx", "doc", "wps", "rtf", "odt", "image", "archive", "txt", "empty", "damaged", "unknown")


def sniff_format(data: bytes, filename: str = "") -> str:
    """One of FORMATS. The name is only a tie-breaker between OLE word-processing files (.doc / .wps)."""
    if not data.strip():
        return "empty"
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    if data.startswith(_OLE):
        if filename.lower().endswith(".wps") or any(m in data[:65536] for m in _WPS_MARKERS):
            return "wps"
        return "doc"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and len(data) % 2 == 0:
        return "txt"  # UTF-16 with its byte-order mark: Windows Notepad's "Unicode"
    if data.startswith(_IMAGES):
        return "image"
    if data.startswith(_ARCHIVES):
        return "archive"
    if _looks_like_text(data):
        return "txt"
    return "unknown"


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and zf.read("mimetype").strip() == _ODT_MIMETYPE:
                return "odt"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError, NotImplementedError,
            EOFError, RuntimeError):
        return "damaged"  # a zip cut short: most often an interrupted copy or upload
    return "archive"  # any other zip: an archive of files, or an Excel/PowerPoint file


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
