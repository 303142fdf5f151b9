import { parseLesson, parseTopic, type Lesson, type Topic } from '../../src/core/lesson.js';
import { buildCatalog, type Catalog } from '../../src/core/catalog.js';

/** Build a lesson from a few fields, through the real parser. */
export function makeLesson(options: { topic: string; number: number; slug: string; lang?: 'en' | 'zh'; title?: string; body?: string; front?: string }): Lesson {
  const lang = options.lang ?? 'en';
  const path = `lessons/${options.topic}/${String(options.number).padStart(2, '0')}-${options.slug}.${lang}.md`;
  const text = `---\nid: ${options.topic}/${options.slug}\ntitle: ${options.title ?? options.slug}\nminutes: 5\nobjectives: [x]\n${options.front ?? 'prerequisites: []\n'}---\n${options.body ?? '## One\n\ntext\n'}`;
  const { lesson, problems } = parseLesson(text, path);
  if (!lesson) throw new Error(problems.map((problem) => problem.message.en).join('; '));
  return lesson;
}

export function makeTopic(id: string, lang: 'en' | 'zh' = 'en'): Topic {
  return parseTopic(`---\nid: ${id}\ntitle: ${id} title\n---\nOverview.\n`, `lessons/${id}/topic.${lang}.md`).topic!;
}

/** A catalog of the four core topics with a few lessons each, in English and Chinese. */
export function sampleCatalog(): Catalog {
  const lessons: Lesson[] = [];
  const topics: Topic[] = [];
  const plan: Record<string, string[]> = {
    attention: ['why-attention', 'scaled-dot-product', 'masks-and-self-attention'],
    'deep-learning': ['what-is-deep-learning', 'neurons-and-perceptrons'],
    rnn: ['recurrent-units', 'backpropagation-through-time'],
    nlp: ['what-is-nlp'],
  };
  for (const [topic, slugs] of Object.entries(plan)) {
    for (const lang of ['en', 'zh'] as const) {
      topics.push(makeTopic(topic, lang));
      slugs.forEach((slug, index) => lessons.push(makeLesson({ topic, number: index + 1, slug, lang })));
    }
  }
  return buildCatalog(lessons, topics);
}
