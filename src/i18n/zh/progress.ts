import type * as en from '../en/progress.js';

// 首页各主题的进度，以及事件时间被拒绝时的说明（模拟时钟 ML_TUTOR_NOW 的答题不能混进真实的进度记录）。

export const homeProgress: typeof en.homeProgress = {
  homeMenuFirstQuiz: (count) => `做第一次测验：${count} 张新卡片`,
  homeMenuNewCards: (count) => `学习 ${count} 张新卡片（目前没有到期的复习）`,
  homeTopicProgress: (read, lessons, mastered, cards) =>
    cards > 0 ? `已读 ${read}/${lessons} · 已掌握卡片 ${mastered}/${cards}` : `已读 ${read}/${lessons}`,
  homeMasteredMeans: '已掌握：三周后应该仍能记起（FSRS 稳定性 ≥ 21 天）',
};

export const eventTime: typeof en.eventTime = {
  eventInFuture: (at, clock) =>
    `ML_TUTOR_NOW 是 ${at}，比真实时钟（${clock}）还晚：没有写入任何内容，模拟的答题不会混进你的进度记录。确实要写入，请设置 ML_TUTOR_SIMULATE=1（最好另配一个 ML_TUTOR_HOME）`,
  eventBeforeNewest: (at, newest) =>
    `ML_TUTOR_NOW 是 ${at}，早于进度记录中最新的事件（${newest}）：没有写入任何内容，历史记录的先后顺序保持不变。确实要写入，请设置 ML_TUTOR_SIMULATE=1`,
};
