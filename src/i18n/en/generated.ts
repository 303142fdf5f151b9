// The questions the generators draw (src/core/generators.ts): numbers come in already written out.

const ROUND = 'Answer to 2 decimal places.';

export const generated = {
  softmaxPrompt: (scores: string, position: number, score: string) =>
    `The scores are z = ${scores}. What probability does softmax give item ${position} (score ${score})? ${ROUND}`,
  softmaxExplain: (working: string) => `softmax(z)_i = e^(z_i) / Σ_j e^(z_j): ${working}.`,
  scaledDotPrompt: (query: string, key: string, width: number) =>
    `Query q = ${query}, key k = ${key} (d_k = ${width}). What is the scaled dot-product score q·k / √d_k? ${ROUND}`,
  scaledDotExplain: (products: string, raw: string, width: number, root: string, answer: string) =>
    `q·k = ${products} = ${raw}; divided by √${width} = ${root}: ${answer}.`,
  attentionPrompt: (query: string, keys: string, width: number, position: number) =>
    `Query q = ${query}; keys ${keys}. With scaled dot-product attention (d_k = ${width}), what weight does q give key ${position}? ${ROUND}`,
  attentionExplain: (width: number, scores: string, weights: string, position: number, answer: string) =>
    `Scores q·k_j / √${width} = ${scores}; softmax of them = ${weights}; weight ${position} = ${answer}.`,
  cosinePrompt: (a: string, b: string) => `a = ${a}, b = ${b}. What is their cosine similarity? ${ROUND}`,
  cosineExplain: (dot: string, normA: string, normB: string, answer: string) => `cos θ = a·b / (‖a‖ ‖b‖) = ${dot} / (${normA} × ${normB}) = ${answer}.`,
  rnnPrompt: (inputWeights: string, recurrent: string, bias: string, input: string, previous: string) =>
    `A one-unit RNN has input weights W_x = ${inputWeights}, recurrent weight w_h = ${recurrent}, ` +
    `bias b = ${bias}. With x_t = ${input} and h_(t−1) = ${previous}, what is ` +
    `h_t = tanh(W_x·x_t + w_h·h_(t−1) + b)? ${ROUND}`,
  rnnExplain: (working: string, pre: string, answer: string) => `Pre-activation a = ${working}; h_t = tanh(${pre}) = ${answer}.`,
  sigmoidPrompt: (weights: string, bias: string, input: string) =>
    `A neuron has weights w = ${weights} and bias b = ${bias}. For input x = ${input}, what is its output σ(w·x + b)? ${ROUND}`,
  sigmoidExplain: (products: string, bias: string, z: string, answer: string) => `z = ${products} ${bias} = ${z}; σ(z) = 1 / (1 + e^(−z)) = ${answer}.`,
};
