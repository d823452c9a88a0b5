"""Chinese text normalisation: one clean text per document, offsets stable from here on.

Every reader hands over a list of pages, each a list of raw lines. `normalize_pages` returns the
document's normalised text and where each page starts in it. What it does, in order:

1. fold full-width digits, Latin letters and the ideographic space (Chinese punctuation stays);
2. convert traditional characters to simplified, character for character, so offsets do not move; an ASCII full
   stop after a character becomes 。 (text copied from a web page);
3. drop running page numbers (`-1-`, `— 2 —`, `第3页 共5页`), also where a PDF put them inside a sentence;
4. join a line to the next where a line wrap split a sentence, a word or a number (`0772-` / `5135856`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import opencc

from extractors import tokenize

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0xFF0E: ord("."), 0xFF0D: ord("-"), 0xFF20: ord("@"), 0xFF0A: ord("*")})
# Radicals for characters: PDFs made by some Chinese office software (and text copied from them) give the Kangxi
# radical (U+2F00–U+2FD5: ⼯ ⼀ ⼈) or a CJK radical-supplement form (⻓ ⻔ ⺠) where the text has the character
# 工 一 人 长 门 民; every word holding one is then unreadable (进⼀步, ⼯资). Each radical folds to its one
# character, so offsets do not move: the Kangxi block by its Unicode compatibility mapping, the supplement's
# forms that stand for a whole character by the list below (its component-only forms, ⻌ ⻖, stay).
_FULLWIDTH.update({cp: ord(unicodedata.normalize("NFKC", chr(cp))) for cp in range(0x2F00, 0x2FD6)})
# the same for the compatibility ideographs some fonts' PDFs give (六 as U+F9D1): each to its one unified character
_FULLWIDTH.update({
    cp: ord(folded) for cp in range(0xF900, 0xFADA)
    if (folded := unicodedata.normalize("NFKC", chr(cp))) != chr(cp) and len(folded) == 1
})
_RADICALS = "⺠⺟⻄⻅⻆⻉⻋⻓⻔⻗⻘⻙⻚⻛⻜⻝⻢⻤⻥⻨⻩⻬⻮⻰⻳"
_CHARACTERS = "民母西见角贝车长门雨青韦页风飞食马鬼鱼麦黄齐齿龙龟"
_FULLWIDTH.update({ord(radical): ord(char) for radical, char in zip(_RADICALS, _CHARACTERS, strict=True)})

_DASH = r"\-‐‑‒–—―－"
# A page number between dashes; not touching digits, so phone numbers and ISO dates survive.
PAGE_MARKER = re.compile(rf"(?<![\d{_DASH}])[{_DASH}]\s?\d{{1,3}}\s?[{_DASH}](?![\d{_DASH}])")
PAGE_LINE = re.compile(
    r"^\s*(?:第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}|\d{1,3}"
    r"|[" + _DASH + r"]\s*\d{1,3}\s*[" + _DASH + r"])\s*$"
)
# Sentence-final punctuation: a line ending in one of these is a real line end.
_TERMINAL = "。！？!?；;」』”\"）)】:："
# Punctuation that never ends a paragraph: the sentence goes on on the next line.
_CONTINUING = "、，,（(《“「『-"
# A line that starts like a heading or list item begins a new paragraph.
LIST_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[、.．)）](?!\d)"
    r"|[⑴-⒇①-⑳]|第[一二三四五六七八九十百\d]+[条章节部分篇]|[一二三四五六]是|附[件:：]|[(（]\d{4}年)"
)

# A form's label at the start of a line: 姓名：… 联系电话：…
LABEL_START = re.compile(r"^[\u4e00-\u9fff（）()]{2,10}[:：]")

# Values of single Chinese digits as years and numbers are written (二〇二六, 二零二六, 二○二六).
CHINESE_DIGITS = {
    "〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "0": 0,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip

# a pinyin annotation after a character, as web pages copy their ruby text: 网(wǎng), 区(qū) (a tone mark needed)
_TONED = "āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ"
_RUBY = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")

# an ASCII full stop after a Chinese character (or a closing bracket or quote after one) ends a sentence, as 。 does:
# …正常发.今年1月… (not 3.5万, 2025.3.1 or an ellipsis's dots)
_FULL_STOP = re.compile(r"(?<=[\u4e00-\u9fff）)”])\.(?!\.)")

_MIN_WRAP_FRACTION = 0.85
_MIN_WRAP_WIDTH = 24


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold_width(text: str) -> str:
    """Full-width digits and letters to ASCII, radicals to their characters; Chinese punctuation untouched."""
    return text.translate(_FULLWIDTH)


def to_simplified(text: str) -> str:
    """Traditional to simplified without changing the length (offsets must not move)."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c := _t2s().convert(ch)) == 1 else ch for ch in text)


def strip_page_markers(line: str) -> str:
    return PAGE_MARKER.sub("", line)


def is_page_line(line: str) -> bool:
    return bool(PAGE_LINE.match(line))


def _should_join(line: Line, nxt: Line, wrap_width: int) -> bool:
    """Is `line` followed by `nxt` one sentence broken by a line wrap?"""
    full = line.full if isinstance(line, Line) else None
    next_indented = nxt.indented if isinstance(nxt, Line) else None
    line, nxt = str(line).rstrip(), str(nxt).lstrip()
    if not line or not nxt or next_indented:
        return False
    if table_row(line) and table_row(nxt):
        return False  # two rows of a table typed with spaces (序号 姓名 身份证号 …), not a wrapped sentence
    if _DATE_ONLY.fullmatch(nxt):
        return False  # a letter's date on a line of its own
    if full and next_indented is False:
        return True  # the layout says so: a line to the margin, then no paragraph indent
    if LIST_START.match(nxt) or line[-1] in _TERMINAL:
        return False
    last = line[-1]
    if last in _CONTINUING:
        return True
    if full:
        return True
    if LABEL_START.match(nxt):
        return False  # "法定代表人：…" starts a new item of a form, however long the line before
    if full is None and wrap_width and len(line) >= wrap_width * _MIN_WRAP_FRACTION:
        return True
    return tokenize.spans_word(line, nxt)


_DATE_ONLY = re.compile(r"\s*(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[.\-/]\d{1,2}[.\-/]\d{1,2})\s*")
_SENTENCE_MARK = re.compile(r"[，。；！？;!?]|,(?!\d)")


def table_row(line: str) -> bool:
    """A row of a table typed with spaces: three or more short cells and no sentence punctuation."""
    cells = line.split()
    return len(cells) >= 3 and all(len(c) <= 24 for c in cells) and not _SENTENCE_MARK.search(line)


def _wrap_width(lines: Sequence[str]) -> int:
    """The width at which this page's lines wrap: 0 when lines are paragraphs (no wrapping)."""
    lengths = sorted(len(x.strip()) for x in lines if x.strip())
    if len(lengths) < 4:
        return 0
    width = lengths[int(len(lengths) * 0.75)]
    near = sum(1 for n in lengths if width * 0.95 <= n <= width * 1.05)
    return width if near >= max(3, len(lengths) // 4) and width >= _MIN_WRAP_WIDTH else 0


class Line(str):
    """A line of text; `full` tells whether it reached the right margin (None: unknown)."""

    full: bool | None = None
    indented: bool | None = None

    def __new__(cls, text: str, full: bool | None = None, indented: bool | None = None) -> Line:
        obj = super().__new__(cls, text)
        obj.full, obj.indented = full, indented
        return obj


def clean_lines(lines: Sequence[str], simplify: bool = True) -> list[Line]:
    """Fold, simplify and drop page numbers; empty lines go. A `Line`'s `full` mark is kept."""
    cleaned = []
    for raw in lines:
        folded = fold_width(raw)
        line = strip_page_markers(to_simplified(folded) if simplify else folded).strip()
        line = _RUBY.sub("", line)  # 门户网(wǎng)站: a web page's pinyin annotations
        line = _FULL_STOP.sub("。", line)  # 家住某村.2022年我进了…: a web page's ASCII full stop after a character
        if line and not is_page_line(line):
            full, indented = (raw.full, raw.indented) if isinstance(raw, Line) else (None, None)
            # a table row's tabs each stand for a cell, a blank one included (苏海龙\t\t159…); elsewhere a run of
            # blanks is one space
            line = re.sub(r" *\t *", "\t", line) if "\t" in line else line
            cleaned.append(Line(re.sub(r" {2,}", " ", line), full, indented))
    return cleaned


def join_lines(cleaned: Sequence[Line], width: int) -> list[str]:
    """Join wrapped lines into paragraphs; `width` is where lines wrap (0: they do not)."""
    paragraphs: list[str] = []
    previous = Line("")
    for line in cleaned:
        if paragraphs and _should_join(previous, line, width):
            paragraphs[-1] += line
        else:
            paragraphs.append(str(line))
        previous = line
    return paragraphs


_HEAD_MAX = 40  # a running header is a short line: the title or the body's name
_RUN_ON_MIN = 20  # a line this long ending without a stop at the foot of a page is a sentence cut off there


def _without_running_heads(pages: list[list[Line]]) -> list[list[Line]]:
    """A page's first line that repeats at the head of other pages (某镇人民政府2024年政务公开工作总结 over every
    page, the first page's title among its first lines) is a running header: dropped from every page but the
    first, so a sentence that runs over the page break is joined to its own end, not to the header."""
    heads = [lines[0] for lines in pages[1:] if lines]
    top = [str(x) for x in pages[0][:4]] if pages else []
    titles = {*top, *(a + b for a, b in itertools.pairwise(top))}  # (the first page's title, perhaps on two lines)
    running = {
        h for h in heads
        if len(h) <= _HEAD_MAX and h[-1:] not in "。；;：:，," and heads.count(h) + (h in titles) >= 2
    }
    if not running:
        return pages
    return [pages[0], *[lines[1:] if lines and lines[0] in running else lines for lines in pages[1:]]]


def _runs_on(last_line: str, last_paragraph: str, nxt: str) -> bool:
    """Does the sentence at the foot of a page go on at the head of the next, however the next page's first line
    stands? Yes when it broke off at a comma, or when a long paragraph stops without a full stop (…调整情况，对 /
    涉及群众出行的…); not into a list item or a date, nor between table rows or a form's lines (委托代理人：某某，
    电话…)."""
    last, nxt = str(last_line).rstrip(), str(nxt)
    tail = last[-1:]
    if not tail or LIST_START.match(nxt) or _DATE_ONLY.fullmatch(nxt.strip()):
        return False
    if tail in "，,、":
        return True
    rows = "\t" in last + nxt or " " in last.strip() or table_row(last) or table_row(nxt)
    form = LABEL_START.match(nxt) or tail.isdigit()
    return len(last_paragraph) >= _RUN_ON_MIN and tail not in _TERMINAL and not rows and not form


def normalize_pages(
    pages: Sequence[Sequence[str]], paragraphs: bool = False, simplify: bool = True
) -> tuple[str, list[int]]:
    """Normalise a document given as pages of raw lines. Returns (text, page start offsets).

    `paragraphs`: the lines are real paragraphs (Word), so line length says nothing about wrapping.
    A sentence that runs over a page break is joined too; its offset counts as the earlier page.
    """
    cleaned_pages = _without_running_heads([clean_lines(lines, simplify) for lines in pages])
    width = 0 if paragraphs else _wrap_width([line for lines in cleaned_pages for line in lines])
    text, last_line, last_paragraph = "", Line(""), ""
    starts: list[int] = []
    for lines in cleaned_pages:
        paragraphs = join_lines(lines, width)
        starts.append(len(text) + (1 if text else 0) if paragraphs else len(text))
        if not paragraphs:
            continue
        joined = _runs_on(last_line, last_paragraph, lines[0]) or _should_join(last_line, lines[0], width)
        if text and joined:
            starts[-1] = len(text)
            text += paragraphs[0]
            paragraphs = paragraphs[1:]
        last_line = lines[-1]
        last_paragraph = paragraphs[-1] if paragraphs else last_paragraph + (lines[-1] if lines else "")
        if paragraphs:
            text += ("\n" if text else "") + "\n".join(paragraphs)
    return text, starts or [0]


def written_form(pages: Sequence[Sequence[str]], text: str, paragraphs: bool = False) -> str | None:
    """The normalised text with the characters as written (traditional ones kept), offset for offset the
    same as `text`; None when the document has no traditional characters (or the two do not align)."""
    raw = "".join(line for lines in pages for line in lines)
    if to_simplified(raw) == raw:
        return None
    written, _ = normalize_pages(pages, paragraphs, simplify=False)
    return written if len(written) == len(text) and written != text else None


def normalize_text(raw: str) -> str:
    """Normalise a plain text (one page). Handy for tests and pure callers."""
    return normalize_pages([raw.splitlines()])[0]


SENTENCE_ENDS = "。！？!?\n"


def sentence_end(text: str, at: int, ends: str = SENTENCE_ENDS) -> int:
    """Where the sentence holding offset `at` ends (the offset of its closing mark, or the text's end)."""
    return min((i for i in (text.find(ch, at) for ch in ends) if i >= 0), default=len(text))


def sentence_start(text: str, at: int, ends: str = SENTENCE_ENDS) -> int:
    """Where the sentence holding offset `at` starts (just after the mark that closes the one before)."""
    return max(text.rfind(ch, 0, at) for ch in ends) + 1


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph (line) of a normalised text."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans
