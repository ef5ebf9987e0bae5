"""Build examples/会议通知.docx (a draft with a table and a tracked deletion) with python-docx.

Run: python examples/make_docx.py. The .docx is committed so the README's first command needs no build step.
"""

from __future__ import annotations

import copy
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

OUT = Path(__file__).with_name("会议通知.docx")


def build(path: Path = OUT) -> Path:
    doc = Document()
    doc.add_paragraph("关于召开全市安全生产工作会议的通知")
    doc.add_paragraph("各县（市、区）人民政府，市政府各部门：")
    doc.add_paragraph("经市政府同意，定于2025年4月8日召开全市安全生产工作会议。现将有关事项通知如下。")
    doc.add_paragraph("一、会议时间和地点")
    doc.add_paragraph("会期2天，在市行政中心第一会议室召开。会议采用电视电话会议形式，直接开到乡镇（街道）。")
    doc.add_paragraph("二、参会人员")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "会场"
    table.cell(0, 1).text = "参会人员"
    table.cell(1, 0).text = "主会场"
    table.cell(1, 1).text = "各县（市、区）政府主要负责同志必须亲自参会。"
    tracked = doc.add_paragraph("三、会议议程")
    doc.add_paragraph("市政府主要负责同志讲话，时间约1.5小时。")
    # A tracked deletion: a reviewer removed an earlier demand; jianfu must not read deleted text.
    deleted = doc.add_paragraph("请各单位于会后一周内将贯彻落实情况报送市应急管理局。")
    run = deleted.runs[0]._r
    wdel = copy.deepcopy(run)
    for t in wdel.iter(qn("w:t")):
        t.tag = qn("w:delText")
    del_el = deleted._p.makeelement(qn("w:del"), {qn("w:id"): "1", qn("w:author"): "审核人", qn("w:date"): "2025-03-01T00:00:00Z"})
    del_el.append(wdel)
    deleted._p.replace(run, del_el)
    del tracked
    doc.add_paragraph("某某市人民政府办公室")
    doc.add_paragraph("2025年3月25日")
    doc.save(path)
    return path


if __name__ == "__main__":
    print(build())
