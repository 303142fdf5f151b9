import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveResetScope } from '../core/catalog.js';
import { UserError, type Text } from '../core/errors.js';
import { eventProblem, serializeEvent } from '../core/event-log.js';
import type { ProgressEvent } from '../core/events.js';
import { glossaryQuestions } from '../core/glossary-quiz.js';
import { cancelledIds } from '../core/event-log.js';
import { currentParams } from '../core/fsrs-params.js';
import { canonicalJson } from '../core/sync-merge.js';
import { inResetScope } from '../core/replay.js';
import { isRating } from '../core/schedule.js';
import { closestMatches } from '../core/suggest.js';
import { GLOSSARY_TOPIC } from '../core/topics.js';
import type { Messages } from '../i18n/index.js';
import { describeFsError, readUtf8, writeFileAtomic } from '../io/files.js';
import { catalogQuestions, loadProgressState } from './progress-state.js';
import { checkEventTime, config, events, loadCatalog, promptOutput, saveEvents, session, type CommandContext } from './context.js';
import { localTime, newEventBase } from './new-event.js';
import { courseGlossary } from './glossary.js';

function print(context: CommandContext, line: string): void {
  context.stdout.write(`${line}\n`);
}

/** Replay's order: time, then position in the log for events at the same instant. */
function later(a: ProgressEvent, b: ProgressEvent, log: readonly ProgressEvent[]): boolean {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  return ta !== tb ? ta > tb : log.indexOf(a) > log.indexOf(b);
}

/** What a reset's scope is called: everything, the glossary's cards, or a topic. */
function scopeLabel(t: Messages, scope: string): string {
  return scope === 'all' ? t.scopeAll : scope === GLOSSARY_TOPIC ? t.scopeGlossary : t.scopeTopic(scope);
}

/**
 * `progress undo`: cancel the latest review, or the latest reset or FSRS weights (`optimize`) if one
 * came after it. A suspension the quiz added because that review made the card a leech is undone with it.
 */
export async function progressUndo(context: CommandContext): Promise<void> {
  const { t } = session(context);
  const { events: log, progress } = loadProgressState(context);
  const cancelled = cancelledIds(log);
  const review = log.find((event) => event.id === progress.lastReviewId);
  let target: ProgressEvent | undefined = review;
  for (const event of log) {
    if ((event.type !== 'reset' && event.type !== 'params') || cancelled.has(event.id) || Number.isNaN(Date.parse(event.at))) continue;
    if (!target || later(event, target, log)) target = event;
  }
  if (!target) throw new UserError((t) => t.nothingToUndo);

  const undo: ProgressEvent[] = [{ ...newEventBase(context), type: 'undo', target: target.id }];
  if (target.type === 'review') {
    const reviewed = target;
    for (const event of log) {
      const leechSuspend = event.type === 'suspend' && event.reason === 'leech' && event.card === reviewed.card && event.at === reviewed.at;
      if (leechSuspend && !cancelled.has(event.id)) undo.push({ ...newEventBase(context), type: 'undo', target: event.id });
    }
  }
  checkEventTime(context);
  saveEvents(context, undo);
  const at = localTime(new Date(target.at));
  if (target.type === 'review') {
    print(context, t.undoReview(target.card, isRating(target.rating) ? t.ratingName[target.rating] : String(target.rating), at));
  } else if (target.type === 'reset') {
    print(context, t.undoReset(scopeLabel(t, target.scope), at));
  } else if (target.type === 'params') {
    const inForce = currentParams([...log, ...undo]);
    print(context, t.optimize.undone(at, inForce ? t.optimize.fittedOn(localTime(new Date(inForce.at))) : t.optimize.defaultsName));
  }
}

/** `progress suspend|unsuspend <card>`. */
export async function progressSuspend(context: CommandContext, card: string, suspend: boolean): Promise<void> {
  const stored = config(context);
  const current = session(context, stored);
  const { t } = current;
  const catalog = loadCatalog(context);
  const { progress } = loadProgressState(context, stored);
  const questions = [...catalogQuestions(catalog, current.choice.lang).questions, ...glossaryQuestions(courseGlossary(context, catalog).terms, current.choice.lang)];
  const known = new Set([...questions.map((question) => question.id), ...progress.cards.keys()]);
  const id = card.trim();
  if (!known.has(id)) {
    const near = closestMatches(id, [...known]);
    throw new UserError((t) => t.unknownCard(card) + t.didYouMean(near));
  }
  const suspended = progress.cards.get(id)?.suspended === true;
  if (suspended === suspend) {
    print(context, suspend ? t.alreadySuspended(id) : t.notSuspended(id));
    return;
  }
  checkEventTime(context);
  saveEvents(context, [{ ...newEventBase(context), type: suspend ? 'suspend' : 'unsuspend', card: id }]);
  print(context, suspend ? t.suspendDone(id) : t.unsuspendDone(id));
}

/**
 * `progress export [file]`: every valid event of the log, one per line (a line torn by a crash is
 * left out, with the usual warning, so the export always imports); to a file it is written atomically.
 */
export async function progressExport(context: CommandContext, file: string | undefined, options: { force?: boolean | undefined } = {}): Promise<void> {
  const { t } = session(context);
  // An export never replaces a file by surprise (a mistyped name could be anything): --force says so.
  if (file !== undefined && file !== '-' && !options.force && existsSync(resolve(file))) throw new UserError((table) => table.exportExists(file));
  const text = events(context).map(serializeEvent).join('');
  if (file === undefined || file === '-') {
    context.stdout.write(text);
    return;
  }
  const path = resolve(file);
  writeFileAtomic(path, text);
  print(context, t.exportDone(text.split('\n').filter((line) => line.trim() !== '').length, file));
}

/**
 * Every event of an exported log, or a UserError naming each bad line: a file that is not an event
 * log is refused whole, so a wrong file never half-merges.
 */
export function parseImport(text: string, path: string): Array<{ event: ProgressEvent; line: number }> {
  const imported: Array<{ event: ProgressEvent; line: number }> = [];
  const problems: Text[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push((t) => t.inFile(`${path}:${index + 1}`, t.notJson));
      return;
    }
    const problem = eventProblem(value);
    if (problem) problems.push((t) => t.inFile(`${path}:${index + 1}`, problem(t)));
    else imported.push({ event: value as ProgressEvent, line: index + 1 });
  });
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new UserError((t) => t.importNotLog(first(t), problems.length - 1));
  }
  return imported;
}

/** `progress import <file>`: the union by event id. */
export async function progressImport(context: CommandContext, file: string): Promise<void> {
  const { t } = session(context);
  let text: string;
  try {
    text = readUtf8(resolve(file));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError((t) => t.cannotRead(file, describeFsError(error, t)));
  }
  const incoming = parseImport(text, file);
  const present = new Map(events(context).map((event) => [event.id, event]));
  const added: ProgressEvent[] = [];
  for (const { event, line } of incoming) {
    const known = present.get(event.id);
    if (known) {
      // The same id with other content is not the same event: two logs disagree, and merging
      // either version silently would lose the other.
      if (canonicalJson(known) !== canonicalJson(event)) {
        throw new UserError((t) => t.importCollision(`${file}:${line}`, event.id));
      }
      continue;
    }
    present.set(event.id, event);
    added.push(event);
  }
  saveEvents(context, added);
  print(context, t.importDone(added.length, incoming.length - added.length));
}

export interface ResetOptions {
  topic?: string | undefined;
  yes?: boolean | undefined;
}

/** `progress reset [--topic T] [--yes]`: a reset event (undoable); asks first on a terminal. */
export async function progressReset(context: CommandContext, options: ResetOptions): Promise<void> {
  const stored = config(context);
  const current = session(context, stored);
  const { t } = current;
  const catalog = loadCatalog(context);
  const scope = options.topic === undefined ? 'all' : resolveResetScope(catalog, options.topic);
  const label = scopeLabel(t, scope);
  checkEventTime(context); // before asking: a reset that cannot be written is not worth confirming
  if (!options.yes) {
    if (!context.stdinIsTTY) {
      throw new UserError((t) => t.resetNeedsYes);
    }
    const { askConfirm } = await import('../ui/prompts.js');
    const confirmed = await askConfirm(t.resetQuestion(label), { input: context.stdin, output: promptOutput(context), color: current.color });
    if (!confirmed) {
      print(context, t.resetCancelled);
      return;
    }
  }
  const { progress } = loadProgressState(context, stored);
  const cards = [...progress.cards.values()].filter(
    (record) => record.schedule.state !== 'new' && inResetScope(scope, record.id),
  ).length;
  saveEvents(context, [{ ...newEventBase(context), type: 'reset', scope }]);
  print(context, t.resetDone(label, cards));
}
