"""Everything ``jianfu`` writes for people and programs: the formats of ``jianfu check`` (text like ruff,
JSON (versioned contract), SARIF 2.1.0, the 问题清单 as xlsx/CSV, an offline HTML report), registered by
name in ``registry``, and the annotated .docx copies (``annotate``, ``copies``).

All of them are built from the records in ``jianfu.records`` and the positions in ``jianfu.positions``.
"""
