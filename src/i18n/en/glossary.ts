// `ml-tutor glossary` (src/commands/glossary.ts) and the glossary checks of `validate` (src/core/glossary.ts).

export const glossary = {
  /** The glossary's cards as a row of stats and home, like a topic's. */
  title: 'Glossary',
  homeProgress: (mastered: number, terms: number) => `terms ${mastered}/${terms} mastered`,
  homeDue: (count: number) => `${count} glossary term${count === 1 ? '' : 's'} due`,
  noMatch: (query: string) => `glossary: no term matches "${query}"; "ml-tutor glossary" lists them all`,
  count: (terms: number, lessons: number) => `${terms} terms, each with the lesson that introduces it (${lessons} lessons)`,
  introduced: (lesson: string, section: number | null, command: string) => `introduced in ${lesson}${section === null ? '' : `, section ${section}`}: ${command}`,
  askChinese: (en: string) => `Glossary: what is the Chinese term for "${en}"?`,
  askEnglish: (zh: string) => `Glossary: what is the English term for "${zh}"?`,
  differs: (zh: string, en: string, other: string, where: string) => `glossary: "${zh}" is glossed "${en}" here but "${other}" at ${where}; use one English term`,
  notEnglish: (zh: string, inner: string) => `glossary: "${zh} (${inner})" looks like a gloss but "${inner}" is not an English term (write it as 中文 (English term), or use full-width （） for a Chinese aside)`,
};
