import { UserError } from '../core/errors.js';
import { conv1d, conv1dWindow } from '../math/conv1d.js';
import { readScalar, readVector } from './flags.js';
import { board, dotTerms, guessTolerance, num, sub, vec } from './text.js';
import type { DemoDefinition } from './types.js';

export type Conv1dResult = {
  signal: number[];
  kernel: number[];
  stride: number;
  output: number[];
};

export const conv1dDemo: DemoDefinition<Conv1dResult> = {
  name: 'conv1d',
  topic: 'deep-learning',
  summary: { en: 'a 1-D convolution: slide a kernel along a signal', zh: '一维卷积：卷积核沿信号滑动' },
  seeded: false,
  flags: [
    { name: 'signal', value: 'VECTOR', defaultText: '0,0,1,1,1,0,0,0', help: { en: 'the input signal', zh: '输入信号' } },
    { name: 'kernel', value: 'VECTOR', defaultText: '1,0,-1', help: { en: 'the kernel (filter); not flipped', zh: '卷积核（滤波器），不翻转' } },
    { name: 'stride', value: 'S', defaultText: '1', help: { en: 'how far the window moves each step', zh: '窗口每次移动的步长' } },
  ],
  examples: ['--signal "0,0,1,1,1,0,0,0" --kernel "1,0,-1"', '--signal "1,2,3,4,5,6" --kernel "0.5,0.5" --stride 2'],
  run(values) {
    const signal = readVector(values, 'signal', [0, 0, 1, 1, 1, 0, 0, 0]);
    const kernel = readVector(values, 'kernel', [1, 0, -1]);
    const stride = readScalar(values, 'stride', 1, { integer: true, min: 1, max: 64 });
    if (kernel.length > signal.length) {
      throw new UserError((t) => t.kernelLonger(kernel.length, signal.length));
    }
    return { signal, kernel, stride, output: conv1d(signal, kernel, stride) };
  },
  predict(result) {
    return {
      question: { en: 'What is the first output, out₀?', zh: '第一个输出 out₀ 是多少？' },
      answer: result.output[0] ?? 0,
      tolerance: guessTolerance(result.output[0] ?? 0),
    };
  },
  format(result, options) {
    const { block, finish, t, chalk, prose, titled } = board(options);
    const cells = result.signal.map((value) => num(value, 3));
    const cellWidth = Math.max(...cells.map((cell) => cell.length), ...result.kernel.map((k) => num(k, 3).length));
    const k = result.kernel.length;
    // The signal with the current window in brackets: " 0  0 [1  1  1] 0".
    const windowLine = (start: number): string =>
      cells
        .map((cell, i) => {
          const padded = cell.padStart(cellWidth);
          const open = i === start ? '[' : ' ';
          const close = i === start + k - 1 ? ']' : ' ';
          return i >= start && i < start + k ? chalk.yellow(`${open}${padded}${close}`) : ` ${padded} `;
        })
        .join('');
    const kernelLine = (start: number): string =>
      ' '.repeat(start * (cellWidth + 2)) + result.kernel.map((w) => ` ${num(w, 3).padStart(cellWidth)} `).join('');
    const lines = [
      titled(t('1-D convolution', '一维卷积'), `out[i] = Σⱼ signal[i·s + j] · kernel[j],   s = ${result.stride}`),
      `  signal = ${vec(result.signal)}`,
      `  kernel = ${vec(result.kernel)}`,
      `  ${t('output length', '输出长度')} = ⌊(${result.signal.length} − ${k}) / ${result.stride}⌋ + 1 = ${result.output.length}`,
      '',
    ];
    const labelWidth = 'signal  '.length;
    result.output.forEach((value, i) => {
      const start = i * result.stride;
      const window = conv1dWindow(result.signal, k, result.stride, i);
      lines.push(...block([`${'signal'.padEnd(labelWidth)}${windowLine(start)}`.trimEnd(), `${'kernel'.padEnd(labelWidth)}${kernelLine(start)}`.trimEnd()]));
      lines.push(`  out${sub(i)} = ${dotTerms(window, result.kernel)} = ${chalk.bold(num(value))}`, '');
    });
    lines.push(`  output = ${vec(result.output)}`);
    lines.push(prose(
      `  ${t(
        'The same small kernel is reused at every position (weight sharing): it detects its pattern wherever it appears.',
        '同一个小卷积核在每个位置重复使用（权重共享）：无论模式出现在哪里都能检测到。',
      )}`,
    ));
    return finish(lines);
  },
};
