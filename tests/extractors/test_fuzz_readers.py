"""Fuzzing each reader (hypothesis): whatever the bytes, a reader returns a document or raises LoadError
with a Chinese message — never another exception, never a hang. Bounded: ~20 s for the whole file.

Seeds are real fixtures, mutated (bytes flipped, cut, spliced) so that the parsers get past their magic
numbers into the structures where hostile files do damage."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.readers import ReadLimits, read_document
from extractors.readers.ocr import assemble_lines
from extractors.readers.sniff import FORMATS, sniff_format
from extractors.readers.textlayer import text_layer_usable
from schemas.errors import LoadError
from schemas.models import ParsedDocument
from tests.conftest import FIXTURES

NO_OCR = ReadLimits(ocr=False, max_pages=20)
FUZZ = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
SEEDS = {
    "docx": (FIXTURES / "seeds" / "02_labor_inspection_disclosure_notice.docx").read_bytes(),
    "pdf": (FIXTURES / "complaints" / "01_formal_labelled.pdf").read_bytes(),
    "txt": (FIXTURES / "complaints" / "src" / "01_formal_labelled.txt").read_bytes(),
    "rtf": b"{\\rtf1\\ansi\\ansicpg936 \\u25237?\\u35785?{\\*\\bad}}",
    "jpg": (FIXTURES / "broken" / "phone_photo.jpg").read_bytes(),
}
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _check(data: bytes, limits: ReadLimits = NO_OCR) -> None:
    try:
        doc = read_document(data, "模糊测试.bin", limits=limits)
    except LoadError as e:
        assert _CJK.search(e.message), e.message  # staff read it: Chinese, and it names the file
        assert "模糊测试.bin" in e.message
        return
    assert isinstance(doc, ParsedDocument) and doc.text.strip()


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "splice", "zero"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif op == "cut":
            data = data[:at] if draw(st.booleans()) else data[at:]
        elif op == "splice":
            data[at:at] = draw(st.binary(max_size=64))
        elif op == "zero" and data:
            end = min(len(data), at + draw(st.integers(1, 512)))
            data[at:end] = bytes(end - at)
    return bytes(data)


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_fuzz_reader_on_mutated_files(fmt: str) -> None:
    @FUZZ
    @given(mutated(SEEDS[fmt]))
    def run(data: bytes) -> None:
        _check(data)

    run()


@FUZZ
@given(st.binary(max_size=4096))
def test_fuzz_reader_on_random_bytes(data: bytes) -> None:
    _check(data)


@FUZZ
@given(st.sampled_from(sorted(SEEDS.values())), st.binary(max_size=2048))
def test_fuzz_sniff_is_total(seed: bytes, tail: bytes) -> None:
    assert sniff_format(seed[:64] + tail) in FORMATS


@FUZZ
@given(st.text(max_size=300))
def test_fuzz_text_layer_decision_is_total(text: str) -> None:
    assert text_layer_usable(text) in (True, False)


_point = st.floats(0, 3000, allow_nan=False)


@FUZZ
@given(st.lists(st.tuples(st.lists(st.tuples(_point, _point), min_size=4, max_size=4),
                          st.text(min_size=1, max_size=20), st.floats(0.5, 1.0)), max_size=30))
def test_fuzz_ocr_line_assembly_is_total(boxes: list) -> None:
    lines = assemble_lines([([list(p) for p in box], text, score) for box, text, score in boxes])
    assert sum(len(x.replace("  ", "")) for x in lines) == sum(len(t) for _, t, _ in boxes)
