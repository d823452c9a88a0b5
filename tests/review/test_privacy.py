"""Masks keep the text's length, so evidence offsets still point at the same words."""

from __future__ import annotations

import pytest

from services.privacy import mask_address, mask_fields, mask_numbers, mask_text


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("电话13812345678。", "电话138****5678。"),
        ("身份证号450225198805061234", "身份证号450225********1234"),
        ("座机0772-5123456", "座机0772-***3456"),
        ("金额12000元", "金额12000元"),
    ],
)
def test_numbers_are_masked_in_the_middle(text: str, masked: str) -> None:
    assert mask_numbers(text) == masked


def test_masked_text_keeps_its_length() -> None:
    fields = {"complainant": {"address": "广西融水县融水镇新安路12号"}}
    text = "我住在广西融水县融水镇新安路12号，电话13812345678。"
    out = mask_text(text, fields)
    assert len(out) == len(text) and "新安路" not in out and out.startswith("我住在广西融水县")


def test_fields_are_masked_in_a_copy() -> None:
    fields = {"complainant": {"phone": "13812345678", "address": "广西融水县融水镇新安路12号"}}
    masked = mask_fields(fields)
    assert masked["complainant"]["phone"] == "138****5678"
    assert masked["complainant"]["address"] == mask_address("广西融水县融水镇新安路12号")
    assert fields["complainant"]["phone"] == "13812345678"
