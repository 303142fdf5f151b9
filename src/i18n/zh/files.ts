/** 文件系统错误码的含义，用在“无法读取 路径：原因”这类消息里。 */
export const fsReason: Readonly<Record<string, string>> = {
  EACCES: '没有权限',
  EPERM: '不允许此操作',
  ENOENT: '没有这个文件或目录',
  ENOTDIR: '路径中有一部分不是目录',
  EISDIR: '这是一个目录',
  EROFS: '文件系统是只读的',
  ENOSPC: '设备空间不足',
  EDQUOT: '超出磁盘配额',
  EFBIG: '文件太大（达到了文件大小上限）',
  EIO: '输入/输出错误',
  ENAMETOOLONG: '文件名太长',
  EEXIST: '已经存在',
};
