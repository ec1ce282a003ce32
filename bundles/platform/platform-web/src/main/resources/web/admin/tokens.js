// API tokens of the logged-in user, for scripts (Authorization: Bearer ...). A token's value is
// shown once, when it is created; the server keeps only its hash.

export default async function render(container, { api, ui }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const listArea = h('div');
  const defaultExpiry = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString().slice(0, 10);

  async function load() {
    const tokens = await api('GET', '/platform/tokens');
    const now = Date.now();
    replace(listArea, ui.table([
      { key: 'name', label: tr('name') },
      { key: 'createdAt', label: tr('createdAt'), render: (row) => ui.formatDateTime(row.createdAt) },
      { key: 'expiresAt', label: tr('expiresAt'), render: (row) => ui.formatDateTime(row.expiresAt) },
      { key: 'lastUsedAt', label: tr('lastUsedAt'), render: (row) => ui.formatDateTime(row.lastUsedAt) },
      {
        key: 'state', label: tr('state'), render: (row) => (row.revokedAt ? ui.badge(tr('revoked'), 'neutral')
          : new Date(row.expiresAt).getTime() < now ? ui.badge(tr('expired'), 'warn') : ui.badge(tr('valid'), 'ok')),
      },
      {
        key: 'actions', label: tr('actions'), render: (row) => (row.revokedAt ? null
          : h('button', { type: 'button', class: 'danger', onclick: () => revoke(row) }, tr('revoke'))),
      },
    ], tokens));
  }

  async function revoke(row) {
    if (!await ui.confirm(tr('revokeTitle', { name: row.name }), tr('revokeBody'), tr('revoke'), true)) return;
    try {
      await api('DELETE', `/platform/tokens/${row.id}`);
      await load();
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  }

  const createForm = ui.form({
    fields: [
      { name: 'name', label: tr('name'), required: true, maxlength: 100 },
      { name: 'expiresAt', label: tr('expiresAt'), type: 'date', required: true, value: defaultExpiry },
    ],
    submitLabel: tr('create'),
    onSubmit: async (values, element) => {
      const expiresAt = values.expiresAt ? `${values.expiresAt}T23:59:59Z` : null;
      const created = await api('POST', '/platform/tokens', { name: values.name, expiresAt });
      element.reset();
      await ui.dialog({ title: tr('createdTitle', { name: created.name }), body: h('div', {}, h('p', {}, tr('createdBody')), h('p', { class: 'token-value' }, created.token)) });
      await load();
    },
  });

  replace(container, h('h1', {}, tr('title')), h('p', {}, tr('intro')),
    h('section', { class: 'card' }, h('h2', {}, tr('create')), createForm), listArea);
  await load();
}
