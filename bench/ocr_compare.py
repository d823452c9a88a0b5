"""OCR engines side by side on the same scans: RapidOCR (PP-OCRv4, in the wheel) and Tesseract chi_sim
(Debian `tesseract-ocr-chi-sim`, if installed). `python -m bench.ocr_compare`

Scans are made from fixture letters as the tests make them (tests/scans.py): a flatbed scan in a PDF
(1.5° rotation, noise) and a phone photo (uneven light, -2°, sideways with an EXIF tag). For each page:
character accuracy (1 - edit distance / length, whitespace ignored), complaint field accuracy against the
letter's golden, seconds per page.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageOps
from rapidfuzz.distance import Levenshtein

from extractors.complaint import extract_complaint
from extractors.readers import read_document
from tests.conftest import FIXTURES
from tests.extractors.test_ocr import SCORED, _get
from tests.scans import phone_photo, render_pages, scanned_pdf

LETTERS = ["01_formal_labelled", "05_informal_appeal", "26_town_shop_minimum_wage"]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _fields(text: str) -> dict:
    from schemas.errors import LoadError

    try:
        return extract_complaint(read_document(text.encode("utf-8"), "ocr.txt")).model_dump(mode="json")
    except LoadError:  # the engine read nothing
        return {}


def _tesseract(image_bytes: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        img = ImageOps.exif_transpose(Image.open(io.BytesIO(image_bytes)))
        path = Path(tmp) / "page.png"
        img.save(path)
        out = subprocess.run(
            ["tesseract", str(path), "-", "-l", "chi_sim", "--psm", "3"], capture_output=True, check=True
        )
        return out.stdout.decode("utf-8")


def _page_image(pdf: bytes) -> bytes:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    image = doc[0].render(scale=200 / 72).to_pil()
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def main() -> None:
    rows = []
    for stem in LETTERS:
        source = (FIXTURES / "complaints" / "src" / f"{stem}.txt").read_text(encoding="utf-8")
        golden = json.loads((FIXTURES / "complaints" / f"{stem}.expected.json").read_text(encoding="utf-8"))["fields"]
        truth = _flat(source)
        pages = len(render_pages(source))
        scans = (("scan.pdf", scanned_pdf(source), "x.pdf"), ("photo.jpg", phone_photo(source), "x.jpg"))
        for kind, data, name in scans:
            engines = {"rapidocr": lambda d=data, n=name: read_document(d, n).text}
            if shutil.which("tesseract"):
                engines["tesseract"] = lambda d=data, k=kind: _tesseract(_page_image(d) if k == "scan.pdf" else d)
            for engine, run in engines.items():
                run()  # warm up (model load)
                start = time.perf_counter()
                text = run()
                seconds = (time.perf_counter() - start) / (pages if kind == "scan.pdf" else 1)
                ref = truth if kind == "scan.pdf" else _flat("".join(render_pages_text(source)))
                char_acc = 1 - Levenshtein.distance(_flat(text), ref) / max(len(ref), 1)
                fields = _fields(text)
                right = sum(_get(fields, f) == _get(golden, f) for f in SCORED)
                rows.append((stem, kind, engine, char_acc, right / len(SCORED), seconds))
                print(f"{stem:30} {kind:10} {engine:10} chars {char_acc:6.1%}  fields {right / len(SCORED):6.1%}"
                      f"  {seconds:5.1f} s/page", flush=True)
    for engine in sorted({r[2] for r in rows}):
        mine = [r for r in rows if r[2] == engine]
        n = len(mine)
        print(f"{engine:10} mean: chars {sum(r[3] for r in mine) / n:6.1%}  fields {sum(r[4] for r in mine) / n:6.1%}"
              f"  {sum(r[5] for r in mine) / n:5.1f} s/page")


def render_pages_text(source: str) -> list[str]:
    """The text of the first page only (the photo is of page 1)."""
    from tests.scans import MARGIN, PAGE, _wrap, cjk_font

    font = cjk_font(26)
    lines = _wrap(source, font, PAGE[0] - 2 * MARGIN)
    per_page = (PAGE[1] - 2 * MARGIN) // int(26 * 1.7)
    return lines[:per_page]


if __name__ == "__main__":
    main()
