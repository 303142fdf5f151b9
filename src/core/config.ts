import { UserError } from './errors.js';
import { isLang, LANGS, type Lang } from './topics.js';

/** The learner's settings, as stored in config.json. */
export interface Config {
  lang?: Lang;
  new_per_day: number;
  desired_retention: number;
}

export const DEFAULT_CONFIG: Config = { new_per_day: 10, desired_retention: 0.9 };

interface KeySpec {
  description: { en: string; zh: string };
  /** Turn the text a learner typed into the stored value, or explain what is expected. */
  parse: (raw: string) => unknown;
}

export const CONFIG_KEYS: Record<keyof Config, KeySpec> = {
  lang: {
    description: {
      en: `interface and lesson language (${LANGS.join(' or ')}); unset = from the locale`,
      zh: `界面和课程的语言（${LANGS.join(' 或 ')}）；不设置则跟随系统区域设置`,
    },
    parse: (raw) => {
      const value = raw.trim().toLowerCase();
      if (!isLang(value)) throw new UserError(`config lang: expected one of ${LANGS.join(', ')}, got "${raw}"`);
      return value;
    },
  },
  new_per_day: {
    description: { en: 'new quiz cards introduced per day (0-1000)', zh: '每天引入的新测验卡片数（0-1000）' },
    parse: (raw) => {
      const value = Number(raw);
      if (!/^\s*\d+\s*$/.test(raw) || value > 1000) throw new UserError(`config new_per_day: expected a whole number from 0 to 1000, got "${raw}"`);
      return value;
    },
  },
  desired_retention: {
    description: { en: 'the probability of recall the scheduler aims for (0.70-0.99)', zh: '调度器力求达到的回忆概率（0.70-0.99）' },
    parse: (raw) => {
      const value = Number(raw);
      if (!/^\s*0?\.\d+\s*$/.test(raw) || value < 0.7 || value > 0.99) {
        throw new UserError(`config desired_retention: expected a number from 0.70 to 0.99, got "${raw}"`);
      }
      return value;
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
export function normalizeConfig(stored: unknown): { config: Config; warnings: string[] } {
  const config: Config = { ...DEFAULT_CONFIG };
  const warnings: string[] = [];
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { config, warnings: stored === undefined ? [] : ['expected a JSON object; using the defaults'] };
  }
  for (const [key, value] of Object.entries(stored)) {
    if (!isConfigKey(key)) {
      warnings.push(`unknown setting "${key}" ignored`);
      continue;
    }
    try {
      const parsed = CONFIG_KEYS[key].parse(String(value));
      (config as unknown as Record<string, unknown>)[key] = parsed;
    } catch (error) {
      warnings.push(`${(error as Error).message}; using the default`);
    }
  }
  return { config, warnings };
}
