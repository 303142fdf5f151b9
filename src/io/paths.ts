import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The data directory: ML_TUTOR_HOME, else $XDG_DATA_HOME/ml-tutor, else ~/.local/share/ml-tutor
 * (the XDG Base Directory default). Read from the `env` argument, never at import time.
 */
export function dataDir(env: NodeJS.ProcessEnv): string {
  if (env.ML_TUTOR_HOME) return env.ML_TUTOR_HOME;
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, 'ml-tutor');
  return join(env.HOME || homedir(), '.local', 'share', 'ml-tutor');
}

export function eventsPath(home: string): string {
  return join(home, 'events.jsonl');
}

export function configPath(home: string): string {
  return join(home, 'config.json');
}
