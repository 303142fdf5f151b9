import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'ml-tutor.js');

export function tempDir(prefix = 'ml-tutor-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write files (relative path → content) under a new temp folder and return it. */
export function writeTree(files: Record<string, string | Buffer>, root = tempDir()): string {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * Run the built binary as a user would, with a clean environment: a temp data dir, a pinned clock,
 * English locale, no colour forced either way.
 */
export function runCli(args: string[], options: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {}): CliResult {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: tempDir('ml-tutor-home-'),
    LANG: 'C.UTF-8',
    ML_TUTOR_HOME: tempDir('ml-tutor-data-'),
    ML_TUTOR_NOW: '2026-03-01T09:00:00Z',
    ML_TUTOR_SIMULATE: '1', // a simulated clock may write to these temp data dirs
  };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    cwd: options.cwd ?? ROOT,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
}

/** A minimal valid lesson file. */
export function lessonFile(options: { id: string; title?: string; lang?: 'en' | 'zh'; body?: string; extra?: string; front?: string }): string {
  return `---
id: ${options.id}
title: ${options.title ?? 'A lesson'}
minutes: 5
objectives: [do a thing]
${options.front ?? 'prerequisites: []\n'}${options.extra ?? ''}---
${options.body ?? '## First\n\nSome text.\n'}`;
}

export function topicFile(id: string, title = 'A topic'): string {
  return `---\nid: ${id}\ntitle: ${title}\n---\nAn overview of ${id}.\n`;
}
