import type * as en from '../en/demos-seq.js';

// 循环神经网络演示（src/demos/）的讲解文字与参数说明。

export const rnn: typeof en.rnn = {
  summary: '循环神经网络，一步一步地算',
  flagInputs: '每个时间步一行（x₁; x₂; …）',
  flagWx: 'W_x，d_h × d_in',
  flagWh: 'W_h，d_h × d_h',
  flagB: '偏置，长度 d_h',
  flagH0: '初始隐藏状态',
  question: 'h₁ 的第一个分量是多少？',
  recurrentNeuralNetwork: '循环神经网络',
  theSameWeightsAt: '每一步使用相同的权重：',
  step: (t, input, previous) => `第 ${t} 步：${input}，${previous}`,
  moreUnitsTheSame: (UNITS_IN_FULL) => `（其余 ${UNITS_IN_FULL} 个单元同理）`,
  hSummarisesTheWhole: (steps) => `h${steps} 概括了整个序列：每一步都把新输入和记忆 hₜ₋₁ 混合在一起。`,
};

export const vanishingGradient: typeof en.vanishingGradient = {
  summary: '梯度为何随时间消失或爆炸',
  flagWeight: '循环权重 w',
  flagSteps: '回溯的时间步数',
  flagActivation: 'hₜ = φ(w·hₜ₋₁ + x) 中的 φ',
  flagInput: '恒定输入 x',
  question: (weight, activation, steps) => `w = ${weight}，${activation}：回溯 ${steps} 步后梯度有多大？`,
  vanishingAndExplodingGradients: '梯度消失与梯度爆炸',
  backpropagationThroughTimeMultiplies: '随时间反向传播，每一步乘一个因子：',
  factors: (shown, more) => `各步因子：${shown.join('，')}${more ? '……' : ''}`,
  gradientByStepsBack: '|梯度| 随回溯步数 k 的变化（对数刻度）：',
  vanishes: (T, last) => `${T} 步之后梯度只剩 ${last}：梯度消失。那么早的输入几乎不影响损失，RNN 学不到长程依赖。`,
  explodes: (T, last) => `${T} 步之后梯度达到 ${last}：梯度爆炸。训练会剧烈跳动；梯度裁剪可以限制它。`,
  neither: (T, last) => `${T} 步之后梯度为 ${last}。`,
  wShrinksItW: '|w| < 1 使其缩小，|w| > 1 使其爆炸；tanh′ ≤ 1 只会让它更小。LSTM 增加了一条因子接近 1 的通路。',
};

export const lstm: typeof en.lstm = {
  summary: 'LSTM 单元：遗忘门、输入门、输出门如何工作',
  flagInputs: '每个时间步一行',
  flagHidden: 'h 和 c 的维度',
  question: 't = 1 时，遗忘门第 1 个单元保留旧细胞状态的比例（0…1）是多少？',
  seed: (seed, hidden) => `种子 ${seed}，d_h = ${hidden}`,
  forgetGateHowMuch: '遗忘门：保留多少旧细胞状态',
  inputGateHowMuch: '输入门：写入多少新内容',
  candidateContent: '候选内容',
  outputGateHowMuch: '输出门：输出多少细胞状态',
  bFStartsAt: 'b_f 初始为 1，因此细胞一开始倾向于记住。',
  keeps: (percent, what) => `保留 ${what} 的 ${percent}`,
  writes: (percent, what) => `写入 ${what} 的 ${percent}`,
  shows: (percent, what) => `输出 ${what} 的 ${percent}`,
  theCellCIs: '细胞状态 c 通过加法更新，而不是每步都乘一个权重再压缩：梯度沿 c 反传时只乘以 f，网络可以让 f 保持接近 1。',
};
