"""What kind of document a draft is, read from its title (and, for a ranking notice, its body): the genre
changes what a sentence means.

- ``assessment``: a 考核办法 / 细则 / 评分表: its scored items are the criteria lower levels are judged by
  (points for 会议记录 or 照片 make 留痕 the standard; points for app 活跃度 are article 13-14).
- ``ranking``: a 通报 that ranks places or units: the ranking is itself the practice. A 通报, or a text opening
  "现将……考评情况通报如下", whose body ranks ("位列后三名", "第一名") is one whatever its title says.
- ``pledge``: a 责任书 / 承诺书 / 责任状: the template binds whoever signs it.
- ``notice``: any 通报.
- ``village``: a document whose title addresses or assesses the villages (村级工作考核细则): its scored items
  name no village, the title does.
- ``petition``: a document about petition work (信访工作目标考核办法): the ranks and bonuses in its scoring lines
  are petition rankings even where a line does not say 信访.
- ``attainment``: a star rating, acceptance standard or 达标/创建 campaign whose title names villages, schools or
  their stations (农家书屋星级评定办法, 村级综治中心规范化建设验收标准): its measurable criteria are the grade
  they must reach.
- ``enterprise``: a document whose title is about enterprises (企业……评分细则): its scored items bind firms.
- ``app``: a document whose title or body names a government app, mini-program or account (“××通”APP,
  小程序, 公众号): it names the app once, and its later lines speak of 注册率, 推广完成情况, 签到情况
  without naming it again.
"""

from __future__ import annotations

import threading
import weakref

from jianfu.lazyre import lazy
from jianfu.model import Document
from jianfu.text.lines import LineCache, lines_of

_GENRES = (
    (
        "assessment",
        lazy(
            "考核|考评|评分|计分|评价(?:实施)?(?:办法|细则|标准|方案)|评比|量化|积分|督查(?:实施)?(?:办法|细则)|评估(?:实施)?(?:办法|细则|标准)|"
            # a rating scheme or a table of points: "文明城市测评体系", "文明县（市、区）分值"
            "测评(?:实施)?(?:办法|细则|标准|体系|方案)|分值"
        ),
    ),
    # a notice of the results of assessing or inspecting lower levels ranks them too:
    # "关于5月份环境卫生考评情况的通报", "关于重点工作周评比结果的通报"
    (
        "ranking",
        lazy(
            "排名|排序|名次|红黑榜|后[三五十]名|前[三五十]名|末位|靠后|挂黄牌|"
            "(?:考核|考评|评比|测评|暗访|督查|检查)[^。，]{0,6}(?:结果|情况|成绩)[^。，]{0,4}通报"
        ),
    ),
    ("pledge", lazy("责任书|承诺书|责任状|保证书")),
    # addressed to or assessing the villages: in its scoring table "成立领导小组，得2分" is demanded of them
    ("village", lazy("村级|村（社区）|村（居）|各村|对村|村居|村“两委”|村两委|行政村")),
    ("notice", lazy("通报")),
    # a star rating, an acceptance standard or a campaign for villages, schools or their stations:
    # its criteria lines ("面积不少于40平方米", "藏书生均不少于30册") are the standard they must reach
    (
        "attainment",
        lazy(
            "(?=.*(?:达标|星级|评星|晋星|定级|等级评定|评定(?:办法|标准|方案|细则|工作)|验收(?:标准|办法|细则)|创建(?:活动|工作)))"
            "(?=.*(?:村|社区|乡镇|街道|学校|校园|中小学|幼儿园|书屋|站|党组织|党支部|支部))"
        ),
    ),
    # about petition work (信访工作考核办法, 信访维稳责任书): its scores and ranks are judged by petitions
    ("petition", lazy("信访|上访|维稳")),
    # a notice calling a meeting: its list of 参会人员 names who must come, no verb needed (a 会议纪要 records
    # who came)
    ("meeting", lazy("^(?!.*纪要).*?(?:召开|会议|大会|现场会|推进会|观摩会|座谈会|视频会|培训班)")),
    # a document whose subject is enterprises (企业安全生产标准化评分细则): its scored items bind firms, not
    # the lower levels of government
    ("enterprise", lazy("企业|公司|生产经营单位")),
)
# every genre a rule may name (frames' ``genre`` / ``not_genre``): those read from the title, an app, a contest
NAMES = frozenset(name for name, _ in _GENRES) | {"app", "contest"}
_RANKING_NOTICE = lazy("通报|情况|得分")
# a results notice whose title was lost (pasted from a web page): its opening and its rank lines
# (a progress notice ranks too: "现将2020年一季度推广使用情况通报如下……在全区同级单位中排名靠后")
_RESULTS_OPENING = lazy(
    "现\\s*将[^。；]{0,40}(?:考核|考评|评比|测评|暗访|督查|检查|评估)[^。；]{0,10}(?:结果|情况|红黑榜|排名|名次)[^。；]{0,6}(?:通\\s*报\\s*如\\s*下|(?:进行|予以)通\\s*报)|"
    "现\\s*将[^。；]{0,40}(?:工作|推进|进展|进度|完成|开展|落实|使用|整改)[^。；]{0,6}(?:情况|结果|成绩|得分)[^。；]{0,6}(?:通\\s*报\\s*如\\s*下|(?:进行|予以)通\\s*报)"
)
_RANK_LINES = lazy(
    "排名|名次|第[一二三]名|末位|后[一二三四五六七八九十\\d]{1,2}[名位]|倒数|位列|黑榜|"
    # the places listed with their scores side by side: "城关镇96.5分，河口镇95.2分"
    "(?:镇|乡|街道|村|社区|县|区)\\s*(?:得\\s*分)?\\s*\\d{2,3}(?:\\.\\d+)?\\s*分[，,、；;]\\s*"
    "[\u4e00-\u9fff\\s]{1,12}?(?:镇|乡|街\\s*道|村|社\\s*区|县|区)\\s*(?:得\\s*分)?\\s*\\d{2,3}(?:\\.\\d+)?\\s*分"
)
_RUN_ON_TITLE = 24
# the points of a scoring table's items: "（5分）", "……，2分", "扣0.5分", "得10分", "不得分". A passage cut from an
# assessment without its title is one when several of its items carry points.
_SCORED_ITEM = lazy(
    "(?m)[（(]\\s*\\d{1,3}(?:\\.\\d+)?\\s*分\\s*[）)，,]|[，,、]\\s*\\d{1,3}(?:\\.\\d+)?\\s*分\\s*(?:[。；;]|$)|"
    "(?:扣|得|加|减|计|记)\\s*\\d{1,3}(?:\\.\\d+)?\\s*分|不得分|不计分|扣完为止"
)
_SCORED_ITEMS_FOR_ASSESSMENT = 3
# the results of a sports meet or a competition: athletes and entrants ranked, not lower levels
_CONTEST = lazy("运动会|锦标赛|联赛|选拔赛|比赛成绩|竞赛成绩|大赛|运动员|参赛选手|参赛队")
OPENING_REACH = 300  # characters of the body where a passage without its title says what it is about
# an app, a mini-program, an account or a named platform (“智慧党建”平台, “驻村通”手机端); kept within a
# line (no class takes in "\n"): it is searched line by line
_APP_NAMED = lazy(
    "APP|App(?![a-z])|(?<![A-Za-z])app(?![a-z])|小程序|客户端|公众号|视频号|学习强国|青年大学习|电子医保凭证|电子社保卡|"
    # (a qualifier of a few characters may stand between the name and 平台: “红色先锋”智慧党建平台)
    '[“"][^”"。；，\n]{1,12}[”"][\u4e00-\u9fff]{0,6}?(?:平台|系统|手机端|执法端|移动端|APP|App|小程序|公众号)|'
    '[“"][^”"。；，\n]{0,8}(?:通|钉|在线)[”"]'
)

_APP_IN_LINE = LineCache(lambda line: _APP_NAMED.search(line) is not None)

_last = threading.local()  # each thread's last document and its genres: a check asks more than once


def detect(document: Document) -> frozenset[str]:
    last = getattr(_last, "detected", None)
    if last is not None and last[0]() is document:
        return last[1]
    found = _detect(document)
    _last.detected = (weakref.ref(document), found)
    return found


def _detect(document: Document) -> frozenset[str]:
    title = document.title or _first_line(document)
    found = {name for name, pattern in _GENRES if pattern.search(title)}
    if "ranking" in found and not _RANKING_NOTICE.search(title):
        found.discard("ranking")
    # (read without the page numbers, hard wraps and stray spaces of a PDF: "通报\n— 2 —\n如下")
    body = _squeezed(document.norm)
    if "assessment" not in found and _scored_items(document.norm) >= _SCORED_ITEMS_FOR_ASSESSMENT:
        found.add("assessment")
    if _RANK_LINES.search(body) and ("notice" in found or _RESULTS_OPENING.search(body)):
        # a 通报 whose body ranks ("……位列后三名") is a ranking notice whatever its title says
        found |= {"ranking", "notice"}
    # _APP_NAMED never reaches across a line break: searched line by line, each line's answer kept
    # (text/lines.py), a keystroke re-reads one line of the body
    if _APP_NAMED.search(title) or _APP_IN_LINE.any(lines_of(document.norm)):
        found.add("app")
    body_start, body_end = document.body_span
    if _CONTEST.search(title) or _CONTEST.search(document.norm, body_start, min(body_end, body_start + OPENING_REACH)):
        found.add("contest")
    return frozenset(found)


def _scored_items(norm: str) -> int:
    count = 0
    for _ in _SCORED_ITEM.finditer(norm):
        count += 1
        if count >= _SCORED_ITEMS_FOR_ASSESSMENT:
            break
    return count


_PAGE_NUMBER_LINE = lazy(r"(?m)^[ \t\r]*[—\-－–]*[ \t]*\d{1,3}[ \t]*[—\-－–]*[ \t\r]*$")
_WHITESPACE = lazy(r"\s+")


def _squeezed(norm: str) -> str:
    """The text without page-number lines and whitespace, for the body cues that a PDF's wraps would split."""
    return _WHITESPACE.sub("", _PAGE_NUMBER_LINE.sub("", norm))


def _first_line(document: Document) -> str:
    """A passage without a recognised title: its first line, when short, is read as one."""
    for p in document.paragraphs:
        line = document.norm[p.start : p.end].strip()
        if line:
            # a title run together with a table or the body ("……考核指标与评分标准(试行)考核项目……"):
            # its opening words still tell the genre
            return line if len(line) <= 60 else line[:_RUN_ON_TITLE]
    return ""
