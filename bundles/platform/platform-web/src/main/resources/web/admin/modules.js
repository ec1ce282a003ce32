// Administration › Modules: installed and available modules; install, upgrade, rollback and
// uninstall with a dry-run preview first and progress while the operation runs. Same REST as the
// Gogo module:* commands (/api/platform/modules).

export default async function render(container, { api, ui }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const status = h('div', { class: 'operation-status' });
  const installedArea = h('div');
  const availableArea = h('div');
  const repositoriesArea = h('div');
  let busy = false;

  replace(container,
    h('h1', {}, tr('title')),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', onclick: () => load() }, ui.t('action.refresh'))),
    status,
    h('h2', {}, tr('installed')), installedArea,
    h('h2', {}, tr('available')), availableArea,
    h('h2', {}, tr('repositories')), repositoriesArea);

  const path = (operation, id, version, dryRun) => {
    const query = ui.query({ version, dryRun });
    return operation === 'uninstall'
      ? `/platform/modules/${encodeURIComponent(id)}${query}`
      : `/platform/modules/${encodeURIComponent(id)}/${operation}${query}`;
  };
  const method = (operation) => (operation === 'uninstall' ? 'DELETE' : 'POST');

  function planList(label, items) {
    return h('div', {}, h('h3', {}, label),
      items && items.length ? h('ul', { class: 'plan' }, items.map((item) => h('li', {}, item))) : h('p', { class: 'empty' }, tr('planNothing')));
  }

  async function operate(operation, id, version) {
    if (busy) return;
    const names = { operation: tr(operation), module: id };
    let plan;
    try {
      plan = await api(method(operation), path(operation, id, version, 'true'));
    } catch (error) {
      replace(status, h('p', { class: 'form-error', role: 'alert' }, tr('previewFailed', { ...names, reason: error.message })));
      return;
    }
    const confirmed = await ui.confirm(tr('planTitle', names), h('div', { class: 'plan-preview' },
      h('p', {}, tr('planFrom', { from: plan.from || '—', to: plan.to || '—' })),
      planList(tr('planSteps'), plan.steps),
      planList(tr('planRefresh'), plan.refresh),
      planList(tr('planMigrations'), plan.migrations),
      planList(tr('planConfigurations'), plan.configurations)), tr('apply'), operation === 'uninstall');
    if (!confirmed) return;

    busy = true;
    setButtonsDisabled(true);
    const indicator = ui.progress(tr('running', names));
    replace(status, indicator);
    let finished = false;
    const poll = async () => {
      while (!finished) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (finished) break;
        try {
          const current = await api('GET', '/platform/modules/operation');
          if (!finished && current.phase) indicator.update(tr('phase', { ...names, phase: current.phase }));
        } catch (error) {
          // Progress is a courtesy; the operation's own answer says how it ended.
        }
      }
    };
    poll();
    try {
      const result = await api(method(operation), path(operation, id, version, 'false'));
      finished = true;
      replace(status, h('p', { class: 'operation-done', role: 'status' }, tr('done', { ...names, message: result.message || '' })));
      ui.notify(tr('done', { ...names, message: '' }), 'success');
    } catch (error) {
      finished = true;
      replace(status, h('p', { class: 'form-error', role: 'alert' }, tr('failed', { ...names, reason: error.message })));
    } finally {
      busy = false;
      await load();
    }
  }

  function setButtonsDisabled(disabled) {
    for (const button of container.querySelectorAll('table button, table select')) button.disabled = disabled;
  }

  function versionPicker(id, versions, action, label) {
    const selectId = ui.uniqueId('version');
    const select = h('select', { id: selectId }, versions.map((version) => h('option', { value: version }, version)));
    select.value = versions[versions.length - 1];
    return h('span', { class: 'actions' },
      h('label', { for: selectId, class: 'visually-hidden' }, tr('chooseVersion', { module: id })),
      select,
      h('button', { type: 'button', 'data-action': action, 'data-module': id, onclick: () => operate(action, id, select.value) }, label));
  }

  async function load() {
    let data;
    try {
      data = await api('GET', '/platform/modules');
    } catch (error) {
      replace(installedArea, h('p', { class: 'form-error', role: 'alert' }, error.message));
      return;
    }
    const availableById = new Map(data.available.map((module) => [module.id, module.versions]));
    const installedIds = new Set(data.installed.map((module) => module.id));
    replace(installedArea, ui.table([
      { key: 'id', label: tr('module') },
      { key: 'version', label: tr('version') },
      { key: 'previousVersion', label: tr('previous') },
      { key: 'state', label: tr('state'), render: (row) => ui.badge(tr(row.state), row.state === 'ACTIVE' ? 'ok' : 'error') },
      {
        key: 'actions', label: tr('actions'), render: (row) => {
          const others = (availableById.get(row.id) || []).filter((version) => version !== row.version);
          return h('span', { class: 'actions' },
            others.length ? versionPicker(row.id, others, 'upgrade', tr('upgrade')) : null,
            row.previousVersion ? h('button', { type: 'button', 'data-action': 'rollback', 'data-module': row.id, onclick: () => operate('rollback', row.id) }, tr('rollback')) : null,
            h('button', { type: 'button', class: 'danger', 'data-action': 'uninstall', 'data-module': row.id, onclick: () => operate('uninstall', row.id) }, tr('uninstall')));
        },
      },
    ], data.installed, { caption: tr('installed') }));
    replace(availableArea, ui.table([
      { key: 'id', label: tr('module') },
      { key: 'versions', label: tr('versions'), render: (row) => row.versions.join(', ') },
      {
        key: 'actions', label: tr('actions'), render: (row) => (installedIds.has(row.id)
          ? ui.badge(tr('installedAlready'), 'ok')
          : versionPicker(row.id, row.versions, 'install', tr('install'))),
      },
    ], data.available, { caption: tr('available') }));
    if (data.running && !busy) {
      replace(status, ui.progress(tr('busy', { operation: data.running })));
      setButtonsDisabled(true);
      setTimeout(() => { if (container.isConnected) load(); }, 1000);
    } else if (!busy && status.querySelector('.progress')) {
      replace(status);
    }
    setButtonsDisabled(busy);
  }

  const lines = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);

  /** Where modules come from: each repository with its last read, what it offers and its problems; the lists edited in place. */
  async function loadRepositories() {
    let data;
    try {
      data = await api('GET', '/platform/modules/repositories');
    } catch (error) {
      replace(repositoriesArea, h('p', { class: 'form-error', role: 'alert' }, error.message));
      return;
    }
    const editor = ui.form({
      fields: [
        { name: 'repositories', label: tr('repositoryFolders'), type: 'textarea', value: data.repositories.join('\n'), help: tr('repositoryFoldersHelp') },
        { name: 'mavenRepositories', label: tr('mavenRepositories'), type: 'textarea', value: data.mavenRepositories.join('\n'), help: tr('mavenRepositoriesHelp') },
        { name: 'mavenModules', label: tr('mavenModules'), type: 'textarea', value: data.mavenModules.join('\n'), help: tr('mavenModulesHelp') },
      ],
      submitLabel: tr('saveRepositories'),
      onSubmit: async (values) => {
        try {
          await api('PUT', '/platform/modules/repositories', {
            repositories: lines(values.repositories), mavenRepositories: lines(values.mavenRepositories), mavenModules: lines(values.mavenModules),
          });
        } catch (error) {
          // The API names the entry (repositories[2]); the form has one field per list.
          if (error.field) error.field = error.field.replace(/\[\d+\]$/, '');
          throw error;
        }
        ui.notify(tr('repositoriesSaved'), 'success');
        await loadRepositories();
        await load();
      },
    });
    replace(repositoriesArea,
      ui.table([
        { key: 'location', label: tr('location') },
        { key: 'kind', label: tr('kind'), render: (row) => tr(`kind.${row.kind}`) },
        { key: 'lastFetch', label: tr('lastFetch'), render: (row) => ui.formatDateTime(row.lastFetch) },
        { key: 'versions', label: tr('versionsOffered') },
        {
          key: 'problems', label: tr('problems'), render: (row) => (row.problems.length
            ? h('ul', { class: 'problems' }, row.problems.map((problem) => h('li', {}, problem)))
            : ui.badge(tr('noProblem'), 'ok')),
        },
      ], data.status, { caption: tr('repositories') }),
      data.file ? h('p', { class: 'field-help' }, tr('repositoriesFile', { file: data.file })) : null,
      editor);
  }

  await load();
  await loadRepositories();
}
