"""An on-disk cache of parsed documents, keyed by content hash and extractor version.

Parsing a PDF is the dearest step of a document (pdfplumber: 0.1-1 s). A file that comes back after a
crash, a retried batch, or `reprocess` reading the page map needs it again; the key changes whenever
`EXTRACTOR_VERSION` does, so a new reader never sees an old result. Entries are written atomically
(temp file + rename), so a run killed mid-write leaves no half entry; a damaged entry is a miss.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from extractors.readers import ReadLimits, read_document
from pipeline import EXTRACTOR_VERSION
from schemas.models import ParsedDocument


def _entry(cache_dir: Path, sha256: str, version: str) -> Path:
    return cache_dir / "parsed" / sha256[:2] / f"{sha256}.{version}.json"


def load(cache_dir: Path, sha256: str, version: str = EXTRACTOR_VERSION) -> ParsedDocument | None:
    path = _entry(cache_dir, sha256, version)
    try:
        return ParsedDocument.model_validate_json(path.read_bytes())
    except (OSError, ValueError):
        return None


def store(cache_dir: Path, sha256: str, doc: ParsedDocument, version: str = EXTRACTOR_VERSION) -> None:
    path = _entry(cache_dir, sha256, version)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(doc.model_dump_json().encode("utf-8"))
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written only costs time


def any_version(cache_dir: Path, sha256: str) -> ParsedDocument | None:
    """A parse of this content by any extractor version (reprocess wants its page map)."""
    folder = cache_dir / "parsed" / sha256[:2]
    for path in sorted(folder.glob(f"{sha256}.*.json"), reverse=True):
        try:
            return ParsedDocument.model_validate_json(path.read_bytes())
        except (OSError, ValueError):
            continue
    return None


def read_cached(
    data: bytes, filename: str, sha256: str, cache_dir: Path | None, *, limits: ReadLimits | None = None,
    convert: Callable[[bytes, str, str], bytes] | None = None,
) -> ParsedDocument:
    """`read_document` through the cache. LoadError (a broken file) is not cached: it is cheap, and a
    file refused for a missing converter must be read once LibreOffice is installed."""
    if cache_dir is not None:
        cached = load(cache_dir, sha256)
        if cached is not None:
            return cached
    doc = read_document(data, filename, limits=limits, convert=convert)
    if cache_dir is not None:
        store(cache_dir, sha256, doc)
    return doc
