import { CONFIG_KEYS } from '../core/config.js';
import { UserError } from '../core/errors.js';
import { deviceFileName } from '../core/sync-merge.js';
import { writeConfig, type StoredConfig } from '../io/config-store.js';
import { deviceId, readDeviceId } from '../io/device-id.js';
import { describeFsError } from '../io/files.js';
import { checkSyncDir, resolveSyncDir } from '../io/sync-folder.js';
import { readSyncedLog } from '../io/synced-log.js';
import { catchUpDeviceFile, deviceFilePath, missingFromDeviceFile } from '../io/sync-write.js';
import { paint } from '../ui/color.js';
import { home, session, warnLog, type CommandContext, type Session } from './context.js';

/** `config sync_dir`, as `--json` prints it: the folder, this device, and every device file in it. */
export interface SyncStatus {
  sync_dir: string;
  device: string | null;
  /** This device's file in the folder. */
  file: string | null;
  devices: Array<{ file: string; device: string; events: number; this_device: boolean }>;
  /** Events in this device's own log (events.jsonl). */
  local_events: number;
  /** Events in the union, each counted once: what every command reads. */
  events: number;
  /** Events of this device not yet in its file (a save that could not reach the folder); null if unknown. */
  behind: number | null;
}

/**
 * `config sync_dir [DIR|off] [--unset]`: show the sync status, turn sync on (the folder checked, this
 * device's history copied into its file there, and only then the setting saved) or off.
 */
export async function syncDirCommand(context: CommandContext, stored: StoredConfig, value: string | undefined, options: { json?: boolean | undefined; unset?: boolean | undefined }): Promise<void> {
  const current = session(context, stored);
  const dir = stored.config.sync_dir;
  if (value === undefined && !options.unset) {
    if (dir === undefined) context.stdout.write(options.json ? `${JSON.stringify({ sync_dir: null })}\n` : `${current.t.configUnset}\n`);
    else printStatus(context, current, syncStatus(context, dir), options.json === true);
    return;
  }
  if (stored.invalid) throw new UserError(stored.invalid);
  if (options.unset && value !== undefined) throw new UserError((t) => t.configValueAndUnset('sync_dir'));
  const next: Record<string, unknown> = { ...stored.raw };
  if (options.unset || value?.trim().toLowerCase() === 'off') {
    delete next.sync_dir;
    writeConfig(home(context), next);
    if (options.json) context.stdout.write(`${JSON.stringify({ sync_dir: null })}\n`);
    else context.stdout.write(`${dir === undefined ? `sync_dir = ${current.t.configUnset}` : current.t.sync.turnedOff(dir)}\n`);
    return;
  }
  // An empty value would resolve to the current folder: never what was meant.
  if (value!.trim() === '') throw new UserError((t) => t.sync.emptyPath);
  const folder = resolveSyncDir(value!, context.env, process.cwd());
  checkSyncDir(folder, home(context));
  next.sync_dir = CONFIG_KEYS.sync_dir.parse(folder);
  const target = { dir: folder, device: deviceId(home(context)) };
  let copied: number;
  try {
    ({ copied } = catchUpDeviceFile(home(context), target));
  } catch (error) {
    throw new UserError((t) => t.cannotWrite(deviceFilePath(target), describeFsError(error, t)));
  }
  writeConfig(home(context), next);
  const status = syncStatus(context, folder);
  if (options.json) {
    context.stdout.write(`${JSON.stringify({ ...status, copied }, null, 2)}\n`);
    return;
  }
  context.stdout.write(`${current.t.sync.turnedOn(deviceFilePath(target), copied)}\n`);
  printStatus(context, current, status, false);
}

function syncStatus(context: CommandContext, dir: string): SyncStatus {
  const device = readDeviceId(home(context));
  const own = device === undefined ? undefined : deviceFileName(device);
  const log = readSyncedLog(home(context), dir);
  warnLog(context, log);
  let behind: number | null = null;
  if (device !== undefined) {
    try {
      behind = missingFromDeviceFile(home(context), { dir, device }).missing.length;
    } catch {
      behind = null; // the folder cannot be read: the warning above says so
    }
  }
  const devices = log.sources
    .filter((source) => source.kind === 'device')
    .map((source) => ({ file: source.name, device: source.name.slice(0, -'.jsonl'.length), events: source.events, this_device: source.name === own }));
  const local = log.sources.find((source) => source.kind === 'local')?.events ?? 0;
  return { sync_dir: dir, device: device ?? null, file: own ?? null, devices, local_events: local, events: log.events.length, behind };
}

function printStatus(context: CommandContext, current: Session, status: SyncStatus, json: boolean): void {
  if (json) {
    context.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
    return;
  }
  const { t } = current;
  const style = paint(current.color);
  const lines = [`sync_dir = ${status.sync_dir}`, status.device === null || status.file === null ? t.sync.noDeviceYet : t.sync.thisDevice(status.device, status.file)];
  const width = Math.max(0, ...status.devices.map((device) => device.file.length));
  for (const device of status.devices) {
    lines.push(`  ${device.file.padEnd(width)}  ${t.sync.events(device.events)}${device.this_device ? `  ${style.dim(t.sync.mine)}` : ''}`);
  }
  if (status.devices.length === 0) lines.push(`  ${style.dim(t.sync.noFiles)}`);
  lines.push(t.sync.total(status.local_events, status.events));
  if (status.behind !== null && status.behind > 0 && status.file !== null) lines.push(t.sync.behind(status.behind, status.file));
  context.stdout.write(`${lines.join('\n')}\n`);
}
