/* Ribbon callbacks (synchronous: WPS hides the ribbon in some builds when a callback returns a promise).
 * The task pane does the work; the ribbon opens it and leaves a request in PluginStorage. */
"use strict";

var JianfuRibbon = (function () {
  var PANE_KEY = "jianfu.paneId";
  var REQUEST_KEY = "jianfu.request";
  var PANE_URL = "ui/taskpane.html";

  function app() {
    return window.Application;
  }

  function baseUrl() {
    // index.html and the pane live in the same folder tree, online (/wps/) or offline (jsaddons).
    var here = String(window.location.href);
    return here.substring(0, here.lastIndexOf("/") + 1);
  }

  function openPane() {
    var storage = app().PluginStorage;
    var id = storage.getItem(PANE_KEY);
    var pane = id ? app().GetTaskPane(id) : null;
    if (!pane) {
      var create = app().CreateTaskpane || app().CreateTaskPane;
      pane = create.call(app(), baseUrl() + PANE_URL);
      storage.setItem(PANE_KEY, pane.ID);
      pane.DockPosition = 2; // right
    }
    pane.Visible = true;
    return pane;
  }

  function request(kind) {
    // a timestamp makes the same request twice in a row still count as new
    app().PluginStorage.setItem(REQUEST_KEY, kind + ":" + Date.now());
  }

  return {
    REQUEST_KEY: REQUEST_KEY,
    onLoad: function () {
      return true;
    },
    onAction: function (control) {
      if (!app().ActiveDocument) {
        alert("请先打开一篇文档。");
        return true;
      }
      openPane();
      if (control.Id === "jianfuCheck") {
        request("check");
      } else if (control.Id === "jianfuCommentAll") {
        request("commentAll");
      }
      return true;
    },
    image: function () {
      return "images/jianfu.svg";
    },
  };
})();
