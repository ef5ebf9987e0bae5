"""What kind of deployment a draft is, from its title (第2条's length limits depend on it)."""

from __future__ import annotations

from jianfu.lazyre import lazy

# 部署综合性工作: no length limit.
_COMPREHENSIVE = lazy(
    r"工作要点|政府工作报告|工作报告|全会|年度工作|综合性|国民经济和社会发展|五年规划|规划纲要|总体规划"
)
# 部署专项工作或者具体任务: 4,000 字.
_SPECIAL = lazy(r"专项|专题|行动|实施方案|工作方案|活动|攻坚|整治|检查|排查|做好[^的]{0,20}工作|开展")

NAMES = {"general": "一般文件", "special": "专项工作文件", "comprehensive": "综合性工作文件"}


def detect(title: str) -> str:
    if _COMPREHENSIVE.search(title):
        return "comprehensive"
    if _SPECIAL.search(title):
        return "special"
    return "general"
