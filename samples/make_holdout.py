#!/usr/bin/python3
"""Independent holdout generator for yomitori (written apart from make_samples.py).

Other fills, fonts per field, full-width digits in addresses, ゆうちょ accounts, its own
degradation mixes: use it to measure yomitori on scans it was not tuned on. Only the holdout
set is made here (never into samples/); the committed samples come from make_samples.py.

    /usr/bin/python3 samples/make_holdout.py --seed 99 --per-form 20 --out /tmp/holdout
    (then: yomitori calibrate --template … --truth /tmp/holdout/expected.jsonl /tmp/holdout/*)

Fills the blank municipal forms in samples/forms/ with typed (printed) values in
common Japanese fonts, degrades some pages the way an office scanner would, and
writes the scans together with the values an OCR run should produce
(expected.jsonl) and a README.


Only Debian's python3-pil (9.4) and python3-numpy (1.24) are used.  The output is
a pure function of (--set, --seed, --per-form) and the installed fonts/libraries:
every random choice comes from generators seeded with a SHA-256 of those inputs.

Conventions in expected.jsonl (see also the README this script writes):
  * fields   - the value yomitori should output (dates as ISO yyyy-mm-dd; 姓/名
               separated by one ASCII space whenever any space was printed).
  * printed  - the exact string drawn (full-width spaces/digits kept).
  * degradation.rotate_deg - positive = counter-clockwise on screen (PIL's
    Image.rotate convention; NB yomitori's AffineTransform.rotation is
    clockwise-positive).  shift_px is in pixels of the 300-dpi page, applied
    after rotation/scale about the page centre, before resampling to `dpi`.
    template_to_scan = [a, b, c, d, tx, ty] maps a pixel (x, y) of the 300-dpi
    blank form to the scan: x' = a·x + b·y + tx, y' = c·x + d·y + ty.
"""

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import time

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FORMS_DIR = os.path.join(HERE, "forms")
DEFAULT_OUT = os.path.join(HERE, "scans")
FORM_IDS = ["a_juminhyo", "b_jido_koza", "c_tennyu"]
SRC_DPI = 300
PX_PER_MM = SRC_DPI / 25.4
COMMITTED_SEED = 7           # default seed of the committed set
HOLDOUT_SEED = 99            # default seed of the holdout set
COMMITTED_PER_FORM = 10      # 4 clean + 6 degraded
PDF_DATE = time.gmtime(1711929600)  # fixed 2024-04-01 00:00:00Z so the PDF is reproducible

# --------------------------------------------------------------------------------------
# Fonts
# --------------------------------------------------------------------------------------
FONT_FAMILIES = [
    "Noto Sans CJK JP",
    "Noto Serif CJK JP",
    "IPAGothic",
    "IPAMincho",
    "IPAexGothic",
    "IPAexMincho",
]
FALLBACK_FONT_FILES = {
    "Noto Sans CJK JP": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "Noto Serif CJK JP": "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "IPAGothic": "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "IPAMincho": "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf",
    "IPAexGothic": "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "IPAexMincho": "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf",
}


def locate_fonts():
    """family -> (file, index in the .ttc).  Uses fc-list, falls back to Debian paths."""
    files = {}
    try:
        out = subprocess.run(["fc-list", ":lang=ja", "file", "family"], capture_output=True,
                             text=True, check=True).stdout
        for line in sorted(out.splitlines()):
            if ":" not in line:
                continue
            path, fams = line.split(":", 1)
            for fam in fams.strip().split(","):
                fam = fam.strip()
                if fam in FONT_FAMILIES and "Bold" not in path and fam not in files:
                    files[fam] = path.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    result = {}
    for fam in FONT_FAMILIES:
        path = files.get(fam) or FALLBACK_FONT_FILES[fam]
        index = None
        for i in range(16):  # a .ttc holds several faces: pick the one named `fam`
            try:
                f = ImageFont.truetype(path, 40, index=i)
            except OSError:
                break
            if f.getname()[0] == fam:
                index = i
                break
        if index is None:
            raise SystemExit(f"font {fam!r} not found (looked in {path})")
        result[fam] = (path, index)
    return result


FONT_FILES = None
_font_cache = {}


def font(family, px):
    px = max(8, int(round(px)))
    key = (family, px)
    if key not in _font_cache:
        path, index = FONT_FILES[family]
        _font_cache[key] = ImageFont.truetype(path, px, index=index)
    return _font_cache[key]


# --------------------------------------------------------------------------------------
# Fake data (all invented; bank codes are the public 統一金融機関コード, branch codes are not real)
# --------------------------------------------------------------------------------------
SURNAMES = [  # kanji, katakana, romaji
    ("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("高橋", "タカハシ", "takahashi"),
    ("田中", "タナカ", "tanaka"), ("伊藤", "イトウ", "ito"), ("渡辺", "ワタナベ", "watanabe"),
    ("山本", "ヤマモト", "yamamoto"), ("中村", "ナカムラ", "nakamura"), ("小林", "コバヤシ", "kobayashi"),
    ("加藤", "カトウ", "kato"), ("吉田", "ヨシダ", "yoshida"), ("山田", "ヤマダ", "yamada"),
    ("佐々木", "ササキ", "sasaki"), ("山口", "ヤマグチ", "yamaguchi"), ("松本", "マツモト", "matsumoto"),
    ("井上", "イノウエ", "inoue"), ("木村", "キムラ", "kimura"), ("林", "ハヤシ", "hayashi"),
    ("斎藤", "サイトウ", "saito"), ("清水", "シミズ", "shimizu"), ("山崎", "ヤマザキ", "yamazaki"),
    ("森", "モリ", "mori"), ("池田", "イケダ", "ikeda"), ("橋本", "ハシモト", "hashimoto"),
    ("阿部", "アベ", "abe"), ("石川", "イシカワ", "ishikawa"), ("前田", "マエダ", "maeda"),
    ("藤田", "フジタ", "fujita"), ("小川", "オガワ", "ogawa"), ("岡田", "オカダ", "okada"),
    ("長谷川", "ハセガワ", "hasegawa"), ("後藤", "ゴトウ", "goto"), ("近藤", "コンドウ", "kondo"),
    ("村上", "ムラカミ", "murakami"), ("遠藤", "エンドウ", "endo"), ("青木", "アオキ", "aoki"),
    ("坂本", "サカモト", "sakamoto"), ("西村", "ニシムラ", "nishimura"), ("福田", "フクダ", "fukuda"),
    ("太田", "オオタ", "ota"), ("渡邊", "ワタナベ", "watanabe"), ("齋藤", "サイトウ", "saito"),
]
GIVEN_M = [
    ("太郎", "タロウ", "taro"), ("一郎", "イチロウ", "ichiro"), ("健一", "ケンイチ", "kenichi"),
    ("浩", "ヒロシ", "hiroshi"), ("誠", "マコト", "makoto"), ("大輔", "ダイスケ", "daisuke"),
    ("直樹", "ナオキ", "naoki"), ("拓也", "タクヤ", "takuya"), ("翔太", "ショウタ", "shota"),
    ("和也", "カズヤ", "kazuya"), ("隆", "タカシ", "takashi"), ("修", "オサム", "osamu"),
    ("健太", "ケンタ", "kenta"), ("亮", "リョウ", "ryo"), ("達也", "タツヤ", "tatsuya"),
    ("雄一", "ユウイチ", "yuichi"), ("康弘", "ヤスヒロ", "yasuhiro"), ("博之", "ヒロユキ", "hiroyuki"),
    ("聡", "サトシ", "satoshi"), ("慎吾", "シンゴ", "shingo"),
]
GIVEN_F = [
    ("花子", "ハナコ", "hanako"), ("美咲", "ミサキ", "misaki"), ("陽子", "ヨウコ", "yoko"),
    ("恵子", "ケイコ", "keiko"), ("由美", "ユミ", "yumi"), ("直美", "ナオミ", "naomi"),
    ("智子", "トモコ", "tomoko"), ("久美子", "クミコ", "kumiko"), ("真由美", "マユミ", "mayumi"),
    ("裕子", "ユウコ", "yuko"), ("愛", "アイ", "ai"), ("彩", "アヤ", "aya"),
    ("明美", "アケミ", "akemi"), ("千尋", "チヒロ", "chihiro"), ("美穂", "ミホ", "miho"),
    ("麻衣", "マイ", "mai"), ("さゆり", "サユリ", "sayuri"), ("香織", "カオリ", "kaori"),
    ("優子", "ユウコ", "yuko"), ("理恵", "リエ", "rie"),
]
CHILD_M = [
    ("陽翔", "ハルト", "haruto"), ("蓮", "レン", "ren"), ("湊", "ミナト", "minato"),
    ("蒼", "アオイ", "aoi"), ("樹", "イツキ", "itsuki"), ("大翔", "ヒロト", "hiroto"),
    ("悠真", "ユウマ", "yuma"), ("結翔", "ユイト", "yuito"), ("律", "リツ", "ritsu"),
    ("颯太", "ソウタ", "sota"),
]
CHILD_F = [
    ("陽葵", "ヒマリ", "himari"), ("凛", "リン", "rin"), ("芽依", "メイ", "mei"),
    ("紬", "ツムギ", "tsumugi"), ("結菜", "ユイナ", "yuina"), ("澪", "ミオ", "mio"),
    ("葵", "アオイ", "aoi"), ("咲良", "サクラ", "sakura"), ("心春", "コハル", "koharu"),
    ("陽菜", "ヒナ", "hina"),
]

# (prefecture, city + town, postal prefix, phone area code, house-number styles)
MIDORI = [  # the fictional みどり市 the forms are addressed to
    ("東京都", "みどり市中央", "198", "042", ("chome_kanji", "chome", "hyphen")),
    ("東京都", "みどり市本町", "198", "042", ("chome_kanji", "chome", "hyphen")),
    ("東京都", "みどり市緑が丘", "198", "042", ("chome_kanji", "hyphen")),
    ("東京都", "みどり市桜台", "198", "042", ("chome", "hyphen")),
    ("東京都", "みどり市若葉町", "198", "042", ("banchi",)),
    ("東京都", "みどり市旭町", "198", "042", ("chome_kanji", "hyphen")),
]
ELSEWHERE = [
    ("北海道", "札幌市中央区北三条西", "060", "011", ("jo",)),
    ("宮城県", "仙台市青葉区一番町", "980", "022", ("chome", "hyphen")),
    ("茨城県", "つくば市吾妻", "305", "029", ("chome", "hyphen")),
    ("埼玉県", "さいたま市浦和区高砂", "330", "048", ("chome", "hyphen")),
    ("千葉県", "船橋市本町", "273", "047", ("chome", "hyphen")),
    ("東京都", "世田谷区三軒茶屋", "154", "03", ("chome_kanji", "hyphen")),
    ("東京都", "練馬区豊玉北", "176", "03", ("chome", "hyphen")),
    ("東京都", "八王子市明神町", "192", "042", ("chome", "hyphen")),
    ("神奈川県", "横浜市港北区日吉本町", "223", "045", ("chome", "hyphen")),
    ("神奈川県", "藤沢市鵠沼石上", "251", "0466", ("chome", "hyphen")),
    ("神奈川県", "川崎市中原区小杉町", "211", "044", ("chome", "hyphen")),
    ("新潟県", "新潟市中央区東大通", "950", "025", ("chome", "hyphen")),
    ("長野県", "松本市中央", "390", "0263", ("chome", "hyphen")),
    ("静岡県", "静岡市葵区追手町", "420", "054", ("banchi",)),
    ("愛知県", "名古屋市中区栄", "460", "052", ("chome", "chome_kanji", "hyphen")),
    ("京都府", "京都市左京区下鴨本町", "606", "075", ("banchi",)),
    ("大阪府", "大阪市北区梅田", "530", "06", ("chome", "hyphen")),
    ("大阪府", "堺市北区中百舌鳥町", "591", "072", ("cho_banchi",)),
    ("兵庫県", "神戸市中央区元町通", "650", "078", ("chome", "hyphen")),
    ("岡山県", "岡山市北区表町", "700", "086", ("chome", "hyphen")),
    ("広島県", "広島市中区大手町", "730", "082", ("chome", "hyphen")),
    ("福岡県", "福岡市博多区博多駅前", "812", "092", ("chome", "hyphen")),
    ("福岡県", "北九州市小倉北区魚町", "802", "093", ("chome", "hyphen")),
    ("熊本県", "熊本市中央区水前寺", "862", "096", ("chome", "hyphen")),
    ("沖縄県", "那覇市久茂地", "900", "098", ("chome", "hyphen")),
]
BUILDINGS = ["グリーンハイツ", "コーポ桜", "サンハイム緑が丘", "メゾン・ド・ソレイユ", "パークハウス中央",
             "ハイツ若葉", "レジデンス本町", "ライオンズマンション", "シャトー白樺", "ビラ・アペックス"]
KANJI_NUM = "〇一二三四五六七八九"

BANKS = [  # name, 金融機関コード
    ("みずほ銀行", "0001"), ("三菱UFJ銀行", "0005"), ("三井住友銀行", "0009"), ("りそな銀行", "0010"),
    ("埼玉りそな銀行", "0017"), ("北海道銀行", "0116"), ("七十七銀行", "0125"), ("常陽銀行", "0130"),
    ("千葉銀行", "0134"), ("横浜銀行", "0138"), ("静岡銀行", "0149"), ("京都銀行", "0158"),
    ("福岡銀行", "0177"), ("城南信用金庫", "1344"), ("ゆうちょ銀行", "9900"),
]
BRANCHES = ["本店営業部", "渋谷支店", "新宿支店", "池袋支店", "横浜駅前支店", "梅田支店", "難波支店",
            "名古屋支店", "札幌支店", "天神支店", "藤沢支店", "川崎支店", "大宮支店", "船橋支店",
            "立川支店", "八王子支店", "みどり支店", "駅前支店", "中央支店", "京都支店"]
MAIL_DOMAINS = ["example.jp", "example.ne.jp", "example.co.jp", "example.com", "mail.example.jp"]

OPTIONAL = {"a_juminhyo": {"copies"}, "b_jido_koza": {"child_name"}, "c_tennyu": {"email"}}
ERAS = [("令和", dt.date(2019, 5, 1), 2018), ("平成", dt.date(1989, 1, 8), 1988),
        ("昭和", dt.date(1926, 12, 25), 1925)]
FW_TABLE = str.maketrans("0123456789-", "０１２３４５６７８９－")

# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


def sub_seed(*parts):
    h = hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big")


def rnd(x, nd=3):
    return float(round(x, nd)) + 0.0  # + 0.0 turns -0.0 into 0.0


def mynumber_check_digit(first11):
    """Check digit of 個人番号: weights 6 5 4 3 2 7 6 5 4 3 2 from the left."""
    w = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    s = sum(int(c) * k for c, k in zip(first11, w))
    r = s % 11
    return 0 if r <= 1 else 11 - r


def to_wareki(d):
    for name, start, off in ERAS:
        if d >= start:
            return name, d.year - off
    raise ValueError(d)


def format_wareki(d, style, gannen=True):
    """style: normal 令和6年4月1日 | spaced 令和 6年 4月 1日 | fullwidth 令和６年４月１日."""
    era, y = to_wareki(d)
    return format_wareki_parts(era, y, d.month, d.day, style, gannen)


def format_wareki_parts(era, y, m, day, style, gannen=True):
    ys = "元" if (y == 1 and gannen) else str(y)
    if style == "spaced":
        pad = lambda s: s if len(s) >= 2 or s == "元" else " " + s  # noqa: E731
        return f"{era}{pad(ys)}年{pad(str(m))}月{pad(str(day))}日"
    s = f"{era}{ys}年{m}月{day}日"
    if style == "fullwidth":
        s = s.translate(FW_TABLE)
    return s


def rand_date(rng, lo, hi, weekday=False):
    span = (hi - lo).days
    while True:
        d = lo + dt.timedelta(days=rng.randint(0, span))
        if not weekday or d.weekday() < 5:
            return d


# --------------------------------------------------------------------------------------
# Forms
# --------------------------------------------------------------------------------------


class Form:
    def __init__(self, form_id):
        self.id = form_id
        with open(os.path.join(FORMS_DIR, f"{form_id}.fields.json"), encoding="utf-8") as f:
            self.spec = json.load(f)
        self.fields = self.spec["fields"]
        self.by_name = {f["name"]: f for f in self.fields}
        self.blank = Image.open(os.path.join(FORMS_DIR, f"{form_id}.blank.png")).convert("L")
        self.blank.load()
        a = np.asarray(self.blank)
        ys, xs = np.nonzero(a < 160)
        self.content_bbox = (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)
        # rectangles (px) where writing happens: used to keep dust mostly away
        self.zones_px = [mm_rect(f) for f in self.fields]


def mm_rect(r):
    return (r["x"] * PX_PER_MM, r["y"] * PX_PER_MM,
            (r["x"] + r["w"]) * PX_PER_MM, (r["y"] + r["h"]) * PX_PER_MM)


# --------------------------------------------------------------------------------------
# Content: one "record" per page = values + printed strings + invalid markers
# --------------------------------------------------------------------------------------
IDENTITY_FIELDS = {"name", "furigana", "claimant_name", "account_holder", "child_name", "householder",
                   "address", "new_address", "old_address", "postal_code", "new_postal_code",
                   "phone", "email", "my_number", "account_number"}


class Person:
    def __init__(self, sur, given, sex, birth):
        self.sur, self.given, self.sex, self.birth = sur, given, sex, birth

    def kanji(self, sep):
        return self.sur[0] + sep + self.given[0]

    def kana(self, sep):
        return self.sur[1] + sep + self.given[1]


def pick_person(rng, sex=None, child=False, sur=None, birth_lo=None, birth_hi=None):
    sex = sex or rng.choice("MF")
    if child:
        given = rng.choice(CHILD_M if sex == "M" else CHILD_F)
    else:
        given = rng.choice(GIVEN_M if sex == "M" else GIVEN_F)
    sur = sur or rng.choice(SURNAMES)
    birth = rand_date(rng, birth_lo or dt.date(1945, 1, 1), birth_hi or dt.date(2004, 12, 31))
    return Person(sur, given, sex, birth)


class Content:
    """Builds one page's values.  `force` pins features the committed plan needs."""

    def __init__(self, form, rng, force, fit_check):
        self.form, self.rng, self.force, self.fit = form, rng, force, fit_check
        self.fields, self.printed, self.invalid = {}, {}, {}
        self.comb_cells = {}  # name -> list of 1-char strings or None per box
        self.ticks = {}       # name -> list of ticked option indices
        r = rng
        self.name_sep = force.get("name_sep", r.choices(["\u3000", " ", ""], [50, 35, 15])[0])
        self.kana_sep = force.get("kana_sep", r.choice(["\u3000", " "]))
        self.date_style = force.get("date_style", r.choices(["normal", "spaced", "fullwidth"], [75, 15, 10])[0])
        self.addr_fw = force.get("addr_fw", r.random() < 0.15)

    # ---- generic setters
    def set_text(self, name, printed, value=None):
        """`value` defaults to the printed text with a full-width space given as an ASCII one."""
        self.printed[name] = printed
        self.fields[name] = printed.replace("\u3000", " ") if value is None else value

    def set_name(self, name, person, kana=False):
        if kana:
            s = person.kana(self.kana_sep)
            self.set_text(name, s, person.kana(" "))
        else:
            s = person.kanji(self.name_sep)
            self.set_text(name, s, person.kanji(" " if self.name_sep else ""))

    def set_date(self, name, d, style=None):
        style = style or self.date_style
        s = format_wareki(d, style, gannen=self.rng.random() < 0.9)
        self.set_text(name, s, d.isoformat())

    def set_blank(self, name):
        f = self.form.by_name[name]
        if f["type"] == "comb":
            self.comb_cells[name] = [None] * len(f["boxes"])
        if f["type"] == "checkbox":
            self.ticks[name] = []
        self.printed[name] = "" if f["type"] != "checkbox" else []
        self.fields[name] = "" if f["type"] != "checkbox" or f.get("max_checked", 1) == 1 else []

    def set_comb(self, name, digits, right_align=False):
        n = len(self.form.by_name[name]["boxes"])
        assert len(digits) <= n
        cells = [None] * n
        off = n - len(digits) if right_align else 0
        for i, ch in enumerate(digits):
            cells[off + i] = ch
        self.comb_cells[name] = cells
        self.set_text(name, digits)

    def set_ticks(self, name, idxs):
        f = self.form.by_name[name]
        idxs = sorted(idxs)
        vals = [f["options"][i]["value"] for i in idxs]
        self.ticks[name] = idxs
        self.printed[name] = vals
        self.fields[name] = vals if f.get("max_checked", 1) > 1 else (vals[0] if vals else "")

    def tick_value(self, name, value):
        f = self.form.by_name[name]
        self.set_ticks(name, [[o["value"] for o in f["options"]].index(value)])

    # ---- value makers
    def address(self, bases, name):
        r = self.rng
        for _ in range(200):
            pref, loc, p3, area, styles = r.choice(bases)
            style = r.choice(styles)
            n, b, g = r.randint(1, 6), r.randint(1, 28), r.randint(1, 24)
            if style == "chome_kanji":
                num = f"{KANJI_NUM[n]}丁目{b}番{g}号"
            elif style == "chome":
                num = f"{n}丁目{b}番{g}号"
            elif style == "hyphen":
                num = f"{n}-{b}-{g}"
            elif style == "banchi":
                num = f"{r.randint(1, 980)}番地" + (str(r.randint(1, 12)) if r.random() < 0.4 else "")
            elif style == "cho_banchi":
                num = f"{n}丁{r.randint(1, 40)}番地"
            else:  # jo (Sapporo)
                num = f"{n}丁目{b}番地{g}" if r.random() < 0.5 else f"{n}丁目{b}-{g}"
            if self.addr_fw:
                num = num.translate(FW_TABLE)
            s = pref + loc + num
            if r.random() < 0.35:
                room = f"{r.randint(1, 12)}{r.randint(1, 8):02d}"
                if self.addr_fw:
                    room = room.translate(FW_TABLE)
                s += r.choice(["", " ", "\u3000"]) + r.choice(BUILDINGS) + room + ("号室" if r.random() < 0.25 else "")
            if self.fit(self.form.by_name[name], s):
                postal = p3 + f"{r.randint(0, 9999):04d}"
                return s, postal, area
        raise RuntimeError("no address fits")

    def phone(self, area):
        r = self.rng
        if r.random() < 0.55:
            return f"{r.choice(['090', '080', '070'])}-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}"
        local = 10 - len(area)  # subscriber digits after the area code
        mid = local - 4
        return f"{area}-{r.randint(10 ** (mid - 1) if mid > 1 else 2, 10 ** mid - 1)}-{r.randint(0, 9999):04d}"

    def email(self, p):
        r = self.rng
        g, s = p.given[2], p.sur[2]
        yy = p.birth.year % 100
        local = r.choice([f"{g}.{s}", f"{s}.{g}", f"{g[0]}.{s}", f"{g[0]}{s}{yy:02d}", f"{g}_{s}",
                          f"{s}-{g[0]}", f"{s}{g}{r.randint(1, 99)}"])
        return f"{local}@{r.choice(MAIL_DOMAINS)}"

    def my_number(self):
        r = self.rng
        first = "".join(str(r.randint(0, 9)) for _ in range(11))
        return first + str(mynumber_check_digit(first))

    def app_date(self):
        return rand_date(self.rng, dt.date(2023, 1, 4), dt.date(2025, 12, 26), weekday=True)


def make_a(c):
    r, f = c.rng, c.force
    p = pick_person(r, birth_lo=dt.date(1938, 1, 1), birth_hi=dt.date(2005, 3, 31))
    if "birth" in f:
        p.birth = f["birth"]
    c.set_date("request_date", f.get("app_date") or c.app_date())
    c.set_name("furigana", p, kana=True)
    c.set_name("name", p)
    c.set_date("birth_date", p.birth, style="fullwidth" if c.date_style == "fullwidth" else
               r.choice(["normal", "normal", c.date_style]))
    addr, postal, area = c.address(MIDORI if r.random() < 0.7 else ELSEWHERE, "address")
    c.set_comb("postal_code", postal)
    c.set_text("address", addr)
    c.set_text("phone", c.phone(area))
    if f["blank_copies"] if "blank_copies" in f else r.random() < 0.1:
        c.set_blank("copies")
    else:
        c.set_text("copies", r.choices(["1", "2", "3"], [65, 28, 7])[0])
    n = f.get("purpose_n") or (2 if r.random() < 0.25 else 1)
    opts = list(range(7)) if r.random() < 0.95 else list(range(8))  # その他 rarely
    c.set_ticks("purpose", r.sample(opts, n))
    return [p]


def make_b(c):
    r, f = c.rng, c.force
    p = pick_person(r, birth_lo=dt.date(1975, 1, 1), birth_hi=dt.date(2000, 12, 31))
    c.set_date("apply_date", f.get("app_date") or c.app_date())
    c.set_name("claimant_name", p)
    c.set_text("phone", c.phone(r.choice(MIDORI)[3]))
    bank = dict(BANKS)
    if f["yucho"] if "yucho" in f else r.random() < 0.15:
        bname = "ゆうちょ銀行"
    else:
        bname = r.choice([b for b, _ in BANKS if b != "ゆうちょ銀行"])
    c.set_text("bank_name", bname)
    c.set_comb("bank_code", bank[bname])
    if bname == "ゆうちょ銀行":  # 振込用の店名・口座番号: 〇一八店 / 018, 7 digits
        k = r.randint(1, 99)
        code = f"{k:02d}8"
        c.set_text("branch_name", "".join(KANJI_NUM[int(d)] for d in code) + "店")
        c.set_comb("branch_code", code)
        acct = f"{r.randint(0, 9999999):07d}"
    else:
        c.set_text("branch_name", r.choice(BRANCHES))
        c.set_comb("branch_code", f"{r.randint(1, 899):03d}")
        short = f["short_account"] if "short_account" in f else r.random() < 0.12
        acct = str(r.randint(100000, 999999)) if short else f"{r.randint(1000000, 9999999)}"
    c.tick_value("account_type", f.get("account_type") or ("当座" if r.random() < 0.08 else "普通"))
    c.set_comb("account_number", acct, right_align=True)
    c.set_name("account_holder", p, kana=True)
    if f["blank_child"] if "blank_child" in f else r.random() < 0.15:
        c.set_blank("child_name")
        kids = []
    else:
        kid = pick_person(r, child=True, sur=p.sur, birth_lo=dt.date(2008, 1, 1), birth_hi=dt.date(2024, 12, 31))
        c.set_name("child_name", kid)
        kids = [kid]
    return [p] + kids


def make_c(c):
    r, f = c.rng, c.force
    rel = f.get("relationship") or r.choices(["本人", "妻", "夫", "子", "父", "母", "その他"],
                                             [45, 15, 5, 20, 4, 6, 5])[0]
    adult = (dt.date(1950, 1, 1), dt.date(2004, 12, 31))
    sur = r.choice(SURNAMES)
    if rel == "本人":
        p = pick_person(r, sur=sur, birth_lo=adult[0], birth_hi=adult[1])
        head = p
    elif rel in ("妻", "夫"):
        p = pick_person(r, sex="F" if rel == "妻" else "M", sur=sur, birth_lo=adult[0], birth_hi=adult[1])
        head = pick_person(r, sex="M" if rel == "妻" else "F", sur=sur, birth_lo=adult[0], birth_hi=adult[1])
    elif rel == "子":
        p = pick_person(r, child=True, sur=sur, birth_lo=dt.date(2006, 1, 1), birth_hi=dt.date(2024, 12, 31))
        head = pick_person(r, sur=sur, birth_lo=dt.date(1965, 1, 1), birth_hi=dt.date(1995, 12, 31))
    elif rel in ("父", "母"):
        p = pick_person(r, sex="M" if rel == "父" else "F", sur=sur,
                        birth_lo=dt.date(1936, 1, 1), birth_hi=dt.date(1962, 12, 31))
        head = pick_person(r, sur=sur, birth_lo=dt.date(1960, 1, 1), birth_hi=dt.date(1995, 12, 31))
    else:
        p = pick_person(r, sur=sur, birth_lo=adult[0], birth_hi=adult[1])
        head = pick_person(r, birth_lo=adult[0], birth_hi=adult[1])
        while head.sur == p.sur:
            head = pick_person(r, birth_lo=adult[0], birth_hi=adult[1])
    if "birth" in f:
        p.birth = f["birth"]
    notify = f.get("app_date") or c.app_date()
    c.set_date("notify_date", notify)
    c.set_date("move_date", notify - dt.timedelta(days=r.randint(0, 13)))
    new_addr, postal, area = c.address(MIDORI, "new_address")
    c.set_text("new_address", new_addr)
    c.set_comb("new_postal_code", postal)
    old_addr, _, _ = c.address(ELSEWHERE, "old_address")
    c.set_text("old_address", old_addr)
    c.set_name("householder", head)
    c.set_name("furigana", p, kana=True)
    c.set_name("name", p)
    c.set_date("birth_date", p.birth)
    c.tick_value("sex", "男" if p.sex == "M" else "女")
    c.tick_value("relationship", rel)
    c.set_comb("my_number", c.my_number())
    c.set_text("phone", c.phone(area))
    if (f["blank_email"] if "blank_email" in f else r.random() < 0.3) or (rel == "子" and p.birth.year > 2012):
        c.set_blank("email")
    else:
        c.set_text("email", c.email(p))
    return [p, head]


MAKERS = {"a_juminhyo": make_a, "b_jido_koza": make_b, "c_tennyu": make_c}


def apply_invalid(c, kind, field, detail=None):
    """Overwrite one value with a deliberately invalid one (validation tests)."""
    if kind == "check_digit":
        good = c.fields[field]
        bad = good[:11] + str((int(good[11]) + c.rng.randint(1, 9)) % 10)
        c.set_comb(field, bad)
    elif kind == "impossible_date":
        era, y = "令和", 5
        m, d = detail or c.rng.choice([(2, 30), (2, 29), (4, 31), (6, 31), (9, 31), (11, 31), (2, 31)])
        s = format_wareki_parts(era, y, m, d, c.date_style)
        c.printed[field] = s
        c.fields[field] = None
    elif kind == "required_missing":
        c.set_blank(field)
    else:
        raise ValueError(kind)
    c.invalid[field] = kind


def build_content(form, seed_parts, force, fit_check, exclude=None, avoid_surnames=()):
    """One page's values.  Retries (same generator, so still deterministic) while the values
    overlap `exclude` or, for the first 30 tries, the main person's surname is in `avoid_surnames`."""
    rng = random.Random(sub_seed(*seed_parts, "content"))
    for attempt in range(200):
        c = Content(form, rng, force, fit_check)
        people = MAKERS[form.id](c)
        if "invalid" in force:
            apply_invalid(c, *force["invalid"])
        if exclude is not None and identity_values(c.fields) & exclude:
            continue
        if attempt < 30 and people[0].sur[0] in avoid_surnames:
            continue
        c.people = people
        return c
    raise RuntimeError("could not avoid the committed values")


def all_pages(set_name, seed, plan):
    """The single pages of `plan` followed by the pages of the two stacks."""
    pages = [dict(p, stack="") for p in plan]
    for kind in ("pdf", "tif"):
        for pi, form_id in enumerate(STACK_ORDERS[kind]):
            pages.append(dict(form=form_id, quality="degraded", idx=pi, preset=f"stack-{kind}", dpi=STACK_DPI[kind],
                              jpeg=PDF_JPEG_QUALITY if kind == "pdf" else None, stack=kind, force={},
                              family=random.Random(sub_seed(set_name, seed, kind, pi)).choice(FONT_FAMILIES)))
    return pages


def build_all_contents(set_name, seed, pages, exclude=None):
    """Values for every page, in order; consecutive pages avoid the last 20 main surnames so
    the small set shows many different people."""
    recent, out = [], []
    for page in pages:
        key = (set_name, seed, page["form"], page["quality"], page["idx"], page["stack"])
        c = build_content(Form.cache[page["form"]], key, page["force"], text_fits_min, exclude, set(recent))
        recent = (recent + [c.people[0].sur[0]])[-20:]
        out.append(c)
    return out


def identity_values(fields):
    out = set()
    for k, v in fields.items():
        if k in IDENTITY_FIELDS and isinstance(v, str) and v:
            out.add(f"{k}:{v}" if k in ("postal_code", "new_postal_code", "account_number", "my_number")
                    else v)
    return out


# --------------------------------------------------------------------------------------
# Rendering (the "printer")
# --------------------------------------------------------------------------------------
MIN_MM, MAX_MM = 3.5, 6.0


def text_fits_min(field, s):
    """True when `s` fits the zone at the smallest size in every font with a 5 mm margin."""
    avail = (field["w"] - 5.0 - 1.0) * PX_PER_MM
    for fam in FONT_FAMILIES:
        bb = font(fam, MIN_MM * PX_PER_MM).getbbox(s, anchor="ls")
        if bb[2] - bb[0] > avail:
            return False
    return True


class Style:
    def __init__(self, rng, family):
        self.family = family
        self.size_mm = rng.uniform(MIN_MM + 0.3, MAX_MM - 0.2)
        self.margin_mm = rng.uniform(1.5, 5.0)
        self.ink = rng.randint(8, 45)
        self.mark = rng.choice(["check", "cross", "square", "circle"])
        self.mark_frac = rng.uniform(0.6, 0.88)
        self.mark_stroke_mm = rng.uniform(0.25, 0.7)
        self.comb_frac = rng.uniform(0.55, 0.7)


class Renderer:
    def __init__(self, form, content, style, rng):
        self.form, self.c, self.st, self.rng = form, content, style, rng
        self.img = form.blank.copy()
        self.draw = ImageDraw.Draw(self.img)
        self.log = []          # (field, ink bbox px, allowed rect px)
        self.overrides = {}

    def render(self):
        for f in self.form.fields:
            name = f["name"]
            t = f["type"]
            if t == "comb":
                self.comb(f, self.c.comb_cells[name])
            elif t == "checkbox":
                self.checkbox(f, self.c.ticks[name])
            elif self.c.printed.get(name):
                self.text(f, self.c.printed[name])
        return self.img

    def text(self, f, s):
        r, st = self.rng, self.st
        fam = st.family
        if r.random() < 0.1:
            fam = r.choice([x for x in FONT_FAMILIES if x != st.family])
            self.overrides[f["name"]] = fam
        size_mm = st.size_mm + (r.uniform(-0.8, 0.8) if r.random() < 0.2 else 0.0)
        size_mm = min(max(size_mm, MIN_MM), MAX_MM, f["h"] - 2.6)
        margin_mm = min(max(st.margin_mm + r.uniform(-0.4, 0.4), 1.5), 5.0)
        jitter = r.uniform(-1.0, 1.0) * PX_PER_MM
        x0, y0, x1, y1 = mm_rect(f)
        while True:
            fnt = font(fam, size_mm * PX_PER_MM)
            bb = fnt.getbbox(s, anchor="ls")
            if x0 + margin_mm * PX_PER_MM + (bb[2] - bb[0]) <= x1 - 1.0 * PX_PER_MM:
                break
            if size_mm <= MIN_MM:
                raise RuntimeError(f"{f['name']}: {s!r} does not fit")
            size_mm = max(MIN_MM, size_mm - 0.1)
        ref = fnt.getbbox("国", anchor="ls")
        base_y = (y0 + y1) / 2 - (ref[1] + ref[3]) / 2 + jitter
        pad = 0.5 * PX_PER_MM
        base_y = min(max(base_y, y0 + pad - bb[1]), y1 - pad - bb[3])
        x = x0 + margin_mm * PX_PER_MM - bb[0]
        xi, yi = round(x), round(base_y)
        self.draw.text((xi, yi), s, font=fnt, fill=self.st.ink, anchor="ls")
        ink = (xi + bb[0], yi + bb[1], xi + bb[2], yi + bb[3])
        self.log.append((f["name"], ink, (x0 + 1.4 * PX_PER_MM, y0 + 0.3 * PX_PER_MM, x1 - 0.9 * PX_PER_MM,
                                          y1 - 0.3 * PX_PER_MM)))

    def comb(self, f, cells):
        r, st = self.rng, self.st
        fam = st.family
        bh = f["boxes"][0]["h"] * PX_PER_MM
        bw = f["boxes"][0]["w"] * PX_PER_MM
        probe = font(fam, 100).getbbox("8", anchor="ls")
        px = st.comb_frac * bh / ((probe[3] - probe[1]) / 100)
        fnt = font(fam, px)
        while max(fnt.getbbox(d, anchor="ls")[2] - fnt.getbbox(d, anchor="ls")[0] for d in "0123456789") > 0.6 * bw:
            px -= 1
            fnt = font(fam, px)
        jx, jy = r.uniform(-0.2, 0.2) * PX_PER_MM, r.uniform(-0.25, 0.25) * PX_PER_MM
        ref = fnt.getbbox("8", anchor="ls")
        for box, ch in zip(f["boxes"], cells):
            if not ch:
                continue
            bx0, by0, bx1, by1 = mm_rect(box)
            bb = fnt.getbbox(ch, anchor="ls")
            x = (bx0 + bx1) / 2 - (bb[0] + bb[2]) / 2 + jx
            y = (by0 + by1) / 2 - (ref[1] + ref[3]) / 2 + jy
            xi, yi = round(x), round(y)
            self.draw.text((xi, yi), ch, font=fnt, fill=st.ink, anchor="ls")
            self.log.append((f["name"], (xi + bb[0], yi + bb[1], xi + bb[2], yi + bb[3]),
                             (bx0 + 4, by0 + 4, bx1 - 4, by1 - 4)))

    def checkbox(self, f, ticks):
        r, st = self.rng, self.st
        kind = st.mark if r.random() < 0.85 else r.choice(["check", "cross", "square", "circle"])
        for i in ticks:
            box = f["options"][i]
            bx0, by0, bx1, by1 = mm_rect(box)
            # the printed outline is ~4 px wide centred on the box edge: keep 3 px clear of it
            inner = (bx0 + 3, by0 + 3, bx1 - 3, by1 - 3)
            size = (bx1 - bx0) * min(st.mark_frac + r.uniform(-0.05, 0.05), 0.88)
            size = max(size, (bx1 - bx0) * 0.6)
            room_x = (inner[2] - inner[0] - size) / 2
            room_y = (inner[3] - inner[1] - size) / 2
            off_x = r.uniform(-1, 1) * max(0.0, min(room_x - 4, 0.1 * (bx1 - bx0)))
            off_y = r.uniform(-1, 1) * max(0.0, min(room_y - 4, 0.1 * (bx1 - bx0)))
            cx, cy = (bx0 + bx1) / 2 + off_x, (by0 + by1) / 2 + off_y
            stroke = max(2.0, (st.mark_stroke_mm + r.uniform(-0.08, 0.08)) * PX_PER_MM)
            stroke = min(stroke, size * 0.22)
            ink = self.stamp_mark(kind, cx, cy, size, stroke)
            self.log.append((f["name"], ink, inner))

    def stamp_mark(self, kind, cx, cy, size, stroke):
        S = 4  # supersampling
        n = int(math.ceil(size)) + 4
        patch = Image.new("L", (n * S, n * S), 0)
        d = ImageDraw.Draw(patch)
        o = (n - size) / 2 * S
        sz = size * S
        w = stroke * S
        h = w / 2
        if kind == "check":
            pts = [(o + h, o + 0.55 * sz), (o + 0.38 * sz, o + sz - h), (o + sz - h, o + h)]
            d.line(pts, fill=255, width=int(round(w)), joint="curve")
            for px, py in (pts[0], pts[-1]):  # round caps
                d.ellipse((px - h, py - h, px + h, py + h), fill=255)
        elif kind == "cross":
            for a, b in (((o + h, o + h), (o + sz - h, o + sz - h)), ((o + h, o + sz - h), (o + sz - h, o + h))):
                d.line([a, b], fill=255, width=int(round(w)))
        elif kind == "square":
            d.rectangle((o, o, o + sz, o + sz), fill=255)
        else:
            d.ellipse((o, o, o + sz, o + sz), fill=255)
        alpha = patch.resize((n, n), Image.BOX)
        x0, y0 = int(round(cx - n / 2)), int(round(cy - n / 2))
        region = self.img.crop((x0, y0, x0 + n, y0 + n))
        a = np.asarray(alpha).astype(np.float32) / 255.0
        reg = np.asarray(region).astype(np.float32)
        out = reg * (1 - a) + self.st.ink * a
        self.img.paste(Image.fromarray(np.clip(np.round(out), 0, 255).astype(np.uint8)), (x0, y0))
        ys, xs = np.nonzero(a > 0.02)
        return (x0 + xs.min(), y0 + ys.min(), x0 + xs.max() + 1, y0 + ys.max() + 1)


# --------------------------------------------------------------------------------------
# Degradation (the "scanner")
# --------------------------------------------------------------------------------------
# Each preset is a family of mixes; every page draws its own numbers from it.
PRESETS = {
    # Sizes matter (the committed set must stay near 6 MB): sensor noise is kept low on
    # 300/400-dpi pages and the lossless (PNG) degraded pages carry no sensor noise at all.
    "skew3-jpeg": dict(rot=(2.6, 3.0), shift=(0, 20), scale=(-0.004, 0.004), dpi=300, jpeg=(50, 60),
                       noise=(1.0, 1.8), blur=(0.6, 0.9), bg=(234, 243), gamma=(0.92, 1.08),
                       contrast=(0.92, 1.0), specks=(60, 160), dust=(1, 3), hair=(0, 1)),
    "fax200-jpeg": dict(rot=(1.8, 2.9), shift=(35, 55), scale=(-0.01, 0.01), dpi=200, jpeg=(50, 60),
                        noise=(2.0, 3.2), blur=(0.7, 1.1), bg=(230, 238), gamma=(0.85, 1.0),
                        contrast=(0.95, 1.08), specks=(150, 350), dust=(2, 4), hair=(0, 2)),
    "shrink200-png": dict(rot=(0.0, 0.0), shift=(50, 60), scale=(-0.03, -0.025), dpi=200, jpeg=None,
                          noise=(0, 0), blur=(0.5, 0.8), bg=(238, 245), gamma=(0.95, 1.1),
                          contrast=(0.9, 1.0), specks=(80, 200), dust=(1, 3), hair=(1, 2)),
    "grow200-jpeg": dict(rot=(0.8, 1.5), shift=(0, 25), scale=(0.025, 0.03), dpi=200, jpeg=(62, 72),
                         noise=(0.8, 1.5), blur=(0.6, 1.0), bg=(232, 240), gamma=(0.75, 1.3),
                         contrast=(0.85, 1.05), specks=(200, 400), dust=(3, 6), hair=(1, 3)),
    "shift200-jpeg": dict(rot=(0.3, 1.2), shift=(45, 60), scale=(-0.03, -0.02), dpi=200, jpeg=(50, 58),
                          noise=(1.2, 2.0), blur=(0.5, 0.8), bg=(236, 245), gamma=(0.9, 1.1),
                          contrast=(0.95, 1.05), specks=(50, 150), dust=(1, 2), hair=(0, 1)),
    "light200-jpeg-hq": dict(rot=(0.2, 0.8), shift=(0, 20), scale=(-0.01, 0.01), dpi=200, jpeg=(68, 80),
                            noise=(0.8, 1.5), blur=(0.5, 0.7), bg=(230, 235), gamma=(0.95, 1.05),
                            contrast=(0.95, 1.02), specks=(40, 120), dust=(0, 2), hair=(0, 1)),
    # multi-page stacks: "degraded lightly", no sensor noise (keeps the TIFF/PDF small)
    "stack-pdf": dict(rot=(0.0, 0.25), shift=(0, 25), scale=(-0.006, 0.006), dpi=300, jpeg=None,
                      noise=(0, 0), blur=(0.9, 1.2), bg=(238, 245), gamma=(0.95, 1.05),
                      contrast=(0.95, 1.02), specks=(20, 80), dust=(0, 2), hair=(0, 1)),
    "stack-tif": dict(rot=(0.1, 0.6), shift=(0, 25), scale=(-0.006, 0.006), dpi=200, jpeg=None,
                      noise=(0, 0), blur=(0.5, 0.8), bg=(238, 245), gamma=(0.95, 1.05),
                      contrast=(0.95, 1.02), specks=(20, 80), dust=(0, 2), hair=(0, 1)),
}
DEGRADED_PRESETS = ["skew3-jpeg", "fax200-jpeg", "shrink200-png", "grow200-jpeg", "shift200-jpeg",
                    "light200-jpeg-hq"]


def sample_degradation(rng, preset, dpi=None, jpeg=None):
    p = PRESETS[preset]
    sign = lambda: rng.choice((-1, 1))  # noqa: E731
    u = lambda a: rng.uniform(*a)  # noqa: E731
    d = {
        "preset": preset,
        "rotate_deg": rnd(sign() * u(p["rot"]), 2),
        "shift_px": [int(round(sign() * u(p["shift"]))), int(round(sign() * u(p["shift"])))],
        "scale": rnd(1 + u(p["scale"]), 4),
        "dpi": dpi or p["dpi"],
        "jpeg_quality": jpeg if jpeg is not None else (rng.randint(*p["jpeg"]) if p["jpeg"] else None),
        "noise": rnd(u(p["noise"]), 2),
        "blur_px": rnd(u(p["blur"]), 2),
        "background": int(round(u(p["bg"]))),
        "gamma": rnd(u(p["gamma"]), 3),
        "contrast": rnd(u(p["contrast"]), 3),
        "specks": rng.randint(*p["specks"]),
        "dust": rng.randint(*p["dust"]),
        "hairs": rng.randint(*p["hair"]),
    }
    if d["dpi"] == 400 and d["jpeg_quality"]:  # 400-dpi pages are big: compress harder, less noise
        d["jpeg_quality"] = min(d["jpeg_quality"], 42)
        d["noise"] = rnd(min(d["noise"], 1.0), 2)
        d["blur_px"] = rnd(max(d["blur_px"], 1.0), 2)
    return d


def forward_matrix(d, size):
    """3x3 matrix: 300-dpi page pixel -> 300-dpi transformed page pixel."""
    w, h = size
    cx, cy = w / 2, h / 2
    t = math.radians(d["rotate_deg"])
    s = d["scale"]
    cs, sn = math.cos(t), math.sin(t)
    # counter-clockwise on screen (y down): x' = cos·x + sin·y, y' = -sin·x + cos·y
    R = np.array([[cs, sn], [-sn, cs]]) * s
    T = np.eye(3)
    T[:2, :2] = R
    T[:2, 2] = np.array([cx, cy]) - R @ np.array([cx, cy]) + np.array(d["shift_px"], dtype=float)
    return T


def fit_on_page(d, form, margin=12):
    """Shrink the shift until the whole printed form (incl. corner marks) stays on the page."""
    W, H = form.blank.size
    x0, y0, x1, y1 = form.content_bbox
    corners = np.array([[x0, y0, 1], [x1, y0, 1], [x0, y1, 1], [x1, y1, 1]], dtype=float).T
    for i in range(200):
        p = forward_matrix(d, (W, H)) @ corners
        if p[0].min() >= margin and p[1].min() >= margin and p[0].max() <= W - margin and p[1].max() <= H - margin:
            return d
        if any(d["shift_px"]):
            d["shift_px"] = [int(v * 0.9) for v in d["shift_px"]]
        else:  # even unshifted it is too big: ease rotation and enlargement
            d["rotate_deg"] = rnd(d["rotate_deg"] * 0.95, 2)
            d["scale"] = rnd(1 + min(d["scale"] - 1, 0.03) * 0.95, 4)
    raise RuntimeError("form does not fit on the page")


def template_to_scan(d, size):
    T = forward_matrix(d, size)
    k = d["dpi"] / SRC_DPI
    # PIL resize maps pixel centres: x_out + 0.5 = (x_in + 0.5)·k
    S = np.array([[k, 0, 0.5 * (k - 1)], [0, k, 0.5 * (k - 1)], [0, 0, 1]])
    M = S @ T
    return [rnd(M[0, 0], 6), rnd(M[0, 1], 6), rnd(M[1, 0], 6), rnd(M[1, 1], 6), rnd(M[0, 2], 3), rnd(M[1, 2], 3)]


def place_outside_zones(rng, form, W, H, pad, tries=50):
    pad_px = 1.5 * PX_PER_MM
    for _ in range(tries):
        x, y = rng.uniform(pad, W - pad), rng.uniform(pad, H - pad)
        if rng.random() < 0.1:
            return x, y  # "mostly" outside: one in ten may land anywhere
        if not any(z[0] - pad_px <= x <= z[2] + pad_px and z[1] - pad_px <= y <= z[3] + pad_px
                   for z in form.zones_px):
            return x, y
    return x, y


def add_dirt(arr, d, form, nrng):
    """Dust, hairs and pepper specks on the page (before the scan geometry), salt in the ink."""
    r = random.Random(int(nrng.integers(0, 2 ** 63)))
    H, W = arr.shape

    def stamp(alpha, x, y, level):
        h, w = alpha.shape
        x0, y0 = int(x - w / 2), int(y - h / 2)
        xa, ya = max(0, x0), max(0, y0)
        xb, yb = min(W, x0 + w), min(H, y0 + h)
        if xa >= xb or ya >= yb:
            return
        a = alpha[ya - y0:yb - y0, xa - x0:xb - x0]
        reg = arr[ya:yb, xa:xb]
        arr[ya:yb, xa:xb] = np.minimum(reg, reg * (1 - a) + level * a)

    for _ in range(d["specks"]):  # pepper: 1-3 px toner/dirt specks
        x, y = place_outside_zones(r, form, W, H, 5)
        s = r.choice([1, 1, 1, 2, 2, 3])
        stamp(np.full((s, s), r.uniform(0.4, 1.0), dtype=np.float32), x, y, r.uniform(20, 140))
    for _ in range(d["dust"]):  # soft round dust spots
        x, y = place_outside_zones(r, form, W, H, 20)
        rad = r.uniform(1.5, 5.0)
        n = int(rad * 2 + 6)
        yy, xx = np.mgrid[0:n, 0:n] - (n - 1) / 2
        ell = (xx / (rad * r.uniform(0.7, 1.3))) ** 2 + (yy / rad) ** 2
        alpha = np.clip(1.3 - ell, 0, 1).astype(np.float32) * r.uniform(0.5, 0.95)
        stamp(alpha, x, y, r.uniform(30, 110))
    for _ in range(d["hairs"]):  # short curved hair-like strokes
        x, y = place_outside_zones(r, form, W, H, 120)
        length = r.uniform(40, 200)
        S = 3
        n = int(length + 20)
        im = Image.new("L", (n * S, n * S), 0)
        dr = ImageDraw.Draw(im)
        ang = r.uniform(0, 2 * math.pi)
        curl = r.uniform(-0.04, 0.04)
        px, py = n * S / 2 - math.cos(ang) * length * S / 2, n * S / 2 - math.sin(ang) * length * S / 2
        pts = [(px, py)]
        for _ in range(int(length / 4)):
            ang += curl * 4 + r.uniform(-0.05, 0.05)
            px += math.cos(ang) * 4 * S
            py += math.sin(ang) * 4 * S
            pts.append((px, py))
        dr.line(pts, fill=255, width=int(r.uniform(1.0, 2.5) * S), joint="curve")
        alpha = np.asarray(im.resize((n, n), Image.BOX)).astype(np.float32) / 255 * r.uniform(0.5, 0.9)
        stamp(alpha, x, y, r.uniform(40, 120))
    # salt: sparse toner drop-outs inside dark strokes
    ink = arr < 90
    drop = (nrng.random(arr.shape) < 0.0015) & ink
    arr[drop] = nrng.uniform(150, 255, size=int(drop.sum())).astype(np.float32)
    return arr


def degrade(img, d, form, nrng):
    W, H = img.size
    arr = np.asarray(img).astype(np.float32)
    arr = add_dirt(arr, d, form, nrng)
    page = Image.fromarray(np.clip(np.round(arr), 0, 255).astype(np.uint8))
    # geometry (rotation/scale about the centre, then shift); uncovered area = white scanner lid
    T = forward_matrix(d, (W, H))
    inv = np.linalg.inv(T)
    coeffs = (inv[0, 0], inv[0, 1], inv[0, 2], inv[1, 0], inv[1, 1], inv[1, 2])
    page = page.transform((W, H), Image.AFFINE, coeffs, resample=Image.BICUBIC, fillcolor=255)
    paper = Image.new("L", (W, H), 255).transform((W, H), Image.AFFINE, coeffs, resample=Image.BILINEAR,
                                                   fillcolor=0)
    # scanner optics
    page = page.filter(ImageFilter.GaussianBlur(d["blur_px"]))
    paper = paper.filter(ImageFilter.GaussianBlur(1.0))
    if d["dpi"] != SRC_DPI:
        size = (int(round(W * d["dpi"] / SRC_DPI)), int(round(H * d["dpi"] / SRC_DPI)))
        page = page.resize(size, Image.LANCZOS)
        paper = paper.resize(size, Image.BILINEAR)
    v = np.asarray(page).astype(np.float32) / 255.0
    m = np.asarray(paper).astype(np.float32) / 255.0
    # tone: gamma then contrast with white fixed (faded / heavy toner)
    v = v ** d["gamma"]
    v = 1.0 - (1.0 - v) * d["contrast"]
    # paper reflectance: level + smooth unevenness; lid stays white
    h, w = v.shape
    low = nrng.normal(0, 1, (5, 4)).astype(np.float32)
    low = np.asarray(Image.fromarray(low, mode="F").resize((w, h), Image.BICUBIC))
    refl = d["background"] / 255.0 + low * (d.get("uneven", 1.5) / 255.0)
    v = v * (m * refl + (1 - m) * 1.0) * 255.0
    if d["noise"] > 0:
        v = v + nrng.normal(0, d["noise"], v.shape).astype(np.float32)
    return Image.fromarray(np.clip(np.round(v), 0, 255).astype(np.uint8), mode="L")


def clean_degradation():
    return {"preset": "clean", "rotate_deg": 0.0, "shift_px": [0, 0], "scale": 1.0, "dpi": 300,
            "jpeg_quality": None, "noise": 0.0}


# --------------------------------------------------------------------------------------
# Plans
# --------------------------------------------------------------------------------------
def committed_plan():
    """Pages of the committed set; `force` pins the features the set must show at least once."""
    F = {
        ("a_juminhyo", "clean", 1): dict(birth=dt.date(1983, 12, 3), app_date=dt.date(2024, 4, 1),
                                         date_style="normal"),
        ("a_juminhyo", "clean", 2): dict(birth=dt.date(1989, 1, 8), date_style="fullwidth", purpose_n=1),
        ("a_juminhyo", "clean", 3): dict(purpose_n=2, date_style="normal"),
        ("a_juminhyo", "clean", 4): dict(blank_copies=True, purpose_n=1, addr_fw=True),
        ("a_juminhyo", "degraded", 1): dict(date_style="spaced", purpose_n=2),
        ("a_juminhyo", "degraded", 2): dict(invalid=("required_missing", "name"), date_style="normal"),
        ("b_jido_koza", "clean", 1): dict(short_account=True, date_style="normal"),
        ("b_jido_koza", "clean", 2): dict(invalid=("impossible_date", "apply_date", (2, 30)), date_style="normal"),
        ("b_jido_koza", "clean", 3): dict(yucho=True, name_sep="\u3000"),
        ("b_jido_koza", "clean", 4): dict(blank_child=True, account_type="当座", kana_sep=" "),
        ("b_jido_koza", "degraded", 2): dict(short_account=True, date_style="spaced"),
        ("b_jido_koza", "degraded", 5): dict(yucho=True, date_style="fullwidth"),
        ("c_tennyu", "clean", 1): dict(relationship="子", birth=dt.date(2019, 5, 7), date_style="normal"),
        ("c_tennyu", "clean", 2): dict(relationship="妻", blank_email=True, date_style="spaced"),
        ("c_tennyu", "clean", 3): dict(relationship="本人", name_sep=""),
        ("c_tennyu", "clean", 4): dict(invalid=("check_digit", "my_number"), relationship="本人"),
        ("c_tennyu", "degraded", 1): dict(blank_email=True, birth=dt.date(1996, 7, 21)),
        ("c_tennyu", "degraded", 4): dict(date_style="fullwidth", relationship="母"),
    }
    pages = []
    for fi, form_id in enumerate(FORM_IDS):
        for i in range(1, 5):
            pages.append(dict(form=form_id, quality="clean", idx=i, family=FONT_FAMILIES[(fi * 2 + i - 1) % 6],
                              force=F.get((form_id, "clean", i), {})))
        for j in range(1, 7):
            # size budget: most degraded pages are 200 dpi like a typical office MFP; the
            # ±3° pages of a and c stay at 300 dpi, and c has one 400-dpi page
            dpi = {("b_jido_koza", 1): 200, ("c_tennyu", 1): 200, ("c_tennyu", 5): 400}.get((form_id, j))
            pages.append(dict(form=form_id, quality="degraded", idx=j, preset=DEGRADED_PRESETS[j - 1],
                              dpi=dpi, family=FONT_FAMILIES[(fi * 3 + j + 1) % 6],
                              force=F.get((form_id, "degraded", j), {})))
    return pages


def random_plan(rng, per_form):
    n_clean = int(round(per_form * 0.4))
    pages = []
    for form_id in FORM_IDS:
        for i in range(1, per_form + 1):
            clean = i <= n_clean
            force = {}
            if rng.random() < 0.06:
                kinds = [("impossible_date", [f["name"] for f in Form.cache[form_id].fields
                                              if f["type"] == "date-wareki"]),
                         ("required_missing", [n for n in ("name", "claimant_name") if n in Form.cache[form_id].by_name])]
                if form_id == "c_tennyu":
                    kinds.append(("check_digit", ["my_number"]))
                kind, names = rng.choice(kinds)
                force["invalid"] = (kind, rng.choice(names))
            page = dict(form=form_id, quality="clean" if clean else "degraded",
                        idx=i if clean else i - n_clean, family=rng.choice(FONT_FAMILIES), force=force)
            if not clean:
                page["preset"] = rng.choice(DEGRADED_PRESETS)
                page["dpi"] = 400 if rng.random() < 0.05 else None
            pages.append(page)
    return pages


STACK_ORDERS = {"tif": ["b_jido_koza", "c_tennyu", "a_juminhyo"], "pdf": ["c_tennyu", "a_juminhyo", "b_jido_koza"]}
STACK_DPI = {"tif": 200, "pdf": 300}
PDF_JPEG_QUALITY = 35  # PIL embeds "L" pages in a PDF as JPEG (DCTDecode)
TIFF_THRESHOLD = 185   # grey level above which a pixel of the bilevel TIFF is white


# --------------------------------------------------------------------------------------
# Page production
# --------------------------------------------------------------------------------------
def produce_page(set_name, seed, page, content):
    form = Form.cache[page["form"]]
    key = (set_name, seed, page["form"], page["quality"], page["idx"], page["stack"])
    srng = random.Random(sub_seed(*key, "style"))
    style = Style(srng, page["family"])
    rend = Renderer(form, content, style, srng)
    img = rend.render()
    drng = random.Random(sub_seed(*key, "degrade"))
    nrng = np.random.Generator(np.random.PCG64(sub_seed(*key, "noise")))
    if page["quality"] == "clean":
        deg = clean_degradation()
        deg["template_to_scan"] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        out = img
    else:
        deg = sample_degradation(drng, page["preset"], dpi=page.get("dpi"), jpeg=page.get("jpeg"))
        fit_on_page(deg, form)
        deg["template_to_scan"] = template_to_scan(deg, img.size)
        out = degrade(img, deg, form, nrng)
    record = {
        "form": form.id,
        "quality": page["quality"],
        "degradation": deg,
        "font": style.family,
        "font_overrides": rend.overrides,
        "fields": {f["name"]: content.fields[f["name"]] for f in form.fields},
        "printed": {f["name"]: content.printed[f["name"]] for f in form.fields},
        "invalid": content.invalid,
    }
    return out, record, content, rend


def save_single(img, path, deg):
    dpi = deg["dpi"]
    if deg["jpeg_quality"]:
        img.save(path, "JPEG", quality=deg["jpeg_quality"], dpi=(dpi, dpi))
    else:
        img.save(path, "PNG", dpi=(dpi, dpi), optimize=True)


def generate(set_name, seed, per_form, out_dir):
    global FONT_FILES
    FONT_FILES = locate_fonts()
    Form.cache = {fid: Form(fid) for fid in FORM_IDS}
    exclude = None
    if set_name == "holdout":
        exclude = committed_identity_values()
        plan = random_plan(random.Random(sub_seed(set_name, seed, "plan")), per_form)
    elif per_form == COMMITTED_PER_FORM:
        plan = committed_plan()
    else:
        plan = random_plan(random.Random(sub_seed(set_name, seed, "plan")), per_form)
    os.makedirs(out_dir, exist_ok=True)
    for fn in os.listdir(out_dir):  # start from an empty set (only our own kinds of files)
        if re.match(r"^(a_juminhyo|b_jido_koza|c_tennyu)-(clean|degraded)-\d+\.(png|jpg)$|^mixed-stack\.(tif|pdf)$"
                    r"|^expected\.jsonl$|^README\.md$", fn):
            os.remove(os.path.join(out_dir, fn))
    pages = all_pages(set_name, seed, plan)
    contents = build_all_contents(set_name, seed, pages, exclude)
    lines, checks = [], []
    for page, content in zip(pages, contents):
        if page["stack"]:
            continue
        img, rec, content, rend = produce_page(set_name, seed, page, content)
        ext = "jpg" if rec["degradation"]["jpeg_quality"] else "png"
        fn = f"{page['form']}-{page['quality']}-{page['idx']:02d}.{ext}"
        save_single(img, os.path.join(out_dir, fn), rec["degradation"])
        lines.append(dict(file=fn, page=0, **rec))
        checks.append((fn, rec, content, rend, img))
        print(f"  {fn:32s} {rec['font']:18s} {summary(rec['degradation'])}", file=sys.stderr)
    # multi-page stacks (one page of each form, lightly degraded, other people)
    for kind in ("pdf", "tif"):
        frames = []
        for page, content in zip(pages, contents):
            if page["stack"] != kind:
                continue
            pi = page["idx"]
            img, rec, content, rend = produce_page(set_name, seed, page, content)
            if kind == "tif":
                # Office MFPs usually send multi-page TIFF as black & white CCITT G4: threshold the
                # (lightly degraded) grey page.  Keeps the committed set near 6 MB.
                rec["degradation"]["bilevel_threshold"] = TIFF_THRESHOLD
                rec["degradation"]["compression"] = "group4"
                frames.append(img.point(lambda v: 255 if v > TIFF_THRESHOLD else 0, "1"))
            else:
                rec["degradation"]["compression"] = "jpeg (PDF DCTDecode)"
                frames.append(img)
            fn = f"mixed-stack.{kind}"
            lines.append(dict(file=fn, page=pi, **rec))
            checks.append((f"{fn}#{pi}", rec, content, rend, img))
            print(f"  {fn}#{pi:<22d} {rec['font']:18s} {summary(rec['degradation'])}", file=sys.stderr)
        path = os.path.join(out_dir, f"mixed-stack.{kind}")
        if kind == "tif":
            frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:], compression="group4",
                           dpi=(STACK_DPI[kind], STACK_DPI[kind]))
        else:
            frames[0].save(path, "PDF", save_all=True, append_images=frames[1:], resolution=float(STACK_DPI[kind]),
                           quality=PDF_JPEG_QUALITY, title="mixed-stack", creationDate=PDF_DATE, modDate=PDF_DATE)
    lines.sort(key=lambda l: (l["file"], l["page"]))
    with open(os.path.join(out_dir, "expected.jsonl"), "w", encoding="utf-8") as f:
        for l in lines:
            f.write(json.dumps(l, ensure_ascii=False, sort_keys=False) + "\n")
    write_readme(out_dir, set_name, seed, per_form, lines)
    self_check(set_name, lines, checks, out_dir, exclude)
    return lines


def committed_identity_values():
    """Identity values of the committed set, regenerated in memory (no rendering)."""
    vals = set()
    pages = all_pages("committed", COMMITTED_SEED, committed_plan())
    for c in build_all_contents("committed", COMMITTED_SEED, pages):
        vals |= identity_values(c.fields)
    return vals


def summary(d):
    if d.get("preset") == "clean":
        return "clean, 300 dpi PNG"
    parts = [f"rot {d['rotate_deg']:+.2f}°", f"shift ({d['shift_px'][0]:+d},{d['shift_px'][1]:+d}) px",
             f"scale {d['scale']:.3f}", f"{d['dpi']} dpi",
             f"JPEG q{d['jpeg_quality']}" if d["jpeg_quality"] else
             (f"B/W G4 (threshold {d['bilevel_threshold']})" if d.get("compression") == "group4" else "lossless"),
             f"noise σ{d['noise']:.1f}" if d["noise"] else "no noise",
             f"blur {d['blur_px']:.1f}px", f"paper {d['background']}", f"γ{d['gamma']:.2f}",
             f"{d['specks']} specks/{d['dust']} dust/{d['hairs']} hairs"]
    return ", ".join(parts)


# --------------------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------------------
def mynumber_valid_independent(num):
    """個人番号 check per the ordinance: Pn = n-th digit from the right (check digit excluded),
    Qn = n+1 for 1<=n<=6, n-5 for 7<=n<=11; check = 11 - (ΣPn·Qn mod 11), 0 if the remainder <= 1."""
    if not re.fullmatch(r"\d{12}", num):
        return False
    body = num[:11][::-1]
    total = sum(int(body[n - 1]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    rem = total % 11
    return int(num[11]) == (0 if rem <= 1 else 11 - rem)


def parse_wareki_independent(s):
    t = s.translate(str.maketrans("０１２３４５６７８９", "0123456789")).replace(" ", "").replace("\u3000", "")
    m = re.fullmatch(r"(令和|平成|昭和)(元|\d+)年(\d+)月(\d+)日", t)
    if not m:
        raise ValueError(s)
    y = 1 if m.group(2) == "元" else int(m.group(2))
    base = {"令和": 2018, "平成": 1988, "昭和": 1925}[m.group(1)]
    d = dt.date(base + y, int(m.group(3)), int(m.group(4)))  # raises for 2月30日
    start = {"令和": dt.date(2019, 5, 1), "平成": dt.date(1989, 1, 8), "昭和": dt.date(1926, 12, 25)}[m.group(1)]
    if d < start:
        raise ValueError(f"{s} precedes its era")
    return d.isoformat()


_notdef = {}


def glyph_bitmap(family, ch):
    im = Image.new("L", (96, 96), 0)
    ImageDraw.Draw(im).text((16, 16), ch, font=font(family, 48), fill=255)
    return im.tobytes()


def has_glyph(family, ch):
    """A missing glyph renders as .notdef, i.e. exactly like an unassigned code point."""
    if family not in _notdef:
        _notdef[family] = glyph_bitmap(family, "\U000F0000")
    return ch.isspace() or glyph_bitmap(family, ch) != _notdef[family]


def self_check(set_name, lines, checks, out_dir, exclude):
    errors = []
    kata = re.compile(r"^[\u30A0-\u30FF]+([ \u3000][\u30A0-\u30FF]+)?$")
    n_invalid_pages = 0
    for fn, rec, content, rend, img in checks:
        form = Form.cache[rec["form"]]
        if set(rec["fields"]) != set(form.by_name):
            errors.append(f"{fn}: field names differ from fields.json")
        if rec["invalid"]:
            n_invalid_pages += 1
        for name, f in form.by_name.items():
            v, p, bad = rec["fields"][name], rec["printed"][name], rec["invalid"].get(name)
            t = f["type"]
            if t == "date-wareki" and p:
                try:
                    iso = parse_wareki_independent(p)
                    if bad or iso != v:
                        errors.append(f"{fn}:{name}: {p} -> {iso} but expected {v}")
                except ValueError:
                    if bad != "impossible_date" or v is not None:
                        errors.append(f"{fn}:{name}: unparseable {p!r}")
            if t == "comb":
                if name == "my_number" and p:
                    ok = mynumber_valid_independent(p)
                    if ok == (bad == "check_digit"):
                        errors.append(f"{fn}:{name}: check digit {p} valid={ok} invalid={bad}")
                if p != v or not re.fullmatch(r"\d*", p) or len(p) > len(f["boxes"]):
                    errors.append(f"{fn}:{name}: bad comb {p!r}/{v!r}")
                if name == "account_number" and p and (content.comb_cells[name][-1] is None):
                    errors.append(f"{fn}:{name}: not right-aligned")
            if t == "checkbox":
                n = len(p)
                if not (f.get("min_checked", 0) <= n <= f.get("max_checked", len(f["options"]))):
                    errors.append(f"{fn}:{name}: {n} ticked")
                want = p if f.get("max_checked", 1) > 1 else (p[0] if p else "")
                if v != want:
                    errors.append(f"{fn}:{name}: value {v!r} != {want!r}")
            if t == "katakana" and p and (not kata.match(p) or v != re.sub(r"[ \u3000]", " ", p)):
                errors.append(f"{fn}:{name}: katakana {p!r} -> {v!r}")
            if t == "text" and p and v != p.replace("\u3000", " "):
                errors.append(f"{fn}:{name}: name {p!r} -> {v!r}")
            if t in ("phone", "email", "digits") and p and (p != v or not p.isascii()):
                errors.append(f"{fn}:{name}: {p!r} != {v!r}")
            if p == "" and not bad and name not in OPTIONAL[rec["form"]]:
                errors.append(f"{fn}:{name}: required field blank without invalid marker")
            if isinstance(p, str):
                fams = {rec["font"]} | set(rec["font_overrides"].values())
                for ch in set(p):
                    for fam in fams:
                        if not has_glyph(fam, ch):
                            errors.append(f"{fn}:{name}: {fam} lacks {ch!r}")
        for name, ink, allowed in rend.log:  # everything printed sits inside its zone/box
            if not (ink[0] >= allowed[0] - 0.5 and ink[1] >= allowed[1] - 0.5 and ink[2] <= allowed[2] + 0.5
                    and ink[3] <= allowed[3] + 0.5):
                errors.append(f"{fn}:{name}: ink {ink} outside {tuple(round(a) for a in allowed)}")
        d = rec["degradation"]
        if img.mode != "L":
            errors.append(f"{fn}: mode {img.mode}")
        exp_w = int(round(2480 * d["dpi"] / SRC_DPI))
        if img.size[0] != exp_w:
            errors.append(f"{fn}: width {img.size[0]} for {d['dpi']} dpi")
    # the files on disk match the records
    for l in lines:
        if l["file"].endswith((".tif", ".pdf")):
            continue
        with Image.open(os.path.join(out_dir, l["file"])) as im:
            if im.mode != "L" or abs(im.info.get("dpi", (0, 0))[0] - l["degradation"]["dpi"]) > 0.5:
                errors.append(f"{l['file']}: mode/dpi {im.mode} {im.info.get('dpi')}")
    with Image.open(os.path.join(out_dir, "mixed-stack.tif")) as im:
        if im.n_frames != 3:
            errors.append("mixed-stack.tif does not have 3 pages")
        for i in range(im.n_frames):
            im.seek(i)
            if im.mode != "1" or im.size[0] != 1653 or round(im.info["dpi"][0]) != STACK_DPI["tif"]:
                errors.append(f"mixed-stack.tif page {i}: {im.mode} {im.size} {im.info.get('dpi')}")
    pdf_pages = subprocess.run(["pdfinfo", os.path.join(out_dir, "mixed-stack.pdf")], capture_output=True,
                               text=True).stdout if shutil.which("pdfinfo") else "Pages: 3\nPage size: 595.2 x 841.92 pts"
    if not re.search(r"^Pages:\s+3$", pdf_pages, re.M):
        errors.append("mixed-stack.pdf does not have 3 pages")
    # known-answer tests of the two check-digit implementations
    for num, ok in (("123456789018", True), ("621498320257", True), ("123456789012", False)):
        if mynumber_valid_independent(num) != ok or (mynumber_check_digit(num[:11]) == int(num[11])) != ok:
            errors.append(f"check-digit self-test failed for {num}")
    rng = random.Random(1)
    for _ in range(2000):
        first = "".join(str(rng.randint(0, 9)) for _ in range(11))
        if not mynumber_valid_independent(first + str(mynumber_check_digit(first))):
            errors.append(f"check-digit implementations disagree on {first}")
            break
    if set_name == "committed" and len(checks) == 36:
        n_pages = len(lines)
        degr = [l["degradation"] for l in lines if l["quality"] == "degraded" and "stack" not in l["file"]]
        if not (2 <= n_invalid_pages <= 4):
            errors.append(f"{n_invalid_pages} pages with invalid values")
        if n_pages > 40:
            errors.append(f"{n_pages} pages")
        if not any(d["dpi"] == 200 for d in degr) or sum(1 for d in degr if d["jpeg_quality"]) < 2:
            errors.append("need 200 dpi and >=2 JPEG pages")
        if max(abs(d["rotate_deg"]) for d in degr) < 2.7 or max(max(map(abs, d["shift_px"])) for d in degr) < 50 \
                or max(abs(d["scale"] - 1) for d in degr) < 0.025:
            errors.append("degradations do not reach ±3°/±60px/±3%")
        clean_fonts = {l["form"]: [] for l in lines}
        for l in lines:
            if l["quality"] == "clean":
                clean_fonts[l["form"]].append(l["font"])
        if any(len(set(v)) != len(v) for v in clean_fonts.values()):
            errors.append("clean pages of a form share a font")
    if exclude is not None:
        for l in lines:
            clash = identity_values(l["fields"]) & exclude
            if clash:
                errors.append(f"{l['file']}: overlaps the committed set: {sorted(clash)}")
    if errors:
        print("SELF-CHECK FAILED:\n  " + "\n  ".join(errors), file=sys.stderr)
        raise SystemExit(1)
    print(f"self-check ok: {len(lines)} pages, {n_invalid_pages} with deliberate invalid values", file=sys.stderr)


# --------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------
def write_readme(out_dir, set_name, seed, per_form, lines):
    rel_out = os.path.relpath(out_dir, os.path.dirname(HERE)) if out_dir.startswith(os.path.dirname(HERE)) else out_dir
    cmd = "/usr/bin/python3 samples/make_samples.py"
    if set_name == "committed" and seed == COMMITTED_SEED and per_form == COMMITTED_PER_FORM:
        cmd_full = cmd + (f" --out {rel_out}" if rel_out != "samples/scans" else "")
    else:
        cmd_full = cmd + f" --set {set_name} --seed {seed} --per-form {per_form} --out {rel_out}"
    sizes = {}
    for l in lines:
        sizes[l["file"]] = os.path.getsize(os.path.join(out_dir, l["file"]))
    total = sum(sizes.values())
    inv = [(l["file"], l["page"], k, v) for l in lines for k, v in l["invalid"].items()]
    rows = []
    for l in lines:
        d = l["degradation"]
        inv_s = ", ".join(f"{k}: {v}" for k, v in l["invalid"].items())
        rows.append(f"| {l['file']} | {l['page']} | {l['form']} | {l['quality']} | {l['font']} | "
                    f"{summary(d)} | {'' if l['page'] else str(sizes[l['file']] // 1024) + ' KiB'} | {inv_s} |")
    text = f"""# yomitori sample scans ({set_name} set)

Synthetic scans of the three blank forms in `samples/forms/`, filled with typed
(printed) values and — for the *degraded* pages — passed through a simulated
office scanner.  Everything here is generated; all people, addresses, phone
numbers, e-mail addresses, 個人番号 and account numbers are invented (bank codes
are the public 金融機関コード, branch codes are made up).

Made with

    {cmd_full}

The script is deterministic: the same command rewrites byte-identical files.
A larger unseen test set (other people, other seeds, same distribution of
fonts and degradations; guaranteed not to repeat any name, address, phone,
e-mail, postal code, 個人番号 or account number of the committed set) is made with

    /usr/bin/python3 samples/make_samples.py --set holdout --seed 99 --per-form 20 --out /tmp/holdout

Do not commit the holdout set.

## Contents

{len(lines)} pages in {len(sizes)} files, {total / 1e6:.2f} MB in all.

* **clean** pages: the blank form with the values typed in, exactly as printed
  (300 dpi PNG, white paper, no rotation, no noise).  Each clean page of a form
  uses a different font.
* **degraded** pages: the same kind of filled page, then dust / hairs / specks
  (mostly outside the writing zones), rotation about the page centre, scale,
  shift, scanner blur, resampling to the scan resolution, gamma/contrast
  change, paper level 230–245 with slight unevenness, sensor noise and, for
  `.jpg` files, JPEG compression.  The whole form (corner marks included)
  always stays on the page.
* `mixed-stack.tif` (3 pages, 200 dpi, **black & white** CCITT group 4, as an
  office MFP sends multi-page TIFF: the lightly degraded grey page thresholded
  at {TIFF_THRESHOLD}) and `mixed-stack.pdf` (3 pages, grey page images embedded as
  JPEG q{PDF_JPEG_QUALITY} at 300 dpi): one page of each form in mixed order,
  lightly degraded (≤0.6° rotation, small shift/scale, no sensor noise),
  different people in each file.  These are the only files that are not
  8-bit grey ("L") single images.

Fonts: Noto Sans CJK JP, Noto Serif CJK JP, IPAGothic, IPAMincho, IPAexGothic,
IPAexMincho; text height 3.5–6 mm, left margin 1.5–5 mm, vertical jitter ±1 mm.
Occasionally one field uses another font (`font_overrides`).

## expected.jsonl

One JSON object per page, in file order (multi-page files: one line per page,
`page` is the 0-based page index):

* `fields` — what yomitori should output for every field of the form's
  `fields.json`: text/katakana exactly as printed (full-width digits and
  katakana stay as they are) except that a printed space — full-width or
  ASCII, between 姓 and 名 or before a building name — is given as one ASCII
  space; `date-wareki` as ISO
  `yyyy-mm-dd` (令和 = 2018+年, 平成 = 1988+年, 昭和 = 1925+年); phone, e-mail, digits
  as printed; comb fields as the digit string (an account number shorter than
  7 digits is right-aligned in the boxes, leading boxes empty); checkboxes
  with `max_checked` 1 as the ticked option's value, otherwise a list in
  option order; blank fields as `""`.
* `printed` — the exact string drawn (全角 spaces / digits kept); checkboxes:
  list of ticked values.
* `invalid` — deliberately invalid values for validation tests, field →
  `check_digit` | `impossible_date` | `required_missing`.  An impossible date
  has `null` in `fields` and its text in `printed`; a wrong check digit keeps
  the printed digits in `fields`; a missing required field is `""`.
* `degradation` — `rotate_deg` (positive = counter-clockwise on screen, as
  PIL's `Image.rotate`; yomitori's `AffineTransform.rotation` is clockwise-
  positive), `shift_px` `[dx, dy]` in pixels of the 300-dpi page, `scale`,
  `dpi`, `jpeg_quality` (null = lossless), `noise` (Gaussian σ in grey levels),
  plus `blur_px`, `background` (paper grey level), `gamma`, `contrast`,
  `specks`, `dust`, `hairs`, `preset` (and for the stacks `compression`,
  `bilevel_threshold`), and `template_to_scan`
  `[a, b, c, d, tx, ty]`: the exact map from a pixel of the 300-dpi blank form
  to the scan (`x' = a·x + b·y + tx`, `y' = c·x + d·y + ty`), for testing
  registration.
* `font` — the page's font family; `font_overrides` — fields typed in another.

Required fields are all fields except `copies` (a), `child_name` (b) and
`email` (c), which are sometimes left blank.

Deliberately invalid values: {"; ".join(f"`{f}` page {p}: {k} = {v}" for f, p, k, v in inv) or "none"}.

## Files

| file | page | form | quality | font | degradation | size | invalid |
| --- | --- | --- | --- | --- | --- | --- | --- |
""" + "\n".join(rows) + "\n"
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8") as f:
        f.write(text)


# --------------------------------------------------------------------------------------
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", help="output directory (committed: samples/scans)")
    ap.add_argument("--seed", type=int, help=f"seed (committed: {COMMITTED_SEED}, holdout: {HOLDOUT_SEED})")
    ap.add_argument("--per-form", type=int, default=None,
                    help=f"pages per form (committed: {COMMITTED_PER_FORM} = 4 clean + 6 degraded)")
    ap.add_argument("--set", choices=["holdout"], default="holdout")
    a = ap.parse_args(argv)
    seed = a.seed if a.seed is not None else (COMMITTED_SEED if a.set == "committed" else HOLDOUT_SEED)
    per_form = a.per_form or COMMITTED_PER_FORM
    out = a.out or (DEFAULT_OUT if a.set == "committed" else "/tmp/yomitori-holdout")
    out = os.path.abspath(out)
    if a.set == "holdout" and os.path.realpath(out).startswith(os.path.realpath(HERE)):
        raise SystemExit("refusing to write the holdout set inside samples/ (it must not be committed)")
    if a.set == "committed" and seed != COMMITTED_SEED:
        print(f"note: committed set with non-default seed {seed}", file=sys.stderr)
    generate(a.set, seed, per_form, out)


if __name__ == "__main__":
    main()
