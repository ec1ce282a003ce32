// A meeting's invitations tab: the invitations sent (each with its link to the public registration
// form, whether its e-mail was queued, how many registered through it), revoking one, and a sending to
// recipients typed one per line: "e-mail; name; delegation; language", where the delegation is a
// State's ISO code (NO) or an organisation's name, and/or a group of the contacts module when it is installed.
const LINE = /^\s*([^;]+?)\s*(?:;\s*([^;]*?)\s*)?(?:;\s*([^;]*?)\s*)?(?:;\s*([a-zA-Z]{2})\s*)?$/;

/** The recipients of the text, or the number of the first line that is not one. */
export function recipients(text) {
  const list = [];
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  for (let i = 0; i < lines.length; i += 1) {
    const match = LINE.exec(lines[i]);
    if (!match || !match[3]) return { error: i + 1 };
    const [, email, name, delegation, language] = match;
    const state = /^[A-Za-z]{2}$/.test(delegation);
    list.push({
      email,
      name: name || null,
      delegationKind: state ? 'STATE' : 'ORGANISATION',
      stateIso2: state ? delegation.toUpperCase() : null,
      delegation: state ? null : delegation,
      language: language ? language.toLowerCase() : null,
    });
  }
  return { list };
}

export default async function render({ api, ui, panel, id, meeting }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const link = (row) => `${window.location.origin}/register/${row.linkToken}`;
  const revoke = async (row) => {
    if (!(await ui.confirm(tr('revokeConfirm', { email: row.email })))) return;
    try {
      await api('DELETE', `/meetings/${id}/invitations/${row.id}`);
      await load();
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  };
  // The contacts module's groups, when it is installed: a sending may go to one (its members with consent).
  const offered = await api('GET', '/meetings/invitations/groups').catch(() => ({ available: false, groups: [] }));
  const skippedText = (group) => (group.skipped.length === 0 ? '' : ` ${tr('skipped', {
    count: group.skipped.length,
    names: group.skipped.map((s) => `${s.name} (${tr(`skip.${s.reason}`)})`).join(', '),
  })}`);
  const load = async () => {
    const list = await api('GET', `/meetings/${id}/invitations`);
    replace(panel,
      h('p', {}, tr('closes', { when: ui.formatDateTime(meeting.registrationClosesAt) })),
      ui.table([
        { key: 'email', label: tr('email') },
        { key: 'name', label: tr('name') },
        { key: 'delegation', label: tr('delegation') },
        { key: 'language', label: tr('language') },
        { key: 'expiresAt', label: tr('expires'), render: (row) => ui.formatDateTime(row.expiresAt) },
        { key: 'mailQueued', label: tr('mail'), render: (row) => (row.revokedAt ? ui.badge(tr('revoked'), 'neutral')
          : ui.badge(row.mailQueued ? tr('queued') : tr('notSent'), row.mailQueued ? 'ok' : 'warn')) },
        { key: 'registered', label: tr('registered') },
        {
          key: 'link', label: tr('link'), render: (row) => (row.revokedAt ? null : h('span', { class: 'actions' },
            h('a', { href: link(row), rel: 'noopener noreferrer', target: '_blank' }, tr('open')),
            h('button', { type: 'button', onclick: () => revoke(row) }, tr('revoke')))),
        },
      ], list),
      h('section', { class: 'card' }, h('h2', {}, tr('send')), ui.form({
        fields: [
          ...(offered.available && offered.groups.length > 0 ? [{
            name: 'groupId', label: tr('group'), type: 'select', help: tr('groupHelp'),
            options: [{ value: '', label: tr('noGroup') }, ...offered.groups.map((g) => ({ value: String(g.id), label: g.name }))],
          }] : []),
          { name: 'recipients', label: tr('recipients'), type: 'textarea', rows: 6, required: !offered.available, help: tr('recipientsHelp') },
          { name: 'expiresAt', label: tr('expiresAt'), type: 'datetime-local', help: tr('expiresHelp') },
        ],
        submitLabel: tr('send'),
        onSubmit: async (values) => {
          const parsed = recipients(values.recipients || '');
          if (parsed.error) throw new ui.ApiError(400, tr('badLine', { line: parsed.error }), 'recipients');
          const groupId = values.groupId ? Number(values.groupId) : null;
          if (!groupId && parsed.list.length === 0) throw new ui.ApiError(400, tr('nobody'), 'recipients');
          const sent = await api('POST', `/meetings/${id}/invitations`, {
            recipients: parsed.list,
            groupId,
            expiresAt: values.expiresAt ? new Date(values.expiresAt).toISOString() : null,
          });
          const text = tr('sent', { count: sent.invitations.length }) + (sent.group ? skippedText(sent.group) : '');
          ui.notify(sent.notice ? `${text} ${sent.notice}` : text, sent.notice || sent.group?.skipped.length ? 'info' : 'success');
          await load();
        },
      })));
  };
  await load().catch((error) => replace(panel, h('p', { class: 'form-error', role: 'alert' }, error.message)));
}
