// Requests for expertise: the list, a form for a State's request, and a request's page with its
// workflow (the steps the server allows next) and its candidates ranked with their score and reasons.
const REGIONS = ['AFRICA', 'AMERICAS', 'ASIA', 'EUROPE', 'OCEANIA'];
const KINDS = ['ADVICE', 'TRAINING', 'FIELD_WORK'];
const STATUS_BADGE = { RECEIVED: 'neutral', MATCHED: 'warn', CONTACTED: 'warn', DELIVERED: 'ok', EVALUATED: 'ok' };

export default async function render(container, context) {
  const [id] = context.params;
  if (id) await renderRequest(container, context, Number(id));
  else await renderList(container, context);
}

async function renderList(container, { api, ui, profile, navigate }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const themes = (profile?.thematicAreas || []).map((theme) => ({ value: theme, label: theme }));
  const list = ui.pagedTable({
    caption: tr('listCaption'),
    empty: tr('none'),
    sort: 'receivedOn,desc',
    columns: [
      { key: 'receivedOn', label: tr('receivedOn'), sortable: true,
        render: (row) => h('a', { href: `#/expertise-requests/${row.id}`, class: 'request-link' }, row.receivedOn) },
      { key: 'state', label: tr('state') },
      { key: 'theme', label: tr('theme'), sortable: true },
      { key: 'language', label: tr('language') },
      { key: 'region', label: tr('region'), render: (row) => tr(row.region) },
      { key: 'status', label: tr('status'), sortable: true, render: (row) => ui.badge(tr(row.status), STATUS_BADGE[row.status]) },
      { key: 'deadline', label: tr('deadline'), sortable: true },
    ],
    load: ({ page, size, sort }) => api('GET', `/expertise/requests${ui.query({ page, size, sort })}`),
  });
  const editor = h('div');
  const showCreate = () => {
    replace(editor, h('section', { class: 'card' }, h('h2', {}, tr('create')), ui.form({
      fields: [
        { name: 'stateIso2', label: tr('stateIso2'), required: true, maxlength: 2, help: tr('stateHelp') },
        { name: 'theme', label: tr('theme'), type: 'select', required: true, options: themes },
        { name: 'language', label: tr('language'), required: true, maxlength: 2, help: tr('languageHelp') },
        { name: 'region', label: tr('region'), type: 'select', required: true, options: REGIONS.map((r) => ({ value: r, label: tr(r) })) },
        { name: 'kind', label: tr('kind'), type: 'select', required: true, options: KINDS.map((k) => ({ value: k, label: tr(k) })) },
        { name: 'description', label: tr('description'), type: 'textarea', rows: 4, required: true, maxlength: 4000 },
        { name: 'deadline', label: tr('deadline'), type: 'date' },
      ],
      submitLabel: tr('create'),
      cancel: () => replace(editor),
      onSubmit: async (values) => {
        const created = await api('POST', '/expertise/requests', { ...values, deadline: values.deadline || null });
        navigate(`expertise-requests/${created.id}`);
      },
    })));
    editor.querySelector('input')?.focus();
  };
  replace(container, h('h1', {}, tr('title')),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary new-request', onclick: showCreate }, tr('create'))),
    editor, list.element);
}

async function renderRequest(container, context, id) {
  const { api, ui } = context;
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const back = h('p', {}, h('a', { href: '#/expertise-requests' }, `← ${tr('back')}`));
  let request;
  let matches;
  try {
    [request, matches] = await Promise.all([api('GET', `/expertise/requests/${id}`), api('GET', `/expertise/requests/${id}/matches`)]);
  } catch (error) {
    replace(container, back, h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  const redraw = () => renderRequest(container, context, id);
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, tr('state')), h('dd', {}, `${request.state} (${request.stateIso2})`),
    h('dt', {}, tr('theme')), h('dd', {}, request.theme),
    h('dt', {}, tr('language')), h('dd', {}, request.language),
    h('dt', {}, tr('region')), h('dd', {}, tr(request.region)),
    h('dt', {}, tr('kind')), h('dd', {}, tr(request.kind)),
    h('dt', {}, tr('receivedOn')), h('dd', {}, request.receivedOn),
    h('dt', {}, tr('deadline')), h('dd', {}, request.deadline || tr('noDeadline')),
    h('dt', {}, tr('expert')), h('dd', {}, request.expertName || '—'),
    h('dt', {}, tr('description')), h('dd', {}, request.description));
  const candidates = ui.table([
    { key: 'rank', label: tr('rank'), render: (row) => String(matches.candidates.indexOf(row) + 1) },
    { key: 'name', label: tr('name') },
    { key: 'organisation', label: tr('organisation'), render: (row) => row.organisation || '' },
    { key: 'score', label: tr('score'), render: (row) => String(row.score) },
    { key: 'reasons', label: tr('reasons'), render: (row) => row.reasons.map((reason) => tr(`reason${reason}`)).join(', ') },
    { key: 'openAssignments', label: tr('openAssignments'), render: (row) => String(row.openAssignments) },
  ], matches.candidates, {
    caption: tr('candidatesCaption', { from: matches.windowStart, to: matches.windowEnd || tr('openEnded') }),
    empty: tr('noCandidates'),
  });
  const steps = request.next.length ? ui.form({
    fields: [
      { name: 'status', label: tr('nextStatus'), type: 'select', required: true, options: request.next.map((s) => ({ value: s, label: s === 'RECEIVED' ? tr('backToReceived') : tr(s) })) },
      { name: 'expertId', label: tr('expertChosen'), type: 'select', help: tr('expertChosenHelp'),
        options: [{ value: '', label: '—' }, ...matches.candidates.map((c) => ({ value: String(c.expertId), label: `${c.name} (${c.score})` }))] },
      { name: 'date', label: tr('date'), type: 'date', help: tr('dateHelp') },
      { name: 'note', label: tr('note'), type: 'textarea', rows: 2, maxlength: 4000 },
    ],
    submitLabel: tr('record'),
    onSubmit: async (values) => {
      try {
        await api('POST', `/expertise/requests/${id}/steps`, { status: values.status, expertId: values.expertId ? Number(values.expertId) : null,
          date: values.date || null, note: values.note || null, version: request.version });
      } catch (error) {
        if (error.status === 409) throw new ui.ApiError(409, `${tr('conflict')} ${error.message}`, null);
        throw error;
      }
      ui.notify(tr('recorded'), 'success');
      await redraw();
    },
  }) : h('p', { class: 'field-help' }, tr('finished'));
  const notes = ui.table([
    { key: 'status', label: tr('status'), render: (row) => tr(row.status) },
    { key: 'writtenAt', label: tr('writtenAt'), render: (row) => ui.formatDateTime(row.writtenAt) },
    { key: 'writtenBy', label: tr('writtenBy'), render: (row) => row.writtenBy || '' },
    { key: 'note', label: tr('note'), render: (row) => row.note || '' },
  ], request.notes, { caption: tr('history'), empty: tr('noNotes') });
  replace(container, back,
    h('h1', {}, tr('requestTitle', { state: request.state, theme: request.theme })),
    h('p', { class: 'counts' }, ui.badge(tr(request.status), STATUS_BADGE[request.status])),
    facts,
    h('section', { class: 'request-candidates' }, h('h2', {}, tr('candidates')), candidates),
    h('section', { class: 'request-steps' }, h('h2', {}, tr('workflow')), steps),
    h('section', { class: 'request-history' }, notes));
}
