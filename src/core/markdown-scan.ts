/**
 * A line scanner for the parts of a lesson body the tutor itself needs: headings (the numbered
 * sections) and the special ```demo and ```quiz fenced blocks. It follows CommonMark's fence rules
 * (a closing fence uses the same character, at least as long, with no info string), so a heading
 * inside a code block is not a section.
 */
import type { Text } from './errors.js';

export interface Heading {
  level: number;
  /** "2" for the second `##` section, "2.1" for the first `###` inside it; "" for other levels. */
  number: string;
  title: string;
  /** 1-based line in the file. */
  line: number;
  /** 0-based index into the body's lines. */
  index: number;
}

export interface FencedBlock {
  info: string;
  content: string;
  /** 1-based file line of the opening fence. */
  line: number;
  /** 0-based body line indexes of the opening and closing fences. */
  startIndex: number;
  endIndex: number;
  /** Number of the `##` section the block sits in (0 before the first section). */
  section: number;
}

export interface ScannedBody {
  lines: string[];
  headings: Heading[];
  blocks: FencedBlock[];
  /** A fence opened and never closed: its 1-based line. */
  unclosedFenceLine?: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** @param firstLine the 1-based file line on which `body` starts (after the front matter). */
export function scanBody(body: string, firstLine: number): ScannedBody {
  const lines = body.split('\n');
  const headings: Heading[] = [];
  const blocks: FencedBlock[] = [];
  let section = 0;
  let subsection = 0;
  let fence: { close: RegExp; info: string; startIndex: number } | undefined;
  let unclosedFenceLine: number | undefined;

  lines.forEach((line, index) => {
    if (fence) {
      if (fence.close.test(line)) {
        blocks.push({
          info: fence.info,
          content: lines.slice(fence.startIndex + 1, index).join('\n'),
          line: firstLine + fence.startIndex,
          startIndex: fence.startIndex,
          endIndex: index,
          section,
        });
        fence = undefined;
      }
      return;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      const marker = open[1]!;
      // Closed by the same character, at least as many, and nothing else (CommonMark).
      const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      fence = { close, info: open[2]!.trim().split(/\s+/)[0] ?? '', startIndex: index };
      return;
    }
    const heading = HEADING.exec(line);
    if (!heading) return;
    const level = heading[1]!.length;
    let number = '';
    if (level === 2) {
      section += 1;
      subsection = 0;
      number = String(section);
    } else if (level === 3 && section > 0) {
      subsection += 1;
      number = `${section}.${subsection}`;
    }
    headings.push({ level, number, title: heading[2]!.trim(), line: firstLine + index, index });
  });
  if (fence) unclosedFenceLine = firstLine + fence.startIndex;
  return { lines, headings, blocks, ...(unclosedFenceLine ? { unclosedFenceLine } : {}) };
}

/**
 * Split a demo invocation into words, shell-style: whitespace separates, single or double quotes
 * group (`--keys "1,0; 0,1"`). Returns an error message for an unterminated quote.
 */
export function splitCommandLine(text: string): { words: string[] } | { error: Text } {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote) {
    const open = quote;
    return { error: (t) => t.problem.unterminatedQuote(open) };
  }
  if (inWord) words.push(current);
  return { words };
}
