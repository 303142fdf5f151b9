import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where less copies what it has read of a page (`less -O FILE`), and how much that is so far. */
export interface PagerLog {
  path: string;
  /** Bytes of the page the pager has read; 0 while it has read none or the file cannot be seen. */
  bytesRead(): number;
  remove(): void;
}

/** A fresh, private temp file for one page (see src/ui/pager.ts for why). */
export function createPagerLog(): PagerLog | undefined {
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'ml-tutor-pager-'));
  } catch {
    return undefined; // no temp dir: the pager runs without it, and a closed page counts as read
  }
  const path = join(dir, 'read');
  return {
    path,
    bytesRead() {
      try {
        return statSync(path).size;
      } catch {
        return 0;
      }
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
