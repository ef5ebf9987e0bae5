"""Realistic synthetic drafts for benchmarks: ordinary 公文 sentences with a few violations mixed in."""

from __future__ import annotations

import random

ORDINARY = [
    "各地区各部门要认真贯彻落实党中央、国务院决策部署，结合实际抓好落实。",
    "市财政局要加强资金保障，确保各项政策落地见效。",
    "建立健全工作协调机制，研究解决重大问题。",
    "严格落实安全生产责任制，压实企业主体责任。",
    "到2025年，全市城镇污水处理率达到97%以上，出水水质稳定达标。",
    "对符合条件的困难群众按规定发放临时救助金。",
    "推进政务服务“一网通办”，让数据多跑路、群众少跑腿。",
    "市自然资源局要加快编制国土空间总体规划，严守耕地保护红线。",
    "加快建设现代农业产业基地，培育壮大新型农业经营主体。",
    "发挥先进典型示范引领作用，及时总结推广好经验好做法。",
    "健全乡镇（街道）履行职责事项清单动态调整机制。",
    "加强宣传引导，营造全社会关心支持的良好氛围。",
]
VIOLATIONS = [
    "请各区县于每季度末将贯彻落实情况报送市政府办公室。",
    "对发生重大安全事故的单位，年度考核实行“一票否决”。",
    "各地要层层召开动员大会，传达会议精神。",
    "考核实行千分制，每月排名通报。",
]


def draft(chars: int, seed: int = 1, violations: int = 6) -> str:
    rng = random.Random(seed)
    lines = ["关于进一步做好基层治理有关工作的通知", "各县（市、区）人民政府，市政府各部门："]
    total = 0
    section = 0
    while total < chars:
        if total // 600 >= section:
            section += 1
            lines.append(f"    {'一二三四五六七八九十'[min(section, 10) - 1]}、重点任务{section}")
        # a number unique to this draft and paragraph: no two drafts share a paragraph (no cache hits)
        paragraph = "".join(rng.choice(ORDINARY) for _ in range(rng.randint(2, 5))) + f"（编号{seed}-{len(lines)}）"
        lines.append("    " + paragraph)
        total += len(paragraph)
    step = max(1, len(lines) // (violations + 1))
    for i in range(violations):
        index = min(len(lines) - 1, 3 + i * step)
        lines[index] += VIOLATIONS[i % len(VIOLATIONS)]
    lines += ["", "某某市人民政府办公室", "2025年3月1日"]
    return "\n".join(lines) + "\n"
