"""Personal data in letters, partly masked for roles that do not need it.

Masks keep the text's length, so the evidence offsets of flags and fields still point at the same
characters of a masked text.
"""

from __future__ import annotations

import copy
import re
from typing import Any

UNMASKED_ROLES = {"supervisor"}
MASK = "*"
ADDRESS_KEPT = 6  # 某某省某某县: the place is kept, the village, street and house number are not

_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3}-?)(\d{3,4})(\d{4})(?!\d)")
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8}|\d{6})(\d{3}[0-9Xx]|\d{1})(?![0-9A-Za-z])")


def sees_personal_data(role: str) -> bool:
    return role in UNMASKED_ROLES


def mask_numbers(text: str) -> str:
    """Phone and ID numbers anywhere in a text: the middle digits become *."""
    text = _ID_NUMBER.sub(lambda m: m[1] + MASK * len(m[2]) + m[3], text)
    text = _MOBILE.sub(lambda m: m[1] + MASK * 4 + m[3], text)
    return _LANDLINE.sub(lambda m: m[1] + MASK * len(m[2]) + m[3], text)


def mask_address(address: str) -> str:
    if len(address) <= ADDRESS_KEPT:
        return address[:2] + MASK * (len(address) - 2) if len(address) > 2 else address
    return address[:ADDRESS_KEPT] + MASK * (len(address) - ADDRESS_KEPT)


def _addresses(fields: dict[str, Any]) -> list[str]:
    found = [(fields.get("complainant") or {}).get("address")]
    return [a for a in found if isinstance(a, str) and len(a) > 2]


def mask_text(text: str, fields: dict[str, Any] | None = None) -> str:
    """A document's text with the complainant's address and every phone and ID number masked."""
    for address in _addresses(fields or {}):
        text = text.replace(address, mask_address(address))
    return mask_numbers(text)


def mask_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Extracted fields with phones, ID numbers and addresses masked (a copy)."""
    masked = copy.deepcopy(fields)
    complainant = masked.get("complainant")
    if isinstance(complainant, dict):
        if complainant.get("address"):
            complainant["address"] = mask_address(complainant["address"])
        for key in ("phone", "id_number"):
            if complainant.get(key):
                complainant[key] = mask_numbers(str(complainant[key]))
    for agent in masked.get("agents") or []:
        if isinstance(agent, dict) and agent.get("phone"):
            agent["phone"] = mask_numbers(str(agent["phone"]))
    for span in (masked.get("evidence") or {}).values():
        if isinstance(span, dict) and isinstance(span.get("text"), str):
            span["text"] = mask_text(span["text"], fields)
    if isinstance(masked.get("facts"), str):
        masked["facts"] = mask_text(masked["facts"], fields)
    for i, request in enumerate(masked.get("requests") or []):
        if isinstance(request, str):
            masked["requests"][i] = mask_numbers(request)
    return masked
