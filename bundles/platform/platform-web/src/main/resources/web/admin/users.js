// Administration › Users: accounts and their roles, new accounts, password resets, unlocking and
// removal (/api/platform/users). The API refuses what would lock out the last administrator.
const ROLES = ['ADMINISTRATOR', 'DIRECTOR', 'SPECIALIST', 'ASSISTANT', 'CONSULTANT'];
const messages = {
  en: {
    title: 'Users', create: 'New user', username: 'User name', displayName: 'Full name', roles: 'Roles',
    password: 'Initial password', passwordHelp: 'At least 12 characters; the user must change it at first login.',
    accessEndDate: 'Access ends on', accessEndHelp: 'Required for consultants.', state: 'State', actions: 'Actions',
    locked: 'locked', mustChange: 'must change password', active: 'active',
    edit: 'Edit', unlock: 'Unlock', reset: 'Reset password', remove: 'Remove', created: 'User {user} created.',
    saved: 'User {user} saved.', unlocked: 'User {user} unlocked.', resetDone: 'Password of {user} reset; they must change it at next login.',
    removeTitle: 'Remove {user}?', removeBody: 'The account is deleted; its audit trail stays.', removed: 'User {user} removed.',
    editTitle: 'Edit {user}', resetTitle: 'New one-time password for {user}', newPassword: 'One-time password',
  },
  fr: {
    title: 'Utilisateurs', create: 'Nouvel utilisateur', username: 'Nom d\'utilisateur', displayName: 'Nom complet', roles: 'Rôles',
    password: 'Mot de passe initial', passwordHelp: 'Au moins 12 caractères ; l\'utilisateur devra le changer à la première connexion.',
    accessEndDate: 'Fin d\'accès le', accessEndHelp: 'Obligatoire pour les consultants.', state: 'État', actions: 'Actions',
    locked: 'verrouillé', mustChange: 'doit changer son mot de passe', active: 'actif',
    edit: 'Modifier', unlock: 'Déverrouiller', reset: 'Réinitialiser le mot de passe', remove: 'Supprimer', created: 'Utilisateur {user} créé.',
    saved: 'Utilisateur {user} enregistré.', unlocked: 'Utilisateur {user} déverrouillé.', resetDone: 'Mot de passe de {user} réinitialisé ; à changer à la prochaine connexion.',
    removeTitle: 'Supprimer {user} ?', removeBody: 'Le compte est supprimé ; sa trace d\'audit reste.', removed: 'Utilisateur {user} supprimé.',
    editTitle: 'Modifier {user}', resetTitle: 'Nouveau mot de passe à usage unique pour {user}', newPassword: 'Mot de passe à usage unique',
  },
};

export default async function render(container, { api, ui }) {
  const { h, replace } = ui;
  const tr = ui.translator(messages);
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
