// A scripted learner: drives `quiz --porcelain`, answering every question, and keeps the answers
// the tutor acknowledged (a `result` line is printed only once the answer is on disk).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BIN, answerFor } from './lib.mjs';

/**
 * @param options.killAfterResults SIGKILL right after this many result lines
 * @param options.killAfterMs SIGKILL this long after the start
 * @param options.maxAnswers send "quit" after this many acknowledged answers
 */
export function drivePorcelain({ env, args = [], rng, killAfterResults, killAfterMs, maxAnswers = Infinity, timeoutMs = 60_000, uid, gid, shell }) {
  return new Promise((resolve) => {
    const argv = [process.execPath, BIN, 'quiz', '--porcelain', ...args];
    // `shell` runs first in a shell that then becomes the quiz (e.g. "ulimit -f 4;").
    const [command, ...rest] = shell ? ['/bin/sh', '-c', `${shell} exec "$@"`, 'sh', ...argv] : argv;
    const child = spawn(command, rest, { env, stdio: ['pipe', 'pipe', 'pipe'], ...(uid === undefined ? {} : { uid, gid }) });
    const acked = [];
    const errors = [];
    let stderr = '';
    let killed = false;
    let firstQuestionMs;
    let pendingSince;
    const saveMs = [];
    const started = performance.now();
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    const timers = [setTimeout(kill, timeoutMs)];
    if (killAfterMs !== undefined) timers.push(setTimeout(kill, killAfterMs));
    child.stdin.on('error', () => {});
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        errors.push(`not JSON: ${line.slice(0, 80)}`);
        return;
      }
      if (event.event === 'question') {
        firstQuestionMs ??= performance.now() - started;
        if (killed) return;
        if (acked.length >= maxAnswers) {
          child.stdin.end('quit\n');
          return;
        }
        pendingSince = performance.now();
        child.stdin.write(`${answerFor(event, rng)}\n`);
      } else if (event.event === 'result') {
        // A step of a worked exercise is not an answer saved: only the card's result (no `step`) is.
        if (event.step !== undefined) return;
        if (pendingSince !== undefined) saveMs.push(performance.now() - pendingSince);
        acked.push(event.id);
        if (killAfterResults !== undefined && acked.length >= killAfterResults) kill();
      } else if (event.event === 'error') {
        errors.push(`error event: ${event.message}`);
      }
    });
    child.on('close', (code, signal) => {
      timers.forEach(clearTimeout);
      resolve({ code, signal, killed, acked, errors, stderr, firstQuestionMs, saveMs });
    });
  });
}
