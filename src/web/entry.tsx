// The web page's entry (index.html): no Office.js, no request beyond the page's own files. The language is
// the browser's (Chinese for any Chinese locale); `?worker=0` runs the work in the page itself (the path a
// browser that refuses workers takes, tried by the tests).
import { createRoot } from 'react-dom/client';
import { getLang, setLangFromLocale } from '../runtime/state';
import { WebApp } from './WebApp';
import { preferPage, warmUp } from './state';

setLangFromLocale(new URLSearchParams(location.search).get('lang') ?? navigator.language);
if (new URLSearchParams(location.search).get('worker') === '0') preferPage();
const root = document.getElementById('root');
if (root) createRoot(root).render(<WebApp initialLang={getLang()} />);
// the worker's script is a chunk of its own: fetched once the page is drawn
setTimeout(warmUp, 0);
