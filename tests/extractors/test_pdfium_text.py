"""The PDF text layer through pdfium gives the lines pdfplumber gives, on every fixture PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from extractors.readers.pdf import _lines_of_chars, _page_lines, text_layer
from extractors.readers.pdfium_text import NotLikePdfplumber, pdf_chars
from tests.conftest import FIXTURES

PDFS = sorted(p for p in FIXTURES.rglob("*.pdf") if p.parent.name != "broken")


def _plumber_lines(data: bytes) -> list[list[dict]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [_page_lines(page) for page in pdf.pages]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pdfium_lines_are_pdfplumbers(path: Path) -> None:
    data = path.read_bytes()
    try:
        ours = [_lines_of_chars(chars) for chars in pdf_chars(data)]
    except NotLikePdfplumber:
        pytest.skip("read by pdfplumber")
    theirs = _plumber_lines(data)
    assert [[line["text"] for line in page] for page in ours] == [[line["text"] for line in page] for page in theirs]
    for page_ours, page_theirs in zip(ours, theirs, strict=True):
        for a, b in zip(page_ours, page_theirs, strict=True):
            assert a["x0"] == pytest.approx(b["x0"], abs=0.05)
            assert a["x1"] == pytest.approx(b["x1"], abs=0.05)
            assert [c["size"] for c in a["chars"]] == pytest.approx([c["size"] for c in b["chars"]], abs=0.01)


def test_most_fixture_pdfs_are_read_by_pdfium() -> None:
    read = 0
    for path in PDFS:
        try:
            pdf_chars(path.read_bytes())
            read += 1
        except NotLikePdfplumber:
            pass
    assert read >= len(PDFS) - 2


def test_a_diagonal_watermark_is_dropped_without_pdfplumber() -> None:
    data = (FIXTURES / "complaints" / "11_watermark_pagebreak.pdf").read_bytes()
    pages = [_lines_of_chars(chars) for chars in pdf_chars(data)]  # no NotLikePdfplumber
    assert not any("内部资料" in line["text"] for page in pages for line in page)
    assert pages == text_layer(data)


def test_a_file_pdfium_cannot_open_is_left_to_pdfplumber() -> None:
    data = (FIXTURES / "broken" / "password_protected.pdf").read_bytes()
    with pytest.raises(NotLikePdfplumber):
        pdf_chars(data)


def test_fuzz_found_page_pdfium_cannot_load_is_a_clear_error() -> None:
    """Found by the reader fuzz target in CI: a font descriptor overwritten with NULs makes pdfium fail to
    load the page (PdfiumError mid-iteration); the reader must answer with a LoadError, not crash."""
    from extractors.readers import read_document
    from schemas.errors import LoadError

    data = (FIXTURES / "complaints" / "01_formal_labelled.pdf").read_bytes()
    start = data.index(b"/FontDescriptor <<") + len(b"/FontDescriptor <<")
    end = data.index(b"> /Subtype /CIDFontType0", start)
    broken = (data[:start] + b"\x00" * (end - start) + data[end:]).replace(b"%PDF-1.3", b"%PDF-\x00\x001.3", 1)
    with pytest.raises(NotLikePdfplumber):
        pdf_chars(broken)
    with pytest.raises(LoadError) as caught:
        read_document(broken, "坏文件.pdf")
    assert caught.value.code == "unreadable" and "坏文件.pdf" in caught.value.message
