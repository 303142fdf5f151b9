import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLessonSources } from '../../src/io/lessons.js';
import { lessonFile, tempDir, topicFile, writeTree } from '../helpers.js';

const quiz = '```quiz\nid: optics/q\ntype: truefalse\nprompt: Light bends?\nanswer: true\nexplain: Refraction.\n```\n';

function pack(): string {
  return writeTree({
    'optics/topic.en.md': topicFile('optics', 'Optics'),
    'optics/01-lenses.en.md': lessonFile({ id: 'optics/lenses', title: 'Lenses', body: `## Focus\n\nLight bends.\n\n${quiz}` }),
  });
}

describe('readLessonSources with the cache', () => {
  it('gives the same lessons from the cache as from parsing, and re-parses a changed file', () => {
    const dir = pack();
    const cachePath = join(tempDir(), 'cache', 'lessons.json');
    const roots = [{ dir, label: 'pack' }];

    const parsed = readLessonSources(roots, { cachePath });
    expect(existsSync(cachePath)).toBe(true);
    const fromCache = readLessonSources(roots, { cachePath });
    const [first, second] = [parsed.lessons[0]!, fromCache.lessons[0]!];
    for (const key of ['id', 'title', 'minutes', 'objectives', 'prerequisites', 'headings', 'demos', 'quizCount', 'body', 'bodyLine'] as const) {
      expect(second[key], key).toEqual(first[key]);
    }
    expect(second.questions).toEqual(first.questions);
    expect(second.questions[0]!.prompt).toBe('Light bends?');
    expect(fromCache.topics).toEqual(parsed.topics);

    writeFileSync(join(dir, 'optics/01-lenses.en.md'), lessonFile({ id: 'optics/lenses', title: 'Thin lenses' }));
    expect(readLessonSources(roots, { cachePath }).lessons[0]!.title).toBe('Thin lenses');
  });

  it('keeps the cache small: no lesson bodies in it', () => {
    const dir = pack();
    const cachePath = join(tempDir(), 'lessons.json');
    readLessonSources([{ dir, label: 'pack' }], { cachePath });
    expect(readFileSync(cachePath, 'utf8')).not.toContain('Light bends.');
  });

  it('ignores a corrupt cache file', () => {
    const dir = pack();
    const cachePath = join(tempDir(), 'lessons.json');
    writeFileSync(cachePath, '{"stamp": 3, "entries": [garbage');
    expect(readLessonSources([{ dir, label: 'pack' }], { cachePath }).lessons[0]!.title).toBe('Lenses');
  });
});
