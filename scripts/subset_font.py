"""Rebuild the chart font: Noto Sans CJK SC cut down to the characters hechi can draw.

    apt-get install fonts-noto-cjk && pip install fonttools
    python scripts/subset_font.py [/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]

The characters are printable ASCII, every character of the data file and of the message
catalogue, and the marks the charts use. Run it again when the data gains characters:
`hechi chart --png` refuses a chart whose text the font lacks, rather than draw boxes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
TARGET = ROOT / "src" / "hechi_cli" / "charts" / "NotoSansSC-hechi.otf"
CHARS = TARGET.with_suffix(".chars")  # what the font holds, read by `hechi chart --png` without fontTools
TEXTS = ["data/hechi.toml", "src/hechi_cli/messages/zh.py", "src/hechi_cli/reports/humanize.py"]
EXTRA = "·–—…※°²³⁰¹²³⁴⁵⁶⁷⁸⁹" + "".join(chr(c) for c in range(0x2460, 0x2474))


def characters() -> str:
    chars = {chr(c) for c in range(0x20, 0x7F)} | set(EXTRA)
    for name in TEXTS:
        chars |= {ch for ch in (ROOT / name).read_text(encoding="utf-8") if ch.isprintable()}
    return "".join(sorted(chars))


def main() -> None:
    source = sys.argv[1] if len(sys.argv) > 1 else SOURCE
    collection = TTCollection(source)
    font = next(f for f in collection.fonts if f["name"].getDebugName(4) == "Noto Sans CJK SC")
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the copyright and licence names
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters())
    subsetter.subset(font)
    font.save(TARGET)
    held = "".join(sorted(chr(c) for c in font.getBestCmap() if chr(c).isprintable() and not chr(c).isspace()))
    CHARS.write_text(held, encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size:,} bytes, {len(characters())} characters")


if __name__ == "__main__":
    main()
