/* Talking to the local jianfu service. Served from the service itself (/wps/), the pane uses its own
 * origin; installed offline, it uses the address saved in the pane's settings (default 127.0.0.1:8737). */
"use strict";

var JianfuApi = (function () {
  var DEFAULT_SERVICE = "http://127.0.0.1:8737";
  var SERVICE_KEY = "jianfu.service";
  var TOKEN_KEY = "jianfu.token"; // for a central service started with --token-file

  function serviceUrl() {
    var saved = window.localStorage.getItem(SERVICE_KEY);
    if (saved) {
      return saved.replace(/\/+$/, "");
    }
    var loc = window.location;
    if ((loc.protocol === "http:" || loc.protocol === "https:") && loc.pathname.indexOf("/wps/") >= 0) {
      return loc.protocol + "//" + loc.host;
    }
    return DEFAULT_SERVICE;
  }

  function setServiceUrl(url) {
    if (url) {
      window.localStorage.setItem(SERVICE_KEY, url);
    } else {
      window.localStorage.removeItem(SERVICE_KEY);
    }
  }

  function setToken(token) {
    if (token) {
      window.localStorage.setItem(TOKEN_KEY, token);
    } else {
      window.localStorage.removeItem(TOKEN_KEY);
    }
  }

  function headers() {
    var result = { "Content-Type": "application/json" };
    var token = window.localStorage.getItem(TOKEN_KEY);
    if (token) {
      result.Authorization = "Bearer " + token;
    }
    return result;
  }

  function post(path, payload) {
    return fetch(serviceUrl() + path, {
      method: "POST",
      headers: headers(),
      body: JSON.stringify(payload),
    }).then(
      function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            var message = body && body.error ? body.error.message : "检查服务返回错误（HTTP " + response.status + "）。";
            throw new ServiceError(message, false);
          }
          return body;
        });
      },
      function () {
        throw new ServiceError(
          "无法连接本机检查服务（" + serviceUrl() + "）。请确认已安装 jianfu 并运行“jianfu serve”，" +
            "或按《部署指南》设置登录时自动启动；如服务在其他地址，请在下方“服务地址”中填写。",
          true
        );
      }
    );
  }

  // exceptions: the 说明理由 entries this pane keeps (a service without a jianfu.toml returns them to keep)
  function draftPayload(paragraphs, exceptions) {
    var payload = { paragraphs: paragraphs };
    if (exceptions && exceptions.length) {
      payload.settings = { exceptions: exceptions };
    }
    return payload;
  }

  function check(paragraphs, exceptions) {
    return post("/v1/check", draftPayload(paragraphs, exceptions));
  }

  // 说明理由: the service records the exception in its jianfu.toml, or returns it for the pane to keep
  function recordException(paragraphs, exceptions, findingId, reason) {
    var payload = draftPayload(paragraphs, exceptions);
    payload.finding = findingId;
    payload.reason = reason;
    return post("/v1/exceptions", payload);
  }

  function ServiceError(message, unreachable) {
    this.message = message;
    this.unreachable = unreachable;
  }

  return { check: check, recordException: recordException, serviceUrl: serviceUrl, setServiceUrl: setServiceUrl, setToken: setToken, ServiceError: ServiceError };
})();
