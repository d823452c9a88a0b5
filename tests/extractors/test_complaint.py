"""Complaint extraction against the hand-written goldens of tests/fixtures/complaints, both formats.

Tolerance: `facts` must contain the golden's first 30 characters and have its length within ±20%
(whitespace ignored; a paragraph break may differ between .docx and PDF). Every other field must be
equal. `UPDATE_GOLDEN=1` rewrites the goldens' `fields` from the extractor and then fails on purpose:
read the diff line by line before committing.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from bench.eval_complaints import FIXTURES, compare, fixtures
from extractors.complaint import extract_complaint
from extractors.complaint import numerals as nm
from extractors.readers import read_document
from rules.complaint_engine import REQUIRED_ITEMS
from schemas.models import ComplaintFields, ParsedDocument
from tests.contract import COMPLAINT_RULE_IDS

CASES = fixtures()
REQUIRED = list(REQUIRED_ITEMS)  # the rule engine's list of required items
RULE_IDS = set(COMPLAINT_RULE_IDS)


@pytest.fixture(scope="module")
def results() -> dict[Path, tuple[ParsedDocument, ComplaintFields]]:
    out = {}
    for _name, path, _golden in CASES:
        doc = read_document(path.read_bytes(), path.name)
        out[path] = (doc, extract_complaint(doc))
    return out


def test_enough_fixtures() -> None:
    names = {name for name, _p, _g in CASES}
    assert len(names) >= 15
    assert all((FIXTURES / f"{n}.docx").exists() and (FIXTURES / f"{n}.pdf").exists() for n in names)


@pytest.mark.parametrize(("name", "path", "golden"), CASES, ids=[p.name for _n, p, _g in CASES])
def test_fields_match_golden(name: str, path: Path, golden: dict, results: dict) -> None:
    _doc, fields = results[path]
    actual = fields.model_dump(mode="json")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden["fields"] = {k: v for k, v in actual.items() if k != "evidence"}
        (FIXTURES / f"{name}.expected.json").write_text(
            json.dumps(golden, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        pytest.fail("UPDATE_GOLDEN=1 rewrote the golden; unset it and read the diff")
    diff = [
        f"  {f}: expected {e!r}, got {a!r}" for f, (ok, e, a) in compare(golden["fields"], actual).items() if not ok
    ]
    assert not diff, f"{path.name}:\n" + "\n".join(diff)


def _lunar_month_day(value: date) -> str:
    """The lunar month and day of a solar date as a letter writes them (腊月二十六), from jionlp's table."""
    from jionlp.gadget.lunar_solar_date import LunarSolarDate

    _year, month, day, _leap = LunarSolarDate().to_lunar_date(datetime(value.year, value.month, value.day))
    months = {1: "正月", 11: "冬月", 12: "腊月"}
    if day % 10 == 0:
        return months.get(month, "") + ["", "初十", "二十", "三十"][day // 10]
    return months.get(month, "") + ["初", "十", "二十"][day // 10] + "一二三四五六七八九"[day % 10 - 1]


def _slice_holds(value: object, text: str) -> bool:
    squash = re.sub(r"\s", "", text)
    if isinstance(value, str):
        # a value joined from several paragraphs (prose facts): each paragraph lies in the span
        return all(re.sub(r"\s", "", part) in squash for part in value.split("\n")) or (
            bool(digits := re.sub(r"\D", "", value)) and digits == re.sub(r"\D", "", text)
        )
    if isinstance(value, date):
        if m := re.fullmatch(r"(?:今年|去年|前年)?(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|初|份)?", squash):
            return nm.cn_int(m.group("m")) == value.month  # a year-less month of a range or an oral record
        if m := re.search(r"(?P<m>\d{1,2})月\d{1,2}[日号]?[至到~\-—](?P<d>\d{1,2})[日号]", squash):
            return (int(m.group("m")), int(m.group("d"))) == (value.month, value.day)  # 9月1日至20日: its end
        if m := re.search(r"(?:(?P<y>\d{2})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]", squash):
            # a year-less or two-digit-year day (9月20日, 25年9月30日)
            same_year = not m.group("y") or int(m.group("y")) == value.year % 100
            return same_year and (int(m.group("m")), int(m.group("d"))) == (value.month, value.day)
        if m := re.search(r"(?P<y>\d{4})[.\-/](?P<m>\d{1,2})[.\-/](?P<d>\d{1,2})", squash):
            return (int(m.group("y")), int(m.group("m")), int(m.group("d"))) == (value.year, value.month, value.day)
        if re.search(r"腊月|正月|冬月|农历", squash):
            return _lunar_month_day(value) in squash
        return nm.parse_date(text) == value or nm.parse_date(text, end_of_month=True) == value
    if isinstance(value, bool):
        return bool(text.strip())
    if isinstance(value, int):
        return str(value) in text or nm.parse_age(text) == value or nm.cn_int(text) == value or bool(text)
    if isinstance(value, float):
        return nm.parse_money(text) == value
    if isinstance(value, list):
        return bool(text.strip())
    return False


@pytest.mark.parametrize(("name", "path", "golden"), CASES, ids=[p.name for _n, p, _g in CASES])
def test_evidence_points_at_value(name: str, path: Path, golden: dict, results: dict) -> None:
    doc, fields = results[path]
    data = fields.model_dump()
    for key, ev in fields.evidence.items():
        head, _, tail = key.partition(".")
        value = data.get(head) if not tail else (data[head][int(tail)] if tail.isdigit() else data[head][tail])
        if value is None:
            continue
        assert 0 <= ev.start < ev.end <= len(doc.text), key
        assert ev.page == doc.page_at(ev.start)
        piece = doc.text[ev.start : ev.end]
        if key == "prior_proceedings":  # a code; the evidence is the clause that says it
            assert re.search("仲裁|诉讼|起诉|法院|调解", piece), piece
            continue
        assert _slice_holds(value, piece), (key, value, piece)
    flat = {f"{g}.{k}": v for g in ("complainant", "respondent") for k, v in data[g].items()}
    for key, value in flat.items():
        assert value is None or key in fields.evidence, f"{key} has no evidence"


@pytest.mark.parametrize("name", sorted({n for n, _p, _g in CASES}))
def test_golden_flags_are_consistent(name: str) -> None:
    """A golden's missing-item flags are exactly the required items its fields leave empty."""
    golden = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    f = golden["fields"]
    flat = {f"{g}.{k}": v for g in ("complainant", "respondent") for k, v in f[g].items()} | f
    # an item the letter answers with "none" (工作单位：无) is listed in `answered_none`: empty, not missing
    answered = set(golden.get("answered_none", []))
    assert all(flat[k] in (None, [], "") for k in answered)
    missing = {f"complaint.missing.{k}" for k in REQUIRED if flat[k] in (None, [], "") and k not in answered}
    flags = set(golden["expected_flags"])
    assert flags <= RULE_IDS
    assert {x for x in flags if x.startswith("complaint.missing.")} == missing
    assert ("complaint.too_many_agents" in flags) == (f["collective"] and len(f["agents"]) > 2)
    assert ("complaint.prior_proceedings" in flags) == (
        f["prior_proceedings"] in ("mediation", "arbitration", "litigation")
    )
    if f["letter_date"]:  # an undated note has none
        assert date.fromisoformat(golden["received_date"]) >= date.fromisoformat(f["letter_date"])
