#!/usr/bin/env python3
"""Fill the blank sample forms with typed values and degrade them as an office scanner would.

Deterministic (seeded). Writes scans and `expected.jsonl` (the values yomitori should read).

  /usr/bin/python3 samples/make_samples.py                       # the committed set -> samples/scans
  /usr/bin/python3 samples/make_samples.py --set holdout --seed 99 --per-form 20 --out /tmp/holdout

Needs Debian's python3-pil and python3-numpy, and fonts-noto-cjk, fonts-ipafont, fonts-ipaexfont.
"""
import argparse, io, json, math, os, random, sys
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FORMS = os.path.join(HERE, "forms")
PPM = 300 / 25.4  # pixels per mm on the 300 dpi blank

FONTS = [  # (label, path, index)
    ("Noto Sans CJK JP", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
    ("Noto Serif CJK JP", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 0),
    ("IPAGothic", "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", 0),
    ("IPAMincho", "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf", 0),
    ("IPAexGothic", "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", 0),
    ("IPAexMincho", "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf", 0),
]

SURNAMES = [("山田", "ヤマダ"), ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"),
            ("渡辺", "ワタナベ"), ("伊藤", "イトウ"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"),
            ("吉田", "ヨシダ"), ("山本", "ヤマモト"), ("斎藤", "サイトウ"), ("松本", "マツモト"), ("井上", "イノウエ"),
            ("木村", "キムラ"), ("林", "ハヤシ"), ("清水", "シミズ"), ("山口", "ヤマグチ"), ("森", "モリ"),
            ("池田", "イケダ"), ("橋本", "ハシモト"), ("石川", "イシカワ"), ("前田", "マエダ"), ("藤田", "フジタ"),
            ("岡田", "オカダ"), ("後藤", "ゴトウ"), ("長谷川", "ハセガワ"), ("村上", "ムラカミ"), ("近藤", "コンドウ"),
            ("石井", "イシイ"), ("坂本", "サカモト"), ("遠藤", "エンドウ"), ("青木", "アオキ"), ("藤井", "フジイ"),
            ("西村", "ニシムラ"), ("福田", "フクダ"), ("太田", "オオタ"), ("三浦", "ミウラ"), ("岡本", "オカモト")]
GIVEN = [("太郎", "タロウ"), ("花子", "ハナコ"), ("一郎", "イチロウ"), ("美咲", "ミサキ"), ("健太", "ケンタ"),
         ("陽菜", "ヒナ"), ("大輔", "ダイスケ"), ("結衣", "ユイ"), ("翔太", "ショウタ"), ("さくら", "サクラ"),
         ("直樹", "ナオキ"), ("愛子", "アイコ"), ("和也", "カズヤ"), ("由美", "ユミ"), ("誠", "マコト"),
         ("明美", "アケミ"), ("拓也", "タクヤ"), ("恵", "メグミ"), ("浩二", "コウジ"), ("真由美", "マユミ"),
         ("蓮", "レン"), ("葵", "アオイ"), ("悠真", "ユウマ"), ("凛", "リン"), ("湊", "ミナト"),
         ("芽依", "メイ"), ("優斗", "ユウト"), ("千尋", "チヒロ"), ("隆", "タカシ"), ("京子", "キョウコ"),
         ("修", "オサム"), ("裕子", "ユウコ"), ("智子", "トモコ"), ("進", "ススム"), ("洋子", "ヨウコ"),
         ("大和", "ヤマト"), ("結菜", "ユイナ"), ("颯太", "ソウタ"), ("美穂", "ミホ"), ("亮", "リョウ")]
CITIES = [("東京都", "みどり市中央"), ("東京都", "世田谷区桜丘"), ("大阪府", "堺市北区新金岡町"), ("神奈川県", "横浜市港北区日吉"),
          ("埼玉県", "さいたま市浦和区常盤"), ("千葉県", "船橋市本町"), ("愛知県", "名古屋市中区栄"), ("福岡県", "福岡市博多区住吉"),
          ("北海道", "札幌市中央区北一条西"), ("宮城県", "仙台市青葉区一番町"), ("京都府", "京都市左京区下鴨"), ("兵庫県", "神戸市灘区六甲台町"),
          ("広島県", "広島市中区大手町"), ("静岡県", "静岡市葵区追手町"), ("新潟県", "新潟市中央区学校町"), ("茨城県", "水戸市三の丸"),
          ("長野県", "松本市大手"), ("岐阜県", "岐阜市司町"), ("熊本県", "熊本市中央区水前寺"), ("沖縄県", "那覇市泉崎")]
BUILDINGS = ["グリーンハイツ201", "コーポ桜102", "メゾン青葉305", "第二山田ビル4階", "サンライズ南503"]
KANJI_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]
BANKS = [("みずほ銀行", "0001"), ("三菱UFJ銀行", "0005"), ("三井住友銀行", "0009"), ("りそな銀行", "0010"),
         ("横浜銀行", "0138"), ("千葉銀行", "0134"), ("ゆうちょ銀行", "9900"), ("静岡銀行", "0149"), ("福岡銀行", "0177")]
BRANCHES = ["渋谷支店", "新宿支店", "本店営業部", "横浜駅前支店", "梅田支店", "池袋支店", "中央支店", "駅前支店", "船橋支店", "栄支店"]
PURPOSES_A = ["年金手続", "就職・資格取得", "運転免許", "旅券申請", "相続手続", "金融機関手続", "裁判所提出", "その他"]


def my_number_check(first11):
    weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    s = sum(int(d) * w for d, w in zip(first11, weights))
    r = s % 11
    return 0 if r <= 1 else 11 - r


def make_my_number(rng, valid=True):
    first = "".join(str(rng.randint(0, 9)) for _ in range(11))
    c = my_number_check(first)
    if not valid:
        c = (c + rng.randint(1, 9)) % 10
    return first + str(c)


ERA = [("令和", 2018), ("平成", 1988), ("昭和", 1925)]


def wareki(y, m, d, style, rng):
    """(printed text, iso)"""
    for name, base in ERA:
        start = {"令和": (2019, 5, 1), "平成": (1989, 1, 8), "昭和": (1926, 12, 25)}[name]
        if (y, m, d) >= start:
            ey = y - base
            break
    ys = "元" if ey == 1 and rng.random() < 0.7 else str(ey)
    if style == "full":
        tr = str.maketrans("0123456789", "０１２３４５６７８９")
        ys, ms, ds = ys.translate(tr), str(m).translate(tr), str(d).translate(tr)
        return f"{name}{ys}年{ms}月{ds}日", f"{y:04d}-{m:02d}-{d:02d}"
    if style == "spaced":
        return f"{name} {ys}年 {m}月 {d}日", f"{y:04d}-{m:02d}-{d:02d}"
    return f"{name}{ys}年{m}月{d}日", f"{y:04d}-{m:02d}-{d:02d}"


def rand_date(rng, y0, y1):
    import datetime
    a = datetime.date(y0, 1, 1).toordinal()
    b = datetime.date(y1, 12, 31).toordinal()
    d = datetime.date.fromordinal(rng.randint(a, b))
    return d.year, d.month, d.day


def person(rng):
    s, sk = rng.choice(SURNAMES)
    g, gk = rng.choice(GIVEN)
    return f"{s} {g}", f"{sk} {gk}", s, sk


def address(rng):
    pref, city = rng.choice(CITIES)
    chome = rng.randint(1, 9)
    if rng.random() < 0.6:
        a = f"{pref}{city}{KANJI_NUM[chome-1]}丁目{rng.randint(1, 30)}番{rng.randint(1, 20)}号"
    else:
        a = f"{pref}{city}{chome}丁目{rng.randint(1, 30)}番地{rng.randint(1, 20)}"
    if rng.random() < 0.3:
        a += " " + rng.choice(BUILDINGS)
    return a


def phone(rng):
    k = rng.random()
    if k < 0.4:
        return f"0{rng.choice([90, 80, 70])}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
    if k < 0.7:
        return f"03-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
    return f"0{rng.randint(200, 999)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"


def email(rng, kana):
    romaji = {"ヤマダ": "yamada", "サトウ": "sato", "スズキ": "suzuki", "タカハシ": "takahashi", "タナカ": "tanaka"}
    local = romaji.get(kana.split(" ")[0], rng.choice(["taro", "hanako", "k.ito", "m-sato", "user"]))
    return f"{local}{rng.randint(1, 99)}@{rng.choice(['example.jp', 'mail.example.com', 'city.example.lg.jp'])}"


# ---------------------------------------------------------------- drawing

class Filler:
    def __init__(self, form, rng, font_choice):
        self.spec = json.load(open(os.path.join(FORMS, form + ".fields.json"), encoding="utf-8"))
        self.fields = {f["name"]: f for f in self.spec["fields"]}
        self.img = Image.open(os.path.join(FORMS, form + ".blank.png")).convert("L")
        self.draw = ImageDraw.Draw(self.img)
        self.rng = rng
        self.font = font_choice

    def font_for(self, height_mm):
        label, path, idx = self.font
        return ImageFont.truetype(path, max(10, int(height_mm * PPM)), index=idx)

    def text(self, name, value):
        if value == "":
            return
        # Japanese typists separate 姓 and 名 (and address parts) with the full-width space of
        # the IME; the expected value keeps one ASCII space.
        if any(ord(c) > 0x2FFF for c in value) and self.rng.random() < 0.85:
            value = value.replace(" ", "\u3000")
        f = self.fields[name]
        size = min(f["h"] * 0.5, self.rng.uniform(3.6, 5.4))
        font = self.font_for(size)
        left = f["x"] + self.rng.uniform(1.5, 5)
        # shrink until it fits
        while True:
            w = self.draw.textlength(value, font=font) / PPM
            if left + w < f["x"] + f["w"] - 1.5 or size < 2.6:
                break
            size *= 0.92
            font = self.font_for(size)
        cy = f["y"] + f["h"] / 2 + self.rng.uniform(-0.8, 0.8)
        self.draw.text((left * PPM, cy * PPM), value, font=font, fill=self.rng.randint(0, 40), anchor="lm")

    def comb(self, name, digits, right_align=False):
        f = self.fields[name]
        boxes = f["boxes"]
        start = len(boxes) - len(digits) if right_align else 0
        size = min(boxes[0]["h"] * 0.62, self.rng.uniform(4.2, 5.6))
        font = self.font_for(size)
        for i, ch in enumerate(digits):
            b = boxes[start + i]
            cx = b["x"] + b["w"] / 2 + self.rng.uniform(-0.3, 0.3)
            cy = b["y"] + b["h"] / 2 + self.rng.uniform(-0.3, 0.3)
            self.draw.text((cx * PPM, cy * PPM), ch, font=font, fill=self.rng.randint(0, 40), anchor="mm")

    def tick(self, box):
        x, y, w, h = box["x"], box["y"], box["w"], box["h"]
        kind = self.rng.choice(["check", "check", "cross", "fill", "circle"])
        s = self.rng.uniform(0.6, 0.9)
        cx, cy = x + w / 2 + self.rng.uniform(-0.3, 0.3), y + h / 2 + self.rng.uniform(-0.3, 0.3)
        hw, hh = w * s / 2, h * s / 2
        lw = max(3, int(self.rng.uniform(0.3, 0.6) * PPM))
        P = lambda a, b: (a * PPM, b * PPM)
        if kind == "check":
            self.draw.line([P(cx - hw, cy), P(cx - hw / 3, cy + hh), P(cx + hw, cy - hh)], fill=0, width=lw, joint="curve")
        elif kind == "cross":
            self.draw.line([P(cx - hw, cy - hh), P(cx + hw, cy + hh)], fill=0, width=lw)
            self.draw.line([P(cx - hw, cy + hh), P(cx + hw, cy - hh)], fill=0, width=lw)
        elif kind == "fill":
            self.draw.rectangle([P(cx - hw, cy - hh), P(cx + hw, cy + hh)], fill=0)
        else:
            self.draw.ellipse([P(cx - hw, cy - hh), P(cx + hw, cy + hh)], fill=0)

    def ticks(self, name, values):
        for o in self.fields[name]["options"]:
            if o["value"] in values:
                self.tick(o)


def fill_form(form, rng, font, invalid=None):
    """Returns (image, fields expected, printed, invalid map)."""
    F = Filler(form, rng, font)
    exp, printed, bad = {}, {}, {}
    invalid = invalid or set()
    style = lambda: rng.choice(["plain"] * 6 + ["spaced", "full"])

    def put_date(name, y0, y1, impossible=False):
        if impossible:
            txt = "令和5年2月30日"
            exp[name], printed[name], bad[name] = None, txt, "impossible_date"
        else:
            txt, iso = wareki(*rand_date(rng, y0, y1), style(), rng)
            exp[name], printed[name] = iso, txt
        F.text(name, txt)

    def put(name, value, kind="text"):
        exp[name], printed[name] = value, value
        F.text(name, value)

    def put_comb(name, digits, right=False, invalid_reason=None):
        exp[name], printed[name] = digits, digits
        if invalid_reason:
            bad[name] = invalid_reason
        F.comb(name, digits, right)

    def put_ticks(name, values, multi):
        F.ticks(name, values)
        opts = [o["value"] for o in F.fields[name]["options"]]
        ordered = [v for v in opts if v in values]
        exp[name] = ordered if multi else (ordered[0] if ordered else "")
        printed[name] = ordered

    name, kana, sur, surk = person(rng)
    if form == "a_juminhyo":
        put_date("request_date", 2023, 2025)
        put("furigana", kana)
        if "required" in invalid:
            exp["name"], printed["name"], bad["name"] = "", "", "required_missing"
        else:
            put("name", name)
        put_date("birth_date", 1940, 2010)
        put_comb("postal_code", "".join(str(rng.randint(0, 9)) for _ in range(7)))
        put("address", address(rng))
        put("phone", phone(rng))
        put("copies", "" if rng.random() < 0.15 else str(rng.randint(1, 3)))
        k = 1 if rng.random() < 0.7 else 2
        put_ticks("purpose", rng.sample(PURPOSES_A, k), True)
    elif form == "b_jido_koza":
        put_date("apply_date", 2023, 2025, impossible="date" in invalid)
        put("claimant_name", name)
        put("phone", phone(rng))
        bank, code = rng.choice(BANKS)
        put("bank_name", bank)
        put_comb("bank_code", code)
        put("branch_name", rng.choice(BRANCHES))
        put_comb("branch_code", "".join(str(rng.randint(0, 9)) for _ in range(3)))
        put_ticks("account_type", ["普通" if rng.random() < 0.85 else "当座"], False)
        n = 7 if rng.random() < 0.75 else rng.randint(5, 6)
        put_comb("account_number", "".join(str(rng.randint(1 if i == 0 else 0, 9)) for i in range(n)), right=True)
        put("account_holder", kana)
        child = "" if rng.random() < 0.2 else f"{sur} {rng.choice(GIVEN)[0]}"
        put("child_name", child)
    else:
        put_date("notify_date", 2023, 2025)
        import datetime
        nd = datetime.date.fromisoformat(exp["notify_date"]) - datetime.timedelta(days=rng.randint(0, 14))
        txt, iso = wareki(nd.year, nd.month, nd.day, style(), rng)
        exp["move_date"], printed["move_date"] = iso, txt
        F.text("move_date", txt)
        put("new_address", address(rng))
        put_comb("new_postal_code", "".join(str(rng.randint(0, 9)) for _ in range(7)))
        put("old_address", address(rng))
        put("householder", f"{sur} {rng.choice(GIVEN)[0]}")
        put("furigana", kana)
        put("name", name)
        put_date("birth_date", 1940, 2015)
        put_ticks("sex", [rng.choice(["男", "女"])], False)
        put_ticks("relationship", [rng.choice(["本人", "妻", "夫", "子", "父", "母", "その他"])], False)
        mn = make_my_number(rng, valid="check_digit" not in invalid)
        put_comb("my_number", mn, invalid_reason="check_digit" if "check_digit" in invalid else None)
        put("phone", phone(rng))
        put("email", "" if rng.random() < 0.2 else email(rng, kana))
    return F.img, exp, printed, bad


# ---------------------------------------------------------------- degradation

def degrade(img, rng, d):
    """Apply a degradation dict; returns (image, dpi)."""
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    w, h = img.size
    paper = d.get("paper", 255)
    arr = np.asarray(img, dtype=np.float32)
    if paper < 255:
        arr = paper - (paper - arr) * (paper / 255.0) * 0 - (255 - arr) * (paper / 255.0)
        arr = np.clip(paper - (255 - np.asarray(img, dtype=np.float32)) * (paper / 255.0), 0, 255)
    img = Image.fromarray(arr.astype(np.uint8))
    # geometry: rotate about centre, scale, shift; keep canvas size
    ang, sc = d.get("rotate_deg", 0.0), d.get("scale", 1.0)
    dx, dy = d.get("shift_px", [0, 0])
    if ang or sc != 1.0 or dx or dy:
        a = math.radians(-ang)
        cs, sn = math.cos(a) / sc, math.sin(a) / sc
        cx, cy = w / 2, h / 2
        # output -> input mapping
        coeffs = (cs, sn, cx - cs * (cx + dx) - sn * (cy + dy), -sn, cs, cy + sn * (cx + dx) - cs * (cy + dy))
        img = img.transform((w, h), Image.AFFINE, coeffs, resample=Image.BILINEAR, fillcolor=int(paper))
    if d.get("blur"):
        img = img.filter(ImageFilter.GaussianBlur(d["blur"]))
    dpi = d.get("dpi", 300)
    if dpi != 300:
        img = img.resize((round(w * dpi / 300), round(h * dpi / 300)), Image.LANCZOS if dpi > 300 else Image.BILINEAR)
    arr = np.asarray(img, dtype=np.float32)
    if d.get("gamma"):
        arr = 255.0 * (arr / 255.0) ** d["gamma"]
    if d.get("noise"):
        arr = arr + nrng.normal(0, d["noise"], arr.shape)
    if d.get("specks"):
        n = int(d["specks"] * arr.size / 1e6)
        ys = nrng.integers(0, arr.shape[0], n)
        xs = nrng.integers(0, arr.shape[1], n)
        arr[ys, xs] = nrng.choice([0, 255], n, p=[0.6, 0.4])
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if d.get("dust"):
        dr = ImageDraw.Draw(img)
        W, H = img.size
        for _ in range(d["dust"]):
            x, y = rng.uniform(0.05, 0.95) * W, rng.uniform(0.05, 0.95) * H
            if rng.random() < 0.5:
                r = rng.uniform(1, 3) * dpi / 300
                dr.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(40, 120))
            else:
                pts = [(x, y)]
                for _ in range(4):
                    x += rng.uniform(-12, 12) * dpi / 300
                    y += rng.uniform(-12, 12) * dpi / 300
                    pts.append((x, y))
                dr.line(pts, fill=rng.randint(60, 140), width=1)
    return img, dpi


def degradation_plan(rng, i):
    """Six degraded variants per form, each a different mix."""
    plans = [
        {"rotate_deg": 2.8, "shift_px": [40, -55], "scale": 1.0, "noise": 3, "jpeg_quality": 70, "paper": 242, "blur": 0.6},
        {"rotate_deg": -2.9, "shift_px": [-60, 30], "scale": 0.975, "dpi": 200, "noise": 3, "jpeg_quality": 75, "paper": 238},
        {"rotate_deg": 1.2, "shift_px": [55, 60], "scale": 1.03, "noise": 3, "specks": 40, "dust": 12, "paper": 235, "jpeg_quality": 65, "dpi": 200},
        {"rotate_deg": -1.5, "shift_px": [-30, -60], "scale": 0.97, "dpi": 200, "blur": 0.7, "gamma": 1.3, "paper": 240, "jpeg_quality": 80},
        {"rotate_deg": 3.0, "shift_px": [10, 20], "scale": 1.02, "noise": 4, "jpeg_quality": 60, "paper": 232},
        {"rotate_deg": -0.7, "shift_px": [60, -20], "scale": 1.0, "dpi": 200, "noise": 4, "specks": 60, "dust": 8, "jpeg_quality": 55, "paper": 236, "blur": 0.5},
    ]
    d = dict(plans[i % len(plans)])
    # small per-page jitter so holdout sets differ
    d["rotate_deg"] = round(max(-3, min(3, d["rotate_deg"] + rng.uniform(-0.2, 0.2))), 2)
    return d


def save(img, path, dpi, jpeg_quality=None):
    if jpeg_quality:
        img.save(path, "JPEG", quality=jpeg_quality, dpi=(dpi, dpi))
    else:
        img.save(path, "PNG", dpi=(dpi, dpi), optimize=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "scans"))
    ap.add_argument("--seed", type=int, default=20261121)
    ap.add_argument("--per-form", type=int, default=None, help="holdout: pages per form")
    ap.add_argument("--set", choices=["committed", "holdout"], default="committed")
    args = ap.parse_args()
    rng = random.Random(args.seed if args.set == "committed" else args.seed * 7919 + 1)
    os.makedirs(args.out, exist_ok=True)
    records = []
    forms = ["a_juminhyo", "b_jido_koza", "c_tennyu"]
    invalid_pages = {("a_juminhyo", 3): {"required"}, ("b_jido_koza", 3): {"date"}, ("c_tennyu", 3): {"check_digit"},
                     ("c_tennyu", 9): {"check_digit"}} if args.set == "committed" else {}
    clean_n, degraded_n = (4, 6) if args.set == "committed" else (args.per_form // 2, args.per_form - args.per_form // 2)
    for form in forms:
        for i in range(clean_n + degraded_n):
            font = FONTS[(i + forms.index(form)) % len(FONTS)] if args.set == "committed" else rng.choice(FONTS)
            img, exp, printed, bad = fill_form(form, rng, font, invalid_pages.get((form, i)))
            if i < clean_n:
                name, d, dpi, q = f"{form}-clean-{i+1:02d}.png", {}, 300, None
                out = img
            else:
                d = degradation_plan(rng, i - clean_n)
                out, dpi = degrade(img, rng, d)
                q = d.get("jpeg_quality")
                name = f"{form}-degraded-{i-clean_n+1:02d}." + ("jpg" if q else "png")
            save(out, os.path.join(args.out, name), dpi, q)
            records.append({"file": name, "page": 0, "form": form, "quality": "clean" if i < clean_n else "degraded",
                            "degradation": d, "font": font[0], "fields": exp, "printed": printed, "invalid": bad})
    # mixed stacks: a multi-page TIFF and a PDF, one page of each form in mixed order
    for kind, order in (("tif", ["c_tennyu", "a_juminhyo", "b_jido_koza"]), ("pdf", ["b_jido_koza", "c_tennyu", "a_juminhyo"])):
        pages = []
        for idx, form in enumerate(order):
            font = rng.choice(FONTS)
            img, exp, printed, bad = fill_form(form, rng, font)
            d = {"rotate_deg": round(rng.uniform(-1.5, 1.5), 2), "shift_px": [rng.randint(-30, 30), rng.randint(-30, 30)],
                 "paper": 244}
            out, dpi = degrade(img, rng, d)
            if kind == "tif":  # document scanners write bilevel Group 4 TIFF
                out = out.point(lambda v: 255 if v > 160 else 0).convert("1")
                d["bilevel"] = True
            pages.append(out)
            records.append({"file": f"mixed-stack.{kind}", "page": idx, "form": form, "quality": "degraded",
                            "degradation": d, "font": font[0], "fields": exp, "printed": printed, "invalid": bad})
        path = os.path.join(args.out, f"mixed-stack.{kind}")
        if kind == "tif":
            pages[0].save(path, save_all=True, append_images=pages[1:], compression="group4", dpi=(300, 300))
        else:
            buf = []
            for p in pages:  # embed JPEG pages, as scanners do
                b = io.BytesIO(); p.save(b, "JPEG", quality=70); b.seek(0); buf.append(Image.open(b))
            buf[0].save(path, "PDF", save_all=True, append_images=buf[1:], resolution=300)
    with open(os.path.join(args.out, "expected.jsonl"), "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(records)} pages written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
