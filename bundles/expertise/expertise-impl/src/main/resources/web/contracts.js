// Consultants' contracts: the deliverables due within a month (overdue first), and the contracts with
// the state of each consultant's account (the platform ends it the day after the contract's end) and the
// fee's commitment on its budget line in the finance module (expertise 1.1), with Commit for a contract
// whose fee is not committed yet (made while finance was absent).
export default async function render(container, { api, ui }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const due = h('section', { class: 'deliverables-due' }, h('h2', {}, tr('due')), ui.progress(tr('loading')));
  const contracts = h('section', { class: 'contracts' }, h('h2', {}, tr('contracts')), ui.progress(tr('loading')));
  replace(container, h('h1', {}, tr('title')), due, contracts);
  const accept = (row) => h('button', { type: 'button', class: 'link accept', onclick: async (event) => {
    event.target.disabled = true;
    try {
      await api('POST', `/expertise/contracts/${row.contractId}/deliverables/${row.deliverableId}/acceptance`, {});
      ui.notify(tr('accepted'), 'success');
      await render(container, { api, ui });
    } catch (error) {
      ui.notify(error.message, 'error');
      event.target.disabled = false;
    }
  } }, tr('accept'));
  const commit = (row) => h('button', { type: 'button', class: 'link commit', onclick: async (event) => {
    event.target.disabled = true;
    try {
      await api('POST', `/expertise/contracts/${row.id}/commitment`);
      ui.notify(tr('committedDone'), 'success');
      await render(container, { api, ui });
    } catch (error) {
      ui.notify(error.message, 'error');
      event.target.disabled = false;
    }
  } }, tr('commit', { line: row.budgetLine }));
  // The fee's commitment as finance has it now; the line stays text while finance is not installed.
  const budget = (row) => {
    if (!row.budgetLine) return tr('noBudgetLine');
    const line = tr('lineOfYear', { line: row.budgetLine, year: row.budgetYear ?? '' });
    const c = row.commitment;
    if (!c) return row.cancelledOn || Number(row.fee) === 0 ? line : h('span', {}, line, ' ', commit(row));
    const badge = { OPEN: ['commitmentOpen', 'ok'], RELEASED: ['commitmentReleased', 'neutral'] }[c.status] || ['commitmentUnknown', 'warn'];
    return h('span', {}, line, ' ', ui.badge(tr(badge[0], { amount: c.amount ?? '', currency: c.currency ?? '' }), badge[1]));
  };
  try {
    const [dueRows, contractRows] = await Promise.all([api('GET', '/expertise/contracts/deliverables?withinDays=30'), api('GET', '/expertise/contracts')]);
    replace(due, h('h2', {}, tr('due')), ui.table([
      { key: 'dueDate', label: tr('dueDate'), render: (row) => (row.overdue ? ui.badge(tr('overdue', { day: row.dueDate }), 'warn') : row.dueDate) },
      { key: 'title', label: tr('deliverable') },
      { key: 'consultantName', label: tr('consultant') },
      { key: 'action', label: tr('actions'), render: accept },
    ], dueRows, { caption: tr('dueCaption'), empty: tr('nothingDue') }));
    replace(contracts, h('h2', {}, tr('contracts')), ui.table([
      { key: 'consultantName', label: tr('consultant') },
      { key: 'period', label: tr('period'), render: (row) => (row.cancelledOn
        ? h('span', {}, `${row.startDate} – ${row.endDate} `, ui.badge(tr('cancelledOn', { day: row.cancelledOn }), 'neutral'))
        : `${row.startDate} – ${row.endDate}`) },
      { key: 'fee', label: tr('fee'), render: (row) => `${row.currency} ${row.fee}` },
      { key: 'budgetLine', label: tr('budgetLine'), render: budget },
      { key: 'deliverables', label: tr('deliverables'),
        render: (row) => tr('acceptedOf', { accepted: row.deliverables.filter((d) => d.acceptedOn).length, all: row.deliverables.length }) },
      { key: 'account', label: tr('account'), render: (row) => (row.account
        ? ui.badge(`${row.account.username}: ${row.account.usableToday ? tr('accountUntil', { day: row.account.accessEndDate }) : tr('accountEnded')}`,
          row.account.usableToday ? 'ok' : 'neutral')
        : tr('noAccount')) },
    ], contractRows, { caption: tr('contractsCaption'), empty: tr('noContracts') }));
  } catch (error) {
    replace(contracts, h('h2', {}, tr('contracts')), h('p', { class: 'form-error', role: 'alert' }, error.message));
  }
}
