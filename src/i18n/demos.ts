import * as enAttention from './en/demos-attn.js';
import * as enCommon from './en/demos-common.js';
import * as enDeepLearning from './en/demos-dl.js';
import * as enNlp from './en/demos-nlp.js';
import * as enSequences from './en/demos-seq.js';
import * as zhAttention from './zh/demos-attn.js';
import * as zhCommon from './zh/demos-common.js';
import * as zhDeepLearning from './zh/demos-dl.js';
import * as zhNlp from './zh/demos-nlp.js';
import * as zhSequences from './zh/demos-seq.js';

// The demos' working, flag help and summaries: a table of its own, beside Messages, because only
// `demo` and `read` run demos, and `list` must not load (or compile) this much text to start.
// One namespace per demo (`m.perceptron.start`), `common` for help and the list.

const en = { ...enCommon, ...enDeepLearning, ...enNlp, ...enSequences, ...enAttention };

export type DemoMessages = typeof en;

const zh: DemoMessages = { ...zhCommon, ...zhDeepLearning, ...zhNlp, ...zhSequences, ...zhAttention };

export function demoMessages(lang: 'en' | 'zh'): DemoMessages {
  return lang === 'zh' ? zh : en;
}

/** A demo text in both languages, for what is chosen later (summaries, flag help, --predict questions). */
export function localized(text: (m: DemoMessages) => string): { en: string; zh: string } {
  return { en: text(en), zh: text(zh) };
}
