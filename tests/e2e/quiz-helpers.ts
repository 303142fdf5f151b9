import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { StepsGeneratorName } from '../../src/core/question.js';
import { BIN, lessonFile, ROOT, tempDir, topicFile, writeTree } from '../helpers.js';

/** A lesson pack with one question of every type (and one generated), in English and Chinese. */
export function quizPack(): string {
  const quiz = (lines: string[]): string => `\`\`\`quiz\n${lines.join('\n')}\n\`\`\`\n`;
  const questions = (lang: 'en' | 'zh'): string => {
    const zh = lang === 'zh';
    return [
      `## ${zh ? '焦点' : 'Focus'}\n\n${zh ? '光会弯折。' : 'Light bends.'}\n`,
      quiz([
        'id: optics/choice',
        'type: choice',
        `prompt: ${zh ? '什么能让光弯折？' : 'Which bends light?'}`,
        'options:',
        `  - {text: "${zh ? '透镜' : 'A lens'}", correct: true}`,
        `  - {text: "${zh ? '砖头' : 'A brick'}", why: "${zh ? '砖头不透光，光线被挡住而不是被弯折。' : 'A brick blocks light; it does not bend it.'}"}`,
        `  - {text: "${zh ? '影子' : 'A shadow'}"}`,
        `explain: ${zh ? '透镜折射光线。' : 'Lenses refract light.'}`,
      ]),
      `## ${zh ? '种类' : 'Kinds'}\n\n${zh ? '凸透镜和凹透镜。' : 'Convex and concave.'}\n`,
      quiz([
        'id: optics/multi',
        'type: multi',
        `prompt: ${zh ? '哪些是透镜？' : 'Which are lenses?'}`,
        'options:',
        `  - {text: "${zh ? '凸透镜' : 'Convex'}", correct: true}`,
        `  - {text: "${zh ? '凹透镜' : 'Concave'}", correct: true}`,
        `  - {text: "${zh ? '不透明板' : 'Opaque'}", why: "${zh ? '不透明板挡住光，谈不上会聚或发散。' : 'An opaque plate stops light instead of focusing it.'}"}`,
        `explain: ${zh ? '两者都是弯曲的。' : 'Both are curved.'}`,
      ]),
      quiz(['id: optics/tf', 'type: truefalse', `prompt: ${zh ? '凸透镜会聚光线。' : 'A convex lens converges light.'}`, 'answer: true', 'explain: Yes.']),
      quiz(['id: optics/num', 'type: numeric', 'prompt: 1/f for f = 0.5?', 'answer: 2', 'tolerance: 0.01', 'explain: 1/0.5 = 2.']),
      quiz(['id: optics/text', 'type: text', `prompt: ${zh ? '光线会聚的点叫？' : 'Where rays meet is the ...'}`, `accept: [${zh ? '焦点' : 'focus, focal point'}]`, 'explain: The focus.']),
      quiz(['id: optics/gen', 'type: numeric', 'generator: sigmoid', 'prompt: Compute a sigmoid.', 'explain: Use the formula.']),
    ].join('\n');
  };
  const mirror = (lang: 'en' | 'zh'): string =>
    `## ${lang === 'zh' ? '反射' : 'Reflection'}\n\nAngles.\n\n${quiz([
      'id: mirrors/angle',
      'type: choice',
      'prompt: The angle of reflection equals the angle of ...',
      'options:',
      '  - {text: "incidence", correct: true}',
      '  - {text: "refraction", why: "Refraction is the bending of light entering another medium; a mirror sends it back."}',
      'explain: Incidence equals reflection.',
    ])}`;
  return writeTree({
    'optics/topic.en.md': topicFile('optics', 'Optics'),
    'optics/topic.zh.md': topicFile('optics', '光学'),
    'optics/01-lenses.en.md': lessonFile({ id: 'optics/lenses', title: 'Lenses', body: questions('en') }),
    'optics/01-lenses.zh.md': lessonFile({ id: 'optics/lenses', title: '透镜', lang: 'zh', body: questions('zh') }),
    'mirrors/topic.en.md': topicFile('mirrors', 'Mirrors'),
    'mirrors/topic.zh.md': topicFile('mirrors', '镜子'),
    'mirrors/01-flat.en.md': lessonFile({ id: 'mirrors/flat', title: 'Flat mirrors', body: mirror('en') }),
    'mirrors/01-flat.zh.md': lessonFile({ id: 'mirrors/flat', title: '平面镜', lang: 'zh', body: mirror('zh') }),
  });
}

/** The right input for each pack question, given the question event (options are shuffled). */
export function rightAnswer(question: QuizLine): string {
  const options = (question.options as string[] | undefined) ?? [];
  const number = (text: string): number => options.indexOf(text) + 1;
  switch (question.id) {
    case 'optics/choice':
      return String(Math.max(number('A lens'), number('透镜')));
    case 'optics/multi':
      return [number('Convex'), number('Concave')].join(',');
    case 'optics/tf':
      return '1';
    case 'optics/num':
      return '2';
    case 'optics/text':
      return 'Focal  Point';
    case 'mirrors/angle':
      return String(number('incidence'));
    default:
      throw new Error(`no known answer for ${String(question.id)}`);
  }
}

export type QuizLine = Record<string, unknown>;

export function cliEnv(home: string, now: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tempDir('ml-tutor-home-'), LANG: 'C.UTF-8', TZ: 'UTC', ML_TUTOR_HOME: home, ML_TUTOR_NOW: now, ML_TUTOR_SIMULATE: '1', ...extra };
}

/** A porcelain session with the built binary: read JSON lines as they come, answer one at a time. */
export class Porcelain {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: QuizLine[] = [];
  private waiting: ((line: QuizLine | undefined) => void) | undefined;
  private closed = false;
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(args: string[], env: Record<string, string>) {
    this.child = spawn(process.execPath, [BIN, 'quiz', '--porcelain', ...args], { env, cwd: ROOT });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    const lines = createInterface({ input: this.child.stdout });
    lines.on('line', (line) => {
      const value = JSON.parse(line) as QuizLine;
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve(value);
      } else this.queue.push(value);
    });
    lines.on('close', () => {
      this.closed = true;
      this.waiting?.(undefined);
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** The next JSON line; fails the test after `ms` without one. */
  next(ms = 10_000): Promise<QuizLine> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closed) return Promise.reject(new Error(`porcelain output ended\n${this.stderr}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no porcelain line within ${ms} ms\n${this.stderr}`)), ms);
      this.waiting = (line) => {
        clearTimeout(timer);
        if (line) resolve(line);
        else reject(new Error(`porcelain output ended\n${this.stderr}`));
      };
    });
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  end(): void {
    this.child.stdin.end();
  }
}

export function readEvents(home: string): Array<Record<string, unknown>> {
  const path = join(home, 'events.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** The built-in worked exercises (the `steps` type): at least one per topic. */
export const STEPS_EXERCISES: ReadonlyArray<{ lesson: string; id: string; generator: StepsGeneratorName }> = [
  { lesson: 'deep-learning/backpropagation', id: 'deep-learning/backprop-steps', generator: 'backprop-steps' },
  { lesson: 'deep-learning/neurons-and-perceptrons', id: 'deep-learning/perceptron-steps', generator: 'perceptron-steps' },
  { lesson: 'nlp/word-vectors', id: 'nlp/cosine-steps', generator: 'cosine-steps' },
  { lesson: 'rnn/recurrent-units', id: 'rnn/rnn-steps', generator: 'rnn-steps' },
  { lesson: 'attention/scaled-dot-product', id: 'attention/attention-steps', generator: 'attention-steps' },
];
