// Website theme: the installed theme bundles, the one the site wears, and a switch to another. The
// switch takes effect with the next request to the site; no request fails meanwhile.

export default async function render(container, { api, ui }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const body = h('div', {}, ui.progress(tr('loading')));
  replace(container, h('h1', {}, tr('title')), h('p', { class: 'field-help' }, tr('intro')), body);

  const label = (theme) => ui.localized(theme.labels) || theme.name;
  const load = async () => {
    const view = await api('GET', '/website/theme');
    const active = view.installed.find((theme) => theme.name === view.active);
    const choose = (theme) => async (event) => {
      event.target.disabled = true;
      try {
        await api('PUT', '/website/theme', { theme: theme.name });
        ui.notify(tr('switched', { theme: label(theme) }), 'success');
      } catch (error) {
        ui.notify(error.message, 'error');
      }
      await load();
      body.querySelector('.active-theme')?.focus();
    };
    replace(body,
      h('p', { class: 'active-theme', tabindex: '-1' }, tr('wears', { theme: active ? label(active) : view.active }), ' ',
        h('a', { href: '/', target: '_blank', rel: 'noopener', class: 'view-site' }, tr('viewSite'))),
      // The configured theme was uninstalled: the site wears another until it is back or another is chosen.
      view.chosen && view.chosen !== view.active
        ? h('p', { class: 'form-error chosen-missing', role: 'status' }, tr('chosenMissing', { chosen: view.chosen, active: active ? label(active) : view.active }))
        : null,
      ui.table([
        { key: 'label', label: tr('theme'), render: (theme) => label(theme) },
        { key: 'name', label: tr('name'), render: (theme) => h('code', {}, theme.name) },
        { key: 'state', label: tr('state'), render: (theme) => (theme.name === view.active ? ui.badge(tr('active'), 'ok') : '') },
        {
          key: 'action', label: tr('actions'), render: (theme) => (theme.name === view.active ? ''
            : h('button', { type: 'button', class: 'use-theme', 'data-theme': theme.name, 'aria-label': tr('useLabel', { theme: label(theme) }),
              onclick: choose(theme) }, tr('use'))),
        },
      ], view.installed, { caption: tr('installed'), empty: tr('noThemes') }));
  };
  await load().catch((error) => replace(body, h('p', { class: 'form-error', role: 'alert' }, error.message)));
}
