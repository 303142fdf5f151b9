import { mkdirSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { wrap } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheKey } from './core/code-cache-key.js';

// Start-up loader for the files in dist/ (built by src/build/bundle.mjs), run by bin/ml-tutor.js.
// This file is only ever run as CommonJS (dist/boot.cjs), so it uses __dirname and require.
//
// Why: compiling JavaScript is a large part of a short command's run time. V8 can save the code it
// compiled and reuse it in the next process (a "code cache"; https://v8.dev/blog/code-caching-for-devs).
// Node 22 does this for every module (module.enableCompileCache); Node 20, our floor, does not. So
// the build runs each command once and saves, per command, the compiled code of every file it
// loaded, and this loader hands it back to V8 through vm.Script's `cachedData`. V8 checks that a
// cache matches the source, its own version and its flags, and compiles as usual when it does not
// (`cachedDataRejected`): a stale cache costs speed, never behaviour.

declare const __dirname: string;
declare const require: NodeJS.Require;

const distDir = __dirname;
/** Set by the build (`ML_TUTOR_CODE_CACHE=write`) to save what this run compiled. */
const writeCaches = process.env.ML_TUTOR_CODE_CACHE === 'write';
/** `ML_TUTOR_TRACE_LOAD=1` prints what each file cost to load (used by bench/, handy when profiling). */
const trace = process.env.ML_TUTOR_TRACE_LOAD === '1' ? [`start ${performance.now().toFixed(1)} ms after Node started`] : undefined;
// `performance` loads node:perf_hooks on first use (2 ms): only when tracing.
const clock = trace ? () => performance.now() : () => 0;
const cacheFile = join(distDir, 'code-cache', `${codeCacheKey(process.argv.slice(2))}.bin`);

/**
 * One file per command: a 4-byte length, a JSON index { "cli.cjs": [offset, length], ... }, then
 * the caches (offsets count from the end of the index). One read instead of one per loaded file.
 */
function readCaches(): { index: Record<string, [number, number]>; blobs: Buffer } | undefined {
  if (writeCaches) return undefined;
  try {
    const data = readFileSync(cacheFile);
    const indexEnd = 4 + data.readUInt32LE(0);
    return { index: JSON.parse(data.toString('latin1', 4, indexEnd)) as Record<string, [number, number]>, blobs: data.subarray(indexEnd) };
  } catch {
    return undefined; // no cache for this command (or an unreadable one): compile as usual
  }
}

const caches = readCaches();
const loaded = new Map<string, { exports: unknown }>();
const compiled: Array<{ name: string; script: Script }> = [];

/** `./name.cjs` next to `file`: the only form the build writes; path.resolve for anything else. */
function sibling(file: string, id: string): string {
  return id.startsWith('./') && !id.includes('/..') ? file.slice(0, file.lastIndexOf(sep) + 1) + id.slice(2).replaceAll('/', sep) : resolve(dirname(file), id);
}

/** Load one CommonJS file of dist/ with its code cache; its relative requires come back here. */
function load(file: string): unknown {
  const done = loaded.get(file);
  if (done) return done.exports;
  const started = clock();
  const name = file.startsWith(distDir + sep) ? file.slice(distDir.length + 1) : relative(distDir, file);
  // The files are ASCII (the build checks), so latin1 is exact, and cheaper than decoding UTF-8.
  const source = readFileSync(file, 'latin1');
  const slot = caches?.index[name];
  const cachedData = slot ? caches!.blobs.subarray(slot[0], slot[0] + slot[1]) : undefined;
  const script = new Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (writeCaches) compiled.push({ name, script });
  // Our files require each other by relative path, and Node's built-in modules by name.
  const localRequire = Object.assign((id: string) => (id.startsWith('.') ? load(sibling(file, id)) : require(id)), {
    resolve: require.resolve,
    cache: require.cache,
    main: require.main,
  });
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  loaded.set(file, module);
  const compiledAt = clock();
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, localRequire, module, file, dirname(file));
  module.loaded = true;
  trace?.push(
    `${name}: compiled in ${(compiledAt - started).toFixed(1)} ms (${cachedData ? (script.cachedDataRejected ? 'cache rejected' : 'from cache') : 'no cache'}), ran in ${(clock() - compiledAt).toFixed(1)} ms`,
  );
  return module.exports;
}

process.on('exit', () => {
  if (trace) writeSync(2, `${[...trace, `exit ${performance.now().toFixed(1)} ms after Node started`].join('\n')}\n`);
  if (!writeCaches) return;
  // After the run, so the cache also holds every function the command compiled on its way.
  const blobs = compiled.map(({ script }) => script.createCachedData());
  const index: Record<string, [number, number]> = {};
  let offset = 0;
  compiled.forEach(({ name }, position) => {
    index[name] = [offset, blobs[position]!.length];
    offset += blobs[position]!.length;
  });
  const header = Buffer.from(JSON.stringify(index), 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(`${cacheFile}.tmp`, Buffer.concat([length, header, ...blobs]));
  renameSync(`${cacheFile}.tmp`, cacheFile);
});

load(join(distDir, 'cli.cjs'));
