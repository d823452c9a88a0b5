"""Evidence marks over the text: escaped, overlapping spans readable, each span reachable by its anchor."""

from __future__ import annotations

from review.highlight import Mark, highlight


def test_text_is_escaped_and_spans_are_marked() -> None:
    html = highlight("a<b>工资c", [Mark(4, 7, "flag-1", "flag", "拖欠")])
    assert html.startswith("a&lt;b&gt;") and '<mark>工资c</mark>' in html and 'id="ev-flag-1"' in html


def test_a_span_nested_inside_another_still_has_its_anchor() -> None:
    html = highlight("0123456789", [Mark(0, 10, "field-a", "field", "字段"), Mark(3, 5, "flag-2", "flag", "问题")])
    assert 'id="ev-field-a"' in html and 'id="ev-flag-2"' in html
    assert html.count("<mark>") == 3


def test_spans_outside_the_text_are_ignored() -> None:
    assert highlight("abc", [Mark(2, 9, "flag-3", "flag", "x")]) == "abc"
