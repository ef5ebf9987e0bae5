/* Reading the active WPS document: one string per paragraph, as the service expects. */
"use strict";

var JianfuDocument = (function () {
  // Paragraph and cell marks end a paragraph's Range.Text; a manual line break (\v) sits inside it.
  // Replacing \v one for one keeps every offset inside the paragraph valid.
  function paragraphText(raw) {
    return String(raw).replace(/[\r\x07]+$/, "").replace(/[\v\f]/g, " ");
  }

  function paragraphs(doc) {
    var out = [];
    var count = doc.Paragraphs.Count;
    for (var i = 1; i <= count; i++) {
      out.push(paragraphText(doc.Paragraphs.Item(i).Range.Text));
    }
    return out;
  }

  // A cheap fingerprint to notice that the user has typed (WPS has no reliable change event).
  function fingerprint(doc) {
    var text = String(doc.Content.Text);
    var hash = 0;
    for (var i = 0; i < text.length; i++) {
      hash = (hash * 31 + text.charCodeAt(i)) | 0;
    }
    return text.length + ":" + hash;
  }

  function name(doc) {
    return String(doc.FullName || doc.Name || "未命名文档");
  }

  return { paragraphs: paragraphs, paragraphText: paragraphText, fingerprint: fingerprint, name: name };
})();
