#!/usr/bin/env python3
"""Writes written-values.png: values as other people write them, one per 130-pixel row (300 dpi,
text 4.5 mm high unless said), for WrittenValueTests to paste into a sample scan's zones:

  rows 0-2  dates written with an era's initial (R7.5.16, H31/4/30, S58.4.1)
  row 3     a number of copies written with its unit, １通 (the form prints 通 after the box)
  row 4     フリガナ written small (3 mm, IPA Mincho), whose 濁点 strokes are a few pixels each
  rows 5-6  names with a 人名用漢字 neither Japanese model has (山本 紘一, 碓井 健太)
  row 7     a lone 9 (IPA Gothic, 4.4 mm) to paste into comb boxes: with the box's 1 mm of white
            around it Tesseract reads nothing in it, in any mode
  rows 8-9  a name written as one word (木村健太, IPA Mincho) and with a half-width space in a
            proportional font (木村 健太, Noto Sans CJK: the narrowest space of these fonts)

  /usr/bin/python3 Tests/Fixtures/make_written_values.py   (Pillow; the Debian fonts below)
"""
import os
from PIL import Image, ImageDraw, ImageFont

ROWS = [("R7.5.16", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
        ("H31/4/30", "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf", 0),
        ("S58.4.1", "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", 0),
        ("１通", "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf", 0),
        ("ヤマダ タロウ", "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf", 0, 3.0),
        ("山本　紘一", "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", 0, 5.0),
        ("碓井　健太", "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf", 0, 5.0),
        ("9", "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", 0, 4.4),
        ("木村健太", "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf", 0, 5.0),
        ("木村 健太", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0, 5.0)]
im = Image.new("L", (1200, 130 * len(ROWS)), 255)
draw = ImageDraw.Draw(im)
for i, (text, path, index, *size) in enumerate(ROWS):
    px = round((size[0] if size else 4.5) * 300 / 25.4)
    draw.text((40, 130 * i + 65), text, font=ImageFont.truetype(path, px, index=index), fill=0, anchor="lm")
im.save(os.path.join(os.path.dirname(os.path.abspath(__file__)), "written-values.png"), dpi=(300, 300), optimize=True)
