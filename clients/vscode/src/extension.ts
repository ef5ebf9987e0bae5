// A thin client: start `jianfu lsp`, pass settings, show 字数 in the status bar, offer a few commands.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, State } from "vscode-languageclient/node";
import { registerCommands } from "./commands";
import { explainMiddleware } from "./explain";
import { resolveServerCommand, ServerCommand } from "./serverCommand";
import { DocumentStats, StatsStatusBar } from "./statusBar";

let client: LanguageClient | undefined;
let server: ServerCommand | undefined;
let output: vscode.OutputChannel;
let statusBar: StatsStatusBar;

function documentSelector(): { scheme: string; language: string }[] {
  const languages = vscode.workspace.getConfiguration("jianfu").get<string[]>("documentSelector", ["plaintext", "markdown"]);
  return languages.flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("jianfu");
  server = await resolveServerCommand(config);
  if (!server) {
    const open = vscode.l10n.t("Open Settings");
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t("jianfu: cannot find the jianfu language server. Install it with `pip install jianfu`, or set jianfu.server.pythonPath to a Python that has jianfu."),
      open,
    );
    if (choice === open) {
      await vscode.commands.executeCommand("workbench.action.openSettings", "jianfu.server");
    }
    return;
  }
  output.appendLine(vscode.l10n.t("Starting the language server (from {0}): {1}", server.source, [server.command, ...server.args].join(" ")));
  const serverOptions: ServerOptions = { command: server.command, args: server.args, options: { env: { ...process.env, PYTHONIOENCODING: "utf-8" } } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    traceOutputChannel: output,
    synchronize: { configurationSection: "jianfu", fileEvents: vscode.workspace.createFileSystemWatcher("**/jianfu.toml") },
    initializationOptions: vscode.workspace.getConfiguration("jianfu"),
    middleware: explainMiddleware,
  };
  client = new LanguageClient("jianfu", "jianfu", serverOptions, clientOptions);
  client.onDidChangeState((event) => {
    if (event.newState === State.Stopped) {
      output.appendLine(vscode.l10n.t("The language server has stopped."));
    }
  });
  await client.start();
  context.subscriptions.push(client.onNotification("jianfu/documentStats", (stats: DocumentStats) => statusBar.update(stats)));
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("jianfu");
  statusBar = new StatsStatusBar();
  context.subscriptions.push(output, statusBar);
  context.subscriptions.push(
    vscode.workspace.onDidCloseTextDocument((document) => statusBar.forget(document.uri.toString())),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("jianfu.server") || event.affectsConfiguration("jianfu.documentSelector")) {
        await stop();
        await start(context);
      }
    }),
  );
  registerCommands(context, {
    restart: async () => {
      await stop();
      await start(context);
    },
    server: () => server,
    output: () => output,
  });
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
