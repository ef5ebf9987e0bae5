"""Hypothesis strategies for hostile drafts, shared by tests/hostile/test_fuzz.py and bench/fuzz.py.

A draft is built from pieces a real one has (regulation sentences, read at import time from
../shared/reference when it is there; requirements the rules flag, and their negations) and pieces
an attacker or a careless paste brings (traditional characters, characters outside the BMP, lone
surrogates, control characters, ASCII and full-width punctuation, very long lines, hard wrapping).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import strategies as st

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "regulation-2024-central.txt"

WRITTEN = [
    "各地区各部门要认真贯彻落实党中央、国务院决策部署，结合实际抓好落实。",
    "建立健全工作协调机制，研究解决重大问题。",
    "到2025年，全市城镇污水处理率达到97%以上。",
    "严控文件数量，地方和部门发文严格实行计划管理。",
]
PLANTED = [  # requirements the rules flag
    "请各乡镇于月底前将落实情况报送县政府办公室。",
    "各地要层层召开动员大会，传达会议精神。",
    "对发生重大安全事故的单位，年度考核实行“一票否决”。",
    "考核实行千分制，每月排名通报。",
    "各单位要签订目标责任书，并留痕备查。",
    "要求基层每天在工作群打卡并上传照片。",
]
NEGATED = [  # the same requirements, negated or described: not flagged
    "不得要求基层报送落实情况。",
    "一般不提出报送贯彻落实情况的要求。",
    "严禁层层召开动员大会。",
    "不搞“一票否决”。",
]
TRADITIONAL = [
    "請各鄉鎮於月底前將落實情況報送縣政府辦公室。",
    "各地要層層召開動員大會，傳達會議精神。",
    "嚴控文件數量。",
]
TITLES = ["关于加强某项工作的通知", "关于进一步做好基层治理有关工作的意见", "某某单位文件", "", "通报"]
NON_BMP = ["𠀾", "𠮷", "𪚥", "😀", "\U0010ffff"]
LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
CONTROLS = ["\x00", "\t", "\x0b", "\x0c", "\x1c", "\x1f", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b"]
PUNCTUATION = list(",.;:!?()[]\"'-/%") + list("，。；：！？（）【】“”‘’、—…《》％")
LINE_BREAKS = ["\n", "\n", "\n", "\r\n", "\r", "\n\n"]


def reference_sentences() -> list[str]:
    """Sentences of the regulation, or the written ones when ../shared is not there."""
    try:
        text = REFERENCE.read_text("utf-8")
    except OSError:
        return WRITTEN
    sentences = [s.strip() + "。" for s in re.split("[。；\n]", text) if len(s.strip()) >= 6]
    return sentences or WRITTEN


SENTENCES = reference_sentences()

sentence = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(WRITTEN),
    st.sampled_from(PLANTED),
    st.sampled_from(NEGATED),
    st.sampled_from(TRADITIONAL),
)
noise = st.one_of(
    st.sampled_from(NON_BMP),
    st.sampled_from(LONE_SURROGATES),
    st.sampled_from(CONTROLS),
    st.sampled_from(PUNCTUATION),
    st.text(alphabet=st.characters(codec=None, exclude_categories=["Cs"]), max_size=8),
    st.text(alphabet="要求各单位于月底前报送落实情况会议考核检查督查台账层层签订", max_size=12),
)
piece = st.one_of(sentence, sentence, sentence, noise)


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    text = "".join(draw(st.lists(piece, min_size=0, max_size=6)))
    if draw(st.integers(0, 9)) == 0:  # a very long line
        text = text * draw(st.integers(2, 40))
    if text and draw(st.integers(0, 5)) == 0:  # hard-wrapped, as pasted from a PDF
        width = draw(st.integers(5, 40))
        text = "\n".join(text[i : i + width] for i in range(0, len(text), width))
    indent = draw(st.sampled_from(["", "    ", "　　", "\t"]))
    return indent + text


@st.composite
def drafts(draw: st.DrawFn, max_paragraphs: int = 12) -> str:
    lines = [draw(st.sampled_from(TITLES)), draw(st.sampled_from(["各单位：", "", "各县（市、区）人民政府："]))]
    lines += draw(st.lists(paragraph(), max_size=max_paragraphs))
    out = ""
    for line in lines:
        out += line + draw(st.sampled_from(LINE_BREAKS))
    return out[:-1] if out and draw(st.booleans()) else out


def xml_safe(text: str) -> str:
    """What a .docx can hold: no control characters other than tab/newline, no lone surrogates, no U+FFFE/F."""
    return "".join(
        ch
        for ch in text
        if ch in "\t\n" or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF and ch not in "\ufffe\uffff")
    )


# An edit as the editor sends it: a range in UTF-16 units (start may come after end, either may lie
# past a line's or the document's end or inside a surrogate pair) and the text to put there.
# Lines and characters are fractions of the current text's extent, so that most edits land inside.
position = st.tuples(st.floats(0, 1.2, allow_nan=False), st.floats(0, 1.3, allow_nan=False))
edit = st.tuples(position, position, st.one_of(st.just(""), piece, paragraph(), st.sampled_from(LINE_BREAKS)))
whole_document = st.tuples(st.just(None), st.just(None), drafts(max_paragraphs=4))
edits = st.lists(st.one_of(edit, edit, edit, whole_document), min_size=1, max_size=8)


# JSON-RPC bodies as a broken or hostile client sends them: wrong versions, ids of any type, unknown
# methods, params of any shape, batches, bodies cut short, bytes that are not JSON at all.
METHODS = ["textDocument/hover", "textDocument/didChange", "textDocument/didOpen", "initialize", "jianfu/x", ""]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
rpc_messages = st.fixed_dictionaries(
    {"jsonrpc": st.sampled_from(["2.0", "2.0", "1.0", 2])},
    optional={
        "id": st.one_of(st.integers(-5, 10**12), st.text(max_size=4), st.none(), json_values),
        "method": st.sampled_from(METHODS),
        "params": json_values,
        "result": json_values,
    },
)
_encoded = rpc_messages.map(lambda m: json.dumps(m).encode())
rpc_bodies = st.one_of(
    _encoded,
    st.lists(rpc_messages, max_size=3).map(lambda m: json.dumps(m).encode()),
    _encoded.flatmap(lambda body: st.integers(0, len(body)).map(lambda n: body[:n])),
    st.binary(max_size=60),
)
