"""A finding's fingerprint survives edits elsewhere and width/space changes, and changes with its sentence."""

from __future__ import annotations

from jianfu.engine import Checker
from jianfu.fingerprint import fingerprint, normalise
from jianfu.fingerprint import sentence_of as fingerprint_sentence
from jianfu.text.readers import read_bytes

DRAFT = (
    "关于做好防汛工作的通知\n\n各乡镇人民政府：\n"
    "    一、各乡镇要高度重视防汛工作。\n"
    "    二、请各乡镇于每月底前将贯彻落实情况报送县应急局，并附工作台账。\n"
    "    三、各乡镇要与村签订防汛目标责任书。\n"
)


def prints(rules, text: str) -> dict[str, str]:
    document = read_bytes(text.encode("utf-8"), ".txt")
    return {f.rule: fingerprint(document, f) for f in Checker(rules).check(document).findings}


def test_edits_elsewhere_keep_the_fingerprint(rules) -> None:
    before = prints(rules, DRAFT)
    assert {"JF301", "JF309"} <= set(before)
    inserted = DRAFT.replace("    一、", "    为切实保障人民群众生命财产安全，现将有关事项通知如下。\n    一、")
    moved = prints(rules, inserted.replace("高度重视", "充分重视"))
    assert moved["JF301"] == before["JF301"] and moved["JF309"] == before["JF309"]


def test_width_and_spaces_do_not_matter(rules) -> None:
    before = prints(rules, DRAFT)
    pasted = DRAFT.replace("于每月底前将", "于每月底前 将").replace("，并附", ",并附")
    assert prints(rules, pasted)["JF301"] == before["JF301"]
    assert normalise("ＡＢ１２，贯彻 落实。") == normalise("ab12,贯彻落实.")


def test_a_changed_sentence_changes_it(rules) -> None:
    before = prints(rules, DRAFT)
    after = prints(rules, DRAFT.replace("县应急局", "县防汛办"))
    assert after["JF301"] != before["JF301"] and after["JF309"] == before["JF309"]
    assert before["JF301"].startswith("JF301:")


def test_a_rewrapped_text_draft_keeps_the_fingerprint(rules) -> None:
    """A text draft pasted from a PDF breaks sentences across lines; re-wrapped at another width, the
    finding's sentence and fingerprint stay the same."""
    sentence = "请各乡镇人民政府于每月底前将防汛工作贯彻落实情况报送县应急局，并附工作台账和影像资料。"
    head = "关于做好防汛工作的通知\n\n各乡镇人民政府：\n"
    narrow = head + "\n".join(sentence[i : i + 16] for i in range(0, len(sentence), 16)) + "\n"
    wide = head + "\n".join(sentence[i : i + 27] for i in range(0, len(sentence), 27)) + "\n"
    prints_of = [prints(rules, text) for text in (narrow, wide)]
    assert "JF301" in prints_of[0] and prints_of[0]["JF301"] == prints_of[1]["JF301"]
    document = read_bytes(narrow.encode("utf-8"), ".txt")
    assert any(document.continues)  # the draft is read as hard-wrapped
    finding = next(f for f in Checker(rules).check(document).findings if f.rule == "JF301")
    assert fingerprint_sentence(document, finding) == sentence
