#!/usr/bin/env python3
"""Make the OCR'd copy of the real corpus: tests/data/real/text/*.txt -> tests/data/real/ocr/.

Each text is rendered with Pillow onto white A4 pages (150 dpi, DejaVuSans 20 px, lines
wrapped at 95 characters, 61 lines a page), lightly degraded like a scan (Gaussian blur of
radius 0.8 plus 800 grey specks a page, seeded from the file name and page number), and each
page is read by the tesseract CLI with the English model only:

    tesseract page.png - -l eng --psm 6        (with OMP_THREAD_LIMIT=1)

so Swedish diacritics get lost or mangled the way scanned minutes lose them (å -> a,
ö -> é/6, ä -> a/4 ...), as in ../../../../shared/real/ocr/. Page texts are joined in order
(form feeds dropped), trailing whitespace is trimmed and each file ends with one newline.
At most two tesseract processes run at a time.

Run from the repository root:  python3 tests/data/real/make_ocr.py
The output is deterministic for a given tesseract version (5.3.0 with its eng.traineddata
when this was written) and Pillow version (13.0.0). Inputs in text/ are never modified.
If the running interpreter has no Pillow, the script re-runs itself with .venv/bin/python.
"""
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

try:
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
except ImportError:  # system python without Pillow: use the project venv
    venv = ROOT / ".venv" / "bin" / "python"
    if venv.exists() and not os.environ.get("MAKE_OCR_REEXEC"):
        os.environ["MAKE_OCR_REEXEC"] = "1"
        os.execv(str(venv), [str(venv), __file__, *sys.argv[1:]])
    raise

SRC, DST = HERE / "text", HERE / "ocr"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DPI = 150
PAGE_W, PAGE_H = round(8.27 * DPI), round(11.69 * DPI)  # A4: 1240 x 1754 px
MARGIN = round(0.6 * DPI)
FONT_PX = 20
LINE_PX = 27
WRAP = 95
BLUR = 0.8
SPECKS = 800
JOBS = 2  # at most two tesseract processes at a time
TESS = ["tesseract", "{png}", "-", "-l", "eng", "--psm", "6"]  # text on stdout


def wrap_lines(text):
    """Split into lines, wrapping long ones at WRAP characters; blank lines stay blank."""
    out = []
    for line in text.split("\n"):
        line = line.rstrip().expandtabs(4)
        out += textwrap.wrap(line, WRAP, break_on_hyphens=False) or [""]
    return out


def render_pages(text, name):
    """Return the text as a list of greyscale page images."""
    font = ImageFont.truetype(FONT, FONT_PX)
    lines = wrap_lines(text)
    while lines and not lines[-1]:
        lines.pop()
    per_page = (PAGE_H - 2 * MARGIN) // LINE_PX
    pages = []
    for n, start in enumerate(range(0, max(len(lines), 1), per_page)):
        im = Image.new("L", (PAGE_W, PAGE_H), 255)
        draw = ImageDraw.Draw(im)
        y = MARGIN
        for line in lines[start:start + per_page]:
            draw.text((MARGIN, y), line, font=font, fill=0)
            y += LINE_PX
        im = im.filter(ImageFilter.GaussianBlur(BLUR))
        seed = int(hashlib.sha256(f"{name}:{n}".encode()).hexdigest()[:16], 16)
        rnd = random.Random(seed)
        px = im.load()
        for _ in range(SPECKS):
            px[rnd.randrange(PAGE_W), rnd.randrange(PAGE_H)] = rnd.choice((0, 80, 160))
        pages.append(im)
    return pages


def ocr_file(src):
    """Render one text, OCR its pages in order and write the result to DST."""
    text = src.read_text(encoding="utf-8")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    parts = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, page in enumerate(render_pages(text, src.name)):
            png = Path(tmp) / f"page{n}.png"
            page.save(png)
            cmd = [str(png) if a == "{png}" else a for a in TESS]
            res = subprocess.run(cmd, capture_output=True,
                                 env=env, check=True)
            parts.append(res.stdout.decode("utf-8").replace("\f", "").rstrip())
    out = "\n\n".join(parts).rstrip() + "\n"
    (DST / src.name).write_text(out, encoding="utf-8")
    return src.name


def main():
    DST.mkdir(exist_ok=True)
    files = sorted(SRC.glob("*.txt"))
    with ThreadPoolExecutor(JOBS) as pool:
        for i, name in enumerate(pool.map(ocr_file, files), 1):
            print(f"[{i}/{len(files)}] {name}", flush=True)


if __name__ == "__main__":
    main()
