import type { optimize as enOptimize } from '../en/optimize.js';

// `ml-tutor optimize`（src/commands/optimize.ts）以及用 `progress undo` 撤销它保存的参数。

export const optimize: typeof enOptimize = {
  tooFew: (needed, have) => `optimize 至少需要 ${needed} 次“与这张卡上次复习不在同一天”的复习（突击练习不算），你目前有 ${have} 次。请继续练习，过些日子再试`,
  unavailable: (module, reason) => `optimize：无法加载 FSRS 优化器（${module}）：${reason}。其他功能都不受影响，复习计划继续使用当前参数`,
  notInstalled: '它没有安装（这是可选依赖：在 ml-tutor 所在目录运行“npm install”，若有适合你系统的版本就会装上）',
  notFound: '找不到这个模块',
  failed: (reason) => `optimize：FSRS 优化器运行失败：${reason}；没有保存任何内容`,
  fitted: (reviews) => `已根据你的复习记录拟合出 FSRS 参数：共用到 ${reviews} 次与这张卡上次复习不在同一天的复习。`,
  headings: { weight: '参数', current: '当前', fitted: '拟合' },
  currentDefault: '当前：FSRS-6 的默认参数',
  currentYours: (at) => `当前：optimize 于 ${at} 拟合的参数`,
  logLossTitle: '在你的复习记录上的对数损失（衡量参数对你能否记起的预测有多准，越低越好）：',
  saved: '已保存：从现在起复习计划使用拟合的参数，整个复习历史也按它重新推算。运行“ml-tutor progress undo”可以回到当前参数。',
  dryRun: '没有保存（--dry-run）。',
  kept: '保留当前参数：拟合的参数并不能更准确地预测你的复习记录。没有保存任何内容。',
  undone: (at, inForce) => `已撤销 ${at} 拟合的 FSRS 参数，复习计划重新使用 ${inForce}。`,
  defaultsName: 'FSRS-6 的默认参数',
  fittedOn: (at) => `${at} 拟合的参数`,
};
