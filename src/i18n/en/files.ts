/** What a file-system error code means, for messages such as "cannot read PATH: REASON". */
export const fsReason: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large (a file size limit was reached)',
  EIO: 'input/output error',
  ENAMETOOLONG: 'file name too long',
  EEXIST: 'already exists',
};
