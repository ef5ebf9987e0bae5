// Finds how to start `jianfu lsp`: an explicit command, a configured Python, `jianfu` on PATH,
// or the interpreter selected in the Python extension. Each candidate is probed before use.
import { spawnSync } from "child_process";
import * as vscode from "vscode";

export interface ServerCommand {
  command: string;
  args: string[];
  source: string; // which setting or fallback produced it, for the log
}

function works(command: string, args: string[]): boolean {
  try {
    const result = spawnSync(command, args, { timeout: 15000, encoding: "utf8", windowsHide: true });
    return result.status === 0;
  } catch {
    return false;
  }
}

function fromPython(python: string, source: string): ServerCommand | undefined {
  if (python && works(python, ["-c", "import jianfu"])) {
    return { command: python, args: ["-m", "jianfu", "lsp"], source };
  }
  return undefined;
}

async function selectedInterpreter(): Promise<string | undefined> {
  const python = vscode.extensions.getExtension("ms-python.python");
  if (!python) {
    return undefined;
  }
  try {
    const api = python.isActive ? python.exports : await python.activate();
    const path = api?.environments?.getActiveEnvironmentPath?.();
    return typeof path?.path === "string" ? path.path : undefined;
  } catch {
    return undefined;
  }
}

export async function resolveServerCommand(config: vscode.WorkspaceConfiguration): Promise<ServerCommand | undefined> {
  const explicit = config.get<string[]>("server.command", []);
  if (explicit.length > 0) {
    return { command: explicit[0], args: explicit.slice(1), source: "jianfu.server.command" };
  }
  const configured = fromPython(config.get<string>("server.pythonPath", ""), "jianfu.server.pythonPath");
  if (configured) {
    return configured;
  }
  if (works("jianfu", ["--version"])) {
    return { command: "jianfu", args: ["lsp"], source: "PATH" };
  }
  const interpreter = await selectedInterpreter();
  return interpreter ? fromPython(interpreter, vscode.l10n.t("the interpreter selected in the Python extension")) : undefined;
}

/** The same program with other arguments, e.g. `jianfu explain JF301` from `jianfu lsp`. */
export function withArgs(server: ServerCommand, args: string[]): { command: string; args: string[] } {
  const base = server.args[server.args.length - 1] === "lsp" ? server.args.slice(0, -1) : server.args;
  return { command: server.command, args: [...base, ...args] };
}
