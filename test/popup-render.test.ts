// @vitest-environment jsdom
/** The reader's body and jump list: every node arrives, nothing of the page can clobber or navigate. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../src/platform/i18n', () => ({ i18n: (key: string, sub?: string) => `${key}(${sub ?? ''})` }));

const { renderBody, renderToc } = await import('../src/popup/content');

describe('renderBody', () => {
  let target: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = '<div id="content"></div><nav id="toc" hidden><details><summary></summary><ol></ol></details></nav><div id="toast"></div>';
    target = document.getElementById('content')!;
  });

  it('renders every block, in order', () => {
    const html = Array.from({ length: 50 }, (_, i) => `<p>段落 ${i}</p>`).join('');
    renderBody(html, target);
    expect(Array.from(target.querySelectorAll('p'), (p) => p.textContent)).toEqual(Array.from({ length: 50 }, (_, i) => `段落 ${i}`));
  });

  it('loads images without a referrer and drops page ids, names and scripts', () => {
    renderBody('<p id="toast" name="x">a</p><img src="https://n.sinaimg.cn/a.jpg"><img src="x" onerror="alert(1)"><script>alert(2)</script>', target);
    for (const img of target.querySelectorAll('img')) {
      expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
      expect(img.hasAttribute('onerror')).toBe(false);
    }
    expect(target.querySelector('[id], [name], script')).toBeNull();
    expect(document.getElementById('toast')?.parentElement).toBe(document.body);
  });

  it('keeps the space an image takes when its URL names the size', () => {
    renderBody('<img src="https://n.sinaimg.cn/finance/crawl/w550h414/20210902/a.jpg"><img src="https://n.sinaimg.cn/b.jpg">', target);
    const [named, unnamed] = target.querySelectorAll('img');
    expect([named.getAttribute('width'), named.getAttribute('height')]).toEqual(['550', '414']);
    expect(unnamed.hasAttribute('width') || unnamed.hasAttribute('height')).toBe(false);
  });

  it('keeps links without target attributes', () => {
    renderBody('<p><a href="https://finance.sina.com.cn/x.shtml">x</a></p>', target);
    const a = target.querySelector('a')!;
    expect(a.hasAttribute('target')).toBe(false);
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });
});

describe('renderToc', () => {
  it('lists sub-headings as jump entries without URLs, and folds long lists', () => {
    document.body.innerHTML = '<div id="content"></div><nav id="toc" hidden><details><summary></summary><ol></ol></details></nav>';
    const content = document.getElementById('content')!;
    const toc = document.getElementById('toc')!;
    content.innerHTML = '<h2>一</h2><p>x</p><h3>二</h3><h2>三</h2>';
    renderToc(content, toc);
    const links = Array.from(toc.querySelectorAll('a'));
    expect(links.map((a) => a.textContent)).toEqual(['一', '二', '三']);
    expect(links.every((a) => !a.hasAttribute('href') && document.getElementById(a.dataset.section!))).toBe(true);
    expect(toc.hidden).toBe(false);
    expect(toc.querySelector('details')!.open).toBe(true);

    content.innerHTML = Array.from({ length: 10 }, (_, i) => `<h2>${i}</h2>`).join('');
    renderToc(content, toc);
    expect(toc.querySelector('details')!.open).toBe(false);
    expect(toc.querySelector('summary')!.textContent).toBe('tocCount(10)');

    content.innerHTML = '<h2>只有一个</h2>';
    renderToc(content, toc);
    expect(toc.hidden).toBe(true);
  });
});
