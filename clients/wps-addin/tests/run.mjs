// The WPS task pane in headless Debian Chromium (playwright-core) against the real jianfu service,
// with tests/wps/standin.js standing in for WPS's window.Application.
// Usage: node tests/wps/run.mjs --service http://127.0.0.1:PORT --addin clients/wps-addin --out DIR
// Prints one JSON line per scenario ({name, ok, ...}); exits 1 if any failed.
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({
  options: { service: { type: "string" }, addin: { type: "string" }, out: { type: "string" }, draft: { type: "string" } },
});
const here = new URL(".", import.meta.url).pathname;
const standin = readFileSync(join(here, "standin.js"), "utf8");
const out = resolve(opts.out ?? "/tmp/jianfu-wps");
mkdirSync(out, { recursive: true });
const draft = readFileSync(opts.draft, "utf8").split(/\r?\n/);

const paragraphs = (lines) => lines.map((text) => ({ text }));
const DEMAND = "请各县（市、区）于每季度末将贯彻落实情况报送市委办公室。";
const scenarios = [
  { name: "sample draft", doc: paragraphs(draft) },
  { name: "outside the BMP", doc: paragraphs(["关于𠮷祥乡有关工作的通知", "各单位：", "𠮷祥乡、𪚥村：" + DEMAND]) },
  {
    name: "table cell",
    doc: [
      { text: "关于加强某项工作的通知" },
      { text: "各单位：" },
      { text: "要求", cell: true },
      { text: "对发生重大事故的单位实行“一票否决”。", cell: true },
      { text: DEMAND },
    ],
  },
  {
    name: "field drift",
    doc: [
      { text: "关于加强某项工作的通知" },
      { text: "各单位：" },
      // a field code before the words: Range positions count it, the paragraph text does not
      { text: "根据附件1要求，" + DEMAND, hidden: [{ at: 4, chars: "\u0013 REF _Ref1 \u0014\u0015" }] },
    ],
  },
  { name: "clean draft", doc: paragraphs(["关于加强某项工作的通知", "各单位：", "各单位要按期完成任务。"]), clean: true },
];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = 0;

async function openPane(doc, url, setup = "") {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  await context.addInitScript(`window.__JIANFU_DOC__ = ${JSON.stringify({ paragraphs: doc })};\n${setup}\n${standin}`);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

async function settled(page) {
  await page.waitForFunction(() => window.JianfuPane && !window.JianfuPane.state.busy && /未发现问题|发现 \d+ 个问题|检查未完成/.test(document.getElementById("status").textContent), null, { timeout: 20000 });
}

function report(result) {
  if (!result.ok) failed += 1;
  console.log(JSON.stringify(result));
}

for (const scenario of scenarios) {
  const { context, page } = await openPane(scenario.doc, `${opts.service}/wps/ui/taskpane.html`);
  const result = { name: scenario.name, ok: true };
  try {
    await settled(page);
    const findings = await page.evaluate(() => window.JianfuPane.state.findings);
    result.findings = findings.map((f) => `${f.rule}:${f.text}`);
    result.articles = await page.$$eval(".article > h2", (hs) => hs.map((h) => h.textContent));
    result.status = await page.textContent("#status");
    if (scenario.clean) {
      result.ok = findings.length === 0 && result.status.includes("未发现问题") && (await page.$$(".finding")).length === 0;
    } else {
      // 定位: each finding selects exactly its words
      const rows = await page.$$(".finding");
      result.rows = rows.length;
      result.located = [];
      for (const row of rows) {
        const id = await row.getAttribute("data-id");
        const own = findings.find((f) => f.id === id);
        await row.$eval('[data-act="locate"]', (b) => b.click());
        const selected = await page.evaluate(() => window.__standin__.selection().Text);
        result.located.push(selected);
        if (selected !== own.text) result.ok = false;
      }
      if (scenario.name === "field drift") {
        // the position the service computed really is off: the pane had to search for the words
        result.direct = await page.evaluate((f) => {
          const doc = window.Application.ActiveDocument;
          const start = doc.Paragraphs.Item(f.paragraph + 1).Range.Start + f.paragraph_start_utf16;
          return doc.Range(start, start + f.text.length).Text;
        }, findings[0]);
        if (result.direct === findings[0].text) result.ok = false;
      }
      // 全部加批注: one comment per finding, on the right words, by jianfu
      await page.click("#comment-all");
      const comments = await page.evaluate(() => window.__standin__.comments.map((c) => ({ on: c.Scope.Text, author: c.Author, text: c.Text })));
      result.comments = comments.length;
      const expected = findings.map((f) => f.text).sort();
      const commented = comments.map((c) => c.on).sort();
      if (JSON.stringify(expected) !== JSON.stringify(commented) || comments.some((c) => c.author !== "jianfu" || !c.text.includes("第"))) {
        result.ok = false;
        result.commented = commented;
      }
      if (rows.length === 0 || rows.length !== findings.length) result.ok = false;
    }
    if (scenario.name === "sample draft") {
      await page.click('.finding [data-act="clause"]');
      result.clauseShown = await page.$eval(".finding.open .clause", (c) => getComputedStyle(c).display !== "none" && c.textContent.includes("第"));
      if (!result.clauseShown) result.ok = false;
      result.screenshot = join(out, "taskpane.png");
      await page.screenshot({ path: result.screenshot, fullPage: true });
    }
  } catch (error) {
    result.ok = false;
    result.error = String(error);
  }
  report(result);
  await context.close();
}

// Typing: after the user stops, the pane re-checks by itself.
{
  const doc = paragraphs(["关于加强某项工作的通知", "各单位：", "各单位要按期完成任务。"]);
  const { context, page } = await openPane(doc, `${opts.service}/wps/ui/taskpane.html`, 'localStorage.setItem("jianfu.delay", "600");');
  const result = { name: "re-check after typing", ok: true };
  try {
    await settled(page);
    await page.evaluate((demand) => window.__standin__.setParagraphs([{ text: "关于加强某项工作的通知" }, { text: "各单位：" }, { text: demand }]), DEMAND);
    await page.waitForFunction(() => window.JianfuPane.state.findings.length > 0, null, { timeout: 15000 });
    result.findings = await page.evaluate(() => window.JianfuPane.state.findings.map((f) => f.rule));
  } catch (error) {
    result.ok = false;
    result.error = String(error);
  }
  report(result);
  await context.close();
}

// 说明理由: the button records an exception through the service; the finding then shows 已说明理由.
// The service here has no jianfu.toml, so it returns the entry and the pane keeps it for later checks.
{
  const doc = paragraphs(["关于加强某项工作的通知", "各单位：", "各单位要按期完成任务。", DEMAND]);
  const { context, page } = await openPane(doc, `${opts.service}/wps/ui/taskpane.html`);
  const result = { name: "explain with a reason", ok: true };
  const recorded = [];
  page.on("response", async (response) => {
    if (response.url().endsWith("/v1/exceptions")) recorded.push(await response.json());
  });
  try {
    await settled(page);
    const row = await page.$('.finding');
    result.before = await page.evaluate(() => window.JianfuPane.state.findings.map((f) => f.severity));
    await row.$eval('[data-act="explain"]', (b) => b.click());
    await row.$eval(".reason input", (input) => { input.value = "省委文件明确要求按季度报送"; });
    await row.$eval('[data-act="record"]', (b) => b.click());
    await page.waitForFunction(() => window.JianfuPane.state.findings.some((f) => f.exception), null, { timeout: 15000 });
    await settled(page);
    const kept = await page.evaluate(() => window.JianfuPane.state.findings.find((f) => f.exception));
    result.severity = kept.severity;
    result.shown = await page.$eval(".finding.excepted .explained", (d) => d.textContent);
    result.stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("jianfu.exceptions:")).map((k) => JSON.parse(localStorage.getItem(k))));
    result.recorded = recorded;
    // an edit in another paragraph: the kept exception still applies on the next check
    await page.evaluate((demand) => window.__standin__.setParagraphs([{ text: "关于加强某项工作的通知" }, { text: "各单位：" }, { text: "各单位要结合实际，按期完成任务。" }, { text: demand }]), DEMAND);
    await page.evaluate(() => window.JianfuPane.check());
    result.afterEdit = await page.evaluate(() => window.JianfuPane.state.findings.map((f) => (f.exception ? "已说明理由" : f.severity)));
    result.ok =
      result.before.includes("warning") &&
      kept.severity === "info" &&
      result.shown === "已说明理由：省委文件明确要求按季度报送" &&
      recorded.length === 1 && recorded[0].recorded === false &&
      result.stored.length === 1 && result.stored[0][0].fingerprint === recorded[0].exception.fingerprint &&
      result.afterEdit.includes("已说明理由");
  } catch (error) {
    result.ok = false;
    result.error = String(error);
  }
  report(result);
  await context.close();
}

// A central service started with --token-file: the pane sends the token saved in its settings.
{
  const doc = paragraphs(["关于加强某项工作的通知", "各单位：", DEMAND]);
  const context = await browser.newContext();
  await context.addInitScript(`window.__JIANFU_DOC__ = ${JSON.stringify({ paragraphs: doc })};\nlocalStorage.setItem("jianfu.token", "s3cret");\n${standin}`);
  const page = await context.newPage();
  const seen = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/v1/check")) seen.push(request.headers()["authorization"]);
  });
  const result = { name: "token sent", ok: true };
  try {
    await page.goto(`${opts.service}/wps/ui/taskpane.html`);
    await settled(page);
    result.authorization = seen[0];
    result.ok = seen.length > 0 && seen.every((h) => h === "Bearer s3cret");
  } catch (error) {
    result.ok = false;
    result.error = String(error);
  }
  report(result);
  await context.close();
}

// The service is not running: the offline package (file://) pointed at a port where nothing listens.
{
  const url = pathToFileURL(resolve(opts.addin, "ui", "taskpane.html")).href;
  const { context, page } = await openPane(paragraphs(["关于加强某项工作的通知", "各单位：", DEMAND]), url, 'localStorage.setItem("jianfu.service", "http://127.0.0.1:9");');
  const result = { name: "service not running", ok: true };
  try {
    await page.waitForFunction(() => !document.getElementById("message").hidden, null, { timeout: 20000 });
    result.message = await page.textContent("#message");
    result.ok = result.message.includes("无法连接本机检查服务") && result.message.includes("jianfu serve");
  } catch (error) {
    result.ok = false;
    result.error = String(error);
  }
  report(result);
  await context.close();
}

await browser.close();
process.exitCode = failed ? 1 : 0;
