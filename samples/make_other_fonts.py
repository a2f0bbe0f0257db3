#!/usr/bin/env python3
"""Holdout sets of yomitori's three sample forms typed in six fonts make_holdout.py never uses.

Runs make_holdout.py (beside this script) unchanged: the same plan, fills, per-page font choice,
10 % per-field font overrides, degradations, mixed-stack.tif/.pdf, expected.jsonl, README and
self-check, with its six font families swapped for NEW_FONTS below. The README's "Fonts never
measured before" figures come from

    apt-get install -y fonts-vlgothic fonts-horai-umefont fonts-motoya-l-cedar \
        fonts-motoya-l-maruberi fonts-migmix
    /usr/bin/python3 samples/make_other_fonts.py --seed 91 --per-form 16 --out /tmp/hf91
    /usr/bin/python3 samples/make_other_fonts.py --seed 92 --per-form 16 --out /tmp/hf92
    (then: yomitori calibrate --template … --truth /tmp/hf91/expected.jsonl /tmp/hf91/*.png …)

Patched in make_holdout (nothing copied, nothing written beside it):
  * FONT_FAMILIES          -> the new families (so rng.choice / overrides / fit checks use them)
  * FALLBACK_FONT_FILES    -> pinned paths of the new families (plus the original six)
  * locate_fonts()         -> pinned paths, face checked by name (no fc-list lookup: the Migu
                              bold files would sort first there)
  * committed_identity_values() -> run with the ORIGINAL six families, so the exclusion of the
                              committed set's names/addresses/numbers is exactly make_holdout's
  * has_glyph()            -> an OSError from FreeType while drawing counts as a missing glyph
  * write_readme()         -> same README, with the font list and the command corrected
"""
import hashlib
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_holdout as mh  # noqa: E402
from PIL import ImageFont  # noqa: E402

NEW_FONTS = {  # family (as FreeType names the face) -> file
    "VL Gothic": "/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf",
    "Ume Gothic": "/usr/share/fonts/truetype/horai-umefont/ume-tgo4.ttf",
    "Ume Mincho": "/usr/share/fonts/truetype/horai-umefont/ume-tmo3.ttf",
    "MotoyaLCedar": "/usr/share/fonts/truetype/motoya-l-cedar/MTLc3m.ttf",
    "MotoyaLMaru": "/usr/share/fonts/truetype/motoya-l-maruberi/MTLmr3m.ttf",
    "Migu 1P": "/usr/share/fonts/truetype/migmix/migu-1p-regular.ttf",
}
PACKAGES = {"VL Gothic": "fonts-vlgothic", "Ume Gothic": "fonts-horai-umefont", "Ume Mincho": "fonts-horai-umefont",
            "MotoyaLCedar": "fonts-motoya-l-cedar", "MotoyaLMaru": "fonts-motoya-l-maruberi",
            "Migu 1P": "fonts-migmix"}

ORIG_FAMILIES = list(mh.FONT_FAMILIES)
_orig_locate = mh.locate_fonts
_orig_committed = mh.committed_identity_values
_orig_has_glyph = mh.has_glyph
_orig_write_readme = mh.write_readme


def face_index(family, path):
    for i in range(16):
        try:
            f = ImageFont.truetype(path, 40, index=i)
        except OSError:
            break
        if f.getname()[0] == family:
            return i
    raise SystemExit(f"font {family!r} not found in {path}")


def locate_fonts():
    saved = mh.FONT_FAMILIES
    mh.FONT_FAMILIES = ORIG_FAMILIES
    try:
        result = _orig_locate()          # the original six, exactly as make_holdout finds them
    finally:
        mh.FONT_FAMILIES = saved
    for fam, path in NEW_FONTS.items():
        result[fam] = (path, face_index(fam, path))
    return result


def committed_identity_values():
    saved = mh.FONT_FAMILIES
    mh.FONT_FAMILIES = ORIG_FAMILIES     # its content generation fit-checks against the six
    try:
        return _orig_committed()
    finally:
        mh.FONT_FAMILIES = saved


def has_glyph(family, ch):
    try:
        return _orig_has_glyph(family, ch)
    except OSError:
        return False


def data_chars():
    chars = set("０１２３４５６７８９－〇丁目番地号国8")
    def walk(x):
        if isinstance(x, str):
            chars.update(x)
        elif isinstance(x, (list, tuple)):
            for y in x:
                walk(y)
    for name in ("SURNAMES", "GIVEN_M", "GIVEN_F", "CHILD_M", "CHILD_F", "MIDORI", "ELSEWHERE", "BUILDINGS",
                 "KANJI_NUM", "BANKS", "BRANCHES", "MAIL_DOMAINS", "ERAS"):
        walk(getattr(mh, name))
    return sorted(c for c in chars if not c.isspace())


def check_coverage():
    """Refuse to run with a font that would print tofu for any character of the fake data."""
    mh.FONT_FILES = mh.locate_fonts()
    bad = {fam: "".join(c for c in data_chars() if not mh.has_glyph(fam, c)) for fam in NEW_FONTS}
    bad = {k: v for k, v in bad.items() if v}
    if bad:
        raise SystemExit(f"fonts lack glyphs: {bad}")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def write_readme(out_dir, set_name, seed, per_form, lines):
    _orig_write_readme(out_dir, set_name, seed, per_form, lines)
    p = os.path.join(out_dir, "README.md")
    with open(p, encoding="utf-8") as f:
        text = f.read()
    cmd = f"/usr/bin/python3 samples/make_other_fonts.py --seed {seed} --per-form {per_form} --out {out_dir}"
    text = text.replace("# yomitori sample scans (holdout set)",
                        "# yomitori sample scans (holdout set, other fonts)", 1)
    text = re.sub(r"Made with\n\n    [^\n]*\n",
                  f"Made with\n\n    {cmd}\n\n(`make_other_fonts.py` runs `samples/make_holdout.py` with its six font families "
                  "replaced by the fonts listed below; everything else is make_holdout's.)\n", text, count=1)
    font_list = ", ".join(NEW_FONTS)
    new_par = (f"Fonts: {font_list} (none of them used by make_holdout.py);\n"
               "text height 3.5–6 mm, left margin 1.5–5 mm, vertical jitter ±1 mm.")
    text, n = re.subn(r"Fonts: Noto Sans CJK JP, Noto Serif CJK JP, IPAGothic, IPAMincho, IPAexGothic,\s*"
                      r"IPAexMincho; text height 3\.5–6 mm, left margin 1\.5–5 mm, vertical jitter ±1 mm\.",
                      new_par, text, count=1)
    if n != 1:
        raise SystemExit("README font paragraph not found (make_holdout.py changed?)")
    rows = "\n".join(f"| {fam} | `{path}` | {PACKAGES[fam]} | {sha256(path)} |" for fam, path in NEW_FONTS.items())
    text = text.replace("## expected.jsonl", "Font files (Debian 12 packages):\n\n| family | file | package | sha256 (first 16) |\n"
                        f"| --- | --- | --- | --- |\n{rows}\n\n## expected.jsonl", 1)
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)


def patch():
    mh.FONT_FAMILIES = list(NEW_FONTS)
    mh.FALLBACK_FONT_FILES = {**mh.FALLBACK_FONT_FILES, **NEW_FONTS}
    mh.locate_fonts = locate_fonts
    mh.committed_identity_values = committed_identity_values
    mh.has_glyph = has_glyph
    mh.write_readme = write_readme


if __name__ == "__main__":
    patch()
    check_coverage()
    mh.main(sys.argv[1:])
