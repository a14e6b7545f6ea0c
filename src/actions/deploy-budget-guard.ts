import type { BudgetLine } from '../budget/budget.ts';
import { DEFAULT_BUDGET, parseBudget } from '../budget/budget.ts';
import {
  budgetFailures,
  budgetSummary,
  countLine,
  recordsTableLines,
} from '../budget/budget-summary.ts';
import type { ColdDeps } from '../budget/cold-deps.ts';
import { parseColdDeps } from '../budget/cold-deps.ts';
import { gatherRecords, originOf, scratchDir } from '../budget/gather-records.ts';
import { jobLabel } from '../budget/record-artifacts.ts';
import { parseRecordDetail, recordNow } from '../budget/record-input.ts';
import {
  appendRecordLine,
  ensureRecordFile,
  RECORD_FILE_VARIABLE,
  recordFileOf,
} from '../budget/record-file.ts';
import { recordsOutput, RECORDS_SHRINKS } from '../budget/report-output.ts';
import { tallyBudget } from '../budget/tally.ts';
import type { ActionContext } from '../runner/action-context.ts';
import { CheckFailed, ConfigurationError } from '../runner/errors.ts';
import { setJsonOutput } from '../runner/json-output.ts';

type Mode = 'start' | 'record' | 'upload' | 'check';
const MODES: readonly Mode[] = ['start', 'record', 'upload', 'check'];

/** Inputs read in some modes only: given in another, they are a mistake worth naming. */
const READ_IN: Readonly<Record<string, readonly Mode[]>> = {
  operation: ['record'],
  name: ['record'],
  counted: ['record'],
  detail: ['record'],
  leg: ['upload', 'check'],
  budget: ['check'],
  'cold-deps': ['check'],
  'run-records': ['check'],
};

export interface DeployBudgetGuardInputs {
  readonly mode: Mode;
  readonly operation: string;
  readonly name: string | undefined;
  readonly counted: boolean;
  readonly detail: unknown;
  readonly leg: string;
  readonly budget: readonly BudgetLine[];
  readonly coldDeps: ColdDeps;
  readonly runRecords: boolean;
  readonly summary: boolean;
}

export function getInputs({ inputs }: ActionContext): DeployBudgetGuardInputs {
  const mode = inputs.choice('mode', MODES, 'check');
  for (const [input, modes] of Object.entries(READ_IN)) {
    if (!modes.includes(mode) && inputs.optional(input) !== undefined) {
      throw new ConfigurationError(
        `${input}: is read in mode ${modes.join(' and ')}, but this step runs mode ${mode}; remove it or set mode`,
      );
    }
  }
  return {
    mode,
    operation: inputs.optional('operation') ?? 'deploy',
    name: inputs.optional('name'),
    counted: inputs.boolean('counted', true),
    detail: parseRecordDetail(inputs.optional('detail')),
    leg: inputs.optional('leg') ?? '',
    budget: parseBudget(inputs.optional('budget') ?? DEFAULT_BUDGET),
    coldDeps: parseColdDeps(inputs.optional('cold-deps')),
    runRecords: inputs.boolean('run-records', true),
    summary: inputs.boolean('summary', true),
  };
}

async function check(settings: DeployBudgetGuardInputs, context: ActionContext): Promise<void> {
  const { leg, runRecords } = settings;
  const records = await gatherRecords({ env: context.env, leg, runRecords, log: context.log });
  const report = tallyBudget(records, settings.budget, settings.coldDeps);
  const first = report.operations[0]!;
  context.setOutput('count', String(first.count));
  context.setOutput('expected', String(first.expected));
  context.setOutput('ok', String(report.ok));
  setJsonOutput(context, 'records', recordsOutput(report), RECORDS_SHRINKS);
  for (const op of report.operations) context.log.info(countLine(op));
  const failures = budgetFailures(report);
  if (settings.summary) context.appendSummary(budgetSummary(report));
  const table = recordsTableLines(report.records);
  if (failures.length === 0) {
    await context.group('Records', () => {
      for (const line of table) context.log.info(line);
      return Promise.resolve();
    });
    return;
  }
  for (const line of table) context.log.info(line);
  throw new CheckFailed(failures.join('; '));
}

export async function run(context: ActionContext): Promise<void> {
  const settings = getInputs(context);
  const file = recordFileOf(context.env);
  switch (settings.mode) {
    case 'start':
      ensureRecordFile(file);
      context.exportVariable(RECORD_FILE_VARIABLE, file);
      context.setOutput('file', file);
      context.log.info(`records go to ${file} (${RECORD_FILE_VARIABLE}), one JSON line each`);
      return;
    case 'record': {
      ensureRecordFile(file);
      const { operation, name, counted, detail } = settings;
      appendRecordLine(file, recordNow({ operation, name, counted, detail }));
      context.log.info(
        `recorded ${operation}${name === undefined ? '' : ` ${name}`}${counted ? '' : ' (not counted)'}`,
      );
      return;
    }
    case 'upload': {
      const { uploadRecords } = await import('../budget/record-artifacts.ts');
      const origin = originOf(context.env, settings.leg);
      const uploaded = await uploadRecords(file, origin, await scratchDir(context.env, 'upload'));
      context.setOutput('artifact', uploaded.name);
      context.log.info(
        `uploaded ${uploaded.records} records of ${jobLabel(origin)} as ${uploaded.name}`,
      );
      return;
    }
    case 'check':
      await check(settings, context);
  }
}
