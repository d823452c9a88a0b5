"""Letters forwarded by another office: a cover note (信访事项转送函, 转办函, 市长信箱 交办单) on top, then
the original letter.

The cover note is the forwarding office's: its body, reference number, date and signature are none of
the complaint's facts, parties or requests. `mask_cover(text)` blanks it (same length and offsets, line
breaks kept) so the field readers see only the original letter; the document dates (the receiving
office's 收件日期 stamp under the note) are still read from the whole text.
"""

from __future__ import annotations

import re

from extractors.complaint.labels import DATE_LINE, kw
from extractors.normalize import paragraph_spans

# the cover note starts within the first lines and ends with its date and the stamps under it
_HEAD_LINES = 10
# a stamp or filing line under the note (收件日期：…, 某局（章）, 附件：某某来信)
_STAMP = re.compile(r"收件|收文|收到|登记|[（(]章[)）]|盖章|^附件|^联系人|^经办人|^抄送|^联系电话")
_MIN_LETTER_LINES = 3


def cover_end(text: str) -> int | None:
    """Offset where the original letter begins, when the text opens with a forwarding office's note."""
    spans = paragraph_spans(text)
    cue = next((i for i, (s, e) in enumerate(spans[:_HEAD_LINES]) if kw("cover_note").search(text, s, e)), None)
    if cue is None:
        return None
    dated = next((j for j in range(cue, len(spans)) if DATE_LINE.match(text[spans[j][0] : spans[j][1]])), None)
    if dated is None:
        return None
    last = dated
    while last + 1 < len(spans) and _closes_note(text, *spans[last + 1]):
        last += 1
    if len(spans) - (last + 1) < _MIN_LETTER_LINES:
        return None  # nothing, or too little, after the note: it is the whole document
    return spans[last][1]


# the receiving office's name on its receipt stamp (于都县人力资源和社会保障局 / 收文 2025年9月12日)
_OFFICE = re.compile(r"^[\u4e00-\u9fff]{2,30}(?:局|委员会|办公室|政府|大队|支队|中心|院|所|站)$")


def _closes_note(text: str, s: int, e: int) -> bool:
    line = text[s:e].strip().strip("（()）")
    return bool(DATE_LINE.match(line) or (len(line) <= 40 and (_STAMP.search(line) or _OFFICE.match(line))))


# A web page's chrome around a letter posted online: 发布时间 / 来源 / 阅读 / 评论 lines, a post's
# "2025-1-20 20:51 来自 HUAWEI Mate 60", 分享到, 上一篇: none of it is the letter.
_CHROME = re.compile(
    r"^\s*(?:(?:发布时间|发表时间|发帖时间|来源|作者|阅读|浏览|评论|点赞|转发|责任编辑|分享到|上一篇|下一篇|返回顶部|打印本页|关闭窗口"
    r"|您当前的位置|当前位置|您的位置|您现在的位置)[:：\s]|首页\s*>"
    # a menu of links (首页 | 我要留言 | …: words spaced around the bars, no figure, unlike a table's row
    # typed with pipes); a rule
    r"|[^|\s\d][^|\n\d]{0,30}(?:[ \t\u3000]\|[ \t\u3000][^|\n\d]{1,12}){3,}\s*$|[━─—=＝_*·]{6,}\s*$"
    r"|(?:\[[^\]\n]{1,10}\]\s*){2,}|.*ICP备|.*公网安备"  # a menu of [打印] [关闭] links; a site's footer
    r"|(?:选择特殊符号|选择搜索类型|请输入搜索|请输入关键字|网站地图|无障碍浏览|繁体版|简体版)\s*$|您需要\s*登录|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:来自.*)?$)",
    re.M,
)


def mask_chrome(text: str) -> str:
    """The text with a web page's chrome lines blanked (offsets kept)."""
    out = text
    for s, e in paragraph_spans(text):
        if len(text[s:e]) <= 80 and _CHROME.match(text, s, e):
            out = out[:s] + re.sub(r"[^\n]", " ", out[s:e]) + out[e:]
    return out


# the line of a cover note that gives the writer's name and phone (its only words about the complainant)
_PETITIONER = re.compile(r"^[ \t　]*(?:信访人|来信人|反映人|投诉人)[:：][^\n]*", re.M)
_RECEIVED_FROM = re.compile(r"(?<=收到)[\u4e00-\u9fff·]{2,5}[（(][^）)\n]{4,80}[)）]")


# an address in a cover note that names no more than a county and a town (住址：衡南县茶市镇)
_TOWN_ONLY_ADDRESS = re.compile(
    r"(?:住址|地址|住所)[:：]\s*(?P<v>(?:[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|旗))*[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))(?=\s|$)"
)


def mask_cover(text: str) -> str | None:
    """The text with the cover note blanked (offsets kept), or None when there is no cover note."""
    end = cover_end(text)
    if end is None:
        return None
    masked = re.sub(r"[^\n]", " ", text[:end])
    for m in [*_PETITIONER.finditer(text, 0, end), *_RECEIVED_FROM.finditer(text, 0, end)]:
        # 信访人：某某 联系电话：… / 收到某某（男，住…，联系电话…）来信: the note names and describes the writer
        kept = m.group()
        for place in _TOWN_ONLY_ADDRESS.finditer(kept):  # 住址：某县某镇: the note's summary; the letter says where
            kept = kept[: place.start("v")] + " " * len(place.group("v")) + kept[place.end("v") :]
        masked = masked[: m.start()] + kept + masked[m.end() :]
    return masked + text[end:]


# The office's reply under a letter posted online (留言板 / 县长信箱): its heading (【回复内容】, 答复单位：…,
# |办理结果|) or its greeting (网友您好！您反映的问题已收悉), and all after it. The reply tells what the
# office did, with its own phone and address: none of it is the letter's.
_REPLY_HEAD = re.compile(
    r"^[\s|]*[【\[]?\s*(?:办理结果|办理回复|办理情况|处理结果|答复内容|回复内容|部门回复|官方回复|单位回复|回复单位|答复单位"
    r"|回复机构|答复机构|回复部门|答复部门)\s*(?:[】\]|:：]|$)"
)
_REPLY_GREETING = re.compile(
    r"^\s*(?:[\u4e00-\u9fff*＊]{1,8}(?:同志|先生|女士|网友|市民|群众)|网友|留言人|来信人)?[:：，,]?\s*您好[！!，,。]"
    r"[^\n]{0,12}?(?:您|你)(?:反映|的留言|的来信|所反映|提出)"
)
_MIN_LETTER_CHARS = 100


def reply_start(text: str) -> int | None:
    """Where the office's reply under a posted letter begins, or None."""
    letter_chars = 0  # the letter's characters before the paragraph, spaces not counted
    for s, e in paragraph_spans(text):
        line = text[s:e]
        if letter_chars >= _MIN_LETTER_CHARS and (
            (len(line) <= 80 and _REPLY_HEAD.match(line)) or _REPLY_GREETING.match(line)
        ):
            return s
        letter_chars += len(line) - sum(ch.isspace() for ch in line)
    return None


def mask_reply(text: str) -> str:
    """The text with the office's reply under a posted letter blanked (offsets kept)."""
    start = reply_start(text)
    if start is None:
        return text
    return text[:start] + re.sub(r"[^\n]", " ", text[start:])
