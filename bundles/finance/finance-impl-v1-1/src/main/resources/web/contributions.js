// Contributions of a year: each state's status with charts (received against outstanding, states by
// status), the contributions with their receipts, voluntary and earmarked pledges, and the scale of
// assessment with its CSV import (checked as a dry run first). The page is a list of sections, each
// shown to those who hold its permission, so later parts (payment plans, exchange rates) are sections too.
import { currentYear, formatDecimal, formatMoney, parseDecimal } from './money.js';

const STATUS_BADGE = { PAID: 'ok', PARTLY_PAID: 'warn', UNPAID: 'error', NOT_ASSESSED: 'neutral' };
const STATUSES = ['PAID', 'PARTLY_PAID', 'UNPAID', 'NOT_ASSESSED'];

export default async function render(container, context) {
  const { api, ui } = context;
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const year = /^\d{4}$/.test(context.params[0] || '') ? Number(context.params[0]) : currentYear();
  const access = await api('GET', '/finance/access');
  const may = (permission) => access.permissions.includes(permission);
  const chooser = ui.form({
    fields: [{ name: 'year', label: tr('year'), type: 'number', required: true, value: String(year) }],
    submitLabel: tr('show'),
    onSubmit: async (values) => context.navigate(`contributions/${Number(values.year)}`),
  });
  chooser.classList.add('filters');
  const redraw = () => render(container, context);
  const section = { ...context, tr, year, may, redraw };
  const sections = [
    may('finance.contribution.read') ? statusSection : null,
    may('finance.contribution.read') ? arrearsSection : null,
    may('finance.contribution.read') ? contributionsSection : null,
    may('finance.contribution.write') ? pledgeSection : null,
    may('finance.scale.read') ? scaleSection : null,
  ].filter(Boolean).map((draw) => {
    const element = h('section', { class: 'finance-section' }, ui.progress(tr('loading')));
    draw(element, section).catch((error) => replace(element, h('p', { class: 'form-error', role: 'alert' }, error.message)));
    return element;
  });
  replace(container, h('h1', {}, tr('titleYear', { year })), chooser, sections);
}

/** Every state's status, the totals, and two charts of them. */
async function statusSection(element, { api, ui, tr, language, year }) {
  const { h, replace } = ui;
  const status = await api('GET', `/finance/contributions/status${ui.query({ year })}`);
  const money = (value) => formatMoney(value, status.currency, language);
  const figure = (value, label, name) => h('li', { 'data-figure': name }, h('strong', {}, money(value)), label);
  const counts = STATUSES.map((name) => ({ label: tr(name), value: status.states.filter((state) => state.status === name).length }));
  replace(element,
    h('h2', {}, tr('statusTitle', { year, currency: status.currency })),
    h('ul', { class: 'figures' },
      figure(status.totals.assessed, tr('assessed'), 'assessed'),
      figure(status.totals.received, tr('received'), 'received'),
      figure(status.totals.outstanding, tr('outstanding'), 'outstanding'),
      figure(status.totals.voluntary, tr('voluntary'), 'voluntary')),
    status.states.length ? h('div', { class: 'dashboard' },
      h('div', { class: 'received-chart' }, ui.barChart({
        title: tr('receivedChart', { year, currency: status.currency }),
        categoryLabel: tr('figure'),
        valueLabel: tr('amountIn', { currency: status.currency }),
        points: [{ label: tr('received'), value: Number(status.totals.received) }, { label: tr('outstanding'), value: Number(status.totals.outstanding) }],
      })),
      h('div', { class: 'status-chart' }, ui.barChart({
        title: tr('statusChart', { year }),
        categoryLabel: tr('status'),
        valueLabel: tr('states'),
        points: counts,
      }))) : null,
    ui.table([
      { key: 'state', label: tr('state'), render: (row) => (row.name ? `${row.state} – ${row.name}` : row.state) },
      { key: 'assessed', label: tr('assessed'), render: (row) => money(row.assessed) },
      { key: 'received', label: tr('received'), render: (row) => money(row.received) },
      { key: 'outstanding', label: tr('outstanding'), render: (row) => money(row.outstanding) },
      { key: 'voluntary', label: tr('voluntary'), render: (row) => money(row.voluntary) },
      { key: 'status', label: tr('status'), render: (row) => ui.badge(tr(row.status), STATUS_BADGE[row.status]) },
    ], status.states, { caption: tr('statesCaption', { year, currency: status.currency }), empty: tr('noStates') }));
}

/** Each state's arrears as of the year, aged: the year itself, one year, two years, three or more. */
async function arrearsSection(element, { api, ui, tr, language, year }) {
  const { h, replace } = ui;
  const arrears = await api('GET', `/finance/contributions/arrears${ui.query({ asOf: year })}`);
  const money = (value) => formatMoney(value, arrears.currency, language);
  const AGES = ['current', 'oneYear', 'twoYears', 'threeYearsOrMore', 'total'];
  const table = ui.table([
    { key: 'state', label: tr('state'), render: (row) => (row.name ? `${row.state} – ${row.name}` : row.state) },
    ...AGES.map((age) => ({ key: age, label: tr(`age.${age}`), render: (row) => money(row.ageing[age]) })),
  ], arrears.states, { caption: tr('arrearsCaption', { year, currency: arrears.currency }), empty: tr('noArrears') });
  if (table.tagName === 'TABLE') {
    table.append(h('tfoot', {}, h('tr', { class: 'arrears-total' }, h('th', { scope: 'row' }, tr('total')),
      AGES.map((age) => h('td', {}, money(arrears.totals[age]))))));
  }
  replace(element, h('h2', {}, tr('arrearsTitle', { year })), table);
}

/** The contributions of the year, with a receipt recorded against one that is outstanding. */
async function contributionsSection(element, { api, ui, tr, language, year, may, redraw }) {
  const { h, replace } = ui;
  const contributions = await api('GET', `/finance/contributions${ui.query({ year })}`);
  const receiptArea = h('div');
  const showReceipt = (contribution) => {
    const who = contribution.state || contribution.donor;
    replace(receiptArea, h('section', { class: 'card receipt' }, h('h3', {}, tr('receiptFor', { who })), ui.form({
      fields: [
        { name: 'receivedOn', label: tr('receivedOn'), type: 'date', required: true, value: new Date().toISOString().slice(0, 10) },
        { name: 'amount', label: tr('amountIn', { currency: contribution.currency }), required: true,
          help: tr('outstandingIs', { amount: formatMoney(contribution.outstanding, contribution.currency, language) }) },
        { name: 'reference', label: tr('reference'), maxlength: 100 },
      ],
      submitLabel: tr('recordReceipt'),
      cancel: () => replace(receiptArea),
      onSubmit: async (values) => {
        const amount = parseDecimal(values.amount);
        if (amount === null) throw new ui.ApiError(400, tr('badAmount'), 'amount');
        await api('POST', `/finance/contributions/${contribution.id}/receipts`, { receivedOn: values.receivedOn, amount, reference: values.reference || null });
        ui.notify(tr('receiptRecorded', { who }), 'success');
        await redraw();
      },
    })));
    receiptArea.querySelector('input[name=amount]')?.focus();
  };
  replace(element,
    h('h2', {}, tr('contributionsTitle')),
    ui.table([
      { key: 'kind', label: tr('kind'), render: (row) => tr(row.kind) },
      { key: 'who', label: tr('stateOrDonor'), render: (row) => row.state || row.donor },
      { key: 'amount', label: tr('amount'), render: (row) => `${row.currency} ${formatMoney(row.amount, row.currency, language)}` },
      { key: 'received', label: tr('received'), render: (row) => formatMoney(row.received, row.currency, language) },
      { key: 'outstanding', label: tr('outstanding'), render: (row) => formatMoney(row.outstanding, row.currency, language) },
      { key: 'purpose', label: tr('purpose') },
      { key: 'actions', label: tr('actions'), render: (row) => (may('finance.contribution.write') && Number(row.outstanding) > 0
        ? h('button', { type: 'button', class: 'record-receipt', 'data-who': row.state || row.donor, onclick: () => showReceipt(row) },
          tr('recordReceiptFor', { who: row.state || row.donor }))
        : '') },
    ], contributions, { empty: tr('noContributions') }),
    receiptArea);
}

/** A voluntary or earmarked contribution from a state or a donor. */
async function pledgeSection(element, { api, ui, tr, year, redraw }) {
  const { h, replace } = ui;
  replace(element, h('details', { class: 'card' }, h('summary', {}, tr('pledgeTitle')), ui.form({
    fields: [
      { name: 'kind', label: tr('kind'), type: 'select', options: ['VOLUNTARY', 'EARMARKED'].map((kind) => ({ value: kind, label: tr(kind) })) },
      { name: 'state', label: tr('state'), help: tr('stateHelp'), maxlength: 3 },
      { name: 'donor', label: tr('donor'), help: tr('donorHelp'), maxlength: 200 },
      { name: 'amount', label: tr('amount'), required: true },
      { name: 'purpose', label: tr('purpose'), help: tr('purposeHelp'), maxlength: 500 },
      { name: 'pledgedOn', label: tr('pledgedOn'), type: 'date' },
    ],
    submitLabel: tr('pledge'),
    onSubmit: async (values) => {
      const amount = parseDecimal(values.amount);
      if (amount === null) throw new ui.ApiError(400, tr('badAmount'), 'amount');
      await api('POST', '/finance/contributions', {
        year, kind: values.kind, amount,
        state: values.state || null, donor: values.donor || null, purpose: values.purpose || null, pledgedOn: values.pledgedOn || null,
      });
      ui.notify(tr('pledged'), 'success');
      await redraw();
    },
  })));
}

/** The year's scale of assessment, and the import of a scale for a period (checked first, then applied). */
async function scaleSection(element, { api, ui, tr, language, year, may, redraw }) {
  const { h, replace } = ui;
  const rates = await api('GET', `/finance/scales/rates${ui.query({ year })}`);
  const report = h('div', { class: 'import-report', 'aria-live': 'polite' });
  const importForm = may('finance.scale.write') ? ui.form({
    fields: [
      { name: 'from', label: tr('fromYear'), type: 'number', required: true, value: String(year) },
      { name: 'to', label: tr('toYear'), type: 'number', required: true, value: String(year + 2) },
      { name: 'file', label: tr('file'), type: 'file', required: true, help: tr('fileHelp') },
      { name: 'apply', label: tr('applyImport'), type: 'checkboxes', options: [{ value: 'true', label: tr('applyImport') }] },
    ],
    submitLabel: tr('importScale'),
    onSubmit: async (values, form) => {
      const file = form.querySelector('input[type=file]').files[0];
      const dryRun = !values.apply.includes('true');
      replace(report);
      let answer;
      try {
        answer = await api('POST', `/finance/scales/import${ui.query({ from: values.from, to: values.to, dryRun })}`,
          new Blob([file], { type: 'text/csv' }));
      } catch (error) {
        if (error.body?.report) showReport(error.body.report);
        throw error;
      }
      showReport(answer);
      if (answer.applied) {
        ui.notify(tr('imported', { lines: answer.lines }), 'success');
        await redraw();
      }
    },
  }) : null;
  const showReport = (answer) => replace(report,
    h('p', {}, answer.errors.length ? tr('reportErrors', { count: answer.errors.length })
      : (answer.applied ? tr('reportApplied', { lines: answer.lines }) : tr('reportChecked', { lines: answer.lines }))),
    answer.errors.length ? ui.table([
      { key: 'line', label: tr('line') }, { key: 'field', label: tr('field') }, { key: 'error', label: tr('error') },
    ], answer.errors, { caption: tr('badLines') }) : null);
  replace(element,
    h('h2', {}, tr('scaleTitle', { year })),
    ui.table([
      { key: 'state', label: tr('state'), render: (row) => (row.name ? `${row.state} – ${row.name}` : row.state) },
      { key: 'rate', label: tr('rate'), render: (row) => formatDecimal(row.rate, language, 3) },
      { key: 'period', label: tr('period'), render: (row) => `${row.fromYear}–${row.toYear}` },
      { key: 'manual', label: tr('manual'), render: (row) => (row.manual ? tr('yes') : tr('no')) },
      { key: 'note', label: tr('note') },
    ], rates, { empty: tr('noRates') }),
    importForm ? h('details', { class: 'card' }, h('summary', {}, tr('importTitle')), importForm, report) : null);
}
