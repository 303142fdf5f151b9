import type { Lang } from '../core/topics.js';
import { en, type Messages } from './en.js';
import { zh } from './zh.js';

export type { Messages };

export function messages(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}
