import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../src/core/lang.js';
import { UsageError } from '../../src/core/errors.js';

describe('chooseLanguage', () => {
  it.each([
    [{ flag: 'zh', env: { LANG: 'en_US.UTF-8' } }, 'zh', true],
    [{ flag: 'EN', env: { ML_TUTOR_LANG: 'zh' } }, 'en', true],
    [{ env: { ML_TUTOR_LANG: 'zh', LANG: 'en_US.UTF-8' } }, 'zh', false],
    [{ env: { ML_TUTOR_LANG: 'zh_CN.UTF-8' } }, 'zh', false],
    [{ config: 'zh', env: { LANG: 'en_US.UTF-8' } }, 'zh', false],
    [{ config: 'en', env: { ML_TUTOR_LANG: 'zh' } }, 'zh', false],
    [{ env: { LANGUAGE: 'zh_TW:en', LANG: 'en_US.UTF-8' } }, 'zh', false],
    [{ env: { LANG: 'zh_CN.UTF-8' } }, 'zh', false],
    [{ env: { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } }, 'zh', false],
    [{ env: { LANG: 'C.UTF-8' } }, 'en', false],
    [{ env: { LANG: 'fr_FR.UTF-8' } }, 'en', false],
    [{ env: {} }, 'en', false],
  ])('%j → %s (strict %s)', (sources, lang, strict) => {
    expect(chooseLanguage(sources)).toEqual({ lang, strict });
  });

  it('rejects an unknown --lang as a usage error', () => {
    expect(() => chooseLanguage({ flag: 'fr', env: {} })).toThrow(UsageError);
    expect(() => chooseLanguage({ flag: 'fr', env: {} })).toThrow('--lang: expected one of en, zh, got "fr"');
  });
});
