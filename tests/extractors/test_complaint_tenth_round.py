"""Items stated in ways the tenth round's development letters showed the rules missing (issue 12); texts
invented for the test, in the registers the corpus showed (group letters that entrust three agents in a
sentence and list their phones after it, an agents' block continued on the lines below)."""

from __future__ import annotations

from extractors.complaint import extract_complaint
from extractors.normalize import normalize_text
from schemas.models import ParsedDocument


def _fields(text: str):  # type: ignore[no-untyped-def]
    return extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1))


_GROUP = (
    "联名投诉书\n某县劳动保障监察大队：\n我们是某某食品有限公司包装车间的9名工人，公司拖欠我们2025年6月至8月工资共计135000元。"
    "我们推举甘小红、阮志诚为代表。{agents}\n请求：责令公司支付拖欠的工资。\n代表：甘小红　阮志诚\n2025年9月20日\n"
)


def test_agents_entrusted_as_a_list_with_their_phones_told_after_it() -> None:
    f = _fields(_GROUP.format(agents=(
        "另外，我们委托蓝海波（工友家属）、石俊（某某法律服务所）、欧阳春梅三人为委托代理人，帮我们办理投诉，"
        "电话分别是13907731234、0771-5512345、18977012345。"
    )))
    assert [(a.name, a.phone) for a in f.agents] == [
        ("蓝海波", "13907731234"), ("石俊", "0771-5512345"), ("欧阳春梅", "18977012345")]


def test_agents_entrusted_then_each_phone_after_the_name() -> None:
    f = _fields(_GROUP.format(agents=(
        "并委托蓝海波、石俊、韦和平三人为我们的委托代理人，代表我们反映情况。三位代理人的电话：蓝海波13907731234，"
        "石俊18977012345，韦和平13768801234。"
    )))
    # 韦和平 keeps its 和: a name is not split at a conjunction
    assert [(a.name, a.phone) for a in f.agents] == [
        ("蓝海波", "13907731234"), ("石俊", "18977012345"), ("韦和平", "13768801234")]


def test_an_agents_block_continued_on_the_lines_below() -> None:
    f = _fields(_GROUP.format(agents="") + (
        "委托代理人：蓝海波（某某法律服务所）电话：0771-5512345\n"
        "　　　　　　石　俊　电话：18977012345\n"
        "　　　　　　韦和平　电话：13768801234\n"
    ))
    assert [a.name for a in f.agents] == ["蓝海波", "石俊", "韦和平"]
    assert f.agents[1].phone == "18977012345"


def test_a_sentence_that_names_no_one_gives_no_agent() -> None:
    f = _fields(_GROUP.format(agents="我们委托以下人员为委托代理人，具体见授权委托书。"))
    assert f.agents == []
