// taskpane.html without Office.js — Microsoft's CDN unreachable, no internet: instead of a blank page, why
// (in both languages: nothing tells which the reader prefers before Office does) and where rosters can be
// checked without internet, the web page beside it. Plain DOM, no React: the page stays as small as it was.
const WORDS = {
  zh: {
    title: '无法加载 Office.js',
    body:
      '本加载项在 Excel 中运行时需要从微软的服务器加载 Office.js，而这台电脑现在连不上（可能没有联网）。' +
      '不联网也可以检查花名册：打开同一文件夹中的网页版，选择花名册文件即可，文件不会离开这台电脑。',
    link: '打开网页版（index.html）',
  },
  en: {
    title: 'Office.js could not be loaded',
    body:
      'Inside Excel this add-in needs Office.js from Microsoft’s servers, which this computer cannot reach ' +
      'now (no internet?). Rosters can be checked without internet: open the web page in the same folder and ' +
      'choose the roster files; they never leave this computer.',
    link: 'Open the web page (index.html)',
  },
};

export function showOffline(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.dataset.testid = 'offline';
  box.style.cssText = 'margin:16px 14px;max-width:36em;line-height:1.6;font-size:14px;color:#242424';
  for (const lang of ['zh', 'en'] as const) {
    const w = WORDS[lang];
    const part = document.createElement('section');
    part.lang = lang === 'zh' ? 'zh-CN' : 'en';
    part.style.marginBottom = '16px';
    const h = document.createElement('h1');
    h.style.cssText = 'font-size:16px;margin:0 0 4px';
    h.textContent = w.title;
    const p = document.createElement('p');
    p.style.margin = '0 0 4px';
    p.textContent = w.body;
    const a = document.createElement('a');
    a.href = 'index.html';
    a.textContent = w.link;
    a.dataset.testid = `offline-link-${lang}`;
    part.append(h, p, a);
    box.append(part);
  }
  root.replaceChildren(box);
}
