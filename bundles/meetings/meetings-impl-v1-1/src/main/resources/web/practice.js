// The register of established practice: decisions that set a practice, across meetings, by theme, year and text.

export default async function render(container, { api, ui, profile }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  let filters = {};
  const list = ui.pagedTable({
    columns: [
      { key: 'adoptedOn', label: tr('adoptedOn') },
      { key: 'meetingTitle', label: tr('meeting'), render: (row) => h('a', { href: `#/meetings/${row.meetingId}/decisions` }, row.meetingTitle) },
      { key: 'title', label: tr('decision'), render: (row) => `${row.number}. ${row.title}` },
      { key: 'theme', label: tr('theme') },
      { key: 'text', label: tr('text'), render: (row) => h('pre', { class: 'detail' }, row.text) },
    ],
    load: ({ page, size }) => api('GET', `/meetings/practice${ui.query({ ...filters, page, size })}`),
  });
  const form = ui.form({
    fields: [
      { name: 'theme', label: tr('theme'), type: 'select', options: [{ value: '', label: tr('any') }, ...(profile?.thematicAreas || []).map((t) => ({ value: t, label: t }))] },
      { name: 'year', label: tr('year'), type: 'number' },
      { name: 'q', label: tr('search') },
    ],
    submitLabel: tr('filter'),
    onSubmit: async (values) => {
      filters = values;
      list.state.page = 0;
      await list.reload();
    },
  });
  form.classList.add('filters');
  replace(container, h('h1', {}, tr('title')), form, list.element);
}
