"""Word .docx: paragraphs and tables in document order, automatic list numbers, text boxes.

python-docx gives paragraph text without the numbers Word draws for automatic lists (一、 (一) 1.)
and skips text boxes; both matter for Chinese reports, whose structure lives in those numbers.
Table rows become one line each, cells separated by a tab; a merged cell counts once, equal
neighbouring cells (规章 0 0 0) all count.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.oxml.ns import qn
from lxml import etree

from extractors.normalize import normalize_pages, written_form
from schemas.errors import LoadError
from schemas.models import ParsedDocument

_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese_number(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def format_number(n: int, fmt: str) -> str:
    """Render a list counter in one of Word's numFmt styles."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting"):
        return _chinese_number(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """Word's list definitions and the running counters while walking the body."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))

    @classmethod
    def from_document(cls, document: docx.document.Document) -> Numbering:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls()
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in an.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl")))] = _Level(
                    fmt=_val(lvl, "w:numFmt") or "decimal",
                    text=_val(lvl, "w:lvlText") or "",
                    start=int(_val(lvl, "w:start") or 1),
                )
            abstract[an.get(qn("w:abstractNumId"))] = levels
        levels_by_num = {}
        for num in root.findall(qn("w:num")):
            levels_by_num[num.get(qn("w:numId"))] = abstract.get(_val(num, "w:abstractNumId") or "", {})
        return cls(levels=levels_by_num)

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters[num_id]
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def render(m: re.Match[str]) -> str:
            lvl = int(m.group(1)) - 1
            level = levels.get(lvl, _Level())
            return format_number(counters.get(lvl, level.start), level.fmt)

        return re.sub(r"%(\d)", render, levels[ilvl].text)


def _val(el: etree._Element, tag: str) -> str | None:
    child = el.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _paragraph_text(p: etree._Element) -> str:
    """Text of a paragraph's own runs (text boxes excluded: they are read separately)."""
    parts = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:txbxContent")):
        if _inside_textbox(node, p):
            continue
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        elif node.get(qn("w:type")) != "page":
            parts.append("\n")
    return "".join(parts)


def _inside_textbox(node: etree._Element, stop: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == qn("w:txbxContent"):
            return True
        parent = parent.getparent()
    return False


def _has_page_break(p: etree._Element) -> bool:
    return any(br.get(qn("w:type")) == "page" for br in p.iter(qn("w:br"))) or (
        p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
    )


class _Walker:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.pages: list[list[str]] = [[]]

    def paragraph(self, p: etree._Element) -> None:
        if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None and self.pages[-1]:
            self.pages.append([])
        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        prefix = ""
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "w:numId"), _val(num_pr, "w:ilvl")
            if num_id and num_id != "0":
                prefix = self.numbering.label(num_id, int(ilvl or 0))
        text = _paragraph_text(p)
        self.pages[-1].extend((prefix + text).split("\n") if (prefix + text).strip() else [])
        for box in p.iter(qn("w:txbxContent")):
            for inner in box.iter(qn("w:p")):
                line = _paragraph_text(inner)
                if line.strip():
                    self.pages[-1].append(line)
        if any(br.get(qn("w:type")) == "page" for br in p.iter(qn("w:br"))):
            self.pages.append([])

    def table(self, tbl: etree._Element) -> None:
        for tr in tbl.iter(qn("w:tr")):
            cells: list[str] = []
            for tc in tr.findall(qn("w:tc")):
                text = " ".join(
                    t for t in (_paragraph_text(p).strip() for p in tc.iter(qn("w:p"))) if t
                )
                if text or not _continues_merge(tc):  # a vMerge continuation is empty, and counts once
                    cells.append(text)  # (a cell left blank keeps its column: 苏海龙\t\t159…)
            if any(cells):
                self.pages[-1].append("\t".join(cells))

    def body(self, body: etree._Element) -> None:
        for child in body:
            if child.tag == qn("w:p"):
                self.paragraph(child)
            elif child.tag == qn("w:tbl"):
                self.table(child)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.body(content)


def _page_count(data: bytes) -> int | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            app = zf.read("docProps/app.xml")
    except (KeyError, zipfile.BadZipFile):
        return None
    m = re.search(rb"<Pages>(\d+)</Pages>", app)
    return int(m.group(1)) if m else None


MIN_TEXT_CHARS = 20  # a .docx with less text than this but with pictures is a scan pasted into Word
MIN_IMAGE_SIDE = 300  # smaller pictures are logos and seals, not pages


def read_docx(data: bytes, filename: str = "", limits: Any = None) -> ParsedDocument:
    from extractors.readers import DEFAULT_LIMITS

    limits = limits or DEFAULT_LIMITS
    try:
        document = docx.Document(io.BytesIO(data))
        walker = _Walker(Numbering.from_document(document))
        walker.body(document.element.body)
    except Exception as e:  # python-docx raises bare KeyError/ValueError/XMLSyntaxError on damage
        raise LoadError("unreadable", f"文件“{filename}”已损坏，Word 文档无法打开。") from e
    pages = [p for p in walker.pages if p] or [[]]
    text, starts = normalize_pages(pages, paragraphs=True)
    if len(text.strip()) < MIN_TEXT_CHARS and limits.ocr:
        scanned = _ocr_pictures(data, filename, limits)
        if scanned is not None:
            return scanned
    written = written_form(pages, text, paragraphs=True)
    if not text.strip():
        raise LoadError("unreadable", f"文件“{filename}”中没有文字内容。")
    stated = _page_count(data)
    return ParsedDocument(
        text=text, format="docx", pages=max(stated or 0, len(pages)), page_starts=starts, written=written
    )


def _ocr_pictures(data: bytes, filename: str, limits: Any) -> ParsedDocument | None:
    """A Word file that only wraps scanned pages or photos: OCR its pictures, one page each, in order."""
    from extractors.readers.ocr import decode_images, ocr_document, ocr_pixels, too_many_ocr_pages

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            media = sorted(
                (n for n in zf.namelist() if n.startswith("word/media/")),
                key=lambda n: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", n)],
            )
            frames = []
            for name in media:
                if zf.getinfo(name).file_size > limits.max_bytes:
                    continue
                try:
                    frames.extend(f for f in decode_images(zf.read(name)) if min(f.shape[:2]) >= MIN_IMAGE_SIDE)
                except LoadError:
                    continue  # an EMF/WMF drawing or a broken picture: not a page
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    if not frames:
        return None
    if len(frames) > limits.max_ocr_pages:
        raise too_many_ocr_pages(filename, len(frames), limits.max_ocr_pages)
    return ocr_document([ocr_pixels(f) for f in frames], "docx", filename)


def _continues_merge(tc: etree._Element) -> bool:
    """A cell that continues a vertically merged one above it (<w:vMerge/> without val="restart")."""
    pr = tc.find(qn("w:tcPr"))
    merge = pr.find(qn("w:vMerge")) if pr is not None else None
    return merge is not None and merge.get(qn("w:val")) != "restart"
