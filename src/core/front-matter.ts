/** A lesson or topic file's YAML front matter, split from its body (pure: the text is an argument). */
import matter from 'gray-matter';
import { problemAt, type Problem } from './errors.js';
import { parseYaml, yamlErrorLine, yamlErrorReason } from './quiz-block.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

function refuseEngine(name: string): () => never {
  return () => {
    // A marker, caught below and turned into the message from the tables.
    throw new Error(`refused engine "${name}"`);
  };
}

/**
 * Split YAML front matter from the body with gray-matter, restricted to YAML: a lesson pack is
 * untrusted, and gray-matter would otherwise run `---js` front matter as JavaScript.
 */
export function readFrontMatter(text: string, path: string): FrontMatter | Problem {
  if (!/^---[a-z]*\r?\n/.test(text)) {
    return problemAt(path, 1, (t) => t.problem.noFrontMatter);
  }
  if (!/\n---[ \t]*(\r?\n|$)/.test(text)) {
    return problemAt(path, 1, (t) => t.problem.frontMatterOpen);
  }
  let file: { data: unknown; content: string };
  try {
    file = matter(text, {
      language: 'yaml',
      engines: {
        yaml: (source: string) => parseYaml(source) as object,
        javascript: refuseEngine('javascript'),
        js: refuseEngine('js'),
        coffee: refuseEngine('coffee'),
        json: refuseEngine('json'),
        toml: refuseEngine('toml'),
      },
    });
  } catch (error) {
    const message = (error as Error).message;
    if (/gray-matter engine "(.*)" is not registered/.test(message)) {
      const engine = /"(.*)"/.exec(message)?.[1] ?? '';
      return problemAt(path, 1, (t) => t.problem.frontMatterEngine(engine));
    }
    const refused = /^refused engine "(.*)"$/.exec(message)?.[1];
    if (refused !== undefined) return problemAt(path, 1, (t) => t.problem.frontMatterEngine(refused));
    const errorLine = yamlErrorLine(error);
    // gray-matter hands js-yaml the text right after the opening "---", so its line 0 is file line 1.
    return problemAt(path, 1 + (errorLine ?? 1), (t) => t.problem.frontMatterYaml(yamlErrorReason(error, t)));
  }
  const data = file.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return problemAt(path, 2, (t) => t.problem.frontMatterNotFields);
  }
  const body = file.content;
  const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  return { data: data as Record<string, unknown>, body, bodyLine };
}

/** The 1-based line of each top-level front matter key (the lines before `bodyLine`). */
export function frontMatterLines(text: string, bodyLine: number): Record<string, number> {
  const lines: Record<string, number> = {};
  text
    .split('\n', bodyLine)
    .forEach((line, index) => {
      const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
      if (key && index > 0 && lines[key] === undefined) lines[key] = index + 1;
    });
  return lines;
}
