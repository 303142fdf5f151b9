// The working, flag help and summaries of the recurrent-network demos (src/demos/), in English.

export const rnn = {
  summary: 'a recurrent network, one step at a time',
  flagInputs: 'one row per time step (x₁; x₂; …)',
  flagWx: 'W_x, d_h × d_in',
  flagWh: 'W_h, d_h × d_h',
  flagB: 'bias, length d_h',
  flagH0: 'initial hidden state',
  question: 'What is the first entry of h₁?',
  recurrentNeuralNetwork: 'Recurrent neural network',
  theSameWeightsAt: 'the same weights at every step:',
  step: (t: number, input: string, previous: string) => `Step ${t}: ${input}, ${previous}`,
  moreUnitsTheSame: (UNITS_IN_FULL: string | number) => `(${UNITS_IN_FULL} more units, the same way)`,
  hSummarisesTheWhole: (steps: string | number) => `h${steps} summarises the whole sequence: each step mixes the new input with the memory hₜ₋₁.`,
};

export const vanishingGradient = {
  summary: 'why gradients vanish or explode through time',
  flagWeight: 'the recurrent weight w',
  flagSteps: 'time steps to go back',
  flagActivation: 'φ in hₜ = φ(w·hₜ₋₁ + x)',
  flagInput: 'the constant input x',
  question: (weight: string | number, activation: string | number, steps: string | number) => `w = ${weight}, ${activation}: how big is the gradient ${steps} steps back?`,
  vanishingAndExplodingGradients: 'Vanishing and exploding gradients',
  backpropagationThroughTimeMultiplies: 'Backpropagation through time multiplies one factor per step:',
  factors: (shown: readonly string[], more: boolean) => `factors: ${shown.join(', ')}${more ? ', …' : ''}`,
  gradientByStepsBack: '|gradient| by steps back k (log scale):',
  vanishes: (T: string | number, last: string | number) => `After ${T} steps the gradient is ${last}: it vanishes. Inputs that far back barely change the loss, so the RNN cannot learn long-range dependencies.`,
  explodes: (T: string | number, last: string | number) => `After ${T} steps the gradient is ${last}: it explodes. Training jumps wildly; gradient clipping caps it.`,
  neither: (T: string | number, last: string | number) => `After ${T} steps the gradient is ${last}.`,
  wShrinksItW: '|w| < 1 shrinks it, |w| > 1 blows it up; tanh′ ≤ 1 only shrinks it more. LSTMs add a path where the factor stays near 1.',
};

export const lstm = {
  summary: 'an LSTM cell: forget, input and output gates at work',
  flagInputs: 'one row per time step',
  flagHidden: 'size of h and c',
  question: 'At t = 1, what share of the old cell does forget-gate unit 1 keep (0…1)?',
  seed: (seed: number, hidden: number) => `seed ${seed}, d_h = ${hidden}`,
  forgetGateHowMuch: 'forget gate: how much of the old cell to keep',
  inputGateHowMuch: 'input gate: how much new content to write',
  candidateContent: 'candidate content',
  outputGateHowMuch: 'output gate: how much of the cell to show',
  bFStartsAt: 'b_f starts at 1, so the cell starts out remembering.',
  keeps: (percent: string, what: string) => `keeps ${percent} of ${what}`,
  writes: (percent: string, what: string) => `writes ${percent} of ${what}`,
  shows: (percent: string, what: string) => `shows ${percent} of ${what}`,
  theCellCIs: 'The cell c is updated by addition, not squashed by a weight every step: gradients flow back along c multiplied by f, which the network can keep near 1.',
};
