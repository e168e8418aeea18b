/** A short made-up article for the options page's previews. */
import type { Article } from '../core/types';

export const SAMPLE_ARTICLE: Article = {
  url: 'https://finance.sina.com.cn/stock/usstock/c/2019-09-09/doc-iicezzrq4681677.shtml',
  title: '债券市场是否存在泡沫？首席投资官们这么说',
  originalTitle: null,
  published: '2019-09-09T20:52:00+08:00',
  source: '新浪财经',
  author: null,
  editor: '郭明煜',
  tags: ['债券', '负利率'],
  categories: ['美股'],
  leadImage: null,
  images: [],
  docId: 'iicezzrq4681677',
  lang: 'zh-CN',
  template: 'desktop-2017',
  html: '<p>随着低增长、低利率、低通胀成为新的常态，资金不断涌入避险资产。</p><h2>债券市场存在泡沫吗？</h2><p>估值确实过高，因此这可以被视为泡沫。</p>',
  text: '随着低增长、低利率、低通胀成为新的常态，资金不断涌入避险资产。\n\n债券市场存在泡沫吗？\n\n估值确实过高，因此这可以被视为泡沫。',
  wordCount: 48,
  readingMinutes: 1,
};
