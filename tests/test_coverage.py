"""rules/coverage.yml accounts for every article and every rule."""

from __future__ import annotations

import yaml

from jianfu.rules import bundled_rules_dir


def test_coverage_ledger_is_complete(rules) -> None:
    ledger = yaml.safe_load((bundled_rules_dir() / "coverage.yml").read_text("utf-8"))["articles"]
    assert sorted(ledger) == list(range(1, 22))
    ids = {r.id: r for r in rules}
    listed: set[str] = set()
    for article, entry in ledger.items():
        assert entry["rules"] or entry.get("not_checkable"), f"第{article}条既没有规则也没有说明"
        for rule_id in entry["rules"]:
            assert rule_id in ids, f"第{article}条列出的 {rule_id} 不存在"
            listed.add(rule_id)
    for rule in rules:
        assert rule.id in ledger[rule.article]["rules"], f"{rule.id} 未列在第{rule.article}条下"
    assert listed == set(ids)
