"""A bad-input corpus, generated at test time: every kind of file a real inbox receives that is not a
clean .docx/.pdf — links, FIFOs, devices, folders, names in GBK or broken bytes, empty, truncated,
encrypted, archives, executables, scans and photos, old word-processing formats — each with what must
happen to it.

`build_corpus(inbox, outside, soffice)` writes the entries and returns {decoded name: Expect}. Files
outside the inbox that links point at hold OUTSIDE_MARKER: it must never show up in anything stored.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import FIXTURES
from tests.fixtures.build import build_docx, build_pdf
from tests.scans import docx_with_scan, image_file, phone_photo, scanned_pdf

OUTSIDE_MARKER = "外部机密文件请勿读取"
LETTER = (FIXTURES / "complaints" / "src" / "01_formal_labelled.txt").read_text(encoding="utf-8")
NOTE = "劳动保障监察投诉书\n投诉人：韦国强\n被投诉单位：融水县鸿达建筑工程有限公司\n请求事项：支付拖欠工资18600元。\n"
NOTICE = (FIXTURES / "seeds" / "02_labor_inspection_disclosure_notice.docx")


@dataclass(frozen=True)
class Expect:
    outcome: str  # processed | quarantined | duplicate
    code: str | None = None  # the error code of a quarantined file
    doc_type: str | None = None


def _letter_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _rtf(text: str) -> bytes:
    """An RTF letter as Word/WPS write it: GBK code page, Chinese as \\uN escapes."""
    body = "".join(f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" if ord(c) > 127 else c
                   for c in text.replace("\n", "\\par\n"))
    return ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0\\fs24 "
            + body + "}").encode("ascii")


def _odt(text: str) -> bytes:
    """A minimal OpenDocument text file (what LibreOffice and WPS write as .odt)."""
    paragraphs = "".join(f"<text:p>{line}</text:p>" for line in text.splitlines())
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{paragraphs}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def legacy_doc(text: str, soffice: str) -> bytes:
    """A Word 97-2003 .doc of the letter, written by LibreOffice from a .docx."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "letter.docx"
        build_docx(_letter_lines(text), source)
        profile = Path(tmp) / "profile"
        subprocess.run(
            [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
             "--convert-to", "doc:MS Word 97", "--outdir", tmp, str(source)],
            check=True, capture_output=True, timeout=180,
        )
        return (Path(tmp) / "letter.doc").read_bytes()


def build_corpus(inbox: Path, outside: Path, soffice: str | None) -> dict[str, Expect]:
    inbox.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    secret = outside / "secret.docx"
    build_docx([OUTSIDE_MARKER, "投诉人：不应出现"], secret)
    secret_txt = outside / "secret.txt"
    secret_txt.write_text(OUTSIDE_MARKER + "\n", encoding="utf-8")
    expect: dict[str, Expect] = {}

    def put(name: str | bytes, data: bytes, outcome: Expect) -> None:
        raw = name if isinstance(name, bytes) else name.encode("utf-8")
        Path(os.fsdecode(os.fsencode(inbox) + b"/" + raw)).write_bytes(data)
        expect[_decoded(raw)] = outcome

    # --- never outside the inbox
    os.symlink(secret, inbox / "evil_link.docx")
    expect["evil_link.docx"] = Expect("quarantined", "unsafe_link")
    os.symlink("/etc/passwd", inbox / "passwd.txt")
    expect["passwd.txt"] = Expect("quarantined", "unsafe_link")
    os.symlink(outside / "does_not_exist.pdf", inbox / "dangling_link.pdf")
    expect["dangling_link.pdf"] = Expect("quarantined", "unsafe_link")
    os.symlink(outside, inbox / "linked_folder")
    expect["linked_folder"] = Expect("quarantined", "unsafe_link")
    os.link(secret_txt, inbox / "hard_link.txt")
    expect["hard_link.txt"] = Expect("quarantined", "unsafe_link")
    os.mkfifo(inbox / "pipe.docx")
    expect["pipe.docx"] = Expect("quarantined", "not_a_file")
    try:
        os.mknod(inbox / "device.pdf", 0o600 | 0o020000, os.makedev(1, 3))  # a character device (/dev/null)
        expect["device.pdf"] = Expect("quarantined", "not_a_file")
    except (PermissionError, OSError):
        pass  # a container without CAP_MKNOD: the FIFO stands for the other special files
    (inbox / "子文件夹").mkdir()
    (inbox / "子文件夹" / "里面的信.txt").write_text(NOTE, encoding="utf-8")
    expect["子文件夹"] = Expect("quarantined", "not_a_file")

    # --- names in any encoding
    put("投诉信_GBK名.txt".encode("gbk"), NOTE.replace("韦国强", "覃小红").encode("gb18030"),
        Expect("processed", doc_type="complaint"))
    put(b"\xff\xfe_broken_name.txt", NOTE.replace("韦国强", "黄丽").encode("utf-8"), Expect("processed"))
    put("换行\n名字.txt", NOTE.replace("韦国强", "莫志刚").encode("utf-8"), Expect("processed"))
    put("很长的名字" * 16 + ".txt", NOTE.replace("韦国强", "吴桂兰").encode("utf-8"), Expect("processed"))
    put("-rf --no-preserve-root.txt", NOTE.replace("韦国强", "梁永福").encode("utf-8"), Expect("processed"))

    # --- empty and damaged
    put("空文件.docx", b"", Expect("quarantined", "unreadable"))
    put("空文件.pdf", b"", Expect("quarantined", "unreadable"))
    put("只有空格.txt", b"   \r\n\t\n", Expect("quarantined", "unreadable"))
    put("截断.docx", NOTICE.read_bytes()[:3000], Expect("quarantined", "unreadable"))
    good_pdf = (FIXTURES / "seeds" / "02_labor_inspection_disclosure_notice.pdf").read_bytes()
    put("截断.pdf", good_pdf[: len(good_pdf) // 3], Expect("quarantined", "unreadable"))
    put("加密.pdf", (FIXTURES / "broken" / "password_protected.pdf").read_bytes(), Expect("quarantined", "encrypted"))
    put("随机字节.bin", bytes(range(256)) * 8, Expect("quarantined", "unsupported"))
    put("程序.exe", Path(sys.executable).read_bytes()[:8192], Expect("quarantined", "unsupported"))
    put("太大了.txt", (NOTE * 30000).encode("utf-8")[: 3500 * 1024], Expect("quarantined", "too_large"))
    put("字太多.txt", (NOTE * 6000).encode("utf-8"), Expect("quarantined", "too_large"))  # < 3 MB, > 300,000 字
    many = inbox.parent / "many_pages.pdf"
    build_pdf(["第一页", "#page", "第二页", "#page", "三", "#page", "四", "#page", "五", "#page", "六"], many)
    put("页数太多.pdf", many.read_bytes(), Expect("quarantined", "too_large"))
    many.unlink()

    # --- archives: never unpacked (see README: why)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("../../etc/cron.d/evil", "* * * * * root rm -rf /")
        zf.writestr("投诉信.txt", NOTE)
    put("材料.zip", archive.getvalue(), Expect("quarantined", "archive"))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zeros.txt", b"\0" * (20 * 1024 * 1024))
    put("炸弹.zip", bomb.getvalue(), Expect("quarantined", "archive"))
    put("材料.rar", b"Rar!\x1a\x07\x01\x00" + b"\0" * 64, Expect("quarantined", "archive"))

    # --- text that is not clean UTF-8
    put("记事本Unicode.txt", b"\xff\xfe" + NOTE.replace("韦国强", "蓝海燕").encode("utf-16-le"),
        Expect("processed", doc_type="complaint"))
    put("网页.html", f"<html><body><p>{NOTE}</p></body></html>".replace("韦国强", "罗秀英").encode("utf-8"),
        Expect("processed"))

    # --- the same letter twice
    shutil.copy(NOTICE, inbox / "须知.docx")
    expect["须知.docx"] = Expect("processed", doc_type="notice")
    shutil.copy(NOTICE, inbox / "须知_副本.docx")  # listed after 须知.docx: names sort by their bytes
    expect["须知_副本.docx"] = Expect("duplicate")

    # --- scans and photos (OCR): short letters keep the test quick
    put("扫描件.pdf", scanned_pdf(NOTE.replace("韦国强", "韦春花")), Expect("processed", doc_type="complaint"))
    put("手机照片.jpg", phone_photo(NOTE.replace("韦国强", "廖德明")), Expect("processed", doc_type="complaint"))
    put("侧放扫描.tif", image_file(NOTE.replace("韦国强", "石美玲"), "TIFF", quarter_turn=True),
        Expect("processed", doc_type="complaint"))
    put("Word里的扫描件.docx", docx_with_scan(NOTE.replace("韦国强", "杨光辉")),
        Expect("processed", doc_type="complaint"))
    put("白纸.png", image_file("", "PNG"), Expect("quarantined", "unreadable"))

    # --- old formats: through LibreOffice where it is installed, else doc.unsupported naming the fix
    legacy = Expect("processed", doc_type="complaint") if soffice else Expect("quarantined", "unsupported")
    put("投诉信.rtf", _rtf(NOTE.replace("韦国强", "潘建军")), legacy)
    put("投诉信.odt", _odt(NOTE.replace("韦国强", "贾玉梅")), legacy)
    if soffice:
        doc = legacy_doc(NOTE.replace("韦国强", "何志强"), soffice)
        put("投诉信.doc", doc, legacy)
        put("投诉信.wps", legacy_doc(NOTE.replace("韦国强", "陆小燕"), soffice), legacy)
    else:
        put("投诉信.doc", (FIXTURES / "broken" / "old_word_format.doc").read_bytes(), legacy)
    return expect


def _decoded(raw: bytes) -> str:
    from flows.files import display_name

    return display_name(Path(os.fsdecode(raw)))
