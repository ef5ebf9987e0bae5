// The status-bar item: 字数 of the active draft against its limit, from `jianfu/documentStats`.
import * as vscode from "vscode";

export interface SectionStat {
  name: string;
  heading: string;
  chars: number;
  budget: number;
}

export interface DocumentStats {
  uri: string;
  bodyChars: number;
  limit: number | null;
  docType: string;
  sections: SectionStat[];
}

const DOC_TYPES: Record<string, () => string> = {
  general: () => vscode.l10n.t("general document"),
  special: () => vscode.l10n.t("special task"),
  comprehensive: () => vscode.l10n.t("comprehensive work"),
};

export class StatsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("jianfu.stats", vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, DocumentStats>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item.name = "jianfu 字数";
    this.item.command = "workbench.actions.view.problems";
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(stats: DocumentStats): void {
    this.byUri.set(stats.uri, stats);
    this.render();
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.render();
  }

  private render(): void {
    const editor = vscode.window.activeTextEditor;
    const stats = editor ? this.byUri.get(editor.document.uri.toString()) : undefined;
    if (!stats) {
      this.item.hide();
      return;
    }
    const over = stats.limit !== null && stats.bodyChars > stats.limit;
    this.item.text = `$(book) ${stats.limit === null ? stats.bodyChars : vscode.l10n.t("字数 {0}/{1}", stats.bodyChars, stats.limit)}`;
    this.item.backgroundColor = over ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(vscode.l10n.t("Body: {0} 字", stats.bodyChars));
    const docType = DOC_TYPES[stats.docType]?.() ?? stats.docType;
    tooltip.appendMarkdown((stats.limit === null ? vscode.l10n.t(" (comprehensive work: no limit)") : vscode.l10n.t(", limit {0} ({1})", stats.limit, docType)) + "\n\n");
    for (const section of stats.sections) {
      const mark = section.chars > section.budget ? "⚠️" : "✓";
      tooltip.appendMarkdown(`${mark} ${section.name}「${section.heading}」${section.chars}/${section.budget} 字\n\n`);
    }
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
