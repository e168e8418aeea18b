/** The command line speaks the user's language (LANG / LC_ALL starting with zh → Chinese). */
const en = {
  usage: `Usage: sina-reader export <page.html | URL>... [--from LIST] [--out FILE|DIR] [--format md|json]
                          [--preset hexo|obsidian|plain] [--stock-links words|links|ticker] [--url URL] [--force]
                          [--images DIR | --images-beside] [--jobs N] [--skip-existing]
                          [--rate N] [--timeout SECONDS] [--retries N] [--resolve HOST:ADDRESS]
Reads Sina article pages, saved (UTF-8 or GBK) or at their address, and writes clean Markdown or JSON.
  --from LIST        one path or URL per line (blank lines and # comments skipped)
  --images DIR       download each article's images into DIR and link the copies
  --images-beside    the same, into a folder named after each Markdown file
  --jobs N           convert in N worker threads (default 1)
  --skip-existing    resume: pages already in the --out folder (by docId) are not read again
  --rate N           requests per second to one host (default 2)
  --timeout SECONDS  per request (default 30); --retries N: after a timeout or a 5xx (default 2)
  --resolve H:ADDR   connect to ADDR for host H (a mirror, a local copy), as curl --resolve`,
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
  badUrl: 'not a valid address',
  badScheme: 'only http and https addresses are read',
  notSina: 'not a Sina address (only *.sina.com.cn and *.sina.cn pages are fetched; save the page and pass the file to read it with the generic reader)',
  redirectOffSite: 'redirected away from Sina; not followed',
  badRedirect: 'the server sent an invalid redirect',
  tooManyRedirects: 'too many redirects',
  http404: 'not found on the server (HTTP 404)',
  httpStatus: 'the server answered HTTP {status}',
  timeout: 'timed out (no answer within the --timeout, retries included)',
  network: 'cannot connect to the server',
  notImage: 'not an image',
  outOfMemory: 'the page needs more memory than a worker may use',
  skipped: 'skipped: already exported as',
  image: 'image',
  imagesNeedFile: '--images needs the Markdown written to a file (--out FILE or DIR)',
  summary: '{total} pages: {written} written, {skipped} skipped, {failed} failed',
};
const zh: typeof en = {
  usage: `用法：sina-reader export <页面.html | 网址>... [--from 列表] [--out 文件|目录] [--format md|json]
                          [--preset hexo|obsidian|plain] [--stock-links words|links|ticker] [--url 网址] [--force]
                          [--images 目录 | --images-beside] [--jobs N] [--skip-existing]
                          [--rate N] [--timeout 秒] [--retries N] [--resolve 主机:地址]
读取新浪文章页面（保存的 UTF-8 或 GBK 文件，或网址），输出干净的 Markdown 或 JSON。
  --from 列表        每行一个路径或网址（跳过空行和 # 注释）
  --images 目录      下载每篇文章的图片到该目录，并改为链接本地副本
  --images-beside    同上，存入与每个 Markdown 文件同名的文件夹
  --jobs N           用 N 个工作线程转换（默认 1）
  --skip-existing    续传：--out 目录中已有的页面（按 docId）不再读取
  --rate N           对同一主机每秒的请求数（默认 2）
  --timeout 秒       每个请求的超时（默认 30）；--retries N：超时或 5xx 后重试次数（默认 2）
  --resolve 主机:地址 连接该主机时改连此地址（镜像或本地副本），同 curl --resolve`,
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
  badUrl: '不是有效的网址',
  badScheme: '只读取 http 和 https 网址',
  notSina: '不是新浪网址（只抓取 *.sina.com.cn 和 *.sina.cn 的页面；可保存页面后传入文件，用通用阅读器读取）',
  redirectOffSite: '被重定向到新浪以外的网站，未跟随',
  badRedirect: '服务器返回了无效的重定向',
  tooManyRedirects: '重定向次数过多',
  http404: '服务器上找不到该页面（HTTP 404）',
  httpStatus: '服务器返回 HTTP {status}',
  timeout: '超时（在 --timeout 内没有响应，已重试）',
  network: '无法连接服务器',
  notImage: '不是图片',
  outOfMemory: '该页面所需内存超过单个工作线程的上限',
  skipped: '已跳过：之前已导出为',
  image: '图片',
  imagesNeedFile: '--images 需要把 Markdown 写入文件（--out 文件或目录）',
  summary: '共 {total} 页：写入 {written}，跳过 {skipped}，失败 {failed}',
};

export type MessageKey = keyof typeof en;

/** "HTTP {status}" with its values filled in. */
export function fill(text: string, values: Record<string, string | number | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (values[k] === undefined ? m : String(values[k])));
}

export function messages(env: NodeJS.ProcessEnv = process.env): typeof en {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(lang) ? zh : en;
}
