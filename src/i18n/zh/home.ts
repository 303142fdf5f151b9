import type { home as english } from '../en/home.js';

// 首页（不带参数运行 ml-tutor）：各主题进度、下一步做什么、菜单和常用命令提示。

export const home: typeof english = {
  homeProgress: '学习进度',
  homeNext: '下一课',
  homeLastRead: '最近读过',
  homeAllRead: '所有课程都已读完。用测验巩固记忆：ml-tutor quiz',
  homeStart: '从这里开始',
  homeMenuPrompt: '接下来做什么？',
  homeMenuRead: (title) => `阅读下一课：${title}`,
  homeMenuQuiz: (due) => `复习 ${due} 张到期卡片`,
  homeMenuBrowse: '挑一课来读',
  homeMenuPickLesson: '读哪一课？',
  homeMenuQuit: '退出',
  homeCommands: '常用命令',
  homeHintList: '查看全部主题和课程',
  homeHintRead: '阅读一课（课程 id、前缀或 主题/序号）',
  homeHintNext: '阅读第一篇未读的课程',
  homeHintHelp: '全部命令和选项',
  homeReviewsDue: (count) => `${count} 张卡片待复习`,
  homeContinue: '继续上次的学习',
  homeHintQuiz: '复习到期的卡片',
};
