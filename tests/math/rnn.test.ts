import { describe, expect, it } from 'vitest';
import { rnnForward, rnnStep, rnnStepDetail } from '../../src/math/rnn.js';

const close = (a: number, b: number, tolerance = 1e-9): void => expect(Math.abs(a - b)).toBeLessThan(tolerance);

const Wx = [
  [0.5, -0.3],
  [0.2, 0.8],
];
const Wh = [
  [0.1, 0.4],
  [-0.6, 0.2],
];
const b = [0, 0.1];

describe('rnn', () => {
  it('one step is tanh(W_x x + W_h h + b)', () => {
    // W_x [1,0] = [0.5, 0.2]; W_h [1,1] = [0.5, −0.4]; + b → [1, −0.1]
    const detail = rnnStepDetail([1, 0], [1, 1], Wx, Wh, b);
    expect(detail.inputPart).toEqual([0.5, 0.2]);
    close(detail.recurrentPart[1] ?? NaN, -0.4);
    close(detail.preActivation[0] ?? NaN, 1);
    close(detail.preActivation[1] ?? NaN, -0.1);
    close(rnnStep([1, 0], [1, 1], Wx, Wh, b)[0] ?? NaN, Math.tanh(1));
  });

  it('the forward pass matches an independent computation (Python)', () => {
    const hidden = rnnForward([[1, 0], [0, 1], [1, 1]], Wx, Wh, b, [0, 0]);
    const expected = [
      [0.46211715726000974, 0.2913126124515909],
      [-0.13640761917369595, 0.5921640691245613],
      [0.3996437254406414, 0.8617945504388966],
    ];
    expect(hidden).toHaveLength(3);
    hidden.forEach((h, t) => h.forEach((value, i) => close(value, expected[t]?.[i] ?? NaN)));
  });

  it('h0 feeds the first step', () => {
    const fromZero = rnnForward([[0]], [[1]], [[2]], [0], [0]);
    const fromOne = rnnForward([[0]], [[1]], [[2]], [0], [1]);
    expect(fromZero).toEqual([[0]]);
    close(fromOne[0]?.[0] ?? NaN, Math.tanh(2));
  });
});
