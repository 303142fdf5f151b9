import type { glossary as enGlossary } from '../en/glossary.js';

// `ml-tutor glossary`（src/commands/glossary.ts），以及 `validate` 对术语注释的检查（src/core/glossary.ts）。

export const glossary: typeof enGlossary = {
  title: '术语表',
  homeProgress: (mastered, terms) => `已掌握术语 ${mastered}/${terms}`,
  homeDue: (count) => `${count} 个术语待复习`,
  noMatch: (query) => `glossary：没有和“${query}”匹配的术语；“ml-tutor glossary”会列出全部术语`,
  count: (terms, lessons) => `共 ${terms} 个术语，各自注明首次引入它的课（来自 ${lessons} 课）`,
  introduced: (lesson, section, command) => `首次出现在 ${lesson}${section === null ? '' : ` 第 ${section} 节`}：${command}`,
  askChinese: (en) => `术语：“${en}”的中文术语是什么？`,
  askEnglish: (zh) => `术语：“${zh}”的英文术语是什么？`,
  differs: (zh, en, other, where) => `glossary：“${zh}”在这里注为“${en}”，在 ${where} 却注为“${other}”；请统一用一个英文术语`,
  notEnglish: (zh, inner) => `glossary：“${zh} (${inner})”像是术语注释，但“${inner}”不是英文术语（写成“中文 (English term)”，中文的补充说明请用全角括号（））`,
};
