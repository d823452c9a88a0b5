"""Readers: each seed as .txt, .docx and .pdf gives the same normalised text, pinned by a golden."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.readers import ReadLimits, read_document
from extractors.readers.sniff import sniff_format
from schemas.errors import LoadError
from tests.conftest import FIXTURES, check_golden

SEEDS = sorted((FIXTURES / "seeds" / "src").glob("*.txt"))
FORMATS = ["txt", "docx", "pdf"]


def _path(src: Path, fmt: str) -> Path:
    return src if fmt == "txt" else src.parent.parent / f"{src.stem}.{fmt}"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("src", SEEDS, ids=lambda p: p.stem[:2])
def test_seed_text_matches_golden(src: Path, fmt: str) -> None:
    path = _path(src, fmt)
    doc = read_document(path.read_bytes(), path.name)
    assert doc.format == fmt
    check_golden(
        FIXTURES / "seeds" / "golden" / f"{src.stem}.{fmt}.json",
        {"text": doc.text, "pages": doc.pages, "page_starts": doc.page_starts},
    )


@pytest.mark.parametrize("src", SEEDS, ids=lambda p: p.stem[:2])
def test_every_format_gives_the_same_text(src: Path) -> None:
    texts = {fmt: read_document(_path(src, fmt).read_bytes()).text for fmt in FORMATS}
    assert texts["docx"] == texts["txt"]
    assert texts["pdf"] == texts["txt"]


def test_pdf_pages_map_offsets_to_pages() -> None:
    path = FIXTURES / "seeds" / "01_efficiency_supervision_and_disclosure_essay.pdf"
    doc = read_document(path.read_bytes())
    assert doc.pages > 1 and len(doc.page_starts) == doc.pages
    assert doc.page_at(0) == 1
    assert doc.page_at(len(doc.text) - 1) == doc.pages


def test_page_numbers_inside_sentences_are_removed() -> None:
    # seed 05 carries "-1-" and "-2-" inside its sentences and a title broken over two lines
    path = FIXTURES / "seeds" / "05_yuqing_ndrc_2010_summary_duplicate.pdf"
    text = read_document(path.read_bytes()).text
    assert "-1-" not in text and "-2-" not in text
    assert "限时办结制" in text
    assert "2010年机关行政效能建设和政务公开工作总结" in text
    assert "政协委员、作风建设监督员" in text


def test_wrapped_phone_number_is_joined() -> None:
    doc = read_document("投诉举报电话:0772-\n5135856 邮编:545300".encode())
    assert "0772-5135856" in doc.text


def test_docx_restores_list_numbers_text_boxes_and_tables() -> None:
    path = FIXTURES / "docx_features" / "numbering_textbox_table.docx"
    doc = read_document(path.read_bytes())
    lines = doc.text.splitlines()
    assert "一、基本情况" in lines
    assert "（一）公开内容" in lines and "（二）公开渠道" in lines
    assert "1、每月10日前在政务公开栏公布上月劳动保障监察案件办理情况。" in lines
    assert "2、每季度第一周的星期一为统一公开日。" in lines
    assert "内部资料 注意保存" in lines  # the text box
    assert "主动公开\t36" in lines  # a table row, cells by tab
    assert doc.pages == 2 and doc.page_at(doc.text.index("二〇二六年")) == 2


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("truncated_upload.docx", "unreadable"),
        ("password_protected.pdf", "encrypted"),
        ("scanned_letter.pdf", "unreadable"),  # OCR'd: a blank scan gives no text
        ("old_word_format.doc", "unsupported"),  # no converter given: LibreOffice is named as the fix
        ("phone_photo.jpg", "unreadable"),
        ("empty.pdf", "unreadable"),
    ],
)
def test_broken_files_raise_a_clear_error(name: str, code: str) -> None:
    path = FIXTURES / "broken" / name
    with pytest.raises(LoadError) as info:
        read_document(path.read_bytes(), name)
    assert info.value.code == code
    assert name in info.value.message  # staff must know which file


@pytest.mark.parametrize("name", ["scanned_letter.pdf", "phone_photo.jpg"])
def test_scans_need_ocr_when_ocr_is_off(name: str) -> None:
    with pytest.raises(LoadError) as info:
        read_document((FIXTURES / "broken" / name).read_bytes(), name, limits=ReadLimits(ocr=False))
    assert info.value.code == "needs_ocr"


def test_old_formats_without_libreoffice_name_the_fix() -> None:
    with pytest.raises(LoadError) as info:
        read_document((FIXTURES / "broken" / "old_word_format.doc").read_bytes(), "旧信.doc")
    assert info.value.code == "unsupported" and "LibreOffice" in info.value.message


def test_format_is_sniffed_from_content_not_name() -> None:
    pdf = (FIXTURES / "seeds" / "02_labor_inspection_disclosure_notice.pdf").read_bytes()
    assert sniff_format(pdf) == "pdf"
    doc = read_document(pdf, "misnamed.docx")
    assert doc.format == "pdf"


def test_gbk_text_is_decoded() -> None:
    doc = read_document("投诉人：李明\n被投诉单位：某某建筑公司".encode("gb18030"))
    assert "被投诉单位" in doc.text


def test_equal_neighbouring_table_cells_are_all_kept(tmp_path) -> None:
    # found on a disclosure report's count table: "规章 0 0 0" came out as "规章 0"
    from tests.fixtures.build import build_docx

    path = tmp_path / "counts.docx"
    build_docx(["|信息内容|本年制发件数|本年废止件数|现行有效件数|", "|规章|0|0|0|"], path)
    lines = read_document(path.read_bytes()).text.splitlines()
    assert "规章\t0\t0\t0" in lines


def test_a_blank_table_cell_keeps_its_column(tmp_path) -> None:
    # a letter's contact table with the gender left blank: 苏海龙 | | phone | address, not 苏海龙 | phone | address
    from extractors.complaint import extract_complaint
    from tests.fixtures.build import build_docx

    path = tmp_path / "contact.docx"
    build_docx(
        [
            "投诉信",
            "某县劳动保障监察大队：",
            "本人在某某驾校当教练，驾校拖欠我2026年1月至3月课时费13650元。请求责令驾校支付拖欠的课时费。",
            "本人联系方式见下表：",
            "|姓名|性别|联系电话|住址|",
            "|苏海龙| |15947662093|某县天义镇铁东社区建设街9号|",
            "2026年4月20日",
        ],
        path,
    )
    doc = read_document(path.read_bytes())
    assert "苏海龙\t\t15947662093\t某县天义镇铁东社区建设街9号" in doc.text.splitlines()
    f = extract_complaint(doc)
    assert (f.complainant.name, f.complainant.phone) == ("苏海龙", "15947662093")
    assert f.complainant.address == "某县天义镇铁东社区建设街9号"
    assert f.complainant.gender is None
