import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, normalizeConfig } from '../../src/core/config.js';
import { messages } from '../../src/i18n/index.js';

describe('config values', () => {
  it.each([
    ['lang', 'ZH', 'zh'],
    ['new_per_day', '25', 25],
    ['new_per_day', '0', 0],
    ['desired_retention', '0.85', 0.85],
  ] as const)('%s accepts %s', (key, raw, value) => {
    expect(CONFIG_KEYS[key].parse(raw)).toBe(value);
  });

  it.each([
    ['lang', 'fr', 'config lang: expected one of en, zh, got "fr"'],
    ['new_per_day', '-1', 'config new_per_day: expected a whole number from 0 to 1000, got "-1"'],
    ['new_per_day', '2.5', 'config new_per_day: expected a whole number from 0 to 1000, got "2.5"'],
    ['desired_retention', '0.5', 'config desired_retention: expected a number from 0.70 to 0.99, got "0.5"'],
    ['desired_retention', '1', 'config desired_retention: expected a number from 0.70 to 0.99, got "1"'],
  ] as const)('%s rejects %s', (key, raw, message) => {
    expect(() => CONFIG_KEYS[key].parse(raw)).toThrow(message);
  });

  it('keeps valid stored values, drops the rest with a warning', () => {
    const { config, warnings } = normalizeConfig({ lang: 'zh', new_per_day: 'lots', colour: 'red' });
    expect(config).toEqual({ lang: 'zh', new_per_day: 10, desired_retention: 0.9 });
    expect(warnings.map((warning) => warning(messages('en')))).toEqual([
      'config new_per_day: expected a whole number from 0 to 1000, got "lots"; using the default',
      'unknown setting "colour" ignored',
    ]);
    expect(warnings.map((warning) => warning(messages('zh')))).toEqual(['config new_per_day：应为 0 到 1000 之间的整数，实际是“lots”；已改用默认值', '未知的设置项“colour”，已忽略']);
  });
});
