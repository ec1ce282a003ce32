// The annual financial report of a year as the server drafts it from the data: each part a table
// (the same figures as the CSV and PDF downloads offered beside it).
import { currentYear, formatMoney } from './money.js';

export default async function render(container, { api, ui, language, params, navigate }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const year = /^\d{4}$/.test(params[0] || '') ? Number(params[0]) : currentYear();
  const chooser = ui.form({
    fields: [{ name: 'year', label: tr('year'), type: 'number', required: true, value: String(year) }],
    submitLabel: tr('show'),
    onSubmit: async (values) => navigate(`financial-report/${Number(values.year)}`),
  });
  chooser.classList.add('filters');
  const body = h('div', { class: 'report' }, ui.progress(tr('loading')));
  replace(container, h('h1', {}, tr('title', { year })), chooser, body);
  let report;
  try {
    report = await api('GET', `/finance/reports/annual${ui.query({ year })}`);
  } catch (error) {
    replace(body, h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  const download = (format) => `/api/finance/reports/annual${ui.query({ year, format })}`;
  const cell = (column, text) => (column?.amount && text !== '' && text !== null ? formatMoney(text, report.currency, language) : (text ?? ''));
  replace(body,
    h('p', { class: 'counts' }, `${report.convention} · ${tr('drafted', { date: report.drafted })} · ${report.currency}`),
    h('div', { class: 'toolbar' },
      h('a', { href: download('pdf'), download: `financial-report-${year}.pdf`, class: 'report-pdf' }, tr('downloadPdf')),
      h('a', { href: download('csv'), download: `financial-report-${year}.csv`, class: 'report-csv' }, tr('downloadCsv'))),
    report.sections.map((section) => h('section', { class: 'report-section', 'data-section': section.key },
      h('h2', {}, section.title),
      section.rows.length
        ? h('table', { class: 'table' },
          h('thead', {}, h('tr', {}, section.columns.map((column) => h('th', { scope: 'col' }, column.title)))),
          h('tbody', {}, section.rows.map((row) => h('tr', {}, row.map((text, index) => h('td', { 'data-label': section.columns[index]?.title }, cell(section.columns[index], text)))))),
          section.totals?.length
            ? h('tfoot', {}, h('tr', {}, section.totals.map((text, index) => (index === 0
              ? h('th', { scope: 'row' }, text)
              : h('td', {}, cell(section.columns[index], text))))))
            : null)
        : h('p', { class: 'empty' }, tr('noRows')),
      section.note ? h('p', { class: 'field-help' }, section.note) : null)));
}
