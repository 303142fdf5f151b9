import { CONFIG_KEYS, DEFAULT_CONFIG, isConfigKey, type Config } from '../core/config.js';
import { UsageError, UserError } from '../core/errors.js';
import { closestMatches } from '../core/suggest.js';
import { writeConfig } from '../io/config-store.js';
import { paint } from '../ui/color.js';
import { config as readStoredConfig, home, session, type CommandContext } from './context.js';

export interface ConfigOptions {
  json?: boolean | undefined;
  unset?: boolean | undefined;
}

function checkKey(key: string): keyof Config {
  if (isConfigKey(key)) return key;
  const keys = Object.keys(CONFIG_KEYS);
  const suggestion = closestMatches(key, keys);
  throw new UserError((t) => t.unknownSetting(key, keys) + t.didYouMean(suggestion.slice(0, 1)));
}

/** `config` lists settings, `config KEY` prints one, `config KEY VALUE` sets it, `config KEY --unset` removes it. */
export async function configCommand(context: CommandContext, key: string | undefined, value: string | undefined, options: ConfigOptions): Promise<void> {
  const stored = readStoredConfig(context);
  const current = session(context, stored);
  const style = paint(current.color);
  if (key === undefined) {
    if (options.unset || value !== undefined) throw new UsageError((t) => t.configNameSetting);
    if (options.json) {
      context.stdout.write(`${JSON.stringify({ path: stored.path, settings: stored.config }, null, 2)}\n`);
      return;
    }
    const lines = (Object.keys(CONFIG_KEYS) as Array<keyof Config>).map((name) => {
      const isSet = Object.hasOwn(stored.raw, name);
      const shown = stored.config[name] === undefined ? current.t.configUnset : String(stored.config[name]);
      const note = isSet || stored.config[name] === undefined ? '' : style.dim(` ${current.t.configDefault}`);
      return `${style.cyan(name.padEnd(18))} ${shown}${note}\n  ${style.dim(CONFIG_KEYS[name].description(current.t))}`;
    });
    context.stdout.write(`${lines.join('\n')}\n${style.dim(stored.path)}\n`);
    return;
  }
  const name = checkKey(key);
  if (name === 'sync_dir') {
    const { syncDirCommand } = await import('./sync.js');
    await syncDirCommand(context, stored, value, options);
    return;
  }
  if (value === undefined && !options.unset) {
    const shown = stored.config[name];
    context.stdout.write(options.json ? `${JSON.stringify({ [name]: shown ?? null })}\n` : `${shown ?? current.t.configUnset}\n`);
    return;
  }
  if (stored.invalid) throw new UserError(stored.invalid);
  const next: Record<string, unknown> = { ...stored.raw };
  if (options.unset) {
    if (value !== undefined) throw new UserError((t) => t.configValueAndUnset(name));
    delete next[name];
  } else {
    next[name] = CONFIG_KEYS[name].parse(value!);
  }
  writeConfig(home(context), next);
  const shown = next[name] ?? DEFAULT_CONFIG[name] ?? current.t.configUnset;
  context.stdout.write(options.json ? `${JSON.stringify({ [name]: next[name] ?? null })}\n` : `${name} = ${String(shown)}\n`);
}
