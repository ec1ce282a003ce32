// The staff app's shell: login (with the first-login password change), the header with the user,
// the language switch and logout, and the navigation built from what installed modules contribute
// (GET /api/platform/web/navigation). Pages are ES modules loaded on demand; each exports
// `default async function render(container, context)`.
import * as ui from './ui.js';

const { h, api, t, replace } = ui;
const LANGUAGE_KEY = 'secretariat.language';
const root = document.getElementById('app');

let profile = { acronym: '', name: 'Secretariat', workingLanguages: ['en'] };
let user = null;
let pages = [];
let cards = [];
let renderToken = 0;

function chooseLanguage() {
  const offered = profile.workingLanguages?.length ? profile.workingLanguages : ['en'];
  const stored = localStorage.getItem(LANGUAGE_KEY);
  if (stored && offered.includes(stored)) return stored;
  const browser = (navigator.language || 'en').slice(0, 2);
  return offered.includes(browser) ? browser : offered[0];
}

async function boot() {
  try {
    profile = await api('GET', '/platform/profile');
  } catch (error) {
    // The profile is optional for the shell; English and a neutral title will do.
  }
  await ui.loadLanguage(chooseLanguage());
  window.addEventListener('secretariat:unauthenticated', () => {
    if (user) {
      user = null;
      ui.setCsrfToken(null);
      showLogin(t('login.expired'));
    }
  });
  window.addEventListener('hashchange', () => { if (user) renderPage(); });
  await start();
}

async function start() {
  try {
    const session = await api('GET', '/platform/session');
    user = session;
    ui.setCsrfToken(session.csrfToken);
  } catch (error) {
    user = null;
    showLogin(error.status === 401 ? null : error.message);
    return;
  }
  if (user.mustChangePassword) {
    showPasswordChange();
    return;
  }
  await showApp();
}

function title() {
  return profile.acronym ? `${profile.acronym} Secretariat` : 'Secretariat';
}

function languageSwitch() {
  const offered = profile.workingLanguages?.length ? profile.workingLanguages : ['en'];
  if (offered.length < 2) return null;
  const id = ui.uniqueId('language');
  const select = h('select', {
    id,
    onchange: async () => {
      localStorage.setItem(LANGUAGE_KEY, select.value);
      await ui.loadLanguage(select.value);
      if (user && !user.mustChangePassword) await showApp(); else await start();
    },
  }, offered.map((code) => h('option', { value: code }, t(`language.${code}`))));
  select.value = ui.currentLanguage();
  return h('span', { class: 'language' }, h('label', { for: id }, t('shell.language')), ' ', select);
}

function showLogin(message) {
  document.title = `${t('login.title')} · ${title()}`;
  const loginForm = ui.form({
    fields: [
      { name: 'username', label: t('login.username'), required: true, autocomplete: 'username' },
      { name: 'password', label: t('login.password'), type: 'password', required: true, autocomplete: 'current-password' },
    ],
    submitLabel: t('login.submit'),
    onSubmit: async (values) => {
      const session = await api('POST', '/platform/session', values);
      ui.setCsrfToken(session.csrfToken);
      user = session;
      await start();
    },
  });
  replace(root, h('main', { id: 'main', class: 'login' },
    h('h1', {}, title()),
    h('p', { class: 'subtitle' }, profile.name),
    h('section', { class: 'card', 'aria-labelledby': 'login-heading' },
      h('h2', { id: 'login-heading' }, t('login.title')),
      message ? h('p', { class: 'form-error', role: 'alert' }, message) : null,
      loginForm),
    languageSwitch()));
  loginForm.querySelector('input')?.focus();
}

function showPasswordChange() {
  document.title = `${t('password.title')} · ${title()}`;
  const passwordForm = ui.form({
    fields: [
      { name: 'currentPassword', label: t('password.current'), type: 'password', required: true, autocomplete: 'current-password' },
      { name: 'newPassword', label: t('password.new'), type: 'password', required: true, autocomplete: 'new-password', help: t('password.help') },
      { name: 'repeat', label: t('password.repeat'), type: 'password', required: true, autocomplete: 'new-password' },
    ],
    submitLabel: t('password.submit'),
    onSubmit: async (values, element) => {
      if (values.newPassword !== values.repeat) {
        element.showError('repeat', t('password.mismatch'));
        return;
      }
      await api('POST', '/platform/session/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      ui.notify(t('password.changed'), 'success');
      await start();
    },
  });
  replace(root, h('main', { id: 'main', class: 'login' },
    h('h1', {}, title()),
    h('section', { class: 'card', 'aria-labelledby': 'password-heading' },
      h('h2', { id: 'password-heading' }, t('password.title')),
      h('p', {}, t('password.explain', { user: user.username })),
      passwordForm),
    h('button', { type: 'button', class: 'link', onclick: logout }, t('shell.logout'))));
  passwordForm.querySelector('input')?.focus();
}

async function logout() {
  try {
    await api('DELETE', '/platform/session');
  } catch (error) {
    // Already logged out or expired: the login page is the right place either way.
  }
  user = null;
  ui.setCsrfToken(null);
  showLogin(t('login.loggedOut'));
}

async function showApp() {
  try {
    const navigation = await api('GET', '/platform/web/navigation');
    pages = navigation.pages;
    cards = navigation.cards || [];
  } catch (error) {
    if (error.status === 401) return;
    pages = [];
    cards = [];
    ui.notify(error.message, 'error');
  }
  const main = h('main', { id: 'main', class: 'content', tabindex: '-1' });
  const sections = [
    ['modules', t('nav.modules')],
    ['administration', t('nav.administration')],
  ];
  const nav = h('nav', { class: 'sidebar', 'aria-label': t('nav.label') },
    h('a', { href: '#/', class: 'nav-home', 'data-page': '' }, t('nav.home')),
    sections.map(([section, label]) => {
      const entries = pages.filter((page) => page.section === section);
      if (!entries.length) return null;
      const headingId = `nav-${section}`;
      return h('div', { class: 'nav-section' },
        h('h2', { id: headingId }, label),
        h('ul', { 'aria-labelledby': headingId }, entries.map((page) => h('li', {},
          h('a', { href: `#/${page.id}`, 'data-page': page.id }, ui.localized(page.labels))))));
    }));
  const roles = (user.roles || []).map((role) => t(`role.${role}`)).join(', ');
  replace(root,
    h('a', { class: 'skip-link', href: '#main', onclick: (event) => { event.preventDefault(); main.focus(); } }, t('shell.skip')),
    h('header', { class: 'topbar' },
      h('span', { class: 'brand' }, title()),
      h('span', { class: 'user' },
        h('span', { class: 'user-name' }, user.displayName || user.username),
        h('span', { class: 'user-roles' }, roles)),
      languageSwitch(),
      h('button', { type: 'button', class: 'logout', onclick: logout }, t('shell.logout'))),
    h('div', { class: 'layout' }, nav, main));
  await renderPage();
}

/** A hash segment decoded, or as it is when it is not valid percent-encoding. */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    return segment;
  }
}

function currentPageId() {
  const hash = location.hash || '';
  if (!hash.startsWith('#/')) return '';
  return decodeSegment(hash.slice(2).split('/')[0]);
}

async function renderPage() {
  const main = document.getElementById('main');
  if (!main || !user) return;
  const token = ++renderToken;
  const id = currentPageId();
  for (const link of document.querySelectorAll('.sidebar a')) {
    if (link.dataset.page === id) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  if (!id) {
    renderHome(main, token);
    return;
  }
  const page = pages.find((candidate) => candidate.id === id);
  if (!page) {
    replace(main, h('h1', {}, t('page.notFound')), h('p', {}, t('page.notFoundExplain')));
    return;
  }
  const label = ui.localized(page.labels);
  document.title = `${label} · ${title()}`;
  replace(main, ui.progress(t('page.loading')));
  let module;
  try {
    module = await import(page.script);
  } catch (error) {
    if (token !== renderToken) return;
    replace(main, h('h1', {}, label), h('p', { class: 'form-error', role: 'alert' }, t('page.failed', { reason: error.message })));
    return;
  }
  if (token !== renderToken) return;
  const container = h('div', { class: 'page', 'data-page': id });
  replace(main, container);
  const context = pageContext(token, label, location.hash.slice(2).split('/').slice(1).map(decodeSegment));
  try {
    await module.default(container, context);
  } catch (error) {
    if (token !== renderToken) return;
    container.append(h('p', { class: 'form-error', role: 'alert' }, t('page.failed', { reason: error.message })));
  }
}

function pageContext(token, title, params) {
  return {
    api, ui, user, profile,
    language: ui.currentLanguage(),
    params,
    title,
    navigate: (path) => { location.hash = `#/${path}`; },
    isCurrent: () => token === renderToken,
  };
}

/** The home page: the modules' dashboard cards, each drawn by its own script, then links to the module pages. */
function renderHome(main, token) {
  document.title = title();
  const modulePages = pages.filter((page) => page.section === 'modules');
  const dashboard = h('div', { class: 'dashboard' }, cards.map((card) => {
    const headingId = `card-${card.id}`;
    const body = h('div', { class: 'card-body' }, ui.progress(t('page.loading')));
    drawCard(card, body, token);
    return h('section', { class: 'card dashboard-card', 'aria-labelledby': headingId, 'data-card': card.id },
      h('h2', { id: headingId }, ui.localized(card.titles)), body);
  }));
  replace(main,
    h('h1', {}, t('home.welcome', { name: user.displayName || user.username })),
    h('p', {}, profile.name),
    cards.length ? dashboard : null,
    modulePages.length
      ? h('ul', { class: 'tiles' }, modulePages.map((page) => h('li', {}, h('a', { href: `#/${page.id}` }, ui.localized(page.labels)))))
      : h('p', { class: 'empty' }, t('home.noModules')));
}

/** One card's script, drawn into its body; a card that fails says so in its own box and leaves the others alone. */
async function drawCard(card, body, token) {
  try {
    const module = await import(card.script);
    if (token !== renderToken) return;
    replace(body);
    await module.default(body, pageContext(token, ui.localized(card.titles), []));
  } catch (error) {
    if (token !== renderToken) return;
    replace(body, h('p', { class: 'form-error', role: 'alert' }, t('page.failed', { reason: error.message })));
  }
}

boot();
