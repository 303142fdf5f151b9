import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/width.js';
import { commandRow, progressRow } from '../../src/ui/layout.js';

const row = { title: 'Natural language processing', done: 2, total: 5, count: '2/5 read' };
const widest = (text: string): number => Math.max(...text.split('\n').map((line) => displayWidth(line)));

describe('progressRow (the home screen\'s topic rows)', () => {
  it('keeps title, a ten-cell bar and the count on one line when they fit', () => {
    expect(progressRow(row, 27, 80)).toBe('  Natural language processing  ████░░░░░░  2/5 read');
  });

  it('shrinks the bar at 50 columns, and puts bar and count under the title at 40', () => {
    expect(progressRow(row, 27, 50)).toBe('  Natural language processing  ████░░░░░  2/5 read');
    expect(progressRow(row, 27, 40)).toBe('  Natural language processing\n    ████░░░░░░  2/5 read');
    expect(widest(progressRow(row, 27, 40))).toBeLessThanOrEqual(40);
    expect(progressRow({ title: '自然语言处理', done: 0, total: 4, count: '已读 0/4' }, 12, 40)).toBe('  自然语言处理  ░░░░░░░░░░  已读 0/4');
  });
});

describe('commandRow (the home screen\'s command list)', () => {
  it('is two columns when they fit, else the hint goes under the command, wrapped and indented', () => {
    expect(commandRow('ml-tutor quiz', 'review the cards that are due', 80)).toBe('  ml-tutor quiz           review the cards that are due');
    expect(commandRow('ml-tutor read <lesson>', 'read a lesson (id, prefix or topic/number)', 50)).toBe(
      '  ml-tutor read <lesson>\n    read a lesson (id, prefix or topic/number)',
    );
    const narrow = commandRow('ml-tutor read <lesson>', 'read a lesson (id, prefix or topic/number)', 40);
    expect(narrow).toBe('  ml-tutor read <lesson>\n    read a lesson (id, prefix or\n    topic/number)');
    expect(widest(narrow)).toBeLessThanOrEqual(40);
  });
});
