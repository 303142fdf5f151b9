import { UsageError } from './errors.js';
import { isLang, LANGS, type Lang } from './topics.js';

export interface LanguageSources {
  /** `--lang`, strict when given. */
  flag?: string | undefined;
  /** `config.json`'s `lang`. */
  config?: string | undefined;
  env: { ML_TUTOR_LANG?: string | undefined; LANGUAGE?: string | undefined; LANG?: string | undefined; LC_ALL?: string | undefined };
}

export interface LanguageChoice {
  lang: Lang;
  /** True when the learner asked for this language with --lang: a missing translation is an error. */
  strict: boolean;
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

/**
 * Which language to teach in (DESIGN §1): `--lang`, then ML_TUTOR_LANG, then the config's `lang`,
 * then the locale (LANGUAGE, LC_ALL, LANG: zh* means Chinese), else English.
 */
export function chooseLanguage(sources: LanguageSources): LanguageChoice {
  if (sources.flag !== undefined) {
    const flag = sources.flag.trim().toLowerCase();
    if (!isLang(flag)) throw new UsageError((t) => t.langUnknown(LANGS, sources.flag ?? ''));
    return { lang: flag, strict: true };
  }
  const explicit = sources.env.ML_TUTOR_LANG?.trim().toLowerCase();
  if (explicit) return { lang: isLang(explicit) ? explicit : fromLocale(explicit) ?? 'en', strict: false };
  if (sources.config && isLang(sources.config)) return { lang: sources.config, strict: false };
  const locale = fromLocale(sources.env.LANGUAGE) ?? fromLocale(sources.env.LC_ALL) ?? fromLocale(sources.env.LANG);
  return { lang: locale ?? 'en', strict: false };
}
