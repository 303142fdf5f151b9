import { isLang, type Lang } from './topics.js';

/**
 * The language choice without the --lang flag, in a module with no message tables behind it: the
 * command line's help picks its language with this at the moment it is shown (lang.ts adds the
 * flag, which is strict and may be an error).
 */
export interface LanguageSources {
  /** `--lang`, strict when given. */
  flag?: string | undefined;
  /** `config.json`'s `lang`. */
  config?: string | undefined;
  env: { ML_TUTOR_LANG?: string | undefined; LANGUAGE?: string | undefined; LANG?: string | undefined; LC_ALL?: string | undefined };
}

/** `zh_CN.UTF-8`, `zh-TW`, `zh` → zh; anything else that names a language → en. */
function fromLocale(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const first = value.split(':').find((part) => part.trim() !== '');
  if (!first) return undefined;
  const code = first.trim().toLowerCase();
  if (code === 'c' || code === 'posix' || code.startsWith('c.')) return 'en';
  return code.startsWith('zh') ? 'zh' : 'en';
}

/** ML_TUTOR_LANG, then the config's `lang`, then the locale (LANGUAGE, LC_ALL, LANG), else English. */
export function languageWithoutFlag(sources: LanguageSources): Lang {
  const explicit = sources.env.ML_TUTOR_LANG?.trim().toLowerCase();
  if (explicit) return isLang(explicit) ? explicit : fromLocale(explicit) ?? 'en';
  if (sources.config && isLang(sources.config)) return sources.config;
  return fromLocale(sources.env.LANGUAGE) ?? fromLocale(sources.env.LC_ALL) ?? fromLocale(sources.env.LANG) ?? 'en';
}
