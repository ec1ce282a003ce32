// Meetings: the list (with filters) and a month calendar; a meeting's page with its details and the
// tabs agenda, programme, participants, invitations (invitations.js), documents (upload with progress), decisions, records, actions.
import invitations from './invitations.js';
import { linkProposals } from './links.js';

const STATUSES = ['PLANNED', 'CONVENED', 'CONCLUDED'];
const CATEGORIES = ['OFFICIAL', 'WORKING_PAPER', 'INFORMATION', 'CONFERENCE_ROOM_PAPER', 'DECISION', 'STATEMENT', 'BACKGROUND'];
const ROLES = ['HEAD_OF_DELEGATION', 'DELEGATE', 'ADVISER', 'OBSERVER'];
const CREDENTIALS = ['ORIGINAL', 'COPY', 'NOTE_VERBALE'];
const TABS = ['agenda', 'programme', 'participants', 'invitations', 'documents', 'decisions', 'records', 'actions'];

export default async function render(container, context) {
  const [id, tab] = context.params;
  if (id === 'calendar') await renderCalendar(container, context, tab);
  else if (id) await renderMeeting(container, context, Number(id), TABS.includes(tab) ? tab : 'agenda');
  else await renderList(container, context);
}

function typeOptions(profile, tr, withAny) {
  const types = Object.entries(profile?.meetingTypes || {}).map(([value, label]) => ({ value, label }));
  return withAny ? [{ value: '', label: tr('any') }, ...types] : types;
}

function meetingFields(tr, profile, meeting) {
  return [
    { name: 'type', label: tr('type'), type: 'select', options: typeOptions(profile, tr, false), value: meeting?.type },
    { name: 'number', label: tr('number'), type: 'number', value: meeting?.number ?? '' },
    { name: 'title', label: tr('name'), required: true, value: meeting?.title, maxlength: 300 },
    { name: 'startDate', label: tr('startDate'), type: 'date', required: true, value: meeting?.startDate },
    { name: 'endDate', label: tr('endDate'), type: 'date', required: true, value: meeting?.endDate },
    { name: 'venue', label: tr('venue'), value: meeting?.venue },
    { name: 'city', label: tr('city'), value: meeting?.city },
    { name: 'countryIso2', label: tr('country'), value: meeting?.countryIso2 },
    { name: 'presidency', label: tr('presidency'), value: meeting?.presidency },
    { name: 'status', label: tr('status'), type: 'select', options: STATUSES.map((s) => ({ value: s, label: tr(s) })), value: meeting?.status || 'PLANNED' },
    { name: 'publicMeeting', label: tr('publicMeeting'), type: 'select', options: [{ value: 'true', label: tr('yes') }, { value: 'false', label: tr('no') }],
      value: String(meeting?.publicMeeting ?? true) },
    { name: 'registrationDeadline', label: tr('registrationDeadline'), type: 'datetime-local', help: tr('registrationDeadlineHelp'),
      value: localDateTime(meeting?.registrationDeadline) },
  ];
}

/** An instant from the API as a datetime-local field's value, in the browser's time zone. */
function localDateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function meetingBody(values, version) {
  return {
    ...values,
    number: values.number ? Number(values.number) : null,
    publicMeeting: values.publicMeeting === 'true',
    venue: values.venue || null, city: values.city || null, countryIso2: values.countryIso2 || null, presidency: values.presidency || null,
    registrationDeadline: values.registrationDeadline ? new Date(values.registrationDeadline).toISOString() : null,
    version,
  };
}

async function renderList(container, { api, ui, profile, navigate }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  let filters = { upcoming: '' };
  const editor = h('div');
  const list = ui.pagedTable({
    columns: [
      { key: 'title', label: tr('name'), sortable: true, render: (row) => h('a', { href: `#/meetings/${row.id}`, class: 'meeting-link' }, row.title) },
      { key: 'type', label: tr('type'), sortable: true, render: (row) => row.typeName + (row.number ? ` (${row.number})` : '') },
      { key: 'startDate', label: tr('startDate'), sortable: true },
      { key: 'endDate', label: tr('endDate') },
      { key: 'city', label: tr('city') },
      { key: 'status', label: tr('status'), render: (row) => ui.badge(tr(row.status), row.status === 'CONCLUDED' ? 'neutral' : 'ok') },
    ],
    load: ({ page, size, sort }) => api('GET', `/meetings${ui.query({ ...filters, page, size, sort: sort || 'startDate,desc' })}`),
  });
  const filterForm = ui.form({
    fields: [
      { name: 'type', label: tr('type'), type: 'select', options: typeOptions(profile, tr, true) },
      { name: 'status', label: tr('status'), type: 'select', options: [{ value: '', label: tr('any') }, ...STATUSES.map((s) => ({ value: s, label: tr(s) }))] },
      { name: 'year', label: tr('year'), type: 'number' },
      { name: 'q', label: tr('search') },
      { name: 'upcoming', label: tr('upcoming'), type: 'checkboxes', options: [{ value: 'true', label: tr('upcoming') }] },
    ],
    submitLabel: tr('filter'),
    onSubmit: async (values) => {
      filters = { ...values, upcoming: values.upcoming.includes('true') ? 'true' : '' };
      list.state.page = 0;
      await list.reload();
    },
  });
  filterForm.classList.add('filters');
  const showCreate = () => {
    replace(editor, h('section', { class: 'card' }, h('h2', {}, tr('create')), ui.form({
      fields: meetingFields(tr, profile, null),
      submitLabel: tr('create'),
      cancel: () => replace(editor),
      onSubmit: async (values) => {
        const created = await api('POST', '/meetings', meetingBody(values));
        navigate(`meetings/${created.id}`);
      },
    })));
    editor.querySelector('input, select')?.focus();
  };
  replace(container, h('h1', {}, tr('title')),
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'primary', onclick: showCreate }, tr('create')),
      h('a', { href: '#/meetings/calendar' }, tr('calendar')),
      h('a', { href: '/api/meetings/calendar.ics', download: 'meetings.ics' }, tr('icsAll'))),
    editor, filterForm, list.element);
}

async function renderCalendar(container, { api, ui, language }, month) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const today = new Date();
  const [year, monthIndex] = /^\d{4}-\d{2}$/.test(month || '') ? [Number(month.slice(0, 4)), Number(month.slice(5)) - 1] : [today.getFullYear(), today.getMonth()];
  const first = new Date(Date.UTC(year, monthIndex, 1));
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  const iso = (date) => date.toISOString().slice(0, 10);
  const page = await api('GET', `/meetings${ui.query({ year, size: 500, sort: 'startDate,asc' })}`);
  const previousYear = await (monthIndex === 0 ? api('GET', `/meetings${ui.query({ year: year - 1, size: 500 })}`) : { items: [] });
  const meetings = [...page.items, ...previousYear.items].filter((m) => m.endDate >= iso(first) && m.startDate <= iso(last));
  const label = first.toLocaleDateString(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shift = (delta) => {
    const target = new Date(Date.UTC(year, monthIndex + delta, 1));
    return `#/meetings/calendar/${target.toISOString().slice(0, 7)}`;
  };
  const weeks = [];
  let week = [];
  const offset = (first.getUTCDay() + 6) % 7; // weeks start on Monday
  for (let i = 0; i < offset; i += 1) week.push(h('td', {}));
  for (let day = 1; day <= last.getUTCDate(); day += 1) {
    const date = iso(new Date(Date.UTC(year, monthIndex, day)));
    week.push(h('td', { class: 'day' }, h('span', { class: 'day-number' }, String(day)),
      meetings.filter((m) => m.startDate <= date && m.endDate >= date)
        .map((m) => h('a', { href: `#/meetings/${m.id}`, class: 'calendar-meeting' }, m.title))));
    if (week.length === 7) {
      weeks.push(h('tr', {}, week));
      week = [];
    }
  }
  if (week.length) weeks.push(h('tr', {}, week));
  const dayNames = [...Array(7).keys()].map((i) => new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(language, { weekday: 'short', timeZone: 'UTC' }));
  replace(container,
    h('p', {}, h('a', { href: '#/meetings' }, `← ${tr('back')}`)),
    h('h1', {}, `${tr('calendar')}: ${label}`),
    h('div', { class: 'toolbar' }, h('a', { href: shift(-1) }, `← ${tr('previous')}`), h('a', { href: shift(1) }, `${tr('next')} →`)),
    h('table', { class: 'table calendar' }, h('thead', {}, h('tr', {}, dayNames.map((d) => h('th', { scope: 'col' }, d)))), h('tbody', {}, weeks)));
}

async function renderMeeting(container, context, id, tab) {
  const { api, ui, profile } = context;
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  let meeting;
  try {
    meeting = await api('GET', `/meetings/${id}`);
  } catch (error) {
    replace(container, h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel', id: 'meeting-tab-panel' });
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': meeting.title },
    TABS.map((name) => h('a', {
      role: 'tab', href: `#/meetings/${id}/${name}`, 'aria-selected': String(name === tab), 'aria-controls': 'meeting-tab-panel',
      class: name === tab ? 'tab active' : 'tab', 'data-tab': name,
    }, tr(name))));
  const details = h('details', { class: 'card' }, h('summary', {}, tr('details')), ui.form({
    fields: meetingFields(tr, profile, meeting),
    submitLabel: tr('save'),
    onSubmit: async (values) => {
      meeting = await api('PUT', `/meetings/${id}`, meetingBody(values, meeting.version));
      ui.notify(tr('saved'), 'success');
    },
  }));
  const facts = [meeting.typeName + (meeting.number ? ` (${meeting.number})` : ''), `${meeting.startDate} – ${meeting.endDate}`,
    [meeting.venue, meeting.city].filter(Boolean).join(', '), tr(meeting.status)].filter(Boolean).join(' · ');
  replace(container,
    h('p', {}, h('a', { href: '#/meetings' }, `← ${tr('back')}`)),
    h('h1', {}, meeting.title),
    h('p', { class: 'counts' }, facts, ' · ', h('a', { href: `/api/meetings/${id}/calendar.ics`, download: `meeting-${id}.ics` }, tr('icsOne'))),
    meeting.onlineUrl ? h('p', {}, `${tr('online')}: `, h('a', { href: meeting.onlineUrl, rel: 'noopener noreferrer' }, meeting.onlineUrl)) : null,
    details, tabs, panel);
  const renderers = { agenda, programme, participants, invitations, documents, decisions, records, actions };
  await renderers[tab]({ ...context, tr, panel, id, meeting });
}

function errorPanel(ui, panel, error) {
  ui.replace(panel, ui.h('p', { class: 'form-error', role: 'alert' }, error.message));
}

async function agenda({ api, ui, tr, panel, id }) {
  const { h, replace } = ui;
  const load = async () => {
    const items = await api('GET', `/meetings/${id}/agenda`);
    const rows = items.flatMap((item) => [item, ...item.items.map((sub) => ({ ...sub, sub: true }))]);
    replace(panel, ui.table([
      { key: 'number', label: tr('item') },
      { key: 'title', label: tr('name'), render: (row) => (row.sub ? h('span', { class: 'sub-item' }, row.title) : row.title) },
    ], rows), h('section', { class: 'card' }, h('h2', {}, tr('addItem')), ui.form({
      fields: [
        { name: 'number', label: tr('item'), required: true },
        { name: 'title', label: tr('name'), required: true },
        { name: 'parentId', label: tr('parent'), type: 'select', options: [{ value: '', label: tr('none') }, ...items.map((i) => ({ value: String(i.id), label: `${i.number} ${i.title}` }))] },
      ],
      submitLabel: tr('addItem'),
      onSubmit: async (values) => {
        await api('POST', `/meetings/${id}/agenda`, { ...values, parentId: values.parentId ? Number(values.parentId) : null });
        await load();
      },
    })));
  };
  await load().catch((error) => errorPanel(ui, panel, error));
}

async function programme({ api, ui, tr, panel, id, meeting }) {
  const { h, replace } = ui;
  const load = async () => {
    const sessions = await api('GET', `/meetings/${id}/programme`);
    replace(panel, ui.table([
      { key: 'date', label: tr('date') },
      { key: 'startTime', label: tr('from') },
      { key: 'endTime', label: tr('to') },
      { key: 'room', label: tr('room') },
      { key: 'title', label: tr('name') },
      { key: 'agendaItems', label: tr('items') },
    ], sessions), h('section', { class: 'card' }, h('h2', {}, tr('addSession')), ui.form({
      fields: [
        { name: 'date', label: tr('date'), type: 'date', required: true, value: meeting.startDate },
        { name: 'startTime', label: tr('from'), type: 'time', required: true, value: '10:00' },
        { name: 'endTime', label: tr('to'), type: 'time', required: true, value: '13:00' },
        { name: 'room', label: tr('room') },
        { name: 'title', label: tr('name'), required: true },
        { name: 'agendaItems', label: tr('items') },
      ],
      submitLabel: tr('addSession'),
      onSubmit: async (values) => {
        await api('POST', `/meetings/${id}/programme`, { ...values, room: values.room || null, agendaItems: values.agendaItems || null });
        await load();
      },
    })));
  };
  await load().catch((error) => errorPanel(ui, panel, error));
}

async function participants({ api, ui, tr, panel, id }) {
  const { h, replace } = ui;
  const decide = async (row, status) => {
    try {
      const updated = await api('PUT', `/meetings/${id}/participants/${row.id}`, { ...row, status });
      if (updated.notice) ui.notify(updated.notice, 'info');
      await load();
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  };
  const load = async () => {
    const [page, credentials] = await Promise.all([api('GET', `/meetings/${id}/participants?size=500`),
      api('GET', `/meetings/${id}/participants/credentials`)]);
    const report = h('details', { class: 'card' }, h('summary', {}, tr('credentialsReport')), ui.table([
      { key: 'delegation', label: tr('delegation') },
      { key: 'credentials', label: tr('credentials'), render: (row) => tr(row.credentials) },
      { key: 'participants', label: tr('name'), render: (row) => row.participants.map((p) => `${p.name}: ${tr(p.credentials)}`).join('; ') },
    ], credentials.delegations));
    replace(panel,
      h('p', {}, h('a', { href: `/api/meetings/${id}/participants/list.html`, target: '_blank', rel: 'noopener' }, tr('listHtml')), ' ',
        h('a', { href: `/api/meetings/${id}/participants/list.csv`, download: `participants-${id}.csv` }, tr('listCsv')), ' ',
        h('a', { href: `/api/meetings/${id}/participants/list.pdf`, download: `participants-${id}.pdf` }, tr('listPdf'))),
      ui.table([
        { key: 'delegation', label: tr('delegation') },
        { key: 'name', label: tr('name'), render: (row) => [row.honorific, row.givenName, row.familyName].filter(Boolean).join(' ') },
        { key: 'role', label: tr('role'), render: (row) => tr(row.role) },
        { key: 'personId', label: tr('person'), render: (row) => (row.personId ? `#${row.personId}` : '') },
        { key: 'status', label: tr('status'), render: (row) => ui.badge(tr(row.status), row.status === 'APPROVED' ? 'ok' : row.status === 'PENDING' ? 'warn' : 'neutral') },
        {
          key: 'credentials', label: tr('credentials'), render: (row) => {
            const current = row.credentialsReceived ? (row.credentialsKind || 'UNKNOWN_KIND') : 'NONE';
            const kinds = ['NONE', ...CREDENTIALS, ...(current === 'UNKNOWN_KIND' ? ['UNKNOWN_KIND'] : [])];
            const name = [row.givenName, row.familyName].filter(Boolean).join(' ');
            return h('span', { class: 'credentials' }, h('select', {
              'aria-label': tr('credentialsOf', { name }),
              onchange: async (event) => {
                const kind = event.target.value;
                try {
                  await api('PUT', `/meetings/${id}/participants/${row.id}`, {
                    ...row,
                    credentialsReceived: kind !== 'NONE',
                    credentialsKind: CREDENTIALS.includes(kind) ? kind : null,
                    credentialsReceivedOn: null,
                  });
                  await load();
                } catch (error) {
                  ui.notify(error.message, 'error');
                }
              },
            }, kinds.map((kind) => h('option', { value: kind, selected: kind === current, disabled: kind === 'UNKNOWN_KIND' }, tr(kind)))),
            row.credentialsReceivedOn ? ` ${tr('receivedOn', { date: row.credentialsReceivedOn })}` : null);
          },
        },
        {
          key: 'actions', label: tr('actions'), render: (row) => h('span', { class: 'actions' },
            row.status === 'PENDING' ? h('button', { type: 'button', onclick: () => decide(row, 'APPROVED') }, tr('approve')) : null,
            row.status === 'PENDING' ? h('button', { type: 'button', onclick: () => decide(row, 'REJECTED') }, tr('reject')) : null,
            ['PENDING', 'APPROVED'].includes(row.status) ? h('button', { type: 'button', onclick: () => decide(row, 'WITHDRAWN') }, tr('withdraw')) : null),
        },
      ], page.items),
      report,
      await linkProposals({ api, ui, tr, id, reload: load }),
      h('section', { class: 'card' }, h('h2', {}, tr('register')), ui.form({
        fields: [
          { name: 'delegationKind', label: tr('kind'), type: 'select', options: [{ value: 'STATE', label: tr('state') }, { value: 'ORGANISATION', label: tr('organisation') }] },
          { name: 'stateIso2', label: tr('stateIso2') },
          { name: 'delegation', label: tr('delegationName') },
          { name: 'givenName', label: tr('givenName') },
          { name: 'familyName', label: tr('familyName'), required: true },
          { name: 'role', label: tr('role'), type: 'select', options: ROLES.map((r) => ({ value: r, label: tr(r) })), value: 'DELEGATE' },
        ],
        submitLabel: tr('register'),
        onSubmit: async (values) => {
          await api('POST', `/meetings/${id}/participants`, {
            ...values, stateIso2: values.stateIso2 || null, delegation: values.delegation || null, givenName: values.givenName || null,
          });
          await load();
        },
      })));
  };
  await load().catch((error) => errorPanel(ui, panel, error));
}

/** Sends a multipart form with XMLHttpRequest, whose upload events give the progress fetch() cannot. */
function uploadWithProgress(ui, url, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api${url}`);
    request.setRequestHeader('Accept', 'application/json');
    const token = ui.currentCsrfToken();
    if (token) request.setRequestHeader('X-CSRF-Token', token);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(Math.round((100 * event.loaded) / event.total));
    });
    request.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch (error) {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) resolve(body);
      else reject(new ui.ApiError(request.status, body?.error || `HTTP ${request.status}`, body?.field, body));
    });
    request.addEventListener('error', () => reject(new ui.ApiError(0, ui.t('error.network'))));
    request.send(formData);
  });
}

async function documents({ api, ui, tr, panel, id, language }) {
  const { h, replace } = ui;
  const languageOptions = [...new Set([language, 'en', 'fr', 'es', 'ar', 'ru', 'zh'])].map((code) => ({ value: code, label: code }));
  const publish = async (document) => {
    try {
      const issued = await api('POST', `/meetings/${id}/documents/${document.id}/publish`, {});
      ui.notify(tr('published', { symbol: issued.symbol }), 'success');
      await load();
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  };
  const uploadForm = (documentId) => {
    const progress = h('progress', { max: '100', value: '0', hidden: true, 'aria-label': tr('upload') });
    const progressText = h('span', { class: 'upload-progress', 'aria-live': 'polite' });
    const fields = documentId ? [
      { name: 'file', label: tr('file'), type: 'file', required: true },
      { name: 'language', label: tr('language'), type: 'select', options: languageOptions },
    ] : [
      { name: 'file', label: tr('file'), type: 'file', required: true },
      { name: 'title', label: tr('name'), required: true },
      { name: 'category', label: tr('category'), type: 'select', options: CATEGORIES.map((c) => ({ value: c, label: tr(c) })), value: 'WORKING_PAPER' },
      { name: 'language', label: tr('language'), type: 'select', options: languageOptions },
    ];
    const form = ui.form({
      fields,
      submitLabel: documentId ? tr('addLanguage') : tr('upload'),
      onSubmit: async (values, element) => {
        const data = new FormData();
        data.append('file', element.querySelector('input[type=file]').files[0]);
        Object.entries(values).filter(([name]) => name !== 'file').forEach(([name, value]) => data.append(name, value));
        progress.hidden = false;
        try {
          const saved = await uploadWithProgress(ui, documentId ? `/meetings/${id}/documents/${documentId}/files` : `/meetings/${id}/documents`, data, (percent) => {
            progress.value = percent;
            progressText.textContent = tr('uploading', { percent });
          });
          ui.notify(tr('uploaded', { symbol: saved.symbol }), 'success');
          await load();
        } finally {
          progress.hidden = true;
        }
      },
    });
    form.append(progress, progressText);
    return form;
  };
  const load = async () => {
    const list = await api('GET', `/meetings/${id}/documents`);
    replace(panel, ui.table([
      { key: 'symbol', label: tr('symbol'), render: (row) => h('span', { class: 'symbol' }, row.symbol) },
      { key: 'title', label: tr('name') },
      { key: 'category', label: tr('category'), render: (row) => tr(row.category) },
      {
        key: 'files', label: tr('languages'), render: (row) => h('span', { class: 'actions' },
          row.files.map((file) => h('a', { href: file.url, download: '', title: `${file.fileName}, rev. ${file.revision}, SHA-256 ${file.sha256}` }, file.language))),
      },
      { key: 'publicDocument', label: tr('status'), render: (row) => (row.publicDocument ? ui.badge(`${tr('public')} ${row.issuedOn}`, 'ok') : ui.badge(tr('internal'), 'neutral')) },
      {
        key: 'actions', label: tr('actions'), render: (row) => h('span', { class: 'actions' },
          row.publicDocument ? null : h('button', { type: 'button', onclick: () => publish(row) }, tr('publish')),
          h('details', {}, h('summary', {}, tr('addLanguage')), uploadForm(row.id))),
      },
    ], list), h('section', { class: 'card' }, h('h2', {}, tr('upload')), uploadForm(null)));
  };
  await load().catch((error) => errorPanel(ui, panel, error));
}

async function decisions({ api, ui, tr, panel, id, profile }) {
  const { h, replace } = ui;
  const themes = [{ value: '', label: tr('none') }, ...(profile?.thematicAreas || []).map((t) => ({ value: t, label: t }))];
  const load = async () => {
    const list = await api('GET', `/meetings/${id}/decisions`);
    replace(panel, ui.table([
      { key: 'number', label: tr('number') },
      { key: 'title', label: tr('name') },
      { key: 'adoptedOn', label: tr('adoptedOn') },
      { key: 'theme', label: tr('theme') },
      { key: 'establishedPractice', label: tr('practice'), render: (row) => (row.establishedPractice ? tr('yes') : '') },
    ], list), h('section', { class: 'card' }, h('h2', {}, tr('addDecision')), ui.form({
      fields: [
        { name: 'title', label: tr('name'), required: true },
        { name: 'text', label: tr('text'), type: 'textarea', required: true, rows: 6 },
        { name: 'adoptedOn', label: tr('adoptedOn'), type: 'date' },
        { name: 'theme', label: tr('theme'), type: 'select', options: themes },
        { name: 'establishedPractice', label: tr('practice'), type: 'checkboxes', options: [{ value: 'yes', label: tr('practice') }] },
      ],
      submitLabel: tr('addDecision'),
      onSubmit: async (values) => {
        await api('POST', `/meetings/${id}/decisions`, {
          title: values.title, text: values.text, adoptedOn: values.adoptedOn || null, theme: values.theme || null,
          establishedPractice: values.establishedPractice.includes('yes'),
        });
        await load();
      },
    })));
  };
  await load().catch((error) => errorPanel(ui, panel, error));
}

async function records({ api, ui, tr, panel, id }) {
  const { h, replace } = ui;
  const revisionsOf = (record) => {
    const area = h('div');
    const details = h('details', {}, h('summary', {}, tr('revisions')), area);
    details.addEventListener('toggle', async () => {
      if (!details.open || area.childElementCount) return;
      let revisions;
      try {
        revisions = (await api('GET', `/meetings/${id}/records/${record.id}/revisions`)).filter((row) => row.revision < record.revision);
      } catch (error) {
        replace(area, h('p', { class: 'form-error', role: 'alert' }, error.message));
        return;
      }
      replace(area, ui.table([
        { key: 'revision', label: tr('revision') },
        { key: 'changedAt', label: tr('when'), render: (row) => ui.formatDateTime(row.changedAt) },
        { key: 'changedBy', label: tr('who') },
        { key: 'note', label: tr('note') },
        { key: 'text', label: tr('text'), render: (row) => h('pre', { class: 'detail' }, row.text) },
      ], revisions));
    });
    return details;
  };
  const load = async () => {
    const list = await api('GET', `/meetings/${id}/records`);
    replace(panel, ...list.map((record) => h('section', { class: 'card' },
      h('h2', {}, record.title),
      h('p', { class: 'counts' }, `${tr('revision')} ${record.revision} · ${record.updatedBy} · ${ui.formatDateTime(record.updatedAt)}`),
      h('pre', { class: 'detail' }, record.text),
      record.revision > 1 ? revisionsOf(record) : null,
      h('details', {}, h('summary', {}, tr('edit')), ui.form({
        fields: [
          { name: 'title', label: tr('recordTitle'), required: true, value: record.title },
          { name: 'text', label: tr('text'), type: 'textarea', required: true, rows: 8, value: record.text },
          { name: 'note', label: tr('note') },
        ],
        onSubmit: async (values) => {
          await api('PUT', `/meetings/${id}/records/${record.id}`, { ...values, sessionId: record.sessionId, version: record.version });
          await load();
        },
      })))), h('section', { class: 'card' }, h('h2', {}, tr('addRecord')), ui.form({
      fields: [
        { name: 'title', label: tr('recordTitle'), required: true },
        { name: 'text', label: tr('text'), type: 'textarea', required: true, rows: 8 },
      ],
      submitLabel: tr('addRecord'),
      onSubmit: async (values) => {
        await api('POST', `/meetings/${id}/records`, values);
        await load();
      },
    })));
  };
  await load().catch((error) => errorPanel(ui, panel, error));
}

async function actions({ api, ui, tr, panel, id, profile }) {
  const { h, replace } = ui;
  const load = async () => {
    const list = await api('GET', `/meetings/${id}/actions`);
    replace(panel, ui.table([
      { key: 'title', label: tr('name') },
      { key: 'owner', label: tr('owner'), render: (row) => (row.ownerEmail ? `${row.owner} <${row.ownerEmail}>` : row.owner) },
      { key: 'dueDate', label: tr('dueDate') },
      { key: 'status', label: tr('status'), render: (row) => tr(row.status) },
      {
        key: 'reminder', label: tr('reminder'), render: (row) => (row.reminder ? tr(`reminder.${row.reminder.outcome}`, {
          kind: tr(`reminder.${row.reminder.kind}`), to: row.reminder.sentTo || '', date: ui.formatDateTime(row.reminder.triedAt),
        }) : ''),
      },
      {
        key: 'done', label: tr('actions'), render: (row) => (row.status === 'OPEN' ? h('button', {
          type: 'button',
          onclick: async () => {
            await api('PUT', `/meetings/${id}/actions/${row.id}`, {
              title: row.title, owner: row.owner, dueDate: row.dueDate, decisionId: row.decisionId, status: 'DONE', version: row.version,
              ownerEmail: row.ownerEmail || null, ownerLanguage: row.ownerLanguage || null,
            }).catch((error) => ui.notify(error.message, 'error'));
            await load();
          },
        }, tr('done')) : null),
      },
    ], list), h('section', { class: 'card' }, h('h2', {}, tr('addAction')), ui.form({
      fields: [
        { name: 'title', label: tr('name'), required: true },
        { name: 'owner', label: tr('owner'), required: true },
        { name: 'ownerEmail', label: tr('ownerEmail'), type: 'email', help: tr('ownerEmailHelp') },
        { name: 'ownerLanguage', label: tr('ownerLanguage'), type: 'select', options: [{ value: '', label: tr('defaultLanguage') },
          ...(profile?.workingLanguages || []).map((code) => ({ value: code, label: code.toUpperCase() }))] },
        { name: 'dueDate', label: tr('dueDate'), type: 'date' },
      ],
      submitLabel: tr('addAction'),
      onSubmit: async (values) => {
        await api('POST', `/meetings/${id}/actions`, {
          ...values, dueDate: values.dueDate || null, ownerEmail: values.ownerEmail || null, ownerLanguage: values.ownerLanguage || null,
        });
        await load();
      },
    })));
  };
  await load().catch((error) => errorPanel(ui, panel, error));
}
