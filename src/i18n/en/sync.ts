// Sync through a shared folder: `config sync_dir` (src/commands/sync.ts), and what reading and
// writing the device files there say (src/io/synced-log.ts, src/io/sync-write.ts).

const events = (count: number): string => `${count} event${count === 1 ? '' : 's'}`;

export const sync = {
  about: 'a folder shared with your other devices (Dropbox, Syncthing, git…) to sync progress through; off stops it',
  emptyPath: 'config sync_dir: expected a folder path, or off',
  notAbsolute: (raw: string) => `config sync_dir: expected an absolute folder path, got "${raw}"`,
  dirMissing: (dir: string) => `config sync_dir: no such folder: ${dir} (create it first, or check the path)`,
  notDir: (dir: string) => `config sync_dir: ${dir} is not a folder`,
  notWritable: (dir: string, reason: string) => `config sync_dir: cannot write in ${dir}: ${reason}`,
  isDataDir: (dir: string) => `config sync_dir: ${dir} is the data directory itself; use a folder of its own, shared with your other devices`,
  badDeviceId: (path: string, text: string) => `${path}: "${text}" is not a device id (letters, digits, ".", "_" and "-"); delete the file and a new one is made`,
  turnedOn: (file: string, copied: number) => `This device writes its events to ${file}; ${events(copied)} of its history copied there.`,
  turnedOff: (dir: string) => `sync_dir unset: this device no longer writes to or reads from ${dir} (its file there is kept).`,
  thisDevice: (device: string, file: string) => `this device: ${device} (writes ${file})`,
  noDeviceYet: 'this device: no id yet (it gets one at its first save)',
  events,
  mine: 'this device',
  noFiles: 'no device files in the folder yet',
  total: (local: number, total: number) => `this device's log: ${events(local)}; ${total} in all, each counted once`,
  behind: (count: number, file: string) => `sync is behind: ${events(count)} of this device ${count === 1 ? 'is' : 'are'} not in ${file} yet; the next save copies them there`,
  behindWarning: (file: string, reason: string) =>
    `sync is behind: cannot write ${file} (${reason}). Your progress is saved on this device and is copied there at the next save that can reach it`,
  caughtUp: (count: number, file: string) => `note: sync caught up: ${events(count)} copied to ${file}`,
  conflict: (id: string, kept: string) => `event ${id} is also at ${kept} with different content; that copy counts, this one is skipped`,
  dirUnreadable: (reason: string) => `cannot read the sync folder (${reason}); showing the progress saved on this device`,
  fileUnreadable: (reason: string) => `cannot read this device file (${reason}), skipped`,
};
