import type { completion as enCompletion, search as enSearch } from '../en/search.js';

// `ml-tutor search`：结果之外要说的话（src/commands/search.ts、src/ui/search-view.ts）。

export const search: typeof enSearch = {
  noHits: (query) => `没有哪篇课程或哪道题提到“${query}”。可以少用几个词、只写词的开头，或者加上 --all-langs。`,
  more: (shown, total) => `共 ${total} 条结果，显示了 ${shown} 条；用 --limit ${total} 可以全部显示。`,
  noTerms: (query) => `search：“${query}”里没有可以查找的字母、数字或汉字`,
};

// `ml-tutor completion`（src/commands/completion.ts）。
export const completion: typeof enCompletion = {
  unknownShell: (shell, shells) => `completion：不认识的 shell“${shell}”；可以用 ${shells.join('、')}`,
};
