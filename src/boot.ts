import { mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
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
const packFile = join(distDir, 'code-cache', `${codeCacheKey(process.argv.slice(2))}.bin`);

/** A CommonJS module's source as a function of its five variables (Node's own wrapper is the same). */
const wrap = (source: string): string => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

/**
 * One file per command (a "pack") holds the source, already wrapped as a CommonJS function, and the
 * code cache of every file that command loaded when the build ran it: a 4-byte length, a JSON index
 * { "cli.cjs": [offset, source length, cache length], ... } (offsets count from the end of the
 * index; a cache follows its source), then the bytes. Each file then costs one read from an open
 * descriptor instead of two whole-file reads, a quarter of a millisecond each on a cold start. A
 * file that is not in the pack is read from dist/ and compiled as usual. The build writes dist/ and
 * the packs together, so a pack's sources are those of dist/.
 */
interface Pack {
  fd: number;
  base: number;
  index: Record<string, [number, number, number]>;
}

function openPack(forWriting = writeCaches): Pack | undefined {
  if (forWriting) return undefined;
  try {
    const fd = openSync(packFile, 'r');
    const length = Buffer.alloc(4);
    readSync(fd, length, 0, 4, 0);
    const index = Buffer.alloc(length.readUInt32LE(0));
    if (readSync(fd, index, 0, index.length, 4) !== index.length) return undefined;
    return { fd, base: 4 + index.length, index: JSON.parse(index.toString('latin1')) as Pack['index'] };
  } catch {
    return undefined; // no pack for this command (or an unreadable one)
  }
}

/** The bytes of a file's slot in a pack (its source, then its code cache), or undefined if they cannot all be read. */
function slotBytes(from: Pack, name: string): { bytes: Buffer; sourceLength: number } | undefined {
  const slot = from.index[name];
  if (!slot) return undefined;
  const [offset, sourceLength, cacheLength] = slot;
  const bytes = Buffer.allocUnsafe(sourceLength + cacheLength);
  return readSync(from.fd, bytes, 0, bytes.length, from.base + offset) === bytes.length ? { bytes, sourceLength } : undefined;
}

/** A file's (wrapped) source and code cache from the pack, or undefined if it is not there. */
function fromPack(name: string): { source: string; cachedData: Buffer } | undefined {
  const slot = pack && slotBytes(pack, name);
  if (!slot) return undefined;
  const { bytes, sourceLength } = slot;
  // The files are ASCII (the build checks), so latin1 is exact, and cheaper than decoding UTF-8.
  return { source: bytes.toString('latin1', 0, sourceLength), cachedData: bytes.subarray(sourceLength) };
}

const pack = openPack();
const loaded = new Map<string, { exports: unknown }>();
/** What this run compiled, to save when the build asks (source: the wrapped source). */
const compiled: Array<{ name: string; source: string; script: Script }> = [];

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
  const packed = fromPack(name);
  // The pack holds each source already wrapped as a CommonJS function; wrapping here would keep a
  // second copy of every source on the young heap, which the next garbage collection has to copy.
  const wrapped = packed?.source ?? wrap(readFileSync(file, 'latin1'));
  const cachedData = packed?.cachedData;
  const readAt = clock();
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (writeCaches) compiled.push({ name, source: wrapped, script });
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
    `${name}: compiled in ${(compiledAt - started).toFixed(1)} ms (${cachedData ? (script.cachedDataRejected ? 'cache rejected' : 'from cache') : 'no cache'}; read ${(readAt - started).toFixed(1)} ms), ran in ${(clock() - compiledAt).toFixed(1)} ms`,
  );
  return module.exports;
}

process.on('exit', () => {
  if (trace) writeSync(2, `${[...trace, `exit ${performance.now().toFixed(1)} ms after Node started`].join('\n')}\n`);
  if (!writeCaches) return;
  // After the run, so the cache also holds every function the command compiled on its way.
  const parts: Buffer[] = [];
  const index: Pack['index'] = {};
  let offset = 0;
  const add = (name: string, bytes: readonly [Buffer, Buffer]): void => {
    index[name] = [offset, bytes[0].length, bytes[1].length];
    parts.push(...bytes);
    offset += bytes[0].length + bytes[1].length;
  };
  for (const { name, source, script } of compiled) add(name, [Buffer.from(source, 'latin1'), script.createCachedData()]);
  // The build runs a command in Chinese and then in English: the pack keeps what the earlier run
  // loaded and this one did not (the Chinese messages, dist/i18n-zh.cjs).
  const earlier = openPack(false);
  for (const name of Object.keys(earlier?.index ?? {})) {
    const slot = !index[name] && slotBytes(earlier!, name);
    if (slot) add(name, [slot.bytes.subarray(0, slot.sourceLength), slot.bytes.subarray(slot.sourceLength)]);
  }
  const header = Buffer.from(JSON.stringify(index), 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  mkdirSync(dirname(packFile), { recursive: true });
  writeFileSync(`${packFile}.tmp`, Buffer.concat([length, header, ...parts]));
  renameSync(`${packFile}.tmp`, packFile);
});

load(join(distDir, 'cli.cjs'));
