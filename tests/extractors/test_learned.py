"""The learned models (issue 12): installed, small, evaluated, and loaded once; the rules' hits explain them."""

from __future__ import annotations

import json
import math

import pytest

from extractors import learned
from extractors.classify import classify
from extractors.complaint import extract_complaint
from extractors.learned import spans
from extractors.normalize import normalize_text
from extractors.report import extract_report
from schemas.models import DocType, ParsedDocument

RANKERS = ("slot_occupation", "slot_employer", "slot_respondent", "slot_workplace", "period_start", "period_end",
           "age", "amount", "gender", "collective")
MODEL_FILES = ("doctype.json.gz", "commitment.json.gz", "request.json.gz", "stated.json.gz",
               "stated_sentence.json.gz", spans.MODEL_FILE, *(f"{name}.json.gz" for name in RANKERS))


def _doc(text: str) -> ParsedDocument:
    return ParsedDocument(text=text, format="txt", pages=1)


def test_models_are_installed_small_and_evaluated() -> None:
    total = 0
    for name in MODEL_FILES:
        path = learned.MODELS_DIR / name
        assert path.exists(), f"{name}: run `make models`"
        total += path.stat().st_size
        evaluation = json.loads((learned.MODELS_DIR / f"{name.split('.')[0]}.eval.json").read_text())
        assert evaluation["installed"] and evaluation["dev_new"]["docs"] > 0
    assert total <= 20 * 1024 * 1024


def test_a_model_is_loaded_once_per_process() -> None:
    assert learned.load("doctype") is learned.load("doctype")


def test_the_type_model_explains_itself_with_the_rules_cues() -> None:
    text = "领导你好，我叫王某某，在某某工地干活，老板欠我工钱三个月不给，我屋头等着用钱，求领导帮帮忙。"
    result = classify(text, models=True)
    assert result.doc_type == DocType.complaint
    assert "模型" in result.cues and any(k != "模型" for k in result.cues)


def test_rules_alone_stay_available() -> None:
    text = "某县人社局2025年第三季度政务公开工作情况报告\n一、基本情况\n今年以来，我局主动公开政府信息86条。"
    assert classify(text).cues.get("模型") is None


def test_the_commitment_model_finds_a_vague_promise_the_rules_miss() -> None:
    """No 要/将 marker, yet a plan section's sentence promising to improve disclosure."""
    text = (
        "某县人社局2025年政务公开工作总结\n一、主要做法\n全年主动公开政府信息86条。\n"
        "二、下一步工作打算\n加大对欠薪违法行为的曝光力度，形成有力震慑。"
    )
    rules_alone = extract_report(_doc(text)).commitments
    with_models = extract_report(_doc(text), models=True).commitments
    assert [c.text for c in with_models] == ["加大对欠薪违法行为的曝光力度，形成有力震慑。"]
    assert len(rules_alone) <= len(with_models)
    assert with_models[0].cadence is None


# --------------------------------------------------------------------------- rankers (items told in the story)


def _letter(text: str, models: bool):  # type: ignore[no-untyped-def]
    return extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1), models=models)


WIFE_FOR_HUSBAND = (
    "尊敬的领导：\n你们好！我叫李芳，是赵德明的老婆。我老公现在还躺在医院里，不能写字，我替他写这封信反映情况。\n"
    "我老公赵德明今年43岁，是采煤工，在纳雍县兴隆煤业有限公司的兴隆煤矿上班。2024年3月到8月的工资一直没有发，"
    "共计四万六千八。\n恳请领导帮我们要回工资。\n代写人：李芳，电话15186073315\n2024年10月8日\n"
)


def test_age_and_employer_told_in_the_story() -> None:
    rules = _letter(WIFE_FOR_HUSBAND, models=False)
    ranked = _letter(WIFE_FOR_HUSBAND, models=True)
    # 我老公赵德明今年43岁: the relative's own sentence describes the complainant (extractors/complaint/relative.py)
    assert (rules.complainant.name, rules.complainant.age) == ("赵德明", 43)
    assert ranked.complainant.age == 43
    assert ranked.complainant.employer == "纳雍县兴隆煤业有限公司"
    assert ranked.amount_claimed_yuan == 46800  # 四万六千八: a spoken amount with no unit
    assert ranked.agents[0].phone == "15186073315"


def test_employer_of_a_web_post() -> None:
    post = (
        "各位领导好，我是一名女生，今年暑假在阳朔遇龙山居酒店管理有限公司做前台，老板拖欠我两个月工资3600元，"
        "一直不给。求领导帮帮我。\n"
    )
    # a one-line post is prose from its first line: the rules read it too (before, they skipped it as a title)
    assert _letter(post, models=False).complainant.employer == "阳朔遇龙山居酒店管理有限公司"
    assert _letter(post, models=True).complainant.employer == "阳朔遇龙山居酒店管理有限公司"
    titled = "求助\n" + post.replace("阳朔遇龙山居酒店管理有限公司做前台", "阳朔遇龙山居做前台")
    assert _letter(titled, models=False).complainant.employer is None  # a bare trade name: only the ranker


RIDER_POST = (
    "【网友留言】外卖站点乱扣钱谁来管\n我在官渡区关上街道的速达通外卖配送站跑单，站长说超时一单扣50，"
    "差评一单扣200，三个月被扣了一万二。\n请领导帮我们把乱扣的钱退回来。\n"
)


@pytest.mark.parametrize(("p", "read"), [(0.9, True), (0.4, False), (0.1, None)])
def test_a_likely_candidate_below_the_threshold_marks_the_item_stated(
    monkeypatch: pytest.MonkeyPatch, p: float, read: bool | None
) -> None:
    """A ranker's candidate above the slot's threshold is the value; between PRESENCE and the threshold it
    is evidence that the letter states the item (no value, `unread`: not reported missing); below, nothing."""
    from extractors.learned import slots, stated

    monkeypatch.setattr(stated, "available", lambda: False)  # the slot's own thresholds, not the stated model's
    at = RIDER_POST.index("跑单")
    cand = slots.Candidate(at, at + 2, "跑单")
    monkeypatch.setattr(slots, "rank", lambda text, ev, values, exclude=None: {"occupation": (cand, p)}
                        if p >= slots.PRESENCE["occupation"] else {})
    fields = _letter(RIDER_POST, models=True)
    ev = fields.evidence.get("complainant.occupation")
    if read is True:
        assert fields.complainant.occupation == "跑单" and not ev.unread
    elif read is False:
        assert fields.complainant.occupation is None
        assert ev is not None and ev.unread and RIDER_POST[ev.start : ev.end] == "跑单"
    else:
        assert fields.complainant.occupation is None and ev is None


def test_the_type_model_does_not_read_a_web_pages_chrome() -> None:
    """Breadcrumbs and 来源/发布时间 lines say where a text was posted, not what it is: they are blanked before
    the type model reads its words, and a letter posted on a news portal stays a letter."""
    from extractors.classify import classify_by_rules
    from extractors.complaint.forwarded import mask_chrome
    from extractors.learned.doctype import features_of

    post = normalize_text(
        "您当前的位置：首页 >> 民生热线 >> 内容页\n来源：某某网  发布时间：2024-01-05 10:31\n"
        "尊敬的领导：\n我叫韦某某，在某县某某建筑劳务有限公司的工地做钢筋工，2023年8月到12月的工资一直没发，"
        "共计两万三千元。恳请领导帮我要回工资。\n韦某某\n2024年1月3日\n"
    )
    masked = mask_chrome(post)
    assert "首页" not in masked and "来源" not in masked and len(masked) == len(post)
    features = features_of(post, classify_by_rules(post))
    assert not any("首页" in f or "来源" in f for f in features)
    assert classify(post, models=True).doc_type == DocType.complaint


def test_a_post_without_a_heading_gives_the_type_model_no_title_words() -> None:
    """The first lines of a post that starts straight into its story are no heading: their words are not read as
    a title's (an annual report under a site's search widgets neither)."""
    from extractors.complaint.forwarded import mask_chrome
    from extractors.learned.features import document_features

    story = "渭南市某某建筑公司名下的大厦,至今还未发放农民工的工资,致使工人滞留,不能按时回家过年。\n望政府帮助我们。"
    f = document_features(story, {}, {})
    assert f.get("no_heading") == 1.0 and not any(k.startswith("t:") for k in f)
    titled = document_features("关于某某公司拖欠工资的求助信\n尊敬的领导：\n我们是某某公司的员工。", {}, {})
    assert "t:求助" in titled and "no_heading" not in titled
    page = mask_chrome("选择特殊符号\n选择搜索类型\n请输入搜索\n一、政府信息公开总体工作情况\n")
    assert page.splitlines()[3] == "一、政府信息公开总体工作情况" and not page.splitlines()[0].strip()


@pytest.mark.parametrize("state", ["read", "unread", "missing"])
def test_a_gender_the_model_hears_but_cannot_tell_is_stated_not_missing(
    monkeypatch: pytest.MonkeyPatch, state: str
) -> None:
    """The gender model decides a gender from THRESHOLD; when it is only sure that one is stated (男 + 女 >=
    PRESENCE, gender.stated) the item is marked stated but unread, with the words it weighed; else missing."""
    from extractors.learned import gender

    letter = "我叫某某某，我们几个妹儿在火锅店当服务员，老板欠我们三个月工资。\n请领导帮忙。"
    at = letter.index("妹儿")
    monkeypatch.setattr(gender, "choose", lambda *a: ("女", (at, at + 2), 0.9) if state == "read" else None)
    monkeypatch.setattr(gender, "stated", lambda *a: ((at, at + 2), 0.6) if state == "unread" else None)
    fields = _letter(letter, models=True)
    ev = fields.evidence.get("complainant.gender")
    if state == "read":
        assert fields.complainant.gender == "女" and not ev.unread
    elif state == "unread":
        assert fields.complainant.gender is None and ev.unread and letter[ev.start : ev.end] == "妹儿"
    else:
        assert fields.complainant.gender is None and ev is None


def test_a_hesitant_type_model_defers_to_a_clear_vote_of_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Below DEFER_BELOW the model's type does not overrule the rules' clear vote (a letter in words the corpus
    seldom used); a confident model still does."""
    from extractors.classify import classify, classify_by_rules
    from extractors.learned import doctype

    letter = "某某公司的负责人：\n你们公司拖欠我们农民工工资一年了，恳请领导督促公司支付拖欠的工资。\n此致\n全体农民工"
    assert classify_by_rules(letter).doc_type.value == "complaint"
    model = doctype.load(doctype.MODEL)
    for probs, expected in (({"other": 0.55, "complaint": 0.3, "work_report": 0.1, "notice": 0.05}, "complaint"),
                            ({"other": 0.9, "complaint": 0.05, "work_report": 0.03, "notice": 0.02}, "other")):
        monkeypatch.setattr(type(model), "probabilities", lambda self, feats, p=probs: p)
        assert classify(letter, models=True).doc_type.value == expected


def test_an_item_the_readers_miss_but_the_letter_states_is_not_reported_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The `stated` model: an item no reader filled but which the letter states (a trade told as 在饭店洗碗)
    is recorded as stated but unread, its evidence the word that weighed most; with the model unsure, or for
    an item without such a word, nothing changes, and no value is ever invented."""
    from extractors.learned import stated
    from rules.complaint_engine import missing_item_flags
    from rules.loader import load_rules

    letter = "领导：\n我叫覃某兰，在某某县某某饭店洗碗，老板欠我三个月工钱。\n请领导帮忙。"
    assert _letter(letter, models=False).complainant.occupation is None
    model = learned.LinearModel("stated", "test", ["no", "yes"], [-2.0], {"complainant.occupation|洗碗": [6.0]})
    monkeypatch.setattr(stated.learned, "load", lambda name: model if name == "stated" else None)
    fields = _letter(letter, models=True)
    ev = fields.evidence["complainant.occupation"]
    assert fields.complainant.occupation is None and ev.unread and letter[ev.start : ev.end] == "洗碗"
    missing = {f.rule_id for f in missing_item_flags(fields, load_rules())}
    assert "complaint.missing.complainant.occupation" not in missing
    assert "complaint.missing.complainant.phone" in missing  # the model has no word for it: still missing

    below = math.log((stated.THRESHOLD - 0.05) / (1 - stated.THRESHOLD + 0.05))  # a probability just under it
    weights = {"complainant.occupation|洗碗": [2.0 + below]}
    unsure = learned.LinearModel("stated", "test", ["no", "yes"], [-2.0], weights)
    monkeypatch.setattr(stated.learned, "load", lambda name: unsure if name == "stated" else None)
    assert "complainant.occupation" not in _letter(letter, models=True).evidence


def test_the_sentence_model_marks_an_item_stated_with_its_sentence_as_evidence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sentence-level stated model (stated_sentence): asked of each sentence of a letter for an item no
    reader filled; when one sentence is over SENTENCE_THRESHOLD the item is stated but unread and that whole
    sentence is the evidence the supervisor reads; a sentence just under it changes nothing."""
    from extractors.learned import stated
    from rules.complaint_engine import missing_item_flags
    from rules.loader import load_rules

    told = "我今年五十出头了，腰也不好"
    letter = f"领导：\n我叫覃某兰，在某某县某某饭店洗碗。{told}。老板欠我三个月工钱，一直不给。\n请领导帮忙。"
    assert _letter(letter, models=False).complainant.age is None

    def sentence_model(weight: float) -> learned.LinearModel:
        weights = {"complainant.age|五十出头": [weight]}
        return learned.LinearModel("stated_sentence", "test", ["no", "yes"], [-3.0], weights)

    sure = sentence_model(9.0)
    monkeypatch.setattr(stated.learned, "load", lambda name: sure if name == stated.SENTENCE_MODEL else None)
    fields = _letter(letter, models=True)
    ev = fields.evidence["complainant.age"]
    assert fields.complainant.age is None and ev.unread and letter[ev.start : ev.end] == told
    missing = {f.rule_id for f in missing_item_flags(fields, load_rules())}
    assert "complaint.missing.complainant.age" not in missing
    assert "complaint.missing.complainant.phone" in missing

    t = stated.SENTENCE_THRESHOLD - 0.02
    under = sentence_model(3.0 + math.log(t / (1 - t)))  # the 五十出头 sentence just under the threshold
    monkeypatch.setattr(stated.learned, "load", lambda name: under if name == stated.SENTENCE_MODEL else None)
    fields = _letter(letter, models=True)
    assert "complainant.age" not in fields.evidence
    assert "complaint.missing.complainant.age" in {f.rule_id for f in missing_item_flags(fields, load_rules())}
