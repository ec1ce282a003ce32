// Organisations: UN bodies, international organisations, NGOs, the host institution, donors,
// ministries. Paged list with search and type filter; create and edit with the API's validation.
import { outreachPanel } from './outreach.js';

const TYPES = ['UN_BODY', 'INTERNATIONAL_ORGANISATION', 'NGO', 'HOST_INSTITUTION', 'DONOR', 'GOVERNMENT_MINISTRY', 'PERMANENT_MISSION', 'ACADEMIC', 'OTHER'];

export default async function render(container, { api, ui, user }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  let filters = {};
  const editor = h('div');
  const typeOptions = TYPES.map((type) => ({ value: type, label: tr(type) }));

  const list = ui.pagedTable({
    columns: [
      { key: 'name', label: tr('name'), sortable: true },
      { key: 'acronym', label: tr('acronym'), sortable: true },
      { key: 'type', label: tr('type'), sortable: true, render: (row) => tr(row.type) },
      { key: 'stateIso2', label: tr('stateIso2') },
      { key: 'email', label: tr('email') },
      {
        key: 'actions', label: tr('actions'), render: (row) => h('span', { class: 'actions' },
          h('button', { type: 'button', onclick: () => edit(row) }, tr('editShort')),
          h('button', { type: 'button', class: 'danger', onclick: () => remove(row) }, tr('remove'))),
      },
    ],
    load: ({ page, size, sort }) => api('GET', `/contacts/organisations${ui.query({ ...filters, page, size, sort })}`),
  });

  async function edit(row) {
    const creating = !row;
    const outreach = creating ? null : h('div', {}, h('h3', {}, tr('outreach')), await outreachPanel({ api, ui, user }, { organisationId: row.id }));
    replace(editor, h('section', { class: 'card' }, h('h2', {}, creating ? tr('create') : tr('edit', { name: row.name })), ui.form({
      fields: [
        { name: 'name', label: tr('name'), required: true, value: row?.name, maxlength: 300 },
        { name: 'acronym', label: tr('acronym'), value: row?.acronym },
        { name: 'type', label: tr('type'), type: 'select', options: typeOptions, value: row?.type || 'NGO' },
        { name: 'stateIso2', label: tr('stateIso2'), value: row?.stateIso2 },
        { name: 'website', label: tr('website'), value: row?.website },
        { name: 'email', label: tr('email'), type: 'email', value: row?.email },
        { name: 'phone', label: tr('phone'), value: row?.phone },
        { name: 'notes', label: tr('notes'), type: 'textarea', value: row?.notes },
      ],
      cancel: () => replace(editor),
      onSubmit: async (values) => {
        const body = { ...values, version: row?.version };
        const saved = creating ? await api('POST', '/contacts/organisations', body) : await api('PUT', `/contacts/organisations/${row.id}`, body);
        ui.notify(tr('saved', { name: saved.name }), 'success');
        replace(editor);
        list.reload();
      },
    }), outreach));
    editor.querySelector('input')?.focus();
  }

  async function remove(row) {
    if (!await ui.confirm(tr('removeTitle', { name: row.name }), tr('removeBody'), tr('remove'), true)) return;
    try {
      await api('DELETE', `/contacts/organisations/${row.id}`);
      ui.notify(tr('removed', { name: row.name }), 'success');
      list.reload();
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  }

  const filterForm = ui.form({
    fields: [
      { name: 'q', label: tr('search') },
      { name: 'type', label: tr('type'), type: 'select', options: [{ value: '', label: tr('any') }, ...typeOptions] },
    ],
    submitLabel: tr('filter'),
    onSubmit: async (values) => {
      filters = values;
      list.state.page = 0;
      await list.reload();
    },
  });
  filterForm.classList.add('filters');
  replace(container, h('h1', {}, tr('title')),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary', onclick: () => edit(null) }, tr('create'))),
    editor, filterForm, list.element);
}
