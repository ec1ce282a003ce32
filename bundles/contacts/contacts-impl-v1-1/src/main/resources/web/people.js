// People: delegates, focal points, experts, coordinators. Contact details are personal data: they
// are kept only with the person's consent, with a note saying how long and why.

import { outreachPanel } from './outreach.js';

export default async function render(container, { api, ui, user, profile }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  let filters = {};
  const editor = h('div');

  const list = ui.pagedTable({
    columns: [
      { key: 'id', label: '#', sortable: true },
      { key: 'name', label: tr('name'), sortable: true },
      { key: 'stateIso2', label: tr('stateIso2') },
      { key: 'email', label: tr('email') },
      { key: 'consent', label: tr('consent'), render: (row) => (row.consent ? tr('yes') : tr('no')) },
      { key: 'language', label: tr('language'), render: (row) => row.language || tr('defaultLanguage') },
      {
        key: 'actions', label: tr('actions'), render: (row) => h('span', { class: 'actions' },
          h('button', { type: 'button', onclick: () => edit(row) }, tr('edit')),
          h('button', { type: 'button', class: 'danger', onclick: () => remove(row) }, tr('remove'))),
      },
    ],
    load: ({ page, size, sort }) => api('GET', `/contacts/people${ui.query({ ...filters, page, size, sort })}`),
  });

  async function edit(summary) {
    const row = summary ? await api('GET', `/contacts/people/${summary.id}`) : null;
    const personForm = ui.form({
      fields: [
        { name: 'honorific', label: tr('honorific'), value: row?.honorific },
        { name: 'givenName', label: tr('givenName'), value: row?.givenName },
        { name: 'familyName', label: tr('familyName'), required: true, value: row?.familyName },
        { name: 'stateIso2', label: tr('stateIso2'), value: row?.stateIso2 },
        { name: 'email', label: tr('email'), type: 'email', value: row?.email },
        { name: 'phone', label: tr('phone'), value: row?.phone },
        { name: 'language', label: tr('language'), type: 'select', value: row?.language || '', help: tr('languageHelp'),
          options: [{ value: '', label: tr('defaultLanguage') }, ...(profile?.workingLanguages || []).map((code) => ({ value: code, label: code.toUpperCase() }))] },
        { name: 'consent', label: tr('consent'), type: 'checkboxes', options: [{ value: 'yes', label: tr('consentYes') }], value: row?.consent ? ['yes'] : [] },
        { name: 'retentionNote', label: tr('retentionNote'), value: row?.retentionNote },
        { name: 'notes', label: tr('notes'), type: 'textarea', value: row?.notes },
      ],
      cancel: () => replace(editor),
      onSubmit: async (values) => {
        const body = { ...values, language: values.language || null, consent: values.consent.includes('yes'), version: row?.version };
        const saved = row ? await api('PUT', `/contacts/people/${row.id}`, body) : await api('POST', '/contacts/people', body);
        ui.notify(tr('saved', { name: saved.name }), 'success');
        replace(editor);
        list.reload();
      },
    });
    const positions = row ? h('div', {},
      h('h3', {}, tr('positions')),
      ui.table([
        { key: 'title', label: tr('position') },
        { key: 'organisationName', label: tr('organisation') },
        { key: 'stateIso2', label: tr('stateIso2') },
        { key: 'startDate', label: tr('startDate') },
        { key: 'endDate', label: tr('endDate') },
      ], row.positions || []),
      ui.form({
        fields: [
          { name: 'title', label: tr('position'), required: true },
          { name: 'organisationId', label: tr('organisation'), type: 'number' },
          { name: 'stateIso2', label: tr('stateIso2') },
          { name: 'startDate', label: tr('startDate'), type: 'date' },
          { name: 'endDate', label: tr('endDate'), type: 'date' },
        ],
        submitLabel: tr('addPosition'),
        onSubmit: async (values) => {
          await api('POST', `/contacts/people/${row.id}/positions`, {
            title: values.title, organisationId: values.organisationId ? Number(values.organisationId) : null,
            stateIso2: values.stateIso2 || null, startDate: values.startDate || null, endDate: values.endDate || null,
          });
          await edit(row);
        },
      })) : null;
    const outreach = row ? h('div', {}, h('h3', {}, tr('outreach')), await outreachPanel({ api, ui, user }, { personId: row.id })) : null;
    replace(editor, h('section', { class: 'card' }, h('h2', {}, row ? tr('editTitle', { name: row.name }) : tr('create')), personForm, positions,
      outreach, row ? await meetingsPanel(row) : null));
    editor.querySelector('input')?.focus();
  }

  // The meetings the person took part in, from the meetings module while it is installed.
  async function meetingsPanel(row) {
    const history = await api('GET', `/contacts/people/${row.id}/participations`).catch(() => null);
    if (!history || !history.available) return null;
    return h('div', {}, h('h3', {}, tr('meetings')), history.items.length === 0 ? h('p', {}, tr('noMeetings')) : ui.table([
      { key: 'meetingTitle', label: tr('meeting') },
      { key: 'startDate', label: tr('meetingDates'), render: (p) => (p.startDate === p.endDate ? p.startDate : `${p.startDate} – ${p.endDate}`) },
      { key: 'delegation', label: tr('delegation') },
      { key: 'role', label: tr('role') },
      { key: 'function', label: tr('function') },
      { key: 'status', label: tr('status') },
    ], history.items));
  }

  // People who look like one: the same address, or the same name and State; merging keeps the first.
  const duplicates = h('div');
  async function loadDuplicates() {
    const pairs = await api('GET', '/contacts/people/duplicates').catch(() => []);
    if (pairs.length === 0) {
      replace(duplicates);
      return;
    }
    const merge = async (pair) => {
      if (!await ui.confirm(tr('mergeTitle', { other: pair.other.name, person: pair.person.name }), tr('mergeBody'), tr('merge'), true)) return;
      try {
        await api('POST', `/contacts/people/${pair.other.id}/merge`, { into: pair.person.id });
        ui.notify(tr('merged', { name: pair.person.name }), 'success');
        await loadDuplicates();
        list.reload();
      } catch (error) {
        ui.notify(error.message, 'error');
      }
    };
    replace(duplicates, h('section', { class: 'card' }, h('h2', {}, tr('duplicates')), ui.table([
      { key: 'person', label: tr('keep'), render: (pair) => `${pair.person.name} (#${pair.person.id})` },
      { key: 'other', label: tr('mergeInto'), render: (pair) => `${pair.other.name} (#${pair.other.id})` },
      { key: 'reasons', label: tr('why'), render: (pair) => pair.reasons.map((r) => tr(`reason.${r}`)).join(', ') },
      { key: 'actions', label: tr('actions'), render: (pair) => h('button', { type: 'button', onclick: () => merge(pair) }, tr('merge')) },
    ], pairs)));
  }

  async function remove(row) {
    if (!await ui.confirm(tr('removeTitle', { name: row.name }), tr('removeBody'), tr('remove'), true)) return;
    try {
      await api('DELETE', `/contacts/people/${row.id}`);
      ui.notify(tr('removed', { name: row.name }), 'success');
      list.reload();
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  }

  const filterForm = ui.form({
    fields: [{ name: 'q', label: tr('search') }, { name: 'state', label: tr('stateIso2') }],
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
    editor, filterForm, list.element, duplicates);
  await loadDuplicates();
}
