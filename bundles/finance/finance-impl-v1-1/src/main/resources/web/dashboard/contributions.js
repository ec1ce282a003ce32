// Home-page card: this year's assessed contributions, what is received and what is outstanding.
import { currentYear, formatMoney } from '../money.js';

export default async function render(container, { api, ui, language }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const year = currentYear();
  const status = await api('GET', `/finance/contributions/status${ui.query({ year })}`);
  const { assessed, received, outstanding } = status.totals;
  if (!Number(assessed)) {
    replace(container, h('p', { class: 'empty' }, tr('notAssessed', { year })), h('p', {}, h('a', { href: '#/assessments' }, tr('assessments'))));
    return;
  }
  const money = (value) => formatMoney(value, status.currency, language);
  const percent = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format((100 * Number(received)) / Number(assessed));
  replace(container,
    h('ul', { class: 'figures' },
      h('li', { 'data-figure': 'received' }, h('strong', {}, money(received)), tr('receivedOf', { assessed: money(assessed), currency: status.currency })),
      h('li', { 'data-figure': 'outstanding' }, h('strong', {}, money(outstanding)), tr('outstanding'))),
    h('p', {}, tr('percentReceived', { percent, year })),
    h('p', {}, h('a', { href: `#/contributions/${year}` }, tr('allContributions'))));
}
