import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

describe('--help in the learner\'s language', () => {
  it('is Chinese with --lang zh: descriptions, options, commander\'s headings and the examples\' notes', () => {
    const result = runCli(['--help', '--lang', 'zh']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('用法：ml-tutor [options] [command]\n')).toBe(true);
    expect(result.stdout).toContain('\n选项：\n');
    expect(result.stdout).toContain('\n命令：\n');
    expect(result.stdout).toContain('阅读一课；其中的演示就地运行，读完即标记为已读');
    expect(result.stdout).toContain('# 首页：你的进度和下一步该读什么');
    expect(result.stdout).not.toMatch(/Usage:|Options:|Commands:|Examples:|Environment:/);
  });

  it('follows ML_TUTOR_LANG and config lang too, for help of a command', () => {
    const env = runCli(['help', 'quiz'], { env: { ML_TUTOR_LANG: 'zh' } });
    expect(env.stdout).toContain('间隔重复练习：先复习到期的卡片，再学新卡片');
    expect(env.stdout).toContain('机器接口协议（每行一个 JSON 对象）：');
    const home = tempDir();
    expect(runCli(['config', 'lang', 'zh'], { env: { ML_TUTOR_HOME: home } }).code).toBe(0);
    const config = runCli(['progress', 'export', '--help'], { env: { ML_TUTOR_HOME: home } });
    expect(config.stdout).toContain('如果 FILE 已存在，就替换它');
    expect(config.stdout).toContain('\n全局选项：\n');
  });

  it('stays English by default, and with --lang en under a Chinese locale', () => {
    expect(runCli(['--help']).stdout.startsWith('Usage: ml-tutor [options] [command]\n')).toBe(true);
    const english = runCli(['read', '--help', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(english.stdout).toContain('read a lesson; its demos run in place, and it is marked read');
  });
});

describe('errors in Chinese, commander\'s usage errors included', () => {
  // Each bad command line, the exit code it gets, and a line its Chinese message must contain.
  const cases: Array<[string[], number, string]> = [
    [['demo', 'nosuch'], 1, '没有演示“nosuch”'],
    [['demo', 'softmax', '--scores', 'a,b'], 1, '--scores：第 1 个元素是“a”，不是数'],
    [['demo', 'attention', '--mask', 'bad'], 1, '--mask：应为 none、causal 之一；实际是“bad”'],
    [['demo', 'rnn', '--inputs', '1,0;0'], 1, '--inputs：第 2 行有 1 个元素，应为 2 个'],
    [['config', 'lang', 'fr'], 1, 'config lang：应为 en、zh 之一，实际是“fr”'],
    [['quiz', '--new', 'x'], 2, '--new：应为 0 到 10000 之间的整数，实际是“x”'],
    [['read'], 2, 'ml-tutor: read：缺少参数 <lesson>（用法：ml-tutor read [options] <lesson>）'],
    [['read', 'rnn/1', '--foo'], 2, 'ml-tutor: read：没有“--foo”这个选项'],
    [['list', '--jsno'], 2, 'ml-tutor: list：没有“--jsno”这个选项\n你是不是想输入“--json”？'],
    [['config', 'lang', 'zh', 'extra'], 2, 'ml-tutor: 命令 config 最多接受 2 个参数，实际给了 3 个'],
    [['progress', 'undo', 'now'], 2, 'ml-tutor: 命令 progress undo 不接受参数，实际给了 1 个'],
    [['progress', 'undox'], 2, 'ml-tutor: 没有命令“progress undox”\n你是不是想输入“undo”？'],
    [['lsit'], 2, 'ml-tutor: 没有命令“lsit”\n你是不是想输入“list”？'],
    [['read', 'rnn/1', '--width'], 2, 'ml-tutor: read：--width 缺少取值（应为 <columns>）'],
    [['progress', 'unsuspend', 'foo/bar'], 1, '没有卡片“foo/bar”'],
    [['progress', 'import', '/nonexistent'], 1, '无法读取 /nonexistent：没有这个文件或目录'],
  ];

  it.each(cases)('ml-tutor %j --lang zh: Chinese on every line of stderr, and its exit code', (args, code, expected) => {
    const result = runCli([...args, '--lang', 'zh']);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(expected);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => !/[^\x00-\x7f]/.test(line))).toEqual([]);
  });

  it('follows ML_TUTOR_LANG and the locale for commander\'s errors too; English otherwise', () => {
    expect(runCli(['read', 'rnn/1', '--foo'], { env: { ML_TUTOR_LANG: 'zh' } }).stderr).toBe('ml-tutor: read：没有“--foo”这个选项\n');
    expect(runCli(['read'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toContain('缺少参数 <lesson>');
    expect(runCli(['read'])).toMatchObject({ code: 2, stderr: 'ml-tutor: read: missing argument <lesson> (usage: ml-tutor read [options] <lesson>)\n' });
    // An unknown --lang is said in the language the learner reads without it.
    expect(runCli(['list', '--lang', 'fr'], { env: { ML_TUTOR_LANG: 'zh' } })).toMatchObject({ code: 2, stderr: 'ml-tutor: --lang：应为 en、zh 之一，实际是“fr”\n' });
  });
});
