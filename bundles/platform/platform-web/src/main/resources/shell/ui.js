// The staff app's design system: one way to build DOM, call the API, translate, and show tables,
// forms, dialogs and notifications. Module pages import it from /app/shell/ui.js.
//
// Escaping rule: text is only ever inserted as text nodes or attribute values through h(); nothing
// here parses strings as HTML, so data from the API cannot become markup or script. The one exception,
// sanitizedHtml(), is for HTML the server already sanitised, and rebuilds it through h() over an allowlist.

// ---------------------------------------------------------------- DOM

// Same-site paths, http(s), mailto and fragments; not javascript:, data:, or //host (another site).
const SAFE_URL = /^(\/(?![\/\\])|\.\/|\.\.\/|https?:|mailto:|#)/i;

/** Creates an element; strings among the children become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'value') {
      element.value = value;
    } else if (name === 'checked') {
      element.checked = Boolean(value);
    } else if ((name === 'href' || name === 'src' || name === 'action') && !SAFE_URL.test(String(value))) {
      continue; // never a javascript: or data: URL from data
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children (nodes, strings, arrays of them) as nodes and text. */
export function append(element, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces an element's content. */
export function replace(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

// What sanitizedHtml() keeps: text formatting, links, lists, tables, headings, quotes, code, images.
const HTML_ELEMENTS = new Set(['p', 'br', 'hr', 'em', 'strong', 'b', 'i', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img', 'del', 'sup', 'sub']);
const HTML_ATTRIBUTES = { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'], ol: ['start'] };
// Elements whose content is not text a reader should see.
const HTML_DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title']);

/**
 * HTML that the server has sanitised (a Markdown preview, say) as DOM nodes, for a page to show as
 * formatted text. The server's sanitising is not taken on trust: the markup is parsed in an inert
 * document (DOMParser: no script runs, nothing loads) and copied through h() element by element,
 * keeping only the elements and attributes above (links and images through h()'s URL check); other
 * elements give their text, scripts and styles nothing. Never for anything the server did not sanitise.
 */
export function sanitizedHtml(markup) {
  const parsed = new DOMParser().parseFromString(String(markup ?? ''), 'text/html');
  const copy = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const tag = node.localName;
    if (HTML_DROPPED.has(tag)) return null;
    const children = [...node.childNodes].map(copy);
    if (!HTML_ELEMENTS.has(tag)) return children;
    const attributes = {};
    for (const name of HTML_ATTRIBUTES[tag] || []) {
      if (node.hasAttribute(name)) attributes[name] = node.getAttribute(name);
    }
    return h(tag, attributes, children);
  };
  return append(document.createDocumentFragment(), [...parsed.body.childNodes].map(copy));
}

let uniqueCounter = 0;
/** A document-unique id for label/field pairs. */
export function uniqueId(prefix = 'id') {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

// ---------------------------------------------------------------- translation

let language = 'en';
let messages = {};
let fallbackMessages = {};

/** Loads the shell's strings in a language (English is the fallback for missing keys). */
export async function loadLanguage(code) {
  const load = async (lang) => {
    const response = await fetch(`/app/shell/i18n/${encodeURIComponent(lang)}.json`, { credentials: 'same-origin' });
    return response.ok ? response.json() : {};
  };
  fallbackMessages = await load('en');
  messages = code === 'en' ? fallbackMessages : await load(code);
  language = code;
  document.documentElement.lang = code;
}

/** The current UI language (ISO 639-1). */
export function currentLanguage() {
  return language;
}

/** A shell string in the current language; {name} placeholders are filled from vars. */
export function t(key, vars = {}) {
  const text = messages[key] ?? fallbackMessages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

/**
 * A translator over strings a page carries inline: messages = { en: {...}, fr: {...} }; falls back
 * to English, then to the shell's strings. Pages of this platform keep their strings in message files
 * instead (see pageTranslator); this stays for modules written before.
 */
export function translator(pageMessages) {
  return (key, vars = {}) => {
    const text = pageMessages[language]?.[key] ?? pageMessages.en?.[key];
    if (text === undefined) return t(key, vars);
    return text.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
  };
}

const messageFiles = new Map();

/** A module's message file in a language ({} when it has none), fetched once per folder and language. */
function messageFile(folder, lang) {
  const url = new URL(`${encodeURIComponent(lang)}.json`, folder).href;
  if (!messageFiles.has(url)) {
    messageFiles.set(url, fetch(url, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({})));
  }
  return messageFiles.get(url);
}

/**
 * The translator of a page whose strings are in its module's message files: `i18n/<lang>.json`
 * beside the page's script, one object per page (`{"states": {"title": "States", ...}}`). Call it with
 * the page's `import.meta.url`. Falls back to English, then to the shell's strings.
 */
export async function pageTranslator(scriptUrl) {
  const script = new URL(scriptUrl);
  const page = script.pathname.slice(script.pathname.lastIndexOf('/') + 1).replace(/\.js$/, '');
  const folder = new URL('i18n/', script);
  const [own, english] = await Promise.all([messageFile(folder, language), messageFile(folder, 'en')]);
  return translator({ [language]: own[page] || {}, en: english[page] || {} });
}

/** The label of a navigation entry in the current language. */
export function localized(labels) {
  return labels?.[language] ?? labels?.en ?? '';
}

/** A date-time from the API (ISO-8601) shown in the user's locale. */
export function formatDateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString(language);
}

// ---------------------------------------------------------------- API

/** An error answer of the API: {status, error, field}. */
export class ApiError extends Error {
  constructor(status, message, field, body) {
    super(message);
    this.status = status;
    this.field = field || null;
    this.body = body || null;
  }
}

let csrfToken = null;

/** Remembers the session's CSRF token; every state-changing call carries it. */
export function setCsrfToken(token) {
  csrfToken = token || null;
}

/** The session's CSRF token, for a page that sends a request itself (e.g. an upload with progress). */
export function currentCsrfToken() {
  return csrfToken;
}

/**
 * Calls the REST API under /api. JSON bodies are sent as JSON, FormData as multipart, a Blob (a File)
 * as it is. Answers the parsed JSON (or null for 204); throws ApiError with the API's message and
 * field otherwise; the error's `body` holds the whole JSON answer (e.g. an import's report).
 */
export async function api(method, path, body, { signal } = {}) {
  const headers = { Accept: 'application/json' };
  let payload = body;
  if (body instanceof Blob) {
    headers['Content-Type'] = body.type || 'application/octet-stream'; // a file sent as it is (e.g. a CSV import)
  } else if (body !== undefined && body !== null && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body: payload ?? undefined, credentials: 'same-origin', signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, t('error.network'), null);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/platform/session')) {
      window.dispatchEvent(new CustomEvent('secretariat:unauthenticated'));
    }
    throw new ApiError(response.status, data?.error || `${response.status} ${response.statusText}`, data?.field, data);
  }
  return data;
}

/** Builds a query string from the defined, non-empty values. */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// ---------------------------------------------------------------- notifications and dialogs

/** Shows a short message in the notification area (announced to screen readers). */
export function notify(message, kind = 'info') {
  const area = document.getElementById('notifications');
  if (!area) return;
  const item = h('div', { class: `notification notification-${kind}`, role: kind === 'error' ? 'alert' : null },
    h('span', {}, message),
    h('button', { type: 'button', class: 'link', 'aria-label': t('action.dismiss'), onclick: () => item.remove() }, '×'));
  area.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 15000 : 6000);
}

/**
 * A modal dialog (native <dialog>: focus is trapped and Escape closes it). Answers a promise of
 * the value of the action chosen, or null when dismissed.
 */
export function dialog({ title, body, actions = [{ label: t('action.close'), value: null }] }) {
  return new Promise((resolve) => {
    const titleId = uniqueId('dialog-title');
    const element = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title),
      h('div', { class: 'dialog-body' }, body),
      h('div', { class: 'dialog-actions' }, actions.map((action) => h('button', {
        type: 'button',
        class: action.primary ? 'primary' : (action.danger ? 'danger' : ''),
        onclick: () => { element.close(); resolve(action.value); },
      }, action.label))));
    element.addEventListener('cancel', () => resolve(null));
    element.addEventListener('close', () => element.remove());
    document.body.append(element);
    element.showModal();
  });
}

/** A yes/no question; answers true when confirmed. */
export async function confirm(title, body, confirmLabel = t('action.confirm'), danger = false) {
  const value = await dialog({
    title,
    body,
    actions: [
      { label: t('action.cancel'), value: false },
      { label: confirmLabel, value: true, primary: !danger, danger },
    ],
  });
  return value === true;
}

// ---------------------------------------------------------------- forms

/**
 * A form with labelled fields. onSubmit(values) may throw an ApiError: its message is shown next to
 * the field the API names (or above the buttons when it names none), and the field gets focus.
 *
 * field: { name, label, type: text|password|email|date|datetime-local|number|textarea|select|checkboxes,
 *          required, options: [{value, label}], value, help, autocomplete, maxlength }
 */
export function form({ fields, submitLabel, onSubmit, cancel }) {
  const element = h('form', { class: 'form', novalidate: true });
  const controls = new Map();
  const errors = new Map();
  for (const field of fields) {
    const id = uniqueId(`field-${field.name}`);
    const errorId = `${id}-error`;
    const helpId = field.help ? `${id}-help` : null;
    let control;
    if (field.type === 'textarea') {
      control = h('textarea', { id, name: field.name, rows: field.rows || 4, maxlength: field.maxlength, required: field.required });
      control.value = field.value ?? '';
    } else if (field.type === 'select') {
      control = h('select', { id, name: field.name, required: field.required },
        field.options.map((option) => h('option', { value: option.value }, option.label)));
      if (field.value !== undefined) control.value = field.value;
    } else if (field.type === 'checkboxes') {
      const chosen = new Set(field.value || []);
      control = h('fieldset', { id, class: 'checkboxes' }, h('legend', {}, field.label),
        field.options.map((option) => {
          const boxId = uniqueId(`${field.name}-option`);
          return h('span', { class: 'checkbox' },
            h('input', { type: 'checkbox', id: boxId, name: field.name, value: option.value, checked: chosen.has(option.value) }),
            h('label', { for: boxId }, option.label));
        }));
    } else {
      control = h('input', {
        id, name: field.name, type: field.type || 'text', required: field.required,
        autocomplete: field.autocomplete, maxlength: field.maxlength, value: field.value ?? '',
      });
    }
    const describedBy = [helpId, errorId].filter(Boolean).join(' ');
    control.setAttribute('aria-describedby', describedBy);
    const error = h('p', { id: errorId, class: 'field-error', hidden: true });
    errors.set(field.name, error);
    controls.set(field.name, { field, control });
    element.append(h('div', { class: 'field' },
      field.type === 'checkboxes' ? null : h('label', { for: id }, field.label, field.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
      control,
      field.help ? h('p', { id: helpId, class: 'field-help' }, field.help) : null,
      error));
  }
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, submitLabel || t('action.save'));
  element.append(formError, h('div', { class: 'form-actions' }, submit,
    cancel ? h('button', { type: 'button', onclick: cancel }, t('action.cancel')) : null));

  const clearErrors = () => {
    formError.hidden = true;
    for (const [name, error] of errors) {
      error.hidden = true;
      error.textContent = '';
      controls.get(name).control.removeAttribute('aria-invalid');
    }
  };
  const values = () => {
    const result = {};
    for (const [name, { field, control }] of controls) {
      if (field.type === 'checkboxes') {
        result[name] = [...control.querySelectorAll('input:checked')].map((box) => box.value);
      } else {
        result[name] = control.value;
      }
    }
    return result;
  };
  element.showError = (fieldName, message) => {
    const target = fieldName && errors.get(fieldName);
    if (target) {
      target.textContent = message;
      target.hidden = false;
      const { control } = controls.get(fieldName);
      control.setAttribute('aria-invalid', 'true');
      (control.querySelector?.('input') || control).focus();
    } else {
      formError.textContent = message;
      formError.hidden = false;
    }
  };
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    for (const [name, { field, control }] of controls) {
      if (field.required && field.type !== 'checkboxes' && !control.value.trim()) {
        element.showError(name, t('validation.required', { field: field.label }));
        return;
      }
    }
    submit.disabled = true;
    try {
      await onSubmit(values(), element);
    } catch (error) {
      if (error instanceof ApiError) {
        element.showError(error.field, error.message);
      } else {
        element.showError(null, String(error?.message || error));
      }
    } finally {
      submit.disabled = false;
    }
  });
  return element;
}

// ---------------------------------------------------------------- tables

/** A plain table of rows. column: { key, label, render?: (row) => node|string } */
export function table(columns, rows, { caption, empty } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty || t('table.empty'));
  return h('table', { class: 'table' },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column.label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((column) => h('td', { 'data-label': column.label },
      column.render ? column.render(row) : (row[column.key] ?? '')))))));
}

/**
 * A paged, sortable table over an API list ({items, total, page, size}). load({page, size, sort})
 * answers such a page; sortable columns toggle ascending/descending. Answers { element, reload }.
 */
export function pagedTable({ columns, load, size = 20, sort, caption, empty }) {
  const state = { page: 0, size, sort: sort || null };
  const element = h('div', { class: 'paged-table' });
  const status = h('p', { class: 'table-status', 'aria-live': 'polite' });

  async function reload() {
    let page;
    try {
      page = await load({ page: state.page, size: state.size, sort: state.sort });
    } catch (error) {
      replace(element, h('p', { class: 'form-error', role: 'alert' }, error.message));
      return;
    }
    const [sortKey, direction] = (state.sort || '').split(',');
    const header = columns.map((column) => {
      if (!column.sortable) return h('th', { scope: 'col' }, column.label);
      const current = sortKey === column.key;
      const ariaSort = current ? (direction === 'desc' ? 'descending' : 'ascending') : 'none';
      return h('th', { scope: 'col', 'aria-sort': ariaSort },
        h('button', {
          type: 'button', class: 'sort',
          onclick: () => {
            state.sort = `${column.key},${current && direction !== 'desc' ? 'desc' : 'asc'}`;
            state.page = 0;
            reload();
          },
        }, column.label, h('span', { 'aria-hidden': 'true' }, current ? (direction === 'desc' ? ' ▼' : ' ▲') : ' ↕')));
    });
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    status.textContent = t('table.status', { page: page.page + 1, pages, total: page.total });
    const body = page.items.length
      ? h('table', { class: 'table' },
        caption ? h('caption', {}, caption) : null,
        h('thead', {}, h('tr', {}, header)),
        h('tbody', {}, page.items.map((row) => h('tr', {}, columns.map((column) => h('td', { 'data-label': column.label },
          column.render ? column.render(row) : (row[column.key] ?? '')))))))
      : h('p', { class: 'empty' }, empty || t('table.empty'));
    replace(element, body, h('nav', { class: 'pager', 'aria-label': t('table.pages') },
      h('button', { type: 'button', disabled: page.page === 0, onclick: () => { state.page -= 1; reload(); } }, t('table.previous')),
      status,
      h('button', { type: 'button', disabled: page.page + 1 >= pages, onclick: () => { state.page += 1; reload(); } }, t('table.next'))));
  }

  reload();
  return { element, reload, state };
}

/** An indeterminate progress indicator with a label that can change while work runs. */
export function progress(label) {
  const text = h('span', {}, label);
  const element = h('div', { class: 'progress', role: 'status', 'aria-live': 'polite' },
    h('progress', { 'aria-label': label }), text);
  element.update = (next) => { text.textContent = next; };
  return element;
}

/** A status badge (ok, warn, error, neutral). */
export function badge(text, kind = 'neutral') {
  return h('span', { class: `badge badge-${kind}` }, text);
}

// ---------------------------------------------------------------- charts

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/**
 * A bar chart drawn as SVG (no library, nothing inline that the CSP forbids): points are
 * `{label, value}`; `title` names it for screen readers, which also get the figures as a table
 * (headed `categoryLabel` and `valueLabel`).
 * Labels on the axis are thinned out when there are many bars.
 */
export function barChart({ points, title, categoryLabel, valueLabel }) {
  const width = 480;
  const height = 200;
  const bottom = 24;
  const top = 8;
  const max = Math.max(1, ...points.map((point) => point.value));
  // Room for the axis label of the largest value (about 7 units a digit at the 11px font), so 100000 is not cut.
  const left = Math.max(36, 8 + 7 * String(max).length);
  const slot = (width - left) / Math.max(1, points.length);
  const every = Math.ceil(points.length / 8);
  const scale = (value) => ((height - bottom - top) * value) / max;
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title },
    svg('title', {}, title),
    svg('line', { class: 'axis', x1: left, y1: height - bottom, x2: width, y2: height - bottom }),
    svg('text', { x: left - 4, y: top + 10, 'text-anchor': 'end' }, String(max)),
    svg('text', { x: left - 4, y: height - bottom, 'text-anchor': 'end' }, '0'),
    points.map((point, index) => {
      const barHeight = scale(point.value);
      const x = left + index * slot;
      const barWidth = Math.min(slot * 0.7, 40);
      return svg('g', {},
        svg('rect', { class: 'bar', x: x + (slot - barWidth) / 2, y: height - bottom - barHeight, width: barWidth, height: barHeight },
          svg('title', {}, `${point.label}: ${point.value}`)),
        index % every === 0 ? svg('text', { x: x + slot / 2, y: height - 8, 'text-anchor': 'middle' }, point.label) : null);
    }));
  const figures = table([{ key: 'label', label: categoryLabel || title }, { key: 'value', label: valueLabel || title }], points, { caption: title });
  figures.classList.add('visually-hidden');
  return h('figure', { class: 'chart-figure' }, chart, figures);
}
