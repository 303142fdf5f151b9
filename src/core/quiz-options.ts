/**
 * The `options` of a choice or multi quiz block. An option is a string, or a mapping
 * `{text, correct, why}`; `why` (only on a wrong option) says why that option is tempting and why it
 * is wrong, and is shown when a learner picks it. Written on the option itself, so the reason sits
 * beside what it explains and reordering the options cannot detach it.
 */
import { collapseCjkSpaces } from './cjk.js';
import type { Text } from './errors.js';
import type { QuestionOption } from './question.js';

/** Reports a problem at a 1-based file line. */
export type ReportAt = (line: number, text: Text) => void;

const OPTION_FIELDS = new Set(['text', 'correct', 'why']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A YAML value as an author would recognise it in a message. */
export function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * The file line of each option ("- …" items after the `options:` key), so a problem with option 3
 * points at option 3; `fallback` (the `options:` line) when the block is laid out some other way.
 */
export function optionLineFinder(contentLines: readonly string[], firstLine: number, fallback: number): (index: number) => number {
  const start = contentLines.findIndex((line) => /^\s*options\s*:/.test(line));
  const indent = (line: string): number => line.length - line.trimStart().length;
  const items: number[] = [];
  if (start >= 0) {
    const itemIndent = contentLines.slice(start + 1).find((line) => /^\s*-(\s|$)/.test(line));
    const level = itemIndent === undefined ? -1 : indent(itemIndent);
    for (let index = start + 1; index < contentLines.length; index++) {
      const line = contentLines[index]!;
      if (line.trim() === '') continue;
      if (indent(line) < level || (indent(line) === level && !/^\s*-(\s|$)/.test(line))) break;
      if (indent(line) === level) items.push(firstLine + index);
    }
  }
  return (index) => items[index] ?? fallback;
}

/** Parses `options`, or reports why it cannot; `at(index)` is the file line of option `index` (0-based). */
export function parseOptions(value: unknown, at: (index: number) => number, optionsLine: number, report: ReportAt): QuestionOption[] | undefined {
  if (!Array.isArray(value) || value.length < 2) {
    report(optionsLine, (t) => t.problem.options(show(value)));
    return undefined;
  }
  const options: QuestionOption[] = [];
  let broken = false;
  for (const [index, entry] of value.entries()) {
    const number = index + 1;
    const option = typeof entry === 'string' ? { text: entry } : entry;
    if (!isRecord(option) || typeof option.text !== 'string' || !option.text.trim()) {
      report(at(index), (t) => t.problem.option(number, show(entry)));
      return undefined;
    }
    if (option.correct !== undefined && typeof option.correct !== 'boolean') {
      report(at(index), (t) => t.problem.optionCorrect(number, show(option.correct)));
      return undefined;
    }
    const extra = Object.keys(option).filter((key) => !OPTION_FIELDS.has(key));
    if (extra.length > 0) {
      report(at(index), (t) => t.problem.optionField(number, String(extra[0])));
      return undefined;
    }
    const correct = option.correct === true;
    const parsed: QuestionOption = { text: collapseCjkSpaces(option.text.trim()), correct };
    if (option.why !== undefined) {
      if (typeof option.why !== 'string' || !option.why.trim()) {
        report(at(index), (t) => t.problem.whyEmpty(number, show(option.why)));
        broken = true;
      } else if (correct) {
        report(at(index), (t) => t.problem.whyOnCorrect(number));
        broken = true;
      } else {
        parsed.why = collapseCjkSpaces(option.why.trim());
      }
    }
    options.push(parsed);
  }
  return broken ? undefined : options;
}
