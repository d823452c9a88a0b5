"""A Mandarin reading of a letter written in dialect, character for character.

Letters are written as people speak: 俺叫… (Northern Mandarin), 额是…的 (Shaanxi, Shanxi), 阿拉 and 侬
(Shanghainese), 我哋、佢、冇、喺 (Cantonese), 阮、头家、伊 (Minnan), 𠊎 (Hakka). Every pattern and model of the
complaint extractor reads Mandarin; rather than teach each of them every dialect's pronouns and verbs, the
extractor reads a view of the letter in which those words are replaced by their Mandarin equivalents *of the
same length*, so that every offset in the view is an offset in the letter. Values read from the view are given
back as the letter writes them (`as_written`): a request quoted from 额's letter keeps 额.

Only words whose dialect sense is certain in context are replaced: 额 is 我 except in the words of money and
quantity (金额, 余额, 额度 …) and 额头; 阿拉 is 我们 except in place names (阿拉善, 阿拉尔).
"""

from __future__ import annotations

import re
from typing import Any

# (pattern, reading): each pattern matches exactly as many characters as its reading has
_READINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"俺"), "我"),
    # 额 as the Shaanxi/Shanxi "I": not in 金额, 数额, 余额, 差额, 限额, 定额, 份额, 超额, 名额, 配额, 税额, 面额,
    # 巨额, 欠额, 全额, 足额, 总额, 缺额, 高额, 小额, 大额, 等额, 借额, 账额; not 额度, 额外, 额定, 额头
    (re.compile(r"(?<![金数余差限定份超名配税面巨欠全足总缺高小大等借账款])额(?![度外定头])"), "我"),
    (re.compile(r"咱们"), "我们"),
    # Henan and Shandong 哩 written for 的 inside a phrase (宜路镇朱楼村哩朱桂枝, 镇上哩“某某刷业”); before a pause
    # it is the sentence's particle (干活哩。) and stays
    (re.compile(r"(?<=[\u4e00-\u9fff])哩(?=[\u4e00-\u9fff“\"「])"), "的"),
    # Hunan, Sichuan and Guizhou 别个 "other" before a place or office (我冇找过别个单位)
    (re.compile(r"别个(?=单位|地方|部门|人|衙门)"), "别的"),
    # the formal letter-writer's "I" (敬启者。鄙人某某，男，…): 本人
    (re.compile(r"[鄙敝]人"), "本人"),
    (re.compile(r"阿拉(?![善尔伯山丁斯])"), "我们"),
    (re.compile(r"侬"), "你"),
    # Cantonese
    (re.compile(r"我哋"), "我们"),
    (re.compile(r"佢哋"), "他们"),
    (re.compile(r"你哋"), "你们"),
    (re.compile(r"佢"), "他"),
    (re.compile(r"(?<![辞送迎])旧年"), "去年"),  # Cantonese and Wu: 旧年十月 is last October (not 辞旧年)
    (re.compile(r"唔该"), "麻烦"),
    (re.compile(r"唔"), "不"),
    (re.compile(r"老细"), "老板"),
    (re.compile(r"屋企"), "家里"),
    (re.compile(r"嚟"), "来"),
    (re.compile(r"俾"), "给"),
    (re.compile(r"(?<=[我你他就即都])系"), "是"),  # 係 as t2s writes it: 我系某某, 老细就系某某
    (re.compile(r"冇"), "没"),
    (re.compile(r"嘅"), "的"),
    (re.compile(r"喺"), "在"),
    (re.compile(r"咗"), "了"),
    (re.compile(r"揾"), "找"),
    (re.compile(r"畀"), "给"),
    (re.compile(r"啲"), "些"),
    (re.compile(r"乜嘢"), "什么"),
    (re.compile(r"点解"), "为何"),
    # Minnan (Fujian, Chaoshan, Taiwan): 阮 "I/we" only before a verb or after one that takes a person (the
    # surname 阮 comes before a given name); 头家 the boss; 厝 home where one lives; 伊 "he/she" outside the
    # place names (伊犁, 伊春, 伊川 …)
    (
        re.compile(
            r"(?<=[欠给帮骗请甲叫找])阮|阮(?=叫|是|在|去|想|只|做|以前|彼|甲|就|也|都|才|转|的|厝|拢|今|即|袂|有|要|会|一直)"
        ),
        "我",
    ),
    (re.compile(r"头家"), "老板"),
    (re.compile(r"(?<=[我阮伊])厝|厝(?=住|里|内)"), "家"),
    (re.compile(r"伊(?!犁|春|川|宁|通|金|吾|州|斯兰|朗|拉克|万|利|顿)"), "他"),
    # Henan, Hubei, Sichuan: 嘞 the particle 的 (是确山县某镇某庄嘞, 写嘞跟…样); Northern Mandarin: 搁 "at, in"
    # after a person or home (家搁某镇某村, 俺搁工地干活), not 搁置, 耽搁, 搁浅, 搁下
    (re.compile(r"嘞"), "的"),
    (re.compile(r"(?<=[家我他她们])搁(?![置浅下笔])"), "在"),
    # Henan, Shandong: 木 "not" (钱木有拨下来, 俺还木去过别嘞地方, 他也木法): 木有 outside trees and firms
    # (林木有限公司), 木 before a verb after a person or an adverb
    (re.compile(r"(?<![林树伐苗楠松柏杉桐枣梨杨柳檀椰灌原实硬软苏积红草乔枯])木有(?!限)"), "没有"),
    (re.compile(r"(?<=[俺我他她们也还都就又再可])木(?=去|找|法|要|拿|给|发|见|签|过|敢|到|来|告|寻)"), "没"),
    # Shaanxi, Gansu, Ningxia: 么 "not" before a verb (额么寻过仲裁, 也么到法院告过状; not 什么, 怎么, 那么 …);
    # 寻 "look for" (寻过仲裁, 寻他要钱, 你爱寻谁寻谁)
    (re.compile(r"(?<![什怎那这多要为甚咋啥])么(?=有|寻|找|到|去|给|见|发|签|过|拿|敢)"), "没"),
    (re.compile(r"寻(?=过|着|他|她|谁|人|政府|领导|老板|掌柜|厂|公司|仲裁|法院|律师|工作|活)"), "找"),
    # Northern Mandarin: 打 "from" before a time that starts something (打四月起就再没给过, 打端午过后, 打那以后)
    (
        re.compile(
            r"打(?=(?:阳历|农历|去年|今年|前年)?(?:[\d一二三四五六七八九十正腊冬]{1,3}月(?:份)?(?:[\d一二三四五六七八九十]{1,3}[号日])?"
            r"|端午|中秋|过年|春节|那)(?:节)?(?:起|开始|以后|往后|过后|以来))"
        ),
        "从",
    ),
    # Wu: 辣/勒 "at" after 住 (住辣某镇某村, 住勒…)
    (re.compile(r"(?<=住)[辣勒]"), "在"),
    # Hakka: 𠊎 "I"
    (re.compile(r"𠊎"), "我"),
)
_ANY = re.compile("|".join(f"(?:{p.pattern})" for p, _ in _READINGS))


# 我叫王福元 男 今年52了 我是前年腊月来的: a writer who types a space where a comma goes
_SPACE_COMMA = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def _spaces_for_commas(text: str) -> str:
    """A line of the writer's own prose (我/俺) with no punctuation and two or more spaces between words: the spaces
    are its commas (a form's or a table's cells keep theirs)."""
    def read(line: str) -> str:
        prose = re.search(r"[我俺]", line) and not re.search(r"[，,。：:；;！？|\t]", line)
        return _SPACE_COMMA.sub("，", line) if prose and len(_SPACE_COMMA.findall(line)) >= 2 else line

    return "\n".join(read(line) for line in text.split("\n"))


def mandarin_view(text: str) -> str:
    """`text` with dialect words read as Mandarin, and a writer's spaces between words read as the commas they
    stand for (`_spaces_for_commas`); the same length, so offsets are shared."""
    text = _spaces_for_commas(text)
    if not _ANY.search(text):
        return text
    for pattern, reading in _READINGS:
        text = pattern.sub(reading, text)
    return text


def as_written(value: Any, view: str, text: str, start: int | None = None) -> Any:
    """A value read from the view, as the letter writes it: the letter's characters where the value stands in
    the view; lists item by item. A value may be pieced together (facts skip a paragraph that describes the
    writer), so each of its lines is found on its own, in order, from `start` when given; whitespace may differ.
    A line not found is kept as it is."""
    if view == text:
        return value
    if isinstance(value, list):
        return [as_written(v, view, text) for v in value]
    if not isinstance(value, str) or not value.strip():
        return value
    pos, lines = start or 0, []
    for line in value.split("\n"):
        m = _find(line, view, pos) or _find(line, view, 0)
        if m is None:
            lines.append(line)
            continue
        out, j = [], m.start()
        for ch in line:
            if ch.isspace():
                out.append(ch)
                continue
            while view[j] != ch:  # whitespace of the view that the value does not keep
                j += 1
            out.append(text[j])
            j += 1
        lines.append("".join(out))
        pos = m.end()
    return "\n".join(lines)


def _find(line: str, view: str, pos: int) -> re.Match[str] | None:
    if not line.strip():
        return None
    return re.compile(r"\s*".join(re.escape(part) for part in line.split())).search(view, pos)
