"""Context suppression: a practice named in a prohibition, a quotation or a critique is not demanded.

Each sentence marks the matched practice with 【】, as a rule's pattern would highlight it.
"""

from __future__ import annotations

import pytest

from jianfu.analysis.mode import clause_end, clause_start, is_not_a_requirement, mode, reason, sentence_bounds
from jianfu.engine import Checker
from jianfu.settings import Settings
from tests.helpers import example_document


def _split(marked: str) -> tuple[str, int, int]:
    start = marked.index("【")
    end = marked.index("】") - 1
    return marked.replace("【", "").replace("】", ""), start, end


PROHIBITIONS = [
    # cut back and counted: a reduction reported is a clean-up
    "社区【开具的各类证明】从过去的百余项减少至4项。",
    "不得【以签订责任书】作为参加年度先进评选的条件。",
    "清理【要求村级每周报送工作进展情况（含照片）】的做法。",
    "集中整治【层层签订责任书】、随意一票否决等问题。",
    "规范【村级评比达标活动】，不得层层加码。",
    "二、严格规范【签订责任书】事项。",
    "全面清理和规范【村级组织挂牌】。",
    "开展专项整治：各单位不得【层层签订责任状】。",
    "各地不得【分解下达招商引资指标】。",
    "经县委常委会议研究，决定撤销县级层面设置的16项【“一票否决”】事项。",
    "本街道未向社区下达考核指标，【未要求社区签订责任书】。",
    "原《某县乡镇综合考核办法》同时废止，该办法中的【千分制考核方式】不再执行。",
    "新修订的考核办法删除了原有的【信访量排名】等内容。",
    "凡涉及要求基层【签订责任书】的条款，均已在合法性审查环节予以删除。",
    "我县今年未对乡镇【开展排名通报】。",
    "不得随意设置【“一票否决”】事项。",
    "除专门文件外，文件原则上不对机构编制、干部配备、工资福利待遇、创建示范、达标、“一票否决”和【签订责任状】等事项提出具体要求。",
    "对【机构编制】、干部配备等事项，原则上不作具体要求。",
    "各地不再另行制定【配套文件】，直接按照本方案组织实施。",
    "各类【达标创建活动】，除法律法规规定外，一律取消。",
    "对现有的【达标活动】进行清理，已经开展的期满后自行取消。",
    "严禁以【签订责任状】等方式向乡镇转嫁责任。",
    "坚决杜绝【层层签订责任书】。",
    "清理规范“一票否决”事项，除法律法规规定外【一票否决】一律取消。",
    "市县级党政机关和乡镇（街道）不开展【创建示范活动】。",
    "能够通过系统共享获取的数据，不再要求基层【报送落实情况】。",
    "严禁以下做法：【层层签订责任状】、随意设置“一票否决”。",
    "督查检查考核原则上【不召开动员会】。",
    "对清理后保留的“一票否决”和【签订责任状】事项，实行清单管理。",
    "大幅压减【创建示范活动】。",
    "防止【层层签订责任状】。",
    "未经批准不得【增加编制】。",
    "【一票否决】事项要严格控制，能取消的坚决取消。",
    "不可随意【实行一票否决】。",
    "规范【创建示范活动】，严控总量。",
    "【签订责任状】等做法一律取消。",
    "各地开展的【创建示范项目】，以国家和省级批准保留的项目为准，不得自行增设。",
    "坚决整治【层层陪会】。",
    "对【按月排名通报】进行专项整治。",
    "整治工作群过多过滥，不得要求【层层建群】。",
    "开展专项整治，清理【层层签订责任状】等做法。",
    "对【违规借调基层干部】开展专项整治。",
]

QUOTATIONS = [
    "本办法所称【“一票否决”】，是指按照党中央规定对考核对象直接评定为不合格等次的方式。",
    "《整治形式主义为基层减负若干规定》明确，文件一般不提出【报送贯彻落实情况】的要求。",
    "规定指出，要大幅减少【创建示范】和达标活动。",
    "根据有关规定，对发生重大安全事故的【实行一票否决】。",
    "按照《关于开展【达标创建活动】的通知》要求，组织自查。",
    "《若干规定》要求严格控制【签订责任状】事项。",
    # a title whose 》 was lost in pasting, followed by the next title
    "查看了《村（社区）组织活动场所【挂牌】指导目录《不应由村（社区）出具证明事项指导目录》落实情况。",
    # a complaint quoted in a report
    "某镇干部曾自嘲：“手机上装了七八个政务App，每天光【打卡签到】就得二十分钟。”",
]

CRITIQUES = [
    # an item of a list of what is barred, its lead-in cut off
    "（二）政务应用程序设置【打卡签到】、积分排名等强制性功能；",
    "一些乡镇存在短板弱项，仍【要求村级每周报送工作进展】。",
    "一些地方出现随意【实行一票否决】的情况。",
    "2024年1月至5月，该局【每月对各街道信访总量进行排名通报】，并对排名后三位的街道扣减年度考核分。",
    "调研发现，全县各部门向乡镇下达的“一票否决”事项多达19项；县直部门与乡镇【签订的各类责任书】达47份。",
    "有的部门把学习平台积分排名作为年终考核依据，有的要求网格员每天【上传几十张工作照片】。",
    "过去，手机里装了十几个APP，每天要在不同平台【签到】、答题、上传照片。",
    "通报指出，某县林业局要求各乡镇【每周上报护林工作照片】不少于20张，属于典型的“留痕主义”，已责令整改。",
    "督查中发现部分乡镇仍在要求村里【层层签订责任状】。",
    "通报指出，某县林业局要求各乡镇【每周上报护林工作照片】不少于20张。",
    "某局要求各村【每日上传巡查照片】，属于典型的“留痕主义”，已责令整改。",
    "市纪委监委通报3起典型案例：某区城管局【对街道实行按周排名】，已被严肃处理。",
    "对于上级要求乡镇【单独设立机构】、配备专职人员的，乡镇可向县减负办反映。",
    "据统计，全市乡镇平均每年【签订各类责任书】30余份，基层负担较重。",
    "有的地方存在随意设置【“一票否决”】等问题。",
    "有的要求网格员【每天上传工作照片】，干部疲于应付。",
    "二是个别县仍在开展以村为对象的【“星级达标村”评定】。",
    "2024年3月，该局在部署农田管护工作时，要求各村与乡镇【签订管护责任书】。",
    "2024年1月至5月，该局每月【对各街道信访总量进行排名通报】。",
    "过去，乡镇干部每天要在不同平台【签到打卡】。",
    "督查发现，部分县仍在要求乡镇【签订目标责任书】。",
    "一些部门【层层签订责任状】，向基层转嫁责任。",
    "【层层签订责任状】现象仍然突出。",
    "【达标评比】过多过滥的问题屡禁不止。",
    "查处了一批【违规开展创建示范活动】的典型问题。",
    "曝光了3起随意【实行一票否决】的典型问题。",
    "通报了部分地方【层层签订责任书】等问题。",
    "各类【创建示范活动】名目繁多等问题较为突出。",
    "【要求基层报送落实情况】加重了基层负担。",
    "个别单位仍把【签订责任书】作为推卸责任的手段。",
    "一些部门频繁要求乡镇【报送工作进展情况】和存在问题，基层疲于应付。",
]

REQUIREMENTS = [
    # the case that costs points, no 的 before the comma
    "出现进京上访，一次【扣10分】。",
    # 规范 as a verb cleans a practice up; after the papers it says how they are kept: a scored standard
    "3.换届选举按要求组织，【台账规范】（2分）。",
    # "四不两直" names a way to inspect; its 不 negates nothing
    "县考核办将适时组织开展“四不两直”【暗访】。",
    # a news report opens with 据了解 and goes on to the mechanism it reports: not the findings of an inquiry
    "据了解，各村河长每次巡河须通过APP【签到打卡】，巡河时长不少于30分钟。",
    # barred from the honours of the year: the sanction is the demand
    "发生进京非访的乡镇，【不得参加年度综合考评先进等次评定】。",
    # a bracketed inventory inside the match: 清理垃圾吨数 is a figure to report, no clean-up
    "请各村于每周五前【将本周清洁行动开展情况（包括出动人数、清理垃圾吨数）报镇农业农村办】。",
    # 整治点位、整治对象 name the work's objects, they clean nothing up
    "请各村于每周五前将本周清洁行动开展情况（含整治点位清单）【报镇农业农村办】。",
    # the shortcomings are one more item of the report demanded
    "要把阶段性成效、存在的短板弱项、下一步打算于7月15日前【形成贯彻落实情况书面报告】，报送市卫健委办公室。",
    "请将存在的不足和下步打算【于月底前报送县委办】。",
    # 规范型 names a grade, it cleans nothing up
    "分为【示范型、规范型、提升型三档，年底前分别达到15%、50%、85%】。",
    # a condition opening the clause without 对/凡: its 发生/出现 names whom the veto targets
    "发生安全生产责任事故的镇街，当年度综合考核【实行一票否决】。",
    "出现学生溺水死亡事件的学校，年度考核【实行一票否决】。",
    # 不称职/不胜任 is a grade, not a negation of the act
    "对工作严重失职的村，村干部年度考核【一律评定为不称职】。",
    "抽调人员人事关系不变、待遇不变，【借调期间不少于6个月】。",
    "对年度考核不合格的，取消该单位评优资格，并【实行一票否决】。",
    "近日，县农业农村局印发《关于推进数字乡村平台应用的通知》，明确将【平台登录天数纳入年度考核】。",
    "各乡镇须于过去一周的工作总结中【报送落实情况】。",
    "要【实行一票否决】，不得拖延。",
    "对发生重大安全事故的单位，年度考核【实行“一票否决”】。",
    "对出现重大安全事故的单位【实行一票否决】。",
    "对督查发现问题整改不到位的，【实行一票否决】。",
    "对落实不力的乡镇在年度考核中【实行一票否决】。",
    "对未完成任务的单位，一律不得评先评优，【实行否决】。",
    "各乡镇要不折不扣地【签订目标责任书】。",
    "各地要【层层签订责任状】，把任务落实到人。",
    "县政府与各乡镇【签订森林防火目标责任书】，年底逐一考核。",
    "各区县要于每季度末将【贯彻落实情况报送】市委办公室。",
    "各县（市、区）要结合实际【制定具体实施方案】，确保不打折扣。",
    "各乡镇要规范开展【达标创建活动】。",
    "各地要【设立专门机构】，配齐配强工作力量，坚持不懈抓好落实。",
    "对未【签订责任书】的单位，一律取消评优资格。",
    "对不【签订责任书】的乡镇，年度考核不得评为优秀。",
    "各地要坚定不移推进【文明城市创建工作】。",
    "各县要积极【争创省级示范县】，不断提升工作水平。",
    "各单位要在现有基础上【增加2名行政编制】，确保工作不断档。",
    "安全生产【实行一票否决】，确保不发生重大事故。",
    "对工作不到位、问题较多的单位【实行一票否决】。",
    "对在防火工作中存在突出问题的乡镇，【实行“一票否决”】。",
    # 不发生 inside a pledge's name is its target, not a negation
    "各街道要组织社区书记【签订“不发生重大火灾事故”承诺书】。",
    # 整治 as one task in a list, and 违法行为 as the object of enforcement
    "县城管局将背街小巷保洁、占道经营整治、违章搭建拆除等工作【整体移交街道负责】。",
    "各乡镇负责辖区内农药经营门店的【监督检查】和违法行为查处。",
    # the difficulties met are one more item of the report, not a critique
    "【落实过程中取得的经验做法】、存在的困难问题，请各乡镇于每月底前以书面形式报县政府办公室。",
    # 整治前后 is a time, 查处工作 a task handed down
    "请各村将整治前后【对比照片】整理成档案备查。",
    "区城管局将违规设置查处工作【下放至各街道】承担。",
    # 环境卫生整治 names the work inspected; 整治进行/开展 reads it as the topic, not a clean-up
    "镇里对各村环境卫生整治进行【两天一巡查】。",
    "县里对各乡镇环境卫生整治开展【每月一次专项督查】。",
    # a lead-in naming the work (环境卫生整治) is no clean-up before the colon
    "环境卫生整治“每日一报”：各村每日下午5时前将【整治前后对比照片报镇人居环境办】。",
    # 不可移动文物 is a kind of relic, not a ban
    "文物安全实行属地管理，各乡镇要对辖区内不可移动文物安全【负直接责任】。",
    # 调查处理 is no 查处 report; 清理 in a list of tasks is work; 发现隐患要整改 is a step of the work
    "县人社局将欠薪案件的前期调查处理工作【交由乡镇劳动保障所承担】。",
    "对辖区内的“三无”船舶，由【所在乡镇负责登记、清理和拆解】。",
    "乡镇要对辖区内自建房开展安全排查，发现隐患要督促整改到位，否则【追究乡镇责任】。",
    "要求各村对违法用地实行“零容忍”，发现一起、制止一起、拆除一起，【村集体承担拆除费用】。",
    "县城管局将占道经营查处、违法建设拆除等工作【交由所在乡镇承担】。",
    "对检查不合格的乡镇，【每月通报一次】，并责令限期整改。",
    # 不得分 is a scoring line (no points), not a ban
    "各单位年度考核需提交佐证材料，【无佐证材料的不予计分】。",
    "查看会议记录、签到表等佐证材料，【佐证材料不全的不得分】。",
    # a floor or a cap (不得低于) demands a figure
    "乡镇专职护林员【每月报酬不得低于1500元】。",
    "各乡镇专职统计人员【配备不得少于2名】。",
    # a sanction (取消……资格) is no clean-up cue
    "对发生重大环境污染事件的，【取消该乡镇当年评优评先资格】。",
    # the sanction may name several bearers before 资格
    "各村参保率低于95%的，【取消该村及村党组织书记当年评先评优资格】。",
    # the sanction's 取消 before the match and its 称号 inside it
    "对考核得分不达标的学校，一律取消【等级平安校园称号】。",
    # 整治 inside the name of a task does not clean the practice up
    "将农村人居环境整治工作【纳入乡村振兴实绩考核】。",
    "按照属地管理原则，【由各村（社区）负责】辖区内自建房安全排查整治。",
    "各村每周至少【上传3次环境整治工作照片】。",
    "各村要做到【制度规范上墙】。",
    # 规范 before the verb says how to do it
    "各村要依照统一式样规范建立【村级应急管理站】。",
    "建立规范的党员活动室、【组织生活记录本记录齐全】的，计4分。",
    "各村要【每日上报】环境卫生整治进展。",
    "现将各乡镇人居环境整治考评【排名情况通报】如下：",
    "从基层【借调干部】5名参与专项整治。",
    # 专项整治、整治工作 named as the topic of a report or a pledge are nouns, not clean-up cues
    "各乡镇要按月【上报整治工作开展情况】和相关数据。",
    "请各地将专项整治【工作推进情况报送】市委办公室。",
    "各乡镇要与各村【签订环境卫生整治责任书】。",
    # "存在问题" as one more item of the report is not a critique
    "各街道要定期向区委【报告推进落实情况】和存在问题。",
    "请于6月底前【报送工作进展情况】、存在的问题及下一步打算。",
    # problems as the object of the work
    "对污水处理厂存在的环境问题进行集中整治，并于6月底【报送阶段性报告】。",
    "认真总结取得的成绩和存在的问题，形成总结报告，【上报县领导小组办公室】。",
    # the document's basis ("根据《……》要求，") introduces its own demand
    "根据《关于做好某项工作的通知》要求，各乡镇要于每月5日前【报送工作进展情况】。",
    "按照《某市考核办法》（某办〔2024〕3号）有关要求，现将各乡镇【排名情况通报】如下：",
    "根据国家《森林法》、《森林防火条例》的有关规定，乡政府与各村委会【签订森林防火责任书】。",
    # (and without the title marks, pasted with a half-width comma)
    "根据草原法、草原防火条例的相关规定,镇政府与各村委会【签订草原防火责任书】。",
    # a news report of the issuer's own document: what it sets is the practice, not a quotation
    "市禁毒委员会日前印发的《“无毒害”社区创建活动办法》明确，将在全市【创建35个“无毒害”社区】。",
]


@pytest.mark.parametrize("marked", PROHIBITIONS)
def test_prohibition_is_not_a_requirement(marked: str) -> None:
    text, start, end = _split(marked)
    assert reason(text, start, end) == "prohibition", text


@pytest.mark.parametrize("marked", QUOTATIONS)
def test_quotation_is_not_a_requirement(marked: str) -> None:
    text, start, end = _split(marked)
    assert reason(text, start, end) in ("quotation", "prohibition"), text


@pytest.mark.parametrize("marked", CRITIQUES)
def test_critique_is_not_a_requirement(marked: str) -> None:
    text, start, end = _split(marked)
    assert is_not_a_requirement(text, start, end), text


@pytest.mark.parametrize("marked", REQUIREMENTS)
def test_requirement_stays_a_requirement(marked: str) -> None:
    text, start, end = _split(marked)
    assert reason(text, start, end) is None, text


def test_context_is_bounded_by_the_sentence() -> None:
    # A prohibition in the previous sentence does not excuse a demand in this one.
    text, start, end = _split("不得随意增加基层负担。各乡镇要【签订目标责任书】。")
    assert reason(text, start, end) is None
    # ...and a demand in the previous sentence does not turn a prohibition into one.
    text, start, end = _split("各地要抓好落实。严禁【层层签订责任状】。")
    assert reason(text, start, end) == "prohibition"


def test_bounds_helpers() -> None:
    text = "第一句。各地要制定方案，报市政府；第三句"
    i = text.index("制定")
    assert text[slice(*sentence_bounds(text, i, i + 2))] == "各地要制定方案，报市政府；"
    assert text[clause_start(text, i) : clause_end(text, i + 2)] == "各地要制定方案"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("不得隨意設置“一票否決”事項。", []),
        ("對未完成任務的單位，年度考核實行“一票否決”。", ["JF303"]),
        ("各地要層層簽訂責任狀。", ["JF309"]),
        ("嚴禁層層簽訂責任狀。", []),
    ],
)
def test_traditional_characters_go_through_the_normal_form(rules, sentence: str, expected: list[str]) -> None:
    result = Checker(rules, Settings()).check(example_document(sentence))
    assert [f.rule for f in result.findings] == expected


@pytest.mark.parametrize(
    "sentence",
    ["是否对乡镇实行“一票否决”？", "有没有要求各村签订责任书？"],
)
def test_a_self_check_question_asks_and_does_not_demand(sentence: str) -> None:
    start = sentence.index("一票否决") if "一票否决" in sentence else sentence.index("签订")
    assert mode(sentence, start, start + 4) == "question"


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("本局将【配备2名专职工作人员】负责热线交办件的统一受理，不再向乡镇安排专人。", "own"),
        ("为做好此项工作，我委已【设立专门工作专班】。", "own"),
        ("我镇现有工作人员2名，恳请县委编办【核增事业编制1名】。", "request"),
        ("经县委编委会议研究，同意设立县应急管理综合行政执法大队，【核定事业编制10名】。", "approval"),
        ("今年以来，我局共向市委【报送工作信息12期】，反映基层减负工作成效。", "own"),
        ("本局每季度向市局【报送一次工作进展】。", "own"),
        # an office named after the work (县整治办) is no clean-up of the practice
        ("各乡镇要将整治进展情况【于每月5日前报县整治办】。", "demand"),
        ("通报指出，某县要求各乡镇每周【上报工作照片】，属于典型的“留痕主义”，已责令整改。", "critique"),
        # an opening clause naming the aim; the demand, if any, follows the comma
        ("为进一步增强群众对【创建文明城市】的参与意识，县城管局开展集中宣传。", "purpose"),
        ("为创建全国文明城市，各乡镇要【开展创建活动】。", "demand"),
        ("为每个村【配备1名专职网格员】，县财政安排专项经费。", "demand"),
        # still demands: the lower levels are told, or the sanction is the demand
        ("我县各乡镇要【配备2名专职工作人员】。", "demand"),
        ("对台账资料不全的，责令限期整改，【每周上报工作照片】。", "demand"),
        ("本局要求各乡镇每季度向本局【报送一次工作进展】。", "demand"),
    ],
)
def test_own_work_requests_upward_and_approvals_are_not_demands(marked: str, expected: str) -> None:
    text, start, end = _split(marked)
    assert mode(text, start, end) == expected
