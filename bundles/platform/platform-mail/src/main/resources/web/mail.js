// Administration › E-mail: whether the platform can send (and why not), the outbox with each
// message's outcome, a retry for a failed message, and a test message (/api/platform/mail).

export default async function render(container, { api, ui, profile, language }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const statusArea = h('div', { 'aria-live': 'polite' });
  let filters = {};
  const badges = { QUEUED: 'warn', SENT: 'ok', FAILED: 'error' };

  async function loadStatus() {
    try {
      const status = await api('GET', '/platform/mail/status');
      const fact = (label, value) => [h('dt', {}, label), h('dd', {}, value ?? '—')];
      replace(statusArea,
        h('p', {}, status.configured ? ui.badge(tr('sending'), 'ok') : ui.badge(tr('notSending'), 'warn'),
          status.configured ? '' : ` ${status.reason}`),
        status.settingsProblem ? h('p', { class: 'form-error', role: 'alert' }, tr('settingsProblem', { problem: status.settingsProblem })) : null,
        h('dl', { class: 'facts' },
          fact(tr('server'), status.server ? `${status.server} (STARTTLS ${status.starttls})` : null),
          fact(tr('from'), status.from),
          fact(tr('queued'), String(status.queued)),
          fact(tr('sent'), String(status.sent)),
          fact(tr('failed'), String(status.failed)),
          fact(tr('oldestQueued'), status.oldestQueuedAt ? ui.formatDateTime(status.oldestQueuedAt) : null),
          fact(tr('lastSent'), status.lastSentAt ? ui.formatDateTime(status.lastSentAt) : null),
          fact(tr('lastError'), status.lastError ? `${ui.formatDateTime(status.lastErrorAt)}: ${status.lastError}` : null)));
    } catch (error) {
      replace(statusArea, h('p', { class: 'form-error', role: 'alert' }, error.message));
    }
  }

  async function retry(row) {
    try {
      await api('POST', `/platform/mail/outbox/${row.id}/retry`);
      ui.notify(tr('retried', { recipient: row.recipient }), 'success');
    } catch (error) {
      ui.notify(error.message, 'error');
    }
    await Promise.all([list.reload(), loadStatus()]);
  }

  const list = ui.pagedTable({
    columns: [
      { key: 'queuedAt', label: tr('queuedAt'), sortable: true, render: (row) => ui.formatDateTime(row.queuedAt) },
      { key: 'recipient', label: tr('recipient'), sortable: true },
      { key: 'subject', label: tr('subject') },
      { key: 'template', label: tr('template'), render: (row) => `${row.module} · ${row.template} (${row.language})` },
      { key: 'state', label: tr('state'), sortable: true, render: (row) => ui.badge(tr(row.state), badges[row.state] || 'neutral') },
      { key: 'attempts', label: tr('attempts'), sortable: true },
      {
        key: 'when', label: tr('when'),
        render: (row) => (row.state === 'SENT' ? tr('sentAt', { time: ui.formatDateTime(row.sentAt) })
          : row.state === 'QUEUED' ? tr('nextAt', { time: ui.formatDateTime(row.nextAttemptAt) }) : ''),
      },
      { key: 'lastError', label: tr('lastError'), render: (row) => (row.lastError ? h('pre', { class: 'detail' }, row.lastError) : '') },
      {
        key: 'actions', label: tr('actions'),
        render: (row) => (row.state === 'FAILED'
          ? h('button', { type: 'button', 'data-action': 'retry', onclick: () => retry(row) }, tr('retry')) : ''),
      },
    ],
    load: ({ page, size, sort }) => api('GET', `/platform/mail/outbox${ui.query({ ...filters, page, size, sort })}`),
    sort: 'queuedAt,desc',
    caption: tr('outbox'),
    empty: tr('empty'),
  });

  const filterForm = ui.form({
    fields: [{
      name: 'state', label: tr('state'), type: 'select',
      options: [{ value: '', label: tr('any') }, ...['QUEUED', 'SENT', 'FAILED'].map((value) => ({ value, label: tr(value) }))],
    }],
    submitLabel: tr('filter'),
    onSubmit: async (values) => {
      filters = { state: values.state };
      list.state.page = 0;
      await Promise.all([list.reload(), loadStatus()]);
    },
  });
  filterForm.classList.add('filters');

  const languages = profile?.workingLanguages?.length ? profile.workingLanguages : ['en'];
  const testForm = ui.form({
    fields: [
      { name: 'to', label: tr('testTo'), type: 'email', required: true, autocomplete: 'email', maxlength: 254 },
      {
        name: 'language', label: tr('testLanguage'), type: 'select',
        value: languages.includes(language) ? language : languages[0],
        options: languages.map((code) => ({ value: code, label: ui.t(`language.${code}`) })),
      },
    ],
    submitLabel: tr('testSend'),
    onSubmit: async (values, element) => {
      const queued = await api('POST', '/platform/mail/test', { to: values.to, language: values.language });
      element.reset();
      ui.notify(tr('testQueued', { recipient: queued.recipient }), 'success');
      await Promise.all([list.reload(), loadStatus()]);
    },
  });

  replace(container,
    h('h1', {}, tr('title')),
    h('section', { class: 'card' }, h('h2', {}, tr('status')), statusArea),
    h('section', { class: 'card' }, h('h2', {}, tr('test')), h('p', {}, tr('testHelp')), testForm),
    h('h2', {}, tr('outbox')),
    h('p', {}, tr('outboxHelp')),
    filterForm,
    list.element);
  await loadStatus();
}
