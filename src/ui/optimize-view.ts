/** What `ml-tutor optimize` prints: the current and fitted weights side by side, and each one's log loss. */
import type { WeightsComparison } from '../core/optimize.js';
import { displayWidth } from '../core/width.js';
import type { Messages } from '../i18n/index.js';
import { paint } from './color.js';
import { padStartWidth } from './heatmap.js';
import { padDisplay } from './layout.js';

export interface OptimizeView {
  t: Messages;
  color: boolean;
  /** When the current weights were fitted (local time), or undefined for FSRS-6's defaults. */
  currentSince: string | undefined;
  /** The outcome line: saved, kept, or a dry run. */
  outcome: string;
}

/** Weights as shown: four decimals, as Anki shows them. */
const shown = (value: number): string => value.toFixed(4);

export function formatOptimize(comparison: WeightsComparison, view: OptimizeView): string {
  const { t } = view;
  const style = paint(view.color);
  const headings = [t.optimize.headings.weight, t.optimize.headings.current, t.optimize.headings.fitted];
  const rows = comparison.current.weights.map((weight, index) => [`w${index}`, shown(weight), shown(comparison.fitted.weights[index] ?? Number.NaN)]);
  const widths = headings.map((heading, column) => Math.max(displayWidth(heading), ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string => `  ${cells.map((cell, column) => (column === 0 ? padDisplay(cell, widths[0]!) : padStartWidth(cell, widths[column]!))).join('   ')}`;
  const losses = [t.optimize.headings.current, t.optimize.headings.fitted];
  const lossWidth = Math.max(...losses.map(displayWidth));
  const out = [
    t.optimize.fitted(comparison.reviews),
    view.currentSince === undefined ? t.optimize.currentDefault : t.optimize.currentYours(view.currentSince),
    '',
    style.bold(line(headings)),
    ...rows.map((row) => line(row)),
    '',
    t.optimize.logLossTitle,
    `  ${padDisplay(losses[0]!, lossWidth)}   ${comparison.current.logLoss.toFixed(4)}`,
    `  ${padDisplay(losses[1]!, lossWidth)}   ${comparison.fitted.logLoss.toFixed(4)}`,
    '',
    comparison.better ? style.green(view.outcome) : view.outcome,
  ];
  return `${out.join('\n')}\n`;
}
