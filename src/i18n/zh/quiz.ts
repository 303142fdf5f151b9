import type { quizFlow as enQuizFlow } from '../en/quiz.js';

// 终端测验的流程：跳过、结束、“我是猜的”、本轮再问的卡片、差一点就对的答案。

export const quizFlow: typeof enQuizFlow = {
  quizCardHeading: (number, left, again, where) => `第 ${number} 张 · 还剩 ${left} 张${again > 0 ? `，另有 ${again} 张要重做` : ''} · ${where}`,
  quizAgainInSession: '本轮稍后会再问一次',
  quizTextKeys: '不填答案直接回车：跳过 · 按“Esc”键：结束测验',
  quizSkipped: '已跳过，不作记录。',
  quizGuessed: '重来：我是猜的',
  quizRateHint: '猜对的按 1，否则按 2、3 或 4（回车 = 良好）',
  quizNearMiss: '差一点：请检查拼写（原样提交就再按一次回车）',
  quizNearMissResult: '差一点：和答案只差一个字符。',
  quizMissed: (options) => `漏选了：${options.join('、')}`,
  quizWrongPicks: (options) => `不该选：${options.join('、')}`,
  quizStopped: '测验已结束。',
};
