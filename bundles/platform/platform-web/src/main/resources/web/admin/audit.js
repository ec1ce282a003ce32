// Administration › Audit log: every write, login and module operation, filtered and paged, with a
// CSV export of the same filter (/api/platform/audit).

export default async function render(container, { api, ui }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  let filters = {};
  const toInstant = (date, endOfDay) => (date ? `${date}T${endOfDay ? '23:59:59' : '00:00:00'}Z` : null);
  const exportLink = h('a', { href: '/api/platform/audit/export.csv', download: 'audit.csv' }, tr('export'));

  const list = ui.pagedTable({
    columns: [
      { key: 'occurredAt', label: tr('occurredAt'), sortable: true, render: (row) => ui.formatDateTime(row.occurredAt) },
      { key: 'actor', label: tr('actor'), sortable: true },
      { key: 'address', label: tr('address') },
      { key: 'action', label: tr('action'), sortable: true },
      { key: 'entity', label: tr('entity') },
      { key: 'outcome', label: tr('outcome'), sortable: true },
      { key: 'detail', label: tr('detail'), render: (row) => (row.detail ? h('pre', { class: 'detail' }, row.detail) : '') },
    ],
    load: ({ page, size, sort }) => api('GET', `/platform/audit${ui.query({ ...filters, page, size, sort })}`),
    sort: 'occurredAt,desc',
  });

  const filterForm = ui.form({
    fields: [
      { name: 'actor', label: tr('actor') },
      { name: 'action', label: tr('action') },
      { name: 'outcome', label: tr('outcome'), type: 'select', options: [{ value: '', label: tr('any') }, ...['success', 'failure'].map((value) => ({ value, label: tr(value) }))] },
      { name: 'from', label: tr('from'), type: 'date' },
      { name: 'to', label: tr('to'), type: 'date' },
    ],
    submitLabel: tr('filter'),
    onSubmit: async (values) => {
      filters = { actor: values.actor, action: values.action, outcome: values.outcome, from: toInstant(values.from, false), to: toInstant(values.to, true) };
      exportLink.setAttribute('href', `/api/platform/audit/export.csv${ui.query(filters)}`);
      list.state.page = 0;
      await list.reload();
    },
  });
  filterForm.classList.add('filters');

  replace(container, h('h1', {}, tr('title')), filterForm, h('p', {}, exportLink), list.element);
}
