"""The cue lists the mode reading (``mode.py``) searches around a match: negations and clean-ups,
sanctions, conditions, critiques, quotations. Data in the form of regular expressions, kept apart
from the logic that applies them; each list says why it holds what it holds."""

from __future__ import annotations

from jianfu.lazyre import lazy

# 整治 as a clean-up verb, not as part of the name of a task (环境整治、排查整治、整治工作) or a campaign
# someone joins (参与专项整治).
WORK_ZHENGZHI = (
    "(?<!环境)(?<!卫生)(?<!排查)(?<!综合)(?<!参与)(?<!参加)(?<!投入)(?<!参与专项)(?<!参加专项)(?<!投入专项)"
    "整治(?!工作|行动|任务|提升|成效|情况|进度|进展|考评|考核|评比|测评|督查|检查|验收|排名|资金|项目|领导小组|办公室|办|专班|前|后|中|期间|进行|开展|点|对象|重点|内容|效果|成果|区域|范围|清单|台账|力度|措施|方案|计划)"
    # one task in a list of tasks: "背街小巷保洁、占道经营整治、违章搭建拆除等工作"
    "(?![^。；，]{0,24}等(?:工作|任务|事项))"
)

# Cues before the match, in the same clause: the practice is being forbidden or removed.
# 不得低于/不得少于/不得超过 set a floor or a cap: a figure demanded, not a practice forbidden,
# and 不得分 (a scoring line: "资料不全的不得分") scores nothing, unlike 不得分解/分散/分配……
BOUND = "(?!低于|少于|小于|超过|高于|多于|晚于|迟于|短于|长于|分(?!解|散|配|包|摊|流|割|级|担|设|开|别|拆))"
NEGATION_BEFORE = lazy(
    f"不得{BOUND}|不能{BOUND}|严禁|禁止|不准|不允许|不再|不搞|不予(?!计分|得分)|一律不|原则上不(?!超过|少于|低于|高于)|一般不(?!超过|少于|低于|高于)|"
    "不要求|不宜|不应|不必|无需|无须|不需要|不鼓励|不提倡|"
    "杜绝|防止|避免|取消|清理|严控|从严管理|严格管理|规范管理|严格控制|减少|压减|压缩|精简|"
    # 整治 cleans a practice up, but 人居环境整治工作 / 隐患排查整治 / 综合整治行动 name a task
    f"{WORK_ZHENGZHI}|纠治|纠正|叫停|停止|"
    "废止|摒弃|反对|克服|力戒|破除|删除|删去|"
    # a report that something was never done ("我县今年未对乡镇开展排名通报"); a bare 未 is a condition (未完成的扣分)
    "(?:今年|全年|去年|年内|从|均|尚|一直)未|未(?:要求|向|对|下达|设置|实行|搞|再|曾)|撤销|撤除|"
    # 规范 cleans a practice up ("规范创建示范活动"), except where it says how to do it ("规范开展")
    # or names a grade ("引领型、规范型、提升型三个档次"); as a verb it takes an object after it: a scored
    # line's "台账规范（2分）", "记录规范、真实" says how the papers are
    '严格规范|规范(?!的|化|型|开展|实施|有序|运行|运作|设立|设置|建立|成立|组建|签订|组织|推进|建设|填报|报送|上墙)(?=[\u4e00-\u9fff“"《])|'
    "不对|不把|不以|不将|不作|不列入|不纳入|不开展|不进行|不召开|不安排|不设|不提|不层层|未经[^，。；]{0,20}不|"
    # a bare 不 before a verb, except words where 不 does not negate the act:
    # 不断/不仅/不少/不同/不足/不定期/不论/不管/不但/不久/不利/不良/不够/不满/不超过/不低于…,
    # descriptive 不力/不到位/不合格/不达标/不及时/不规范/不全/不具体/不准确/不按时…, emphatic 不折不扣/不遗余力/不动摇/不松懈…
    "不(?!发生|出事|出现|[得能断仅少同足定论管但久利良够满超低高过是再止力合达及完健充平协明畅扎深彻一匹清适符稳容懈忘遗折移变"
    "动松放含走留失乏计到严实落作扣齐全细具]|规范|准确|按时|按期|按要求|称职|胜任|予计分|予得分|可移动|可抗力|可再生|可或缺|可替代|可忽视|可分割|可逆)"
)
# Cues right after the match, in the same clause: "……等做法一律取消".
NEGATION_AFTER = lazy(
    "^[^，。；！？]{0,16}?(?:一律|坚决|要|应|必须|均|一概|予以|逐步)?"
    f"(?:取消(?![^，。；！？]{{0,8}}(?:资格|称号|荣誉|奖励))|杜绝|清理|纠正|叫停|禁止|不得{BOUND}|严禁|废止|停止|摒弃|压减|精简|清理规范|删除|不再执行|"
    # cut back, counted: "居委会开具的证明从百余项减少至4项", "会议减半"
    "(?:大幅)?减少(?:至|到|为|了)|减至|减半|压缩(?:至|到|了)|精简(?:至|到|了)|"
    f"{WORK_ZHENGZHI})"
)
# Later in the sentence: "……等事项，原则上不作具体要求" / "……活动，除法律法规规定外一律取消。"
NEGATION_LATER = lazy(
    "(?:不|不得|不再|不宜|一般不|原则上不)(?:提出|作出|作|做|提|再提)(?:具体|硬性|统一)?要求|"
    "(?:一律|全部|坚决|予以|均予|逐步|自行|统一|均已|已经?|已全部)(?:取消|清理|废止|叫停|撤销|停止|删除|删去)[。；！？]?$|"
    "(?:一律|全部|均)(?:不得|不再)(?:开展|保留|设置|实行|执行|要求)|"
    # "……创建示范项目，以批准保留的项目为准，不得自行增设。"
    "不得(?:自行|擅自|随意|另行)(?:增设|新增|新设|设立|设置|开展|组织|扩大)[^，。；]{0,6}[。；！？]?$"
)
# A sanction is the demand itself ("…的，一律不得评先评优"), not a ban on the practice: masked
# before the negation cues are searched.
SANCTION = lazy(
    "(?:一律|均|当年|年度考核)?(?:不得|不予|不能)(?:参加|参与|申报)?(?:当年|年度|年终)?(?:评先评优|评优评先|评先选优|评优|评先|"
    "评为|评定为|确定为|推荐|提拔|晋升|表彰|授予|列为|享受)|取消[^，。；]{0,18}(?:资格|称号|荣誉)|"
    # "……的乡镇，不得参加年度综合考评先进等次评定"
    "(?:一律|均|当年)?(?:不得|不予|不能)(?:参加|参与|申报)[^，。；]{0,8}?(?:先进|优秀|评先|评优)"
)
# A clean-up named as the topic of the work ("将专项整治工作开展情况报送…"): a noun, not a cue.
# 清理 as one physical task in a list ("负责登记、清理和拆解", "除治清理和检疫执法") is work, not a clean-up.
TOPIC = lazy(
    # the name of a way to inspect: "四不两直" (不发通知、不打招呼…) negates nothing
    "四不两直|"
    "专项整治|整治(?=(?:工作|行动|任务|成效|进展|情况|责任)(?![群组]))|清理(?:规范|整顿)?(?=工作(?![群组号]))|"
    "清理(?=(?:和|、|及)(?!规范|整顿|精简|压减|取消|撤并|清退))"
)
# A condition "对……的" / "凡……的" names whom a demand targets: cues inside it do not negate
# or criticise ("对出现重大安全事故的单位实行一票否决", "对工作不力的…").
# and a bare condition opening a clause: "出现辍学学生未劝返的乡镇，年度考核实行一票否决"
CONDITION = lazy(
    "(?:对于|对|凡是|凡|如果|如|若|一旦)[^，。；：]{0,24}?的|"
    "(?:^|(?<=[，,；;]))\\s*(?:出现|发生)[^，。；：]{0,24}?的(?=[^，。；：]{0,8}[，,])|"
    # a case found or present, as the condition of a sanction: "将发现村内存在焚烧秸秆情形的，实行……",
    # "辖区内存在违规用地行为的，……" (a critique names the problem instead: "存在……的问题")
    "(?:^|(?<=[，,；;：:]))\\s*(?:将|对|凡)?[^，。；：]{0,12}?(?:发现|存在)[^，。；：]{0,40}?的(?=[，,])"
)
# What a condition may contain without negating: descriptive 不 and reporting verbs. Clean-up
# verbs stay cues even there ("对清理后保留的……事项，实行清单管理").
CONDITION_NEUTRAL = lazy(
    "出现|发现|存在|反映|发生|突出问题|典型问题|不(?![得准许再搞予宜应必要对把以将作列纳开进召安设提层])"
)

# The sentence reports or criticises the practice rather than demanding it.
CRITIQUE_BEFORE = lazy(
    "存在|出现|发现|反映|(?<!调)查处(?!工作|任务|职责|权|[、和及等])|曝光|纠治|通报了|通报称|问题线索|典型问题|突出问题|形式主义|官僚主义|为基层减负|"
    "过多过滥|泛化|滥用|随意|变相|动辄|频繁|层层加码|"
    # a report about some places: "有的地方…", "一些部门…", "个别单位仍…"
    "有的(?:地方|部门|单位|地区|乡镇|要求|把|将|让|甚至)|一些(?:地方|部门|单位|地区)|部分[^，。；]{0,4}?(?:地方|部门|单位|地区|乡镇)|经调查|经查|"
    "少数(?:地方|部门|单位)|个别(?:地方|部门|单位|地区|[县市区乡镇])|仍有|仍然有|有的(?:还|甚至)要求|有些(?:地方|部门|单位)?(?:还|甚至)?要求|"
    # a case in a disciplinary notice names the body it faults: "该局在部署……时，要求各村签订管护责任书"
    "该(?:局|县|镇|乡|区|街道|部门|委|办)(?=在|于|曾|先后|多次|违规|擅自|以|每|还|$)|违规(?:向|要求)|"
    # a demand from above named as the thing to report: "对于上级要求乡镇单独设立机构的，可向县减负办反映"
    "对于?上级(?:部门)?(?:擅自|随意)?要求|典型案例|案例[：:]|通报指出|"
    # a recollection of how things were: "过去，每天要在不同平台签到、答题"
    # (also inside a quoted recollection: "“最多的时候，县里把……列入考核")
    '(?:^|[，,：:“"])[\\s“"]*(?:过去|以往|从前|曾经|以前|那时|那时候|当时|最严重的时候|最多的时候|高峰时)[，,]'
)
# "报送工作进展情况、存在问题和下一步打算": the problems are one more item of a report, not a critique
# ("阶段性成效、存在的短板弱项、下一步打算", "将存在的问题和下步打算……报送")
REPORT_ITEM = lazy(
    "(?:[和及、与]|以及|(?<=[将把]))(?:存在|遇到|发现|面临)的?(?:主要|突出)?(?:困难和|困难、|困难)?"
    "(?:问题|短板|弱项|不足|差距)"
)
# Problems as the object of the work, not a critique: "对……存在的环境问题进行集中整治",
# "总结取得的成绩和存在的问题"
# and a finding as a step of the work ("发现隐患要督促整改到位", "发现问题及时上报")
PROBLEMS_AS_WORK = lazy(
    "存在的[^，。；]{0,8}?问题(?=[^，。；]{0,4}(?:进行|开展|实施)?(?:集中|专项)?(?:整治|整改|治理|排查|梳理))|"
    "发现一起[^，。；]{0,6}?(?:制止|查处|拆除|处置|整改)一起|"
    # a tally or condition of a sanction is part of the demand: "每发现一处……扣2分", "出现问题由……承担责任"
    "每(?:发现|出现|发生|查出)|"
    # (also without 的: "出现进京上访，一次扣10分")
    "(?:发现|出现|发生)(?=[^，。；]{0,20}?(?:的[，,]|[，,]?由|[，,])[^，。；]{0,12}?(?:扣|罚|追究|问责|承担|通报批评|约谈|一票否决))|"
    "发现(?:的)?[^，。；]{0,4}?(?:隐患|问题|火情|险情)(?=[^，。；]{0,3}(?:要|须|应|后|的)?[^，。；]{0,3}?(?:督促|及时|立即|限期|马上)?(?:整改|处置|报告|上报|制止|处理|交办|核查))|"
    + REPORT_ITEM.pattern
)
# (违法行为查处: the acts are the object of the work, not a critique of it)
CRITIQUE_AFTER = lazy(
    # (an item of a list of what is barred, its lead-in cut off: "……打卡签到、积分排名等强制性功能；")
    "^[^，。；！？]{0,12}?等?(?:问题|现象|乱象|顽疾|做法|倾向|负担|强制性(?:功能|要求)|行为(?![^，。；！？]{0,2}(?:查处|处罚|打击|整治)))(?![清单台账])"
)
# Later in the sentence: "……现象仍然突出", "……屡禁不止", "……加重了基层负担".
CRITIQUE_LATER = lazy(
    "(?:仍然|依然|仍|还|较为|比较|十分|较|尤为)(?:突出|严重|普遍|多发)|屡禁不止|禁而未绝|时有发生|反弹回潮|"
    # a case reported and already dealt with: "……属于典型的“留痕主义”，已责令整改"
    "属于典型的|已被(?:通报|问责|约谈|查处)|"
    "不同程度(?:地)?存在|(?:仍然|依然|仍|还)(?:存在|大量存在)|压力(?:很|较|过|太)大|"
    "属于[^，。；]{0,6}(?:形式主义|官僚主义|留痕主义|痕迹主义)|已(?:被)?责令(?:其)?(?:限期)?(?:整改|纠正)|"
    "(?:加重|增加|加大|成为)(?:了)?[^，。；]{0,8}(?:基层)?负担|负担(?:较重|过重|沉重|繁重)|疲于应付|苦不堪言|不堪重负"
)
# A quotation or citation of the rules themselves.
QUOTATION = lazy(
    "(?<!印发的)(?<!出台的)(?<!制定的)(?<!下发的)"
    # a local body's own document reported in the news: "县河长办印发《……通知》，明确将……纳入考核"
    "(?<!办印发)(?<!局印发)(?<!委印发)(?<!府印发)(?<!镇印发)(?<!街道印发)"
    "《[^》]{0,40}(?:规定|通知|意见|办法|条例|措施)》[^。；]{0,10}(?:指出|提出|明确|规定|要求|强调)|"
    "(?:规定|文件|通知|意见)(?:明确)?(?:指出|提出|强调)|根据[^。；]{0,30}规定|所称|是指|"
    # a complaint quoted in a report or commentary: 某乡镇干部曾自嘲：“……每天光是打卡签到……”
    '(?:自嘲|吐槽|抱怨|感叹|苦笑|无奈地说|坦言|诉苦)(?:道)?[：:，,]?\\s*[“"][^”"]*$'
)
# "根据《……通知》（……号）有关要求，现将……": the document names its basis and goes on to its own
# demand; only a clause that reports what another document says is a quotation.
# (also without the title marks when the source is named: "根据草原法、草原防火条例的相关规定，镇政府
# 同各村签订……"; a bare "根据有关规定，" still reports what the rules say)
BASIS = lazy(
    "(?:根据|按照|依据|遵照)[^《。；，]{0,8}《[^》]{0,60}》(?:[、和及与]《[^》]{0,60}》)*"
    "[^。；，]{0,24}?(?:要求|部署|精神|规定)[，,：:]|"
    "(?:根据|按照|依据|遵照)[^《》“”。；，,]{0,30}?(?:法|条例|办法|细则|意见|通知|文件|决定)[^《》“”。；，,]{0,6}?"
    "(?:的)?(?:有关|相关)?(?:要求|部署|精神|规定)[，,：:]"
)


# A bracketed detail inside a match: its words are an inventory, not cues.
BRACKETED = lazy("（[^（）]{1,80}）")
