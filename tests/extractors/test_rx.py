"""Searches anchored at a string read from the document (extractors/rx.py): the same hits as a pattern with
the string put into it, without compiling a pattern per document."""

import re

from extractors.rx import after, before, find_all, rx

LETTER = "我叫王建军，大名王建国。王建军的工钱老板一直不给，我父亲王建军的工友也没拿到。"


def test_find_all_is_every_place_without_overlaps():
    assert list(find_all(LETTER, "王建军")) == [m.start() for m in re.finditer("王建军", LETTER)]
    assert list(find_all("哈哈哈哈", "哈哈")) == [0, 2]
    assert list(find_all(LETTER, "")) == []


def test_after_matches_right_after_the_string():
    hits = [(at, m.group()) for at, m in after(LETTER, "王建军", r"[，,]大名(?P<n>[\u4e00-\u9fff]{2,3})")]
    assert hits == [(2, "，大名王建国")]
    assert next(after(LETTER, "王建军", "不给"), None) is None  # not further on: right after it only


def test_before_matches_ending_right_before_the_string():
    hits = [(m.group(), at) for m, at in before(LETTER, "王建军", r"(?:我|俺)的?(?:父亲|母亲)")]
    assert hits == [("我父亲", LETTER.index("我父亲") + 3)]
    # the same as the pattern with the name put into it
    joined = re.search(r"(?:我|俺)的?(?:父亲|母亲)王建军", LETTER)
    assert (hits[0][1] - len("我父亲"), hits[0][1] + 3) == joined.span()


def test_before_sees_a_lookbehind_and_not_the_real_start_inside_its_window():
    text = "代表：李四，电话13800000000"
    assert [at for _m, at in before(text, "李四", r"(?<=代表)[:：]?\s*", window=8)] == [3]
    # ^ is the text's start, not the window's
    assert list(before("甲乙丙丁李四", "李四", r"^[甲乙丙丁]{1,2}", window=2)) == []


def test_rx_compiles_once():
    assert rx(r"[\u4e00-\u9fff]{2,4}") is rx(r"[\u4e00-\u9fff]{2,4}")
