"""Printed message logs (微信/公众号/网上留言 chat records) as complaint letters.

A log is three or more message lines `【2025-11-02 20:41】阿芳：文字` (or `[…]`), or header lines
`阿芳 2025-11-02 20:41` / `阿芳 20:41` each followed by the message text. The writer is the sender of most
messages (never a sender named as staff: 客服, 工作人员, 监察大队…).

`mask_chat(text)` returns the text with the same length and offsets, in which every message prefix
(time and sender) and every message that is not the writer's is blanked with spaces, so the letter
readers see only what the writer wrote, one message a paragraph. The writer's messages are also
returned with their dates, for the letter date (the day of the message that tells the facts).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from extractors.complaint.labels import kw

_STAMP = r"(?:(?P<date>(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s*)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)"
_BRACKET_LINE = re.compile(rf"\s*[【\[]\s*{_STAMP}\s*[】\]]\s*(?P<nick>[^：:\n]{{1,20}}?)\s*[：:]")
_HEADER_LINE = re.compile(rf"\s*(?P<nick>[^\s：:\d【\[][^\s：:]{{0,19}})\s+{_STAMP}\s*$")
_STAFF = re.compile(r"客服|工作人员|管理员|小编|值班|监察|大队|人社|劳动|热线|政府|官方|回复")
_DATE_PARTS = re.compile(r"(\d{4})\D(\d{1,2})\D(\d{1,2})")
MIN_MESSAGES = 3
# A whole letter before the log (one that tells a violation): the log is its attachment, not the letter.
MIN_LETTER = 150
# A line that closes a printed log: a rule line, a page break, the salutation or title of the letter after it.
_ENDS_LOG = re.compile(
    r"\s*(?:[—\-=_]{2,}|以上|尊敬的|敬爱的|[\u4e00-\u9fff]{0,12}(?:领导|大队|局|同志)[:：]\s*$|投诉书|投诉信|举报信|求助信)"
)


@dataclass
class Message:
    nick: str
    day: date | None
    start: int  # the text's start (after the prefix)
    end: int
    prefix_start: int


def _day(raw: str | None) -> date | None:
    m = _DATE_PARTS.match(raw or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _messages(text: str) -> list[Message]:
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    out: list[Message] = []
    current: Message | None = None
    for s, e in lines:
        if m := _BRACKET_LINE.match(text, s, e):
            current = None
            out.append(Message(m.group("nick").strip(), _day(m.group("date")), m.end(), e, s))
        elif m := _HEADER_LINE.match(text, s, e):
            current = Message(m.group("nick"), _day(m.group("date")), e, e, s)
            out.append(current)
        elif current is not None and _ENDS_LOG.match(text, s, e):
            current = None  # —— 以上聊天记录… / 尊敬的领导：: the log is over, the letter follows
        elif current is not None and text[s:e].strip():
            if current.start == current.end:  # the first line of a header's message
                current.start = s
            current.end = e
    return [m for m in out if m.start < m.end]


def _writer(messages: list[Message]) -> str | None:
    if any(m.nick in ("我", "本人") for m in messages):
        return next(m.nick for m in messages if m.nick in ("我", "本人"))  # the phone's owner prints as 我
    counts = Counter(m.nick for m in messages if not _STAFF.search(m.nick))
    return counts.most_common(1)[0][0] if counts else None


def mask_chat(text: str) -> tuple[str, list[Message]] | None:
    """(masked text, the writer's messages) of a message log; None when `text` is not one."""
    messages = _messages(text)
    if len(messages) < MIN_MESSAGES or not (writer := _writer(messages)):
        return None
    first = min(m.prefix_start for m in messages)
    if len(re.sub(r"\s", "", text[:first])) >= MIN_LETTER and kw("violation").search(text, 0, first):
        return None  # a letter with its chat record attached (附：微信聊天记录): the letter is the letter
    chars = list(text)

    def blank(s: int, e: int) -> None:
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "

    blank(0, first)  # the printout's own heading lines (打印人, 留言渠道…) are not the writer's
    for m in messages:
        blank(m.prefix_start, m.start if m.nick == writer else m.end)
    return "".join(chars), [m for m in messages if m.nick == writer]
