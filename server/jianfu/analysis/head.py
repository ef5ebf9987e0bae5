"""The head of a document pasted from a web page or an OA system: 版头, 发文字号, title and 主送, line by line.

The structure reader takes the first line for the title and the next for the 主送机关. A pasted document
often has a 版头 ("某某县农业农村局文件") or the issuer's name above its title, and a 发文字号
("茂政发〔2023〕6号") or a date in brackets between the title and the 主送. This reads the first few
lines one at a time, skipping those, so that the 文种, the 主送机关 and the 发文机关 are found there
too. A few regular expressions on at most eight lines: cheap on every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jianfu.lazyre import lazy
from jianfu.model import Document

_LINES = 8  # non-empty lines read at most
_PARAGRAPHS = 40  # paragraphs looked at, empty ones included
_TITLE_MAX = 100
# "茂政发〔2023〕6号", "辽教办发[2012]158", "鲁民〔2023〕14号"; "(2010年2月1日)" under a title
_DOC_NUMBER = lazy("^[^\\s，。；：:]{1,12}[〔\\[［﹝【（(]\\s*\\d{4}\\s*[〕\\]］﹞】）)]\\s*\\d{1,4}\\s*号?$")
_DATE_NOTE = lazy("^[（(]\\s*\\d{4}\\s*年[^）)]{0,12}[）)]$")
_MASTHEAD = lazy("^(.{2,40}?)文件$")
# an organ's name, not a title without its 文种 ("晋中市环保局对……实施领导包企督办")
_ORGAN = lazy(
    "^(?!.*(?:关于|对|实施|开展|做好|加强|推进|落实))[^（(《》“”\\d，,。：:；]{2,40}"
    "(?:委员会|委|人民政府|政府|办公室|办公厅|局|厅|部|(?<!督)办|中心|指挥部|领导小组|办事处|党工委|党委)$"
)
_ADDRESSEE = lazy("^[^。；;！!？?]{2,120}[：:]$")
# a body sentence ending with a colon: "现将有关事项通知如下：", "各乡镇要做好以下工作："
_BODY_LEAD = lazy("现将|现就|根据|按照|如下|以下|要|请|为了|为进一步")


@dataclass(frozen=True)
class Head:
    """Spans in the document of what the first lines say (None when not found)."""

    title: tuple[int, int] | None = None  # the line that ends with a 文种
    organs: tuple[tuple[int, int], ...] = ()  # organ names above the title (a 版头 without its 文件)
    addressee: tuple[int, int] | None = None  # the 主送 line, without its colon


def read_head(document: Document, genre_of: Callable[[str], str]) -> Head:
    title: tuple[int, int] | None = None
    organs: list[tuple[int, int]] = []
    addressee: tuple[int, int] | None = None
    seen = 0
    for p in document.paragraphs[:_PARAGRAPHS]:
        raw = document.norm[p.start : p.end]
        line = raw.strip().lstrip("#").strip()
        if not line:
            continue
        seen += 1
        if seen > _LINES:
            break
        start = p.start + raw.index(line[0])
        span = (start, start + len(line))
        if _DOC_NUMBER.match(line) or _DATE_NOTE.match(line):
            continue
        if title is None:
            masthead = _MASTHEAD.match(line)
            if masthead:
                organs.append((start, start + len(masthead.group(1))))
                continue
            if _ORGAN.match(line):
                organs.append(span)
                continue
            if len(line) <= _TITLE_MAX and not line.endswith(("。", "：", ":")) and genre_of(line):
                title = span
                continue
        elif _ADDRESSEE.match(line) and not _BODY_LEAD.search(line):
            addressee = (start, start + len(line.rstrip("：:").rstrip()))
        break
    return Head(title, tuple(organs), addressee)
