// Mailings to groups: #/mailings lists those sent; #/mailings/compose[/<group>] writes one, tries it (who would
// get it, in which language, who not and why) and sends it; #/mailings/<id> shows what became of each recipient.
const OUTCOMES = ['QUEUED', 'SKIPPED_NO_CONSENT', 'SKIPPED_NO_ADDRESS', 'FAILED'];
const OUTCOME_BADGE = { QUEUED: 'ok', SKIPPED_NO_CONSENT: 'warn', SKIPPED_NO_ADDRESS: 'warn', FAILED: 'error' };

export default async function render(container, context) {
  const { ui, params } = context;
  const tr = await ui.pageTranslator(import.meta.url);
  if (params?.[0] === 'compose') {
    await renderCompose(container, context, tr, params[1] ? Number(params[1]) : null);
  } else if (params?.[0]) {
    await renderMailing(container, context, tr, Number(params[0]));
  } else {
    renderList(container, context, tr);
  }
}

const outcomeBadge = (ui, tr, outcome) => ui.badge(tr(outcome), OUTCOME_BADGE[outcome] || 'neutral');

function renderList(container, { api, ui, navigate }, tr) {
  const { h, replace } = ui;
  const list = ui.pagedTable({
    columns: [
      { key: 'sentAt', label: tr('sentAt'), render: (row) => h('a', { href: `#/mailings/${row.id}` }, ui.formatDateTime(row.sentAt)) },
      { key: 'groupName', label: tr('group') },
      { key: 'template', label: tr('template'), render: (row) => tr(`template_${row.template}`) },
      { key: 'recipients', label: tr('recipients') },
      { key: 'queued', label: tr('QUEUED') },
      { key: 'skipped', label: tr('skipped') },
      { key: 'failed', label: tr('FAILED') },
      { key: 'sentBy', label: tr('sentBy') },
    ],
    load: ({ page, size }) => api('GET', `/contacts/mailings${ui.query({ page, size })}`),
    empty: tr('none'),
  });
  replace(container, h('h1', {}, tr('title')), h('p', {}, tr('intro')),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary', onclick: () => navigate('mailings/compose') }, tr('compose'))),
    list.element);
}

async function renderCompose(container, { api, ui, profile, navigate }, tr, groupId) {
  const { h, replace } = ui;
  const [groups, templates] = await Promise.all([api('GET', '/contacts/groups?size=500&sort=name'), api('GET', '/contacts/mailings/templates')]);
  const languages = profile?.workingLanguages || ['en'];
  const result = h('div', { 'aria-live': 'polite' });
  let tried = null;

  const fields = [
    { name: 'groupId', label: tr('group'), type: 'select', required: true, value: groupId ? String(groupId) : '',
      options: [{ value: '', label: tr('chooseGroup') }, ...groups.items.map((group) => ({ value: String(group.id), label: group.name }))] },
    { name: 'template', label: tr('template'), type: 'select', value: 'notice',
      options: templates.map((template) => ({ value: template.name, label: tr(`template_${template.name}`) })) },
  ];
  // One subject and body per working language; the default language's are needed, the others optional: a
  // recipient who prefers a language not written in gets the default language's.
  for (const language of languages) {
    fields.push({ name: `texts.${language}.subject`, label: tr('subjectIn', { language: language.toUpperCase() }), maxlength: 300 });
    fields.push({ name: `texts.${language}.body`, label: tr('bodyIn', { language: language.toUpperCase() }), type: 'textarea', rows: 6 });
  }
  const input = (values) => ({
    groupId: values.groupId ? Number(values.groupId) : null,
    template: values.template,
    texts: languages.filter((language) => values[`texts.${language}.subject`].trim() || values[`texts.${language}.body`].trim())
      .map((language) => ({ language, subject: values[`texts.${language}.subject`] || null, body: values[`texts.${language}.body`] || null })),
  });

  const composeForm = ui.form({
    fields,
    submitLabel: tr('tryIt'),
    onSubmit: async (values) => {
      const body = input(values);
      const dry = await api('POST', '/contacts/mailings/dry-run?size=50', body);
      tried = body;
      showDryRun(dry);
    },
  });

  function showDryRun(dry) {
    if (!dry.available) {
      replace(result, h('section', { class: 'card' }, h('h2', {}, tr('dryRun')),
        h('p', { class: 'form-error', role: 'alert' }, tr('unavailable', { reason: dry.reason }))));
      return;
    }
    const recipients = ui.pagedTable({
      columns: [
        { key: 'name', label: tr('person') },
        { key: 'email', label: tr('email'), render: (row) => row.email || '' },
        { key: 'language', label: tr('language') },
        { key: 'outcome', label: tr('outcome'), render: (row) => outcomeBadge(ui, tr, row.outcome) },
        { key: 'reason', label: tr('reason'), render: (row) => row.reason || '' },
      ],
      load: ({ page, size }) => api('POST', `/contacts/mailings/dry-run${ui.query({ page, size })}`, tried),
      empty: tr('noRecipients'),
    });
    const send = h('button', { type: 'button', class: 'primary', disabled: dry.queued === 0, onclick: sendIt }, tr('send', { count: dry.queued }));
    replace(result, h('section', { class: 'card' }, h('h2', {}, tr('dryRun')),
      dry.mailService ? null : h('p', { class: 'form-error', role: 'alert' }, tr('noMailService')),
      dry.note ? h('p', { class: 'field-help' }, dry.note) : null,
      h('p', {}, tr('counts', { recipients: dry.recipients, queued: dry.queued, noConsent: dry.skippedNoConsent, noAddress: dry.skippedNoAddress,
        failed: dry.failed })),
      ...dry.previews.map((preview) => h('details', {}, h('summary', {}, tr('preview', { language: preview.language.toUpperCase() })),
        h('p', {}, h('strong', {}, preview.subject)), h('pre', {}, preview.text))),
      recipients.element,
      h('div', { class: 'form-actions' }, send)));
  }

  async function sendIt() {
    if (!tried || !await ui.confirm(tr('sendTitle'), tr('sendBody'), tr('sendConfirm'))) return;
    try {
      const sent = await api('POST', '/contacts/mailings', tried);
      ui.notify(tr('sent', { queued: sent.queued, recipients: sent.recipients }), sent.failed ? 'error' : 'success');
      navigate(`mailings/${sent.id}`);
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  }

  replace(container, h('p', {}, h('a', { href: '#/mailings' }, `← ${tr('back')}`)),
    h('h1', {}, tr('compose')), h('p', {}, tr('composeHelp', { language: languages[0].toUpperCase() })),
    h('section', { class: 'card' }, composeForm), result);
}

async function renderMailing(container, { api, ui }, tr, id) {
  const { h, replace } = ui;
  let mailing;
  try {
    mailing = await api('GET', `/contacts/mailings/${id}`);
  } catch (error) {
    replace(container, h('p', {}, h('a', { href: '#/mailings' }, `← ${tr('back')}`)), h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  let outcome = '';
  const summary = h('div');
  const recipients = ui.pagedTable({
    columns: [
      { key: 'name', label: tr('person') },
      { key: 'email', label: tr('email'), render: (row) => row.email || '' },
      { key: 'language', label: tr('language') },
      { key: 'outcome', label: tr('outcome'), render: (row) => outcomeBadge(ui, tr, row.outcome) },
      { key: 'reason', label: tr('reason'), render: (row) => row.reason || '' },
    ],
    load: ({ page, size }) => api('GET', `/contacts/mailings/${id}/recipients${ui.query({ outcome, page, size })}`),
    empty: tr('noRecipients'),
  });
  const showSummary = () => {
    replace(summary,
      h('p', {}, tr('sentBy'), ': ', mailing.sentBy, ' — ', ui.formatDateTime(mailing.sentAt), ' — ', tr(`template_${mailing.template}`)),
      h('ul', {}, OUTCOMES.map((name) => h('li', {}, outcomeBadge(ui, tr, name), ' ', String(mailing.outcomes?.[name] ?? 0)))),
      ...mailing.texts.map((text) => h('details', {}, h('summary', {}, tr('textIn', { language: text.language.toUpperCase() })),
        text.subject ? h('p', {}, h('strong', {}, text.subject)) : null, text.body ? h('pre', {}, text.body) : null)),
      mailing.failed > 0 ? h('div', { class: 'form-actions' }, h('button', { type: 'button', onclick: retry }, tr('retry', { count: mailing.failed }))) : null);
  };
  async function retry() {
    try {
      mailing = await api('POST', `/contacts/mailings/${id}/retry`, { version: mailing.version });
      ui.notify(tr('retried', { queued: mailing.queued, failed: mailing.failed }), mailing.failed ? 'error' : 'success');
      mailing = await api('GET', `/contacts/mailings/${id}`);
      showSummary();
      recipients.reload();
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  }
  const filter = ui.form({
    fields: [{ name: 'outcome', label: tr('outcome'), type: 'select',
      options: [{ value: '', label: tr('any') }, ...OUTCOMES.map((name) => ({ value: name, label: tr(name) }))] }],
    submitLabel: tr('filter'),
    onSubmit: async (values) => {
      outcome = values.outcome;
      recipients.state.page = 0;
      await recipients.reload();
    },
  });
  filter.classList.add('filters');
  showSummary();
  replace(container, h('p', {}, h('a', { href: '#/mailings' }, `← ${tr('back')}`)),
    h('h1', {}, tr('mailingTitle', { group: mailing.groupName })), summary,
    h('h2', {}, tr('recipients')), filter, recipients.element);
}
