"""A length-preserving normal form for matching.

Traditional characters become simplified ones (one character for one, so every
offset in the normal form is an offset in the original), full-width letters and
digits become half-width, corner quotes become the mainland quotes, and ASCII
punctuation pasted from web pages and PDFs (",", ";", ":", "(", ")", "!", "?", and
straight quotes in pairs) becomes its full-width form where it stands beside a
Chinese character. Kangxi radicals and compatibility ideographs that PDF fonts put
for common characters (⼀⼈⽇⾏, ⻔⻓) read as the characters; no-break and other wide
spaces read as a plain space, zero-width marks as one zero-width space.

``reading_pieces`` tells which characters of a line a rule reads: stray spaces inside
a sentence ("制 定", "下载 APP 并", "各乡镇, 要") and zero-width marks are left out,
so that words broken by a PDF or a web page are read whole.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from jianfu.lazyre import lazy
from jianfu.text.lines import LineCache, lines_of

_FIXED = {
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)},  # ０-９
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)},  # ａ-ｚ
    "「": "“",
    "」": "”",
    "『": "‘",
    "』": "’",
    "．": ".",
    **{c: chr(ord(c) - 0xFEE0) for c in "％＋－／＝＜＞＆＃＠＊＿"},  # symbols typed full-width: １００％
    # spaces: no-break, en/em and narrow ones read as a plain space; invisible marks as one zero-width space
    **{c: " " for c in "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"},
    **{c: "\u200b" for c in "\u200c\u200d\u2060\ufeff\u00ad"},
    # variation selectors a PDF or a Japanese font puts after a character: invisible too
    **{chr(c): "\u200b" for c in [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]},
    # half-width, small and vertical forms of Chinese punctuation (Big5 and vertical PDFs)
    **dict(zip("｡､｢｣﹐﹑﹔﹕﹖﹗︐︑︒︓︔︕︖︰〝〞＂＇", "。、“”，、；：？！，、。：；！？：“”\"'", strict=True)),
    # the ratio sign OCR and PDF fonts give for a colon (联系人∶张三), Big5's dash and middle dots
    **dict(zip("∶―‧・", "：—··", strict=True)),
}
# Radicals that PDF fonts give for whole simplified characters and that NFKC does not map.
_SIMPLIFIED_RADICALS = dict(
    zip(
        "⻅⻆⻉⻋⻓⻔⻙⻚⻛⻜⻢⻥⻦⻧⻨⻩⻬⻮⻰⻳⺟⺠⻄⻘⻝⻣⻤⺜⺝⻁",
        "见角贝车长门韦页风飞马鱼鸟卤麦黄齐齿龙龟母民西青食骨鬼日月虎",
        strict=True,
    )
)


def _pdf_font_forms() -> dict[int, str]:
    """Kangxi radicals (U+2F00…) and compatibility ideographs (U+F900…) -> the unified character (NFKC)."""
    table = {ord(k): v for k, v in _SIMPLIFIED_RADICALS.items()}
    for c in [*range(0x2F00, 0x2FD6), *range(0xF900, 0xFADA)]:
        plain = unicodedata.normalize("NFKC", chr(c))
        if len(plain) == 1 and plain != chr(c):
            table[c] = plain
    return table


_OPENCC_FILES = ("TSCharacters.txt", "HKVariantsRev.txt", "TWVariantsRev.txt")


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    texts = {name: _opencc_text(name) for name in _OPENCC_FILES}
    table = _pdf_font_forms()
    simplified = _read_pairs(texts["TSCharacters.txt"])
    table.update(simplified)
    for c, plain in list(table.items()):  # a radical for a traditional character: ⾨ -> 門 -> 门
        table[c] = table.get(ord(plain), plain)
    # Hong Kong and Taiwan variant characters (衞, 羣, 痺) -> the standard traditional one -> simplified;
    # never a character that is itself simplified (TW 么 for 幺 stays 么, as in 什么)
    in_use = set(table.values())
    for variants in ("HKVariantsRev.txt", "TWVariantsRev.txt"):
        for c, standard in _read_pairs(texts[variants]).items():
            plain = table.get(ord(standard), standard)
            if chr(c) not in in_use and c not in table and plain != chr(c):
                table[c] = plain
    table.update({ord(k): v for k, v in _FIXED.items()})
    return table


def _opencc_text(name: str) -> str:
    """An OpenCC dictionary file, found without importing opencc_purepy: its converter's imports cost
    ~15 ms of a cold check, which reads only these files."""
    spec = importlib.util.find_spec("opencc_purepy")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        try:
            return (Path(folder) / "dicts" / name).read_text("utf-8")
        except OSError:
            continue
    return ""  # pragma: no cover - dependency is declared


def _read_pairs(data: str) -> dict[int, str]:
    """One character for one from an OpenCC dictionary (its first candidate)."""
    pairs = {}
    for line in data.splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1 and source != target:
            pairs[ord(source)] = target
    return pairs


# Words whose traditional spelling keeps a character that is also simplified, so the character table
# leaves it: 瞭解 (了解), 答覆 (答复), 藉口 (借口). Same length, so offsets hold.
_WORDS = {
    **{w: w.replace("瞭", "了") for w in ("瞭解", "明瞭", "一目瞭然", "簡單明瞭", "瞭如指掌", "瞭若指掌", "瞭然")},
    **{
        w: w.replace("覆", "复")
        for w in ("答覆", "批覆", "回覆", "函覆", "覆函", "電覆", "覆電", "核覆", "反覆", "覆信")
    },
    **{w: w.replace("藉", "借") for w in ("藉口", "藉此", "藉助", "藉機", "憑藉", "藉以", "藉由", "藉故")},
}
_WORD_MARKS = "瞭覆藉"


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], dict[str, str]]:
    """The words above in the normal form (their other characters already simplified)."""
    table = _table()
    words = {w.translate(table): plain.translate(table) for w, plain in _WORDS.items()}
    return re.compile("|".join(sorted(words, key=len, reverse=True))), words


@lru_cache(maxsize=1)
def _changed() -> frozenset[str]:
    """The characters the table changes: most drafts have none, and this test is cheaper than translate."""
    return frozenset(map(chr, _table()))


def _any_changed(text: str) -> bool:
    """Whether the table changes a character of ``text``: asked line by line, each line's answer kept
    (an editor normalises the whole draft again on every keystroke; one line of it changed)."""
    return _LINE_CHANGED.any(lines_of(text))


_LINE_CHANGED = LineCache(lambda line: not _changed().isdisjoint(line))


_CJK = "\u3400-\u9fff\uf900-\ufaff"
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
_HAS_CJK = lazy(f"[{_CJK}]")
# A pair of brackets with Chinese inside or beside it: "县(市、区)", "(1)下午", "(一)".
# A pair may be broken by one hard wrap: "(市、\n区)".
_BRACKETS = lazy(r"(?<=(.))?\(([^()]{0,40})\)(?=(.))?", re.DOTALL)
# A lone mark touching a Chinese character (or a full-width bracket or quote) on either side.
# "3,000", "9:00" and "a (b)" between ASCII characters keep their ASCII form.
_NEAR = f"[{_CJK}（）“”《》、]"
_HALF_WIDTH_MARK = lazy(
    f"(?<={_NEAR})[,;:()!?]|[,;:()!?](?=\r?\n?{_NEAR})|(?<={_NEAR}\n)[,;:()!?]"  # or a hard wrap between
    f"|[,;:!?](?= {{1,2}}[{_CJK}“（《])"  # typed the English way, a space after it: "注册APP, 注册人数"
)
# A half-width full stop ending a Chinese sentence ("已全部废止.", "报县委办. 各村要"); never a decimal
# point, a file name or the "一." of a heading (see _stop)
_HALF_WIDTH_STOP = lazy(
    f"\\.(?<=[{_CJK}]\\.)(?![A-Za-z.])"  # after a Chinese character: never a decimal point ("通知.docx" stays)
    f"|\\.(?<=[）”》%0-9A-Za-z]\\.)(?=[ \t]*(?:[{_CJK}“（《]|$))"
    f"|\\.(?<=[）”》%]\\.)(?=[ \t]*\r?\n)"
    f"|\\.(?<=[0-9A-Za-z]\\.)(?=[ \t]*\r?\n(?!\\d))"  # not the "0." of 0.5 broken by a wrap
)
_ORDINALS = frozenset("一二三四五六七八九十百零〇0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_MARKS = ",;:()!?\"'"
# Straight quotes in pairs on one line, with Chinese inside or beside: 须在"村务通"上签到.
_QUOTE_PAIRS = {
    '"': lazy(r'(?<=(.))?"([^"]{1,60})"(?=(.))?', re.DOTALL),
    "'": lazy(r"(?<=(.))?'([^']{1,60})'(?=(.))?", re.DOTALL),
}
_CURLY = {'"': "“”", "'": "‘’"}


def _bracket_pair(m: re.Match[str]) -> str:
    around = (m.group(1) or "") + m.group(2) + (m.group(3) or "")
    if m.group(2).count("\n") > 1 or not _HAS_CJK.search(around):
        return m.group(0)
    return f"（{m.group(2)}）"


def _quote_pair(m: re.Match[str]) -> str:
    around = (m.group(1) or "") + m.group(2) + (m.group(3) or "")
    if m.group(2).count("\n") > 1 or not _HAS_CJK.search(around):
        return m.group(0)
    left, right = _CURLY[m.group(0)[0]]
    return f"{left}{m.group(2)}{right}"


def _full_width_marks(text: str) -> str:
    if not _any_of(_ASCII_MARKS, text):
        return text
    if "(" in text:
        text = _BRACKETS.sub(_bracket_pair, text)
    for quote, pairs in _QUOTE_PAIRS.items():
        if quote in text:
            text = pairs.sub(_quote_pair, text)
    return _HALF_WIDTH_MARK.sub(lambda m: _FULL_WIDTH[m.group(0)], text)


def _full_stops(text: str) -> str:
    return _HALF_WIDTH_STOP.sub(_stop, text) if "." in text else text


def _stop(m: re.Match[str]) -> str:
    at = m.start()
    before = at
    while before > 0 and m.string[before - 1] in _ORDINALS:
        before -= 1
    # an item starts a line or follows a mark in a run-in list ("所需材料：1.户口本；2.身份证")
    starts_item = before == 0 or m.string[before - 1] in "\n\r \t\u3000#：:；;，,。（(、"
    # "一.加强领导", "3.各乡镇要": a list item's ordinal, not the end of a sentence ("达到85%.", "共5条.")
    return "." if before < at and starts_item else "。"


def _any_of(chars: str, text: str) -> bool:
    # one substring search per character is ~50 times faster than set.isdisjoint over a long text
    return any(c in text for c in chars)


def normalize(text: str) -> str:
    """Return the matching form of ``text``; ``len(normalize(t)) == len(t)`` always."""
    if text.isascii():
        return text
    if _any_changed(text):
        text = text.translate(_table())
    if _any_of(_WORD_MARKS, text):
        pattern, words = _words()
        text = pattern.sub(lambda m: words[m.group(0)], text)
    return _full_stops(_quote_order(_full_width_marks(text)))


# Quotes typed the wrong way round or twice the same way (”村务通“, ”六有”): on a line whose quote marks
# pair up, they read as opening and closing in turn. A line with an odd count (a quotation running on to
# the next paragraph) is left as it is.
_QUOTE_PAIRS_OF = ("“”", "‘’")
_QUOTE_MARKS = {pair: lazy(f"[{pair}\n]") for pair in _QUOTE_PAIRS_OF}


def _quote_order(text: str) -> str:
    for pair in _QUOTE_PAIRS_OF:
        if pair[1] in text and _SLIPPED_IN_LINE[pair].any(lines_of(text)):
            text = "\n".join(_in_turn(line, pair) for line in text.split("\n"))
    return text


# Whether the quote marks of a text slipped (``_slipped`` of its marks and line breaks) is whether those of
# one of its lines did: asked line by line, each line's answer kept (an editor asks on every keystroke).
_SLIPPED_IN_LINE = {
    pair: LineCache(lambda line, pair=pair: _slipped("".join(_QUOTE_MARKS[pair].findall(line)), pair))
    for pair in _QUOTE_PAIRS_OF
}


def _slipped(marks: str, pair: str) -> bool:
    """In the quote marks (and line breaks) of a text: one opening or closing after another, or a line's
    first mark a closing one."""
    opening, closing = pair
    return opening * 2 in marks or closing * 2 in marks or marks.startswith(closing) or "\n" + closing in marks


def _in_turn(line: str, pair: str) -> str:
    marks = [i for i, c in enumerate(line) if c in pair]
    if not marks or len(marks) % 2 or not _slipped("".join(line[i] for i in marks), pair):
        return line
    chars = list(line)
    for k, i in enumerate(marks):
        chars[i] = pair[k % 2]
    return "".join(chars)
