import type { sync as enSync } from '../en/sync.js';

// 通过共享文件夹同步：`config sync_dir`（src/commands/sync.ts），以及读写其中各设备文件时的提示
// （src/io/synced-log.ts、src/io/sync-write.ts）。

export const sync: typeof enSync = {
  about: '与你其他设备共享的文件夹（Dropbox、Syncthing、git 等），学习进度经由它同步；设为 off 即停止同步',
  emptyPath: 'config sync_dir：应为一个文件夹路径，或 off',
  notAbsolute: (raw) => `config sync_dir：应为一个绝对路径的文件夹，实际是“${raw}”`,
  dirMissing: (dir) => `config sync_dir：文件夹不存在：${dir}（请先创建它，或检查路径）`,
  notDir: (dir) => `config sync_dir：${dir} 不是文件夹`,
  notWritable: (dir, reason) => `config sync_dir：无法在 ${dir} 中写入：${reason}`,
  isDataDir: (dir) => `config sync_dir：${dir} 就是数据目录本身；请另用一个与其他设备共享的文件夹`,
  badDeviceId: (path, text) => `${path}：“${text}”不是有效的设备编号（只能含字母、数字和“.”“_”“-”）；删除这个文件后会重新生成`,
  turnedOn: (file, copied) => `本设备的学习记录将写入 ${file}；已把本设备的 ${copied} 条历史记录复制过去。`,
  turnedOff: (dir) => `已取消 sync_dir：本设备不再读写 ${dir}（其中本设备的文件保留不动）。`,
  thisDevice: (device, file) => `本设备：${device}（写入 ${file}）`,
  noDeviceYet: '本设备：尚无编号（第一次保存时生成）',
  events: (count) => `${count} 条记录`,
  mine: '本设备',
  noFiles: '文件夹里还没有任何设备文件',
  total: (local, total) => `本设备的记录：${local} 条；合计 ${total} 条，每条只计一次`,
  behind: (count, file) => `同步滞后：本设备有 ${count} 条记录尚未写入 ${file}；下次保存时会补上`,
  behindWarning: (file, reason) => `同步滞后：无法写入 ${file}（${reason}）。你的进度已保存在本设备上，等下次保存时能访问到该文件夹，就会补写过去`,
  caughtUp: (count, file) => `提示：同步已追上，${count} 条记录已补写到 ${file}`,
  conflict: (id, kept) => `记录 ${id} 在 ${kept} 也有一份，但内容不同；以那一份为准，这一份跳过`,
  dirUnreadable: (reason) => `无法读取同步文件夹（${reason}）；先显示本设备上保存的进度`,
  fileUnreadable: (reason) => `无法读取这个设备文件（${reason}），已跳过`,
};
