// Administration › API reference: GET /api/openapi.json drawn by Swagger UI, served from this bundle
// (web/swagger-ui/, from the org.webjars:swagger-ui WebJar). Swagger UI is a classic script, not an ES
// module: it is loaded by a <script src> of this site, which the CSP (script-src 'self') allows, and its
// stylesheet by a <link>; it styles elements through the DOM (CSSOM), which style-src 'self' allows.
// "Try it out" is offered for GET only: reads, with the session's cookie.

const base = new URL('./swagger-ui/', import.meta.url);

function load(tag, attributes) {
  const url = attributes.src || attributes.href;
  const present = document.querySelector(`${tag}[${attributes.src ? 'src' : 'href'}="${url}"]`);
  if (present) return present.loaded || Promise.resolve();
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
  element.loaded = new Promise((resolve, reject) => {
    element.addEventListener('load', resolve);
    element.addEventListener('error', () => reject(new Error(`${url} did not load`)));
  });
  document.head.append(element);
  return element.loaded;
}

export default async function render(container, { api, ui }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  replace(container, h('h1', {}, tr('title')), ui.progress(tr('loading')));
  const [spec] = await Promise.all([
    api('GET', '/openapi.json'),
    load('link', { rel: 'stylesheet', href: new URL('swagger-ui.css', base).href }),
    load('script', { src: new URL('swagger-ui-bundle.js', base).href }),
  ]);
  const operations = Object.values(spec.paths || {}).reduce((count, item) => count + Object.keys(item).length, 0);
  const target = h('div', { class: 'swagger-ui-host' });
  replace(container,
    h('h1', {}, tr('title')),
    h('p', {}, tr('intro', { count: operations })),
    h('p', {}, h('a', { href: '/api/openapi.json', download: 'openapi.json' }, 'openapi.json'), ' · ',
      h('a', { href: '/api/openapi.yaml', download: 'openapi.yaml' }, 'openapi.yaml')),
    target);
  window.SwaggerUIBundle({
    spec,
    domNode: target,
    deepLinking: false,
    supportedSubmitMethods: ['get'],
    validatorUrl: null,
    showExtensions: true,
    defaultModelsExpandDepth: 0,
  });
}
