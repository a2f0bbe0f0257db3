#!/usr/bin/python3
"""Names written with the 人名用漢字 that the Japanese models do not have, for `yomitori calibrate`.

378 of the 645 kanji of the 人名用漢字表 (一) (戸籍法施行規則 別表第二) are in neither `jpn` nor
`script/Japanese` (found with `combine_tessdata -u` on the installed traineddata: the two
`lstm-unicharset` files hold the same 2,380 kanji). The models read such a kanji as the nearest one
they know, often sure of it, and both alike, so no vote catches it: 颯太 is read 問太, 紘一 統一,
碓井 確井. FieldInterpreter.nameLookAlikes lists the stand-ins found this way that are rare in names.

For every missing kanji, one page per font: a blank 住民票の写し等交付請求書
(samples/forms/a_juminhyo.blank.png) with a name holding that kanji written into the 氏名 zone
(4–6 mm high, in the 姓 a quarter of the time), and the name in expected.jsonl:

    /usr/bin/python3 samples/make_name_kanji.py --seed 1 --out /tmp/name-kanji
    yomitori calibrate --template samples/templates/a_juminhyo.yaml \\
        --truth /tmp/name-kanji/expected.jsonl --list-wrong /tmp/name-kanji/*.png

Only the 氏名 is in the truth; the other fields are blank. Needs python3-pil and the Debian fonts
below (fonts-ipafont, fonts-ipaexfont, fonts-noto-cjk), and numpy for make_holdout.py's font lookup.
"""
import argparse
import json
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_holdout import locate_fonts  # noqa: E402

MM = 300 / 25.4
NAME_ZONE = (54.6, 65.6, 136.8, 13.8)  # a_juminhyo.yaml, field `name`, millimetres

# The 人名用漢字表 (一) kanji missing from both models' character sets.
MISSING = (
    "丑丞乎亘亙些亥亦亨伍伶佃侃侑俄俐俠俱倦倭偲傭允兜冴凜凧凰凱劫勁勺匁匡卜卯叡吞吻哩啄喬嘗圃坐埴堯堰"
    "堵塙壕壬奎套姥姪娃娩孜孟宕宥寓寵尖尤尭屑峻崚嵩嵯巌巖已巷巽庇庚廟弛彪彬徠徽忽怜恕恢恰悉悌惇惟惺慧"
    "戊戟托按挺捲捷捺掠掬摑撒撞擢斡斧斯昂昊昏昴晄晏晟晦晨暉暢曙曝朔杷枇柊柑柘柾栞桔桧梛梢梧梯椀椋椛椰"
    "楕楚楢楯榊榛槇槌槙樟樫橙檀櫂櫓櫛欣欽歎毘毬汀汝汲沌沓沫洵洸浬淋渚渥湛滉漕漣漱澪瀕灼焚焰煉煌煤熙燎"
    "燦燭燿牒犀珀珊琢琥琳瑚瑳瑶瓢甥甫畢疋疏皐皓眸瞥矩砧硯碓碩祁祢祷祿禎禰禱禽禾秤稜稟穣穰穹穿窄窺竪竺"
    "笈笙筈箔簞簾籾粥糊紘紬絃綜綸緋縞繡繫纂羚耀而耽肇肋肴胤脩脹膏臥舜舵芙芥芭芹茄茉莞莫菖菫萄萊萠萱葡"
    "葦葺蒐蒔蓉蓑蓬蔓蔣蔦蔭蕃蕉蕗蕨蕪蕾薙藁蝦蟬蠟衿袈袴裟裡襖訊註詢誼諄諒諺謂豹赳跨蹄蹟輯輿迂迦迪這逞"
    "遁遙鄭酉醇醬釉銑鋒鋸錐錘錫鍬閃閏閤雁雫鞄鞘鞠頌頗顚颯饗馨駕驍魁魯鰯鱒鳶鵬鷗麒麿黎黛鼎"
)
# Families in the order pages are drawn; their files are found as make_holdout.py finds them.
FAMILIES = ["IPAGothic", "IPAMincho", "IPAexGothic", "IPAexMincho", "Noto Sans CJK JP", "Noto Serif CJK JP"]
SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田",
            "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本"]
GIVEN = ["太郎", "一郎", "健一", "浩", "誠", "大輔", "直樹", "拓也", "翔太", "和也", "花子", "美咲",
         "陽子", "恵子", "由美", "直美", "智子", "久美子", "裕子", "愛", "彩", "明美", "美穂", "香織"]
SECOND = ["子", "太", "斗", "奈", "也", "人", "香", "介", "美", "音", ""]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    blank = Image.open(os.path.join(HERE, "forms", "a_juminhyo.blank.png")).convert("L")
    files = locate_fonts()
    faces = [(family, *files[family]) for family in FAMILIES]
    os.makedirs(args.out, exist_ok=True)
    zx, zy, _, zh = NAME_ZONE
    with open(os.path.join(args.out, "expected.jsonl"), "w", encoding="utf-8") as truth:
        n = 0
        for kanji in MISSING:
            for family, path, index in faces:
                mm = rng.choice([4.0, 4.5, 5.0, 5.5, 6.0])
                px = int(mm * MM)
                face = ImageFont.truetype(path, px, index=index)
                if rng.random() < 0.25:
                    sur, given = kanji + rng.choice("山田野原井本"), rng.choice(GIVEN)
                else:
                    sur, second = rng.choice(SURNAMES), rng.choice(SECOND)
                    given = kanji + second if rng.random() < 0.7 else second + kanji
                page = blank.copy()
                draw = ImageDraw.Draw(page)
                x, y = (zx + rng.uniform(2, 10)) * MM, (zy + zh / 2) * MM - px * 0.6
                draw.text((x, y), sur, font=face, fill=0)
                draw.text((x + px * (len(sur) + rng.choice([1.0, 1.5, 2.0])), y), given, font=face, fill=0)
                name = f"name-kanji-{n:04d}.png"
                page.save(os.path.join(args.out, name), dpi=(300, 300))
                truth.write(json.dumps({"file": name, "page": 0, "font": family, "kanji": kanji,
                                        "fields": {"name": f"{sur} {given}"}}, ensure_ascii=False) + "\n")
                n += 1
    print(f"{n} pages written to {args.out}")


if __name__ == "__main__":
    main()
