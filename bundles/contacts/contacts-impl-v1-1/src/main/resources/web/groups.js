// Groups of people: lists staff keep, and saved queries over people and their roles whose members are
// evaluated when shown. #/groups lists them; #/groups/<id> shows one with its members now.
const CRITERIA = ['FOCAL_POINTS', 'MANDATE_HOLDERS', 'POSITIONS', 'PEOPLE', 'HEADS_OF_DELEGATION'];
const STATUSES = ['STATE_PARTY', 'SIGNATORY', 'NOT_PARTY'];
const ORGANISATION_TYPES = ['UN_BODY', 'INTERNATIONAL_ORGANISATION', 'NGO', 'HOST_INSTITUTION', 'DONOR', 'GOVERNMENT_MINISTRY', 'PERMANENT_MISSION', 'ACADEMIC', 'OTHER'];
// What each criterion takes (the API refuses the others, naming them).
const PARAMETERS = {
  FOCAL_POINTS: ['theme', 'stateIso2', 'treatyStatus'],
  MANDATE_HOLDERS: ['mandateKind', 'theme', 'stateIso2', 'treatyStatus'],
  POSITIONS: ['organisationId', 'organisationType', 'titleText', 'stateIso2', 'treatyStatus'],
  PEOPLE: ['stateIso2', 'treatyStatus'],
  HEADS_OF_DELEGATION: ['meetingType', 'stateIso2', 'treatyStatus'],
};

export default async function render(container, context) {
  const { ui, params } = context;
  const tr = await ui.pageTranslator(import.meta.url);
  if (params && params[0]) {
    await renderGroup(container, context, tr, Number(params[0]));
  } else {
    renderList(container, context, tr);
  }
}

/** The fields of a group's form: its name and description, and for a query the parameters its criterion takes. */
function groupFields(tr, profile, kind, criterion, group) {
  const query = group?.query || {};
  const any = { value: '', label: tr('any') };
  const fields = [
    { name: 'name', label: tr('name'), required: true, maxlength: 200, value: group?.name },
    { name: 'description', label: tr('description'), type: 'textarea', rows: 2, maxlength: 1000, value: group?.description },
  ];
  if (kind !== 'QUERY') return fields;
  const all = {
    theme: { name: 'theme', label: tr('theme'), type: 'select', value: query.theme || '',
      options: [any, ...(profile?.thematicAreas || []).map((theme) => ({ value: theme, label: theme }))] },
    stateIso2: { name: 'stateIso2', label: tr('stateIso2'), maxlength: 2, value: query.stateIso2, help: tr('stateHelp') },
    treatyStatus: { name: 'treatyStatus', label: tr('treatyStatus'), type: 'select', value: query.treatyStatus || '',
      options: [any, ...STATUSES.map((status) => ({ value: status, label: tr(status) }))] },
    mandateKind: { name: 'mandateKind', label: tr('mandateKind'), type: 'select', required: true, value: query.mandateKind || 'PRESIDENCY',
      options: ['PRESIDENCY', 'COORDINATOR'].map((kindOf) => ({ value: kindOf, label: tr(kindOf) })) },
    organisationId: { name: 'organisationId', label: tr('organisationId'), type: 'number', value: query.organisationId ?? '' },
    organisationType: { name: 'organisationType', label: tr('organisationType'), type: 'select', value: query.organisationType || '',
      options: [any, ...ORGANISATION_TYPES.map((type) => ({ value: type, label: tr(type) }))] },
    titleText: { name: 'titleText', label: tr('titleText'), maxlength: 200, value: query.titleText },
    meetingType: { name: 'meetingType', label: tr('meetingType'), required: true, maxlength: 20, value: query.meetingType || 'MSP', help: tr('meetingTypeHelp') },
  };
  return [...fields, ...PARAMETERS[criterion].map((name) => all[name])];
}

/** The body the API takes from the form's values. */
function groupBody(kind, criterion, values, version) {
  const body = { name: values.name, description: values.description || null, kind, version };
  if (kind === 'QUERY') {
    const query = { criterion };
    for (const name of PARAMETERS[criterion]) {
      const value = values[name];
      if (value === undefined || value === '') continue;
      query[name] = name === 'organisationId' ? Number(value) : value;
    }
    body.query = query;
  }
  return body;
}

function describe(tr, group) {
  if (group.kind === 'STATIC') return tr('staticCount', { count: group.members ?? 0 });
  const query = group.query;
  const parts = [tr(query.criterion)];
  if (query.mandateKind) parts.push(tr(query.mandateKind));
  if (query.theme) parts.push(query.theme);
  if (query.meetingType) parts.push(query.meetingType);
  if (query.stateIso2) parts.push(query.stateIso2);
  if (query.treatyStatus) parts.push(tr(query.treatyStatus));
  if (query.organisationType) parts.push(tr(query.organisationType));
  if (query.organisationId) parts.push(tr('organisationNumber', { id: query.organisationId }));
  if (query.titleText) parts.push(`“${query.titleText}”`);
  return parts.join(' · ');
}

function renderList(container, { api, ui, profile, navigate }, tr) {
  const { h, replace } = ui;
  let filters = {};
  const editor = h('div');
  const list = ui.pagedTable({
    columns: [
      { key: 'name', label: tr('name'), sortable: true, render: (row) => h('a', { href: `#/groups/${row.id}` }, row.name) },
      { key: 'kind', label: tr('kind'), render: (row) => ui.badge(tr(row.kind), row.kind === 'QUERY' ? 'ok' : 'neutral') },
      { key: 'query', label: tr('members'), render: (row) => describe(tr, row) },
      { key: 'description', label: tr('description') },
    ],
    load: ({ page, size, sort }) => api('GET', `/contacts/groups${ui.query({ ...filters, page, size, sort })}`),
    sort: 'name',
    empty: tr('none'),
  });

  // The kind and criterion decide the form's fields: choosing them draws it anew.
  const chooser = ui.form({
    fields: [{ name: 'type', label: tr('type'), type: 'select', value: 'STATIC',
      options: [{ value: 'STATIC', label: tr('STATIC') }, ...CRITERIA.map((criterion) => ({ value: criterion, label: tr(criterion) }))] }],
    submitLabel: tr('next'),
    cancel: () => replace(editor),
    onSubmit: async (values) => showForm(values.type),
  });
  function showForm(type) {
    const kind = type === 'STATIC' ? 'STATIC' : 'QUERY';
    const criterion = kind === 'QUERY' ? type : null;
    replace(editor, h('section', { class: 'card' }, h('h2', {}, tr('createTitle', { type: tr(type) })),
      kind === 'QUERY' ? h('p', { class: 'field-help' }, tr(`${criterion}_help`)) : null,
      ui.form({
        fields: groupFields(tr, profile, kind, criterion, null),
        cancel: () => replace(editor),
        onSubmit: async (values) => {
          const saved = await api('POST', '/contacts/groups', groupBody(kind, criterion, values));
          ui.notify(tr('saved', { name: saved.name }), 'success');
          navigate(`groups/${saved.id}`);
        },
      })));
    editor.querySelector('input')?.focus();
  }

  const filterForm = ui.form({
    fields: [{ name: 'q', label: tr('search') }],
    submitLabel: tr('filter'),
    onSubmit: async (values) => {
      filters = values;
      list.state.page = 0;
      await list.reload();
    },
  });
  filterForm.classList.add('filters');
  replace(container, h('h1', {}, tr('title')),
    h('p', {}, tr('intro')),
    h('div', { class: 'toolbar' }, h('button', {
      type: 'button', class: 'primary',
      onclick: () => { replace(editor, h('section', { class: 'card' }, h('h2', {}, tr('create')), chooser)); chooser.querySelector('select')?.focus(); },
    }, tr('create'))),
    editor, filterForm, list.element);
}

async function renderGroup(container, { api, ui, profile, navigate }, tr, id) {
  const { h, replace } = ui;
  let group;
  try {
    group = await api('GET', `/contacts/groups/${id}`);
  } catch (error) {
    replace(container, h('p', {}, h('a', { href: '#/groups' }, `← ${tr('back')}`)), h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  const heading = h('h1', {}, group.name);
  const summary = h('p');
  const notice = h('div', { 'aria-live': 'polite' });
  const showSummary = () => {
    heading.textContent = group.name;
    replace(summary, ui.badge(tr(group.kind), group.kind === 'QUERY' ? 'ok' : 'neutral'), ' ', describe(tr, group),
      group.description ? ` — ${group.description}` : '');
  };

  const members = ui.pagedTable({
    columns: [
      { key: 'name', label: tr('person') },
      { key: 'stateIso2', label: tr('stateIso2') },
      { key: 'email', label: tr('email'), render: (row) => row.email || '' },
      { key: 'language', label: tr('language'), render: (row) => row.language || tr('defaultLanguage') },
      { key: 'consent', label: tr('consent'), render: (row) => ui.badge(row.consent ? tr('yes') : tr('no'), row.consent ? 'ok' : 'warn') },
      ...(group.kind === 'STATIC' ? [{
        key: 'actions', label: tr('actions'), render: (row) => h('button', { type: 'button', class: 'danger', onclick: () => removeMember(row) },
          tr('removeMember')),
      }] : []),
    ],
    load: async ({ page, size }) => {
      const answer = await api('GET', `/contacts/groups/${id}/members${ui.query({ page, size })}`);
      replace(notice,
        answer.available ? null : h('p', { class: 'form-error', role: 'alert' }, tr('unavailable', { reason: answer.reason })),
        answer.note ? h('p', { class: 'field-help' }, answer.note) : null);
      return answer;
    },
    empty: tr('noMembers'),
  });

  async function removeMember(row) {
    try {
      await api('DELETE', `/contacts/groups/${id}/members/${row.personId}`);
      ui.notify(tr('memberRemoved', { name: row.name }), 'success');
      group = await api('GET', `/contacts/groups/${id}`);
      showSummary();
      members.reload();
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  }

  const addForm = group.kind === 'STATIC' ? h('section', { class: 'card' }, h('h2', {}, tr('addMembers')), ui.form({
    fields: [{ name: 'personIds', label: tr('personIds'), required: true, help: tr('personIdsHelp') }],
    submitLabel: tr('addMembers'),
    onSubmit: async (values, element) => {
      const personIds = values.personIds.split(/[\s,;]+/).filter(Boolean).map(Number);
      if (!personIds.length || personIds.some((n) => !Number.isInteger(n) || n < 1)) {
        element.showError('personIds', tr('personIdsHelp'));
        return;
      }
      group = await api('POST', `/contacts/groups/${id}/members`, { personIds });
      element.reset();
      showSummary();
      ui.notify(tr('membersAdded'), 'success');
      members.reload();
    },
  })) : null;

  const criterion = group.query?.criterion || null;
  const editForm = h('details', {}, h('summary', {}, tr('edit')), ui.form({
    fields: groupFields(tr, profile, group.kind, criterion, group),
    onSubmit: async (values) => {
      group = await api('PUT', `/contacts/groups/${id}`, groupBody(group.kind, criterion, values, group.version));
      showSummary();
      ui.notify(tr('saved', { name: group.name }), 'success');
      members.reload();
    },
  }));

  async function remove() {
    if (!await ui.confirm(tr('removeTitle', { name: group.name }), tr('removeBody'), tr('remove'), true)) return;
    try {
      await api('DELETE', `/contacts/groups/${id}`);
      ui.notify(tr('removed', { name: group.name }), 'success');
      navigate('groups');
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  }

  showSummary();
  replace(container,
    h('p', {}, h('a', { href: '#/groups' }, `← ${tr('back')}`)),
    heading, summary,
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'primary', onclick: () => navigate(`mailings/compose/${id}`) }, tr('write')),
      h('button', { type: 'button', class: 'danger', onclick: remove }, tr('remove'))),
    editForm,
    h('h2', {}, tr('membersNow')), notice, members.element,
    addForm);
}
