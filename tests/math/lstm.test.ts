import { describe, expect, it } from 'vitest';
import { lstmForward, type LstmParams } from '../../src/math/lstm.js';

const close = (a: number, b: number, tolerance = 1e-9): void => expect(Math.abs(a - b)).toBeLessThan(tolerance);

// A one-unit LSTM with hand-picked weights; expected values from an independent Python computation.
const params: LstmParams = {
  Wf: [[0.5]], Uf: [[-0.4]], bf: [1],
  Wi: [[0.8]], Ui: [[0.3]], bi: [0],
  Wo: [[-0.6]], Uo: [[0.9]], bo: [0.1],
  Wg: [[1.2]], Ug: [[-0.7]], bg: [0],
};

describe('lstm', () => {
  it('matches an independent computation over two steps', () => {
    const steps = lstmForward([[1], [-0.5]], params);
    const expected = [
      { f: 0.8175744761936437, i: 0.6899744811276125, o: 0.3775406687981454, g: 0.8336546070121552, c: 0.5752004049128555, h: 0.19600712370691875 },
      { f: 0.6618606956227155, i: 0.4155185312239493, o: 0.6402401031291499, g: -0.6274535100607318, c: 0.1199839792063434, h: 0.07645203505272481 },
    ];
    steps.forEach((step, t) => {
      const want = expected[t];
      if (!want) throw new Error('missing expectation');
      for (const key of ['f', 'i', 'o', 'g', 'c', 'h'] as const) close(step[key][0] ?? NaN, want[key]);
    });
  });

  it('c = f⊙c₋₁ + i⊙g and h = o⊙tanh(c) at every step', () => {
    const steps = lstmForward([[1], [0], [2]], params);
    let previous = 0;
    for (const step of steps) {
      const [f = NaN, i = NaN, o = NaN, g = NaN, c = NaN, h = NaN] = [step.f[0], step.i[0], step.o[0], step.g[0], step.c[0], step.h[0]];
      close(c, f * previous + i * g);
      close(h, o * Math.tanh(c));
      previous = c;
    }
  });
});
