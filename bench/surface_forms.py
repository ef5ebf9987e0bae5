"""Surface forms: does jianfu still read a draft written in 繁体, with half-width punctuation, full-width digits,
hard line wraps, stray spaces or other quote marks? A metamorphic test over the probe sentences.

    python bench/surface_forms.py [-v] [--extra FILES]... [--only NAME]...
    python bench/surface_forms.py --corpus [--only NAME]...   # the dev part of ../shared/corpus


Every positive probe the tool finds today, and every negative it leaves silent, is rewritten by each transform;
a positive still counts when a finding cites one of the articles it was found under, a negative when it stays
silent. Length-preserving transforms must also keep every finding at the same place ("same spans").
tests/test_surface_forms.py keeps the floors on a fixed sample.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import re
import sys
from collections.abc import Callable
from functools import cache, lru_cache

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from probes import NEUTRAL_TITLE, PROBES, Probe, load  # noqa: E402

Finding = tuple[str, int, int, int]  # rule, article, start, end


@cache
def _opencc(config: str):  # type: ignore[no-untyped-def]
    from opencc_purepy import OpenCC

    return OpenCC(config)


def traditional(text: str) -> str:
    """繁体 as OpenCC writes it (one character for one)."""
    out = _opencc("s2t").convert(text)
    return out if len(out) == len(text) else text


def traditional_hk(text: str) -> str:
    """繁体 with Hong Kong's variant characters."""
    out = _opencc("s2hk").convert(text)
    return out if len(out) == len(text) else text


def traditional_tw(text: str) -> str:
    """繁体 with Taiwan's variant characters (台/臺, 裡/裏 …)."""
    out = _opencc("s2tw").convert(text)
    return out if len(out) == len(text) else text


_HALF = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"})


def half_width(text: str) -> str:
    """Punctuation pasted from a web page or a PDF: , ; : ( ) ! ? between Chinese characters."""
    return text.translate(_HALF)


def half_width_spaced(text: str) -> str:
    """Half-width punctuation typed the English way, with a space after it: "各乡镇, 要"."""
    return re.sub(r"([,;:!?])(?=[^\s\d])", r"\1 ", half_width(text))


def half_width_period(text: str) -> str:
    """A half-width full stop for 。 (an English input method): "报送县委办.各村要"."""
    return text.replace("。", ".")


_FULL = str.maketrans(
    {chr(c): chr(c + 0xFEE0) for c in [*range(0x30, 0x3A), *range(0x41, 0x5B), *range(0x61, 0x7B), ord("%")]}
)


def full_width(text: str) -> str:
    """Digits, Latin letters and % typed with a full-width input method: ２０２４年、ＡＰＰ、１００％."""
    return text.translate(_FULL)


def corner_quotes(text: str) -> str:
    """「」『』 for “”‘’ (and for ASCII quotes, read in pairs)."""
    text = re.sub(r'"([^"\n]*)"', r"「\1」", text)
    return text.translate(str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"}))


def ascii_quotes(text: str) -> str:
    """Straight quotes for “” and ‘’ (a web page, a plain-text editor)."""
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"'}))


_YEAR = re.compile(r"(?<!\d)(\d{4})(?=年)")
_CN_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")


def reversed_quotes(text: str) -> str:
    """Quotes typed the wrong way round (”村务通“), a common slip with Chinese input methods."""
    return text.translate(str.maketrans({"“": "”", "”": "“", "‘": "’", "’": "‘"}))


def chinese_years(text: str) -> str:
    """Years in Chinese numerals: 二〇二四年 (and ○, the circle many drafts type for 〇)."""
    text = _YEAR.sub(lambda m: m.group(1).translate(_CN_DIGITS), text)
    return text


def circle_zero(text: str) -> str:
    """二○二四年: the white circle ○ that drafts often type for 〇."""
    return chinese_years(text).replace("〇", "○")


PDF_LINE = 28  # characters per line of a 公文 page (GB/T 9704: 28 字 a line)


def pdf_wrap(text: str) -> str:
    """Copied from a PDF: every body line hard-wrapped at the page width, sentences broken mid-word."""
    lines = text.split("\n")
    out = lines[:1]
    for line in lines[1:]:
        out.extend(line[i : i + PDF_LINE] for i in range(0, max(len(line), 1), PDF_LINE))
    return "\n".join(out)


PDF_PAGE = 22  # lines of a 公文 page (GB/T 9704)


def pdf_pages(text: str) -> str:
    """Copied from a PDF across page breaks: the page number ("— 2 —") between two lines of a sentence."""
    lines = pdf_wrap(text).split("\n")
    out = lines[:2]
    for i, line in enumerate(lines[2:], 2):
        if (i - 2) % PDF_PAGE == 0 and line.strip():
            out.append(f"— {(i - 2) // PDF_PAGE + 2} —")
        out.append(line)
    return "\n".join(out)


def pdf_wrap_spaced(text: str) -> str:
    """Copied from a PDF that ends every wrapped line with a space."""
    return pdf_wrap(text).replace("\n", " \n").replace(" \n", "\n", 1)


def letter_spaced(text: str) -> str:
    """A PDF of justified text, extracted with a space between every two characters of a line."""
    lines = text.split("\n")
    return "\n".join([lines[0], *(" ".join(line) for line in lines[1:])])


def mid_break(text: str) -> str:
    """A line break in the middle of each body line longer than a PDF line (not beside punctuation)."""
    lines = text.split("\n")
    out = lines[:1]
    for line in lines[1:]:
        if len(line) <= PDF_LINE:
            out.append(line)
            continue
        cut = len(line) // 2
        while cut < len(line) - 12 and not (_is_han(line[cut - 1]) and _is_han(line[cut])):
            cut += 1
        out.extend([line[:cut], line[cut:]])
    return "\n".join(out)


def stray_space(text: str) -> str:
    """One space between two Chinese characters in the middle of each body line (a PDF or web copy)."""
    lines = text.split("\n")
    out = lines[:1]
    for line in lines[1:]:
        cut = len(line) // 2
        while 0 < cut < len(line) and not (_is_han(line[cut - 1]) and _is_han(line[cut])):
            cut += 1
        out.append(line[:cut] + " " + line[cut:] if 0 < cut < len(line) else line)
    return "\n".join(out)


def stray_nbsp(text: str) -> str:
    """A no-break space (U+00A0) from a web page in the middle of each body line."""
    return _middle(text, "\u00a0")


def zero_width(text: str) -> str:
    """An invisible zero-width space (U+200B) from a web page in the middle of each body line."""
    return _middle(text, "\u200b")


def _middle(text: str, mark: str) -> str:
    return stray_space(text).replace(" ", mark) if " " not in text else text


_ASCII_RUN = re.compile(r"(?<=[\u4e00-\u9fff])([A-Za-z0-9][A-Za-z0-9%.]*)(?=[\u4e00-\u9fff])")


def pangu(text: str) -> str:
    """Spaces around Latin letters and digits inside Chinese (web "pangu" spacing): 下载 APP 并于 5 月底前."""
    return _ASCII_RUN.sub(r" \1 ", text)


@lru_cache(maxsize=1)
def _radicals() -> dict[int, str]:
    """Unified ideograph -> the Kangxi radical or compatibility ideograph a PDF's font gives for it."""
    import unicodedata

    out: dict[int, str] = {}
    for c in [*range(0x2F00, 0x2FD6), *range(0x2E80, 0x2EF4), *range(0xF900, 0xFADA)]:
        plain = unicodedata.normalize("NFKC", chr(c))
        if len(plain) == 1 and plain != chr(c) and ord(plain) not in out:
            out[ord(plain)] = chr(c)
    return out


def pdf_radicals(text: str) -> str:
    """Copied from a PDF whose font maps common characters to Kangxi radicals (⼀⼈⽇⾏ for 一人日行)."""
    return text.translate(_radicals())


def crlf(text: str) -> str:
    """Windows line ends, hard-wrapped at the page width."""
    return pdf_wrap(text).replace("\n", "\r\n")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def messy(text: str) -> str:
    """All at once: 繁体, half-width punctuation, full-width digits, corner quotes, PDF wraps."""
    return pdf_wrap(corner_quotes(full_width(half_width(traditional(text)))))


def messy_web(text: str) -> str:
    """Pasted from a web page: 繁体 (HK), English-style punctuation with spaces, straight quotes, pangu spacing."""
    return pangu(half_width_spaced(ascii_quotes(half_width_period(traditional_hk(text)))))


def messy_pdf(text: str) -> str:
    """Copied from a PDF: Kangxi radicals, stray spaces, full-width digits, wraps with trailing spaces, page numbers."""
    lines = pdf_pages(stray_space(full_width(pdf_radicals(text)))).split("\n")
    return "\n".join(line + " " if 0 < i < len(lines) - 1 else line for i, line in enumerate(lines))


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "traditional": traditional,
    "traditional_tw": traditional_tw,
    "traditional_hk": traditional_hk,
    "half_width": half_width,
    "half_width_spaced": half_width_spaced,
    "half_width_period": half_width_period,
    "full_width": full_width,
    "corner_quotes": corner_quotes,
    "ascii_quotes": ascii_quotes,
    "reversed_quotes": reversed_quotes,
    "chinese_years": chinese_years,
    "circle_zero": circle_zero,
    "pdf_wrap": pdf_wrap,
    "pdf_wrap_spaced": pdf_wrap_spaced,
    "pdf_pages": pdf_pages,
    "mid_break": mid_break,
    "stray_space": stray_space,
    "letter_spaced": letter_spaced,
    "stray_nbsp": stray_nbsp,
    "zero_width": zero_width,
    "pangu": pangu,
    "pdf_radicals": pdf_radicals,
    "crlf": crlf,
    "messy": messy,
    "messy_web": messy_web,
    "messy_pdf": messy_pdf,
}
LENGTH_PRESERVING = {
    "traditional",
    "traditional_tw",
    "traditional_hk",
    "half_width",
    "half_width_period",
    "full_width",
    "corner_quotes",
    "ascii_quotes",
    "reversed_quotes",
    "pdf_radicals",
}


def draft_text(probe: Probe) -> str:
    return probe.text if "\n" in probe.text.strip() else f"{NEUTRAL_TITLE}\n{probe.text}\n"


class Reader:
    def __init__(self) -> None:
        from jianfu.engine import Checker
        from jianfu.rules import load_rules
        from jianfu.settings import Settings

        rules, errors = load_rules()
        if errors:
            raise SystemExit("\n".join(str(e) for e in errors))
        self.checker = Checker(rules, Settings())

    def findings(self, text: str) -> list[Finding]:
        from jianfu.text.structure import parse

        return [(f.rule, f.article, f.start, f.end) for f in self.checker.check(parse(text)).findings]


def right(probe: Probe, found: list[Finding], wanted: set[int]) -> bool:
    return bool({a for _, a, _, _ in found} & wanted) if probe.articles else not found


def score(
    probes: list[Probe], transforms: dict[str, Callable[[str], str]], reader: Reader | None = None
) -> tuple[dict[str, dict[str, int]], list[tuple[str, Probe, list[Finding]]]]:
    """Per transform: counts of positives kept / tried, negatives kept silent / tried, same spans; and the misses."""
    reader = reader or Reader()
    table = {
        name: {"pos": 0, "pos_total": 0, "neg": 0, "neg_total": 0, "same": 0, "same_total": 0} for name in transforms
    }
    misses: list[tuple[str, Probe, list[Finding]]] = []
    for probe in probes:
        text = draft_text(probe)
        base = reader.findings(text)
        cited = {a for _, a, _, _ in base} & probe.articles
        if probe.articles and not cited or not probe.articles and base:
            continue  # the original is not read right today: nothing to keep
        for name, transform in transforms.items():
            changed = transform(text)
            if changed == text:
                continue
            found = reader.findings(changed)
            row = table[name]
            kind = "pos" if probe.articles else "neg"
            row[f"{kind}_total"] += 1
            ok = right(probe, found, cited)
            row[kind] += ok
            if not ok:
                misses.append((name, probe, found))
            if name in LENGTH_PRESERVING and probe.articles:
                row["same_total"] += 1
                row["same"] += sorted(found) == sorted(base)
    return table, misses


def _aligned(old: str, new: str) -> list[int] | None:
    """Offset in ``new`` of every character of ``old`` (a transform substitutes and inserts characters)."""
    from jianfu.text.normalize import normalize

    if len(old) == len(new):
        return list(range(len(old) + 1))
    for a, b in ((normalize(old), normalize(new)), (old, new)):
        out, j = [], 0
        for ch in a:
            while j < len(b) and b[j] != ch:
                j += 1
            if j == len(b):
                break
            out.append(j)
            j += 1
        else:
            return out + [len(new)]
    return None


def corpus_cases(transform: Callable[[str], str]) -> tuple[list[dict], int]:
    """The dev passages of ../shared/corpus rewritten by ``transform``, each span moved with its words."""
    import corpus

    cases, lost = [], 0
    for case in corpus.passages("dev"):
        text = transform(case["text"])
        where = _aligned(case["text"], text)
        if where is None:
            lost += 1
            continue
        expected = []
        for e in case["expected"]:
            s = case["text"].find(e["span"])
            expected.append({**e, "span": text[where[s] : where[s + len(e["span"]) - 1] + 1]})
        cases.append({**case, "text": text, "expected": expected})
    return cases, lost


def corpus_kept(names: list[str], reader: Reader | None = None) -> dict[str, dict[str, int]]:
    """In process, per transform: labelled spans found in the plain dev passages and still found after it
    ("kept"), and negatives flagged before and after (a finding of article 3 or later, as the scorer counts)."""
    import importlib.util

    import corpus

    spec = importlib.util.spec_from_file_location("score_corpus", corpus.SCORER)
    scorer = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    reader = reader or Reader()

    def found_spans(case: dict) -> tuple[list[bool], bool]:
        findings = reader.findings(case["text"])
        hits = []
        for e in case["expected"]:
            s = case["text"].find(e["span"])
            t = s + len(e["span"])
            hits.append(any(a < t and b > s and art in scorer.ARTICLES[e["category"]] for _, art, a, b in findings))
        return hits, any(art >= 3 for _, art, _, _ in findings)

    plain = {c["id"]: found_spans(c) for c in corpus.passages("dev") if "UNCERTAIN" not in c.get("notes", "")}
    out = {}
    for name in names:
        row = {"kept": 0, "found": 0, "neg_before": 0, "neg_after": 0}
        cases, _ = corpus_cases(TRANSFORMS[name])
        for case in cases:
            if case["id"] not in plain:
                continue
            before, flagged_before = plain[case["id"]]
            after, flagged_after = found_spans(case)
            row["found"] += sum(before)
            row["kept"] += sum(b and a for b, a in zip(before, after, strict=True))
            if not case["expected"]:
                row["neg_before"] += flagged_before
                row["neg_after"] += flagged_after
        out[name] = row
    return out


def corpus_scores(names: list[str], verbose: bool = False) -> None:
    """Recall and negatives flagged on the dev passages in each surface form; kept = found both ways."""
    import json
    import subprocess
    import tempfile

    import corpus

    def run(cases: list[dict]) -> tuple[str, collections.Counter[tuple[str, str]]]:
        with tempfile.TemporaryDirectory(prefix="jianfu-surface-") as tmp:
            path = pathlib.Path(tmp) / "dev.jsonl"
            path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), "utf-8")
            jianfu = str(corpus.ROOT / ".venv" / "bin" / "jianfu")
            out = subprocess.run(
                [sys.executable, str(corpus.SCORER), jianfu, str(path), "-v"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        missed = re.findall(r"^  (\S+) (\w+): «", out.split("flagged negatives:")[0], re.MULTILINE)
        misses = collections.Counter(missed)
        return out.strip().splitlines()[-1], misses

    plain, plain_misses = run(corpus.passages("dev"))
    print(f"{'plain':17} {plain}")
    for name in names:
        cases, lost = corpus_cases(TRANSFORMS[name])
        line, misses = run(cases)
        new_misses = sum((misses - plain_misses).values())
        print(f"{name:17} {line}; newly missed {new_misses}" + (f"; {lost} passages not aligned" if lost else ""))
        if verbose:
            print("    " + " ".join(f"{i}/{c}" for i, c in sorted((misses - plain_misses).elements())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="print every miss")
    parser.add_argument("--extra", action="append", default=[], help="more probe files (a glob: /work/probes/r5*.txt)")
    parser.add_argument("--only", action="append", default=[], help="run only these transforms")
    parser.add_argument("--corpus", action="store_true", help="score the dev passages of ../shared/corpus instead")
    args = parser.parse_args()
    if args.corpus:
        corpus_scores(args.only or list(TRANSFORMS), args.v)
        return 0
    probes = load(PROBES)
    for pattern in args.extra:
        path = pathlib.Path(pattern)
        for file in sorted(path.parent.glob(path.name)):
            probes += [p for p in load(file.parent) if p.source == file.name]
    transforms = {k: v for k, v in TRANSFORMS.items() if not args.only or k in args.only}
    table, misses = score(probes, transforms)
    if args.v:
        for name, probe, found in misses:
            shown = transforms[name](draft_text(probe)).replace("\n", "⏎")
            print(f"  {name} {probe.source} {probe.category}: {[(r, a) for r, a, _, _ in found]} «{shown[:90]}»")
    for name, row in table.items():
        pos = f"{row['pos']}/{row['pos_total']}"
        ratio = row["pos"] / row["pos_total"] if row["pos_total"] else 1.0
        neg = f"{row['neg']}/{row['neg_total']}"
        same = f"  same spans {row['same']}/{row['same_total']}" if row["same_total"] else ""
        print(f"{name:15} positives {pos:>9} = {ratio:.3f}   negatives silent {neg:>7}{same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
