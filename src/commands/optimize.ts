import { UserError } from '../core/errors.js';
import { currentParams } from '../core/fsrs-params.js';
import { compareWeights, MIN_TRAINING_REVIEWS, reviewHistories, roundWeights, trainingItems, trainingReviewCount } from '../core/optimize.js';
import { RELEARNING_STEPS } from '../core/schedule.js';
import { loadOptimizer } from '../io/fsrs-optimizer.js';
import { formatOptimize } from '../ui/optimize-view.js';
import { checkEventTime, config, events, saveEvents, session, type CommandContext } from './context.js';
import { localTime, newEventBase } from './new-event.js';
import { schedulerFor } from './progress-state.js';

export interface OptimizeOptions {
  json?: boolean | undefined;
  dryRun?: boolean | undefined;
}

/**
 * `ml-tutor optimize`: fit FSRS weights to the learner's own reviews (issue 10, item 3), show them
 * beside the current ones with each one's log loss on the history, and store them as a params
 * event when they predict it better (not with --dry-run). From then on the whole history replays
 * with them; `progress undo` takes them back.
 */
export async function optimizeCommand(context: CommandContext, options: OptimizeOptions): Promise<void> {
  const stored = config(context);
  const { t, color } = session(context, stored);
  // The log itself, not its replay: the histories come from the events, and the weights in use
  // from its latest params event (what the replay would schedule with).
  const log = events(context);
  const since = currentParams(log);
  const current = schedulerFor(stored, since?.w).weights;
  const histories = reviewHistories(log);
  const reviews = trainingReviewCount(histories);
  if (reviews < MIN_TRAINING_REVIEWS) throw new UserError((table) => table.optimize.tooFew(MIN_TRAINING_REVIEWS, reviews));
  // Before the optimizer runs: a result that could not be saved is not worth waiting for.
  if (!options.dryRun) checkEventTime(context);
  const optimizer = await loadOptimizer(context.env.ML_TUTOR_OPTIMIZER || undefined);
  const fitted = roundWeights(await optimizer.fit(trainingItems(histories), { relearningSteps: RELEARNING_STEPS.length }));
  const comparison = compareWeights(histories, current, fitted);
  const save = comparison.better && !options.dryRun;
  // saveEvents: with sync on, the new weights reach the other devices like any answer.
  if (save) saveEvents(context, [{ ...newEventBase(context), type: 'params', w: comparison.fitted.weights }]);

  if (options.json) {
    const scored = (score: { weights: number[]; logLoss: number }) => ({ w: score.weights, log_loss: score.logLoss });
    const result = { reviews: comparison.reviews, old: scored(comparison.current), new: scored(comparison.fitted), better: comparison.better, saved: save, dry_run: options.dryRun === true };
    context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const outcome = !comparison.better ? t.optimize.kept : options.dryRun ? t.optimize.dryRun : t.optimize.saved;
  context.stdout.write(formatOptimize(comparison, { t, color, currentSince: since ? localTime(new Date(since.at)) : undefined, outcome }));
}
