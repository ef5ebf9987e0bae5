"""Who writes to whom: the 文种, 主送机关, 发文机关 and 行文方向, and the rules that stand down for 上行文."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from jianfu.analysis import direction
from jianfu.engine import Checker
from jianfu.rules import load_rules
from jianfu.settings import Settings, SettingsError, from_mapping, load_file
from jianfu.text.structure import parse

REPO = Path(__file__).resolve().parents[1]
RULES, _ = load_rules()

# The same demands on the townships, once reported upwards and once sent down.
DEMANDS = (
    "    今年以来，我局要求各乡镇于每月5日前将人居环境整治工作落实情况报送县农业农村局，并实行“一票否决”。\n"
    "    下一步，各乡镇要签订目标责任书，确保年底前全部达标。\n"
)
REPORT = f"县农业农村局关于人居环境整治工作情况的报告\n\n县委、县政府：\n{DEMANDS}    特此报告。\n\n县农业农村局\n2025年6月30日\n"
NOTICE = (
    f"县农业农村局关于加强人居环境整治工作的通知\n\n各乡镇，县直有关单位：\n{DEMANDS}\n县农业农村局\n2025年6月30日\n"
)


def read(text: str, setting: str = "auto") -> direction.Addressing:
    return direction.read(parse(text), setting)


@pytest.mark.parametrize(
    ("text", "expected", "source"),
    [
        (
            "县教育局关于申请校舍维修资金的请示\n\n县人民政府：\n    拟申请资金200万元。\n    妥否，请批示。\n",
            "上行文",
            "文种",
        ),
        (REPORT, "上行文", "文种"),
        ("关于商请支持乡村教师培训的函\n\n县财政局：\n    请予支持为盼。\n", "平行文", "文种"),
        ("关于商请支持乡村教师培训的复函\n\n县财政局：\n    同意。\n", "平行文", "文种"),
        # a 函 to the departments of one's own level goes to peers; to every township it goes down
        ("关于征求意见的函\n\n县直各部门，县乡村振兴领导小组各成员单位：\n    请于5月底前反馈。\n", "平行文", "文种"),
        # a 函 to every township goes down
        ("关于征求意见的函\n\n各乡镇人民政府：\n    请于5月底前反馈。\n", "下行文", "主送机关"),
        (NOTICE, "下行文", "主送机关"),
        # no title: the addressee is a superior
        ("市委、市政府：\n    现将我县基层减负工作开展情况汇报如下。\n    一、压减文件会议。\n", "上行文", "主送机关"),
        ("关于进一步做好基层减负工作的意见\n\n县委、县政府：\n    建议压减督查检查事项。\n", "上行文", "主送机关"),
        # a notice is sent down whoever is named
        ("关于召开会议的通知\n\n县委办公室：\n    定于5月6日召开会议。\n", "下行文", "文种"),
        # nothing tells: read as a 下行文, the documents the regulation is about
        ("    各乡镇要签订目标责任书。\n    确保年底前全部达标。\n", "下行文", "默认"),
        # a passage without its title: the closing formula of a 请示
        ("    为做好防汛工作，拟采购应急物资一批，所需资金30万元。\n    妥否，请批示。\n", "上行文", "结束语"),
        # 政府工作报告 is a speech to the congress, not a report to a superior
        ("2025年某某县政府工作报告\n\n各位代表：\n    各乡镇要签订责任书。\n", "下行文", "主送机关"),
        # traditional characters and half-width punctuation
        ("關於申請防汛資金的請示\n\n縣人民政府:\n    妥否,請批示。\n", "上行文", "文种"),
    ],
)
def test_direction_is_read_from_title_addressee_and_closing(text: str, expected: str, source: str) -> None:
    found = read(text)
    assert (found.direction, found.source) == (expected, source), found


def test_a_setting_overrides_the_reading() -> None:
    found = read(NOTICE, "上行文")
    assert (found.direction, found.source) == ("上行文", "设置")
    assert found.genre == "通知"  # the facts are still read
    assert found.describe() == "上行文（依据：jianfu.toml 设置）"


def test_genre_addressee_and_issuers_are_read() -> None:
    found = read(REPORT)
    assert found.genre == "报告"
    assert found.addressee == "县委、县政府"
    assert found.issuers == ("县农业农村局",)
    assert found.describe() == "上行文（依据：文种“报告”）"
    document = parse(REPORT)
    assert found.addressee_span and document.text[slice(*found.addressee_span)] == "县委、县政府"
    assert found.issuer_span and document.text[slice(*found.issuer_span)] == "县农业农村局"


def test_joint_issuers_on_one_or_several_lines_and_from_the_title() -> None:
    two_lines = (
        "关于做好某项工作的通知\n\n各乡镇党委：\n    请抓好落实。\n\n中共某某县委组织部\n某某县民政局\n2025年3月2日\n"
    )
    assert read(two_lines).issuers == ("中共某某县委组织部", "某某县民政局")
    one_line = (
        "关于做好某项工作的通知\n\n各乡镇党委：\n    请抓好落实。\n\n县委办公室　县政府办公室\n二〇二五年三月二日\n"
    )
    assert read(one_line).issuers == ("县委办公室", "县政府办公室")
    titled = "县防汛抗旱指挥部关于做好汛期值班工作的通知\n\n各乡镇人民政府：\n    务必保证信息畅通。\n"
    found = read(titled)
    assert found.issuers == ("县防汛抗旱指挥部",)
    assert found.issuer_span and titled[slice(*found.issuer_span)] == "县防汛抗旱指挥部"
    # a document number before 关于 names no organ
    assert read("明政发〔2020〕30号关于做好某项工作的通知\n\n各村：\n    请落实。\n").issuers == ()


def _findings(text: str, **settings: str) -> set[str]:
    result = Checker(RULES, Settings(**settings)).check(parse(text))  # type: ignore[arg-type]
    return {f.rule for f in result.findings}


def test_demand_rules_stand_down_in_a_report_and_come_back_in_a_notice() -> None:
    sent_down = _findings(NOTICE)
    assert {"JF301", "JF303"} <= sent_down, sent_down  # 报送落实情况, 一票否决
    assert not {f for f in _findings(REPORT) if f != "JF101"}, "a report to the county imposes nothing"
    # the reader decides otherwise: the setting wins both ways
    assert {"JF301", "JF303"} <= _findings(REPORT, direction="下行文")
    assert not _findings(NOTICE, direction="上行文")


def test_rules_on_the_document_itself_still_apply_to_a_report() -> None:
    long_report = "关于某项工作情况的报告\n\n县委、县政府：\n" + "    我县扎实推进各项工作，取得明显成效。\n" * 400
    result = Checker(RULES).check(parse(long_report))
    assert result.addressing is not None and result.addressing.direction == "上行文"
    assert "JF201" in {f.rule for f in result.findings}  # 篇幅 applies to every document


def test_a_rule_lists_the_directions_it_applies_to() -> None:
    by_id = {r.id: r for r in RULES}
    assert by_id["JF301"].directions == ("下行文",)  # phrase rules read demands on lower levels
    assert set(by_id["JF201"].directions) == set(by_id["JF205"].directions) == set(direction.DIRECTIONS)


def test_the_result_states_the_direction_used() -> None:
    result = Checker(RULES).check(parse(REPORT))
    assert result.addressing is not None
    assert (result.addressing.direction, result.addressing.source, result.addressing.genre) == (
        "上行文",
        "文种",
        "报告",
    )


def test_direction_setting_is_validated_and_read_from_jianfu_toml(tmp_path: Path) -> None:
    assert from_mapping({"direction": "平行文"}, source="客户端").direction == "平行文"
    with pytest.raises(SettingsError, match="上行文、平行文、下行文"):
        from_mapping({"direction": "upward"}, source="jianfu.toml")
    config = tmp_path / "jianfu.toml"
    config.write_text('direction = "上行文"\n', "utf-8")
    assert load_file(config).direction == "上行文"


# --- article 1 ------------------------------------------------------------------------------

LEADING_GROUP = "县乡村振兴领导小组办公室关于开展人居环境整治“百日攻坚”行动的通知\n\n{to}：\n    各乡镇要迅速组织开展“百日攻坚”行动，确保11月底前完成各项任务。\n\n县乡村振兴领导小组办公室\n2025年8月1日\n"


def test_article_1_a_leading_group_writing_to_township_committees() -> None:
    document = parse(LEADING_GROUP.format(to="各乡镇党委、政府"))
    findings = [f for f in Checker(RULES).check(document).findings if f.rule == "JF101"]
    assert len(findings) == 1
    assert document.text[findings[0].start : findings[0].end] == "各乡镇党委、政府"
    assert "县乡村振兴领导小组办公室" in findings[0].message


def test_article_1_the_same_group_writing_to_departments_of_its_own_level() -> None:
    document = parse(LEADING_GROUP.format(to="县乡村振兴领导小组各成员单位，县直有关部门"))
    assert "JF101" not in {f.rule for f in Checker(RULES).check(document).findings}


def test_article_1_division_of_tasks_is_noted_at_information_level() -> None:
    text = "关于印发《贯彻落实〈优化营商环境条例〉重点任务分工方案》的通知\n\n县直各部门：\n    请抓好落实。\n"
    findings = [f for f in Checker(RULES).check(parse(text)).findings if f.rule == "JF102"]
    assert [f.severity.value for f in findings] == ["info"]
    assert findings[0].clause == "严格控制临时性、配套类、分工类发文"


# --- the CLI --------------------------------------------------------------------------------


def jianfu(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "jianfu", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


def test_cli_reports_the_direction_and_a_request_stays_silent(tmp_path: Path) -> None:
    request = REPORT.replace("报告", "请示").replace("特此请示", "妥否，请批示")
    (tmp_path / "请示.txt").write_text(request, "utf-8")
    (tmp_path / "通知.txt").write_text(NOTICE, "utf-8")
    run = jianfu("check", "--format", "json", "请示.txt", "通知.txt", cwd=tmp_path)
    payload = json.loads(run.stdout)
    schema = json.loads((REPO / "server" / "jianfu" / "schemas" / "check-output.schema.json").read_text("utf-8"))
    jsonschema.validate(payload, schema)
    files = {Path(f["path"]).name: f for f in payload["files"]}
    assert files["请示.txt"]["addressing"] == {
        "direction": "上行文",
        "source": "文种",
        "description": "上行文（依据：文种“请示”）",
        "genre": "请示",
        "addressee": "县委、县政府",
        "issuers": ["县农业农村局"],
    }
    assert files["请示.txt"]["findings"] == []
    assert files["通知.txt"]["addressing"]["direction"] == "下行文"
    assert {"JF301", "JF303"} <= {f["rule"] for f in files["通知.txt"]["findings"]}
    assert run.returncode == 1  # the notice's warnings


def test_cli_direction_from_jianfu_toml(tmp_path: Path) -> None:
    (tmp_path / "jianfu.toml").write_text('direction = "上行文"\n', "utf-8")
    (tmp_path / "通知.txt").write_text(NOTICE, "utf-8")
    run = jianfu("check", "--format", "json", "通知.txt", cwd=tmp_path)
    (entry,) = json.loads(run.stdout)["files"]
    assert entry["addressing"]["direction"] == "上行文" and entry["addressing"]["source"] == "设置"
    assert entry["findings"] == [] and run.returncode == 0


def _stood_down_examples():  # type: ignore[no-untyped-def]
    for rule in RULES:
        for i, example in enumerate(rule.examples.passes):
            if "行文方向" in example.note:
                yield pytest.param(rule, example, id=f"{rule.id}-pass-{i}")


@pytest.mark.parametrize(("rule", "example"), list(_stood_down_examples()))
def test_a_pass_example_silenced_by_its_direction_is_flagged_as_a_downward_document(rule, example) -> None:  # type: ignore[no-untyped-def]
    """Pass examples noted 行文方向 stay silent because of the direction, not because the words miss."""
    assert direction.read(parse(example.text)).direction not in rule.directions, example.note
    settings = Settings(select=(rule.id,), direction="下行文")
    assert Checker([rule], settings).check(parse(example.text)).findings, example.text[:60]


def test_an_addressee_wrapped_over_two_lines() -> None:
    text = "关于做好某项工作的通知\n\n各乡镇党委、政府，县委各部门，县直各单位，\n驻县各单位：\n    各乡镇要认真落实。\n\n县农业农村局\n2025年1月1日\n"
    found = read(text)
    assert found.addressee == "各乡镇党委、政府，县委各部门，县直各单位，驻县各单位"
    assert (
        found.addressee_span
        and text[slice(*found.addressee_span)] == "各乡镇党委、政府，县委各部门，县直各单位，\n驻县各单位"
    )
    assert "JF101" in {f.rule for f in Checker(RULES).check(parse(text)).findings}


# --- heads pasted from a web page or an OA system ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "genre", "addressee", "issuers"),
    [
        # 版头, 发文字号, title, 主送
        (
            "某某县农业农村局文件\n某农发〔2025〕3号\n关于做好秸秆禁烧工作的通知\n各乡镇党委、政府：\n    各乡镇要严格落实禁烧责任。\n",
            "通知",
            "各乡镇党委、政府",
            ("某某县农业农村局",),
        ),
        # the issuer's name above the title, the number below it
        (
            "某某县青石乡人民政府\n关于印发《青石乡2026年防溺水工作实施方案》的通知\n青府发〔2026〕12号\n"
            "各村(居)委会,各乡属单位:\n    现将方案印发给你们。\n",
            "通知",
            "各村（居）委会，各乡属单位",
            ("某某县青石乡人民政府",),
        ),
        # the number first; a date in brackets under the title
        (
            "某政办发〔2026〕9号\n某某区人民政府办公室\n关于印发民生实事工作考核办法的通知\n（2026年3月2日）\n"
            "各街道办事处、东山镇人民政府：\n    现将办法印发给你们。\n",
            "通知",
            "各街道办事处、东山镇人民政府",
            ("某某区人民政府办公室",),
        ),
        # a body sentence ending with a colon is no addressee
        ("关于做好某项工作的通知\n某发〔2025〕1号\n现将有关事项通知如下：\n    一、加强领导。\n", "通知", "", ()),
    ],
)
def test_the_head_of_a_pasted_document(text: str, genre: str, addressee: str, issuers: tuple[str, ...]) -> None:
    found = read(text)
    assert (found.genre, found.addressee, found.issuers) == (genre, addressee, issuers)
    if found.addressee_span:
        assert parse(text).norm[slice(*found.addressee_span)] == addressee


def test_article_1_through_a_masthead_and_a_document_number() -> None:
    text = "某某县农业农村局文件\n某农发〔2025〕3号\n关于做好秸秆禁烧工作的通知\n各乡镇党委、政府：\n    各乡镇要严格落实禁烧责任。\n"
    findings = [f for f in Checker(RULES).check(parse(text)).findings if f.rule == "JF101"]
    assert [text[f.start : f.end] for f in findings] == ["各乡镇党委、政府"]
    # a 请示 under a masthead is still read as one
    request = "某某县农业农村局文件\n某农〔2025〕4号\n关于申请秸秆禁烧经费的请示\n县人民政府：\n    妥否，请批示。\n"
    assert read(request).direction == "上行文"
