import { appendFileSync } from 'node:fs';
import * as core from '@actions/core';
import { Inputs } from './inputs.ts';
import type { Logger } from './logger.ts';
import { neutralize } from './neutralize.ts';
import { fitSummary } from './summary.ts';

/**
 * The Actions runtime seen by an action's entry: typed inputs, neutralized logs, the runner's
 * file commands and the step summary, all through `@actions/core`. Domains never see it: they
 * receive a `Logger` and return data.
 */
export interface ActionContext {
  /** The step's environment: `INPUT_*`, `GITHUB_*`, `RUNNER_*`. */
  readonly env: NodeJS.ProcessEnv;
  readonly inputs: Inputs;
  readonly log: Logger;
  setOutput(name: string, value: string): void;
  /** For the later steps of the job (`GITHUB_ENV`), and for this process. */
  exportVariable(name: string, value: string): void;
  addPath(path: string): void;
  /** For this action's post step (`GITHUB_STATE`). */
  saveState(name: string, value: string): void;
  getState(name: string): string;
  /** Appended to the step summary, fitted under its size limit; skipped outside a runner. */
  appendSummary(markdown: string): void;
  /** Runs `body` with its log lines folded into a group. */
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
}

/** The runner's name mangling: spaces become `_`, letters upper case; `-` stays. */
export function readInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export const actionLog: Logger = {
  debug: (message) => {
    core.debug(neutralize(message));
  },
  info: (message) => {
    core.info(neutralize(message));
  },
  notice: (message) => {
    core.notice(neutralize(message));
  },
  warning: (message) => {
    core.warning(neutralize(message));
  },
};

/**
 * The context of a step whose environment is `env`. The runner's file commands and log
 * commands go where `@actions/core` sends them: the files `process.env` names, and stdout.
 */
export function createActionContext(env: NodeJS.ProcessEnv = process.env): ActionContext {
  return {
    env,
    inputs: new Inputs((name) => readInput(env, name)),
    log: actionLog,
    setOutput: core.setOutput,
    exportVariable: core.exportVariable,
    addPath: core.addPath,
    saveState: core.saveState,
    getState: core.getState,
    // Not core.summary: it caches the file's path for the life of the process.
    appendSummary: (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return;
      const text = fitSummary(markdown);
      appendFileSync(env.GITHUB_STEP_SUMMARY, text.endsWith('\n') ? text : `${text}\n`, 'utf8');
    },
    group: (title, body) => core.group(neutralize(title), body),
  };
}
