// States and their treaty status: the list (filter by status, search by name in any working
// language), a state's page (status form, history, focal points, outreach log), and the CSV import
// (checked first, then applied whole) and export in the UN Treaty Collection's layout.
import { outreachPanel } from './outreach.js';

const STATUSES = ['STATE_PARTY', 'SIGNATORY', 'NOT_PARTY'];
const INSTRUMENTS = ['RATIFICATION', 'ACCESSION', 'ACCEPTANCE', 'APPROVAL', 'SUCCESSION'];

export default async function render(container, context) {
  const { ui, params } = context;
  if (params[0]) {
    await renderState(container, context, params[0]);
  } else {
    await renderList(container, context);
  }
}

function statusBadge(ui, tr, status) {
  return ui.badge(tr(status), status === 'STATE_PARTY' ? 'ok' : status === 'SIGNATORY' ? 'warn' : 'neutral');
}

async function renderList(container, { api, ui, language }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  let filters = {};
  const counts = h('p', { class: 'counts' });
  api('GET', '/contacts/states/counts').then((c) => {
    counts.textContent = tr('counts', { parties: c.stateParties, inForce: c.inForce, signatories: c.signatories, notParty: c.notParty });
  }).catch(() => {});

  const list = ui.pagedTable({
    columns: [
      {
        key: 'name', label: tr('name'), sortable: true,
        render: (row) => h('a', { href: `#/states/${encodeURIComponent(row.iso2)}`, class: 'state-link' }, row.name),
      },
      { key: 'iso2', label: tr('iso2'), sortable: true },
      { key: 'status', label: tr('status'), sortable: true, render: (row) => statusBadge(ui, tr, row.status) },
      { key: 'signatureDate', label: tr('signatureDate'), sortable: true },
      { key: 'depositDate', label: tr('depositDate'), sortable: true, render: (row) => (row.depositDate ? `${row.depositDate} (${tr(row.instrument)})` : '') },
      { key: 'entryIntoForce', label: tr('entryIntoForce'), sortable: true },
    ],
    load: ({ page, size, sort }) => api('GET', `/contacts/states${ui.query({ ...filters, lang: language, page, size, sort })}`),
    size: 25,
  });

  const filterForm = ui.form({
    fields: [
      { name: 'status', label: tr('status'), type: 'select', options: [{ value: '', label: tr('any') }, ...STATUSES.map((s) => ({ value: s, label: tr(s) }))] },
      { name: 'q', label: tr('search') },
    ],
    submitLabel: tr('filter'),
    onSubmit: async (values) => {
      filters = { status: values.status, q: values.q };
      list.state.page = 0;
      await list.reload();
    },
  });
  filterForm.classList.add('filters');

  replace(container,
    h('h1', {}, tr('title')),
    counts,
    filterForm,
    list.element,
    h('p', {}, h('a', { href: '/api/contacts/states/export.csv', download: 'treaty-status.csv' }, tr('exportCsv'))),
    importSection(ui, api, tr, () => list.reload()));
}

function importSection(ui, api, tr, reload) {
  const { h, replace } = ui;
  const fileId = ui.uniqueId('csv');
  const input = h('input', { type: 'file', id: fileId, accept: '.csv,text/csv' });
  const report = h('div', { class: 'import-report' });
  const showReport = (result, file) => {
    const rows = [
      ...result.errors.map((e) => ({ line: e.line, state: e.state, text: `${e.field}: ${e.error}`, error: true })),
      ...result.changes.map((c) => ({ line: c.line, state: `${c.state} (${c.iso2})`, text: `${tr(c.from.status)} → ${tr(c.to.status)} ${[c.to.signatureDate, c.to.depositDate].filter(Boolean).join(' / ')}` })),
    ].sort((a, b) => a.line - b.line);
    const table = ui.table([
      { key: 'line', label: tr('line') },
      { key: 'state', label: tr('name') },
      { key: 'text', label: tr('change'), render: (row) => (row.error ? h('span', { class: 'field-error' }, row.text) : row.text) },
    ], rows);
    const canApply = !result.errors.length && result.changes.length;
    replace(report,
      result.errors.length ? h('p', { class: 'form-error', role: 'alert' }, `${result.errors.length} ${tr('error')}(s)`) : null,
      !result.errors.length && !result.changes.length ? h('p', {}, tr('noChanges', { unchanged: result.unchanged })) : null,
      rows.length ? table : null,
      canApply ? h('button', {
        type: 'button', class: 'primary', 'data-action': 'apply-import',
        onclick: async (event) => {
          event.target.disabled = true;
          try {
            const applied = await api('POST', '/contacts/states/import?dryRun=false', file);
            replace(report, h('p', { class: 'operation-done', role: 'status' }, tr('imported', { count: applied.changes.length })));
            reload();
          } catch (error) {
            replace(report, h('p', { class: 'form-error', role: 'alert' }, error.message));
          }
        },
      }, tr('apply', { count: result.changes.length })) : null);
  };
  const check = h('button', {
    type: 'button', 'data-action': 'check-import',
    onclick: async () => {
      const file = input.files[0];
      if (!file) {
        replace(report, h('p', { class: 'form-error', role: 'alert' }, ui.t('validation.required', { field: tr('file') })));
        return;
      }
      const blob = new Blob([await file.arrayBuffer()], { type: 'text/csv' });
      try {
        showReport(await api('POST', '/contacts/states/import?dryRun=true', blob), blob);
      } catch (error) {
        if (error.body?.report) showReport(error.body.report, blob);
        else replace(report, h('p', { class: 'form-error', role: 'alert' }, error.message));
      }
    },
  }, tr('check'));
  return h('section', { class: 'card' },
    h('h2', {}, tr('importTitle')),
    h('p', { class: 'field-help' }, tr('importHelp')),
    h('div', { class: 'field' }, h('label', { for: fileId }, tr('file')), input),
    check, report);
}

async function renderState(container, { api, ui, language, user, profile }, iso2) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  let state;
  try {
    state = await api('GET', `/contacts/states/${encodeURIComponent(iso2)}${ui.query({ lang: language })}`);
  } catch (error) {
    replace(container, h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  const summary = h('dl', { class: 'facts' });
  const historyArea = h('div');
  const showSummary = () => replace(summary,
    h('dt', {}, tr('status')), h('dd', {}, statusBadge(ui, tr, state.status)),
    h('dt', {}, tr('signatureDate')), h('dd', {}, state.signatureDate || tr('none')),
    h('dt', {}, tr('depositDate')), h('dd', {}, state.depositDate ? `${state.depositDate} (${tr(state.instrument)})` : tr('none')),
    h('dt', {}, tr('entryIntoForce')), h('dd', { 'data-field': 'entryIntoForce' }, state.entryIntoForce || tr('none')));
  const loadHistory = async () => {
    const page = await api('GET', `/contacts/states/${state.iso2}/history?size=20`);
    replace(historyArea, ui.table([
      { key: 'changedAt', label: tr('changedAt'), render: (row) => ui.formatDateTime(row.changedAt) },
      { key: 'changedBy', label: tr('changedBy') },
      { key: 'source', label: tr('source') },
      { key: 'from', label: tr('from'), render: (row) => (row.from ? tr(row.from) : '') },
      { key: 'status', label: tr('to'), render: (row) => `${tr(row.status)} ${[row.signatureDate, row.depositDate].filter(Boolean).join(' / ')}` },
    ], page.items));
  };

  const statusForm = ui.form({
    fields: [
      { name: 'status', label: tr('status'), type: 'select', value: state.status, options: STATUSES.map((s) => ({ value: s, label: tr(s) })) },
      { name: 'instrument', label: tr('instrument'), type: 'select', value: state.instrument || '', options: [{ value: '', label: tr('none') }, ...INSTRUMENTS.map((i) => ({ value: i, label: tr(i) }))] },
      { name: 'signatureDate', label: tr('signatureDate'), type: 'date', value: state.signatureDate || '' },
      { name: 'depositDate', label: tr('depositDate'), type: 'date', value: state.depositDate || '' },
    ],
    submitLabel: tr('save'),
    onSubmit: async (values) => {
      state = await api('PUT', `/contacts/states/${state.iso2}/status`, {
        status: values.status,
        instrument: values.instrument || null,
        signatureDate: values.signatureDate || null,
        depositDate: values.depositDate || null,
        version: state.version,
      });
      state.name = state.names?.[language] || state.name;
      showSummary();
      await loadHistory();
      ui.notify(tr('saved', { state: state.name }), 'success');
    },
  });

  const focalArea = h('div');
  const themes = [{ value: '', label: tr('wholeConvention') }, ...(profile?.thematicAreas || []).map((theme) => ({ value: theme, label: theme }))];
  const loadFocalPoints = async () => {
    try {
      const points = await api('GET', `/contacts/focal-points?state=${state.iso2}`);
      replace(focalArea, ui.table([
        { key: 'personName', label: tr('person') },
        { key: 'theme', label: tr('theme'), render: (row) => row.theme || tr('wholeConvention') },
        { key: 'email', label: 'E-mail' },
      ], points), h('details', {}, h('summary', {}, tr('addFocalPoint')), ui.form({
        fields: [
          { name: 'personId', label: tr('personId'), type: 'number', required: true, help: tr('personIdHelp') },
          { name: 'theme', label: tr('theme'), type: 'select', options: themes },
        ],
        submitLabel: tr('addFocalPoint'),
        onSubmit: async (values, element) => {
          const personId = Number(values.personId);
          if (!Number.isInteger(personId) || personId < 1) {
            element.showError('personId', tr('personIdHelp'));
            return;
          }
          await api('POST', '/contacts/focal-points', { stateIso2: state.iso2, personId, theme: values.theme || null });
          await loadFocalPoints();
        },
      })));
    } catch (error) {
      replace(focalArea, h('p', { class: 'empty' }, error.status === 403 ? tr('noAccess') : error.message));
    }
  };
  loadFocalPoints();

  const outreachArea = await outreachPanel({ api, ui, user }, { state: state.iso2 });
  showSummary();
  replace(container,
    h('p', {}, h('a', { href: '#/states' }, `← ${tr('back')}`)),
    h('h1', {}, `${state.names?.[language] || state.name} (${state.iso2})`),
    summary,
    h('section', { class: 'card' }, h('h2', {}, tr('statusTitle')), statusForm),
    h('h2', {}, tr('history')), historyArea,
    h('h2', {}, tr('focalPoints')), focalArea,
    h('h2', {}, tr('outreach')), outreachArea);
  await loadHistory();
}
