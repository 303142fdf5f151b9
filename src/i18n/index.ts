import { en, type Messages } from './en.js';
import { zh } from './zh.js';

export type { Messages };

// The tables import nothing from the rest of src/, so any layer may use them (see README, Developing).
export function messages(lang: 'en' | 'zh'): Messages {
  return lang === 'zh' ? zh : en;
}
