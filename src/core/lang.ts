import { UsageError } from './errors.js';
import { isLang, LANGS, type Lang } from './topics.js';
import { languageWithoutFlag, type LanguageSources } from './lang-choice.js';

export type { LanguageSources };

export interface LanguageChoice {
  lang: Lang;
  /** True when the learner asked for this language with --lang: a missing translation is an error. */
  strict: boolean;
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
  return { lang: languageWithoutFlag(sources), strict: false };
}
