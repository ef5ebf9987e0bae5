"""Splitting a 公文 into its parts, and 字数 counted like WPS 文字."""

from __future__ import annotations

import pytest

from jianfu.analysis import direction
from jianfu.text.count import count_chars
from jianfu.text.structure import heading_level, parse

NOTICE = """关于进一步加强
基层减负工作的通知

各区县人民政府，市政府各部门：
    为深入贯彻落实有关要求，现就有关事项通知如下。
    一、总体要求
    （一）指导思想。以服务基层为导向。
    （二）基本原则。坚持问题导向。
    二、重点任务
    1.精简文件。各部门要严控发文。
    2．精简会议。会期半天。
    (1)控制规模。
    三、组织保障
    各地要明确责任分工。

附件：1.任务分工表
      2.联系人名单

                    某某市人民政府办公室
                    二〇二四年五月六日
"""


def test_parts_of_a_notice() -> None:
    doc = parse(NOTICE)
    part = lambda span: NOTICE[span[0] : span[1]] if span else None  # noqa: E731
    assert doc.title == "关于进一步加强基层减负工作的通知"
    assert part(doc.addressee_span) == "各区县人民政府，市政府各部门："
    assert part(doc.body_span).strip().startswith("为深入贯彻落实")
    assert part(doc.body_span).rstrip().endswith("各地要明确责任分工。")
    assert part(doc.attachment_span).startswith("附件：1.任务分工表")
    assert "某某市人民政府办公室" in part(doc.signature_span)
    assert "二〇二四年五月六日" in part(doc.signature_span)
    assert [(s.level, s.heading) for s in doc.sections] == [
        (1, "总体要求"),
        (2, "指导思想"),
        (2, "基本原则"),
        (1, "重点任务"),
        (3, "精简文件"),
        (3, "精简会议"),
        (4, "控制规模"),
        (1, "组织保障"),
    ]


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("一、总体要求", 1),
        ("十二、其他", 1),
        ("（三）主要任务", 2),
        ("(三)主要任务", 2),
        ("1.精简文件", 3),
        ("1、精简文件", 3),
        ("1．精简文件", None),  # full-width period: the normal form turns it into "." only inside parse
        ("（2）控制规模", 4),
        ("## 二、重点任务", 1),
        ("1.5天", None),
        ("各地要抓好落实。", None),
    ],
)
def test_heading_levels(line: str, level: int | None) -> None:
    found = heading_level(line)
    assert (found[0] if found else None) == level


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("减负", 2),
        ("减负，减负。", 6),
        ("GDP增长5.2%", 4),  # GDP, 增, 长, 5.2%
        ("hello world", 2),
        ("  \t\n", 0),
        ("𠮷野家", 3),
        ("（一）", 3),
        ("２０２４年", 5),  # full-width digits are full-width forms: one each
    ],
)
def test_count_chars_like_wps(text: str, count: int) -> None:
    assert count_chars(text) == count


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("某某市2025年工作要点", "comprehensive"),
        ("关于印发综合性工作安排的通知", "comprehensive"),
        # 综合行政执法、综合治理 name a field of work, not a comprehensive deployment
        ("关于深化乡镇（街道）综合行政执法改革的实施方案", "special"),
        ("关于加强社会治安综合治理的意见", "general"),
        ("关于召开全市安全生产工作会议的通知", "general"),
    ],
)
def test_doc_type_from_title(title: str, doc_type: str) -> None:
    from jianfu.doctype import detect

    assert detect(title) == doc_type


@pytest.mark.parametrize(
    "text",
    [
        "请各地于每季度末将贯彻落实情况报送市政府",  # a lone passage without a full stop
        "各地要层层签订责任状，把任务落实到人\n对发生事故的单位实行一票否决",  # commas: a sentence
        "各县（市、区）人民政府：\n请各地将贯彻落实情况报送市政府。",  # an addressee line opens the text
    ],
)
def test_passages_without_a_title_are_all_body(text: str) -> None:
    document = parse(text)
    assert document.title == "" and document.title_span is None
    first_sentence = document.paragraphs[0]
    assert document.body_span[0] <= first_sentence.start or document.addressee_span == (0, first_sentence.end)


def test_a_title_needs_a_body_after_it() -> None:
    assert parse("关于做好防汛工作的通知\n各单位要落实防汛责任。").title == "关于做好防汛工作的通知"


@pytest.mark.parametrize(
    "line",
    ["现将各乡镇考评排名情况通报如下：", "根据《某县考核办法》要求，现就有关事项通知如下："],
)
def test_a_line_that_opens_the_body_is_not_an_addressee(line: str) -> None:
    document = parse(f"关于某项工作的通报\n{line}\n一、排名情况\n")
    assert document.addressee_span is None
    assert document.body_span[0] <= document.text.index(line)


NOTICE_WITH_ANNEX = """关于印发某镇村级工作考核细则的通知

各村（社区）：
    现将《某镇村级工作考核细则》印发给你们，请认真贯彻执行。

附件：1.某镇村级工作考核细则
      2.评分表

                    某镇人民政府
                    2024年3月1日
附件1
某镇村级工作考核细则
    一、考核实行千分制，其中党建工作300分。
    二、考核结果与村干部报酬挂钩。
"""


def test_the_attachments_text_after_the_date_is_read_but_not_counted_as_body() -> None:
    doc = parse(NOTICE_WITH_ANNEX)
    part = lambda span: NOTICE_WITH_ANNEX[span[0] : span[1]] if span else None  # noqa: E731
    assert part(doc.body_span).strip() == "现将《某镇村级工作考核细则》印发给你们，请认真贯彻执行。"
    assert part(doc.annex_span).startswith("附件1\n某镇村级工作考核细则")
    assert part(doc.annex_span).rstrip().endswith("考核结果与村干部报酬挂钩。")
    assert doc.read_spans == (doc.body_span, doc.annex_span)
    assert doc.body_chars == count_chars("现将《某镇村级工作考核细则》印发给你们，请认真贯彻执行。")
    # a list and a signature with nothing after them: no attachment text to read
    assert parse(NOTICE).annex_span is None


def test_an_attachment_list_without_a_date_ends_where_the_text_begins() -> None:
    text = "关于某项工作的通知\n各乡镇：\n请认真执行。\n附件1:考核办法\n附件2:评分表\n一、考核对象\n各乡镇、园区。\n"
    doc = parse(text)
    assert text[doc.annex_span[0] :].startswith("一、考核对象")


@pytest.mark.parametrize(
    "head",
    [
        # 发文字号 and issuing organ above a title wrapped over three lines, "通 知" letter-spaced
        "某政办发〔2024〕12号\n某区政府办公室\n关于印发《某县河道保洁工作\n考核办法》的\n通 知\n",
        # 版头 and 发文字号 above a title wrapped over two lines
        "某区政府办公室文件\n某政办发[2024]12号\n某区政府办公室关于印发《某县河道保洁工作\n考核办法》的通知\n",
        # the 发文字号 and the date under the title
        "某区政府办公室关于印发《某县河道保洁工作考核办法》的通知\n某政办发〔2024〕12号\n（2024年3月1日）\n",
    ],
)
def test_a_title_copied_with_its_masthead_and_wrapped(head: str) -> None:
    document = parse(head + "各乡镇人民政府：\n现将考核办法印发给你们。\n")
    assert document.title.endswith("关于印发《某县河道保洁工作考核办法》的通知")
    assert document.title.startswith(("某区政府办公室", "关于"))
    addressee = document.addressee_span
    assert addressee and document.text[addressee[0] : addressee[1]] == "各乡镇人民政府："
    assert document.text[document.body_span[0] :].startswith("现将")
    assert document.body_chars == len("现将考核办法印发给你们。")


def test_a_flattened_table_is_not_read_as_a_wrapped_title() -> None:
    # (a first short line is still taken for a typed title; the cells below it stay in the body)
    document = parse("组建机构\n2分\n各村成立领导小组\n实施方案\n未组建的不得分。\n")
    assert "实施方案" not in document.title
    assert document.text[document.body_span[0] :].startswith("2分")


@pytest.mark.parametrize("chrome", ["29.12.2014  19:59", "发布时间：2024-05-01 09:30", "来源：县政府办公室"])
def test_the_addressee_after_a_web_pages_date_or_source_line(chrome: str) -> None:
    text = f"关于报送工作总结的函\n{chrome}\n各市文化和旅游局：\n请于12月31日前将工作总结报送我厅。\n"
    document = parse(text)
    assert document.text[slice(*document.addressee_span)] == "各市文化和旅游局："
    assert direction.read(document).direction == direction.DOWNWARD


def test_a_date_line_alone_is_no_reason_to_take_the_next_sentence_for_an_addressee() -> None:
    document = parse("关于做好防汛工作的通知\n2024-05-01\n现将有关事项通知如下：\n一、加强值守。\n")
    assert document.addressee_span is None
