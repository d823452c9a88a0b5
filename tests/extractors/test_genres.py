"""Genres by their fixed forms: an official notice's wording, a report's plan under 改进措施."""

from __future__ import annotations

import pytest

from extractors.classify import classify
from extractors.normalize import normalize_text
from extractors.report import extract_report
from schemas.models import DocType, ParsedDocument

NOTICE_BODY = """近来部分地区因拖欠农民工工资引发的群体性事件时有发生。为切实保障农民工合法权益，
经县政府同意，现就有关事项通知如下：
一、提高认识，落实属地责任。各乡镇要把根治欠薪作为当前一项重要任务，主要负责同志亲自抓。
二、全面排查，建立工作台账。对在建工程项目逐一排查，发现拖欠工资的及时处置。
"""
ISSUING = """各乡镇人民政府、街道办事处，县直各有关部门：
《2026年全县政务公开工作要点》已经县政府同意，现印发给你们，请结合实际认真贯彻执行。
"""


@pytest.mark.parametrize("text", [NOTICE_BODY, ISSUING + "（此件公开发布）\n"])
def test_a_notices_fixed_wording_makes_it_a_notice(text: str) -> None:
    result = classify(normalize_text(text))
    assert result.doc_type == DocType.notice, result.cues


REPORT = """某县招商局2018年政府信息公开工作年度报告
一、概述
2018年，我局认真贯彻落实《政府信息公开条例》，全年主动公开政府信息86条。
五、存在的主要问题及改进情况
（一）存在的问题
一是公开的时效性有待提高。
二是从事信息公开工作的人手不够。
（二）改进措施
一是充实信息公开工作力量，安排专人负责网站专栏更新。
二是加强业务培训，提高工作人员能力。
"""


def test_items_under_a_heading_of_improvement_measures_are_commitments() -> None:
    r = extract_report(ParsedDocument(text=normalize_text(REPORT), format="txt", pages=1))
    texts = [c.text for c in r.commitments]
    assert any("充实信息公开工作力量" in t for t in texts)
    assert any("加强业务培训" in t for t in texts)
    assert not any("有待提高" in t or "人手不够" in t for t in texts)  # the problems are not promises
