import { text, type Text } from './text.js';

/** Why a file is not read as a report (said after its name). */
export const INGEST = {
  noSuchFile: () => text('文件不存在', 'no such file'),
  noSuchFileOrFolder: () => text('文件或文件夹不存在', 'no such file or directory'),
  pathNotAFolder: () => text('文件不存在（路径中有一段不是文件夹）', 'no such file (a part of the path is not a folder)'),
  permissionDenied: () => text('无法读取：没有权限', 'cannot be read: permission denied'),
  notPermitted: () => text('无法读取：操作不被允许', 'cannot be read: operation not permitted'),
  isDirectory: () => text('是文件夹，不是文件', 'is a directory, not a file'),
  linkLoop: () => text('无法读取：符号链接循环', 'cannot be read: a loop of symbolic links'),
  pathTooLong: () => text('无法读取：路径过长', 'cannot be read: the path is too long'),
  ioError: () => text('无法读取：输入/输出错误（磁盘或网络驱动器故障）', 'cannot be read: input/output error (a failing disk or network drive)'),
  tooManyOpen: () => text('暂时无法读取：打开的文件过多', 'cannot be read now: too many files open'),
  cannotRead: (code: string) => text(`无法读取${code ? `（${code}）` : ''}`, `cannot be read${code ? ` (${code})` : ''}`),
  notRegular: () => text('不是普通文件（是管道、套接字或设备）', 'is not a regular file (a pipe, a socket or a device)'),
  tooLargeFile: (size: string, limit: string) =>
    text(
      `大小 ${size} MB，超过年度报告可能的大小（此类文件上限 ${limit} MB；--max-mb 可调高）`,
      `is ${size} MB, larger than a report can be (the limit for this type is ${limit} MB; --max-mb raises it)`,
    ),
  tooMuchText: (characters: number, limit: number) =>
    text(
      `含 ${characters} 个字符的文字，超过年度报告可能的篇幅（上限 ${limit}；--max-mb 可调高）`,
      `holds ${characters} characters of text, more than a report can hold (the limit is ${limit}; --max-mb raises it)`,
    ),
  oldWord: () => text('是旧版 Word .doc 文件：请用 Word、WPS 或 LibreOffice 打开并另存为 .docx', 'is an old Word .doc file: open it in Word, WPS or LibreOffice and save it as .docx'),
  wps: () => text('是 WPS 文件：请另存为 .docx', 'is a WPS file: save it as .docx'),
  unsupported: (extension: string) =>
    text(
      `不支持的文件类型“${extension || '（无扩展名）'}”；nianbao 读取 .txt、.md、.html/.htm、.pdf 和 .docx`,
      `unsupported file type "${extension || '(none)'}"; nianbao reads .txt, .md, .html/.htm, .pdf and .docx`,
    ),
  empty: () => text('文件是空的', 'the file is empty'),
  onlyWhitespace: () => text('只有空白字符', 'contains only whitespace'),
  binary: () => text('看起来是二进制文件，不是文本', 'looks like a binary file, not text'),
  undecodable: () => text('既不是 UTF-8、UTF-16，也不是 GB18030 文本', 'is neither UTF-8, UTF-16 nor GB18030 text'),
  notPdf: () => text('不是 PDF（没有 %PDF 文件头）', 'is not a PDF (no %PDF header)'),
  needsOcr: (pages: number) =>
    text(
      `没有文字层（${pages} 页图像，是扫描件）：请先做 OCR（如 ocrmypdf），再读取 OCR 后的 PDF`,
      `has no text layer (${pages} page(s) of images, a scan): run OCR first (e.g. ocrmypdf), then read the OCR'd PDF`,
    ),
  encrypted: () => text('是加密的 PDF（需要密码）：请另存一份未加密的副本', 'is an encrypted PDF (it needs a password): save an unencrypted copy'),
  corruptPdf: (detail: string) => text(`不是可读的 PDF（已损坏或不完整）：${readerSaid(detail)}`, `is not a readable PDF (corrupt or truncated): ${detail}`),
  unreadablePdf: (detail: string) => text(`无法作为 PDF 读取：${readerSaid(detail)}`, `could not be read as a PDF: ${detail}`),
  pdfReaderFailed: (detail: string) =>
    text(`不是可读的 PDF（已损坏或不完整）：PDF 读取器处理它时出错（${readerSaid(detail)}）`, `is not a readable PDF (corrupt or truncated): the PDF reader failed on it (${detail})`),
  pdfReaderCrashed: () => text('不是可读的 PDF：PDF 读取器两次在它上面崩溃', 'is not a readable PDF: the PDF reader crashed on it twice'),
  corruptDocx: (detail: string) => text(`不是可读的 .docx 文件：${readerSaid(detail)}`, `is not a readable .docx file: ${detail}`),
  emptyDocx: () => text('Word 文档中没有文字', 'the Word document contains no text'),
  brokenDocumentXml: (problem: Text) => text(`word/document.xml ${problem.zh}：不是可读的报告`, `word/document.xml ${problem.en}: not a readable report`),
  xmlInsideTag: (at: number) => text(`在标签中间结束（第 ${at} 个字符）`, `ends inside a tag (at character ${at})`),
  xmlOutOfTurn: (name: string, at: number) => text(`提前关闭了 <${name}>（第 ${at} 个字符）`, `closes <${name}> out of turn (at character ${at})`),
  xmlSecondRoot: (at: number) => text(`有第二个根元素（第 ${at} 个字符）`, `has a second root element (at character ${at})`),
  xmlStillOpen: (name: string) => text(`结束时 <${name}> 仍未关闭（文件被截断）`, `ends with <${name}> still open (cut short)`),
  tooDeep: (depth: number, what: Text) => text(`元素嵌套超过 ${depth} 层：${what.zh}`, `nests elements more than ${depth} deep: ${what.en}`),
  notAReportPage: () => text('不是报告网页', 'not a report page'),
  notAReport: () => text('不是报告', 'not a report'),
  tooSlowToParse: (seconds: number) => text(`解析超过 ${seconds} 秒：不是报告网页`, `took more than ${seconds} s to parse: not a report page`),
};

// What pdf.js and mammoth (through JSZip) say about a damaged file, said in Chinese.
const READER_MESSAGES: readonly (readonly [RegExp, string])[] = [
  [/Invalid PDF structure/i, 'PDF 文件结构无效'],
  [/XRef|xref/, 'PDF 的交叉引用表损坏'],
  [/Invalid (root|page) reference|Missing \/Pages/i, 'PDF 的页面目录损坏'],
  [/end of central directory|Corrupted zip|End of data reached|is this a zip file/i, '文件不是完整的压缩包（.docx 是 zip 压缩包），可能下载不全或并非 Word 文档'],
  [/main document part/i, '压缩包里没有 Word 正文（word/document.xml），不是 Word 文档'],
];

/**
 * A reader's own message in a Chinese sentence: what it means when it is one we know, and its
 * words as they are (a technician searches for them) marked as the reader's.
 */
export function readerSaid(detail: string): string {
  const known = READER_MESSAGES.find(([pattern]) => pattern.test(detail))?.[1];
  const original = `读取器原文：${detail.trim()}`;
  return known ? `${known}（${original}）` : original;
}
