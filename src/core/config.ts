import { UserError, type Text } from './errors.js';
import { isLang, LANGS, type Lang } from './topics.js';

/** The learner's settings, as stored in config.json. */
export interface Config {
  lang?: Lang;
  new_per_day: number;
  desired_retention: number;
  /** The shared folder progress is synced through (an absolute path; `config sync_dir` resolves it). */
  sync_dir?: string;
}

export const DEFAULT_CONFIG: Config = { new_per_day: 10, desired_retention: 0.9 };

interface KeySpec {
  description: Text;
  /** Turn the text a learner typed into the stored value, or explain what is expected. */
  parse: (raw: string) => unknown;
}

export const CONFIG_KEYS: Record<keyof Config, KeySpec> = {
  lang: {
    description: (t) => t.configAboutLang(LANGS),
    parse: (raw) => {
      const value = raw.trim().toLowerCase();
      if (!isLang(value)) throw new UserError((t) => t.configLangBad(LANGS, raw));
      return value;
    },
  },
  new_per_day: {
    description: (t) => t.configAboutNewPerDay,
    parse: (raw) => {
      const value = Number(raw);
      if (!/^\s*\d+\s*$/.test(raw) || value > 1000) throw new UserError((t) => t.configNewPerDayBad(raw));
      return value;
    },
  },
  desired_retention: {
    description: (t) => t.configAboutRetention,
    parse: (raw) => {
      const value = Number(raw);
      if (!/^\s*0?\.\d+\s*$/.test(raw) || value < 0.7 || value > 0.99) {
        throw new UserError((t) => t.configRetentionBad(raw));
      }
      return value;
    },
  },
  sync_dir: {
    description: (t) => t.sync.about,
    // The stored form. `config sync_dir DIR` expands ~, resolves a relative path and checks the
    // folder before storing it (src/commands/sync.ts); a hand-edited relative path is refused here.
    parse: (raw) => {
      if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(raw)) throw new UserError((t) => t.sync.notAbsolute(raw));
      return raw;
    },
  },
};

export function isConfigKey(key: string): key is keyof Config {
  return Object.hasOwn(CONFIG_KEYS, key);
}

/**
 * Merge stored settings over the defaults, keeping only known keys with valid values; each value that
 * is dropped is reported so the learner can fix the file.
 */
export function normalizeConfig(stored: unknown): { config: Config; warnings: Text[] } {
  const config: Config = { ...DEFAULT_CONFIG };
  const warnings: Text[] = [];
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { config, warnings: stored === undefined ? [] : [(t) => t.configNotObject] };
  }
  for (const [key, value] of Object.entries(stored)) {
    if (!isConfigKey(key)) {
      warnings.push((t) => t.configUnknownIgnored(key));
      continue;
    }
    try {
      const parsed = CONFIG_KEYS[key].parse(String(value));
      (config as unknown as Record<string, unknown>)[key] = parsed;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const reason = error.text;
      warnings.push((t) => t.configValueIgnored(reason(t)));
    }
  }
  return { config, warnings };
}
