"""一致性评估表.json: the form for programs (an OA system, a later ``--baseline``). Version 1."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from jianfu import __version__
from jianfu.assessment import model

JSON_VERSION = 1


def assessment_dict(assessment: model.Assessment) -> dict[str, Any]:
    facts = assessment.facts
    return {
        "path": assessment.path,
        "facts": {
            "title": facts.title,
            "genre": facts.genre,
            "direction": facts.direction,
            "direction_basis": facts.direction_basis,
            "addressee": facts.addressee,
            "issuers": facts.issuers,
            "body_chars": facts.body_chars,
            "limit": facts.limit,
            "doc_type": facts.doc_type,
            "special": facts.special,
        },
        "rows": [
            {
                "number": row.number,
                "item": row.item,
                "clauses": [{"article": c.article, "text": c.text} for c in row.clauses],
                "rules": list(row.rules),
                "conclusion": row.conclusion,
                "note": row.note,
                "quotes": [_quote(q) for q in row.quotes],
            }
            for row in assessment.rows
        ],
        "manual": [
            {"item": m.item, "clause": {"article": m.clause.article, "text": m.clause.text}, "check": m.check}
            for m in assessment.manual
        ],
        "conclusion": assessment.conclusion,
        "summary": assessment.summary,
        "resolved": None
        if assessment.resolved is None
        else [{"rule": r.rule, "sentence": r.sentence, "paragraph": r.paragraph} for r in assessment.resolved],
        "signatures": {name: "" for name in model.SIGN_LINES},
    }


def _quote(quote: model.Quote) -> dict[str, Any]:
    reason = quote.reason
    return {
        "rule": quote.rule,
        "article": quote.article,
        "paragraph": quote.paragraph,
        "sentence": quote.sentence,
        "text": quote.words,
        "message": quote.message,
        "fingerprint": quote.fingerprint,
        "exception": None if reason is None else {"reason": reason.text, "who": reason.who, "when": reason.when},
        "status": quote.status or None,
    }


def _payload(assessments: list[dict[str, Any]], failed: list[dict[str, str]]) -> bytes:
    payload = {
        "version": JSON_VERSION,
        "tool": {"name": "jianfu", "version": __version__},
        "assessments": assessments,
        "failed": failed,
    }
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render(assessment: model.Assessment) -> bytes:
    return _payload([assessment_dict(assessment)], [])


def render_summary(entries: Sequence[model.Assessment | model.Unreadable]) -> bytes:
    done = [assessment_dict(e) for e in entries if isinstance(e, model.Assessment)]
    failed = [{"path": e.path, "error": e.error} for e in entries if isinstance(e, model.Unreadable)]
    return _payload(done, failed)
