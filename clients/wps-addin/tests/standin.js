/* A stand-in for WPS's `window.Application`, injected before the add-in's scripts (WPS itself cannot be
 * installed here). The document model keeps two views of the text, as WPS does:
 *  - what Paragraphs(i).Range.Text and Content.Text show, and
 *  - the position space of Range(start, end), which also counts hidden characters (field codes,
 *    bookmarks) and table-cell marks.
 * `window.__JIANFU_DOC__ = {paragraphs: [{text, cell?, hidden?: [{at, chars}]}], name}` configures it. */
(function () {
  "use strict";
  var config = window.__JIANFU_DOC__ || { paragraphs: [] };
  var HIDDEN = "\u0013\u0014\u0015";

  function build() {
    var space = ""; // position space: visible text + hidden characters + marks
    var starts = [];
    var ends = [];
    config.paragraphs.forEach(function (p) {
      var text = p.text;
      (p.hidden || [])
        .slice()
        .sort(function (a, b) {
          return b.at - a.at;
        })
        .forEach(function (h) {
          text = text.slice(0, h.at) + h.chars + text.slice(h.at);
        });
      starts.push(space.length);
      space += text + (p.cell ? "\r\u0007" : "\r");
      ends.push(space.length);
    });
    return { space: space, starts: starts, ends: ends };
  }

  function visibleOf(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      if (HIDDEN.indexOf(text[i]) < 0) {
        out += text[i];
      }
    }
    return out;
  }

  var model = build();
  var selection = { Start: 0, End: 0, Text: "" };
  var comments = [];

  function range(start, end) {
    if (start < 0 || end > model.space.length || start > end) {
      throw new Error("bad range " + start + "-" + end);
    }
    return {
      Start: start,
      End: end,
      get Text() {
        return visibleOf(model.space.slice(start, end));
      },
      Select: function () {
        selection = { Start: start, End: end, Text: visibleOf(model.space.slice(start, end)) };
      },
    };
  }

  var documentObject = {
    get Name() {
      return config.name || "测试文稿.docx";
    },
    get FullName() {
      return "/tmp/" + (config.name || "测试文稿.docx");
    },
    get Content() {
      return { Text: visibleOf(model.space) };
    },
    Paragraphs: {
      get Count() {
        return model.starts.length;
      },
      Item: function (i) {
        return { Range: range(model.starts[i - 1], model.ends[i - 1]) };
      },
    },
    Range: range,
    Comments: {
      Add: function (r, text) {
        var comment = { Author: "", Text: text, Scope: { Start: r.Start, End: r.End, Text: r.Text } };
        comments.push(comment);
        return comment;
      },
    },
  };

  var storage = {};
  var panes = {};
  window.Application = {
    ActiveDocument: documentObject,
    get Selection() {
      return selection;
    },
    PluginStorage: {
      getItem: function (key) {
        return Object.prototype.hasOwnProperty.call(storage, key) ? storage[key] : null;
      },
      setItem: function (key, value) {
        storage[key] = String(value);
      },
    },
    CreateTaskpane: function (url) {
      var id = "pane" + (Object.keys(panes).length + 1);
      panes[id] = { ID: id, Url: url, Visible: false, DockPosition: 0 };
      return panes[id];
    },
    GetTaskPane: function (id) {
      return panes[id] || null;
    },
  };
  // Test hooks: what WPS would show the user, and a way to type.
  window.__standin__ = {
    comments: comments,
    selection: function () {
      return selection;
    },
    setParagraphs: function (paragraphs) {
      config.paragraphs = paragraphs;
      model = build();
    },
  };
})();
