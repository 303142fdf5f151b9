import type { steps as enSteps } from '../en/steps.js';

// 分步练习（steps 题型，src/core/steps.ts 及其生成器）：每一步的流程、提示里能点出的失误，
// 以及每道练习的已知量、步骤、公式和完整解答。数字已经写好，原样放入。

const slip: typeof enSteps.slip = {
  sign: '有个正负号错了：检查每个带负数的乘积，以及哪些项该加、哪些该减。',
  'no-scale': '漏了缩放：还要除以 √d_k。',
  'scale-by-d': '你除的是 d_k 本身；缩放因子是 1/√d_k。',
  'scale-times': '你乘了 √d_k；应该除以它。',
  'wrong-key': '有个数属于另一个键：第 j 个分数是 q 和 k_j（K 中它自己那一行）的点积。',
  'no-exp': '你直接用分数除以分数之和；softmax 要先取指数。',
  'no-normalize': '你算到指数就停了：还要把每个指数除以它们的和。',
  unweighted: '你把值直接相加（或取平均），没有乘上权重。',
  'scores-for-weights': '你用分数给值加权了；应该用 softmax 之后的权重。',
  transposed: '你把矩阵的一列当成了一行：W·v 的第 i 个分量是 W 的第 i 行与 v 的点积。',
  'no-bias': '漏了偏置 b。',
  'sigmoid-for-tanh': '你用的是 sigmoid 函数 σ；这一步要用 tanh。',
  'tanh-for-sigmoid': '你用的是 tanh；这个神经元的激活函数是 sigmoid 函数 σ。',
  'no-activation': '你在激活之前就停了：还要对每个分量取 tanh。',
  'no-slope': "漏了 sigmoid 的斜率 σ'(z) = ŷ·(1 − ŷ)。",
  'no-input': '漏了输入：每个权重的梯度是 δ 乘以它自己的输入 x_i。',
  'no-rate': '漏了学习率 η。',
  'no-sqrt': '忘了开平方：向量的长度是 √(Σ a_i²)。',
  'abs-sum': '你把各分量的绝对值加起来了；长度是平方和的平方根。',
  'norms-added': '你把两个长度相加了；cos θ 的分母是两个长度的乘积。',
  threshold: 'w·x + b 恰好等于 0 时感知机输出 0：只有和大于 0 才输出 1。',
};

export const steps: typeof enSteps = {
  round: (decimals) => `每一步保留 ${decimals} 位小数；答案有几个数时，用空格隔开。`,
  stepHeading: (step, of, label) => `第 ${step} 步（共 ${of} 步）：${label}`,
  typeNumbers: (count) => `你的答案（${count} 个数，用空格隔开）`,
  stepRight: '✓ 正确',
  stepNotYet: '✗ 还不对',
  stepStillWrong: '✗ 仍然不对',
  hint: (slipText, formula) => `${slipText ?? ''}公式：${formula}。再试一次。`,
  settledWrong: (slipText, expected, entered, next) => `${slipText ?? ''}答案是 ${expected}。${next === undefined ? '' : `第 ${next} 步接着用你的 ${entered} 往下算。`}`,
  tally: (firstTry, afterRetry, wrong, of) =>
    `一次做对的步骤：${firstTry}/${of}${afterRetry > 0 ? `；重试后做对：${afterRetry}` : ''}${wrong > 0 ? `；仍然错的：${wrong}` : ''}`,
  slip,

  attention: {
    prompt: (query, keys, values, width) =>
      `一个查询、三个键，每个键配一个值（v_j 属于 k_j），d_k = ${width}：\n` +
      `  q = ${query}\n  k1 = ${keys[0]}   k2 = ${keys[1]}   k3 = ${keys[2]}\n  v = ${values}`,
    labels: ['每个键的分数 s_j = q·k_j', '缩放后的分数 s_j / √d_k', '注意力权重 w = softmax(s / √d_k)', '输出 Σ_j w_j·v_j'],
    formulas: [
      's_j = q·k_j：q 和 k_j 逐个分量相乘，再把乘积相加',
      's_j / √d_k：每个分数除以键长度的平方根',
      'w_j = e^(x_j) / Σ_i e^(x_i)，其中 x 是缩放后的分数',
      '输出 = w_1·v_1 + w_2·v_2 + w_3·v_3',
    ],
    explain: (scores, width, root, scaled, weights, products, output) =>
      `1. 分数 q·k_j = ${scores}。\n2. 除以 √${width} = ${root}：${scaled}。\n3. 对它们做 softmax：${weights}。\n4. 输出 = ${products} = ${output}。`,
  },
  rnn: {
    prompt: (inputWeights, recurrentWeights, bias, input, previous) =>
      `一个有两个隐藏单元的 RNN（W 的每一行对应一个单元）：\n  W_x = ${inputWeights}   W_h = ${recurrentWeights}\n` +
      `  b = ${bias}   x_t = ${input}   h_(t−1) = ${previous}`,
    labels: ['W_x·x_t', 'W_h·h_(t−1)', '预激活 a = W_x·x_t + W_h·h_(t−1) + b', '新的隐状态 h_t = tanh(a)'],
    formulas: [
      'W_x·x_t 的第 i 个分量是 W_x 的第 i 行与 x_t 的点积：W_x[i][1]·x_1 + W_x[i][2]·x_2',
      'W_h·h_(t−1) 的第 i 个分量是 W_h 的第 i 行与 h_(t−1) 的点积',
      'a = W_x·x_t + W_h·h_(t−1) + b，逐个分量相加',
      'h_t = tanh(a)，逐个分量计算；tanh(a) = (e^a − e^(−a)) / (e^a + e^(−a))',
    ],
    explain: (inputPart, recurrentPart, pre, hidden) =>
      `1. W_x·x_t = ${inputPart}。\n2. W_h·h_(t−1) = ${recurrentPart}。\n3. a = ${inputPart} + ${recurrentPart} + b = ${pre}。\n4. h_t = tanh(a) = ${hidden}。`,
  },
  backprop: {
    prompt: (weights, bias, input, target) =>
      `一个 sigmoid 神经元 ŷ = σ(w·x + b)，损失取平方误差 L = ½·(ŷ − y)²：\n` +
      `  w = ${weights}   b = ${bias}   x = ${input}   y = ${target}`,
    labels: ['预激活 z = w·x + b', '输出 ŷ = σ(z)', '从上游传来的梯度 ∂L/∂ŷ', 'δ = ∂L/∂z', '权重的梯度 ∂L/∂w = δ·x'],
    formulas: [
      'z = w_1·x_1 + w_2·x_2 + b',
      'σ(z) = 1 / (1 + e^(−z))',
      'L = ½·(ŷ − y)²，所以 ∂L/∂ŷ = ŷ − y',
      "δ = ∂L/∂ŷ · σ'(z)，其中 σ'(z) = ŷ·(1 − ŷ)",
      '∂L/∂w_i = δ·x_i',
    ],
    explain: (products, bias, z, output, upstream, slope, delta, gradients) =>
      `1. z = ${products} ${bias} = ${z}。\n2. ŷ = σ(${z}) = ${output}。\n3. ∂L/∂ŷ = ŷ − y = ${upstream}。\n` +
      `4. δ = ${upstream} · ${slope} = ${delta}（σ'(z) = ŷ·(1 − ŷ) = ${slope}）。\n5. ∂L/∂w = δ·x = ${gradients}。`,
  },
  perceptron: {
    prompt: (weights, bias, input, target, rate) =>
      `一个感知机（w·x + b > 0 时 ŷ = 1，否则 ŷ = 0）遇到一个训练样本：\n` +
      `  w = ${weights}   b = ${bias}   x = ${input}   y = ${target}   η = ${rate}`,
    labels: ['加权和 w·x + b', '预测 ŷ（0 或 1）', '误差 y − ŷ', '新的权重 w + η·(y − ŷ)·x', '新的偏置 b + η·(y − ŷ)'],
    formulas: [
      'w·x + b = w_1·x_1 + w_2·x_2 + b',
      'w·x + b > 0 时 ŷ = 1，否则 ŷ = 0',
      '误差 = y − ŷ：目标减去预测',
      'w_i ← w_i + η·(y − ŷ)·x_i',
      'b ← b + η·(y − ŷ)',
    ],
    explain: (sum, prediction, error, weights, bias) =>
      `1. w·x + b = ${sum}。\n2. ŷ = ${prediction}。\n3. y − ŷ = ${error}${error === 0 ? '：预测正确，参数不变' : ''}。\n4. 新的 w = ${weights}。\n5. 新的 b = ${bias}。`,
  },
  cosine: {
    prompt: (a, b) => `两个词向量：\n  a = ${a}   b = ${b}`,
    labels: ['点积 a·b', '长度 ‖a‖', '长度 ‖b‖', '余弦相似度 cos θ'],
    formulas: ['a·b = a_1·b_1 + a_2·b_2 + a_3·b_3', '‖a‖ = √(a_1² + a_2² + a_3²)', '‖b‖ = √(b_1² + b_2² + b_3²)', 'cos θ = a·b / (‖a‖·‖b‖)'],
    explain: (products, dot, normA, normB, cosine) =>
      `1. a·b = ${products} = ${dot}。\n2. ‖a‖ = ${normA}。\n3. ‖b‖ = ${normB}。\n4. cos θ = ${dot} / (${normA} × ${normB}) = ${cosine}。`,
  },
};
