"""OCR on scans made from real fixture letters (rendered, rotated, noised, wrapped in PDF / photographed),
scored by the fields the complaint extractor gets from the OCR text against the letter's golden."""

from __future__ import annotations

import json
import time

import pytest

from extractors.complaint import extract_complaint
from extractors.readers import read_document
from extractors.readers.ocr import assemble_lines, estimate_skew, rotate
from extractors.readers.textlayer import text_layer_usable
from tests.conftest import FIXTURES
from tests.scans import phone_photo, render_pages, scanned_pdf

LETTER = "01_formal_labelled"
SCORED = [
    "complainant.name", "complainant.gender", "complainant.age", "complainant.occupation", "complainant.employer",
    "complainant.address", "complainant.phone", "complainant.id_number", "respondent.name", "respondent.address",
    "respondent.legal_representative", "prior_proceedings", "letter_date", "amount_claimed_yuan",
]


def _get(fields: dict, dotted: str) -> object:
    for part in dotted.split("."):
        fields = fields.get(part) if isinstance(fields, dict) else None
    return fields


def field_accuracy(text_source: bytes, name: str) -> tuple[float, list[str], float, object]:
    golden = json.loads((FIXTURES / "complaints" / f"{LETTER}.expected.json").read_text(encoding="utf-8"))["fields"]
    start = time.perf_counter()
    doc = read_document(text_source, name)
    seconds = time.perf_counter() - start
    fields = extract_complaint(doc).model_dump(mode="json")
    wrong = [f for f in SCORED if _get(fields, f) != _get(golden, f)]
    return 1 - len(wrong) / len(SCORED), wrong, seconds / max(doc.pages, 1), doc


@pytest.fixture(scope="module")
def letter() -> str:
    return (FIXTURES / "complaints" / "src" / f"{LETTER}.txt").read_text(encoding="utf-8")


def test_scanned_complaint_letter_comes_out_with_its_fields(letter: str) -> None:
    accuracy, wrong, per_page, doc = field_accuracy(scanned_pdf(letter, angle=1.5), "扫描投诉书.pdf")
    print(f"\nscanned PDF: field accuracy {accuracy:.0%}, {per_page:.1f} s/page, wrong: {wrong}")
    assert doc.format == "pdf" and doc.ocr_pages == [1]
    assert accuracy >= 0.85, wrong
    assert "complainant.name" not in wrong and "complainant.phone" not in wrong


def test_phone_photo_of_a_letter_comes_out_with_its_fields(letter: str) -> None:
    accuracy, wrong, per_page, doc = field_accuracy(phone_photo(letter), "手机拍的投诉书.jpg")
    print(f"\nphone photo: field accuracy {accuracy:.0%}, {per_page:.1f} s/page, wrong: {wrong}")
    assert doc.format == "image" and doc.ocr_pages == [1]
    assert accuracy >= 0.85, wrong
    assert "complainant.name" not in wrong and "respondent.name" not in wrong


def test_skew_is_measured_and_undone() -> None:
    import numpy as np

    page = np.asarray(render_pages("劳动保障监察投诉书\n" + "本人自2024年6月起在被投诉单位工作。" * 30)[0])
    tilted = rotate(page, 2.0)
    assert abs(estimate_skew(tilted) + 2.0) <= 0.5


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        ("投诉人：韦国强，男，38岁，钢筋工。", True),
        ("(cid:12)(cid:345)(cid:67)(cid:8)(cid:90)(cid:11)(cid:23)", False),
        ("Í¶ËßÈË£ºÎ¤¹úÇ¿£¬ÄÐ£¬38Ëê", False),  # GBK read as Latin-1: a broken font map
        ("", False),
        ("\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009", False),
        ("第 1 页", False),  # too little to be the page's text
    ],
)
def test_text_layer_decision(text: str, usable: bool) -> None:
    assert text_layer_usable(text) is usable


def test_lines_are_assembled_in_reading_order() -> None:
    boxes = [
        ([[330, 100], [500, 100], [500, 130], [330, 130]], "性别：男", 0.99),
        ([[100, 102], [260, 102], [260, 131], [100, 131]], "投诉人：韦国强", 0.99),
        ([[100, 160], [700, 160], [700, 190], [100, 190]], "住所：融水镇寿星路56号", 0.99),
    ]
    lines = assemble_lines(boxes)
    assert [str(x) for x in lines] == ["投诉人：韦国强  性别：男", "住所：融水镇寿星路56号"]
