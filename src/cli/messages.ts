/** The command line speaks the user's language (LANG / LC_ALL starting with zh → Chinese). */
const en = {
  usage: `Usage: sina-reader export <page.html>... [--url URL] [--format md|json] [--preset hexo|obsidian|plain]
                          [--stock-links words|links|ticker] [--out FILE|DIR] [--force]
Reads saved Sina article pages (UTF-8 or GBK) and writes clean Markdown or JSON.`,
  missing: 'file not found',
  unreadable: 'cannot read the file',
  directory: 'is a directory, not a page',
  'not-html': 'not an HTML page',
  encoding: 'unreadable text encoding',
  'not-article': 'not an article page (no article body found)',
  empty: 'the article is empty',
  tooBig: 'the file is larger than 50 MB',
  exists: 'output exists (use --force to overwrite)',
  writeFailed: 'cannot write the output',
  badOption: 'unknown or incomplete option',
  needOut: 'several pages need --out DIR (one .md per page) or --format json',
  urlOne: '--url applies to one page only',
  wrote: 'wrote',
  internal: 'the page could not be processed (an internal error; please report it with the page)',
};
const zh: typeof en = {
  usage: `用法：sina-reader export <页面.html>... [--url 网址] [--format md|json] [--preset hexo|obsidian|plain]
                          [--stock-links words|links|ticker] [--out 文件|目录] [--force]
读取保存的新浪文章页面（UTF-8 或 GBK），输出干净的 Markdown 或 JSON。`,
  missing: '找不到文件',
  unreadable: '无法读取文件',
  directory: '是目录，不是页面',
  'not-html': '不是 HTML 页面',
  encoding: '无法识别的文字编码',
  'not-article': '不是文章页面（找不到正文）',
  empty: '文章内容为空',
  tooBig: '文件超过 50 MB',
  exists: '输出文件已存在（使用 --force 覆盖）',
  writeFailed: '无法写入输出',
  badOption: '未知或不完整的选项',
  needOut: '多个页面需要 --out 目录（每页一个 .md）或 --format json',
  urlOne: '--url 只能用于单个页面',
  wrote: '已写入',
  internal: '无法处理该页面（内部错误，请附上页面反馈）',
};

export type MessageKey = keyof typeof en;

export function messages(env: NodeJS.ProcessEnv = process.env): typeof en {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(lang) ? zh : en;
}
