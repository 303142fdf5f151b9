import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectories, readUtf8 } from '../../src/io/files.js';
import { tempDir } from '../helpers.js';

function file(bytes: Buffer): string {
  const path = join(tempDir(), 'lesson.md');
  writeFileSync(path, bytes);
  return path;
}

describe('readUtf8', () => {
  it('reads UTF-8 text, Chinese included, and drops a leading byte order mark', () => {
    expect(readUtf8(file(Buffer.from('注意力 (attention)\n', 'utf8')))).toBe('注意力 (attention)\n');
    expect(readUtf8(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Title\n')])))).toBe('# Title\n');
  });

  it('names the line of an invalid byte sequence', () => {
    const path = file(Buffer.concat([Buffer.from('line one\nline two\ncaf'), Buffer.from([0xe9]), Buffer.from('\nline four\n')]));
    expect(() => readUtf8(path)).toThrow(`${path}:3: not valid UTF-8 text (save the file as UTF-8)`);
  });

  it('refuses a sequence cut short at the end of the file', () => {
    const path = file(Buffer.concat([Buffer.from('ok\n'), Buffer.from('注', 'utf8').subarray(0, 2)]));
    expect(() => readUtf8(path)).toThrow(`${path}:2: not valid UTF-8 text`);
  });
});

describe('makeDirectories', () => {
  it('makes every missing folder, and accepts those already there', () => {
    const root = tempDir();
    makeDirectories(join(root, 'a', 'b', 'c'));
    makeDirectories(join(root, 'a', 'b', 'c'));
    expect(statSync(join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
  });

  it('fails at once where a folder cannot be made, instead of retrying forever (/proc)', () => {
    if (!existsSync('/proc/self')) return;
    const started = performance.now();
    expect(() => makeDirectories('/proc/ml-tutor-test/cache')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('fails when a file stands where a folder should be', () => {
    const root = tempDir();
    writeFileSync(join(root, 'file'), 'x');
    expect(() => makeDirectories(join(root, 'file', 'sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});
