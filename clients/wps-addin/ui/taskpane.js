/* The task pane: check the active document, list findings by article, select or comment on the
 * exact words, ignore, and re-check a while after the user stops typing. ES2019, no framework. */
/* global JianfuApi, JianfuDocument, JianfuPositions */
"use strict";

(function () {
  var REQUEST_KEY = "jianfu.request";
  var AUTO_KEY = "jianfu.auto";
  var DELAY_KEY = "jianfu.delay";
  var DEFAULT_DELAY = 2000;
  var POLL_MS = 500;

  var state = { findings: [], stats: null, busy: false, lastRequest: null, fingerprint: null, changedAt: 0, checkedPrint: null };

  function $(id) {
    return document.getElementById(id);
  }

  function app() {
    return window.Application;
  }

  function activeDocument() {
    return app() ? app().ActiveDocument : null;
  }

  // -- ignored findings, per document, kept across sessions ----------------------------------------
  function ignoreKey(doc) {
    return "jianfu.ignored:" + JianfuDocument.name(doc);
  }

  function ignored(doc) {
    try {
      return JSON.parse(window.localStorage.getItem(ignoreKey(doc)) || "[]");
    } catch (e) {
      return [];
    }
  }

  function ignore(doc, finding) {
    var list = ignored(doc);
    list.push(finding.rule + "\u0000" + finding.text);
    window.localStorage.setItem(ignoreKey(doc), JSON.stringify(list));
  }

  // -- 说明理由: exceptions the service returned to keep (it has no jianfu.toml), per document -------
  function exceptionKey(doc) {
    return "jianfu.exceptions:" + JianfuDocument.name(doc);
  }

  function keptExceptions(doc) {
    try {
      return JSON.parse(window.localStorage.getItem(exceptionKey(doc)) || "[]");
    } catch (e) {
      return [];
    }
  }

  function explain(doc, f, reason, item) {
    note(item, "正在记录……");
    return JianfuApi.recordException(JianfuDocument.paragraphs(doc), keptExceptions(doc), f.id, reason)
      .then(function (body) {
        if (!body.recorded) {
          var list = keptExceptions(doc).concat([body.exception]);
          window.localStorage.setItem(exceptionKey(doc), JSON.stringify(list));
        }
        return check();
      })
      .catch(function (error) {
        note(item, error.message || String(error));
      });
  }

  function visible(doc) {
    var list = ignored(doc);
    return state.findings.filter(function (f) {
      return list.indexOf(f.rule + "\u0000" + f.text) < 0;
    });
  }

  // -- rendering ---------------------------------------------------------------------------------
  function setStatus(text) {
    $("status").textContent = text;
  }

  function showMessage(text) {
    $("message").hidden = !text;
    $("message").textContent = text || "";
  }

  function renderStats(stats) {
    var box = $("stats");
    if (!stats) {
      box.hidden = true;
      return;
    }
    var over = stats.limit !== null && stats.body_chars > stats.limit;
    var html = "正文字数 <span class=\"" + (over ? "over" : "") + "\">" + stats.body_chars + "</span>";
    html += stats.limit === null ? "（综合性工作文件，不限字数）" : " / " + stats.limit + (over ? "（超出 " + (stats.body_chars - stats.limit) + " 字）" : "");
    stats.sections.forEach(function (s) {
      html += "<br>" + escapeHtml(s.name) + "「" + escapeHtml(s.heading) + "」" + s.chars + " / " + s.budget + " 字" + (s.chars > s.budget ? " <span class=\"over\">偏长</span>" : "");
    });
    box.innerHTML = html;
    box.hidden = false;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function render() {
    var doc = activeDocument();
    var list = doc ? visible(doc) : [];
    var main = $("findings");
    main.innerHTML = "";
    if (!list.length) {
      if (state.checkedPrint) {
        setStatus("未发现问题。");
      }
      return;
    }
    setStatus("发现 " + list.length + " 个问题。");
    var byArticle = {};
    list.forEach(function (f) {
      (byArticle[f.article] = byArticle[f.article] || []).push(f);
    });
    Object.keys(byArticle)
      .map(Number)
      .sort(function (a, b) {
        return a - b;
      })
      .forEach(function (article) {
        var section = document.createElement("section");
        section.className = "article";
        section.innerHTML = "<h2>第" + article + "条<span class=\"count\">" + byArticle[article].length + "</span></h2>";
        byArticle[article].forEach(function (f) {
          section.appendChild(findingElement(f));
        });
        main.appendChild(section);
      });
  }

  function findingElement(f) {
    var item = document.createElement("div");
    item.className = "finding";
    item.setAttribute("data-id", f.id);
    item.innerHTML =
      "<div class=\"text\"><span class=\"words\">“" + escapeHtml(f.text) + "”</span> " + escapeHtml(f.message) + "</div>" +
      "<div class=\"clause\">第" + f.article + "条：" + escapeHtml(f.clause) + "<br>建议：" + escapeHtml(f.suggestion) + "</div>" +
      (f.exception ? "<div class=\"explained\">已说明理由：" + escapeHtml(f.exception.reason) + "</div>" : "") +
      "<div class=\"buttons\">" +
      "<button type=\"button\" data-act=\"clause\">条款</button> " +
      "<button type=\"button\" data-act=\"locate\">定位</button> " +
      "<button type=\"button\" data-act=\"comment\">加批注</button> " +
      "<button type=\"button\" data-act=\"ignore\">忽略</button> " +
      (f.exception ? "" : "<button type=\"button\" data-act=\"explain\">说明理由</button> ") +
      "<span class=\"note\"></span></div>" +
      "<div class=\"reason\" hidden><input type=\"text\" maxlength=\"500\" placeholder=\"保留这处表述的理由\"> " +
      "<button type=\"button\" data-act=\"record\">记录</button></div>";
    if (f.exception) {
      item.classList.add("excepted");
    }
    item.addEventListener("click", function (event) {
      var act = event.target.getAttribute("data-act");
      if (act) {
        onFindingAction(act, f, item);
      }
    });
    return item;
  }

  function note(item, text) {
    item.querySelector(".note").textContent = text;
  }

  // -- actions -----------------------------------------------------------------------------------
  function commentText(f) {
    return f.message + "（《整治形式主义为基层减负若干规定》第" + f.article + "条）建议：" + f.suggestion;
  }

  function addComment(doc, f) {
    var range = JianfuPositions.locate(doc, f);
    if (!range) {
      return false;
    }
    var comment = doc.Comments.Add(range, commentText(f));
    try {
      comment.Author = "jianfu";
    } catch (e) {
      // some builds make Author read-only: the comment text still names the rule
    }
    return true;
  }

  function onFindingAction(act, f, item) {
    var doc = activeDocument();
    if (!doc) {
      return;
    }
    if (act === "clause") {
      item.classList.toggle("open");
    } else if (act === "locate") {
      var range = JianfuPositions.locate(doc, f);
      if (range) {
        range.Select();
        note(item, "");
      } else {
        note(item, "原文已改动，无法定位，请重新检查。");
      }
    } else if (act === "comment") {
      note(item, addComment(doc, f) ? "已加批注。" : "原文已改动，未加批注，请重新检查。");
    } else if (act === "ignore") {
      ignore(doc, f);
      render();
    } else if (act === "explain") {
      item.querySelector(".reason").hidden = false;
      item.querySelector(".reason input").focus();
    } else if (act === "record") {
      var reason = item.querySelector(".reason input").value.trim();
      if (!reason) {
        note(item, "请填写理由。");
        return;
      }
      explain(doc, f, reason, item);
    }
  }

  function commentAll() {
    var doc = activeDocument();
    if (!doc) {
      return;
    }
    var added = 0;
    var missed = 0;
    visible(doc).forEach(function (f) {
      if (addComment(doc, f)) {
        added += 1;
      } else {
        missed += 1;
      }
    });
    setStatus("已加 " + added + " 条批注" + (missed ? "，" + missed + " 处原文已改动未加，请重新检查。" : "。"));
  }

  function check() {
    var doc = activeDocument();
    if (!doc) {
      setStatus("请先打开一篇文档。");
      return Promise.resolve();
    }
    if (state.busy) {
      return Promise.resolve();
    }
    state.busy = true;
    var print = JianfuDocument.fingerprint(doc);
    setStatus("正在检查……");
    return JianfuApi.check(JianfuDocument.paragraphs(doc), keptExceptions(doc))
      .then(function (body) {
        showMessage("");
        state.findings = body.findings;
        state.stats = body.stats;
        state.checkedPrint = print;
        renderStats(body.stats);
        render();
      })
      .catch(function (error) {
        showMessage(error.message || String(error));
        setStatus("检查未完成。");
      })
      .then(function () {
        state.busy = false;
      });
  }

  // -- requests from the ribbon and automatic re-checks -------------------------------------------
  function poll() {
    var storage = app() && app().PluginStorage;
    var request = storage ? storage.getItem(REQUEST_KEY) : null;
    if (request && request !== state.lastRequest) {
      state.lastRequest = request;
      var kind = request.split(":")[0];
      if (kind === "check") {
        check();
      } else if (kind === "commentAll") {
        check().then(commentAll);
      }
    }
    var doc = activeDocument();
    if (!doc || !autoEnabled()) {
      return;
    }
    var print = JianfuDocument.fingerprint(doc);
    if (print !== state.fingerprint) {
      state.fingerprint = print;
      state.changedAt = Date.now();
    } else if (print !== state.checkedPrint && Date.now() - state.changedAt >= delay() && !state.busy) {
      check();
    }
  }

  function autoEnabled() {
    return window.localStorage.getItem(AUTO_KEY) !== "off";
  }

  function delay() {
    return Number(window.localStorage.getItem(DELAY_KEY)) || DEFAULT_DELAY;
  }

  function loadSettings() {
    $("auto").checked = autoEnabled();
    $("delay").value = delay();
    $("service").value = window.localStorage.getItem("jianfu.service") || "";
  }

  function saveSettings() {
    window.localStorage.setItem(AUTO_KEY, $("auto").checked ? "on" : "off");
    window.localStorage.setItem(DELAY_KEY, String(Math.max(500, Number($("delay").value) || DEFAULT_DELAY)));
    JianfuApi.setServiceUrl($("service").value.trim());
    JianfuApi.setToken($("token").value.trim());
    setStatus("设置已保存。");
  }

  $("check").addEventListener("click", check);
  $("comment-all").addEventListener("click", function () {
    commentAll();
  });
  $("save-settings").addEventListener("click", saveSettings);
  loadSettings();
  window.setInterval(poll, POLL_MS);
  window.JianfuPane = { check: check, commentAll: commentAll, state: state };
  check();
})();
