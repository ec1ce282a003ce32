// The language versions of a page or a news item, shared by both pages: a tab per working language
// and, for the chosen one, its title, summary and Markdown body with Save, Preview, Publish and
// Unpublish. The server keeps a working copy and the published copy of each version: Save writes the
// working copy, Publish copies it to the public, so a published text can be reworked without the
// public seeing the draft.

const STATUS_BADGE = { DRAFT: 'neutral', PUBLISHED: 'ok', CHANGED: 'warn' };

/** A language's name in the user's language ("French", "français"), or its code. */
export function languageName(code, language) {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : code;
  } catch (error) {
    return code;
  }
}

/** The website's permissions the user holds (GET /website/access), as a predicate. */
export async function websiteAccess(api) {
  const { permissions } = await api('GET', '/website/access');
  return (permission) => permissions.includes(permission);
}

/** The page's stylesheet (indentation of the tree, the preview's frame), added once; the CSP allows only files. */
export function useStylesheet(ui) {
  const href = new URL('website.css', import.meta.url).href;
  if (!document.querySelector(`link[data-website-css]`)) {
    document.head.append(ui.h('link', { rel: 'stylesheet', href, 'data-website-css': true }));
  }
}

/** The strings of this file (the statuses among them), for the pages that list texts. */
export function textStrings(ui) {
  return ui.pageTranslator(import.meta.url);
}

/** Status badges of each language version, for lists: "EN Published  FR Draft"; tr is textStrings'. */
export function statusBadges(ui, tr, texts) {
  if (!texts.length) return ui.h('span', { class: 'empty' }, tr('noText'));
  return ui.h('span', { class: 'text-statuses' }, texts.map((text) => ui.h('span', { class: 'text-status', 'data-language': text.language },
    ui.h('abbr', { title: languageName(text.language, ui.currentLanguage()) }, text.language.toUpperCase()), ' ',
    ui.badge(tr(text.status), STATUS_BADGE[text.status]))));
}

/** The title to show for a page or news item: in the user's language if written, else the first written. */
export function titleOf(texts, language) {
  return (texts.find((text) => text.language === language) || texts[0])?.title ?? null;
}

/**
 * The language versions section.
 *  owner.base     the REST path of the page or news item ('/website/pages/12')
 *  owner.texts    its TextViews
 *  owner.siteHref (lang) => the public address of the text in that language
 *  owner.tabHref  (lang) => the staff address of that language's tab
 *  chosen         the language whose tab is open
 *  may            (permission) => boolean, from websiteAccess
 *  redraw         (options) => redraws the whole page ({unsaved} carries a text the server refused)
 *  unsaved        the values of a save refused because someone changed the text meanwhile
 */
export async function languageVersions(context, { owner, chosen, may, redraw, unsaved }) {
  const { api, ui, profile, language } = context;
  const { h } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const languages = profile.workingLanguages?.length ? profile.workingLanguages : ['en'];
  const current = languages.includes(chosen) ? chosen : languages[0];
  const text = owner.texts.find((candidate) => candidate.language === current) || null;
  const textPath = `${owner.base}/texts/${encodeURIComponent(current)}`;

  const tabs = h('nav', { class: 'tabs language-tabs', 'aria-label': tr('languages') }, languages.map((code) => {
    const version = owner.texts.find((candidate) => candidate.language === code);
    return h('a', {
      href: owner.tabHref(code),
      class: code === current ? 'tab active' : 'tab',
      'aria-current': code === current ? 'page' : null,
      'data-language': code,
      lang: code,
    }, languageName(code, code), h('span', { class: 'visually-hidden' }, ` (${version ? tr(version.status) : tr('notWritten')})`));
  }));

  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const fail = (error) => {
    problem.textContent = error.message;
    problem.hidden = false;
  };
  const act = (path, done) => async (event) => {
    event.target.disabled = true;
    problem.hidden = true;
    try {
      await api('POST', `${textPath}/${path}`);
      ui.notify(tr(done), 'success');
      await redraw({});
    } catch (error) {
      fail(error);
      event.target.disabled = false;
    }
  };

  const previewArea = h('section', { class: 'text-preview', 'aria-live': 'polite', hidden: true });
  const showPreview = async (event) => {
    event.target.disabled = true;
    problem.hidden = true;
    try {
      const rendered = await api('GET', `${textPath}/preview`);
      const headingId = ui.uniqueId('preview-title');
      // The body is HTML the server sanitised with the public site's own policy; sanitizedHtml rebuilds it over an allowlist.
      ui.replace(previewArea,
        h('h2', { id: headingId }, tr('previewHeading')),
        h('p', { class: 'field-help' }, tr('previewExplain')),
        h('article', { class: 'preview-frame', 'aria-labelledby': headingId, lang: rendered.language },
          h('p', { class: 'preview-title' }, rendered.title),
          rendered.summary ? h('p', { class: 'preview-summary' }, rendered.summary) : null,
          h('div', { class: 'preview-body' }, ui.sanitizedHtml(rendered.html))));
      previewArea.hidden = false;
      previewArea.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      fail(error);
    } finally {
      event.target.disabled = false;
    }
  };

  const status = text
    ? h('p', { class: 'text-state' }, ui.badge(tr(text.status), STATUS_BADGE[text.status]), ' ',
      text.publishedAt ? tr('publishedBy', { user: text.publishedBy, at: ui.formatDateTime(text.publishedAt) }) : tr('neverPublished'), ' · ',
      tr('updatedBy', { user: text.updatedBy, at: ui.formatDateTime(text.updatedAt) }))
    : h('p', { class: 'text-state' }, tr('notWrittenYet', { language: languageName(current, language) }));

  let editor = null;
  if (may('website.content.write')) {
    // After a refused save the editor holds the text as saved now (saving again must not overwrite it
    // unseen); what the user typed is shown beside it.
    const initial = text || {};
    editor = ui.form({
      fields: [
        { name: 'title', label: tr('title'), required: true, maxlength: 300, value: initial.title ?? '' },
        { name: 'summary', label: tr('summary'), type: 'textarea', rows: 2, maxlength: 500, value: initial.summary ?? '', help: tr('summaryHelp') },
        { name: 'body', label: tr('body'), type: 'textarea', rows: 14, maxlength: 32000, value: initial.body ?? '', help: tr('bodyHelp') },
      ],
      submitLabel: tr('save'),
      onSubmit: async (values) => {
        const body = { title: values.title, summary: values.summary || null, body: values.body || null, version: text ? text.version : null };
        try {
          await api('PUT', textPath, body);
        } catch (error) {
          // Someone saved this version since it was opened (or wrote it first): nothing is overwritten.
          // The page is reloaded with their text, and what this user typed is kept aside to copy from.
          if (error.status === 409 || (error.status === 400 && error.field === 'version')) {
            ui.notify(tr('changedMeanwhile'), 'error');
            await redraw({ unsaved: values });
            return;
          }
          throw error;
        }
        ui.notify(tr('saved'), 'success');
        await redraw({});
      },
    });
    editor.classList.add('text-editor');
    editor.setAttribute('lang', current);
  }

  const mayPublish = may('website.content.publish');
  const actions = h('div', { class: 'toolbar text-actions' },
    text ? h('button', { type: 'button', class: 'preview', onclick: showPreview }, tr('preview')) : null,
    text && mayPublish && text.status !== 'PUBLISHED'
      ? h('button', { type: 'button', class: 'primary publish', onclick: act('publish', 'publishedDone') }, tr('publish')) : null,
    text && mayPublish && text.status !== 'DRAFT'
      ? h('button', { type: 'button', class: 'unpublish', onclick: act('unpublish', 'unpublishedDone') }, tr('unpublish')) : null,
    text && text.status !== 'DRAFT'
      ? h('a', { class: 'view-on-site', href: owner.siteHref(current), target: '_blank', rel: 'noopener' }, tr('viewOnSite')) : null,
    text && may('website.content.write')
      ? h('button', { type: 'button', class: 'danger delete-text', onclick: async (event) => {
        if (!await ui.confirm(tr('deleteTextTitle'), tr('deleteTextExplain', { language: languageName(current, language) }), tr('deleteText'), true)) return;
        event.target.disabled = true;
        try {
          await api('DELETE', textPath);
          ui.notify(tr('textDeleted'), 'success');
          await redraw({});
        } catch (error) {
          fail(error);
          event.target.disabled = false;
        }
      } }, tr('deleteText')) : null);

  const notes = [];
  if (text && !mayPublish) notes.push(h('p', { class: 'field-help no-publish' }, tr('publishNotYours')));
  if (text) notes.push(h('p', { class: 'field-help' }, tr('previewSaved')));
  if (unsaved) {
    // What the refused save held, read-only, so the user can copy it into the current text.
    notes.unshift(h('details', { class: 'card unsaved', open: true }, h('summary', {}, tr('unsavedTitle')),
      h('p', {}, tr('unsavedExplain')),
      h('div', { class: 'field' }, h('label', { for: 'unsaved-body' }, tr('body')),
        h('textarea', { id: 'unsaved-body', readonly: true, rows: 8, value: unsaved.body ?? '' }))));
  }

  return h('section', { class: 'language-versions', 'data-language': current },
    h('h2', {}, tr('languageVersions')),
    tabs,
    h('div', { class: 'language-panel' }, status, notes, editor, problem, actions, previewArea));
}
