/** A lesson or topic file's YAML front matter, split from its body (pure: the text is an argument). */
import matter from 'gray-matter';
import type { Problem } from './errors.js';
import { parseYaml, yamlErrorLine, yamlErrorReason } from './quiz-block.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

function refuseEngine(name: string): () => never {
  return () => {
    throw new Error(`front matter in "${name}" is not allowed: lessons use YAML only`);
  };
}

/**
 * Split YAML front matter from the body with gray-matter, restricted to YAML: a lesson pack is
 * untrusted, and gray-matter would otherwise run `---js` front matter as JavaScript.
 */
export function readFrontMatter(text: string, path: string): FrontMatter | Problem {
  if (!/^---[a-z]*\r?\n/.test(text)) {
    return { path, line: 1, message: 'missing front matter: the file must start with a "---" line, then YAML fields, then "---"' };
  }
  if (!/\n---[ \t]*(\r?\n|$)/.test(text)) {
    return { path, line: 1, message: 'front matter is not closed: add a "---" line after the YAML fields' };
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
      const engine = /"(.*)"/.exec(message)?.[1];
      return { path, line: 1, message: `front matter in "${engine}" is not allowed: lessons use YAML only` };
    }
    if (/is not allowed: lessons use YAML only/.test(message)) return { path, line: 1, message };
    const errorLine = yamlErrorLine(error);
    // gray-matter hands js-yaml the text right after the opening "---", so its line 0 is file line 1.
    return { path, line: 1 + (errorLine ?? 1), message: `invalid YAML in front matter: ${yamlErrorReason(error)}` };
  }
  const data = file.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { path, line: 2, message: 'front matter must be YAML fields ("id: …", "title: …")' };
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
