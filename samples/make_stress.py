#!/usr/bin/env python3
"""Scans made worse than the generators make them, for measuring yomitori outside its samples.

Takes the clean PNG pages of folders written by make_holdout.py (or make_samples.py) and writes,
for every page and every condition asked for, one damaged copy plus an expected.jsonl with the
same truth (the README's "Scans outside what the generators make" figures come from these):

  rot5        laid 4.5-6 degrees crooked on the glass
  fax150      150 dpi bilevel fax, G4 TIFF, up to 1 degree crooked
  border      black scanner border on the top and left, up to 1.5 degrees crooked, JPEG 70
  shade       uneven light, low contrast, blur, noise, JPEG 45
  seal-end    a red seal (印) beside the end of the applicant's name, colour JPEG
  seal-over   the seal over the start of the name
  fit         printed with "fit to page": 94-97 %, centred, up to 1 degree crooked
  dpi200      200 dpi greyscale
  dpi400      400 dpi greyscale, JPEG 80
  colour      colour scan: cream paper, blue-black ink, JPEG 60
  curl        curled sheet: smooth displacement of 9-14 px (0.8-1.2 mm)
  curl-mild   the same, 4 or 7 px (0.3-0.6 mm)
  slip        a sheet feeder's rollers slipped: a band of 30-60 mm stretched by 0.7-1.4 mm, the page
              below it pushed down as much
  dirt180     400 specks, a coffee ring and a pencil line across the page, turned upside down, JPEG 75
  strike      40 % of the line fields struck out with a double line (二重線), as a correction does;
              their names are listed under "struck" in expected.jsonl (such a value must not be
              accepted, whatever is read under the lines)

Every copy depends only on (--seed, the page's file name, the condition): rerunning gives the same
files. Needs Pillow, NumPy and PyYAML.

  python3 samples/make_stress.py --from /tmp/h41 --from /tmp/h42 --out /tmp/stress --conditions rot5,fax150
  yomitori calibrate --template samples/templates/a_juminhyo.yaml ... --truth /tmp/stress/expected.jsonl /tmp/stress/*.*
"""

import argparse
import json
import math
import os
import random
import zlib

import numpy as np
import yaml
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
PPM = 300 / 25.4
CONDITIONS = ["rot5", "fax150", "border", "shade", "seal-end", "seal-over", "fit", "dpi200", "dpi400",
              "colour", "curl", "curl-mild", "slip", "dirt180", "strike"]
SEAL_FONTS = ["/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf",
              "/usr/share/fonts/truetype/fonts-japanese-mincho.ttf"]


def line_zones():
    """Per form: (field name, zone in mm) of every field read as a line of text."""
    zones = {}
    for form in ("a_juminhyo", "b_jido_koza", "c_tennyu"):
        with open(os.path.join(HERE, "templates", form + ".yaml"), encoding="utf-8") as f:
            template = yaml.safe_load(f)
        page = template["pages"][0] if "pages" in template else template["page"]
        zones[form] = [(fl["name"], fl["zone"]) for fl in page["fields"]
                       if fl.get("type") not in ("checkbox", "choice", "comb") and "zone" in fl]
    return zones


def curled(im, amp, rng):
    w, h = im.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    phase = rng.uniform(0, 6.28)
    dx = amp * np.sin(yy / h * math.pi * 1.3 + phase)
    dy = amp * 0.6 * np.sin(xx / w * math.pi * 1.1 + phase)
    sx = np.clip(xx + dx, 0, w - 1).astype(np.int32)
    sy = np.clip(yy + dy, 0, h - 1).astype(np.int32)
    return Image.fromarray(np.asarray(im)[sy, sx])


def slipped(im, rng):
    """Rows of a band repeated as a feeder does when its rollers slip: content below moves down."""
    w, h = im.size
    push = rng.uniform(0.7, 1.4) * PPM
    top = rng.uniform(0.15, 0.7) * h
    band = rng.uniform(30, 60) * PPM
    y = np.arange(h, dtype=np.float32)
    moved = np.clip((y - top) / band, 0, 1) * push
    sy = np.clip(y - moved, 0, h - 1).round().astype(np.int32)
    return Image.fromarray(np.asarray(im)[sy, :])


def seal(im, entry, zones, over, rng):
    """A red 印 12 mm across, beside the end of the name or over its start."""
    img = im.convert("RGB")
    name_field = next(n for n in ("name", "claimant_name") if any(z[0] == n for z in zones[entry["form"]]))
    x, y, w, h = dict(zones[entry["form"]])[name_field]
    cx_mm = x + 22 if over else x + w - 12
    cx, cy, r = cx_mm * PPM, (y + h / 2) * PPM, 6 * PPM
    colour = (rng.randint(200, 230), rng.randint(30, 70), rng.randint(30, 60))
    draw = ImageDraw.Draw(img)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=colour, width=7)
    font_path = next(p for p in SEAL_FONTS if os.path.exists(p))
    family = (entry["fields"].get(name_field) or "山")[0]
    draw.text((cx, cy), family, fill=colour, font=ImageFont.truetype(font_path, 60), anchor="mm")
    return img


def strike(im, entry, zones, rng):
    """Double lines through the writing of 40 % of the line fields; returns the names struck."""
    a = np.asarray(im)
    draw = ImageDraw.Draw(im)
    struck = []
    for name, (x, y, w, h) in zones[entry["form"]]:
        if rng.random() > 0.4:
            continue
        x0, y0, x1, y1 = [int(v * PPM) for v in (x + 1.5, y + 1.5, x + w - 1.5, y + h - 1.5)]
        ink = a[y0:y1, x0:x1] < 128
        if ink.sum() < 50:
            continue
        ys, xs = np.where(ink.any(1))[0], np.where(ink.any(0))[0]
        middle = y0 + (ys.min() + ys.max()) // 2
        left, right = x0 + xs.min() - 10, x0 + xs.max() + 10
        gap = rng.randint(6, 10)
        draw.line((left, middle - gap, right, middle - gap), fill=25, width=3)
        draw.line((left, middle + gap, right, middle + gap), fill=25, width=3)
        struck.append(name)
    return struck


def damage(im, condition, entry, zones, rng, seed):
    """(image, extension, save options, extra truth keys) for one condition."""
    w, h = im.size
    if condition == "rot5":
        angle = rng.choice([-1, 1]) * rng.uniform(4.5, 6.0)
        return im.rotate(angle, resample=Image.BILINEAR, fillcolor=255), "png", {}, {}
    if condition == "fax150":
        small = im.resize((w // 2, h // 2), Image.LANCZOS).rotate(rng.uniform(-1, 1), resample=Image.BILINEAR, fillcolor=255)
        bw = small.point(lambda v: 255 if v > 150 else 0).convert("1")
        return bw, "tif", {"compression": "group4", "dpi": (150, 150)}, {}
    if condition == "border":
        page = Image.new("L", (w + 80, h + 50), 20)
        page.paste(im.rotate(rng.uniform(-1.5, 1.5), resample=Image.BILINEAR, fillcolor=255), (80, 50))
        return page.crop((0, 0, w, h)), "jpg", {"quality": 70, "dpi": (300, 300)}, {}
    if condition == "shade":
        a = np.asarray(im).astype(np.float32)
        yy, xx = np.mgrid[0:h, 0:w]
        light = 0.72 + 0.28 * (xx / w) * (0.6 + 0.4 * yy / h)
        a = (a * 0.8 + 40) * light + np.random.default_rng(seed).normal(0, 6, a.shape)
        shaded = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))
        return shaded, "jpg", {"quality": 45, "dpi": (300, 300)}, {}
    if condition in ("seal-end", "seal-over"):
        return seal(im, entry, zones, condition == "seal-over", rng), "jpg", {"quality": 85, "dpi": (300, 300)}, {}
    if condition == "fit":
        s = rng.uniform(0.94, 0.97)
        small = im.resize((int(w * s), int(h * s)), Image.LANCZOS).rotate(rng.uniform(-1, 1), resample=Image.BILINEAR, fillcolor=255)
        page = Image.new("L", (w, h), 255)
        page.paste(small, ((w - small.width) // 2, (h - small.height) // 2))
        return page, "png", {"dpi": (300, 300)}, {}
    if condition == "dpi200":
        return im.resize((w * 2 // 3, h * 2 // 3), Image.LANCZOS), "png", {"dpi": (200, 200)}, {}
    if condition == "dpi400":
        return im.resize((w * 4 // 3, h * 4 // 3), Image.BICUBIC), "jpg", {"quality": 80, "dpi": (400, 400)}, {}
    if condition == "colour":
        a = np.asarray(im).astype(np.float32)[..., None] / 255
        paper, ink = np.array([250, 243, 222], np.float32), np.array([20, 30, 90], np.float32)
        rgb = a * paper + (1 - a) * ink + np.random.default_rng(seed).normal(0, 4, (h, w, 3))
        return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB"), "jpg", {"quality": 60, "dpi": (300, 300)}, {}
    if condition == "curl":
        return curled(im, rng.uniform(9, 14), rng), "png", {"dpi": (300, 300)}, {}
    if condition == "curl-mild":
        return curled(im, rng.choice([4, 7]), rng), "png", {"dpi": (300, 300)}, {}
    if condition == "slip":
        return slipped(im, rng), "png", {"dpi": (300, 300)}, {}
    if condition == "dirt180":
        dirty = im.copy()
        draw = ImageDraw.Draw(dirty)
        for _ in range(400):
            x, y, r = rng.randrange(w), rng.randrange(h), rng.choice([1, 1, 2, 3])
            draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(0, 90))
        cx, cy, ring = rng.randrange(w // 4, 3 * w // 4), rng.randrange(h // 4, 3 * h // 4), rng.randint(150, 260)
        draw.ellipse((cx - ring, cy - ring, cx + ring, cy + ring), outline=150, width=12)
        draw.line((40, rng.randrange(h), w - 40, rng.randrange(h)), fill=120, width=3)
        return dirty.rotate(180), "jpg", {"quality": 75, "dpi": (300, 300)}, {}
    if condition == "strike":
        struck_page = im.copy()
        return struck_page, "png", {"dpi": (300, 300)}, {"struck": strike(struck_page, entry, zones, rng)}
    raise SystemExit(f"unknown condition {condition!r} (known: {', '.join(CONDITIONS)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="sources", action="append", required=True,
                        help="a folder written by make_holdout.py (repeat for several)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--conditions", default=",".join(CONDITIONS),
                        help="comma-separated, from: " + ", ".join(CONDITIONS))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    conditions = [c for c in args.conditions.split(",") if c]
    for c in conditions:
        if c not in CONDITIONS:
            raise SystemExit(f"unknown condition {c!r} (known: {', '.join(CONDITIONS)})")
    zones = line_zones()
    os.makedirs(args.out, exist_ok=True)
    written = []
    for source in args.sources:
        prefix = os.path.basename(os.path.normpath(source))
        with open(os.path.join(source, "expected.jsonl"), encoding="utf-8") as f:
            entries = [json.loads(line) for line in f if line.strip()]
        for entry in entries:
            if entry.get("quality") != "clean" or not entry["file"].endswith(".png") or entry.get("page", 0) != 0:
                continue
            page = Image.open(os.path.join(source, entry["file"])).convert("L")
            for condition in conditions:
                key = f"{args.seed}/{prefix}/{entry['file']}/{condition}"
                seed = zlib.crc32(key.encode())
                rng = random.Random(seed)
                image, ext, options, extra = damage(page.copy(), condition, entry, zones, rng, seed)
                name = f"{prefix}-{entry['file'][:-4]}-{condition}.{ext}"
                image.save(os.path.join(args.out, name), **options)
                truth = dict(entry, file=name, page=0, degradation={"preset": condition}, **extra)
                written.append(truth)
    with open(os.path.join(args.out, "expected.jsonl"), "w", encoding="utf-8") as f:
        for truth in written:
            f.write(json.dumps(truth, ensure_ascii=False) + "\n")
    print(f"{len(written)} page(s) in {args.out}")


if __name__ == "__main__":
    main()
