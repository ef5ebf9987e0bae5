"""Real .docx files with a hand-made ``word/document.xml`` body: what an attacker (or a converter) writes."""

from __future__ import annotations

import io
import zipfile

import docx


def docx_with_body(body_xml: str, doctype: str = "") -> bytes:
    """A .docx made by python-docx whose body is ``body_xml`` (``w:`` elements), with ``doctype`` before the root."""
    blank = io.BytesIO()
    docx.Document().save(blank)
    source = zipfile.ZipFile(io.BytesIO(blank.getvalue()))
    xml = source.read("word/document.xml").decode("utf-8")
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.index("<w:sectPr", start)
    xml = xml[:start] + body_xml + xml[end:]
    if doctype:
        declaration_end = xml.index("?>") + 2
        xml = xml[:declaration_end] + doctype + xml[declaration_end:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = xml.encode("utf-8") if item.filename == "word/document.xml" else source.read(item.filename)
            archive.writestr(item, data)
    return out.getvalue()


def paragraph(*texts: str) -> str:
    """One ``w:p`` with one run per text; each text is raw XML content of a ``w:t`` (may hold ``&x;``)."""
    runs = "".join(f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>' for t in texts)
    return f"<w:p>{runs}</w:p>"
