import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lesson.js';
import type { Question } from '../../src/core/question.js';
import { openQuestionCache } from '../../src/io/question-cache.js';
import { tempDir } from '../helpers.js';

const question = (id: string): Question => ({ id, type: 'truefalse', prompt: `${id}?`, answer: true, explain: 'e', lessonId: 'a/b', section: 1, path: 'a.md', line: 3 });

/** A lesson whose questions count how often they are parsed (read). */
function lesson(revision: string, ids: string[], parses: { count: number }): Lesson {
  return {
    revision,
    get questions() {
      parses.count++;
      return ids.map(question);
    },
    quizProblems: [],
  } as unknown as Lesson;
}

describe('the question cache', () => {
  it('parses a lesson once, then gives the same questions from disk until its file changes', () => {
    const path = join(tempDir(), 'cache', 'questions.json');
    const parses = { count: 0 };
    const first = openQuestionCache(path);
    expect(first.questionsOf(lesson('/l.md:10:1', ['q1', 'q2'], parses)).questions.map((q) => q.id)).toEqual(['q1', 'q2']);
    first.save();
    const again = openQuestionCache(path).questionsOf(lesson('/l.md:10:1', ['q1', 'q2'], parses));
    expect(again.questions).toEqual([question('q1'), question('q2')]);
    expect(parses.count).toBe(1);
    // Another size or mtime is another revision: parsed anew.
    expect(openQuestionCache(path).questionsOf(lesson('/l.md:11:2', ['q3'], parses)).questions.map((q) => q.id)).toEqual(['q3']);
    expect(parses.count).toBe(2);
  });

  it('treats a damaged cache file as no cache', () => {
    const path = join(tempDir(), 'questions.json');
    writeFileSync(path, '{"stamp": 5, "entries": "garbage"');
    const parses = { count: 0 };
    expect(openQuestionCache(path).questionsOf(lesson('/l.md:1:1', ['q1'], parses)).questions).toHaveLength(1);
    expect(parses.count).toBe(1);
  });
});
