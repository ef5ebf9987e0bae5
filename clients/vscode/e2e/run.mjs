// End-to-end test of the packaged extension in a real VS Code workbench (code-server) driven through
// headless Debian Chromium by playwright-core. Offline: nothing is downloaded at run time.
//
// Usage: node e2e/run.mjs --vsix jianfu.vsix --python /path/to/python --violations a.txt --clean b.txt [--out dir]
// Prints one JSON line with what it saw; exits non-zero on the first failed expectation.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values: opts } = parseArgs({
  options: {
    vsix: { type: "string" },
    python: { type: "string" },
    violations: { type: "string" },
    clean: { type: "string" },
    out: { type: "string" },
    chromium: { type: "string", default: "/usr/bin/chromium" },
  },
});
for (const key of ["vsix", "python", "violations", "clean"]) {
  if (!opts[key]) throw new Error(`missing --${key}`);
}

const here = new URL(".", import.meta.url).pathname;
const codeServer = join(here, ".code-server", "node_modules", ".bin", "code-server");
const run = resolve(opts.out ?? join(here, ".runs", String(Date.now())));
const dirs = Object.fromEntries(["user", "extensions", "config", "xdg", "browser", "workspace"].map((d) => [d, join(run, d)]));
Object.values(dirs).forEach((d) => mkdirSync(d, { recursive: true }));
const env = {
  ...process.env,
  HOME: dirs.xdg,
  XDG_CONFIG_HOME: join(dirs.xdg, "config"),
  XDG_DATA_HOME: join(dirs.xdg, "data"),
  XDG_CACHE_HOME: join(dirs.xdg, "cache"),
  PYTHONIOENCODING: "utf-8",
};
const seen = { steps: [] };
const step = (name, detail = "") => {
  seen.steps.push(detail ? `${name}: ${detail}` : name);
  process.stderr.write(`[e2e] ${name} ${detail}\n`);
};
function expect(condition, message) {
  if (!condition) throw new Error(`expectation failed: ${message}`);
}

function freePort() {
  return new Promise((ok) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

async function waitFor(fn, what, timeout = 60000) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}

// The workspace: the two drafts, copied so the test never modifies the originals.
const violations = basename(opts.violations);
const clean = basename(opts.clean);
cpSync(opts.violations, join(dirs.workspace, violations));
cpSync(opts.clean, join(dirs.workspace, clean));

const base = ["--user-data-dir", dirs.user, "--extensions-dir", dirs.extensions, "--config", join(dirs.config, "config.yaml")];
const installed = spawnSync(codeServer, [...base, "--install-extension", resolve(opts.vsix)], { env, encoding: "utf8" });
expect(installed.status === 0, `install-extension failed: ${installed.stderr}`);
step("installed the vsix");

mkdirSync(join(dirs.user, "User"), { recursive: true });
writeFileSync(
  join(dirs.user, "User", "settings.json"),
  JSON.stringify({
    "security.workspace.trust.enabled": false,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "extensions.ignoreRecommendations": true,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "editor.hover.delay": 200,
    "files.associations": { "*.txt": "plaintext" },
    "jianfu.server.command": [opts.python, "-m", "jianfu", "lsp"],
    "jianfu.debounceMs": 0,
  }),
);

const port = await freePort();
const server = spawn(
  codeServer,
  [...base, "--auth", "none", "--bind-addr", `127.0.0.1:${port}`, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust"],
  { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
);
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));
const stopServer = () => {
  try {
    process.kill(-server.pid, "SIGKILL"); // extension hosts outlive the browser: kill the whole group
  } catch {}
};
process.on("exit", stopServer);

let context;
try {
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, "code-server /healthz");
  step("code-server is up", `port ${port}`);
  context = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: opts.chromium,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
  await page.waitForSelector(".monaco-workbench", { timeout: 90000 });
  await page.waitForTimeout(1500);
  step("workbench loaded");

  async function openFile(name) {
    await page.keyboard.press("Control+P");
    await page.waitForSelector(".quick-input-widget input", { timeout: 15000 });
    await page.keyboard.type(name);
    const row = page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first();
    await row.waitFor({ timeout: 15000 });
    await row.click();
    await page.waitForSelector(`.tab.active[aria-label*="${name}"], .tab.active:has-text("${name}")`, { timeout: 15000 });
  }
  const squiggles = () => page.locator(".view-overlays .squiggly-warning, .view-overlays .squiggly-error, .view-overlays .squiggly-info");

  // 1. A draft with violations: squiggles and Problems entries with rule id and article.
  await openFile(violations);
  await waitFor(async () => (await squiggles().count()) > 0, "a squiggle in the violations draft", 90000);
  seen.squiggles = await squiggles().count();
  step("squiggles shown", String(seen.squiggles));
  await page.keyboard.press("Control+Shift+M");
  const markers = page.locator(".markers-panel");
  await markers.waitFor({ timeout: 15000 });
  seen.problemsCount = (await page.locator(".markers-panel .monaco-list-row").count());
  // The list is virtualised: filter it to the rule under test so its row is rendered.
  const filter = page.getByPlaceholder(/Filter/).first();
  await filter.click();
  await filter.fill("JF301");
  const problems = await waitFor(async () => {
    const text = await markers.innerText();
    return text.includes("JF301") ? text : false;
  }, "JF301 in the Problems panel");
  expect(problems.includes("第3条"), "the Problems entry names the article (第3条)");
  seen.problems = problems.slice(0, 1000);
  step("Problems panel lists JF301 with 第3条");
  await page.screenshot({ path: join(run, "violations.png") });

  // 2. Hover over the JF301 finding: the clause of the regulation is shown.
  const text = readFileSync(opts.violations, "utf8");
  const lines = text.split(/\r?\n/);
  const lineIndex = lines.findIndex((l) => /贯彻落实情况|落实情况/.test(l) && /报送|上报|报/.test(l));
  expect(lineIndex >= 0, "the violations draft has a sentence demanding a report on implementation");
  // Jump to the finding through the Problems panel, which places the cursor on its range.
  await markers.locator(".monaco-list-row", { hasText: "JF301" }).first().click();
  await page.keyboard.press("Enter");
  await page.waitForTimeout(500);
  // Jumping selects the finding's words: rest the mouse on them, as a drafter would (and again,
  // if the editor was still busy the first time).
  const selected = page.locator(".monaco-editor .selected-text").first();
  await selected.waitFor({ timeout: 15000 });
  const hover = page.locator(".monaco-hover:not(.hidden)");
  let hoverText = "";
  for (let attempt = 0; attempt < 5 && !hoverText; attempt++) {
    const box = await selected.boundingBox();
    await page.mouse.move(box.x + box.width + 200, box.y + 150);
    await page.waitForTimeout(300);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    hoverText = await waitFor(async () => {
      const joined = (await hover.allInnerTexts()).join("\n");
      // the clause's opening words and the advice appear only in jianfu's own hover, not in the diagnostic
      return joined.includes("加强政策性、合法合规性审查") && joined.includes("怎么改") ? joined : false;
    }, "the clause and the advice in the hover", 6000).catch(() => "");
  }
  expect(hoverText, "jianfu's hover with the clause and the advice");
  seen.hover = hoverText.slice(0, 600);
  step("hover shows the clause");
  await page.screenshot({ path: join(run, "hover.png") });
  await page.keyboard.press("Escape");

  // 3. Quick fix: delete the sentence; its diagnostic goes away.
  const before = (await markers.innerText()).split("JF301").length - 1;
  await page.keyboard.press("Control+.");
  const fixItem = page.locator(".action-widget .monaco-list-row, .context-view .action-label", { hasText: "删除" }).first();
  await fixItem.waitFor({ timeout: 15000 });
  seen.quickFix = ((await fixItem.getAttribute("aria-label")) ?? (await fixItem.innerText())).trim();
  // The action widget applies the focused item on Enter; move the focus onto our item first.
  for (let i = 0; i < 10 && !((await fixItem.getAttribute("class")) ?? "").includes("focused"); i++) {
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  await waitFor(async () => (await markers.innerText()).split("JF301").length - 1 < before, "the JF301 diagnostic to go away after the quick fix", 20000);
  step("quick fix applied", seen.quickFix);

  // 4. Negative control: a clean draft shows no squiggle once the server has reported on it.
  await openFile(clean);
  const status = page.locator(".statusbar-item", { hasText: "字数" });
  await waitFor(async () => (await status.count()) > 0, "the 字数 status-bar item for the clean draft", 30000);
  await page.waitForTimeout(1500);
  seen.cleanSquiggles = await squiggles().count();
  seen.statusBar = (await status.first().innerText()).trim();
  expect(seen.cleanSquiggles === 0, `the clean draft has no squiggle (saw ${seen.cleanSquiggles})`);
  step("clean draft has no squiggle", seen.statusBar);
  await page.screenshot({ path: join(run, "clean.png") });
  seen.screenshots = ["violations.png", "hover.png", "clean.png"].map((f) => join(run, f));
  console.log(JSON.stringify({ ok: true, ...seen }));
} catch (error) {
  if (context) {
    try {
      await context.pages()[0]?.screenshot({ path: join(run, "failure.png") });
    } catch {}
  }
  console.log(JSON.stringify({ ok: false, error: String(error?.stack ?? error), ...seen, serverLog: serverLog.slice(-3000) }));
  process.exitCode = 1;
} finally {
  if (context) await context.close().catch(() => {});
  stopServer();
}
