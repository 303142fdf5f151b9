export type RecurrentActivation = 'linear' | 'tanh';

export interface GradientChain {
  /** h_0 … h_T of the scalar recurrence */
  hidden: number[];
  /** factors[t − 1] = ∂h_t/∂h_(t−1) = w · φ'(a_t), for t = 1 … T */
  factors: number[];
  /** gradients[k] = ∂h_T/∂h_(T−k), k = 0 … T (gradients[0] = 1) */
  gradients: number[];
}

/**
 * The scalar recurrence h_t = φ(w h_(t−1) + x) with a constant input x, and the gradient of the
 * last state with respect to each earlier one, by the chain rule:
 *   ∂h_T/∂h_(T−k) = Π_(t = T−k+1 … T) w · φ'(a_t),   a_t = w h_(t−1) + x.
 * With φ linear this is w^k: it vanishes for |w| < 1 and explodes for |w| > 1
 * (Bengio, Simard & Frasconi 1994; Pascanu, Mikolov & Bengio 2013, eq. 7). With tanh, φ' ≤ 1 only
 * shrinks it further.
 */
export function gradientChain(weight: number, steps: number, activation: RecurrentActivation, input: number, h0 = 0): GradientChain {
  const hidden = [h0];
  const factors: number[] = [];
  let h = h0;
  for (let t = 1; t <= steps; t++) {
    const a = weight * h + input;
    if (activation === 'linear') {
      h = a;
      factors.push(weight);
    } else {
      h = Math.tanh(a);
      factors.push(weight * (1 - h * h));
    }
    hidden.push(h);
  }
  const gradients = [1];
  for (let k = 1; k <= steps; k++) {
    // Step k back multiplies in the factor of time T − k + 1, i.e. factors[steps − k].
    gradients.push((gradients[k - 1] ?? 1) * (factors[steps - k] ?? 1));
  }
  return { hidden, factors, gradients };
}
