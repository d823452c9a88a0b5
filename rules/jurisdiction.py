"""Compare a place of employment with the office's jurisdiction as administrative divisions, not strings.

jionlp.parse_location fills province/city/county from partial addresses (柳州市融水县… -> 广西壮族自治区 /
柳州市 / 融水苗族自治县), which handles the short county forms letters use. It also guesses aggressively
(工业园区 -> a park in 河南濮阳), so a parsed level is trusted only when the address actually names it
(the level's short name stands in the text) or a deeper trusted level implies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors import jio
from extractors.rx import find_all

LEVELS = ("province", "city", "county")
# Characters of a division name that must appear in the address for the parse of that level to count.
# Two characters identify nearly every division (广西, 柳州, 融水, 内蒙) and survive the short forms
# (融水县 for 融水苗族自治县, 广西 for 广西壮族自治区).
SHORT_NAME_CHARS = 2


@dataclass(frozen=True)
class Division:
    province: str | None = None
    city: str | None = None
    county: str | None = None

    def level(self) -> str | None:
        """The deepest level known, e.g. 'county'."""
        for name in reversed(LEVELS):
            if getattr(self, name):
                return name
        return None

    def label(self) -> str:
        parts = [getattr(self, n) for n in LEVELS]
        # Municipalities repeat themselves (北京市/北京市): say it once.
        return "".join(dict.fromkeys(p for p in parts if p))


@lru_cache(maxsize=512)
def parse_division(address: str | None) -> Division | None:
    """The administrative division an address names, or None when it names none reliably."""
    if not address or not address.strip():
        return None
    jionlp = jio.jionlp()  # slow import (~1 s): only when a complaint is actually checked

    parsed = jionlp.parse_location(address, town_village=False)
    values = {n: parsed.get(n) for n in LEVELS}
    trusted = {n: v for n, v in values.items() if v and _named_in(v, address)}
    if not trusted or not any(_written(v, address) for v in trusted.values()):
        # a name only as part of another word: 惠民购物广场 is a shop, not 惠民县
        return None
    deepest = max(LEVELS.index(n) for n in trusted)
    # A named county implies its city and province (jionlp resolved them); an un-named deeper level is
    # dropped because it was guessed.
    kept = {n: values[n] for n in LEVELS[: deepest + 1]}
    if not kept.get("province"):
        # A county or town name without a province is ambiguous (长安镇 exists in many provinces).
        return None
    return Division(**kept)


# district names that are also what every town calls its parts (城东, 城关 …): only written with their kind
_KINDS = frozenset("省市县区州盟旗")  # what follows a short name written with its kind (融水县)
_EVERY_TOWN_HAS_ONE = frozenset({"城东", "城西", "城南", "城北", "城中", "城关", "城区", "新区", "郊区", "东区", "西区",
                                 "南区", "北区", "中区", "市中", "开发", "古城", "老城", "新城"})


_ESTATE = re.compile(r"花园|小区|家园|苑|府|华庭|名都|公馆|大厦|广场|新城|国际|岛|湾|湖|峡")


def _written(name: str, address: str) -> bool:
    """The division written as one: in full (融水苗族自治县), short with its kind (融水县, 三江县), or short as a
    place name (泗阳仓, 珲春边境经济合作区) — not inside another word (惠民购物广场: a shop called 惠民)."""
    from extractors import tokenize

    short = name[:SHORT_NAME_CHARS]
    with_kind = any(address[at + len(short) : at + len(short) + 1] in _KINDS for at in find_all(address, short))
    if name in address or with_kind:
        return True
    if short in _EVERY_TOWN_HAS_ONE:
        return False  # 城东配送站: the east of any town, not 西宁市城东区
    # 兴国镇 / 长安乡: a town that shares its name with a county elsewhere is a town, not that county
    base = re.sub(r"(?:自治县|自治旗|县|区|市|旗)$", "", name)  # 清水河县 -> 清水河
    at, prev = 0, ""
    for word, flag in tokenize.posseg(address):
        # a word that starts like the county but goes on otherwise is another place (清水湾 of 清水河县); what
        # follows the name as jieba cut it decides the rest (清水河|镇往… is a town)
        glued = word[:1] in "镇乡村" and at > 0 and "\u4e00" <= address[at - 1] <= "\u9fff" and prev != "ns"
        if word.startswith(short) and (glued or not (base.startswith(word) or word.startswith(base))):
            # (陈埭|镇江|头村: the 镇 ends the town before it, no 镇江市 here)
            at, prev = at + len(word), flag
            continue
        # (after the short name and after the word: 清水|湾 is a bay whatever jieba joined)
        afters = [address[at + n : at + n + 2] for n in {len(short), len(word)}] if word.startswith(short) else []
        branded = address[at - 1 : at] in ("·", "•", "“", "「") if at else False  # 盛泰·江山樾: an estate's name
        at, prev = at + len(word), flag
        # 丽水花园: an estate; 秀山岛: an island, not 秀山县
        estate = any(_ESTATE.match(a) for a in afters)
        town = any(re.match(r"镇|乡|村|街道|社区", a) for a in afters) or re.search(r"(?:镇|乡|村|街道|社区)$", word)
        if word.startswith(short) and flag == "ns" and not branded and not estate and not town:
            return True
    return False


def _named_in(name: str, address: str) -> bool:
    return name[:SHORT_NAME_CHARS] in address


def compare(place: Division, jurisdiction: Division) -> bool | None:
    """True when `place` lies inside `jurisdiction`, False when outside, None when it cannot be told.

    Compared level by level down to the jurisdiction's own level; a level unknown for the place leaves the
    answer open unless a higher level already differs.
    """
    for name in LEVELS:
        want = getattr(jurisdiction, name)
        if want is None and name == "city" and jurisdiction.county:
            # a county under the province itself (临高县, 仙桃市) lies in no city: a place in a city is outside it
            if place.city is not None:
                return False
            continue
        if want is None:
            break
        have = getattr(place, name)
        if have is None:
            return None
        if have != want:
            return False
    return True


def sibling_county(address: str | None, office: Division) -> Division | None:
    """A county of the office's own city written in `address` with its kind (宣化区洋河南镇工业园区 to an office
    in 张家口市蔚县): letters name a neighbouring county without its city, and jionlp, given no city, guesses
    elsewhere (洋河南 -> 河南). Only the office's own city's counties are looked for, so the guess is bounded."""
    if not address or not office.province or not office.city or not office.county:
        return None
    for name, short in _counties_of(office.province, office.city):
        if name == office.county:
            continue
        at = address.find(name) if name in address else address.find(short + name[-1])
        if at < 0 and (alias := _banner_alias(name)):
            at = address.find(alias)  # 察右后旗 for 察哈尔右翼后旗, 科左中旗 for 科尔沁左翼中旗
        if at == 0 or (at > 0 and not re.match(r"[\u4e00-\u9fff]", address[at - 1])) or (
            at > 0 and address[:at].endswith((office.city, office.city[:-1]))
        ):
            return Division(office.province, office.city, name)
    return None


def _banner_alias(name: str) -> str | None:
    """How Inner Mongolia writes a banner short: its first character and its wing and place (察哈尔右翼后旗 ->
    察右后旗, 土默特右旗 -> 土右旗, 鄂托克前旗 -> 鄂前旗)."""
    if m := re.fullmatch(r"(.)[\u4e00-\u9fff]+?([左右])翼([前中后])旗", name):
        return m.group(1) + m.group(2) + m.group(3) + "旗"
    if m := re.fullmatch(r"(.)[\u4e00-\u9fff]+?([左右前中后])旗", name):
        return m.group(1) + m.group(2) + "旗"
    return None


@lru_cache(maxsize=64)
def _counties_of(province: str, city: str) -> tuple[tuple[str, str], ...]:
    """(name, short name) of each county-level division of a city, from jionlp's table (loaded once per city: the
    table takes a third of a second to load)."""
    table = jio.jionlp().china_location_loader().get(province, {}).get(city, {})
    out = []
    for name in table:
        if name.startswith("_"):
            continue
        short = _short_county(name)
        if len(short) >= 2:
            out.append((name, short))
    return tuple(out)


def _short_county(name: str) -> str:
    """A county-level division as letters write it: 融水苗族自治县 -> 融水苗族, 璧山区 -> 璧山, 北京市朝阳区 -> 朝阳."""
    return re.sub(r"(?:自治县|自治旗|县|区|旗|市)$", "", re.sub(r"^.{2,}?(?:市)(?=.{2,})", "", name))


@lru_cache(maxsize=16)
def towns_of(office: Division) -> tuple[str, ...]:
    """The towns, townships and street offices of the office's county (jionlp's five-level table, loaded once),
    each as written in full (白沙镇, 九河白族乡), three characters at least."""
    if not (office.province and office.city and office.county):
        return ()
    table = jio.jionlp().china_location_loader(detail=True)
    county = table.get(office.province, {}).get(office.city, {}).get(office.county, {})
    return tuple(n for n in county if not n.startswith("_") and len(n) >= 3 and re.search(r"[镇乡]$|街道$", n))


# a firm named with the office's county first (重庆璧山宏达汽车零部件有限公司, 玉龙县某酒店), and a place of work after
# a town (白沙镇开的酒店). (complaint_keywords.yaml `org_suffix`, tried here, is wider: after a town or a county name
# it matched places no one worked at, and two true flags of the corpus were lost)
_ORGANISATION = re.compile(
    r"[\u4e00-\u9fff]{2,18}?(?:有限责任公司|有限公司|公司|分公司|厂|酒店|宾馆|医院|学校|项目部|工地|农场|牧场|合作社|超市)"
)
_WORKPLACE_AFTER = re.compile(
    r"[^，,。；;！!？?\n]{0,12}?(?:酒店|宾馆|厂|公司|店|工地|项目|医院|学校|幼儿园|农场|牧场|养殖场|基地|车间|超市|矿|砖窑|窑)"
)


# words no registered name holds (隆回县群众刘某反映家具厂, 涞水过去的工友去公司): a sentence, not a name; and an
# office of the state (璧山区人力资源和社会保障局, 某县人民法院), no place of employment
_NOT_A_NAME = re.compile(r"的|群众|反映|过去|[去到在找说给是了和与把被让]")
_STATE_OFFICE = re.compile(r"局|大队|政府|法院|委员会|监察|信访|办公室|检察院|人大|政协")


def named_in_office(text: str, office: Division, skip: list[str], respondent: str | None = None) -> str | None:
    """A town of the office's own county, or an organisation named with the county's name, that the letter names
    outside the values in `skip` (the addresses already read) and the employer's own name (`respondent`): a sign
    that the work was done here even when the employer is registered elsewhere (被安排在公司在白沙镇开的酒店,
    被派遣到重庆璧山某公司)."""
    if not text or not office.county:
        return None
    rest = text
    for value in [*skip, respondent or ""]:
        if value:
            rest = rest.replace(value, "")
    for town in towns_of(office):
        # a town as where a workplace stands (公司在白沙镇开的酒店), not as where the writer lives or was fetched
        # (家住某镇… 公司的车到我们某镇接人)
        for at in find_all(rest, town):
            if _WORKPLACE_AFTER.match(rest, at + len(town)):
                return town
    for name in {office.county, _short_county(office.county)}:
        for at in find_all(rest, name):
            m = _ORGANISATION.match(rest, at + len(name))
            if m and not _STATE_OFFICE.search(m.group()) and not _NOT_A_NAME.search(m.group()):
                return name + m.group()
    return None
