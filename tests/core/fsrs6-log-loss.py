# FSRS-6's published equations (no rounding), written apart from src/: the log loss of the tiny history
# tests/core/optimize.test.ts checks. Run: python3 tests/core/fsrs6-log-loss.py
import math
w = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]
def run(w, histories):
    decay = -w[20]; factor = 0.9 ** (1 / decay) - 1
    R = lambda t, s: (1 + factor * t / s) ** decay
    D0 = lambda g: w[4] - math.exp(w[5] * (g - 1)) + 1
    clampd = lambda d: min(max(d, 1), 10)
    out = []
    for h in histories:
        s = d = None
        for i, (g, t) in enumerate(h):
            if i == 0:
                s, d = max(w[g - 1], 0.1), clampd(D0(g)); continue
            r = R(t, s)
            if t > 0: out.append((r, g > 1))
            if t == 0:
                inc = math.exp(w[17] * (g - 3 + w[18])) * s ** (-w[19])
                ns = s * (max(inc, 1) if g >= 2 else inc)
            elif g == 1:
                ns = min(w[11] * d ** (-w[12]) * ((s + 1) ** w[13] - 1) * math.exp(w[14] * (1 - r)), s / math.exp(w[17] * w[18]))
            else:
                hard = w[15] if g == 2 else 1; easy = w[16] if g == 4 else 1
                ns = s * (1 + math.exp(w[8]) * (11 - d) * s ** (-w[9]) * (math.exp(w[10] * (1 - r)) - 1) * hard * easy)
            dp = d + (-w[6] * (g - 3)) * (10 - d) / 9
            d = clampd(w[7] * D0(4) + (1 - w[7]) * dp)
            s = ns
    loss = -sum(math.log(r) if y else math.log(1 - r) for r, y in out) / len(out)
    return out, loss
H = [[(3, 0), (3, 3), (1, 10), (3, 1)], [(1, 0), (3, 0), (3, 2), (4, 5)], [(3, 0)]]
out, loss = run(w, H)
for r, y in out: print(f"{r:.10f} {y}")
print(f"loss {loss:.10f}")
w2 = list(w); w2[0] = 0.5; w2[8] = 1.5; w2[20] = 0.3
out, loss = run(w2, H)
for r, y in out: print(f"{r:.10f} {y}")
print(f"loss2 {loss:.10f}")
