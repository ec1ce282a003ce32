// Administration › System health: the same report as GET /api/platform/health.

export default async function render(container, { api, ui }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  let health;
  try {
    health = await api('GET', '/platform/health');
  } catch (error) {
    // A 503 carries the same report; api() throws on it, so read the body directly.
    const response = await fetch('/api/platform/health', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    health = await response.json();
  }
  const backupStatus = h('div');
  const backupList = h('div');
  const ok = (state) => state === 'UP' || state === 'ACTIVE';
  const problems = (health.modules || []).flatMap((module) => (module.problems || []).map((problem) => `${module.id}: ${problem}`));
  if (health.database?.problem) problems.unshift(health.database.problem);
  replace(container,
    h('h1', {}, tr('title')),
    h('p', {}, tr('status'), ': ', ui.badge(tr(health.status), health.status === 'UP' ? 'ok' : 'error')),
    h('p', {}, tr('database'), ': ', ui.badge(tr(health.database?.status || 'DOWN'), health.database?.status === 'UP' ? 'ok' : 'error')),
    ui.table([
      { key: 'id', label: tr('module') },
      { key: 'version', label: tr('version') },
      { key: 'state', label: tr('state'), render: (row) => ui.badge(row.state, ok(row.state) ? 'ok' : 'error') },
    ], health.modules || []),
    h('h2', {}, tr('problems')),
    problems.length ? h('ul', {}, problems.map((problem) => h('li', {}, problem))) : h('p', { class: 'empty' }, tr('none')),
    h('h2', {}, tr('backups')),
    h('p', {}, tr('backupsHelp')),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary', 'data-action': 'backup', onclick: backUp }, tr('backUp'))),
    backupStatus,
    backupList);
  await listBackups();

  async function backUp(event) {
    event.target.disabled = true;
    replace(backupStatus, ui.progress(tr('backingUp')));
    try {
      const made = await api('POST', '/platform/backup');
      replace(backupStatus, h('p', { class: 'operation-done', role: 'status' },
        tr('backedUp', { file: made.file, size: made.size, seconds: (made.durationMillis / 1000).toFixed(1) })));
      await listBackups();
    } catch (error) {
      replace(backupStatus, h('p', { class: 'form-error', role: 'alert' }, error.message));
    } finally {
      event.target.disabled = false;
    }
  }

  async function listBackups() {
    try {
      const backups = await api('GET', '/platform/backup');
      replace(backupList, ui.table([
        { key: 'file', label: tr('backupFile') },
        { key: 'size', label: tr('backupSize') },
        { key: 'createdAt', label: tr('backupMade'), render: (row) => ui.formatDateTime(row.createdAt) },
      ], backups, { caption: tr('backups'), empty: tr('noBackups') }));
    } catch (error) {
      replace(backupList, h('p', { class: 'form-error', role: 'alert' }, error.message));
    }
  }
}
