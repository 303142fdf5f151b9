import { localized } from '../i18n/demos.js';
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
  summary: localized((m) => m.conv1d.summary),
  seeded: false,
  flags: [
    { name: 'signal', value: 'VECTOR', defaultText: '0,0,1,1,1,0,0,0', help: localized((m) => m.conv1d.flagSignal) },
    { name: 'kernel', value: 'VECTOR', defaultText: '1,0,-1', help: localized((m) => m.conv1d.flagKernel) },
    { name: 'stride', value: 'S', defaultText: '1', help: localized((m) => m.conv1d.flagStride) },
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
      question: localized((m) => m.conv1d.question),
      answer: result.output[0] ?? 0,
      tolerance: guessTolerance(result.output[0] ?? 0),
      given: localized(() => [
        `out[i] = Σⱼ signal[i·s + j] · kernel[j],   s = ${result.stride}`,
        `signal = ${vec(result.signal)}`,
        `kernel = ${vec(result.kernel)}`,
      ].join('\n')),
    };
  },
  format(result, options) {
    const { block, finish, chalk, prose, titled, m } = board(options);
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
      titled(m.conv1d.title, `out[i] = Σⱼ signal[i·s + j] · kernel[j],   s = ${result.stride}`),
      `  signal = ${vec(result.signal)}`,
      `  kernel = ${vec(result.kernel)}`,
      `  ${m.conv1d.outputLength} = ⌊(${result.signal.length} − ${k}) / ${result.stride}⌋ + 1 = ${result.output.length}`,
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
      `  ${m.conv1d.theSameSmallKernel}`,
    ));
    return finish(lines);
  },
};
