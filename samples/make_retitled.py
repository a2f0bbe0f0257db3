#!/usr/bin/env python3
"""Make a 転出届 out of a filled 転入届 scan: the same ruling and values, another printed title.

Offices print several forms on one layout (転入届, 転出届, 転居届); only the title tells them
apart. The test fixtures Tests/Fixtures/tenshutsu-clean.png and tenshutsu-degraded.jpg were made
with

    python3 samples/make_retitled.py samples/scans/c_tennyu-clean-01.png Tests/Fixtures

from the committed clean scan: its title block (転 入 届 and 住民異動届（転入）) painted over and
転 出 届 / 住民異動届（転出） printed in its place, once as is (PNG) and once through the second
degradation of samples/make_samples.py (200 dpi, about −3° skew, grey paper, noise, JPEG 75).

Needs PIL, numpy and the Noto Sans CJK fonts (fonts-noto-cjk).
"""
import os, random, sys

from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_samples import degrade, degradation_plan, save  # noqa: E402

PPM = 300 / 25.4
FONTS = "/usr/share/fonts/opentype/noto/"


def retitle(img, title="転 出 届", subtitle="住民異動届（転出）"):
    """Paints over the 転入届 title block (x 16–60 mm, y 12.5–31.5 mm) and prints another title."""
    img = img.convert("L")
    d = ImageDraw.Draw(img)
    d.rectangle((int(16 * PPM), int(12.5 * PPM), int(60 * PPM), int(25 * PPM)), fill=255)
    d.rectangle((int(16 * PPM), int(25.5 * PPM), int(60 * PPM), int(31.5 * PPM)), fill=255)
    bold = ImageFont.truetype(FONTS + "NotoSansCJK-Bold.ttc", int(9.5 * PPM), index=0)
    regular = ImageFont.truetype(FONTS + "NotoSansCJK-Regular.ttc", int(3.6 * PPM), index=0)
    d.text((int(18 * PPM), int(10.4 * PPM)), title, font=bold, fill=20)
    d.text((int(18 * PPM), int(25.3 * PPM)), subtitle, font=regular, fill=20)
    return img


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_retitled.py CLEAN_TENNYU_SCAN OUT_DIR")
    src, out = sys.argv[1], sys.argv[2]
    page = retitle(Image.open(src))
    save(page, os.path.join(out, "tenshutsu-clean.png"), 300)
    rng = random.Random(7)
    plan = degradation_plan(rng, 1)
    degraded, dpi = degrade(page, rng, plan)
    save(degraded, os.path.join(out, "tenshutsu-degraded.jpg"), dpi, plan.get("jpeg_quality"))


if __name__ == "__main__":
    main()
