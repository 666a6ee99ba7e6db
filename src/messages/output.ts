import { text, type Text } from './text.js';

/** Why a write failed, by the system's (or SQLite's) error code. */
export const WRITE_REASONS: Readonly<Record<string, Text>> = {
  ENOSPC: text('磁盘已满', 'the disk is full'),
  EDQUOT: text('磁盘配额已用完', 'the disk quota is used up'),
  EACCES: text('没有权限', 'permission denied'),
  EPERM: text('操作不被允许', 'operation not permitted'),
  EROFS: text('文件系统是只读的', 'the file system is read-only'),
  ENOTDIR: text('路径中有一段是文件，不是文件夹', 'a part of the path is a file, not a folder'),
  EEXIST: text('已有同名文件挡住了', 'a file of that name is in the way'),
  EISDIR: text('已有同名文件夹挡住了', 'a folder of that name is in the way'),
  ENOENT: text('无法在那里建立文件夹', 'the folder cannot be made there'),
  EIO: text('输入/输出错误（磁盘或网络驱动器故障）', 'input/output error (a failing disk or network drive)'),
  ENAMETOOLONG: text('路径过长', 'the path is too long'),
  EMFILE: text('打开的文件过多', 'too many files open'),
  SQLITE_FULL: text('磁盘已满', 'the disk is full'),
  SQLITE_READONLY: text('文件系统是只读的', 'the file system is read-only'),
  SQLITE_CANTOPEN: text('无法在那里建立数据库文件', 'the database file cannot be made there'),
  SQLITE_IOERR: text('输入/输出错误', 'input/output error'),
};

/** What an output failure leaves safe, said after the reason. */
export const OUTPUT = {
  cannotWrite: (target: Text, reason: Text, kept: Text) =>
    text(`无法写入 ${target.zh}：${reason.zh}；${kept.zh}`, `cannot write ${target.en}: ${reason.en}; ${kept.en}`),
  cannotCreateFolder: (folder: string, reason: Text) =>
    text(`无法建立输出文件夹 ${folder}：${reason.zh}；什么也没有写入`, `cannot create the output folder ${folder}: ${reason.en}; nothing was written`),
  isAFile: (folder: string) => `${folder} is a file, not a folder`,
  exportsIn: (folder: string) => text(`${folder} 中的导出文件`, `the exports in ${folder}`),
  nothingWritten: () => text('什么也没有写入', 'nothing was written'),
  nothingReadOrWritten: () => text('什么也没有读取或写入', 'nothing was read or written'),
  resultsWritten: (count: number) => text(`之前写入的 ${count} 个结果是完整的`, `the ${count} result(s) written before it are complete`),
  linesKept: () =>
    text(
      '之前写入的行都保留着（写了一半的末行会在下次运行时删除）；再次运行同一命令即可继续',
      'the lines written before it are kept (a partly written last line is removed on the next run); run the same command again to go on',
    ),
  exportsKept: (resultsFile: string, renamed: boolean) =>
    text(
      `${resultsFile} 是完整的，其中没有丢失任何内容，${renamed ? '部分导出文件可能来自本次运行、部分来自先前的运行' : '先前运行的导出文件（如有）仍保留'}；再次运行同一命令即可写出（不会重做任何报告）`,
      `${resultsFile} is complete and nothing in it was lost, ${renamed ? 'some exports may be of this run and some of an earlier one' : 'the exports of an earlier run, if any, are kept'}; run the same command again to write them (no report is redone)`,
    ),
};
