import type * as en from '../en/demos-dl.js';

// 深度学习演示（src/demos/）的讲解文字与参数说明。

export const perceptron: typeof en.perceptron = {
  rule: (lr) => `w·x + b > 0 时 ŷ = 1，否则 ŷ = 0；w ← w + η(y − ŷ)x，b ← b + η(y − ŷ)，η = ${lr}`,
  summary: '感知机规则能学会 AND 和 OR，永远学不会 XOR',
  flagData: '要学习的真值表',
  flagEpochs: '遍历四个样本的轮数',
  flagLr: '学习率 η',
  question: (data) => `${data}：第 1 轮有几个错误？`,
  title: (data) => `感知机学习 ${data}`,
  start: '初始：w = [0, 0]，b = 0',
  epochSummary: (epoch, errors, weights, bias) => `第 ${epoch} 轮：错误 ${errors} 个，w = ${weights}，b = ${bias}`,
  converged: (errors, weights, weights2, bias) => `${errors} 轮后收敛：直线 ${weights}·x₁ + ${weights2}·x₂ + ${bias} = 0 把 1 和 0 分开了。`,
  cycle: '每一轮结束时 w 和 b 都回到同样的值：更新在原地打转。',
  neverConverges:
    '永远不收敛：XOR 不是线性可分的。(0,1) 和 (1,0) 必须在直线一侧，(0,0) 和 (1,1) 在另一侧，' +
    '没有任何直线做得到（Minsky & Papert 1969）。加一个隐藏层就能解决：试试 `ml-tutor demo xor-mlp`。',
  notYet: '尚未收敛：试试更多 --epochs。',
};

export const activations: typeof en.activations = {
  relu: '  relu(x) = max(0, x)    relu′(x) = x > 0 时为 1，否则为 0',
  summary: 'sigmoid、tanh、ReLU 及其导数',
  flagX: '输入值',
  question: (value) => `σ(${value}) 等于多少？`,
  activationFunctions: '激活函数',
  curvesOn: '[−4, 4] 上的曲线：',
  whyItMatters: '为什么重要：',
  isAtMostAt: (value) => `σ′ 最大只有 0.25（在 x = 0 处）。反向传播穿过 10 个 sigmoid 层或时间步，至多乘以 0.25¹⁰ = ${value}：`,
  theGradientVanishesThat: '梯度消失了。所以 RNN 用 tanh（斜率最大为 1），LSTM 加了细胞状态通路，深层网络用 ReLU（激活时斜率为 1）。',
};

export const gradientDescent: typeof en.gradientDescent = {
  behaviour: {
    converges: '0 < η < 0.5：每一步都朝 3 前进，不会越过。',
    'oscillates-converges': '0.5 < η < 1：每一步都越过 3，但越过得越来越少，呈锯齿状收敛。',
    oscillates: 'η = 1：永远在 3 的两侧来回跳。',
    diverges: 'η > 1：每次越过得更远：发散。',
    stays: 'x 停在最小值处（起点就在 3，或 η = 0.5 一步直达）。',
  },
  summary: '在 f(x) = (x−3)² 上做梯度下降：学习率决定一切',
  flagStart: '起点',
  flagLr: '学习率 η',
  flagSteps: '更新步数',
  question: (start, lr, steps) => `从 ${start} 出发，η = ${lr}：${steps} 步后 x 在哪里？`,
  gradientDescent: '梯度下降',
  xAtEachStep: '每一步的 x：',
};

export const xorMlp: typeof en.xorMlp = {
  summary: '两层网络通过反向传播学会 XOR',
  flagHidden: '隐藏单元数',
  flagEpochs: '全批量梯度步数',
  flagLr: '学习率 η',
  question: '训练后，网络对 (0,1) 的输出是多少？',
  title: '两层网络学习 XOR',
  architecture: (hidden) => `2 → ${hidden} → 1，全部用 sigmoid`,
  seed: (seed) => `种子 ${seed}：W₁ =`,
  outputWeights: (w2) => `w₂ = ${w2}，偏置初始为 0`,
  forwardPassForX: '输入 x = (0,1), y = 1 的前向传播：',
  target: (y) => `（目标 ${y}）`,
  backwardPassChainRule: '反向传播（链式法则），整批，第一步：',
  update: (lr) => `每个权重移动 −η × 它的梯度，η = ${lr}`,
  training: (epochs, lr) => `训练：全批量梯度下降 ${epochs} 步，η = ${lr}`,
  lossOverEpochs: (epochs) => `${epochs} 轮中的损失：`,
  firstEpoch: '第 1 轮',
  finalLoss: '最终损失',
  theHiddenUnitsBend: '隐藏单元把输入空间“弯折”，于是一条直线就能分开 XOR：这是单个感知机做不到的。',
};

export const conv1d: typeof en.conv1d = {
  summary: '一维卷积：卷积核沿信号滑动',
  flagSignal: '输入信号',
  flagKernel: '卷积核（滤波器），不翻转',
  flagStride: '窗口每次移动的步长',
  question: '第一个输出 out₀ 是多少？',
  title: '一维卷积',
  outputLength: '输出长度',
  theSameSmallKernel: '同一个小卷积核在每个位置重复使用（权重共享）：无论模式出现在哪里都能检测到。',
};
