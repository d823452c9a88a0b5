"""The evaluation corpus: sets of source texts with goldens, their built .docx/.pdf, and the copy into the repo.

A set is a folder `<set>/src/NAME.txt` + `<set>/NAME.expected.json` (the writers' layout, see
`tests/fixtures/corpus/README.md`). The repository keeps only the texts and goldens; the .docx and .pdf of
every document are built at evaluation time into a cache folder (`.cache/corpus/<set>/`) with the fixture
builder's functions, rebuilt only when the source changes.

    python -m bench.corpus sync [--blind]   copy the writers' train/dev sets (and, with --blind, the
                                            blind sets, only once they have been measured) into the repo
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPO_CORPUS = ROOT / "tests" / "fixtures" / "corpus"
WRITERS = Path("/work/corpus")  # where the independent writers put their sets (absent elsewhere: fine)
CACHE = ROOT / ".cache" / "corpus"
TRAIN_SETS = (
    "train_letters_a", "train_reports_a", "train_letters_c", "train_reports_c", "train_letters_d", "train_mixed_f",
    # Spent blind sets: measured once (their figures are in the corpus README), then trained on.
    "blind_2026_12a", "blind_2026_12b", "blind_2026_12c", "blind_2026_12d", "blind_2026_12e", "blind_2026_12f",
    "train_letters_h", "train_mixed_i",
    # fourth round (2026-12-02): web- and newspaper-copied documents; 12h, spent in the third round
    "train_mixed_j", "blind_2026_12h",
    # fifth round: web-copied letters without headings, prose amounts, annual reports; the spent 12i, 12j, 12k
    "train_mixed_m", "blind_2026_12i", "blind_2026_12j", "blind_2026_12k",
    # sixth round (2026-12-03): group letters, stories told in dialect and lunar dates; the spent 12l and 12m
    "train_mixed_n", "blind_2026_12l", "blind_2026_12m",
    # seventh round (2026-12-03): reports' fields and stories' months; the spent 12n, 12o and 12p
    "train_mixed_p", "blind_2026_12n", "blind_2026_12o", "blind_2026_12p",
    # eighth round (2026-12-04): the spent 12q, and 12r once measured on arrival and read
    "blind_2026_12q", "blind_2026_12r",
    # ninth round (2026-12-04): 12t, measured on arrival, then read
    "blind_2026_12t",
    # tenth round (2026-12-04): 12u, measured at 12f1fa9 and 7c30ed2 and never read before, now read
    "blind_2026_12u",
    # eleventh round (2026-12-04): 12w and 12x, each measured on arrival, then read for the round's failure kinds
    "blind_2026_12w", "blind_2026_12x",
    # twelfth round (2026-12-05): 12y (measured three times, never read before) and 12z (measured on arrival at
    # the landed state), both read for the round's failure kinds
    "blind_2026_12y", "blind_2026_12z",
    # thirteenth round (2026-12-06): 13a and 13b (measured at 4f1f0e6, 37a3133 and 8ddea86, never read before) and
    # 13c (measured on arrival at the landed state 8ddea86), read for the round's failure kinds
    "blind_2026_13a", "blind_2026_13b", "blind_2026_13c",
    # fourteenth round (2026-12-06): 13d (the thirteenth round's never-read check), read for the round's failure kinds
    "blind_2026_13d",
    # sixteenth round (2026-12-06): 14a (read in the fifteenth) and 14b (the fifteenth round's never-read check,
    # measured by summary through that round, read in this one)
    "blind_2026_14a", "blind_2026_14b",
    # seventeenth round (2026-12-06): 14c (the sixteenth round's never-read check, measured by summary through that
    # round and once more at the landed state 1e18f18), read in this one
    "blind_2026_14c",
    # nineteenth round (2026-12-06): 14d and 14e (read in the eighteenth round, the models not rebuilt then)
    "blind_2026_14d", "blind_2026_14e",
    # and two sets written for training in the registers real web pages give (a complaint framed by a blog's
    # preamble or quoted by a news item, a union's letter for a crew, notices and reports copied flat, PDF radicals)
    "train_mixed_q", "train_mixed_r",
    # twenty-first round (2026-12-06): 14f and 14g (read in the twentieth round) and 14h (the twentieth's check,
    # measured by summary at its start and end and once more at the landed state ce85e22, then read). Rebuilt with
    # them that round and not kept: the document-type model (dev accuracy 99.5%, the installed one's, but it typed
    # a news round-up of web messages in realdocs25 a complaint: 28 of 32 real documents against 29) and the
    # commitment model (dev F1 0.967 against the installed 0.969); the others not rebuilt
    "blind_2026_14f", "blind_2026_14g", "blind_2026_14h",
    # twenty-fourth round (2026-12-07): the read sets 14i-14m and 14n (the twenty-third round's check, measured by
    # summary through that round, read in this one once 14o had been measured on arrival); the field models rebuilt
    "blind_2026_14i", "blind_2026_14j", "blind_2026_14k", "blind_2026_14l", "blind_2026_14m", "blind_2026_14n",
    # twenty-fifth round (2026-12-07): 14o (the twenty-fourth round's check, measured by summary on arrival, at that
    # round's end and at the landed state 5cc2588, then read once 14p had arrived)
    "blind_2026_14o",
    # twenty-sixth round (2026-12-07): 14p and 14q (the twenty-fifth round's checks, measured by summary through that
    # round and once more at the landed state b1912d2), read for the round's failure kinds once 14r had been measured
    # on arrival
    "blind_2026_14p", "blind_2026_14q",
    # twenty-seventh round (2026-12-07): 14r and 14s (the twenty-sixth round's checks, measured by summary through
    # that round and once more at the landed state c98c73c), read for the round's failure kinds once 14t had been
    # measured on arrival
    "blind_2026_14r", "blind_2026_14s",
    # twenty-eighth round (2026-12-07): 14t and 14u (the twenty-seventh round's checks, measured by summary through
    # that round and at the landed state c55b413), read for the round's failure kinds once 14v had been measured on
    # arrival
    "blind_2026_14t", "blind_2026_14u",
    # twenty-ninth round (2026-12-07): 14v and 14w (the twenty-eighth round's checks, measured by summary through that
    # round and at the landed state e2a2958), read for the round's failure kinds once 14x and 14y had been measured
    # on arrival
    "blind_2026_14v", "blind_2026_14w",
)
# dev: model selection and the install gate, never trained on. 12g (a spent blind set kept out of training)
# joined dev_mixed_b in the eighth round: a gate decided by one field of some 40 letters was noise; 12v (measured
# twice in the ninth round, never read) joined in the tenth, when 12w became the fresh blind set
DEV_SETS = ("dev_mixed_b", "blind_2026_12g", "blind_2026_12s", "blind_2026_12v")
# read: spent blind sets read for a round's failure kinds and not trained on yet (the models were not rebuilt that
# round); `make eval` prints their misses like the dev sets', and they are no longer blind. 13d: the thirteenth
# round's never-read check, measured by summary through that round, read in the fourteenth
# eighteenth round (2026-12-06): 14d (the seventeenth round's first never-read set, measured twice by summary and
# once more at the landed state 56e474d) and 14e (the seventeenth round's check, measured by summary twice then and
# once more at 56e474d), read for the round's failure kinds; the models were not rebuilt that round. Nineteenth
# round: both moved to TRAIN_SETS, the models rebuilt with them. Twentieth round (2026-12-06): 14f (the eighteenth
# round's check, measured by summary five times, never read before) and 14g (the nineteenth's, measured by summary
# twice), last measured by summary at 2d4b3ac (the landed state) and then read for the round's failure kinds
# Twenty-first round: 14h read for the round's failure kinds, then all three moved to TRAIN_SETS and the models
# rebuilt with them. Twenty-second round (2026-12-06): 14i (the twenty-first round's check, measured by summary four
# times, last at 5c6a801, the landed state) read for the round's failure kinds; the models were not rebuilt.
# Twenty-third round (2026-12-07): 14j and 14k (the twenty-second round's checks, measured by summary at 5c6a801,
# at the round's end and at b99eeea, the landed state) read for the round's failure kinds; models not rebuilt.
# Later in the round, 14l (commissioned that round, measured by summary at b99eeea and c92fe7c) and 14m (measured
# at b99eeea, c92fe7c, 0151ace and 53a6eab) were read too, each once a fresher set had arrived to measure on.
# Twenty-fourth round: all of them moved to TRAIN_SETS with 14n, the field models rebuilt with them.
READ_SETS: tuple[str, ...] = ()
BLIND_PREFIX = "blind_"
FORMATS = ("docx", "pdf")


@dataclass
class Case:
    """One golden document of a set, in one built format."""

    set_name: str
    stem: str
    golden: dict[str, Any]
    path: Path  # the built .docx/.pdf
    source: Path | None = None


def set_folder(name: str) -> Path | None:
    """The repository's copy of a set, else the writers' folder; None when neither exists."""
    for base in (REPO_CORPUS, WRITERS):
        folder = base / name
        if (folder / "src").is_dir() or list(folder.glob("*.expected.json")):
            return folder
    return None


def blind_sets() -> list[str]:
    names = set()
    for base in (REPO_CORPUS, WRITERS):
        if base.is_dir():
            names |= {p.name for p in base.iterdir() if p.is_dir() and p.name.startswith(BLIND_PREFIX)}
    return sorted(names - set(TRAIN_SETS) - set(DEV_SETS) - set(READ_SETS))


def _build(src: Path, out_dir: Path) -> list[Path]:
    """Build the .docx and .pdf of one source text into `out_dir`, unless already built from the same text."""
    from tests.fixtures.build import build_docx, build_pdf

    data = src.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    lines = data.decode("utf-8").splitlines()
    head = lines[0] if lines else ""
    watermark = head[len("#watermark ") :].strip() if head.startswith("#watermark ") else None
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for fmt in FORMATS:
        out = out_dir / f"{src.stem}.{digest}.{fmt}"
        if not out.exists():
            for old in out_dir.glob(f"{src.stem}.*.{fmt}"):
                old.unlink()
            if fmt == "docx":
                build_docx(list(lines), out)
            else:
                build_pdf(list(lines), out, watermark)
        made.append(out)
    return made


def cases(set_name: str, folder: Path | None = None) -> list[Case]:
    """Every golden document of a set in every format, building what is missing. A source without its
    golden yet (a writer still at work) is skipped."""
    folder = folder or set_folder(set_name)
    if folder is None:
        return []
    found = []
    for golden_path in sorted(folder.glob("*.expected.json")):
        stem = golden_path.name.removesuffix(".expected.json")
        try:
            golden = json.loads(golden_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue  # being written
        src = folder / "src" / f"{stem}.txt"
        if src.exists():
            built = _build(src, CACHE / set_name)
            found += [Case(set_name, stem, golden, p, src) for p in built]
        else:  # the older holdout layout: built files beside the goldens
            found += [Case(set_name, stem, golden, p) for fmt in FORMATS if (p := folder / f"{stem}.{fmt}").exists()]
    return found


def sync(names: list[str]) -> list[str]:
    """Copy the writers' sets into the repository (texts and goldens only)."""
    copied = []
    for name in names:
        source = WRITERS / name
        if not source.is_dir():
            continue
        target = REPO_CORPUS / name
        (target / "src").mkdir(parents=True, exist_ok=True)
        for golden in sorted(source.glob("*.expected.json")):
            stem = golden.name.removesuffix(".expected.json")
            src = source / "src" / f"{stem}.txt"
            if not src.exists():
                continue
            try:
                json.loads(golden.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                continue
            shutil.copyfile(src, target / "src" / src.name)
            shutil.copyfile(golden, target / golden.name)
            copied.append(f"{name}/{stem}")
    return copied


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "sync":
        print(__doc__)
        return 2
    names = [*TRAIN_SETS, *DEV_SETS, *READ_SETS]
    if "--blind" in argv:
        names += [n for n in blind_sets() if (WRITERS / n).is_dir()]
    copied = sync(names)
    print(f"copied {len(copied)} documents into {REPO_CORPUS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
