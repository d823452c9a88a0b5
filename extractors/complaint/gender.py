"""The complainant's gender where the letter states it without a 性别 label.

Only what the letter makes unambiguous, never a guess from a name or a trade:
- a form of address the letter records for the complainant: 张先生 / 王女士 (a hotline caller);
- kinship when someone writes for a relative: 我父亲李某 / 李某是我母亲 — the complainant is the relative;
- the writer speaking of themself: 我一个大男人, 我是女的, 我怀孕三个月, 我老公 (the writer is a wife),
  我老婆 / 我媳妇 (the writer is a husband) — read only when the writer is the complainant (no agent).
Cue words live in extractors/data/gender_cues.yaml; conflicting cues give nothing.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.complaint.evidence import PROSE, Recorder
from pathlib import Path

import yaml

_FIRST_PERSON = r"(?:我|俺|本人|咱|我本人)"


@cache
def _cues() -> dict[str, dict[str, re.Pattern[str]]]:
    path = Path(__file__).resolve().parent.parent / "data" / "gender_cues.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        kind: {g: re.compile("|".join(f"(?:{w})" for w in words)) for g, words in by_gender.items()} for kind, by_gender in raw.items()
    }


def _decide(hits: list[tuple[str, int, int]], rec: Recorder) -> bool:
    genders = {g for g, _s, _e in hits}
    if len(genders) != 1:
        return False
    gender, s, e = hits[0]
    return rec.set("complainant.gender", gender, s, e, PROSE)


def fill_gender(rec: Recorder, text: str) -> None:
    if rec.has("complainant.gender"):
        return
    cues = _cues()
    name = rec.get("complainant.name") or ""
    # 1. a form of address recorded as (or with) the name
    for gender, pattern in cues.get("address", {}).items():
        if name and pattern.fullmatch(name[1:]):
            ev = rec.evidence.get("complainant.name")
            rec.set("complainant.gender", gender, ev.start if ev else 0, ev.end if ev else 0, PROSE)
            return
    # 2. kinship: 我父亲李某 / 李某是我父亲 / 父亲李某
    if name and len(name) >= 2:
        hits = []
        for gender, pattern in cues.get("kin", {}).items():
            for m in re.finditer(rf"(?:{pattern.pattern})[，,：:\s]?{re.escape(name)}", text):
                hits.append((gender, m.start(), m.end()))
            for m in re.finditer(rf"{re.escape(name)}(?:是|系)(?:我|本人|俺)的?(?:{pattern.pattern})", text):
                hits.append((gender, m.start(), m.end()))
        if hits and _decide(sorted(hits, key=lambda h: h[1]), rec):
            return
    # 3. the writer about themself, only when the writer is the complainant
    if rec.get("agents"):
        return
    hits = []
    for gender, pattern in cues.get("self", {}).items():
        for m in re.finditer(rf"{_FIRST_PERSON}(?:{pattern.pattern})", text):
            hits.append((gender, m.start(), m.end()))
    if hits:
        _decide(sorted(hits, key=lambda h: h[1]), rec)
