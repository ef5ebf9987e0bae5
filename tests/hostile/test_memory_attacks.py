"""A long-running service fed huge unique paragraphs: its caches must stay within their budgets."""

from __future__ import annotations

from jianfu import engine
from jianfu.engine import Checker
from jianfu.rules import Rule
from jianfu.sized_cache import SizedCache
from jianfu.text import count
from jianfu.text.structure import parse

SENTENCE = "各单位要提高政治站位，请于每月底前报送贯彻落实情况。"


def test_sized_cache_evicts_by_characters_and_by_entries() -> None:
    cache: SizedCache[str, int] = SizedCache(max_entries=3, max_chars=100)
    for n in range(5):
        cache.put(f"k{n}", n, 10)
    assert len(cache) == 3 and cache.get("k0") is None and cache.get("k4") == 4
    cache.put("big", 0, 11)  # over a tenth of the budget: not kept
    assert "big" not in cache
    for n in range(20):
        cache.put(f"c{n}", n, 10)
        assert cache.chars <= 100


def test_huge_unique_paragraphs_do_not_grow_the_paragraph_cache_past_its_budget(rules: list[Rule], monkeypatch) -> None:
    monkeypatch.setattr(engine, "PARAGRAPH_CACHE_CHARS", 200_000)
    checker = Checker(rules)
    for request in range(6):
        paragraphs = [SENTENCE * 200 + f"（{request}-{k}）" for k in range(10)]  # ~5,000 字 each, never seen before
        result = checker.check(parse("关于某事的通知\n" + "\n".join(paragraphs), wrapped=False))
        assert any(f.rule == "JF301" for f in result.findings)
        assert checker._paragraph_cache.chars <= 200_000
    assert len(checker._paragraph_cache) < 60  # most of the 60 paragraphs were let go


def test_huge_paste_is_counted_but_not_kept_in_the_count_cache() -> None:
    before = count._count_cached.cache_info().currsize
    assert count.count_chars(SENTENCE * 1000) == len(SENTENCE) * 1000
    assert count._count_cached.cache_info().currsize == before
