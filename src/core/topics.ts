/** Languages the lessons and the interface exist in. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in every interface language. */
export type LocalizedText = Readonly<Record<Lang, string>>;

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The built-in topics, in teaching order (DESIGN §1). Lesson packs may add topics after these. */
export const CORE_TOPICS = ['deep-learning', 'nlp', 'rnn', 'attention'] as const;
export type CoreTopic = (typeof CORE_TOPICS)[number];

/**
 * The glossary's cards (`quiz --glossary`, ids `glossary/<english-slug>`) count as one more topic of
 * this name: in stats and home, and for `progress reset --topic glossary`.
 */
export const GLOSSARY_TOPIC = 'glossary';
