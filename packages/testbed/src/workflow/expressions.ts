// Expressions and template values of a workflow, evaluated as the runner does: `${{ }}` through
// @actions/expressions, the status functions from the job's state, and every value a plain JSON value.
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import {
  isBasicExpression,
  isBoolean,
  isLiteral,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser';

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type Contexts = Record<string, Value>;

/** What success(), failure(), cancelled() see: the job (or, for a job's if, its needs) so far. */
export interface Status {
  failed: boolean;
  cancelled: boolean;
}

const STATUS_FUNCTIONS = ['success', 'failure', 'always', 'cancelled'] as const;

function statusFunctions(status: Status) {
  const verdict: Record<(typeof STATUS_FUNCTIONS)[number], boolean> = {
    success: !status.failed && !status.cancelled,
    failure: status.failed && !status.cancelled,
    always: true,
    cancelled: status.cancelled,
  };
  return new Map(
    STATUS_FUNCTIONS.map((name) => [
      name,
      { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(verdict[name]) },
    ]),
  );
}

const toData = (contexts: Contexts) => JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;

/** One expression (without `${{ }}`) in the given contexts. */
export function evaluate(expression: string, contexts: Contexts, status: Status): Value {
  const lexed = new Lexer(expression).lex();
  const functions = statusFunctions(status);
  const parsed = new Parser(lexed.tokens, Object.keys(contexts), [...functions.values()]).parse();
  const result = new Evaluator(parsed, toData(contexts), functions).evaluate();
  return JSON.parse(JSON.stringify(result, data.replacer)) as Value;
}

/** The runner's truthiness of a condition's result. */
export function truthy(v: Value): boolean {
  return !(v === null || v === false || v === 0 || v === '' || (typeof v === 'number' && Number.isNaN(v)));
}

/** A value as a step input or an env variable receives it. */
export function text(v: Value | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A template value (mapping, sequence, literal or expression) with its expressions evaluated. */
export function valueOf(token: TemplateToken, contexts: Contexts, status: Status): Value {
  if (isBasicExpression(token)) return evaluate(token.expression, contexts, status);
  if (isString(token)) return token.value;
  if (isNumber(token) || isBoolean(token)) return token.value;
  if (isMapping(token)) {
    const out: Record<string, Value> = {};
    for (const { key, value } of token)
      out[text(valueOf(key, contexts, status))] = valueOf(value, contexts, status);
    return out;
  }
  if (isSequence(token)) {
    const out: Value[] = [];
    for (let i = 0; i < token.count; i++) out.push(valueOf(token.get(i), contexts, status));
    return out;
  }
  if (isLiteral(token)) return null;
  throw new Error(`workflow harness: cannot evaluate a ${token.constructor.name} here`);
}

/** A mapping of the workflow (with:, env:, outputs:) as strings, as the runner hands them on. */
export function textMap(token: TemplateToken | undefined, contexts: Contexts, status: Status) {
  if (!token) return {};
  const value = valueOf(token, contexts, status);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('workflow harness: expected a mapping');
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, text(v)]));
}
