"""Old formats through LibreOffice (the adapter in flows/convert.py): a .doc and a .wps letter are read
with their fields; .rtf comes out without control words. Needs LibreOffice: skipped on a developer's
machine without it, failed under CI=true (make installs it)."""

from __future__ import annotations

import pytest

from config.settings import load_settings
from extractors.complaint import extract_complaint
from extractors.readers import read_document
from flows.convert import find_soffice
from flows.reading import reader_for
from tests.conftest import FIXTURES
from tests.flows.hostile_corpus import _rtf, legacy_doc
from tests.scans import require_tool

pytestmark = pytest.mark.slow

LETTER = (FIXTURES / "complaints" / "src" / "01_formal_labelled.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def soffice() -> str:
    found = find_soffice()
    require_tool(found is not None, "LibreOffice (libreoffice-writer-nogui)")
    return found


@pytest.fixture(scope="module")
def doc_bytes(soffice: str) -> bytes:
    return legacy_doc(LETTER, soffice)


@pytest.mark.parametrize("name", ["投诉信.doc", "投诉信.wps"])
def test_doc_and_wps_letters_are_read(soffice: str, doc_bytes: bytes, name: str) -> None:
    doc = read_document(doc_bytes, name, convert=reader_for(load_settings()))
    assert doc.format == name.rsplit(".", 1)[1]
    fields = extract_complaint(doc)
    assert fields.complainant.name == "韦国强"
    assert fields.complainant.phone == "13877204561"
    assert fields.respondent.name == "融水县鸿达建筑工程有限公司"


def test_rtf_letter_has_no_control_words(soffice: str) -> None:
    doc = read_document(_rtf(LETTER), "投诉信.rtf", convert=reader_for(load_settings()))
    assert doc.format == "rtf" and "\\u" not in doc.text and "rtf1" not in doc.text
    assert extract_complaint(doc).complainant.name == "韦国强"
