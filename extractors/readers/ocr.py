"""OCR of scanned pages and photos, offline: RapidOCR with the PP-OCRv4 Chinese models that ship inside
the `rapidocr-onnxruntime` wheel (nothing is downloaded at run time).

A pure function over image bytes (or pixels): no files, no network. The engine is loaded once per
process, on the first page that needs it (~1 s), and kept. Before recognition a page is put upright:
the photo's EXIF orientation, a quarter turn when its text lines stand on end, and a small skew
(a page fed askew, a phone held crooked) measured on the ink and undone.

The lines come back in reading order, each marked `full` (reaches the right margin: a wrapped line) and
`indented` (a new paragraph), as the PDF reader marks its lines, so that normalisation joins them alike.
"""

from __future__ import annotations

import functools
import io
import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np

from extractors.normalize import Line, normalize_pages
from schemas.errors import LoadError
from schemas.models import ParsedDocument

MAX_SIDE = 2400  # larger photos are scaled down first: more pixels only cost time
MAX_SKEW_DEGREES = 6.0
SKEW_STEP = 0.25
MIN_SCORE = 0.5  # a recognised box below this is dropped as noise


@dataclass
class OcrPage:
    lines: list[Line]
    score: float  # mean recognition confidence of the kept boxes, 0 when nothing was read
    chars: int


@functools.cache
def _engine() -> Any:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as e:  # the wheel is a pinned dependency; this is a broken install
        raise LoadError("needs_ocr", "本机的文字识别（OCR）组件未安装，请重新安装 gapflow。") from e
    return RapidOCR()


def ocr_available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


# --------------------------------------------------------------------------- images


def decode_images(data: bytes) -> list[np.ndarray]:
    """Every page of an image file (a multi-page TIFF has several) as RGB pixels, EXIF-upright."""
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = 120_000_000  # a decompression bomb is refused, not decoded
    try:
        with Image.open(io.BytesIO(data)) as image:
            pages = []
            for frame in ImageSequence.Iterator(image):
                upright = ImageOps.exif_transpose(frame.copy())
                pages.append(np.asarray(_downscale(upright.convert("RGB"))))
            return pages
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as e:
        raise LoadError("unreadable", "图片已损坏或格式无法识别。") from e


def _downscale(image: Any) -> Any:
    side = max(image.size)
    if side <= MAX_SIDE:
        return image
    ratio = MAX_SIDE / side
    return image.resize((max(1, int(image.width * ratio)), max(1, int(image.height * ratio))))


def _gray(pixels: np.ndarray) -> np.ndarray:
    if pixels.ndim == 2:
        return pixels
    return (pixels[..., :3] @ np.array([0.299, 0.587, 0.114])).astype(np.uint8)


def estimate_skew(pixels: np.ndarray) -> float:
    """The page's small rotation in degrees (counter-clockwise positive), from the ink's row profile:
    rows of text are sharpest (most uneven row sums) when the page is level."""
    import cv2

    gray = _gray(pixels)
    scale = 800 / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    ink = (small < np.percentile(small, 50) - 30).astype(np.float32)
    if ink.mean() < 0.002:
        return 0.0
    h, w = ink.shape
    centre = (w / 2, h / 2)
    best, best_angle = -1.0, 0.0
    for angle in np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + SKEW_STEP / 2, SKEW_STEP):
        m = cv2.getRotationMatrix2D(centre, float(angle), 1.0)
        rotated = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_NEAREST)
        score = float(np.var(rotated.sum(axis=1)))
        if score > best:
            best, best_angle = score, float(angle)
    return best_angle


def rotate(pixels: np.ndarray, angle: float) -> np.ndarray:
    """Rotate by `angle` degrees (counter-clockwise), keeping the whole page, new corners white."""
    import cv2

    h, w = pixels.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    border = (255, 255, 255) if pixels.ndim == 3 else 255
    return cv2.warpAffine(pixels, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=border)


# --------------------------------------------------------------------------- recognition


Box = tuple[list[list[float]], str, float]


def _recognise(pixels: np.ndarray, may_turn: bool = True) -> tuple[list[Box], int]:
    """Detect, classify (0/180 per line), recognise; the boxes in the page's frame and how many lines the
    classifier found upside down. The engine's steps are called one by one (rapidocr-onnxruntime 1.4.4)
    because its one-call API drops the per-line orientation a whole-page decision needs."""
    engine = _engine()
    img, _, _ = engine.preprocess(np.ascontiguousarray(pixels))
    found, _ = engine.auto_text_det(img)
    if found is None:
        return [], 0
    if may_turn and _standing([(box.tolist(), "", 1.0) for box in found]):
        # the page lies on its side: a quarter turn (which way does not matter: the line classifier sees 180)
        return _recognise(np.ascontiguousarray(np.rot90(pixels)), may_turn=False)
    crops = engine.get_crop_img_list(img, found)
    crops, orientations, _ = engine.text_cls(crops)
    recognised, _ = engine.text_rec(crops, False)
    flipped = sum(1 for label, _score in orientations if label == "180")
    h, w = img.shape[:2]
    boxes: list[Box] = []
    upside_down = flipped > len(orientations) / 2
    for box, (text, score) in zip(found, recognised, strict=True):
        if float(score) < MIN_SCORE or not text.strip():
            continue
        points = [[float(x), float(y)] for x, y in box]
        if upside_down:  # read as the page stands upright: mirror the coordinates
            points = [[w - x, h - y] for x, y in points]
        boxes.append((points, text, float(score)))
    return boxes, flipped


def _standing(boxes: list[Box]) -> bool:
    """Most boxes taller than wide: the page lies on its side."""
    if len(boxes) < 2:
        return False
    tall = 0
    for box, _, _ in boxes:
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        if (max(ys) - min(ys)) > 1.5 * (max(xs) - min(xs)):
            tall += 1
    return tall > len(boxes) / 2


def ocr_pixels(pixels: np.ndarray) -> OcrPage:
    """Read one page image: put it upright, recognise, assemble lines in reading order."""
    skew = estimate_skew(pixels)
    if abs(skew) >= SKEW_STEP:
        pixels = rotate(pixels, skew)
    boxes, _ = _recognise(pixels)
    lines = assemble_lines(boxes)
    chars = sum(len(line) for line in lines)
    score = sum(s for _, _, s in boxes) / len(boxes) if boxes else 0.0
    return OcrPage(lines=lines, score=score, chars=chars)


def assemble_lines(boxes: list[Box]) -> list[Line]:
    """Boxes into lines: a box joins the line whose vertical middle it shares, lines top to bottom,
    boxes left to right; then each line marked full / indented against the page's text margins."""
    items = []
    for box, text, _ in boxes:
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        items.append((min(xs), max(xs), min(ys), max(ys), text))
    items.sort(key=lambda i: (i[2] + i[3]) / 2)
    rows: list[list[tuple[float, float, float, float, str]]] = []
    for item in items:
        middle = (item[2] + item[3]) / 2
        if rows:
            last = rows[-1]
            top = sum(i[2] for i in last) / len(last)
            bottom = sum(i[3] for i in last) / len(last)
            if top <= middle <= bottom:
                last.append(item)
                continue
        rows.append([item])
    if not rows:
        return []
    left = min(i[0] for row in rows for i in row)
    right = max(i[1] for row in rows for i in row)
    lines = []
    for row in rows:
        row.sort(key=lambda i: i[0])
        height = sum(i[3] - i[2] for i in row) / len(row)
        text = "".join(_join(row))
        x0, x1 = row[0][0], row[-1][1]
        lines.append(Line(text, full=x1 >= right - 1.5 * height, indented=x0 > left + 1.2 * height))
    return lines


def _join(row: list[tuple[float, float, float, float, str]]) -> list[str]:
    """Boxes of one line: a wide gap between two boxes is a space (a label and its value in a table)."""
    parts = [row[0][4]]
    for prev, cur in itertools.pairwise(row):
        height = cur[3] - cur[2]
        parts.append(("  " if cur[0] - prev[1] > 1.5 * height else "") + cur[4])
    return parts


# --------------------------------------------------------------------------- documents


def ocr_document(
    pages: list[OcrPage], fmt: str, filename: str, page_numbers: list[int] | None = None
) -> ParsedDocument:
    """A document whose every page was read by OCR."""
    if sum(p.chars for p in pages) == 0:
        raise LoadError(
            "unreadable", f"文件“{filename}”是扫描件或图片，已做文字识别（OCR），但没有识别出文字。"
            "请提供更清晰的扫描件（300 dpi，端正，不反光）或原始电子文档。",
        )
    text, starts = normalize_pages([p.lines for p in pages])
    return ParsedDocument(
        text=text, format=fmt, pages=len(pages), page_starts=starts,  # type: ignore[arg-type]
        ocr_pages=page_numbers or list(range(1, len(pages) + 1)),
    )


def read_image(data: bytes, filename: str, limits: Any) -> ParsedDocument:
    """A photo or scan (.jpg, .png, .tif, …): every frame one page."""
    if not limits.ocr:
        raise LoadError("needs_ocr", f"文件“{filename}”是图片（扫描件），需要文字识别（OCR）后才能处理。")
    try:
        frames = decode_images(data)
    except LoadError as e:
        raise LoadError("unreadable", f"文件“{filename}”：{e.message}请重新扫描或拍照。") from e
    if len(frames) > limits.max_ocr_pages:
        raise _too_many_pages(filename, len(frames), limits.max_ocr_pages)
    return ocr_document([ocr_pixels(f) for f in frames], "image", filename)


def _too_many_pages(filename: str, pages: int, limit: int) -> LoadError:
    return LoadError(
        "too_large", f"文件“{filename}”有 {pages} 页需要文字识别（OCR），超过上限 {limit} 页"
        "（设置 GAPFLOW_MAX_OCR_PAGES）。请拆分后重新放入收件箱，或请管理员调高上限。",
    )


too_many_ocr_pages = _too_many_pages
