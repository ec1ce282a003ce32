// The ${moduleId} module's page: its ${entities}, searchable and sorted, and a form to add one. Built only
// with the shell's design system (ui); every string comes from i18n/<language>.json, key "${moduleId}".
const path = '/${moduleId}/${entities}';

export default async function render(container, { api, ui }) {
  const tr = await ui.pageTranslator(import.meta.url);
  let filter = {};
  const list = ui.pagedTable({
    columns: [
      { key: 'title', label: tr('titleField'), sortable: true },
      { key: 'notes', label: tr('notes') },
      { key: 'createdAt', label: tr('created'), sortable: true, render: (row) => ui.formatDateTime(row.createdAt) },
    ],
    load: ({ page, size, sort }) => api('GET', path + ui.query({ ...filter, page, size, sort })),
    sort: 'createdAt,desc',
  });
  const search = ui.form({
    fields: [{ name: 'q', label: tr('search') }],
    submitLabel: tr('show'),
    onSubmit: async (values) => {
      filter = values;
      list.state.page = 0;
      await list.reload();
    },
  });
  search.classList.add('filters');
  const add = ui.form({
    fields: [
      { name: 'title', label: tr('titleField'), required: true, maxlength: 200 },
      { name: 'notes', label: tr('notes'), type: 'textarea', rows: 3, maxlength: 2000 },
    ],
    submitLabel: tr('add'),
    onSubmit: async (values, element) => {
      await api('POST', path, { title: values.title, notes: values.notes });
      element.reset();
      ui.notify(tr('added'), 'success');
      await list.reload();
    },
  });
  ui.replace(container, ui.h('h1', {}, tr('title')), ui.h('section', { class: 'card' }, ui.h('h2', {}, tr('new')), add),
    search, list.element);
}
