// The Presidency and the thematic Coordinators by period; "as of" shows who held which mandate on a day.

export default async function render(container, { api, ui, profile }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  let filters = {};
  const kinds = ['PRESIDENCY', 'COORDINATOR'].map((kind) => ({ value: kind, label: tr(kind) }));
  const themes = (profile?.thematicAreas || []).map((theme) => ({ value: theme, label: theme }));

  const list = ui.pagedTable({
    columns: [
      { key: 'kind', label: tr('kind'), render: (row) => tr(row.kind) },
      { key: 'theme', label: tr('theme') },
      { key: 'holder', label: tr('holder'), render: (row) => [row.stateName, row.personName].filter(Boolean).join(' — ') },
      { key: 'startDate', label: tr('startDate') },
      { key: 'endDate', label: tr('endDate'), render: (row) => row.endDate || tr('none') },
    ],
    load: ({ page, size }) => api('GET', `/contacts/mandates${ui.query({ ...filters, page, size })}`),
  });

  const filterForm = ui.form({
    fields: [
      { name: 'kind', label: tr('kind'), type: 'select', options: [{ value: '', label: tr('any') }, ...kinds] },
      { name: 'asOf', label: tr('asOf'), type: 'date' },
    ],
    submitLabel: tr('filter'),
    onSubmit: async (values) => {
      filters = values;
      list.state.page = 0;
      await list.reload();
    },
  });
  filterForm.classList.add('filters');

  const createForm = ui.form({
    fields: [
      { name: 'kind', label: tr('kind'), type: 'select', options: kinds },
      { name: 'theme', label: tr('theme'), type: 'select', options: [{ value: '', label: tr('none') }, ...themes] },
      { name: 'stateIso2', label: tr('state') },
      { name: 'personId', label: tr('person'), type: 'number' },
      { name: 'startDate', label: tr('startDate'), type: 'date', required: true },
      { name: 'endDate', label: tr('endDate'), type: 'date' },
    ],
    submitLabel: tr('create'),
    onSubmit: async (values, element) => {
      await api('POST', '/contacts/mandates', {
        kind: values.kind, theme: values.theme || null, stateIso2: values.stateIso2 || null,
        personId: values.personId ? Number(values.personId) : null, startDate: values.startDate, endDate: values.endDate || null,
      });
      element.reset();
      ui.notify(tr('saved'), 'success');
      await list.reload();
    },
  });

  replace(container, h('h1', {}, tr('title')), filterForm, list.element,
    h('section', { class: 'card' }, h('h2', {}, tr('create')), createForm));
}
