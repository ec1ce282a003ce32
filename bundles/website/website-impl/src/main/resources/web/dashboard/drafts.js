// Home-page card: the language versions of pages and news that are not yet published (drafts) or were
// changed since they were published, with links to the first few.
import { titleOf } from '../texts.js';

const SHOWN = 5;
// The newest news are the ones waiting; older items are looked at on the News page.
const NEWS_LOOKED_AT = 100;

export default async function render(container, { api, ui, language }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const [pages, news] = await Promise.all([api('GET', '/website/pages'), api('GET', `/website/news${ui.query({ size: NEWS_LOOKED_AT })}`)]);
  const waiting = (owner) => owner.texts.filter((text) => text.status !== 'PUBLISHED');
  const entries = [
    ...pages.filter((page) => waiting(page).length).map((page) => ({
      href: `#/website-pages/${page.id}/${waiting(page)[0].language}`, title: titleOf(page.texts, language) ?? page.slug, texts: waiting(page),
    })),
    ...news.items.filter((item) => waiting(item).length).map((item) => ({
      href: `#/website-news/${item.id}/${waiting(item)[0].language}`, title: titleOf(item.texts, language) ?? item.date, texts: waiting(item),
    })),
  ];
  const count = (owners) => owners.reduce((sum, owner) => sum + waiting(owner).length, 0);
  const pageVersions = count(pages);
  const newsVersions = count(news.items);
  if (!entries.length) {
    replace(container, h('p', { class: 'empty' }, tr('nothingWaiting')),
      h('p', {}, h('a', { href: '#/website-pages' }, tr('allPages')), ' · ', h('a', { href: '#/website-news' }, tr('allNews'))));
    return;
  }
  replace(container,
    h('ul', { class: 'figures' },
      h('li', { 'data-figure': 'pages' }, h('strong', {}, String(pageVersions)), tr('pageVersions')),
      h('li', { 'data-figure': 'news' }, h('strong', {}, String(newsVersions)), tr('newsVersions'))),
    h('ul', { class: 'waiting' }, entries.slice(0, SHOWN).map((entry) => h('li', {},
      h('a', { href: entry.href }, entry.title), ` (${entry.texts.map((text) => text.language.toUpperCase()).join(', ')})`))),
    entries.length > SHOWN ? h('p', {}, tr('more', { count: entries.length - SHOWN })) : null,
    h('p', {}, h('a', { href: '#/website-pages' }, tr('allPages')), ' · ', h('a', { href: '#/website-news' }, tr('allNews'))));
}
