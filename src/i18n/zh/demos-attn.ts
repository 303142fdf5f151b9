import type * as en from '../en/demos-attn.js';

// 注意力演示（src/demos/）的讲解文字与参数说明。

export const attention: typeof en.attention = {
  defaultKeys: '与 --query 相同',
  defaultValues: (values) => `${values}；给了 --query 或 --keys 时取键本身`,
  masked: '被掩码 → −∞',
  maskedCell: '被掩码遮住（权重为 0）',
  moreScores: (hidden) => `（还有 ${hidden} 个）`,
  summary: '注意力：打分、softmax 权重、对值加权求和',
  flagQuery: '查询，每行一个',
  flagKeys: '键，每行一个',
  flagValues: '值，每个键一行',
  flagScore: '查询与键的比较方式',
  flagMask: '“causal”：查询 i 只能看到键 1…i',
  question: '查询 1 给键 1 的权重是多少？',
  dotProductAttention: '点积注意力',
  scaledDotProductAttention: '缩放点积注意力',
  additiveAttention: '加性注意力',
  seed: (seed, width) => `种子 ${seed}，d_a = ${width}：`,
  scoresEachQueryEach: (d_k, d_k2) => `1. 打分：每个查询 · 每个键，再除以 √${d_k} = ${d_k2}`,
  scoresCompareEachQuery: '1. 打分：每个查询与每个键比较',
  causalMaskQueryI: (step) => `${step}. 因果掩码：查询 i 只能看键 1…i；其余权重恰好为 0`,
  weightsSoftmaxOfEach: (step) => `${step}. 权重：每行做 softmax（每行之和为 1）`,
  outputEachRowIs: (step) => `${step}. 输出：每行是值的加权和`,
  more2: (hidden) => `（还有 ${hidden} 个）`,
  eachOutputIsA: '每个输出都是值的混合，权重取决于它的查询与各个键的匹配程度。',
};

export const multihead: typeof en.multihead = {
  defaultDModel: '--inputs 的列数',
  summary: '多头注意力：拆分、并行注意、拼接、投影',
  flagInputs: '每行一个词元向量',
  flagHeads: '头数；必须整除 d_model',
  flagDModel: '模型宽度（头数 × d_head）',
  flagMask: '“causal”：词元 i 只能看到 1…i',
  question: '在头 1 中，词元 1 给自己的权重是多少？',
  multiHeadAttention: '多头注意力',
  setup: (shape, heads, model, head, seed) => `输入 X：${shape}，头数 h = ${heads}，d_model = ${model}，d_head = ${model} / ${heads} = ${head}，种子 ${seed}`,
  eachHeadHasIts: '每个头有自己的投影矩阵，因此可以关注不同的关系。',
  head: '头',
  weights: (dHead, causal) => `权重 = softmax(Q Kᵀ / √${dHead})${causal ? '（带因果掩码）' : ''}：`,
  headOutput: '输出 = 权重 × V =',
  concatenateTheHeads: '拼接各头输出',
  projectWithWO: '用 W_O 投影',
  output: '输出',
};

export const positionalEncoding: typeof en.positionalEncoding = {
  summary: '正弦位置编码：词元在哪个位置',
  flagPositions: '位置个数',
  flagDModel: '编码维度（偶数）',
  question: (position) => `PE(${position}, 0) = sin(${position}) 等于多少？`,
  positionalEncoding: '位置编码',
  attentionAloneIgnoresOrder: '注意力本身不考虑顺序；把 PE(pos) 加到每个词元向量上，模型就知道它在哪里。',
  speedOfEachPair: '每对维度的转速：',
  dims: (first, second, speed) => `维度 ${first}、${second}：${speed}`,
  positionWorkedOut: '位置 1 的计算：',
  theEncodingsRowsPositions: '编码（行 = 位置，列 = 维度）：',
  moreDimensions: (shownColumns) => `（还有 ${shownColumns} 个维度）`,
  itDependsOnlyOn: '它只取决于两个位置之间的距离，在距离为 0 时最大：注意力因此能分辨远近。',
};
