import type * as en from '../en/demos-common.js';

// 所有演示共用的文字：帮助、通用参数（src/demos/index.ts、flags.ts）。

export const common: typeof en.common = {
  flagsPlaceholder: '参数',
  flagsHeading: '参数：',
  matrixSyntax: '矩阵：行用“;”分隔，元素用“,”分隔；向量就是一行（“1,0;0,1”）。',
  examplesHeading: '示例：',
  byDefault: (text) => `（默认 ${text}）`,
  flagSeed: '随机数种子（每台机器输出相同）',
  flagJson: '以 JSON 输出结果对象',
  flagPredict: '先猜关键数字，再揭晓',
};
