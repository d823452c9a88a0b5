"""The amount claimed.

Conventions: a total the letter states (合计/共计/总计… in the requests) wins; otherwise the one amount the
requests state (the same figure repeated counts once); requests naming several different amounts with no
stated total give None (never our own sum). When the requests name no amount, the amounts of the facts'
arrears sentences (拖欠/欠/共计…) are used the same way. Rates (月工资/每天…) are never claims.
"""

from __future__ import annotations

import re

from extractors.complaint import numerals as nm
from extractors.complaint.dates import SENTENCE
from extractors.complaint.evidence import INLINE, PROSE, Recorder
from extractors.complaint.labels import kw

_TOTAL_SENTENCE = re.compile(r"^\s*(?:以上|上述|合计|共计|总计|总共|两项|各项|三项)")
# 共计18.6万元: an amount right after a total word is a stated total
_TOTAL_BEFORE = re.compile(r"(?:合计|共计|总计|总共|一共|累计)\s*(?:人民币)?\s*$")
# 其中来电人本人被拖欠31500元: a part of a total stated before, never the claim
_PART_CLAUSE = re.compile(r"^\s*其中")


def is_rate(text: str, sentence_start: int, at: int) -> bool:
    """月工资3000元 / 每天200元: the amount at `at` is a rate, never a claim."""
    return bool(kw("rate").search(text[max(sentence_start, at - 8) : at]))


def is_part(text: str, sentence_start: int, at: int) -> bool:
    """其中来电人本人被拖欠31500元: the amount at `at` is a part of a total stated before it in its sentence."""
    clause_start = max(text.rfind(c, sentence_start, at) for c in "，,") + 1 or sentence_start
    return bool(_PART_CLAUSE.match(text, max(clause_start, sentence_start), at))


# 这三万多块钱 / 约3万元 / 两万来块: a sum told roughly, which an exact sum stated beside it outranks
_ROUGH_BEFORE = re.compile(r"(?:约|近|大约|大概|差不多|将近|估计|起码)\s*$")
_ROUGH_AFTER = re.compile(r"^\s*(?:来块|来元|左右|上下)")


def _rough(text: str, start: int, end: int) -> bool:
    return bool(
        re.search(r"[多余]", text[start:end])
        or _ROUGH_BEFORE.search(text, max(0, start - 4), start)
        or _ROUGH_AFTER.match(text, end)
    )


def _exact(amounts: list[tuple[float, int, int, bool]], text: str) -> list[tuple[float, int, int, bool]]:
    """Without a rough sum that an exact one beside it states precisely (这三万多块钱 beside 叁万肆仟陆佰元); a rough
    total over exact parts (共计55万余元 beside each worker's 9000元) stays."""
    exact = [a[0] for a in amounts if not _rough(text, a[1], a[2])]

    def restated(a: tuple[float, int, int, bool]) -> bool:
        return _rough(text, a[1], a[2]) and any(0.8 * a[0] <= e <= 1.5 * a[0] for e in exact)

    return [a for a in amounts if not restated(a)]


def _amounts(text: str, s: int, e: int, need_claim: bool) -> list[tuple[float, int, int, bool]]:
    """(value, start, end, is_stated_total) of the amounts in text[s:e] that are not rates."""
    out = []
    for sm in SENTENCE.finditer(text, s, e):
        sentence = sm.group()
        if need_claim and not kw("claim").search(sentence):
            continue
        is_total = bool(_TOTAL_SENTENCE.match(sentence))
        for m in nm.MONEY.finditer(text, sm.start(), sm.end()):
            if is_rate(text, sm.start(), m.start()) or is_part(text, sm.start(), m.start()):
                continue
            total = is_total or bool(_TOTAL_BEFORE.search(text, max(sm.start(), m.start() - 6), m.start()))
            value = nm.money_value(m)
            if value:
                out.append((value, m.start(), m.end(), total))
    return out


def _choose(amounts: list[tuple[float, int, int, bool]]) -> tuple[float, int, int] | None:
    """The stated total, else the single amount stated (repeats count once), else None."""
    # a total smaller than another amount claimed beside it totals one item only (工资共计2.73万元；赔偿金3.12万元)
    largest = max((a[0] for a in amounts), default=0.0)
    totals = [a for a in amounts if a[3] and a[0] >= largest - 0.5]
    if totals:
        return totals[-1][:3]
    if len({a[0] for a in amounts}) == 1:
        return amounts[0][:3]
    return None


def extract_amount(
    rec: Recorder, text: str, requests_span: tuple[int, int] | None, facts_span: tuple[int, int] | None
) -> None:
    if requests_span:
        amounts = _exact(_amounts(text, *requests_span, need_claim=False), text)
        if amounts:
            if chosen := _choose(amounts):
                rec.set("amount_claimed_yuan", chosen[0], chosen[1], chosen[2], INLINE)
            return
    if facts_span and (chosen := _claimed(text, facts_span, need_claim=True)):
        rec.set("amount_claimed_yuan", chosen[0], chosen[1], chosen[2], PROSE)


def _claimed(text: str, span: tuple[int, int], need_claim: bool) -> tuple[float, int, int] | None:
    """The amount a span claims: its stated total or its one amount, a rough sum restated exactly set aside."""
    return _choose(_exact(_amounts(text, *span, need_claim=need_claim), text))


def amount_from_late_requests(rec: Recorder, text: str, requests_span: tuple[int, int] | None) -> None:
    """Requests found after the amount was read (a scanned letter's broken request line, read by a later
    stage): the sum they state outranks an arrears total of the facts."""
    ev = rec.evidence.get("amount_claimed_yuan")
    if not requests_span or (ev is not None and ev.confidence != PROSE):
        return
    if chosen := _claimed(text, requests_span, need_claim=False):
        rec.set("amount_claimed_yuan", chosen[0], chosen[1], chosen[2], INLINE, overwrite=True)
