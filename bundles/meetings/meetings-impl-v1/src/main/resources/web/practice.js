// The register of established practice: decisions that set a practice, across meetings, by theme, year and text.
const messages = {
  en: { title: 'Established practice', theme: 'Theme', year: 'Year', search: 'Words in the title or text', any: 'all', filter: 'Show',
    adoptedOn: 'Adopted on', meeting: 'Meeting', decision: 'Decision', text: 'Text' },
  fr: { title: 'Pratique établie', theme: 'Thème', year: 'Année', search: 'Mots du titre ou du texte', any: 'tous', filter: 'Afficher',
    adoptedOn: 'Adoptée le', meeting: 'Réunion', decision: 'Décision', text: 'Texte' },
};

export default async function render(container, { api, ui, profile }) {
  const { h, replace } = ui;
  const tr = ui.translator(messages);
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
