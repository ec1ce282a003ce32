// News: the items newest first (paged), a new item with its date, and each item's date and language
// versions (texts.js) with preview, publish and unpublish.
import { languageVersions, statusBadges, textStrings, titleOf, useStylesheet, websiteAccess } from './texts.js';

export default async function render(container, context) {
  useStylesheet(context.ui);
  const [id, language] = context.params;
  if (id) await renderItem(container, context, Number(id), language, {});
  else await renderList(container, context);
}

/** Today in the user's time zone, as the API's dates are written (YYYY-MM-DD). */
function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** A news item's date in the user's language. */
function formatDate(iso, language) {
  const date = new Date(`${iso}T00:00:00`);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(language, { year: 'numeric', month: 'long', day: 'numeric' });
}

async function renderList(container, context) {
  const { api, ui, language, navigate } = context;
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const statuses = await textStrings(ui);
  let may;
  try {
    may = await websiteAccess(api);
  } catch (error) {
    replace(container, h('h1', {}, tr('title')), h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  const mayWrite = may('website.content.write');
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const editor = h('div');
  const columns = [
    { key: 'date', label: tr('date'), render: (item) => h('a', { href: `#/website-news/${item.id}`, class: 'news-link' }, formatDate(item.date, language)) },
    { key: 'title', label: tr('headline'), render: (item) => titleOf(item.texts, language) ?? h('span', { class: 'empty' }, tr('untitled')) },
    { key: 'texts', label: tr('languages'), render: (item) => statusBadges(ui, statuses, item.texts) },
  ];
  let list;
  if (mayWrite) {
    columns.push({
      key: 'actions', label: tr('actions'), render: (item) => h('button', {
        type: 'button', class: 'danger delete-news', 'aria-label': tr('deleteLabel', { date: formatDate(item.date, language) }),
        onclick: async () => {
          if (!await ui.confirm(tr('deleteTitle'), tr('deleteExplain', { date: formatDate(item.date, language) }), tr('delete'), true)) return;
          problem.hidden = true;
          try {
            await api('DELETE', `/website/news/${item.id}${ui.query({ version: item.version })}`);
            ui.notify(tr('deleted'), 'success');
          } catch (error) {
            problem.textContent = error.message;
            problem.hidden = false;
          }
          list.reload();
        },
      }, tr('delete')),
    });
  }
  list = ui.pagedTable({
    columns,
    caption: tr('listCaption'),
    empty: tr('noNews'),
    load: ({ page, size }) => api('GET', `/website/news${ui.query({ page, size })}`),
  });
  const showCreate = () => {
    const form = ui.form({
      fields: [{ name: 'date', label: tr('date'), type: 'date', required: true, value: today(), help: tr('dateHelp') }],
      submitLabel: tr('create'),
      cancel: () => replace(editor),
      onSubmit: async (values) => {
        const created = await api('POST', '/website/news', { date: values.date });
        ui.notify(tr('created'), 'success');
        navigate(`website-news/${created.id}`);
      },
    });
    replace(editor, h('section', { class: 'card new-news-form' }, h('h2', {}, tr('newItem')), form));
    form.querySelector('input')?.focus();
  };
  replace(container, h('h1', {}, tr('title')),
    mayWrite ? h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary new-news', onclick: showCreate }, tr('newItem'))) : null,
    editor, problem, list.element);
}

async function renderItem(container, context, id, chosen, { unsaved }) {
  const { api, ui, language, navigate } = context;
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const back = h('p', {}, h('a', { href: '#/website-news' }, `← ${tr('back')}`));
  let item;
  let may;
  try {
    [item, may] = await Promise.all([api('GET', `/website/news/${id}`), websiteAccess(api)]);
  } catch (error) {
    replace(container, back, h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  const redraw = (options) => renderItem(container, context, id, chosen, options);
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const mayWrite = may('website.content.write');

  const dateForm = mayWrite ? ui.form({
    fields: [{ name: 'date', label: tr('date'), type: 'date', required: true, value: item.date }],
    submitLabel: tr('saveDate'),
    onSubmit: async (values) => {
      try {
        await api('PUT', `/website/news/${item.id}`, { date: values.date, version: item.version });
      } catch (error) {
        // Someone changed the item meanwhile: show it as it is now.
        if (error.status === 409) {
          ui.notify(tr('changedMeanwhile'), 'error');
          await redraw({});
          return;
        }
        throw error;
      }
      ui.notify(tr('dateSaved'), 'success');
      await redraw({});
    },
  }) : null;

  const deleteButton = mayWrite
    ? h('button', { type: 'button', class: 'danger delete-news', onclick: async (event) => {
      if (!await ui.confirm(tr('deleteTitle'), tr('deleteExplain', { date: formatDate(item.date, language) }), tr('delete'), true)) return;
      event.target.disabled = true;
      problem.hidden = true;
      try {
        await api('DELETE', `/website/news/${item.id}${ui.query({ version: item.version })}`);
        ui.notify(tr('deleted'), 'success');
        navigate('website-news');
      } catch (error) {
        problem.textContent = error.message;
        problem.hidden = false;
        event.target.disabled = false;
      }
    } }, tr('deleteItem'))
    : null;

  const versions = await languageVersions(context, {
    owner: {
      base: `/website/news/${item.id}`,
      texts: item.texts,
      siteHref: (lang) => `/${lang}/news/${item.id}`,
      tabHref: (lang) => `#/website-news/${item.id}/${lang}`,
    },
    chosen,
    may,
    redraw,
    unsaved,
  });
  replace(container, back,
    h('h1', {}, titleOf(item.texts, language) ?? tr('itemOf', { date: formatDate(item.date, language) })),
    h('p', { class: 'counts' }, tr('datedIs', { date: formatDate(item.date, language) })),
    dateForm ? h('details', { class: 'card news-date' }, h('summary', {}, tr('changeDate')), dateForm) : null,
    deleteButton ? h('div', { class: 'toolbar' }, deleteButton) : null,
    problem,
    versions);
}
