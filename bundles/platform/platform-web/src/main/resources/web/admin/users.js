// Administration › Users: accounts and their roles, new accounts, password resets, unlocking and
// removal (/api/platform/users). The API refuses what would lock out the last administrator.
const ROLES = ['ADMINISTRATOR', 'DIRECTOR', 'SPECIALIST', 'ASSISTANT', 'CONSULTANT'];

export default async function render(container, { api, ui }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const roleOptions = ROLES.map((role) => ({ value: role, label: ui.t(`role.${role}`) }));
  const editor = h('div');

  const list = ui.pagedTable({
    columns: [
      { key: 'username', label: tr('username'), sortable: true },
      { key: 'displayName', label: tr('displayName'), sortable: true },
      { key: 'roles', label: tr('roles'), render: (row) => (row.roles || []).map((role) => ui.t(`role.${role}`)).join(', ') },
      { key: 'accessEndDate', label: tr('accessEndDate'), sortable: true },
      {
        key: 'state', label: tr('state'), render: (row) => (row.locked ? ui.badge(tr('locked'), 'error')
          : row.mustChangePassword ? ui.badge(tr('mustChange'), 'warn') : ui.badge(tr('active'), 'ok')),
      },
      {
        key: 'actions', label: tr('actions'), render: (row) => h('span', { class: 'actions' },
          h('button', { type: 'button', onclick: () => edit(row) }, tr('edit')),
          row.locked ? h('button', { type: 'button', onclick: () => unlock(row) }, tr('unlock')) : null,
          h('button', { type: 'button', onclick: () => reset(row) }, tr('reset')),
          h('button', { type: 'button', class: 'danger', onclick: () => remove(row) }, tr('remove'))),
      },
    ],
    load: ({ page, size, sort }) => api('GET', `/platform/users${ui.query({ page, size, sort })}`),
    sort: 'username,asc',
  });

  function showCreate() {
    replace(editor, h('section', { class: 'card' }, h('h2', {}, tr('create')), ui.form({
      fields: [
        { name: 'username', label: tr('username'), required: true, autocomplete: 'off' },
        { name: 'displayName', label: tr('displayName') },
        { name: 'roles', label: tr('roles'), type: 'checkboxes', options: roleOptions },
        { name: 'accessEndDate', label: tr('accessEndDate'), type: 'date', help: tr('accessEndHelp') },
        { name: 'password', label: tr('password'), type: 'password', required: true, autocomplete: 'new-password', help: tr('passwordHelp') },
      ],
      submitLabel: tr('create'),
      cancel: () => replace(editor),
      onSubmit: async (values) => {
        const created = await api('POST', '/platform/users', { ...values, accessEndDate: values.accessEndDate || null });
        ui.notify(tr('created', { user: created.username }), 'success');
        replace(editor);
        list.reload();
      },
    })));
    editor.querySelector('input')?.focus();
  }

  function edit(row) {
    replace(editor, h('section', { class: 'card' }, h('h2', {}, tr('editTitle', { user: row.username })), ui.form({
      fields: [
        { name: 'displayName', label: tr('displayName'), value: row.displayName || '' },
        { name: 'roles', label: tr('roles'), type: 'checkboxes', options: roleOptions, value: row.roles },
        { name: 'accessEndDate', label: tr('accessEndDate'), type: 'date', value: row.accessEndDate || '', help: tr('accessEndHelp') },
      ],
      cancel: () => replace(editor),
      onSubmit: async (values) => {
        await api('PUT', `/platform/users/${row.id}`, {
          username: row.username, displayName: values.displayName, roles: values.roles,
          accessEndDate: values.accessEndDate || null, version: row.version,
        });
        ui.notify(tr('saved', { user: row.username }), 'success');
        replace(editor);
        list.reload();
      },
    })));
    editor.querySelector('input')?.focus();
  }

  function reset(row) {
    replace(editor, h('section', { class: 'card' }, h('h2', {}, tr('resetTitle', { user: row.username })), ui.form({
      fields: [{ name: 'password', label: tr('newPassword'), type: 'password', required: true, autocomplete: 'new-password', help: tr('passwordHelp') }],
      submitLabel: tr('reset'),
      cancel: () => replace(editor),
      onSubmit: async (values) => {
        await api('POST', `/platform/users/${row.id}/password`, values);
        ui.notify(tr('resetDone', { user: row.username }), 'success');
        replace(editor);
        list.reload();
      },
    })));
    editor.querySelector('input')?.focus();
  }

  async function unlock(row) {
    try {
      await api('POST', `/platform/users/${row.id}/unlock`);
      ui.notify(tr('unlocked', { user: row.username }), 'success');
      list.reload();
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  }

  async function remove(row) {
    if (!await ui.confirm(tr('removeTitle', { user: row.username }), tr('removeBody'), tr('remove'), true)) return;
    try {
      await api('DELETE', `/platform/users/${row.id}`);
      ui.notify(tr('removed', { user: row.username }), 'success');
      list.reload();
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  }

  replace(container, h('h1', {}, tr('title')),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary', onclick: showCreate }, tr('create'))),
    editor, list.element);
}
