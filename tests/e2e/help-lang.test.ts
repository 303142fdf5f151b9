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
