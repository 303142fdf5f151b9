import { pickVariant, type Catalog } from '../core/catalog.js';
import { computeStats, FORECAST_DAYS, hasGlossaryCards, type ProgressStats } from '../core/stats.js';
import { glossaryQuestions } from '../core/glossary-quiz.js';
import { localDayNumber, type UtcOffset } from '../core/schedule.js';
import { GLOSSARY_TOPIC } from '../core/topics.js';
import type { Lang } from '../core/topics.js';
import type { Messages } from '../i18n/index.js';
import { barChart } from '../ui/chart.js';
import { paint } from '../ui/color.js';
import { padDisplay } from '../ui/layout.js';
import { catalogQuestions, loadProgressState, localUtcOffset, questionCache } from './progress-state.js';
import { wrapText } from '../core/wrap.js';
import { config, loadCatalog, noteUnusableDataDir, now, renderWidth, session, type CommandContext } from './context.js';
import { courseGlossary } from './glossary.js';
import { displayWidth } from '../core/width.js';

export interface StatsOptions {
  json?: boolean | undefined;
}

const MS_PER_DAY = 86_400_000;

/** "03-02" for local day today + offset (the learner's calendar, not UTC). */
function dayLabel(today: Date, offset: number, utcOffset: UtcOffset): string {
  // A local day number read back as a UTC date is that local calendar date.
  const date = new Date((localDayNumber(today, utcOffset) + offset) * MS_PER_DAY);
  return `${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

export interface StatsView {
  t: Messages;
  color: boolean;
  lang: Lang;
  now: Date;
  utcOffset: UtcOffset;
}

/** The table, the overall line and the forecast chart, as text. */
export function formatStats(stats: ProgressStats, catalog: Catalog, view: StatsView): string {
  const { t } = view;
  const style = paint(view.color);
  const titleOf = (topic: string): string => {
    const entry = catalog.topics.find((candidate) => candidate.id === topic);
    if (!entry && topic === GLOSSARY_TOPIC) return t.glossary.title;
    return (entry && pickVariant(entry.variants, view.lang)?.title) || topic;
  };
  const header = [t.statsTopic, t.statsSeen, t.statsMastered, t.statsDue, t.statsRetention];
  const rows = stats.topics.map((topic) => [
    titleOf(topic.topic),
    `${topic.seen}/${topic.total}`,
    String(topic.mastered),
    String(topic.due_now),
    topic.retention === null ? '—' : `${Math.round(topic.retention * 100)}% (${topic.retention_reviews})`,
  ]);
  const widths = header.map((cell, column) => Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? padDisplay(cell, widths[column] ?? 0) : ' '.repeat(Math.max(0, (widths[column] ?? 0) - displayWidth(cell))) + cell))
      .join('  ')
      .trimEnd();
  const out = [style.bold(line(header)), ...rows.map(line), ''];
  out.push(`${t.statsStreak(stats.streak)} · ${t.statsReviewsToday(stats.reviews_today)}`, '');
  out.push(style.bold(t.statsForecast));
  const bars = stats.forecast.slice(0, FORECAST_DAYS).map((value, offset) => ({
    label: offset === 0 ? t.statsToday : dayLabel(view.now, offset, view.utcOffset),
    value,
  }));
  const largest = Math.max(0, ...stats.forecast);
  out.push(barChart(bars, { color: view.color, width: 30, max: Math.max(largest, 1), formatValue: (value) => String(value) }));
  if (stats.topics.every((topic) => topic.seen === 0)) out.push('', t.statsNoData);
  return `${out.join('\n')}\n`;
}

export async function statsCommand(context: CommandContext, options: StatsOptions): Promise<void> {
  const stored = config(context);
  const current = session(context, stored);
  noteUnusableDataDir(context);
  const catalog = loadCatalog(context);
  const { progress } = loadProgressState(context, stored);
  const { questions } = catalogQuestions(catalog, current.choice.lang, undefined, questionCache(context));
  const glossary = hasGlossaryCards(progress) ? glossaryQuestions(courseGlossary(context, catalog).terms, current.choice.lang) : [];
  const at = now(context);
  const stats = computeStats(questions, progress, { now: at, utcOffset: localUtcOffset, glossary });
  if (options.json) {
    context.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
    return;
  }
  const text = formatStats(stats, catalog, { t: current.t, color: current.color, lang: current.choice.lang, now: at, utcOffset: localUtcOffset });
  context.stdout.write(wrapText(text, renderWidth(context, undefined)));
}
