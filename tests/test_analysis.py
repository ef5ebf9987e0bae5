"""The shared sentence analysis: punctuation normal form, jieba word boundaries, sentences, lexicons, frames, genre."""

from __future__ import annotations

from pathlib import Path

import pytest

from jianfu.analysis import genre, lexicons, segment
from jianfu.analysis.sentences import sentence_spans
from jianfu.kinds import frame
from jianfu.rules import RuleError, load_rules, parse_rule
from jianfu.text.normalize import normalize
from jianfu.text.structure import parse


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("各县(市、区)政府根据要求,随时报告", "各县（市、区）政府根据要求，随时报告"),
        ("党政主要领导(1000分)", "党政主要领导（1000分）"),
        ("(一)加强领导;二是:报送", "（一）加强领导；二是：报送"),
        ("9:00开会,(1)下午", "9:00开会，（1）下午"),
        ("3,000元", "3,000元"),
        ("Hello, world (x)", "Hello, world (x)"),
    ],
)
def test_ascii_punctuation_beside_chinese_reads_as_full_width(pasted: str, expected: str) -> None:
    assert normalize(pasted) == expected
    assert len(normalize(pasted)) == len(pasted)


@pytest.mark.parametrize(
    ("sentence", "verb_at"),
    [("于月底前报县委办公室", 4), ("每月5日前报镇党政办", 5), ("落实情况请于每月5日前报送市政府督查室", 11)],
)
def test_jieba_reads_bao_as_the_verb(sentence: str, verb_at: int) -> None:
    # jieba's own dictionary reads 前报 and 报镇 as words; the project dictionary leaves 报 on its own
    verbs = lexicons.compile_slot("@report_verbs").finditer(sentence, 0, len(sentence))
    assert [s for s, _ in verbs] == [verb_at], segment.words(sentence)


@pytest.mark.parametrize("sentence", ["市委办公室将及时通报各地情况", "请各乡镇向县委汇报", "收集社情民意情报"])
def test_bao_inside_another_word_is_not_the_report_verb(sentence: str) -> None:
    slot = lexicons.compile_slot("报")
    assert slot.finditer(sentence, 0, len(sentence)) == []


def test_sentences_end_at_marks_and_cell_gaps_not_at_commas() -> None:
    text = "组建机构。2分 各村居成立领导小组，未组建的不得分；以会议记录为准"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "组建机构。",
        "2分",
        "各村居成立领导小组，未组建的不得分；",
        "以会议记录为准",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("凡发生进京上访的村，采 取一票否决的办法", ["凡发生进京上访的村，采 取一票否决的办法"]),
        ("党建工作 30分 未开展的扣2分", ["党建工作", "30分", "未开展的扣2分"]),
        ("督查组  各乡镇", ["督查组", "各乡镇"]),
        ("都要关注“甲党建” 、“乙先锋”公众号", ["都要关注“甲党建” 、“乙先锋”公众号"]),
        ("（二）“五型”机关创建 (100分)", ["（二）“五型”机关创建 (100分)"]),
        ("主要内容： 各村成立工作站", ["主要内容： 各村成立工作站"]),
        ("机关创建 100分 未开展的扣2分", ["机关创建", "100分", "未开展的扣2分"]),
        # a figure set apart by a PDF stays in its sentence
        ("报酬达主任的 80%以上的计 2 分", ["报酬达主任的 80%以上的计 2 分"]),
        ("每低 1 个百分点扣 0.5 分。", ["每低 1 个百分点扣 0.5 分。"]),
    ],
)
def test_a_stray_space_inside_a_chinese_sentence_ends_nothing(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_a_longer_word_one_character_after_a_rejected_short_match_is_found() -> None:
    slot = lexicons.compile_slot("re:村委会|各村")
    text = "乡人民政府同各村委会签订责任书"
    assert [text[s:e] for s, e in slot.finditer(text, 0, len(text))] == ["村委会"]


def test_a_two_character_word_heading_a_glued_compound_is_found() -> None:
    # the dictionary glues 台账资料 (a lexicon entry): 台账 is its head, not a piece of another word
    segment.add_words(["台账资料"])
    slot = lexicons.compile_slot("台账")
    text = "保洁员不少于8人，有具体台账资料。"
    assert [text[s:e] for s, e in slot.finditer(text, 0, len(text))] == ["台账"], segment.words(text)
    # but a two-character word still must begin on a word boundary: 上报 in 向上报告 is no verb
    verb = lexicons.compile_slot("上报")
    other = "有关情况要及时向上报告"
    assert verb.finditer(other, 0, len(other)) == [], segment.words(other)


def test_unless_rules_out_near_the_match_not_across_a_run_on_sentence() -> None:
    (compiled,) = frame.compile_frames([{"match": ["各村", "负总责"], "unless": ["企业"]}])
    near = "各村对辖区企业安全负总责。"
    far = "企业要落实主体责任" + "，切实加强巡查防控排查隐患做好宣传" * 4 + "，各村对辖区防火负总责。"
    assert frame.hits(compiled, near, frozenset()) == []
    assert [far[s:e] for s, e in frame.hits(compiled, far, frozenset())] == ["各村对辖区防火负总责"]


def test_a_one_slot_frame_matching_twice_in_a_sentence_reports_both() -> None:
    (compiled,) = frame.compile_frames([{"match": ["re:层层(?:传导|夯实)"]}])
    text = "落实各村的属地责任，层层传导压力，层层夯实任务。"
    assert [text[s:e] for s, e in frame.hits(compiled, text, frozenset())] == ["层层传导", "层层夯实"]


def _rule(frames: list, flag: str = "各乡镇要按月上报工作进展情况。", passes: str = "天气很好。") -> dict:
    return {
        "id": "JF999",
        "title": "测试",
        "article": 3,
        "clause": "一般不提出报送贯彻落实情况、制定配套文件的要求",
        "kind": "phrase",
        "severity": "warning",
        "message": "“{match}”",
        "why": "测试",
        "suggestion": "测试",
        "examples": {"flag": [flag], "pass": [passes]},
        "frames": frames,
    }


def _hits(rule_data: dict, text: str, genres: frozenset[str] = frozenset()) -> list[str]:
    rule = parse_rule(rule_data, "测试.yaml")
    norm = normalize(text)
    return [text[s:e] for f in rule.params["frames"] for s, e in frame.hits(f, norm, genres)]


def test_a_frame_joins_object_and_verb_across_commas_within_its_gap() -> None:
    data = _rule([{"match": ["@report_objects", "@report_verbs"], "gap": 60, "needs": ["@demand_markers"]}])
    text = "并将落实情况形成书面材料,于7月17日下班前将纸质版(单位主要领导签字并加盖公章)和电子版一并报市政府督查室。"
    assert _hits(data, text) == [
        "落实情况形成书面材料,于7月17日下班前将纸质版(单位主要领导签字并加盖公章)和电子版一并报"
    ]
    data["frames"][0]["gap"] = 20
    assert _hits(data, text) == []


def test_a_frame_needs_every_needed_slot_and_stays_silent_on_unless_and_prohibitions() -> None:
    data = _rule([{"match": ["@report_objects", "@report_verbs"], "needs": ["@lower_levels"], "unless": ["整改"]}])
    assert _hits(data, "各乡镇要按月上报工作进展情况。") == []  # the verb comes first
    assert _hits(data, "工作进展情况要按月上报。") == []  # no lower level named
    assert _hits(data, "各乡镇工作进展情况要按月上报。") == ["工作进展情况要按月上报"]
    assert _hits(data, "各乡镇整改进展情况要按月上报。") == []
    assert _hits(data, "不得要求各乡镇将工作进展情况按月上报。") == []


def test_a_frame_limited_to_a_genre_reads_only_documents_of_it() -> None:
    data = _rule([{"match": ["会议记录|台账"], "needs": ["re:\\d+分"], "genre": "assessment"}])
    assert _hits(data, "查看会议记录，2分") == []
    assert _hits(data, "查看会议记录，2分", frozenset({"assessment"})) == ["会议记录"]


def test_frame_errors_name_the_key_and_the_problem() -> None:
    with pytest.raises(RuleError, match="frames.*没有名为“no_such_list”的词表"):
        parse_rule(_rule([{"match": ["@no_such_list"]}]), "测试.yaml")
    with pytest.raises(RuleError, match="frames.*gap"):
        parse_rule(_rule([{"match": ["报送"], "gap": -1}]), "测试.yaml")
    with pytest.raises(RuleError, match="frames.*不认识的键"):
        parse_rule(_rule([{"match": ["报送"], "slots": []}]), "测试.yaml")


def test_a_bad_lexicon_in_a_rules_folder_is_reported_and_the_rules_still_load(tmp_path: Path) -> None:
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "bad_list.yaml").write_text("name: bad_list\nwords: ['re:(']\n", "utf-8")
    rules, errors = load_rules(tmp_path)
    assert rules == [] and len(errors) == 1
    assert "bad_list.yaml" in str(errors[0]) and "正则表达式" in str(errors[0])


def test_every_bundled_lexicon_loads_and_is_used_by_some_rule() -> None:
    rules, errors = load_rules()
    assert not errors
    specs = [
        slot.spec for rule in rules for f in rule.params.get("frames", ()) for slot in f.slots + f.needs + f.unless
    ]
    specs += [rule.params["formulas_spec"] for rule in rules if rule.kind == "copy"]
    used = {part[1:] for spec in specs for part in spec.split("|") if part.startswith("@")}
    names = {lex.name for lex in lexicons.all_lexicons()}
    assert names and names <= used, names - used


def test_a_passage_cut_from_a_scoring_table_without_its_title_is_an_assessment() -> None:
    table = "（一）组织领导（10分）\n1.召开专题会议研究部署，3分\n2.签订责任书，未签订的扣2分\n"
    assert "assessment" in genre.detect(parse(table))
    # one deduction named in a notice does not make it a scoring table
    notice = "各乡镇要按时完成任务。\n逾期未完成的，年度考核扣2分。\n"
    assert "assessment" not in genre.detect(parse(notice))


def test_a_title_run_together_with_a_table_still_tells_the_genre() -> None:
    line = "中小学安全管理考核指标及评分标准（试行）考核项目工作要求计分方法" + "各校要建立安全工作制度。" * 5
    assert genre.detect(parse(line)) == {"assessment"}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2023年度乡镇综合考核评分细则", {"assessment"}),
        ("关于2022年8月份乡（镇）环境空气质量排名情况的通报", {"ranking", "notice"}),
        ("2026年乡镇移风易俗目标管理责任书", {"pledge"}),
        # a notice of assessment results ranks the assessed (its title says 考评, so it is read as assessment too)
        ("关于5月份环境卫生考评情况的通报", {"assessment", "ranking", "notice"}),
        ("关于安全生产大检查发现问题的通报", {"notice"}),
        ("关于做好防汛工作的通知", set()),
        # a star rating or a campaign for villages or schools: its criteria are the grade to reach
        ("全县农家书屋星级评定实施细则", {"attainment"}),
        ("关于开展“平安校园”创建活动的通知", {"attainment"}),
        ("村级便民服务站规范化建设验收标准", {"village", "attainment"}),
        # a campaign title that names no village or school is not one
        ("关于开展文明单位创建活动的通知", set()),
    ],
)
def test_genre_is_read_from_the_title(title: str, expected: set[str]) -> None:
    assert genre.detect(parse(f"{title}\n正文第一句。\n")) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("现将4月份督查考评情况通报如下：\n一、考评得分及排名\n第一名：东镇92分。\n", {"ranking", "notice"}),
        # the same opening without any rank is a plain notice of findings
        ("现将4月份督查情况通报如下：\n部分村垃圾清运不及时。\n", set()),
        # a red-and-black list names its black list, not a rank
        ("现将本期环境卫生督查“红黑榜”通报如下。\n一、“红榜”：甲村。\n二、“黑榜”：乙村。\n", {"ranking", "notice"}),
        # a progress notice that places the units is one too
        ("现将上半月征缴工作推进情况通报如下。\n甲镇完成率在全县排名靠后。\n", {"ranking", "notice"}),
        ("现将上半月征缴工作推进情况通报如下。\n部分村进度偏慢。\n", set()),
        # the places listed with their scores are ranked by them
        ("现将考评结果通报如下：\n东湖镇96.5分，西山乡95.2分，北河镇88分。\n", {"ranking", "notice"}),
        ("现将考评结果通报如下：\n全县平均得分91分，较上季度提高2分。\n", set()),
    ],
)
def test_a_results_notice_without_its_title_is_read_from_its_opening(body: str, expected: set[str]) -> None:
    text = "为推进垃圾治理，县领导小组办公室组织开展了一次全面督查。\n" + body
    assert genre.detect(parse(text)) == expected


def test_a_notice_whose_body_ranks_is_a_ranking_notice_whatever_its_title() -> None:
    text = "关于10月份防汛隐患整改进度的通报\n各街道办事处：\n东街道、西街道位列后两位，请于11月10日前作出说明。\n"
    assert genre.detect(parse(text)) == {"ranking", "notice"}


def test_a_huge_paragraph_is_read_but_not_kept_in_the_caches() -> None:
    sentence_spans.cache_clear()
    short = "各乡镇要按月上报工作进展情况。"
    huge = "各乡镇要按月上报工作进展情况。" * 400
    assert sentence_spans(short) and sentence_spans(huge)
    assert sentence_spans.cache_info().currsize == 1  # type: ignore[attr-defined]
    assert len(sentence_spans(huge)) == 400


def test_every_village_or_town_named_as_a_lower_level_is_a_grassroots_unit_too() -> None:
    # lexicon words join jieba's dictionary: 各村居 read as one word hides 各村 and 村居 inside it,
    # so a village word that only lower_levels lists would silently escape @grassroots_units
    grassroots = lexicons.compile_slot("@grassroots_units")
    missing = []
    for word in lexicons.get("lower_levels").words:
        if word.startswith("re:") or not any(k in word for k in ("村", "社区", "乡镇", "街道", "学校")):
            continue
        sentence = f"{word}要成立领导小组。"
        if not grassroots.finditer(sentence, 0, len(sentence)):
            missing.append(word)
    assert not missing, missing


def test_a_title_addressing_the_villages_is_read_as_the_village_genre() -> None:
    assert "village" in genre.detect(parse("某镇2025年度村级工作考核细则\n一、组织建设（20分）\n"))
    assert "village" not in genre.detect(parse("某县2025年度乡镇综合考核细则\n一、组织建设（20分）\n"))


def test_a_title_about_petition_work_is_read_as_the_petition_genre() -> None:
    assert "petition" in genre.detect(parse("某镇信访工作目标责任考核评分办法\n一、定量考核（80分）\n"))
    assert "petition" not in genre.detect(parse("某县乡镇综合考核细则\n一、组织建设（20分）\n"))


def test_a_document_naming_an_app_anywhere_is_read_as_the_app_genre() -> None:
    # the app is named once; the later lines speak of 注册率 and 推广完成情况 without naming it
    text = "各村（社区）：\n县里开发了“便民通”APP。\n二、推广完成情况纳入年度考核。\n"
    assert "app" in genre.detect(parse(text))
    assert "app" in genre.detect(parse("各乡镇：\n请引导群众关注“某某发布”公众号。\n"))
    assert "app" not in genre.detect(parse("各乡镇：\n推广完成情况纳入年度考核。\n"))
    # a bare quotation is no app: “两委”, “三会一课”
    assert "app" not in genre.detect(parse("各村要落实“三会一课”制度，“两委”成员带头参加。\n"))
    # a named learning platform is an app; a named station in the villages is not
    assert "app" in genre.detect(parse("各党支部：\n党员在“先锋e站”学习平台注册率达到95%。\n"))
    assert "app" not in genre.detect(parse("各乡镇：\n每个村建设1个“科普e站”。\n"))
    # a qualifier between the name and 平台 leaves it a platform
    assert "app" in genre.detect(parse("关于规范“红色先锋”智慧党建平台使用管理的通知\n各党支部：\n"))


def test_sentence_and_clause_bounds_are_the_marks_around_a_match() -> None:
    from jianfu.analysis import bounds as mode

    def walked(text: str, start: int, end: int) -> tuple[int, int, int, int]:  # the plain definition
        s = start
        while s > 0 and text[s - 1] not in mode.SENTENCE_END:
            s -= 1
        e = end
        while e < len(text) and text[e] not in mode.SENTENCE_END:
            e += 1
        cs, ce = start, end
        while cs > 0 and text[cs - 1] not in mode.CLAUSE_END:
            cs -= 1
        while ce < len(text) and text[ce] not in mode.CLAUSE_END:
            ce += 1
        return s, e + (e < len(text)), cs, ce

    text = "一、要求：各乡镇要于月底前报送，不得拖延。各村；请于5日前报县委办!完成\n下一行"
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            bounds = (
                *mode.sentence_bounds(text, start, end),
                mode.clause_start(text, start),
                mode.clause_end(text, end),
            )
            assert bounds == walked(text, start, end), (start, end)


def test_a_contest_s_results_are_read_as_such_from_the_title_or_the_opening() -> None:
    """Athletes and entrants ranked in a sports meet are no lower levels ranked (JF810 stands down)."""
    assert "contest" in genre.detect(parse("关于全县中小学生田径运动会成绩的通报\n各学校：\n现将成绩通报如下。\n"))
    assert "contest" in genre.detect(parse("各中小学校：\n全县第十届中小学生运动会已闭幕，现将比赛成绩通报如下：\n"))
    assert "contest" not in genre.detect(
        parse("关于2025年度乡镇综合考核结果的通报\n各乡镇：\n现将考核结果通报如下。\n")
    )


def test_sanction_conditions_are_part_of_the_demand() -> None:
    from jianfu.analysis.mode import mode

    def m(t: str, w: str) -> str:
        i = t.find(w)
        return mode(t, i, i + len(w))

    assert m("检查中每发现一处垃圾堆，扣该村考核分2分", "扣该村考核分2分") == "demand"
    assert m("巡查时每查出一户乱堆放，罚款50元", "罚款50元") == "demand"
    assert m("发生漏报的，由站长承担责任并通报", "承担责任") == "demand"
    assert m("对长期不上传台账的网格员，进行约谈", "不上传台账") == "demand"
    assert m("督查发现，部分乡镇每月排名通报", "排名通报") == "critique"
    assert m("不得搞排名通报", "排名通报") == "prohibition"
    # a case found or present, as the condition of a sanction, is not a report of problems
    assert m("巡查发现村内存在乱搭乱建情形的，实行“一票否决”", "实行“一票否决”") == "demand"
    assert m("辖区内存在违法占地行为的,取消该村评先评优资格", "取消该村评先评优资格") == "demand"
    assert m("修订考核办法：将发现辖区存在违规采砂情况的，实行“一票否决”", "实行“一票否决”") == "demand"
    assert m("部分乡镇存在对村实行“一票否决”的问题", "实行“一票否决”") == "critique"
    assert m("一些地方存在随意设置“一票否决”的，要坚决纠正", "“一票否决”") == "critique"
    # a recollection, quoted in a news report, tells how things were
    assert m("“最多的时候，县里把我们的排名列入考核”", "列入考核") == "critique"
    assert m("当时，县里要求各村每周上报排名", "每周上报排名") == "critique"
    # a descriptive 不 in the deduction line before (措施不具体扣1分) negates nothing after it
    assert m("措施不具体扣1分，每季度研究不少于1次，看会议记录", "看会议记录") == "demand"
    assert m("台账不规范的扣2分，每月上传照片", "每月上传照片") == "demand"


def test_a_slot_whose_expression_began_inside_the_previous_slot_is_looked_for_again_after_it() -> None:
    # "[一-龥]{1,6}?宣传站" first matches from 建立 on; the chain needs it after the verb
    slots = ["@village_units", "re:成立|设立|建立", "re:[\\u4e00-\\u9fff]{1,6}?(?:宣传站|工作站)"]
    (compiled,) = frame.compile_frames([{"match": slots, "gap": 16}])
    assert frame.hits(compiled, "各社区建立禁毒宣传站。", frozenset()) == [(0, 10)]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("有悬挂标识牌的办公室。（1分）\n实地查看。", "有悬挂标识牌的办公室。（1分）"),
        ("有悬挂标识牌的办公室。(1分)实地查看，没标牌不给分。", "有悬挂标识牌的办公室。(1分)"),
        ("有悬挂标识牌的办公室。\n（1分）", "有悬挂标识牌的办公室。\n"),
    ],
)
def test_an_items_points_after_its_full_stop_belong_to_it(text: str, first: str) -> None:
    from jianfu.analysis.sentences import sentence_spans

    start, end = sentence_spans(text)[0]
    assert text[start:end] == first
