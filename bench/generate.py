"""Make N realistic inbox documents: variations of the fixture texts as .docx, .pdf and .txt.

Each document is one fixture source (complaint letters, work reports, the seeds) with its people,
places, dates and numbers changed consistently within the document: another complainant and legal
representative, another county and town, years shifted, phone, ID and money figures redrawn. So the
corpus has the mix an office sees (near-duplicate reports of one body, copied passages, complaints with
every kind of gap), and every file has its own content hash.

    python -m bench.generate --n 1000 --out /tmp/bench_inbox [--seed 7]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "tests" / "fixtures"
SOURCES = ("complaints", "reports", "seeds")
FORMATS = (("docx", 0.5), ("pdf", 0.3), ("txt", 0.2))
BENCH_FORMATS = (("docx", 0.5), ("pdf", 0.5))  # issue 11's corpus: half Word, half text PDF

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韦覃蒙莫廖"
GIVEN = "国强建华丽娟志勇秀英海燕文明小红德福桂兰春生玉梅永红金凤伟东晓峰"
COUNTIES = [
    "融水苗族自治", "三江侗族自治", "鹿寨", "柳城", "融安", "余庆", "湄潭", "凤冈", "务川", "德江", "龙胜各族自治",
]
TOWNS = ["城关", "和平", "永乐", "大良", "新兴", "长安", "白云", "清水", "红星", "石门"]

_LABELLED_NAME = re.compile(r"(投诉人|法定代表人|负责人|代理人|联系人|申诉人)[:：]\s*([\u4e00-\u9fff]{2,3})")
_COUNTY = re.compile(r"([\u4e00-\u9fff]{2,6}?)县")
_TOWN = re.compile(r"([\u4e00-\u9fff]{2})(镇|乡)")
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-3]\d)(?=年)")
_LONG_NUMBER = re.compile(r"(?<!\d)\d{5,18}(?!\d)")
_ID = re.compile(r"(?<!\d)\d{17}[\dX](?!\d)")


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def vary(text: str, rng: random.Random) -> str:
    """The same document written by another office, another year, about other people."""
    names: dict[str, str] = {}
    for m in _LABELLED_NAME.finditer(text):
        names.setdefault(m.group(2), _name(rng))
    for old, new in names.items():
        text = text.replace(old, new)
    counties = {m.group(1): rng.choice(COUNTIES) for m in _COUNTY.finditer(text) if not m.group(1).endswith("自治")}
    for old, new in counties.items():
        text = text.replace(old + "县", new + "县")
    towns = {m.group(1): rng.choice(TOWNS) for m in _TOWN.finditer(text)}
    for old, new in towns.items():
        text = re.sub(old + r"(?=[镇乡])", new, text)
    shift = rng.randint(-2, 2)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = _ID.sub(lambda m: m.group(0)[:6] + "".join(rng.choice("0123456789") for _ in range(12)), text)
    return _LONG_NUMBER.sub(lambda m: m.group(0)[:3] + "".join(rng.choice("0123456789") for _ in m.group(0)[3:]), text)


def _sources() -> list[Path]:
    return sorted(p for group in SOURCES for p in (FIXTURES / group / "src").glob("*.txt"))


def _write(lines: list[str], fmt: str, out: Path) -> None:
    from tests.fixtures.build import build_docx, build_pdf

    if fmt == "docx":
        build_docx(lines, out)
    elif fmt == "pdf":
        build_pdf(lines, out)
    else:
        out.write_text("\n".join(ln for ln in lines if not ln.startswith("#")) + "\n", encoding="utf-8")


def generate(
    n: int, out: Path, seed: int = 7, formats: tuple[tuple[str, float], ...] = FORMATS
) -> list[Path]:
    """n documents in `out`, deterministic for a seed; no two with the same content."""
    rng = random.Random(seed)
    sources = [(p.stem, p.read_text(encoding="utf-8")) for p in _sources()]
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    written: list[Path] = []
    while len(written) < n:
        stem, text = rng.choice(sources)
        varied = vary(text, rng)
        digest = hashlib.sha256(varied.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        fmt = rng.choices([f for f, _ in formats], [w for _, w in formats])[0]
        lines = [ln for ln in varied.splitlines() if not ln.startswith(("#only", "#watermark"))]
        target = out / f"{len(written):05d}_{stem}.{fmt}"
        _write(lines, fmt, target)
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files = generate(args.n, args.out, args.seed)
    print(f"{len(files)} documents in {args.out}")


if __name__ == "__main__":
    main()
