// 说明理由并保留…: a code action cannot ask for free text, so its command comes here first. The
// extension asks for the reason in an input box, then the server writes the [[exception]] entry
// into jianfu.toml (a WorkspaceEdit) and the finding shows as 已说明理由.
import * as vscode from "vscode";
import type { Middleware } from "vscode-languageclient/node";

export const RECORD_EXCEPTION = "jianfu.recordException";

export const explainMiddleware: Middleware = {
  async executeCommand(command, args, next) {
    if (command !== RECORD_EXCEPTION || args.length > 1) {
      return next(command, args);
    }
    const reason = await vscode.window.showInputBox({
      title: vscode.l10n.t("Keep with a reason"),
      prompt: vscode.l10n.t("Why is this wording kept (e.g. a basis in a document of the Party centre or the State Council)? It is recorded in jianfu.toml."),
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t("Please enter the reason.")),
    });
    if (!reason) {
      return undefined;
    }
    const answer = await next(command, [args[0], reason.trim()]);
    // The edit may leave jianfu.toml open and unsaved; checks read the file, so save it.
    const config = typeof answer?.config === "string" ? answer.config : undefined;
    const edited = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === config);
    if (edited?.isDirty) {
      await edited.save();
    }
    return answer;
  },
};
