import { BREAK, visit, type DocumentNode } from 'graphql';
import { InvalidTextError, type TextProblem } from './edge.errors';

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What makes a string unfit for any resolver (PostgreSQL refuses NUL; a lone surrogate is no text), or null. */
export function textProblem(text: string, maxLength: number): TextProblem | null {
  if (text.length > maxLength) return 'TEXT_TOO_LONG';
  if (text.includes('\u0000')) return 'TEXT_NUL';
  // Most text has no surrogate at all; only text that has one needs the slower pairing check.
  if (SURROGATE.test(text) && LONE_SURROGATE.test(text)) return 'TEXT_INVALID_UNICODE';
  return null;
}

/**
 * Refuses, before any resolver runs, an operation whose string literals or variables (at any
 * depth, keys included) carry a NUL, a lone surrogate or more than `maxLength` characters.
 */
export function requireWellFormedText(document: DocumentNode, variables: unknown, maxLength: number): void {
  checkLiterals(document, maxLength);
  checkVariables(variables, maxLength);
}

function refuse(problem: TextProblem, where: string, maxLength: number): never {
  throw new InvalidTextError(problem, where.slice(0, 200), problem === 'TEXT_TOO_LONG' ? { maxLength } : {});
}

function checkLiterals(document: DocumentNode, maxLength: number): void {
  let found: { problem: TextProblem; where: string } | undefined;
  visit(document, {
    StringValue(node) {
      const problem = textProblem(node.value, maxLength);
      if (!problem) return undefined;
      const start = node.loc?.startToken;
      found = { problem, where: start ? `line ${start.line}, column ${start.column}` : 'query' };
      return BREAK;
    },
  });
  if (found) refuse(found.problem, found.where, maxLength);
}

/** Where a variable sits, kept as links and spelt out only when it is refused. */
interface VariablePath {
  parent?: VariablePath;
  key: string | number;
}

/** `$input.change.decision.signers[1]`, cut at 200 characters (the keys are the caller's). */
function spell(path: VariablePath | undefined): string {
  const keys: Array<string | number> = [];
  for (let at = path; at; at = at.parent) keys.push(at.key);
  let text = '$';
  for (const key of keys.reverse()) {
    text = typeof key === 'number' ? `${text}[${key}]` : text === '$' ? `$${key}` : `${text}.${key}`;
    if (text.length >= 200) break;
  }
  return text;
}

/** Walks variables without recursion, so no nesting depth can exhaust the stack. */
function checkVariables(variables: unknown, maxLength: number): void {
  const pending: Array<[unknown, VariablePath | undefined]> = [[variables, undefined]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      const problem = textProblem(value, maxLength);
      if (problem) refuse(problem, spell(path), maxLength);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, { parent: path, key: index }]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const problem = textProblem(key, maxLength);
        if (problem) refuse(problem, spell(path), maxLength);
        pending.push([item, { parent: path, key }]);
      }
    }
  }
}
