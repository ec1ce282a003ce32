// Consultants' contracts: the deliverables due within a month (overdue first), and the contracts with
// the state of each consultant's account (the platform ends it the day after the contract's end).
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
      { key: 'period', label: tr('period'), render: (row) => `${row.startDate} – ${row.endDate}` },
      { key: 'fee', label: tr('fee'), render: (row) => `${row.currency} ${row.fee}` },
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
