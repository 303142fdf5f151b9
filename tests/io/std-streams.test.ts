import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DescriptorWriter, isTerminal } from '../../src/io/std-streams.js';
import { tempDir } from '../helpers.js';

describe('DescriptorWriter', () => {
  it('writes UTF-8 text to its descriptor, in order, and is not a terminal', () => {
    const path = join(tempDir(), 'out.txt');
    const fd = openSync(path, 'w');
    const writer = new DescriptorWriter(fd);
    writer.write('Attention: ');
    writer.write('');
    writer.write('注意力 (attention)\n');
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe('Attention: 注意力 (attention)\n');
    expect(writer.isTTY).toBe(false);
    expect(writer.columns).toBeUndefined();
  });

  it('drops output once its descriptor is gone instead of throwing', () => {
    const path = join(tempDir(), 'out.txt');
    const fd = openSync(path, 'w');
    closeSync(fd);
    const writer = new DescriptorWriter(fd);
    expect(() => writer.write('lost\n')).not.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('');
  });
});

describe('isTerminal', () => {
  it('is false for a file and for a closed descriptor', () => {
    const fd = openSync(join(tempDir(), 'f'), 'w');
    expect(isTerminal(fd)).toBe(false);
    closeSync(fd);
    expect(isTerminal(fd)).toBe(false);
  });
});
