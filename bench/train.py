"""`make models`: build the learned models from the corpus in the repository, evaluate, install if not worse.

    python -m bench.train [--force] [--only doctype|commitment]

Training data: the corpus's train sets (tests/fixtures/corpus/train_*) and the committed extractor fixtures
(tests/fixtures/complaints, reports), each document in both built formats. Development data: the dev sets
(tests/fixtures/corpus/dev_*), which the models never see. A model is scored on the dev documents through
the whole pipeline (bench/eval_corpus.py) with the newly built model, with the installed one, and with the
rules alone; it is installed (extractors/data/models/NAME.json.gz, evaluation beside it as NAME.eval.json)
only when it does not score worse than the installed one and the extractor tests pass with it (run with the
candidate models through GAPFLOW_MODELS_DIR), or with --force. Deterministic: same corpus, same files.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from bench.corpus import DEV_SETS, TRAIN_SETS, Case, cases
from bench.eval_holdout import _get, _norm
from extractors import learned

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_GROUPS = {"complaints": "complaint", "reports": "work_report"}
# The five real documents of tests/fixtures/seeds (no golden of their own type): an essay, a notice, reports.
SEED_TYPES = {"01_": "other", "02_": "notice", "03_": "work_report", "04_": "work_report", "05_": "work_report"}
MODEL_VERSION = "2026.12.1"
MIN_WEIGHT = 1e-3
MATCH = 85.0
UNBALANCED = {"period_ongoing"}  # models whose classes are fitted as they occur


def training_cases() -> list[Case]:
    found: list[Case] = []
    for name in TRAIN_SETS:
        found += cases(name)
    for group, kind in FIXTURE_GROUPS.items():
        folder = ROOT / "tests" / "fixtures" / group
        for golden_path in sorted(folder.glob("*.expected.json")):
            stem = golden_path.name.removesuffix(".expected.json")
            golden = json.loads(golden_path.read_text(encoding="utf-8"))
            golden.setdefault("doc_type", kind)
            for fmt in ("docx", "pdf"):
                if (path := folder / f"{stem}.{fmt}").exists():
                    found.append(Case(group, stem, golden, path))
    seeds = ROOT / "tests" / "fixtures" / "seeds"
    for path in sorted([*seeds.glob("*.docx"), *seeds.glob("*.pdf")]):
        kind = SEED_TYPES.get(path.name[:3])
        if kind:  # a type only (no commitments golden): used by the document-type model
            found.append(Case("seeds", path.stem, {"doc_type": kind, "seed": True}, path))
    return found


def dev_cases() -> list[Case]:
    return [c for name in DEV_SETS for c in cases(name)]


def _read(case: Case) -> Any:
    from extractors.readers import read_document

    return read_document(case.path.read_bytes(), case.path.name)


# --------------------------------------------------------------------------- rows


def doctype_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    from extractors.classify import classify_by_rules
    from extractors.learned.doctype import features_of

    rows, labels = [], []
    for case in case_list:
        text = _read(case).text
        rules = classify_by_rules(text)
        rows.append(features_of(text, rules))
        labels.append(case.golden["doc_type"])
    return rows, labels


def commitment_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    """Every sentence of every golden work report; `yes` when a golden commitment stands in it (or it in one)."""
    from extractors.learned.commitments import features
    from extractors.report import extract_report
    from extractors.report.commitments import is_plan_document, sentence_views

    rows, labels = [], []
    for case in case_list:
        if case.golden.get("doc_type") != "work_report" or case.golden.get("seed"):
            continue
        doc = _read(case)
        extraction = extract_report(doc, models=False)
        wanted = [_norm(c["text"]) for c in case.golden.get("commitments", [])]
        plan_doc = is_plan_document(doc.text)
        for view in sentence_views(extraction.sentences, extraction.sections, extraction.foreign_spans, plan_doc):
            text = _norm(view.sentence.text)
            yes = any(fuzz.partial_ratio(w, text) >= MATCH and min(len(w), len(text)) >= 6 for w in wanted)
            rows.append(features(view))
            labels.append("yes" if yes else "no")
    return rows, labels


def request_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    """Every sentence of every golden complaint letter; `yes` when a golden request stands in it (or it in one)."""
    from extractors.complaint import extract_complaint
    from extractors.complaint.chat import mask_chat
    from extractors.complaint.forwarded import mask_cover
    from extractors.learned.requests import features, sentences

    rows, labels = [], []
    for case in case_list:
        if case.golden.get("doc_type") != "complaint":
            continue
        doc = _read(case)
        text = mask_cover(doc.text) or doc.text
        if chat := mask_chat(text):
            text = chat[0]
        extract_complaint(doc)  # warms the same tokeniser state as at run time
        wanted = [_norm(r) for r in case.golden.get("fields", {}).get("requests", []) or []]
        spans = sentences(text)
        for k, (s, e) in enumerate(spans):
            sentence = _norm(text[s:e])
            yes = any(fuzz.partial_ratio(w, sentence) >= MATCH and min(len(w), len(sentence)) >= 6 for w in wanted)
            rows.append(features(text, spans, k))
            labels.append("yes" if yes else "no")
    return rows, labels


def span_sequences(case_list: list[Case]) -> list[tuple[list[list[str]], list[str]]]:
    """Every sentence of every golden complaint letter: character features and BIO labels of the golden
    values (their first occurrence in the text, as written)."""
    from extractors.complaint import extract_complaint
    from extractors.learned.spans import LABELS, char_features, rule_label_track, sentences, words_of

    found = []
    for case in case_list:
        if case.golden.get("doc_type") != "complaint":
            continue
        doc = _read(case)
        text = doc.text
        shown = doc.written or text
        fields = extract_complaint(doc)
        gold: list[str] = ["O"] * len(text)
        for label, path in LABELS.items():
            value = _get(case.golden.get("fields", {}), path)
            if not isinstance(value, str) or not value.strip():
                continue
            at = shown.find(value)
            if at < 0:
                at = text.find(value)
            if at < 0:
                continue
            if any(t != "O" for t in gold[at : at + len(value)]):
                continue
            gold[at] = f"B-{label}"
            for k in range(at + 1, at + len(value)):
                gold[k] = f"I-{label}"
        track = rule_label_track(len(text), fields.evidence)
        words = words_of(text)
        for s, e in sentences(text):
            found.append((char_features(text, s, e, track, words), gold[s:e]))
    return found


# the slot rankers' rows of one training run, built once for the four slot models (key: the training cases)
_SLOT_ROWS: dict[tuple[str, ...], dict[str, tuple[list[dict[str, float]], list[str]]]] = {}


def _letters(case_list: list[Case]) -> Iterator[tuple[dict[str, Any], Any, str]]:
    """Each golden letter's fields, and what the rules (with the span and request models) recorded of it,
    with the text they read: what every ranker's rows are built from."""
    from extractors.complaint import record_fields

    for case in case_list:
        if case.golden.get("doc_type") == "complaint":
            rec, text = record_fields(_read(case), models=True)
            yield case.golden.get("fields", {}), rec, text


def slot_rows(case_list: list[Case]) -> dict[str, tuple[list[dict[str, float]], list[str]]]:
    """Every candidate span of every golden complaint letter, per slot: its features and whether it is the
    golden value (compared as the scorer compares)."""
    from extractors.learned.slots import SLOTS
    from extractors.learned.slots import slot_rows as rows_of

    out: dict[str, tuple[list[dict[str, float]], list[str]]] = {slot: ([], []) for slot in SLOTS}
    for fields, rec, text in _letters(case_list):
        for slot, rows in rows_of(text, rec.evidence, rec.values).items():
            want = _get(fields, SLOTS[slot])
            for cand, feats in rows:
                out[slot][0].append(feats)
                out[slot][1].append("yes" if isinstance(want, str) and _norm(cand.text) == _norm(want) else "no")
    return out


def amount_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    """Every amount (and sum of claimed amounts) of every golden letter: is it the golden amount claimed."""
    from extractors.complaint import span_of, stated
    from extractors.learned.amount import candidates

    rows, labels = [], []
    for fields, rec, text in _letters(case_list):
        want = fields.get("amount_claimed_yuan")
        claimed = stated(rec, "amount_claimed_yuan", float)
        for cand, feats in candidates(text, span_of(rec, "requests"), span_of(rec, "facts"), claimed):
            rows.append(feats)
            labels.append("yes" if want is not None and abs(float(want) - cand.value) <= 0.5 else "no")
    return rows, labels


def age_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    """Every stated age of every golden letter: is it the complainant's golden age."""
    from extractors.complaint import stated
    from extractors.complaint.gender import written_for_relative
    from extractors.learned.age import candidates

    rows, labels = [], []
    for fields, rec, text in _letters(case_list):
        want = (fields.get("complainant") or {}).get("age")
        relative = written_for_relative(rec, text)
        rule = stated(rec, "complainant.age", int)
        for age, _where, feats in candidates(text, rec.get("complainant.name"), relative, rule):
            rows.append(feats)
            labels.append("yes" if want is not None and int(want) == age else "no")
    return rows, labels


def gender_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    """One row per golden letter: the words about the complainant, and the golden gender (or none)."""
    from extractors.complaint.gender import written_for_relative
    from extractors.learned.gender import features

    rows, labels = [], []
    for fields, rec, text in _letters(case_list):
        want = (fields.get("complainant") or {}).get("gender")
        rows.append(features(text, rec.get("complainant.name"), written_for_relative(rec, text)))
        labels.append(want if want in ("男", "女") else "none")
    return rows, labels


def collective_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    """One row per golden letter: where it counts people and speaks as a group, and whether it is collective."""
    from extractors.learned.collective import features

    rows, labels = [], []
    for fields, rec, text in _letters(case_list):
        rows.append(features(text, rec))
        labels.append("yes" if fields.get("collective") else "no")
    return rows, labels


def address_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    """Each clause after an employer's address (the rest of its clause, the clauses after a comma), from where
    the golden's first clause ends and from where the rules end inside it: does the golden address run on
    into it. The rows stop at the first clause it does not (as extending stops)."""
    from extractors.learned.address import features
    from extractors.learned.address import rows as steps_of

    rows, labels = [], []
    for fields, rec, text in _letters(case_list):
        want = (fields.get("respondent") or {}).get("address")
        if not isinstance(want, str) or not want or (at := text.find(want)) < 0:
            continue
        gold_end = at + len(want)
        ends = {at + min(k for k in (want.find("，"), want.find(","), len(want)) if k >= 0)}
        ev = rec.evidence.get("respondent.address")
        if ev is not None and ev.start == at and at < ev.end <= gold_end:
            ends.add(ev.end)
        for end in sorted(ends):
            last = end
            for kind, c_start, c_end, step in steps_of(text, end):
                label = "yes" if c_end <= gold_end else "no"
                rows.append(features(text, last, c_start, c_end, kind, step))
                labels.append(label)
                if label == "no":
                    break
                last = c_end
    return rows, labels


def period_rows(role: str) -> Callable[[list[Case]], tuple[list, list]]:
    """Every dated period of every golden letter, as the start (or end) of the violation: is it the golden's."""

    def make(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
        from datetime import date

        from extractors.complaint import span_of
        from extractors.complaint.dates import story_anchor
        from extractors.learned.period import rows as rows_of

        rows, labels = [], []
        for fields, rec, text in _letters(case_list):
            want = fields.get(f"violation_{role}")
            rules = {"start": rec.get("violation_start"), "end": rec.get("violation_end")}
            items = rows_of(text, story_anchor(rec, text), span_of(rec, "facts"), rules,
                            bool(rec.get("violation_ongoing")))[role]
            for value, _where, feats in items:
                rows.append(feats)
                labels.append("yes" if want and value == date.fromisoformat(want) else "no")
        return rows, labels

    return make


def period_ongoing_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    """One row per golden letter: does its violation run on (the golden's end unstated)."""
    from extractors.complaint import span_of
    from extractors.complaint.dates import story_anchor
    from extractors.learned.period import ongoing_features
    from extractors.learned.period import rows as rows_of

    rows, labels = [], []
    for fields, rec, text in _letters(case_list):
        rules = {"start": rec.get("violation_start"), "end": rec.get("violation_end")}
        anchor, facts, ongoing = story_anchor(rec, text), span_of(rec, "facts"), bool(rec.get("violation_ongoing"))
        n = len(rows_of(text, anchor, facts, rules, ongoing, ("end",), ())["end"])
        rows.append(ongoing_features(text, anchor, facts, rules, ongoing, n))
        labels.append("yes" if fields.get("violation_end") is None else "no")
    return rows, labels


def period_pair_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    """For every golden letter whose end is one of its dated periods: the golden end's features less each other
    candidate's ("yes") and the reverse ("no")."""
    from datetime import date

    from extractors.complaint import span_of
    from extractors.complaint.dates import story_anchor
    from extractors.learned.period import pair_rows
    from extractors.learned.period import rows as rows_of

    rows, labels = [], []
    for fields, rec, text in _letters(case_list):
        if not (want := fields.get("violation_end")):
            continue
        rules = {"start": rec.get("violation_start"), "end": rec.get("violation_end")}
        items = rows_of(text, story_anchor(rec, text), span_of(rec, "facts"), rules,
                        bool(rec.get("violation_ongoing")), ("end",))["end"]
        letter_rows, letter_labels = pair_rows(items, date.fromisoformat(want))
        rows += letter_rows
        labels += letter_labels
    return rows, labels


def _slot_spec(slot: str) -> Callable[[list[Case]], tuple[list, list]]:
    def make(case_list: list[Case]) -> tuple[list, list]:
        key = tuple(str(c.path) for c in case_list)
        if key not in _SLOT_ROWS:
            _SLOT_ROWS[key] = slot_rows(case_list)
        return _SLOT_ROWS[key][slot]

    return make


def train_spans(force: bool = False) -> dict[str, Any]:
    import pycrfsuite

    from extractors.learned import spans

    sequences = span_sequences(training_cases())
    with tempfile.TemporaryDirectory() as tmp:
        candidate_dir = Path(tmp)
        for other in learned.MODELS_DIR.glob("*.json.gz"):  # the linear models stay as they are
            shutil.copyfile(other, candidate_dir / other.name)
        path = candidate_dir / spans.MODEL_FILE
        sys.stderr.write(f"spans: {len(sequences)} sentences\n")
        trainer = pycrfsuite.Trainer(verbose=False)
        for xseq, yseq in sequences:
            trainer.append(xseq, yseq)
        trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True})
        trainer.train(str(path))
        installed_path = learned.MODELS_DIR / spans.MODEL_FILE
        new = dev_figures(candidate_dir, models=True)
        installed = dev_figures(None, models=True) if installed_path.exists() else None
        rules = dev_figures(None, models=False)
        report = {
            "model": "spans", "version": MODEL_VERSION, "training_sequences": len(sequences),
            "training_spans": sum(1 for _x, y in sequences for t in y if t.startswith("B-")),
            "bytes": path.stat().st_size, "dev_sets": list(DEV_SETS), "objective": "complaint field accuracy",
            "dev_new": new, "dev_installed": installed, "dev_rules_alone": rules,
        }
        objective = _objective("spans")
        better = installed is None or objective(new) >= objective(installed)
        if better and not force and (failed := behaviour_tests(candidate_dir, "spans", report)):
            better = False
            report["tests_failed"] = failed
        report["installed"] = bool(better or force)
        if report["installed"]:
            shutil.copyfile(path, installed_path)
            (learned.MODELS_DIR / "spans.eval.json").write_text(
                json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    spans.reset()
    return report


# --------------------------------------------------------------------------- fitting


def fit(name: str, rows: list[dict[str, float]], labels: list[str], c: float) -> dict[str, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    # (the ongoing model's classes keep their weight: balanced, it would end one letter in seven too few)
    model = LogisticRegression(C=c, max_iter=2000, class_weight=None if name in UNBALANCED else "balanced")
    model.fit(x, labels)
    names = vectorizer.get_feature_names_out()
    coef = model.coef_
    weights = {}
    for j, feature in enumerate(names):
        column = [round(float(coef[r, j]), 4) for r in range(coef.shape[0])]
        if max(abs(w) for w in column) >= MIN_WEIGHT:
            weights[str(feature)] = column
    return {
        "name": name, "version": MODEL_VERSION, "classes": [str(k) for k in model.classes_],
        "intercepts": [round(float(b), 4) for b in model.intercept_], "weights": weights,
    }


def write_model(data: dict[str, Any], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{data['name']}.json.gz"
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(payload, mtime=0))
    return path


# --------------------------------------------------------------------------- gate


def dev_figures(model_dir: Path | None, models: bool) -> dict[str, Any]:
    """Dev figures through the whole pipeline with the models of `model_dir` (None: the installed ones)."""
    from bench.eval_corpus import run_set
    from extractors.learned import spans

    saved = learned.MODELS_DIR
    if model_dir is not None:
        learned.MODELS_DIR = model_dir
    learned.load.cache_clear()
    spans.reset()
    try:
        score, _ = run_set(dev_cases(), models=models)
        return score.figures()
    finally:
        learned.MODELS_DIR = saved
        learned.load.cache_clear()
        spans.reset()


def stated_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    """One row per golden letter and required item the rules alone leave unstated (where the model is asked):
    does the letter state it all the same (no missing flag expected)."""
    from extractors.complaint import record_fields
    from extractors.learned.stated import ITEMS, cues, features, words

    rows, labels = [], []
    for case in case_list:
        if case.golden.get("doc_type") != "complaint":
            continue
        rec, text = record_fields(_read(case), models=False)
        letter_words, letter_cues = words(text), cues(text)
        expected = set(case.golden.get("expected_flags") or [])
        for item in ITEMS:
            if rec.has(item):
                continue
            rows.append(features(item, letter_words, letter_cues))
            labels.append("no" if f"complaint.missing.{item}" in expected else "yes")
    return rows, labels


_GENDER_WORDS = re.compile(r"[男女]|先生|女士|丈夫|老公|妻子|老婆|媳妇|爱人|儿子|女儿|母亲|父亲|妈|爸|老汉|大姐|大哥")
_PROCEEDING_WORDS = re.compile(
    r"调解|仲裁|法院|起诉|判决|信访|协调|找过|去过|投诉过|反映过|没有|未|还没|报警|派出所|劳动监察|12345")
_AGE_WORDS = re.compile(r"岁|出生|生于|年生|属[鼠牛虎兔龙蛇马羊猴鸡狗猪]|身份证")


def _holds(item: str, value: Any, sentence: str) -> bool:
    """Whether a sentence holds the golden value of `item` (for the items whose golden gives no span to find,
    a sentence with the words such an item is told in)."""
    from extractors.complaint import numerals as nm

    if item == "complainant.age":
        return str(value) in sentence or bool(_AGE_WORDS.search(sentence) and (
            "出生" in sentence or "生于" in sentence or nm.ID_NUMBER.search(sentence)))
    if item == "complainant.gender":
        return bool(_GENDER_WORDS.search(sentence))
    if item == "prior_proceedings":
        return bool(_PROCEEDING_WORDS.search(sentence))
    folded = _norm(sentence)
    want = _norm(str(value))
    if item == "facts":
        want = want[:30]
        return len(folded) >= 6 and fuzz.partial_ratio(want, folded) >= MATCH
    if item == "complainant.phone":
        digits = re.sub(r"\D", "", want)
        return bool(digits) and digits in re.sub(r"\D", "", sentence)
    return want in folded or (len(want) >= 4 and len(folded) >= len(want) and fuzz.partial_ratio(want, folded) >= MATCH)


def stated_letters(case_list: list[Case]) -> list[dict[str, Any]]:
    """Each golden letter once, as the stated models see it: the text, the items the rules alone read, the
    sentences, the golden's expected flags and fields."""
    from extractors.complaint import record_fields
    from extractors.learned.stated import ITEMS, units

    out = []
    for case in case_list:
        if case.golden.get("doc_type") != "complaint":
            continue
        rec, text = record_fields(_read(case), models=False)
        out.append({"set": case.set_name, "text": text, "has": {i: rec.has(i) for i in ITEMS},
                    "units": units(text), "expected": set(case.golden.get("expected_flags") or []),
                    "fields": case.golden.get("fields") or {}})
    return out


def sentence_rows(letters: list[dict[str, Any]], c: float = 0.3) -> tuple[list[dict[str, float]], list[str]]:
    """One row per sentence, for each letter and required item the rules alone leave unread: "yes" for the
    sentences that hold the golden value (at most three), "no" for the letter's other sentences and for every
    sentence of a letter that does not state the item. A letter that states the item where no sentence can be
    matched to the golden gives one positive: the sentence a first fit on the others likes best."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from extractors.learned.stated import ITEMS, sentence_features

    rows, labels, unplaced = [], [], []
    for letter in letters:
        text, letter_units, fields = letter["text"], letter["units"], letter["fields"]
        if not letter_units:
            continue
        for item in ITEMS:
            if letter["has"][item]:
                continue
            item_rows = [sentence_features(item, letter_units, k) for k in range(len(letter_units))]
            if f"complaint.missing.{item}" in letter["expected"]:
                rows += item_rows
                labels += ["no"] * len(item_rows)
                continue
            value = fields.get("prior_proceedings") if item in ("prior_proceedings", "facts") else _get(fields, item)
            hits = [] if value in (None, "", [], "unknown") else [
                k for k, u in enumerate(letter_units) if _holds(item, value, text[u.start : u.end])][:3]
            if not hits:
                unplaced.append(item_rows)
                continue
            rows += item_rows
            labels += ["yes" if k in hits else "no" for k in range(len(item_rows))]
    if unplaced:
        vectorizer = DictVectorizer()
        first = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
        first.fit(vectorizer.fit_transform(rows), labels)
        yes = list(first.classes_).index("yes")
        for item_rows in unplaced:
            p = first.predict_proba(vectorizer.transform(item_rows))[:, yes]
            rows.append(item_rows[int(p.argmax())])
            labels.append("yes")
    return rows, labels


def stated_sentence_rows(case_list: list[Case]) -> tuple[list[dict[str, float]], list[str]]:
    return sentence_rows(stated_letters(case_list))


def _objective(name: str) -> Callable[[dict[str, Any]], float]:
    # the stated models: expected flags found, less a tenth for every false missing-item flag per 10 letters
    if name in ("stated", "stated_sentence"):
        return lambda f: (f["expected_flags"] or 0.0) - 0.1 * (f["false_missing_per_10_letters"] or 0.0)
    if name == "doctype":
        return lambda f: f["doc_type"] or 0.0
    if name in ("spans", "request", "amount", "age", "gender", "collective", "address_next") or name.startswith(
            ("slot_", "period_")):
        return lambda f: f["complaint_fields"] or 0.0
    # commitments: the F1 of recall and precision
    return lambda f: 2 * (f["commitment_recall"] or 0) * (f["commitment_precision"] or 0) / max(
        1e-9, (f["commitment_recall"] or 0) + (f["commitment_precision"] or 0))


SLOT_MODELS = ("slot_occupation", "slot_employer", "slot_respondent", "slot_workplace")
_FIELD_MODELS = ("request", "amount", "age", "gender", "collective", "period_start", "period_end", "period_ongoing",
                 "period_end_pair", "address_next",
                 *SLOT_MODELS)
OBJECTIVES = {"doctype": "doc_type accuracy", **{name: "complaint field accuracy" for name in _FIELD_MODELS},
              **dict.fromkeys(("stated", "stated_sentence"), "expected flags - false missing-item flags per letter")}
SPECS: dict[str, tuple[Callable[[list[Case]], tuple[list, list]], float]] = {
    "doctype": (doctype_rows, 1.0),
    "commitment": (commitment_rows, 0.5),
    "request": (request_rows, 0.5),
    **{name: (_slot_spec(name.removeprefix("slot_")), 0.3) for name in SLOT_MODELS},
    "amount": (amount_rows, 0.3),
    "age": (age_rows, 0.3),
    "gender": (gender_rows, 0.5),
    "collective": (collective_rows, 0.3),
    "period_start": (period_rows("start"), 0.3),
    "period_end": (period_rows("end"), 0.3),
    "period_ongoing": (period_ongoing_rows, 0.3),
    "period_end_pair": (period_pair_rows, 3.0),
    "address_next": (address_rows, 0.5),
    "stated": (stated_rows, 0.3),
    "stated_sentence": (stated_sentence_rows, 0.3),
}


def behaviour_tests(candidate_dir: Path, name: str, report: dict[str, Any]) -> list[str]:
    """The extractor tests run with the candidate models (`GAPFLOW_MODELS_DIR`): the ids of the tests that fail."""
    import os
    import subprocess

    for evaluation in learned.MODELS_DIR.glob("*.eval.json"):  # (the tests read each model's evaluation too)
        if evaluation.name != f"{name}.eval.json":
            shutil.copyfile(evaluation, candidate_dir / evaluation.name)
    (candidate_dir / f"{name}.eval.json").write_text(
        json.dumps({**report, "installed": True}, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/extractors", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT, env={**os.environ, "GAPFLOW_MODELS_DIR": str(candidate_dir)}, capture_output=True, text=True,
    )
    if result.returncode == 0:
        return []
    return [line.split()[1] for line in result.stdout.splitlines() if line.startswith("FAILED ")] or ["pytest"]


def train(name: str, force: bool = False) -> dict[str, Any]:
    make_rows, c = SPECS[name]
    rows, labels = make_rows(training_cases())
    data = fit(name, rows, labels, c)
    objective = _objective(name)
    with tempfile.TemporaryDirectory() as tmp:
        candidate_dir = Path(tmp)
        for other in [*learned.MODELS_DIR.glob("*.json.gz"), *learned.MODELS_DIR.glob("*.crfsuite")]:  # the others stay
            if other.name != f"{name}.json.gz":  # (the span model too)
                shutil.copyfile(other, candidate_dir / other.name)
        path = write_model(data, candidate_dir)
        new = dev_figures(candidate_dir, models=True)
        installed = dev_figures(None, models=True)  # the pipeline as installed (without this model, if new)
        rules = dev_figures(None, models=False)
        report = {
            "model": name, "version": MODEL_VERSION, "training_rows": len(rows),
            "training_labels": {k: labels.count(k) for k in sorted(set(labels))},
            "features": len(data["weights"]), "bytes": path.stat().st_size,
            "dev_sets": list(DEV_SETS), "objective": OBJECTIVES.get(name, "commitment F1"),
            "dev_new": new, "dev_installed": installed, "dev_rules_alone": rules,
        }
        better = installed is None or objective(new) >= objective(installed)
        if better and not force and (failed := behaviour_tests(candidate_dir, name, report)):
            better = False  # a model that breaks a behaviour the tests pin is never installed, whatever dev says
            report["tests_failed"] = failed
        report["installed"] = bool(better or force)
        if report["installed"]:
            learned.MODELS_DIR.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, learned.model_path(name))
            (learned.MODELS_DIR / f"{name}.eval.json").write_text(
                json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    learned.load.cache_clear()
    return report


def main(argv: list[str]) -> int:
    names = [argv[i + 1] for i, a in enumerate(argv) if a == "--only"] or [*SPECS, "spans"]
    status = 0
    for name in names:
        r = train_spans("--force" in argv) if name == "spans" else train(name, force="--force" in argv)
        r.setdefault("training_rows", r.get("training_sequences"))
        r.setdefault("training_labels", {"spans": r.get("training_spans")})
        r.setdefault("features", "-")
        obj = _objective(name)
        print(f"{name}: {r['training_rows']} rows {r['training_labels']}, {r['features']} features, {r['bytes']} bytes")
        print(f"  dev {r['objective']}: rules alone {obj(r['dev_rules_alone']):.3f}, new {obj(r['dev_new']):.3f}, "
              f"installed {obj(r['dev_installed']) if r['dev_installed'] else float('nan'):.3f}")
        if r["installed"]:
            print("  installed")
        elif r.get("tests_failed"):
            print(f"  NOT installed: fails the extractor tests: {', '.join(r['tests_failed'][:5])}")
            status = 1
        else:
            print("  NOT installed: scores worse on dev than the installed model (use --force to replace it)")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
