"""Whether a letter states a required item at all, whatever words it uses: the check behind `complaint.missing.*`.

A missing-item flag used to fire whenever no value was read, so every way of stating an item the readers had
not met (a trade told as 在窑上出砖, an address as 村口小卖部旁边, an earlier 调解 told in a sentence) cost the
supervisor a false flag; each round's blind letters showed new ones, and a rule per wording only grows. This
model asks a different question than the value readers: not *which* words give the item, but *whether* the
letter gives it. One binary logistic model over (item, word) pairs of the whole letter (jieba words, digits
folded) learns, from the corpus's goldens, which words go with an item being stated; it is consulted only for
an item no reader filled, and when it is confident the item is recorded as stated but unread (no value, the
words that weighed most as evidence for the supervisor to check), so no missing flag fires. It never fills a
value. Built by `make models` (`stated.json.gz`).

A whole-letter bag of words can learn a training letter by heart, and on letters nobody here wrote it missed the
stated items no word of the corpus announced. So a second, sentence-level model (`stated_sentence.json.gz`) asks
the question of each sentence (its words, the words of the sentence before, the rules' cues within it, where it
stands in the letter): does this sentence state the item. It is trained on the sentences that hold the golden
value (the name, the age, the address as the golden copies it; for an item the golden gives no located value,
the sentence its own first fit likes best: one positive per letter, multiple-instance style), against every
sentence of letters that do not state the item. An item is stated when either model is confident; the sentence
model's evidence is the sentence itself. Leave-sets-out cross-validation (`python -m bench.stated_cv`) showed
the pair preventing more false flags than the letter model alone for the same suppressed true ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import learned, tokenize
from extractors.complaint import numerals as nm
from extractors.complaint.labels import kw

MODEL = "stated"
ITEMS = (
    "complainant.name", "complainant.age", "complainant.occupation", "complainant.employer",
    "complainant.address", "complainant.phone", "respondent.name", "respondent.address", "prior_proceedings",
    "complainant.gender", "facts",
)  # fmt: skip
THRESHOLD = 0.6
# Per item, read off leave-sets-out cross-validation on the training letters (`python -m bench.stated_cv`):
# where the model's "stated" removes clearly more false flags than it suppresses true ones; the employer's
# address is the hardest to tell from a place of work.
THRESHOLDS = {"respondent.address": 0.8, "complainant.age": 0.7}
# the sentence model says "stated" only when very sure: at 0.9 it adds to the letter model's prevented false flags
# (cross-validation: +63 prevented / +10 suppressed over 1,068 training letters; the dev sets: +5 / +0)
SENTENCE_MODEL = "stated_sentence"
SENTENCE_THRESHOLD = 0.9
MAX_CHARS = 4000
_WORD = re.compile(r"^[\u4e00-\u9fff#]{1,4}$")


def words(text: str) -> set[str]:
    """The letter's words, digits folded to # (47岁 and 52岁 are one word)."""
    folded = re.sub(r"\d+", "#", text[:MAX_CHARS])
    return {w for w in tokenize.cut(folded, hmm=False) if _WORD.match(w)}


_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|镇|乡|街道|村|组|路|街|巷|号|小区|社区|工业园|园区)")
_SELF = re.compile(r"我|本人|俺|投诉人|来电人|来信人|反映人")
_HOME = re.compile(r"住|家在|家是|老家|户籍|屋在|屋头|[县乡镇村组]人")
_SENTENCE = re.compile(r"[^。！？!?\n]+")
_CUES = {
    "sex_clause": re.compile(r"[，,（(]\s*[男女]\s*[，,）)]|性别"),
    "sir": re.compile(r"先生|女士"),
    "spouse": re.compile(r"丈夫|老公|妻子|老婆|媳妇|爱人"),
    "self_sex": re.compile(r"(?:我|俺)(?:是)?(?:一个)?(?:大?男人|女人|男的|女的|妇女|老汉|老头|老太)"),
    "intro": re.compile(r"(?:我|俺)(?:叫|是)[\u4e00-\u9fff]{2,3}[，,。]|本人[\u4e00-\u9fff]{2,3}[，,（(]|姓名"),
    "anon": re.compile(r"匿名|不愿透露|不便透露|不方便留|不留名|网友|一个打工的|隐去"),
    "age": re.compile(r"\d{1,2}\s*周?岁|[一二三四五六七八九十]{2,3}岁|年龄"),
    "born": re.compile(r"(?:\d{2,4}|[〇零一二三四五六七八九]{2})年(?:出生|生|属)|出生"),
    "id": nm.ID_NUMBER,
    "proceeding": re.compile(r"调解|仲裁|法院|起诉|判决|信访|没有(?:去)?(?:申请|找过|告|起诉)|未(?:申请|经)"),
}


def cues(text: str) -> dict[str, float]:
    """What the rules' own readers look for, counted without deciding whose it is: phones and places beside the
    writer or beside another party, a sex stated in a clause, an introduction, an anonymous writer, an age."""
    text = text[:MAX_CHARS]
    out: dict[str, float] = {}

    def bump(key: str) -> None:
        out[key] = min(out.get(key, 0.0) + 1.0, 3.0)

    other = kw("other_party")
    for _phone, start, _end in nm.find_phones(text):
        before = text[max(0, start - 12) : start]
        bump("phone_other" if other.search(before) else "phone_self" if _SELF.search(before) else "phone_bare")
    for sm in _SENTENCE.finditer(text):
        sentence = sm.group()
        if not _PLACE.search(sentence):
            continue
        if _HOME.search(sentence):
            bump("place_home")
        if other.search(sentence):
            bump("place_party")
    for key, pattern in _CUES.items():
        if pattern.search(text):
            bump(key)
    return {k: v for k, v in out.items()}


def features(item: str, letter_words: set[str], letter_cues: dict[str, float] | None = None) -> dict[str, float]:
    f = {f"{item}|bias": 1.0}
    for w in letter_words:
        f[f"{item}|{w}"] = 1.0
    for key, count in (letter_cues or {}).items():
        f[f"{item}|cue:{key}"] = 1.0
        f[f"{item}|cue:{key}#{int(count)}"] = 1.0
    return f


def available() -> bool:
    return learned.load(MODEL) is not None or learned.load(SENTENCE_MODEL) is not None


_UNIT = re.compile(r"[^。！？!?；;\n]+")


@dataclass(frozen=True)
class Unit:
    """One sentence of the letter, with what its features are made of (the same for every item)."""

    start: int
    end: int
    words: frozenset[str]
    cues: frozenset[str]  # the rules' cues found in it (stated.cues)


def units(text: str) -> list[Unit]:
    """The letter's sentences (split at 。！？；and line ends), each cut once."""
    out = []
    for m in _UNIT.finditer(text[:MAX_CHARS]):
        sentence = m.group()
        if not sentence.strip():
            continue
        out.append(Unit(m.start(), m.end(), frozenset(words(sentence)), frozenset(cues(sentence))))
    return out


def sentence_features(item: str, all_units: list[Unit], k: int) -> dict[str, float]:
    """The features of sentence k for `item`: its words, the previous sentence's words (half weight), the rules'
    cues inside it, whether it opens or closes the letter, whether it is short (a signature line, a label)."""
    unit = all_units[k]
    f = {f"{item}|bias": 1.0}
    for w in unit.words:
        f[f"{item}|{w}"] = 1.0
    if k:
        for w in all_units[k - 1].words:
            f[f"{item}|p:{w}"] = 0.5
    for key in unit.cues:
        f[f"{item}|cue:{key}"] = 1.0
    if k < 3:
        f[f"{item}|pos:head"] = 1.0
    if k >= len(all_units) - 4:
        f[f"{item}|pos:tail"] = 1.0
    if unit.end - unit.start < 20:
        f[f"{item}|short"] = 1.0
    return f


def best_sentence(item: str, all_units: list[Unit]) -> tuple[tuple[int, int], float] | None:
    """The sentence the sentence model finds likeliest to state `item`, with its probability."""
    model = learned.load(SENTENCE_MODEL)
    if model is None or not all_units:
        return None
    best: tuple[tuple[int, int], float] | None = None
    for k, unit in enumerate(all_units):
        p = model.probabilities(sentence_features(item, all_units, k))[model.classes[-1]]
        if best is None or p > best[1]:
            best = (unit.start, unit.end), p
    return best


def stated(
    item: str, text: str, letter_words: set[str] | None = None, letter_cues: dict[str, float] | None = None,
    letter_units: list[Unit] | None = None,
) -> tuple[tuple[int, int], float] | None:
    """(evidence span, probability) when either model is confident the letter states `item`: the letter model's
    evidence is the word that weighed most, the sentence model's the sentence."""
    model = learned.load(MODEL)
    if model is not None:
        letter_words = letter_words if letter_words is not None else words(text)
        feats = features(item, letter_words, letter_cues if letter_cues is not None else cues(text))
        p = model.probabilities(feats)[model.classes[-1]]
        if p >= THRESHOLDS.get(item, THRESHOLD):
            for feature in model.strongest(feats, model.classes[-1], 5):
                word = feature.split("|", 1)[1]
                if word != "bias" and "#" not in word and (at := text.find(word)) >= 0:
                    return (at, at + len(word)), p
    if learned.load(SENTENCE_MODEL) is None:
        return None
    found = best_sentence(item, letter_units if letter_units is not None else units(text))
    if found is not None and found[1] >= SENTENCE_THRESHOLD:
        return found
    return None
