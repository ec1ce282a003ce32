// Home-page card: how many States Parties (and for how many the convention is in force), signatories,
// and a chart of the States Parties over the years, from their deposits.
export default async function render(container, { api, ui }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const [counts, years] = await Promise.all([api('GET', '/contacts/states/counts'), api('GET', '/contacts/states/timeline')]);
  const figure = (value, label) => h('li', {}, h('strong', {}, String(value)), label);
  replace(container,
    h('ul', { class: 'figures' },
      figure(counts.stateParties, tr('stateParties')),
      figure(counts.inForce, tr('inForce')),
      figure(counts.signatories, tr('signatories'))),
    years.length
      ? ui.barChart({
        title: tr('chartTitle'),
        categoryLabel: tr('year'),
        valueLabel: tr('stateParties'),
        points: years.map((year) => ({ label: String(year.year), value: year.stateParties })),
      })
      : h('p', { class: 'empty' }, tr('noDeposits')),
    h('p', {}, h('a', { href: '#/states' }, tr('allStates'))));
}
