// Worked exercises (the `steps` question type, src/core/steps.ts and its generators): the flow of a
// step, the slips a hint can name, and each exercise's givens, steps, formulas and worked solution.
// Numbers come in already written out.

/** The slips a wrong step can be matched to, as the hint names them. */
const slip = {
  sign: 'A sign is off: check each product of a negative number, and what is added or subtracted.',
  'no-scale': 'You left out the scale: divide by √d_k.',
  'scale-by-d': 'You divided by d_k itself; the scale is 1/√d_k.',
  'scale-times': 'You multiplied by √d_k; divide by it instead.',
  'wrong-key': 'A number belongs to another key: score j pairs q with k_j, its own row of K.',
  'no-exp': 'You divided the scores by their sum; softmax exponentiates them first.',
  'no-normalize': 'You stopped at the exponentials: divide each by their sum.',
  unweighted: 'You added (or averaged) the values without their weights.',
  'scores-for-weights': 'You weighted the values with the scores; use the softmax weights.',
  transposed: 'You used a column of the matrix where a row belongs: entry i of W·v is row i of W times v.',
  'no-bias': 'You left out the bias b.',
  'sigmoid-for-tanh': 'You applied the sigmoid σ; this step uses tanh.',
  'tanh-for-sigmoid': 'You applied tanh; this neuron uses the sigmoid σ.',
  'no-activation': 'You stopped before the activation: apply tanh to each entry.',
  'no-slope': "You left out the sigmoid's slope σ'(z) = ŷ·(1 − ŷ).",
  'no-input': "You left out the input: each weight's gradient is δ times its own input x_i.",
  'no-rate': 'You left out the learning rate η.',
  'no-sqrt': 'You forgot the square root: a length is √(Σ a_i²).',
  'abs-sum': 'You added the absolute values; a length is the square root of the sum of squares.',
  'norms-added': 'You added the two lengths; cos θ divides by their product.',
  threshold: 'At exactly w·x + b = 0 the perceptron says 0: it fires only when the sum is above 0.',
};

export const steps = {
  /** Under the givens: how precise to be and how to type several numbers. */
  round: (decimals: number) => `Answer each step to ${decimals} decimal places; type several numbers separated by spaces.`,
  stepHeading: (step: number, of: number, label: string) => `Step ${step} of ${of}: ${label}`,
  /** The answer prompt of a step with several numbers (one number: the numeric question's prompt). */
  typeNumbers: (count: number) => `Your answer (${count} numbers separated by spaces)`,
  stepRight: '✓ Right',
  stepNotYet: '✗ Not yet',
  stepStillWrong: '✗ Still not right',
  /** After a first wrong answer: the slip if one matches, the formula, and the retry. */
  hint: (slipText: string | undefined, formula: string) => `${slipText ? `${slipText} ` : ''}The formula: ${formula}. Try once more.`,
  /** After a wrong retry: the answer (from the learner's own earlier numbers), and what happens next. */
  settledWrong: (slipText: string | undefined, expected: string, entered: string, next: number | undefined) =>
    `${slipText ? `${slipText} ` : ''}The answer was ${expected}.${next === undefined ? '' : ` Step ${next} goes on from your ${entered}.`}`,
  /** The card's result line for a worked exercise. */
  tally: (firstTry: number, afterRetry: number, wrong: number, of: number) =>
    `Steps right first time: ${firstTry} of ${of}${afterRetry > 0 ? `; after a retry: ${afterRetry}` : ''}${wrong > 0 ? `; still wrong: ${wrong}` : ''}`,
  slip,

  attention: {
    prompt: (query: string, keys: readonly string[], values: string, width: number) =>
      `One query, three keys and a value for each key (v_j belongs to k_j), d_k = ${width}:\n` +
      `  q = ${query}\n  k1 = ${keys[0]}   k2 = ${keys[1]}   k3 = ${keys[2]}\n  v = ${values}`,
    labels: ['the scores s_j = q·k_j, one per key', 'the scaled scores s_j / √d_k', 'the attention weights w = softmax(s / √d_k)', 'the output Σ_j w_j·v_j'],
    formulas: [
      's_j = q·k_j: multiply q and k_j entry by entry, then add the products',
      's_j / √d_k, each score divided by the square root of the key width',
      'w_j = e^(x_j) / Σ_i e^(x_i), where x are the scaled scores',
      'output = w_1·v_1 + w_2·v_2 + w_3·v_3',
    ],
    explain: (scores: string, width: number, root: string, scaled: string, weights: string, products: string, output: string) =>
      `1. Scores q·k_j = ${scores}.\n2. Divided by √${width} = ${root}: ${scaled}.\n3. Softmax of them: ${weights}.\n4. Output = ${products} = ${output}.`,
  },
  rnn: {
    prompt: (inputWeights: string, recurrentWeights: string, bias: string, input: string, previous: string) =>
      `An RNN with two hidden units (W rows are units):\n  W_x = ${inputWeights}   W_h = ${recurrentWeights}\n` +
      `  b = ${bias}   x_t = ${input}   h_(t−1) = ${previous}`,
    labels: ['W_x·x_t', 'W_h·h_(t−1)', 'the pre-activation a = W_x·x_t + W_h·h_(t−1) + b', 'the new hidden state h_t = tanh(a)'],
    formulas: [
      'entry i of W_x·x_t is row i of W_x times x_t: W_x[i][1]·x_1 + W_x[i][2]·x_2',
      'entry i of W_h·h_(t−1) is row i of W_h times h_(t−1)',
      'a = W_x·x_t + W_h·h_(t−1) + b, entry by entry',
      'h_t = tanh(a), entry by entry; tanh(a) = (e^a − e^(−a)) / (e^a + e^(−a))',
    ],
    explain: (inputPart: string, recurrentPart: string, pre: string, hidden: string) =>
      `1. W_x·x_t = ${inputPart}.\n2. W_h·h_(t−1) = ${recurrentPart}.\n3. a = ${inputPart} + ${recurrentPart} + b = ${pre}.\n4. h_t = tanh(a) = ${hidden}.`,
  },
  backprop: {
    prompt: (weights: string, bias: string, input: string, target: number) =>
      `One sigmoid neuron, ŷ = σ(w·x + b), with squared-error loss L = ½·(ŷ − y)²:\n` +
      `  w = ${weights}   b = ${bias}   x = ${input}   y = ${target}`,
    labels: ['the pre-activation z = w·x + b', 'the output ŷ = σ(z)', 'the upstream gradient ∂L/∂ŷ', 'δ = ∂L/∂z', 'the weight gradients ∂L/∂w = δ·x'],
    formulas: [
      'z = w_1·x_1 + w_2·x_2 + b',
      'σ(z) = 1 / (1 + e^(−z))',
      'L = ½·(ŷ − y)², so ∂L/∂ŷ = ŷ − y',
      "δ = ∂L/∂ŷ · σ'(z), with σ'(z) = ŷ·(1 − ŷ)",
      '∂L/∂w_i = δ·x_i',
    ],
    explain: (products: string, bias: string, z: string, output: string, upstream: string, slope: string, delta: string, gradients: string) =>
      `1. z = ${products} ${bias} = ${z}.\n2. ŷ = σ(${z}) = ${output}.\n3. ∂L/∂ŷ = ŷ − y = ${upstream}.\n` +
      `4. δ = ${upstream} · ${slope} = ${delta} (σ'(z) = ŷ·(1 − ŷ) = ${slope}).\n5. ∂L/∂w = δ·x = ${gradients}.`,
  },
  perceptron: {
    prompt: (weights: string, bias: string, input: string, target: number, rate: string) =>
      `A perceptron, ŷ = 1 if w·x + b > 0 else 0, meets one training example:\n` +
      `  w = ${weights}   b = ${bias}   x = ${input}   y = ${target}   η = ${rate}`,
    labels: ['the sum w·x + b', 'the prediction ŷ (0 or 1)', 'the error y − ŷ', 'the new weights w + η·(y − ŷ)·x', 'the new bias b + η·(y − ŷ)'],
    formulas: [
      'w·x + b = w_1·x_1 + w_2·x_2 + b',
      'ŷ = 1 when w·x + b > 0, else 0',
      'error = y − ŷ: the target minus the prediction',
      'w_i ← w_i + η·(y − ŷ)·x_i',
      'b ← b + η·(y − ŷ)',
    ],
    explain: (sum: string, prediction: number, error: number, weights: string, bias: string) =>
      `1. w·x + b = ${sum}.\n2. ŷ = ${prediction}.\n3. y − ŷ = ${error}${error === 0 ? ': right, so nothing changes' : ''}.\n4. New w = ${weights}.\n5. New b = ${bias}.`,
  },
  cosine: {
    prompt: (a: string, b: string) => `Two word vectors:\n  a = ${a}   b = ${b}`,
    labels: ['the dot product a·b', 'the length ‖a‖', 'the length ‖b‖', 'the cosine similarity cos θ'],
    formulas: ['a·b = a_1·b_1 + a_2·b_2 + a_3·b_3', '‖a‖ = √(a_1² + a_2² + a_3²)', '‖b‖ = √(b_1² + b_2² + b_3²)', 'cos θ = a·b / (‖a‖·‖b‖)'],
    explain: (products: string, dot: string, normA: string, normB: string, cosine: string) =>
      `1. a·b = ${products} = ${dot}.\n2. ‖a‖ = ${normA}.\n3. ‖b‖ = ${normB}.\n4. cos θ = ${dot} / (${normA} × ${normB}) = ${cosine}.`,
  },
};
