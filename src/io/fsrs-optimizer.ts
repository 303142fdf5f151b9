/**
 * The FSRS optimizer: the one wrapper around @open-spaced-repetition/binding (fsrs-rs compiled for
 * Node), an optional dependency that only `ml-tutor optimize` loads, when it runs. It ships native
 * builds per platform; where none installs or loads, optimize says so in one line and every other
 * command is untouched, since nothing else imports this file.
 */
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { FSRS_WEIGHT_COUNT, isFsrsWeights } from '../core/events.js';
import type { HistoryReview } from '../core/optimize.js';
import type { Messages } from '../i18n/index.js';

export const OPTIMIZER_PACKAGE = '@open-spaced-repetition/binding';

/** The part of the binding's API used here (its dist/index.d.ts, version 0.5.0). */
interface Binding {
  FSRSBindingReview: new (rating: number, deltaT: number) => unknown;
  FSRSBindingItem: new (reviews: unknown[]) => unknown;
  computeParameters(trainSet: unknown[], options: { enableShortTerm: boolean; numRelearningSteps?: number }): Promise<number[]>;
}

export interface FsrsOptimizer {
  /**
   * FSRS-6's 21 weights fitted to `items` (core/optimize.ts trainingItems), with short-term memory
   * (same-day reviews) on, as the scheduler has it, and its number of relearning steps.
   */
  fit(items: readonly (readonly HistoryReview[])[], options: { relearningSteps: number }): Promise<number[]>;
}

function isBinding(value: unknown): value is Binding {
  const candidate = value as Partial<Binding> | null;
  return typeof candidate?.computeParameters === 'function' && typeof candidate.FSRSBindingItem === 'function' && typeof candidate.FSRSBindingReview === 'function';
}

/** The first line of what went wrong, for a one-line message. */
function firstLine(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') return 'not-installed';
  return String(error instanceof Error ? error.message : error).split('\n')[0]!.trim();
}

/**
 * Load the optimizer. `module`: the package name or a path to load instead of the binding (the
 * command passes ML_TUTOR_OPTIMIZER, which tests point at a missing file). Throws a UserError
 * naming the package when it cannot be loaded.
 */
export async function loadOptimizer(module: string = OPTIMIZER_PACKAGE): Promise<FsrsOptimizer> {
  const specifier = module.startsWith('.') || isAbsolute(module) ? resolve(module) : module;
  let binding: Binding;
  try {
    const loaded = (await import(specifier)) as { default?: unknown };
    // The ES module, or a CommonJS one seen through import (its exports are the default).
    const candidate = isBinding(loaded) ? loaded : loaded.default;
    if (!isBinding(candidate)) throw new Error('it does not export computeParameters');
    binding = candidate;
  } catch (error) {
    const reason = firstLine(error);
    const missing = module === OPTIMIZER_PACKAGE ? (t: Messages) => t.optimize.notInstalled : (t: Messages) => t.optimize.notFound;
    throw new UserError((t) => t.optimize.unavailable(module, reason === 'not-installed' ? missing(t) : reason));
  }
  return {
    async fit(items, options) {
      const trainSet = items.map((item) => new binding.FSRSBindingItem(item.map((review) => new binding.FSRSBindingReview(review.rating, review.days))));
      let weights: unknown;
      try {
        weights = await binding.computeParameters(trainSet, { enableShortTerm: true, numRelearningSteps: options.relearningSteps });
      } catch (error) {
        const reason = firstLine(error);
        throw new UserError((t) => t.optimize.failed(reason));
      }
      // What a params event must hold (core/events.ts): anything else would be saved, then skipped
      // with a warning by every later command. ML_TUTOR_OPTIMIZER can name any module.
      if (!isFsrsWeights(weights)) throw new UserError((t) => t.optimize.failed(`not ${FSRS_WEIGHT_COUNT} finite numbers`));
      return weights;
    },
  };
}
