"""Whether the matter was already mediated, arbitrated or litigated (投诉书 item 3).

Every clause that mentions 仲裁/诉讼/起诉/法院/调解 is read: a negation before the topic word (未申请仲裁,
没去法院) says "none"; doubt (不清楚, 可能) says "unknown"; otherwise the clause affirms a proceeding
(litigation > arbitration > mediation). A form's `是否…仲裁…：否/是/不清楚` row is read the same way.
Questions of an oral record are skipped, but an answer to a question about arbitration or court is read
with the question (答：没有申请过 -> none); future intentions (将申请仲裁) and an office's advice (告知…可申请仲裁)
are not proceedings.
Result: any affirmed proceeding, else "unknown" if any doubt, else "none"; None when the letter is silent.
"""

from __future__ import annotations

import re

from extractors.complaint.evidence import INLINE, LABELLED, Recorder
from extractors.complaint.labels import QA_LINE, kw, ticked
from extractors.normalize import paragraph_spans

# (a writer who types a space for a comma: 我没去过仲裁 也没告 不知道咋弄)
_CLAUSE = re.compile(r"(?:[^，,。；;！？!?\n ]|(?<![\u4e00-\u9fff]) | (?![\u4e00-\u9fff]))+")
_FORM_ROW = re.compile(  # 是否已申请仲裁 / 是否已通过其他途径反映: 否
    # (the question ends at a colon, a tab, a row of boxes after it, or a single word answer: 是否…仲裁 ☑否 □仲裁)
    r"^\s*是否[^：:\t☑□☐■☒✓√✔▣✅]*?(?:仲裁|诉讼|起诉|其他途径|其他部门|其他渠道|别的部门)[^：:\t☑□☐■☒✓√✔▣✅]*?"
    r"(?:[：:\t]|\s+(?=[☑□☐■☒✓√✔▣✅])|\s(?=\S+$))\s*(?P<v>.*)$",
    re.M,
)
_FUTURE = re.compile(
    r"将|准备|打算|拟|如果|如不|否则|假如|倘若|要是|若(?!干)|(?<![例比])如(?=[^，。]{0,8}(?:应|须|需|要|该))"
)
# what others say the route is (听工友说…要去仲裁委, 听人说要先认定工伤才能去仲裁) and what must or should be
# done (应循仲裁途径, 要先…才能去仲裁, 赔偿金那块要走劳动仲裁) are no proceeding the writer went through
_HEARSAY = re.compile(r"听[^，。；]{0,5}说|据说|有人说|人家说|别人说")
_MUST = re.compile(r"要先|要去|要走|得走|可走|才能|才可以|需要|须|得先|应该|应当|应循|应走|该去|该走|该找|该向")
# an office's advice (告知投诉人可依法申请劳动争议仲裁或向人民法院起诉) is about what may be done, not what was
_ADVICE = re.compile(
    r"可(?:以)?(?:依法)?(?:向|申请|提起|通过)|告知|建议|引导|应当?向|须向|请向|(?:让|叫)(?:我|我们|俺|俺们|她|他)去"
)
_IGNORANT = re.compile(r"不懂|不了解|不明白|不晓得|搞不清|弄不清")  # (不知道 is doubt: kw("uncertain"))
_UNSAID = re.compile(r"未提及|没有?提(?:及|到|起)?|未说明|未讲")  # 来电人未提及是否已向其他部门反映: silence
# asking at an office (到仲裁委窗口咨询过) is no proceeding, nor a cover's routing note (仲裁院阅, 抄送法院)
_ASKED = re.compile(r"咨询|打听|问了?问|问过")
_STARTED = re.compile(r"申请|提起|起诉|立案|裁决|判决|开庭|调解(?:了|过|书|协议)")
_ROUTED = re.compile(r"阅$|阅[示处办]|抄送|批示")
_RANK = {"litigation": 3, "arbitration": 2, "mediation": 1}


# the place of recourse first, its denial after: 别的地方俺也没去过 / 其他部门都没找过
_ELSEWHERE_DENIED = re.compile(
    rf"(?:{kw('elsewhere').pattern})[^，,。；;]{{0,4}}?(?:没有?|未|不曾|从没|从未)[^，,。；;]{{0,2}}?(?:去|找|告(?!诉)|反映|投诉)"
)

# the recourse named first, the writer's denial right after: 劳动仲裁那边我还没去过 / 法院俺也没去告
_TOPIC_DENIED = re.compile(
    r"(?:仲裁|仲裁委|仲裁院|法院|调解)(?:那边|那里|那儿|那块|那头)?(?:我|俺|我们|俺们|咱)?(?:都|也|还|从来|一直){0,2}"
    r"(?:没有?|未|不曾|从没|从未|冇)(?:去|找|申请|告)"
)

# gone nowhere, asked no one: 没去哪里告过 / 没找过别人 / 还没有找过哪个部门 (不知道该找哪里 says nothing)
_NOWHERE = re.compile(
    r"(?:没有?|未|不曾|从没|从未|冇|冒)(?:去|上|到|找)过?(?:哪里|哪儿|哪个部门|哪个单位|哪家|别人|任何人|任何部门|任何单位"
    rf"|{kw('elsewhere').pattern}|劳动部门|劳动局|人社局|人社部门|劳动监察|监察大队|有关部门|相关部门)"
    # 我们哪里都没去过 / 别的地方也没找过: the place first, then the denial
    r"|(?:哪里|哪儿|哪都|哪个部门|别的地方|别的部门|其他地方|其他部门)(?:都|也)?还?(?:没有?|未|不曾|从没|从未|冇|冒)(?:去|上|到|找)过?"
    # 一直没找人，也没告过他: sought no one's help, never sued the boss
    r"|(?:没有?|未|不曾|从没|从未|冇|冒)找过?人(?=$|帮|说|调|评)"
    r"|(?:没有?|未|不曾|从没|从未|冇|冒)(?:去)?告(?!诉)过?(?:他|她|他们|老板|厂里|公司|人家)"
    # 没有找过政府哪个部门 / 俺没找过公家: any office of the state, in a few words
    r"|(?:没有?|未|不曾|从没|从未|冇|冒)(?:去|上|到|找)过[^，,。；;]{0,4}?(?:政府|公家|官方|衙门|部门)"
)


# a form's question and its answer cell: 是否已申请劳动争议仲裁或提起诉讼　□是 ☑否
_FORM_QUESTION = re.compile(r"\s*是否[^\t：:\s]*(?:[\t：:\s]+(?P<a>.*))?$")


_BOX_FIRST = re.compile(r"\s*[□☐■☑☒✓√✔▣✅]")  # a row of options, each after its box (labels.ticked)


def classify(clause: str) -> str | None:
    """'none' | 'unknown' | 'litigation' | 'arbitration' | 'mediation' | None (not about proceedings)."""
    if _BOX_FIRST.match(clause) and (option := ticked(clause)) is not None:
        # a form's boxes (□调解 □仲裁 □诉讼 ☑均未经过): the option ticked answers, none ticked says nothing
        return _form_value(option) if option else None
    denied = _ELSEWHERE_DENIED.search(clause) or _NOWHERE.search(clause) or _TOPIC_DENIED.search(clause)
    if denied and not _FUTURE.search(clause):
        return "none"
    topic = kw("proceeding_topic").search(clause)
    if not topic or _FUTURE.search(clause) or _ADVICE.search(clause):
        return None
    if _HEARSAY.search(clause[: topic.start()]) or _MUST.search(clause[: topic.start()]):
        return None
    if (_ASKED.search(clause) and not _STARTED.search(clause)) or _ROUTED.search(clause):
        return None
    if _IGNORANT.search(clause[: topic.start()]) or _UNSAID.search(clause[: topic.start()]):
        return None  # 我们不懂仲裁那些 / 未提及是否…: the writer knows or says nothing of it, which affirms none
    if asked := _FORM_QUESTION.match(clause):
        # a form's question: its answer decides (是否已申请仲裁或提起诉讼　□是 ☑否); left blank, it says nothing
        # (the 否 of 是否 is no denial)
        answer = (asked.group("a") or "").strip()
        return (classify(answer) or _form_value(answer)) if answer else None
    if kw("uncertain").search(clause):
        return "unknown"
    if kw("negation").search(clause[: topic.start()]):
        return "none"
    if topic.group() == "官司":
        return None  # 打官司要花好多钱: said of lawsuits in general, unless denied (没打过官司)
    for kind in ("litigation", "arbitration", "mediation"):
        if kw(kind).search(clause):
            return kind
    return None


_NEVER_DONE = re.compile(
    r"^\s*(?:到现在|至今|现在)?(?:也|都|从来|还)?(?:没有?|未|从没|从未|不曾)(?:去|[^，,。；;]{0,4}过)"
)


def _denied_after(clause: str, following: list[re.Match[str]]) -> str | None:
    """我也不晓得啥子叫仲裁，没有去搞过 / 不知道仲裁在哪里办，到现在还没去: a writer who does not know the word or
    the way, then denies having done it."""
    topic = kw("proceeding_topic").search(clause)
    if not topic or not following or not _NEVER_DONE.match(following[0].group()):
        return None
    if _IGNORANT.search(clause[: topic.start()]) or kw("uncertain").search(clause):
        return "none"
    return None


def _form_value(value: str) -> str | None:
    value = value.strip(" 。.")
    if (option := ticked(value)) is not None:  # □是 ☑否: the box ticked
        value = option
    if not value or kw("uncertain").search(value):
        return "unknown" if value else None
    if re.match(r"^(?:都|均|也|全都|从来|一直|还)?(?:否|无|没有|未|没|不曾|从未)", value):  # 答：都没有
        return "none"
    # 经某街道人民调解委员会调解；未申请仲裁，未起诉: each clause for itself, an affirmed one first
    kinds = [kind for clause in _CLAUSE.findall(value) if (kind := classify(clause))]
    affirmed = [kind for kind in kinds if kind in _RANK]
    if affirmed:
        return max(affirmed, key=_RANK.__getitem__)
    if kinds:
        return "unknown" if "unknown" in kinds else "none"
    return "unknown" if re.match(r"^(?:是|有|已)", value) else None


def _answer_value(question: str, answer: str) -> str | None:
    """An oral record's answer to a question about arbitration or court (问：有没有申请过仲裁？答：没有。)."""
    if not kw("proceeding_topic").search(question):
        return None
    if kind := classify(answer):
        return kind
    return _form_value(re.split(r"[，,。；;]", answer.strip(), maxsplit=1)[0])


def extract_prior(rec: Recorder, text: str) -> None:
    found: list[tuple[str, int, int, float]] = []
    question, asked = "", 0
    for s, e in paragraph_spans(text):
        q = QA_LINE.match(text, s, e)
        if q and q.group(1) == "问":
            question, asked = text[q.end() : e], s
            continue
        if q and (kind := _answer_value(question, text[q.end() : e])):
            found.append((kind, asked, e, INLINE))  # the evidence: the question and its answer
            continue
        if m := _FORM_ROW.match(text, s, e):
            if kind := _form_value(m.group("v")):
                found.append((kind, s, e, LABELLED))
            continue
        clauses = list(_CLAUSE.finditer(text, q.end() if q else s, e))
        for i, c in enumerate(clauses):
            if kind := _denied_after(c.group(), clauses[i + 1 : i + 2]) or classify(c.group()):
                found.append((kind, c.start(), c.end(), INLINE))
    if not found:
        return
    affirmed = [f for f in found if f[0] in _RANK]
    if affirmed:
        best = max(affirmed, key=lambda f: _RANK[f[0]])
    else:
        best = next((f for f in found if f[0] == "unknown"), found[0])
    rec.set("prior_proceedings", best[0], best[1], best[2], best[3])
