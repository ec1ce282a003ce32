// Website pages: the tree of pages with each language version's status, a new page, its place in the
// menu (up and down), its address and parent, and its language versions (texts.js). What the user may
// do comes from /website/access; the server decides anyway.
import { languageVersions, statusBadges, textStrings, titleOf, useStylesheet, websiteAccess } from './texts.js';

export default async function render(container, context) {
  useStylesheet(context.ui);
  const [id, language] = context.params;
  if (id) await renderPage(container, context, Number(id), language, {});
  else await renderTree(container, context);
}

/** Depth in the tree, from the address: 'about/history' is 1 below the top. */
const depthOf = (page) => page.path.split('/').length - 1;

/** A page's name for lists: its title in the user's language, else another one, else its slug. */
const nameOf = (page, language) => titleOf(page.texts, language) ?? page.slug;

/** Options for a parent: the top level, then every page (by address), leaving out those listed. */
function parentOptions(tree, language, tr, excluded = () => false) {
  return [{ value: '', label: tr('topLevel') }, ...tree.filter((page) => !excluded(page))
    .map((page) => ({ value: String(page.id), label: `/${page.path} – ${nameOf(page, language)}` }))];
}

/** The body of a PUT that changes only what is given, the rest as read. */
const pageBody = (page, changes) => ({
  parent: page.parent, slug: page.slug, menuOrder: page.menuOrder, inMenu: page.inMenu, version: page.version, ...changes,
});

/**
 * Moves a page one place up (-1) or down (+1) among its siblings. One PUT of its menuOrder between the
 * two neighbours it ends up between; only when there is no whole number left between them are the
 * siblings renumbered 10, 20, ... (one PUT each).
 */
async function move(api, tree, page, step) {
  const siblings = tree.filter((candidate) => candidate.parent === page.parent);
  const index = siblings.findIndex((candidate) => candidate.id === page.id);
  const passed = siblings[index + step];
  if (!passed) return;
  const beyond = siblings[index + 2 * step];
  let order;
  if (!beyond) order = passed.menuOrder + 10 * step;
  else if (Math.abs(beyond.menuOrder - passed.menuOrder) >= 2) order = passed.menuOrder + Math.trunc((beyond.menuOrder - passed.menuOrder) / 2);
  if (order !== undefined) {
    await api('PUT', `/website/pages/${page.id}`, pageBody(page, { menuOrder: order }));
    return;
  }
  const wanted = siblings.filter((candidate) => candidate.id !== page.id);
  wanted.splice(index + step, 0, page);
  for (const [position, sibling] of wanted.entries()) {
    if (sibling.menuOrder !== (position + 1) * 10) {
      await api('PUT', `/website/pages/${sibling.id}`, pageBody(sibling, { menuOrder: (position + 1) * 10 }));
    }
  }
}

async function renderTree(container, context) {
  const { api, ui, language, navigate } = context;
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const statuses = await textStrings(ui);
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const editor = h('div');
  const list = h('div', {}, ui.progress(tr('loading')));
  let may;
  try {
    may = await websiteAccess(api);
  } catch (error) {
    replace(container, h('h1', {}, tr('title')), h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  const mayWrite = may('website.content.write');

  const load = async () => {
    const tree = await api('GET', '/website/pages');
    const reorder = (page, step) => async (event) => {
      event.target.disabled = true;
      problem.hidden = true;
      try {
        await move(api, tree, page, step);
        ui.notify(tr(step < 0 ? 'movedUp' : 'movedDown', { page: nameOf(page, language) }), 'success');
      } catch (error) {
        // Someone changed a page of this level meanwhile: show the order as it is now, then let the user try again.
        if (error.status === 409) {
          ui.notify(tr('orderChangedMeanwhile'), 'error');
        } else {
          problem.textContent = error.message;
          problem.hidden = false;
        }
      }
      await load();
      list.querySelector(`tr[data-page-id="${page.id}"] button.${step < 0 ? 'move-up' : 'move-down'}:not([disabled])`)?.focus();
    };
    const remove = (page) => async () => {
      if (!await ui.confirm(tr('deleteTitle'), tr('deleteExplain', { page: nameOf(page, language), path: `/${page.path}` }), tr('delete'), true)) return;
      problem.hidden = true;
      try {
        await api('DELETE', `/website/pages/${page.id}${ui.query({ version: page.version })}`);
        ui.notify(tr('deleted', { page: nameOf(page, language) }), 'success');
      } catch (error) {
        // e.g. the page has pages below it: the server says which and what to do.
        problem.textContent = error.message;
        problem.hidden = false;
      }
      await load();
    };
    const siblingsOf = (page) => tree.filter((candidate) => candidate.parent === page.parent);
    const columns = [
      {
        key: 'title', label: tr('page'), render: (page) => h('span', { class: `tree-entry depth-${Math.min(depthOf(page), 6)}` },
          h('a', { href: `#/website-pages/${page.id}`, class: 'page-link' }, nameOf(page, language)),
          h('span', { class: 'page-path' }, `/${page.path}`)),
      },
      { key: 'texts', label: tr('languages'), render: (page) => statusBadges(ui, statuses, page.texts) },
      { key: 'inMenu', label: tr('menu'), render: (page) => (page.inMenu ? tr('inMenuYes') : tr('inMenuNo')) },
    ];
    if (mayWrite) {
      columns.push({
        key: 'actions', label: tr('actions'), render: (page) => {
          const siblings = siblingsOf(page);
          const index = siblings.indexOf(page);
          const name = nameOf(page, language);
          return h('span', { class: 'actions' },
            h('button', { type: 'button', class: 'move-up', disabled: index === 0, 'aria-label': tr('moveUpLabel', { page: name }), onclick: reorder(page, -1) },
              h('span', { 'aria-hidden': 'true' }, '↑ '), tr('moveUp')),
            h('button', { type: 'button', class: 'move-down', disabled: index === siblings.length - 1, 'aria-label': tr('moveDownLabel', { page: name }),
              onclick: reorder(page, 1) }, h('span', { 'aria-hidden': 'true' }, '↓ '), tr('moveDown')),
            h('button', { type: 'button', class: 'danger delete-page', 'aria-label': tr('deleteLabel', { page: name }), onclick: remove(page) }, tr('delete')));
        },
      });
    }
    const table = ui.table(columns, tree, { caption: tr('treeCaption'), empty: tr('noPages') });
    if (table.tagName === 'TABLE') {
      [...table.tBodies[0].rows].forEach((row, index) => { row.dataset.pageId = tree[index].id; });
    }
    replace(list, table);
    return tree;
  };

  const showCreate = async () => {
    const tree = await api('GET', '/website/pages');
    const form = ui.form({
      fields: [
        { name: 'slug', label: tr('slug'), required: true, maxlength: 80, help: tr('slugHelp') },
        { name: 'parent', label: tr('parent'), type: 'select', options: parentOptions(tree, language, tr), value: '' },
        { name: 'inMenu', label: tr('menu'), type: 'checkboxes', options: [{ value: 'yes', label: tr('inMenu') }], value: ['yes'] },
      ],
      submitLabel: tr('create'),
      cancel: () => replace(editor),
      onSubmit: async (values) => {
        const created = await api('POST', '/website/pages', {
          slug: values.slug.trim(), parent: values.parent ? Number(values.parent) : null, inMenu: values.inMenu.includes('yes'),
        });
        ui.notify(tr('created', { path: `/${created.path}` }), 'success');
        navigate(`website-pages/${created.id}`);
      },
    });
    replace(editor, h('section', { class: 'card new-page-form' }, h('h2', {}, tr('newPage')), form));
    form.querySelector('input')?.focus();
  };

  replace(container, h('h1', {}, tr('title')),
    h('p', { class: 'field-help' }, tr('intro')),
    mayWrite ? h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary new-page', onclick: showCreate }, tr('newPage'))) : null,
    editor, problem, list);
  await load().catch((error) => replace(list, h('p', { class: 'form-error', role: 'alert' }, error.message)));
}

async function renderPage(container, context, id, chosen, { unsaved }) {
  const { api, ui, language, navigate } = context;
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const back = h('p', {}, h('a', { href: '#/website-pages' }, `← ${tr('back')}`));
  let tree;
  let may;
  try {
    [tree, may] = await Promise.all([api('GET', '/website/pages'), websiteAccess(api)]);
  } catch (error) {
    replace(container, back, h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  const page = tree.find((candidate) => candidate.id === id);
  if (!page) {
    replace(container, back, h('p', { class: 'form-error', role: 'alert' }, tr('notFound', { id })));
    return;
  }
  const redraw = (options) => renderPage(container, context, id, chosen, options);
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });

  let settings = null;
  if (may('website.content.write')) {
    const below = (candidate) => candidate.id === page.id || candidate.path.startsWith(`${page.path}/`);
    const form = ui.form({
      fields: [
        { name: 'slug', label: tr('slug'), required: true, maxlength: 80, value: page.slug, help: tr('slugHelp') },
        { name: 'parent', label: tr('parent'), type: 'select', options: parentOptions(tree, language, tr, below), value: page.parent === null ? '' : String(page.parent) },
        { name: 'inMenu', label: tr('menu'), type: 'checkboxes', options: [{ value: 'yes', label: tr('inMenu') }], value: page.inMenu ? ['yes'] : [] },
      ],
      submitLabel: tr('saveSettings'),
      onSubmit: async (values) => {
        const parent = values.parent ? Number(values.parent) : null;
        // A page moved below another parent goes to the end of its new siblings' menu.
        const newSiblings = tree.filter((candidate) => candidate.parent === parent && candidate.id !== page.id);
        const menuOrder = parent === page.parent ? page.menuOrder : Math.max(0, ...newSiblings.map((sibling) => sibling.menuOrder)) + 10;
        try {
          await api('PUT', `/website/pages/${page.id}`, pageBody(page, { slug: values.slug.trim(), parent, inMenu: values.inMenu.includes('yes'), menuOrder }));
        } catch (error) {
          // A 409 is either another page at that address (said beside the form) or someone saved this page
          // meanwhile: then what they saved is shown, and nothing of theirs is overwritten.
          if (error.status === 409) {
            const now = await api('GET', `/website/pages/${page.id}`).catch(() => null);
            if (!now || now.version !== page.version) {
              ui.notify(tr('changedMeanwhile'), 'error');
              await redraw({});
              return;
            }
          }
          throw error;
        }
        ui.notify(tr('settingsSaved'), 'success');
        await redraw({});
      },
    });
    settings = h('details', { class: 'card page-settings' }, h('summary', {}, tr('settings')), form);
  }

  const deleteButton = may('website.content.write')
    ? h('button', { type: 'button', class: 'danger delete-page', onclick: async (event) => {
      if (!await ui.confirm(tr('deleteTitle'), tr('deleteExplain', { page: nameOf(page, language), path: `/${page.path}` }), tr('delete'), true)) return;
      event.target.disabled = true;
      problem.hidden = true;
      try {
        await api('DELETE', `/website/pages/${page.id}${ui.query({ version: page.version })}`);
        ui.notify(tr('deleted', { page: nameOf(page, language) }), 'success');
        navigate('website-pages');
      } catch (error) {
        problem.textContent = error.message;
        problem.hidden = false;
        event.target.disabled = false;
      }
    } }, tr('deletePage'))
    : null;

  const versions = await languageVersions(context, {
    owner: {
      base: `/website/pages/${page.id}`,
      texts: page.texts,
      siteHref: (lang) => `/${lang}/${page.path}`,
      tabHref: (lang) => `#/website-pages/${page.id}/${lang}`,
    },
    chosen,
    may,
    redraw,
    unsaved,
  });
  const parent = tree.find((candidate) => candidate.id === page.parent);
  replace(container, back,
    h('h1', {}, nameOf(page, language)),
    h('p', { class: 'counts' }, tr('addressIs', { path: `/${page.path}` }), ' · ',
      parent ? tr('belowPage', { page: nameOf(parent, language) }) : tr('atTopLevel'), ' · ',
      page.inMenu ? tr('inMenuYes') : tr('inMenuNo')),
    settings,
    deleteButton ? h('div', { class: 'toolbar' }, deleteButton) : null,
    problem,
    versions);
}
