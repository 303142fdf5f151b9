// The working, flag help and summaries of the deep-learning demos (src/demos/), in English.

export const perceptron = {
  rule: (lr: string) => `ŷ = 1 if w·x + b > 0 else 0;   w ← w + η(y − ŷ)x,  b ← b + η(y − ŷ),  η = ${lr}`,
  summary: 'the perceptron rule learns AND and OR, never XOR',
  flagData: 'the truth table to learn',
  flagEpochs: 'passes over the four examples',
  flagLr: 'learning rate η',
  question: (data: string | number) => `${data}: how many mistakes in epoch 1?`,
  title: (data: string | number) => `Perceptron learning ${data}`,
  start: 'start: w = [0, 0], b = 0',
  epochSummary: (epoch: number, errors: number, weights: string, bias: string) => `Epoch ${epoch}: errors ${errors}, w = ${weights}, b = ${bias}`,
  converged: (errors: string | number, weights: string | number, weights2: string | number, bias: string | number) => `Converged after ${errors} epochs: the line ${weights}·x₁ + ${weights2}·x₂ + ${bias} = 0 separates the 1s from the 0s.`,
  cycle: 'Every epoch ends at the same w and b: the updates go round in a cycle.',
  neverConverges:
    'Never converges: XOR is not linearly separable. (0,1) and (1,0) must be on one side of a line and (0,0), (1,1) on the other, ' +
    'and no straight line does that (Minsky & Papert 1969). A hidden layer fixes it: try `ml-tutor demo xor-mlp`.',
  notYet: 'Not converged yet: try more --epochs.',
};

export const activations = {
  relu: '  relu(x) = max(0, x)    relu′(x) = 1 if x > 0 else 0',
  summary: 'sigmoid, tanh, ReLU and their derivatives',
  flagX: 'the inputs',
  question: (value: string | number) => `What is σ(${value})?`,
  activationFunctions: 'Activation functions',
  curvesOn: 'Curves on [−4, 4]:',
  whyItMatters: 'Why it matters:',
  isAtMostAt: (value: string | number) => `σ′ is at most 0.25 (at x = 0). Backpropagating through 10 sigmoid layers or time steps multiplies at most 0.25¹⁰ = ${value}:`,
  theGradientVanishesThat: 'the gradient vanishes. That is why RNNs use tanh (slope up to 1), LSTMs add a cell path, and deep nets use ReLU (slope 1 when active).',
};

export const gradientDescent = {
  /** What the step factor (1 − 2η) does, by the behaviour the run showed. */
  behaviour: {
    converges: '0 < η < 0.5: every step moves toward 3 without overshooting.',
    'oscillates-converges': '0.5 < η < 1: each step overshoots 3, but by less each time: it zigzags in.',
    oscillates: 'η = 1: it jumps across 3 to the mirror point forever.',
    diverges: 'η > 1: each overshoot is bigger than the last: it diverges.',
    stays: 'x never moves: it starts at the minimum, or η = 0.5 jumps straight there in one step.',
  },
  summary: 'gradient descent on f(x) = (x−3)²: the learning rate decides',
  flagStart: 'where to start',
  flagLr: 'learning rate η',
  flagSteps: 'number of updates',
  question: (start: string | number, lr: string | number, steps: string | number) => `Start at ${start}, η = ${lr}: where is x after ${steps} steps?`,
  gradientDescent: 'Gradient descent',
  xAtEachStep: 'x at each step:',
};

export const xorMlp = {
  summary: 'a 2-layer network learns XOR by backpropagation',
  flagHidden: 'hidden units',
  flagEpochs: 'full-batch gradient steps',
  flagLr: 'learning rate η',
  question: 'After training, what does the network output for (0,1)?',
  title: 'A 2-layer network learns XOR',
  architecture: (hidden: number) => `2 → ${hidden} → 1, sigmoid everywhere`,
  seed: (seed: number) => `seed ${seed}: W₁ =`,
  outputWeights: (w2: string) => `w₂ = ${w2}, biases start at 0`,
  forwardPassForX: 'Forward pass for x = (0,1), y = 1:',
  target: (y: number) => `(target ${y})`,
  backwardPassChainRule: 'Backward pass (chain rule), whole batch, first step:',
  update: (lr: string) => `each weight moves by −η × its gradient, η = ${lr}`,
  training: (epochs: number, lr: string) => `training: ${epochs} full-batch gradient steps, η = ${lr}`,
  lossOverEpochs: (epochs: string | number) => `Loss over ${epochs} epochs:`,
  firstEpoch: 'epoch 1',
  finalLoss: 'final loss',
  theHiddenUnitsBend: 'The hidden units bend the input space so that one line can split XOR: what a single perceptron cannot do.',
};

export const conv1d = {
  summary: 'a 1-D convolution: slide a kernel along a signal',
  flagSignal: 'the input signal',
  flagKernel: 'the kernel (filter); not flipped',
  flagStride: 'how far the window moves each step',
  question: 'What is the first output, out₀?',
  title: '1-D convolution',
  outputLength: 'output length',
  theSameSmallKernel: 'The same small kernel is reused at every position (weight sharing): it detects its pattern wherever it appears.',
};
