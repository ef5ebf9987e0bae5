"""A quick fix writes its choice into jianfu.toml without disturbing what the user wrote there."""

from __future__ import annotations

import tomllib

from jianfu.lsp import tomledit

USER_FILE = """# 本单位的 jianfu 配置（请勿删除这一行注释）
[jianfu]
select   = ["JF3", "JF8"]   # 只查第3条和第8条
doc_type = "auto"

[jianfu.per_file_ignores]
"草稿/旧文.txt" = ["JF201"]  # 旧文不查篇幅
"""


def test_an_ignore_added_by_a_quick_fix_keeps_every_line_the_user_wrote() -> None:
    edited = tomledit.add_per_file_ignore(USER_FILE, "草稿/新文.txt", "JF309")
    for line in USER_FILE.splitlines():
        assert line in edited.splitlines(), line
    assert tomllib.loads(edited)["jianfu"]["per_file_ignores"]["草稿/新文.txt"] == ["JF309"]


def test_adding_the_same_choice_twice_changes_nothing() -> None:
    once = tomledit.add_ignored_finding(USER_FILE, "草稿/新文.txt", "JF309", "签订责任状")
    assert tomledit.add_ignored_finding(once, "草稿/新文.txt", "JF309", "签订责任状") == once
    assert USER_FILE.splitlines()[0] in once
