"""What the readers get from the settings and the machine: limits, and the converter for old formats."""

from __future__ import annotations

from collections.abc import Callable

from config.settings import Settings
from extractors.readers import ReadLimits
from flows.convert import find_soffice, libreoffice_converter


def read_limits(settings: Settings) -> ReadLimits:
    return ReadLimits(
        max_bytes=settings.max_file_mb * 1024 * 1024, max_pages=settings.max_pages,
        max_ocr_pages=settings.max_ocr_pages,
    )


def reader_for(settings: Settings) -> Callable[[bytes, str, str], bytes] | None:
    """The LibreOffice converter where LibreOffice is installed, else None (old formats: doc.unsupported)."""
    soffice = find_soffice()
    if soffice is None:
        return None
    return libreoffice_converter(soffice, settings.cache_dir / "convert", settings.convert_timeout)
