"""Normalisation, one rule per row."""

from __future__ import annotations

import pytest

from extractors.normalize import fold_width, normalize_text, strip_page_markers, to_simplified


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("电话：０７７２－５１３５８５６", "电话：0772-5135856"),
        ("ＡＢＣ公司，（一）", "ABC公司，（一）"),  # Chinese punctuation untouched
        ("共１７个方面；", "共17个方面；"),
        # radicals a PDF gave for characters: Kangxi (⼯ ⼀ ⼈ ⽔) and the supplement's whole-character forms
        ("下一步将进⼀步提⾼⼯作⼈员业务⽔平", "下一步将进一步提高工作人员业务水平"),
        ("⻓期拖欠⺠⼯⼯资，⻔卫⻢师傅", "长期拖欠民工工资，门卫马师傅"),
        ("⻌⻖", "⻌⻖"),  # component-only forms stand for no character: kept
        ("拖欠\uf9d1個月", "拖欠六個月"),  # a compatibility ideograph (U+F9D1) to its unified character
    ],
)
def test_fold_width(raw: str, expected: str) -> None:
    assert fold_width(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("勞動保障監察投訴書", "劳动保障监察投诉书"),
        ("拖欠工資壹拾貳萬元", "拖欠工资壹拾贰万元"),
        ("被投诉单位", "被投诉单位"),
    ],
)
def test_to_simplified_keeps_length(raw: str, expected: str) -> None:
    assert to_simplified(raw) == expected and len(to_simplified(raw)) == len(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("政协委员、-2-", "政协委员、"),
        ("限时办-1-", "限时办"),
        ("第二页 — 3 — 继续", "第二页  继续"),
        ("电话0772-513-5856", "电话0772-513-5856"),  # a phone number is not a page number
        ("日期2010-12-15", "日期2010-12-15"),
    ],
)
def test_strip_page_markers(raw: str, expected: str) -> None:
    assert strip_page_markers(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2010年机关行政效能建\n设和政务公开工作总结", "2010年机关行政效能建设和政务公开工作总结"),
        ("余庆县发展和改革局\n2010年工作总结", "余庆县发展和改革局\n2010年工作总结"),
        ("邀请了县人大代表、政协委员、\n作风建设监督员", "邀请了县人大代表、政协委员、作风建设监督员"),
        ("取得了显著成效。\n一、加强组织领导", "取得了显著成效。\n一、加强组织领导"),
        ("具体情况汇报如下:\n1、周密安排部署", "具体情况汇报如下:\n1、周密安排部署"),
        ("正文\n- 3 -\n继续", "正文\n继续"),
        ("第 2 页 共 5 页\n正文", "正文"),
    ],
)
def test_line_joining(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_form_labels_are_never_joined_to_the_line_before() -> None:
    # found on a registration letter: a long address line was glued to the next label
    raw = "地址：融水苗族自治縣融水鎮中山路88號\n法定代表人：黄振华"
    assert normalize_text(raw) == "地址：融水苗族自治县融水镇中山路88号\n法定代表人：黄振华"


def test_a_web_pages_pinyin_annotations_are_dropped() -> None:
    """门户网(wǎng)站 as a page with ruby text copies it: the reading goes, a bracketed number or word stays."""
    text = "做好区(qū)政府门户网(wǎng)站信息发(fā)布，电话(0771)"
    assert normalize_text(text) == "做好区政府门户网站信息发布，电话(0771)"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a web page's ASCII full stop after a character ends the sentence
        ("家住柳江区拉堡镇基隆村.2022年9月我进厂", "家住柳江区拉堡镇基隆村。2022年9月我进厂"),
        ("欠薪3.5万元,合同No.12", "欠薪3.5万元,合同No.12"),  # a decimal point and a Latin abbreviation stay
        ("老板说再等等...", "老板说再等等..."),  # an ellipsis stays
        ("欠条(手写).后来他又说", "欠条(手写)。后来他又说"),  # after a closing bracket too
    ],
)
def test_an_ascii_full_stop_after_a_character(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected
