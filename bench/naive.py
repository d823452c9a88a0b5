"""The afternoon script of issue 11, as the yardstick: text out of each file, then jieba over it.

    python -m bench.naive DIR [--floor]

naive: pdfplumber's `extract_text` / python-docx paragraphs, then `jieba.posseg.cut`, one process.
--floor: pypdfium2's text page / python-docx paragraphs, then `jieba.lcut`: the least any pipeline that
reads every file and segments its text can cost. Prints one JSON line (documents, seconds).
"""

from __future__ import annotations

import argparse
import io
import json
import time
from pathlib import Path


def _pdf_text_plumber(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _pdf_text_pdfium(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in pdf)
    finally:
        pdf.close()


def _docx_text(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--floor", action="store_true")
    args = parser.parse_args()
    t0 = time.perf_counter()
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    pdf_text = _pdf_text_pdfium if args.floor else _pdf_text_plumber
    words = 0
    files = sorted(p for p in args.folder.iterdir() if p.is_file())
    for path in files:
        data = path.read_bytes()
        text = pdf_text(data) if data.startswith(b"%PDF") else _docx_text(data)
        words += len(jieba.lcut(text)) if args.floor else sum(1 for _ in jieba.posseg.cut(text))
    print(json.dumps({"documents": len(files), "words": words, "seconds": time.perf_counter() - t0}))


if __name__ == "__main__":
    main()
