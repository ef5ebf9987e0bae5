// Commands: restart, check the whole workspace, show a rule's documentation, show the log.
import { execFile } from "child_process";
import * as vscode from "vscode";
import { ServerCommand, withArgs } from "./serverCommand";

const RULE_SCHEME = "jianfu-rule";
const MAX_WORKSPACE_FILES = 2000;

interface Hooks {
  restart: () => Promise<void>;
  server: () => ServerCommand | undefined;
  output: () => vscode.OutputChannel;
}

function run(server: ServerCommand, args: string[]): Promise<string> {
  const { command, args: full } = withArgs(server, args);
  return new Promise((resolve, reject) => {
    execFile(command, full, { encoding: "utf8", timeout: 30000, env: { ...process.env, PYTHONIOENCODING: "utf-8" } }, (error, stdout, stderr) => {
      if (error && !stdout) {
        reject(new Error(stderr || error.message));
      } else {
        resolve(stdout);
      }
    });
  });
}

export function registerCommands(context: vscode.ExtensionContext, hooks: Hooks): void {
  const ruleDocs = new (class implements vscode.TextDocumentContentProvider {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      const server = hooks.server();
      if (!server) {
        return vscode.l10n.t("The jianfu language server is not running.");
      }
      return run(server, ["explain", uri.path.replace(/\.txt$/, "")]);
    }
  })();

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, ruleDocs),
    vscode.commands.registerCommand("jianfu.restartServer", hooks.restart),
    vscode.commands.registerCommand("jianfu.showOutput", () => hooks.output().show(true)),
    vscode.commands.registerCommand("jianfu.checkWorkspace", async () => {
      const languages = vscode.workspace.getConfiguration("jianfu").get<string[]>("documentSelector", ["plaintext", "markdown"]);
      const globs = [languages.includes("plaintext") ? "**/*.txt" : "", languages.includes("markdown") ? "**/*.md" : ""].filter(Boolean);
      const files = (await Promise.all(globs.map((glob) => vscode.workspace.findFiles(glob, "**/node_modules/**", MAX_WORKSPACE_FILES)))).flat();
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("jianfu: checking the drafts in the workspace"), cancellable: true },
        async (progress, token) => {
          for (const [index, file] of files.entries()) {
            if (token.isCancellationRequested) {
              break;
            }
            await vscode.workspace.openTextDocument(file); // opening a draft makes the server check it
            progress.report({ message: `${index + 1}/${files.length}`, increment: 100 / files.length });
          }
        },
      );
      await vscode.commands.executeCommand("workbench.actions.view.problems");
    }),
    vscode.commands.registerCommand("jianfu.showRuleDocs", async (ruleId?: string) => {
      const server = hooks.server();
      if (!server) {
        vscode.window.showErrorMessage(vscode.l10n.t("jianfu: the language server is not running, cannot show rule documentation."));
        return;
      }
      if (!ruleId) {
        const listing = await run(server, ["rules"]);
        const items = listing
          .split("\n")
          .filter((line) => line.trim())
          .map((line) => {
            const [id, article, , title] = line.split("\t");
            return { label: id, description: article, detail: title };
          });
        const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t("Choose a rule") });
        ruleId = picked?.label;
      }
      if (ruleId) {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(`${RULE_SCHEME}:${ruleId}.txt`));
        await vscode.window.showTextDocument(document, { preview: true });
      }
    }),
  );
}
