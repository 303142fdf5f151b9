import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, lessonFile, ROOT, runCli, tempDir, topicFile, writeTree } from '../helpers.js';

// Shell completion, end to end: the hidden `__complete` the scripts call, the scripts themselves,
// and bash running its completion function the way it does at a Tab.

const complete = (words: string[], cwd?: string) => runCli(['__complete', '--', ...words], cwd ? { cwd } : {});
const lines = (text: string) => text.split('\n').filter(Boolean);

const BASH = ['/bin/bash', '/usr/bin/bash'].find((path) => existsSync(path));

describe('ml-tutor __complete (what the scripts call at each Tab)', () => {
  it.each([
    { words: ['re'], expected: ['read'] },
    { words: ['read', 'rn'], expected: ['rnn/1', 'rnn/2', 'rnn/3', 'rnn/4'] },
    { words: ['read', 'attention/sc'], expected: ['attention/scaled-dot-product'] },
    { words: ['demo', 'so'], expected: ['softmax'] },
    { words: ['demo', 'softmax', '--s'], expected: ['--scores'] },
    { words: ['list', 'r'], expected: ['rnn'] },
    { words: ['progress', 're'], expected: ['reset'] },
    { words: ['progress', 'reset', '--topic', ''], expected: ['deep-learning', 'nlp', 'rnn', 'attention', 'glossary'] },
    { words: ['progress', 'reset', '--topic', 'g'], expected: ['glossary'] },
    { words: ['config', 'n'], expected: ['new_per_day'] },
    { words: ['config', 'lang', ''], expected: ['en', 'zh'] },
    { words: ['completion', ''], expected: ['bash', 'zsh', 'fish'] },
  ])('ml-tutor $words -> $expected', ({ words, expected }) => {
    const result = complete(words);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(lines(result.stdout)).toEqual(expected);
  });

  it('lists a command\'s flags (and --help never shows help)', () => {
    expect(lines(complete(['quiz', '--']).stdout)).toEqual(['--new', '--limit', '--cram', '--seed', '--porcelain', '--glossary', '--help', '--lang', '--lessons', '--no-color']);
    expect(lines(complete(['read', '--help', '--o']).stdout)).toEqual(['--outline']);
    expect(lines(complete(['--lang', 'zh', 'search', '--a']).stdout)).toEqual(['--all-langs']);
  });

  it('loads neither the renderer (marked), the prompts (inquirer) nor the scheduler (ts-fsrs)', () => {
    // Each is known by a name only its own code has; ML_TUTOR_TRACE_LOAD lists every file of dist/ loaded.
    const markers = ['walkTokens', 'createPrompt', 'request_retention'];
    for (const words of [['read', 'rn'], ['demo', 'so'], ['quiz', 'att'], ['--']]) {
      const traced = runCli(['__complete', '--', ...words], { env: { ML_TUTOR_TRACE_LOAD: '1' } });
      const files = [...traced.stderr.matchAll(/^(\S+\.cjs): compiled/gm)].map((match) => match[1]!);
      expect(files).toContain('cli.cjs');
      for (const file of files) {
        const source = readFileSync(join(ROOT, 'dist', file), 'latin1');
        expect(markers.filter((marker) => source.includes(marker)), `${words.join(' ')}: ${file}`).toEqual([]);
      }
    }
  });

  it('follows lesson packs named on the line, and completes file arguments', () => {
    const pack = writeTree({ 'optics/topic.en.md': topicFile('optics'), 'optics/01-lenses.en.md': lessonFile({ id: 'optics/lenses' }) });
    expect(lines(complete(['--lessons', pack, 'read', 'op']).stdout)).toEqual(['optics/1']);
    const dir = writeTree({ 'pack/a.md': '', 'progress.jsonl': '' });
    expect(lines(complete(['progress', 'import', 'p'], dir).stdout)).toEqual(['pack/', 'progress.jsonl']);
  });

  it('is not listed in help; completion has help in both languages and refuses an unknown shell', () => {
    const help = runCli(['--help']).stdout;
    expect(help).not.toContain('__complete');
    expect(help).toMatch(/\n {2}completion <shell> +print the shell completion script/);
    expect(runCli(['completion', '--help']).stdout).toContain("echo 'source <(ml-tutor completion bash)' >> ~/.bashrc");
    expect(runCli(['completion', '--help', '--lang', 'zh']).stdout).toContain('安装（一行即可');
    expect(runCli(['completion', 'tcsh'])).toMatchObject({ code: 2, stdout: '', stderr: 'ml-tutor: completion: unknown shell "tcsh"; expected one of bash, zsh, fish\n' });
    for (const shell of ['bash', 'zsh', 'fish']) {
      const script = runCli(['completion', shell]);
      expect(script.code).toBe(0);
      expect(script.stdout).toContain('ml-tutor __complete --');
    }
  });
});

describe.skipIf(!BASH)('the bash script', () => {
  /** Source the script, set COMP_WORDS/COMP_CWORD as bash does at a Tab, run the function, print COMPREPLY. */
  function tab(words: string[], cwd = ROOT): string[] {
    const bin = tempDir();
    const shim = join(bin, 'ml-tutor');
    writeTree({ 'ml-tutor': `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n` }, bin);
    chmodSync(shim, 0o755);
    const script = runCli(['completion', 'bash']).stdout;
    const quoted = words.map((word) => `'${word}'`).join(' ');
    const program = `${script}\nCOMP_WORDS=(ml-tutor ${quoted}); COMP_CWORD=${words.length}; COMP_LINE='ml-tutor ${words.join(' ')}'; COMP_POINT=\${#COMP_LINE}\n_ml_tutor_complete\nprintf '%s\\n' "\${COMPREPLY[@]}"\n`;
    const result = spawnSync(BASH!, ['--norc', '--noprofile', '-c', program], {
      cwd,
      env: { PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: tempDir(), ML_TUTOR_HOME: tempDir(), LANG: 'C.UTF-8' },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return lines(result.stdout);
  }

  it('registers itself for ml-tutor', () => {
    const result = spawnSync(BASH!, ['--norc', '-c', `${runCli(['completion', 'bash']).stdout}\ncomplete -p ml-tutor`], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('complete -F _ml_tutor_complete ml-tutor');
  });

  it.each([
    { words: ['re'], expected: ['read'] },
    { words: ['read', 'rn'], expected: ['rnn/1', 'rnn/2', 'rnn/3', 'rnn/4'] },
    { words: ['demo', 'so'], expected: ['softmax'] },
    { words: ['quiz', '--c'], expected: ['--cram'] },
    { words: ['--lang', ''], expected: ['en', 'zh'] },
  ])('COMP_WORDS=ml-tutor $words -> COMPREPLY $expected', ({ words, expected }) => {
    expect(tab(words)).toEqual(expected);
  });

  it('takes file names as they are (a * is not a glob)', () => {
    const dir = writeTree({ 'a*b.jsonl': '', 'ab.jsonl': '', 'abc/x.md': '' });
    expect(tab(['progress', 'import', 'a'], dir)).toEqual(['a*b.jsonl', 'ab.jsonl', 'abc/']);
  });
});

/** A directory holding an `ml-tutor` that runs the built binary, for a shell's PATH. */
function shimDir(): string {
  const bin = tempDir();
  writeTree({ 'ml-tutor': `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n` }, bin);
  chmodSync(join(bin, 'ml-tutor'), 0o755);
  return bin;
}

const FISH = ['/usr/bin/fish', '/bin/fish', '/usr/local/bin/fish'].find((path) => existsSync(path));

describe.skipIf(!FISH)('the fish script', () => {
  it('completes commands, lessons, demos and flags as fish asks it to (complete -C)', () => {
    const script = runCli(['completion', 'fish']).stdout;
    const ask = (line: string): string[] => {
      const result = spawnSync(FISH!, ['--no-config', '-c', `${script}\ncomplete -C '${line}'`], {
        env: { PATH: `${shimDir()}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: tempDir(), ML_TUTOR_HOME: tempDir(), LANG: 'C.UTF-8' },
        encoding: 'utf8',
      });
      expect(result.status).toBe(0);
      return lines(result.stdout);
    };
    expect(ask('ml-tutor rea')).toEqual(['read']);
    expect(ask('ml-tutor read rn')).toEqual(['rnn/1', 'rnn/2', 'rnn/3', 'rnn/4']);
    expect(ask('ml-tutor demo so')).toEqual(['softmax']);
    expect(ask('ml-tutor quiz --li')).toEqual(['--limit']);
  });
});

const ZSH = ['/usr/bin/zsh', '/bin/zsh'].find((path) => existsSync(path));
const TMUX = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!ZSH || !TMUX)('the zsh script, in a real terminal (tmux)', () => {
  it('completes a command and a lesson prefix at Tab', async () => {
    const session = `ml-tutor-zsh-${process.pid}-${Date.now()}`;
    const env = `env PATH=${shimDir()}:${process.env.PATH ?? '/usr/bin:/bin'} HOME=${tempDir()} ML_TUTOR_HOME=${tempDir()} LANG=C.UTF-8 PS1='%% '`;
    spawnSync('tmux', ['-u', 'new-session', '-d', '-s', session, '-x', '100', '-y', '20', `${env} ${ZSH} -f`]);
    const screen = (): string => spawnSync('tmux', ['capture-pane', '-t', session, '-p'], { encoding: 'utf8' }).stdout;
    // capture-pane drops the spaces at a line's end: "read" completed shows as "% ml-tutor read".
    const waitFor = async (text: string | RegExp): Promise<string> => {
      for (let tries = 0; tries < 100; tries++) {
        if (typeof text === 'string' ? screen().includes(text) : text.test(screen())) return screen();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`timed out waiting for ${text}; the screen was:\n${screen()}`);
    };
    try {
      spawnSync('tmux', ['send-keys', '-t', session, 'autoload -U compinit && compinit -u && source <(ml-tutor completion zsh) && echo ready', 'Enter']);
      await waitFor('\nready');
      spawnSync('tmux', ['send-keys', '-t', session, 'ml-tutor rea', 'Tab']);
      await waitFor(/^% ml-tutor read$/m);
      spawnSync('tmux', ['send-keys', '-t', session, 'rn', 'Tab']);
      expect(await waitFor('ml-tutor read rnn/')).toMatch(/^% ml-tutor read rnn\/$/m);
    } finally {
      spawnSync('tmux', ['kill-session', '-t', session]);
    }
  }, 20_000);
});
