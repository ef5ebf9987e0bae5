/* Turning a finding into a WPS Range on exactly the flagged words — or into nothing.
 *
 * WPS counts positions in UTF-16 units, like the service's *_utf16 fields, but a paragraph's Range can
 * hold characters that its Text does not show (field codes, hidden marks, table cell marks), so the
 * computed range can drift. Every range is therefore checked against the finding's text, and on a
 * mismatch the words are searched for inside the same paragraph. Words that cannot be verified are
 * never selected or commented on. */
"use strict";

var JianfuPositions = (function () {
  var MAX_DRIFT = 200; // hidden characters tolerated before the words inside one paragraph

  function textAt(doc, start, end) {
    try {
      return String(doc.Range(start, end).Text);
    } catch (e) {
      return null;
    }
  }

  function locate(doc, finding) {
    if (finding.paragraph + 1 > doc.Paragraphs.Count) {
      return null;
    }
    var paragraph = doc.Paragraphs.Item(finding.paragraph + 1).Range;
    var length = finding.paragraph_end_utf16 - finding.paragraph_start_utf16;
    var expected = paragraph.Start + finding.paragraph_start_utf16;
    if (textAt(doc, expected, expected + length) === finding.text) {
      return doc.Range(expected, expected + length);
    }
    // Drift: hidden characters before the words push them later (or earlier, if the service saw
    // characters WPS does not count). Try the nearest offsets first, within this paragraph only.
    var limit = Math.min(MAX_DRIFT, paragraph.End - paragraph.Start);
    for (var delta = 1; delta <= limit; delta++) {
      var candidates = [expected + delta, expected - delta];
      for (var i = 0; i < candidates.length; i++) {
        var start = candidates[i];
        if (start < paragraph.Start || start + length > paragraph.End) {
          continue;
        }
        if (textAt(doc, start, start + length) === finding.text) {
          return doc.Range(start, start + length);
        }
      }
    }
    return null;
  }

  return { locate: locate };
})();
