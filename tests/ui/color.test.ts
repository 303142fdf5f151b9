import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { paint } from '../../src/ui/color.js';

describe('paint', () => {
  const chalkOff = new Chalk({ level: 0 });
  const chalkOn = new Chalk({ level: 2 });

  it('without colour returns text exactly as chalk at level 0 does, for any chain of styles', () => {
    const plain = paint(false);
    expect(plain.bold('ml-tutor')).toBe(chalkOff.bold('ml-tutor'));
    expect(plain.green.bold('Right')).toBe(chalkOff.green.bold('Right'));
    expect(plain.bold.blue.underline('✎ Check yourself')).toBe(chalkOff.bold.blue.underline('✎ Check yourself'));
    expect(plain.dim('a', 'b')).toBe(chalkOff.dim('a', 'b'));
    expect(plain.hex('#ff0000')('red?')).toBe(chalkOff.hex('#ff0000')('red?'));
    expect(plain.bgAnsi256(21).white('cell')).toBe(chalkOff.bgAnsi256(21).white('cell'));
    expect(plain.cyan(42 as unknown as string)).toBe('42');
    expect(plain.level).toBe(0);
  });

  it('with colour styles as chalk at level 2 (256 colours)', () => {
    const colored = paint(true);
    expect(colored.green.bold('Right')).toBe(chalkOn.green.bold('Right'));
    expect(colored.green.bold('Right')).toBe('\u001b[32m\u001b[1mRight\u001b[22m\u001b[39m');
    expect(paint(true)).toBe(colored); // one instance
  });
});
