"""一致性评估表.docx: an office form — 黑体 headings, 仿宋 body, grid tables, sign lines.

python-docx prepares the package once (styles, page set-up, properties); each form's body is
written as WordprocessingML text into that template's document.xml, which is several times faster
than building each of a form's few hundred runs through python-docx's object model.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from io import BytesIO
from xml.sax.saxutils import escape

from jianfu.assessment import cells, model

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TWIPS_PER_CM = 567
ROW_WIDTHS_CM = (1.2, 3.0, 6.6, 2.2, 8.2, 4.5)  # landscape A4: 25.7 cm between the margins
FACT_WIDTHS_CM = (4.0, 21.7)
SUMMARY_WIDTHS_CM = (4.0, 5.0, 1.4, 1.6, 3.2, 2.4, 1.6, 1.8, 1.6, 3.1)
BLANK = "\u3000" * 8  # the line to sign on
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # lxml refuses these


def render(assessment: model.Assessment) -> bytes:
    parts = [
        _paragraph([(cells.TITLE, HEADING_FONT, 36, False)], center=True),
        _paragraph([(cells.BASIS, BODY_FONT, 21, False)]),
        _heading("一、文件基本情况"),
        _table(None, [[_cell(n, bold=True), _cell(v)] for n, v in cells.fact_pairs(assessment.facts)], FACT_WIDTHS_CM),
        _heading("二、逐项评估"),
        _table(cells.ROW_HEADINGS, [_row_cells(r) for r in assessment.rows], ROW_WIDTHS_CM),
        _heading("三、人工核实事项（文稿文字无法判断，由评估人逐项核实）"),
        _table(
            cells.MANUAL_HEADINGS,
            [[_cell(v) for v in cells.manual_values(n, m)] for n, m in enumerate(assessment.manual, 1)],
            ROW_WIDTHS_CM,
        ),
    ]
    number = "四"
    if assessment.resolved is not None:
        parts.append(_heading(f"四、与上一稿相比已解决的问题（{len(assessment.resolved)} 处）"))
        parts.extend(_paragraph([(cells.resolved_line(r), BODY_FONT, 22, False)]) for r in assessment.resolved)
        number = "五"
    parts.append(_heading(f"{number}、总体结论"))
    parts.append(_paragraph([(f"{assessment.conclusion}。{assessment.summary}", BODY_FONT, 24, False)]))
    parts.append(_paragraph([]))
    parts.append(_sign_lines())
    return _package(cells.TITLE, parts)


def render_summary(entries: Sequence[model.Assessment | model.Unreadable]) -> bytes:
    values = [
        cells.summary_values(e) if isinstance(e, model.Assessment) else cells.unreadable_values(e) for e in entries
    ]
    parts = [
        _paragraph([("与为基层减负一致性评估汇总", HEADING_FONT, 36, False)], center=True),
        _table(cells.SUMMARY_HEADINGS, [[_cell(v) for v in line] for line in values], SUMMARY_WIDTHS_CM),
    ]
    return _package("与为基层减负一致性评估汇总", parts)


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", value))


def _run(text: str, font: str = BODY_FONT, half_points: int = 21, bold: bool = False, underline: bool = False) -> str:
    props = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
    props += "<w:b/>" if bold else ""
    props += '<w:u w:val="single"/>' if underline else ""
    props += f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{_text(text)}</w:t></w:r>'


def _paragraph(runs: Iterable[tuple[str, str, int, bool]], center: bool = False) -> str:
    props = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    return f"<w:p>{props}{''.join(_run(t, f, s, b) for t, f, s, b in runs)}</w:p>"


def _heading(text: str) -> str:
    return _paragraph([(text, HEADING_FONT, 28, False)])


def _cell(value: str, bold: bool = False) -> str:
    """A cell's paragraphs: one per line of ``value``."""
    font = HEADING_FONT if bold else BODY_FONT
    return "".join(f"<w:p>{_run(line, font, 21, bold)}</w:p>" for line in value.split("\n"))


def _quote_paragraphs(quotes: tuple[model.Quote, ...]) -> str:
    """One paragraph per quoted sentence, its flagged words in bold."""
    out = []
    for heading, sentence, words in cells.quote_groups(quotes):
        runs = _run(heading) + "".join(_run(text, bold=flag) for text, flag in cells.marked(sentence, words))
        out.append(f"<w:p>{runs}</w:p>")
    return "".join(out)


def _row_cells(row: model.Row) -> list[str]:
    values = cells.row_values(row)
    quotes = _quote_paragraphs(row.quotes) if row.quotes else _cell(values[4])
    conclusion = _cell(values[3], bold=row.conclusion == model.TO_REVISE)
    return [_cell(values[0]), _cell(values[1]), _cell(values[2]), conclusion, quotes, _cell(values[5])]


def _table(headings: Sequence[str] | None, rows: Sequence[Sequence[str]], widths_cm: Sequence[float]) -> str:
    twips = [round(w * TWIPS_PER_CM) for w in widths_cm]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    props = (
        '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr>'
    )
    lines = []
    if headings is not None:
        header = [_cell(h, bold=True) for h in headings]
        lines.append(_table_row(header, twips, header_row=True))
    lines.extend(_table_row(list(r), twips) for r in rows)
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(lines)}</w:tbl>"


def _table_row(contents: list[str], twips: list[int], header_row: bool = False) -> str:
    props = "<w:trPr><w:tblHeader/></w:trPr>" if header_row else ""
    tcs = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{c or "<w:p/>"}</w:tc>'
        for c, w in zip(contents, twips, strict=False)
    )
    return f"<w:tr>{props}{tcs}</w:tr>"


def _sign_lines() -> str:
    """评估人 / 审核人 / 日期, each followed by an underlined blank to write on."""
    runs = []
    for n, name in enumerate(model.SIGN_LINES):
        runs.append(_run(("\u3000" * 3 if n else "") + f"{name}：", half_points=24))
        runs.append(_run(BLANK, half_points=24, underline=True))
    return f"<w:p>{''.join(runs)}</w:p>"


def _package(title: str, parts: list[str]) -> bytes:
    """The package: the prepared template's parts as they are, its document.xml with this body."""
    template = _template(title)
    document = template["word/document.xml"]
    at = document.index(b"<w:sectPr")
    body = "".join(parts).encode("utf-8", "replace")  # a lone surrogate would not be XML
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in template.items():
            archive.writestr(name, document[:at] + body + document[at:] if name == "word/document.xml" else data)
    return out.getvalue()


@lru_cache(maxsize=4)
def _template(title: str) -> dict[str, bytes]:
    """python-docx's default document set up once per title: landscape A4, 仿宋 body, no paragraphs."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    word = docx.Document()
    word.core_properties.title = title
    word.core_properties.author = "jianfu"
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    normal = word.styles["Normal"]
    normal.font.size = Pt(10.5)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(key), BODY_FONT)
    _page_numbers(section.footer.paragraphs[0])
    body = word.element.body
    for empty in list(body.iterchildren(qn("w:p"))):
        body.remove(empty)
    saved = BytesIO()
    word.save(saved)
    with zipfile.ZipFile(saved) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _page_numbers(paragraph) -> None:  # type: ignore[no-untyped-def]
    """第 N 页 共 M 页, centred in the footer: a form of several pages is filed and signed as one."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    runs = "".join(
        (
            _run("第 ", half_points=18),
            _field("PAGE"),
            _run(" 页 共 ", half_points=18),
            _field("NUMPAGES"),
            _run(" 页", half_points=18),
        )
    )
    for run in list(parse_xml(f'<w:p xmlns:w="{_W}">{runs}</w:p>')):
        paragraph._p.append(run)


def _field(code: str) -> str:
    """A field Word and LibreOffice compute when they lay the pages out (PAGE, NUMPAGES)."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
