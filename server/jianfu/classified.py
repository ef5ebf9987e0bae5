"""密级 marks (秘密/机密/绝密, 内部资料, 内部★) at the head of a draft.

A classified draft is checked like any other on the user's own machine; a service reachable by
others (an intranet host) refuses it unless its administrator allows it. Only the mark's own
line counts: a title such as 关于做好国家秘密定密工作的通知 is not a mark.
"""

from __future__ import annotations

import re

HEAD_LINES = 6  # 份号, 密级和保密期限, 紧急程度 come before the 发文机关标志
_MARK = re.compile(
    r"(?:密级\s*[:：]?\s*)?(?P<mark>绝密|机密|秘密|内部资料|内部(?=\s*★))\s*(?:★\s*\S{0,12})?"
    r"(?:\s+(?:特急|加急|平急|特提|急件))?"
)


def classified_mark(text: str) -> str | None:
    """The 密级 mark a draft's first lines carry (e.g. "机密"), or None."""
    lines = [line.strip() for line in text[:2000].splitlines() if line.strip()]
    for line in lines[:HEAD_LINES]:
        for part in re.split(r"[\s\u3000]{2,}|\t", line):  # 份号 and 密级 may share a line
            match = _MARK.fullmatch(part.strip())
            if match:
                mark = match.group("mark")
                return "内部★" if mark == "内部" else mark
    return None
