// Experts: the resource base filtered by theme, language, region, kind of help or a name, and a form to
// add one. Hidden profiles (past their retention date) are shown only when asked for.
const REGIONS = ['AFRICA', 'AMERICAS', 'ASIA', 'EUROPE', 'OCEANIA'];
const KINDS = ['ADVICE', 'TRAINING', 'FIELD_WORK'];

/** A list typed as "fr, en" → ["fr", "en"]. */
function codes(text) {
  return (text || '').split(/[\s,;]+/).map((code) => code.trim()).filter(Boolean);
}

export default async function render(container, { api, ui, profile }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const themes = (profile?.thematicAreas || []).map((theme) => ({ value: theme, label: theme }));
  const regions = REGIONS.map((region) => ({ value: region, label: tr(region) }));
  const kinds = KINDS.map((kind) => ({ value: kind, label: tr(kind) }));
  let filter = {};
  const list = ui.pagedTable({
    caption: tr('listCaption'),
    empty: tr('none'),
    sort: 'name',
    columns: [
      { key: 'name', label: tr('name'), sortable: true },
      { key: 'organisation', label: tr('organisation') },
      { key: 'themes', label: tr('themes'), render: (row) => row.themes.join(', ') },
      { key: 'languages', label: tr('languages'), render: (row) => row.languages.join(', ') },
      { key: 'regions', label: tr('regions'), render: (row) => row.regions.map((r) => tr(r)).join(', ') },
      { key: 'kinds', label: tr('kinds'), render: (row) => row.kinds.map((k) => tr(k)).join(', ') },
      { key: 'retainUntil', label: tr('retainUntil'), sortable: true,
        render: (row) => (row.hidden ? ui.badge(tr('hiddenSince', { day: row.retainUntil }), 'warn') : row.retainUntil) },
    ],
    load: ({ page, size, sort }) => api('GET', `/expertise/experts${ui.query({ ...filter, page, size, sort })}`),
  });
  const filters = ui.form({
    fields: [
      { name: 'theme', label: tr('theme'), type: 'select', options: [{ value: '', label: tr('any') }, ...themes] },
      { name: 'language', label: tr('language'), maxlength: 2, help: tr('languageHelp') },
      { name: 'region', label: tr('region'), type: 'select', options: [{ value: '', label: tr('any') }, ...regions] },
      { name: 'kind', label: tr('kind'), type: 'select', options: [{ value: '', label: tr('any') }, ...kinds] },
      { name: 'q', label: tr('search') },
      { name: 'includeHidden', label: tr('includeHidden'), type: 'checkboxes', options: [{ value: 'true', label: tr('includeHiddenOption') }] },
    ],
    submitLabel: tr('show'),
    onSubmit: async (values) => {
      filter = { theme: values.theme, language: values.language, region: values.region, kind: values.kind, q: values.q,
        includeHidden: values.includeHidden.length ? 'true' : '' };
      await list.reload();
    },
  });
  filters.classList.add('filters');
  const editor = h('div');
  const showCreate = () => {
    replace(editor, h('section', { class: 'card' }, h('h2', {}, tr('create')), ui.form({
      fields: [
        { name: 'name', label: tr('name'), required: true, maxlength: 200 },
        { name: 'email', label: tr('email'), type: 'email' },
        { name: 'organisation', label: tr('organisation'), maxlength: 300 },
        { name: 'themes', label: tr('themes'), type: 'checkboxes', options: themes },
        { name: 'languages', label: tr('languages'), required: true, help: tr('languagesHelp') },
        { name: 'regions', label: tr('regions'), type: 'checkboxes', options: regions },
        { name: 'kinds', label: tr('kinds'), type: 'checkboxes', options: kinds },
        { name: 'consentDate', label: tr('consentDate'), type: 'date', required: true, help: tr('consentHelp') },
      ],
      submitLabel: tr('create'),
      cancel: () => replace(editor),
      onSubmit: async (values) => {
        await api('POST', '/expertise/experts', { name: values.name, email: values.email || null, organisation: values.organisation || null,
          themes: values.themes, languages: codes(values.languages), regions: values.regions, kinds: values.kinds, consentDate: values.consentDate });
        ui.notify(tr('created'), 'success');
        replace(editor);
        await list.reload();
      },
    })));
    editor.querySelector('input')?.focus();
  };
  replace(container, h('h1', {}, tr('title')),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary new-expert', onclick: showCreate }, tr('create'))),
    editor, filters, list.element);
}
