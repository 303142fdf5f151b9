import type { generated as enGenerated } from '../en/generated.js';

// 生成器出的题（src/core/generators.ts）：数字已经写好，原样放入。

const ROUND = '保留两位小数。';

export const generated: typeof enGenerated = {
  softmaxPrompt: (scores, position, score) => `分数为 z = ${scores}。softmax 给第 ${position} 项（分数 ${score}）的概率是多少？${ROUND}`,
  softmaxExplain: (working) => `softmax(z)_i = e^(z_i) / Σ_j e^(z_j)：${working}。`,
  scaledDotPrompt: (query, key, width) => `查询 q = ${query}，键 k = ${key}（d_k = ${width}）。缩放点积分数 q·k / √d_k 是多少？${ROUND}`,
  scaledDotExplain: (products, raw, width, root, answer) => `q·k = ${products} = ${raw}；除以 √${width} = ${root}：${answer}。`,
  attentionPrompt: (query, keys, width, position) =>
    `查询 q = ${query}；键 ${keys}。在缩放点积注意力中（d_k = ${width}），q 给第 ${position} 个键的权重是多少？${ROUND}`,
  attentionExplain: (width, scores, weights, position, answer) =>
    `分数 q·k_j / √${width} = ${scores}；对其做 softmax 得 ${weights}；第 ${position} 个权重 = ${answer}。`,
  cosinePrompt: (a, b) => `a = ${a}，b = ${b}。它们的余弦相似度是多少？${ROUND}`,
  cosineExplain: (dot, normA, normB, answer) => `cos θ = a·b / (‖a‖ ‖b‖) = ${dot} / (${normA} × ${normB}) = ${answer}。`,
  rnnPrompt: (inputWeights, recurrent, bias, input, previous) =>
    `一个单神经元 RNN 的输入权重 W_x = ${inputWeights}，循环权重 w_h = ${recurrent}，` +
    `偏置 b = ${bias}。已知 x_t = ${input}，h_(t−1) = ${previous}，` +
    `h_t = tanh(W_x·x_t + w_h·h_(t−1) + b) 是多少？${ROUND}`,
  rnnExplain: (working, pre, answer) => `预激活 a = ${working}；h_t = tanh(${pre}) = ${answer}。`,
  sigmoidPrompt: (weights, bias, input) => `一个神经元的权重 w = ${weights}，偏置 b = ${bias}。输入 x = ${input} 时，输出 σ(w·x + b) 是多少？${ROUND}`,
  sigmoidExplain: (products, bias, z, answer) => `z = ${products} ${bias} = ${z}；σ(z) = 1 / (1 + e^(−z)) = ${answer}。`,
};
