// Budgets: each year's revisions with their status; a draft's lines edited, proposed, and approved by
// those who hold finance.budget.approve (the server decides anyway); an approved one against what was
// spent. A budget's page is a list of sections, each drawn from the budget and the caller's permissions.
import { currentYear, formatDecimal, formatMoney, parseDecimal } from './money.js';

const STATUS_BADGE = { DRAFT: 'neutral', PROPOSED: 'warn', APPROVED: 'ok' };

export default async function render(container, context) {
  const [id] = context.params;
  if (id) await renderBudget(container, context, Number(id));
  else await renderList(container, context);
}

/** Editable lines (code, title, amount) as a table of labelled inputs; answers {element, lines()}. */
function linesEditor(ui, tr, initial) {
  const { h } = ui;
  const body = h('tbody');
  const addRow = (line = {}) => {
    const number = body.children.length + 1;
    const row = h('tr', { class: 'budget-line' },
      h('td', {}, h('input', { name: 'code', value: line.code ?? '', maxlength: 20, 'aria-label': tr('lineCode', { line: number }) })),
      h('td', {}, h('input', { name: 'title', value: line.title ?? '', maxlength: 200, 'aria-label': tr('lineTitle', { line: number }) })),
      h('td', {}, h('input', { name: 'amount', inputmode: 'decimal', value: line.amount ?? '', 'aria-label': tr('lineAmount', { line: number }) })),
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => row.remove() }, tr('removeLine'))));
    body.append(row);
  };
  (initial.length ? initial : [{}]).forEach(addRow);
  const element = h('fieldset', { class: 'budget-lines' }, h('legend', {}, tr('lines')),
    h('table', { class: 'table' }, h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, tr('code')), h('th', { scope: 'col' }, tr('lineTitleHeader')),
      h('th', { scope: 'col' }, tr('amount')), h('th', { scope: 'col' }, tr('actions')))), body),
    h('button', { type: 'button', class: 'add-line', onclick: () => addRow() }, tr('addLine')));
  const lines = () => [...body.querySelectorAll('tr')].map((row, index) => {
    const value = (name) => row.querySelector(`[name=${name}]`).value.trim();
    if (!value('code') && !value('title') && !value('amount')) return null;
    const amount = parseDecimal(value('amount'));
    if (amount === null) throw new ui.ApiError(400, tr('badLineAmount', { line: index + 1 }), 'lines');
    return { code: value('code'), title: value('title'), amount };
  }).filter(Boolean);
  return { element, lines };
}

/** A form for a budget's year, title and lines; onSave(body) sends it. */
function budgetForm(ui, tr, budget, submitLabel, onSave, cancel) {
  const editor = linesEditor(ui, tr, budget?.lines || []);
  const form = ui.form({
    fields: [
      { name: 'year', label: tr('year'), type: 'number', required: true, value: String(budget?.year ?? currentYear()) },
      { name: 'title', label: tr('budgetTitle'), required: true, maxlength: 200, value: budget?.title ?? '' },
    ],
    submitLabel,
    cancel,
    onSubmit: (values) => onSave({ year: Number(values.year), title: values.title, lines: editor.lines() }),
  });
  form.insertBefore(editor.element, form.querySelector('.form-error'));
  if (budget) form.querySelector('[name=year]').readOnly = true;
  return form;
}

async function renderList(container, { api, ui, language, navigate }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const editor = h('div');
  const list = h('div');
  let year = '';
  const load = async () => {
    const budgets = await api('GET', `/finance/budgets${ui.query({ year })}`);
    replace(list, ui.table([
      { key: 'year', label: tr('year') },
      { key: 'revision', label: tr('revision') },
      { key: 'title', label: tr('budgetTitle'), render: (row) => h('a', { href: `#/budgets/${row.id}`, class: 'budget-link' }, row.title) },
      { key: 'status', label: tr('status'), render: (row) => ui.badge(tr(row.status), STATUS_BADGE[row.status]) },
      { key: 'total', label: tr('total'), render: (row) => `${row.currency} ${formatMoney(row.total, row.currency, language)}` },
      { key: 'createdBy', label: tr('createdBy') },
      { key: 'approvedBy', label: tr('approvedBy'), render: (row) => (row.approvedBy ? `${row.approvedBy}, ${ui.formatDateTime(row.approvedAt)}` : '') },
    ], budgets, { empty: tr('noBudgets') }));
  };
  const filter = ui.form({
    fields: [{ name: 'year', label: tr('year'), type: 'number', help: tr('yearFilterHelp') }],
    submitLabel: tr('show'),
    onSubmit: async (values) => { year = values.year; await load(); },
  });
  filter.classList.add('filters');
  const showCreate = () => {
    replace(editor, h('section', { class: 'card' }, h('h2', {}, tr('create')),
      budgetForm(ui, tr, null, tr('create'), async (body) => {
        const created = await api('POST', '/finance/budgets', body);
        navigate(`budgets/${created.id}`);
      }, () => replace(editor))));
    editor.querySelector('input')?.focus();
  };
  replace(container, h('h1', {}, tr('title')),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary new-budget', onclick: showCreate }, tr('create'))),
    editor, filter, list);
  await load().catch((error) => replace(list, h('p', { class: 'form-error', role: 'alert' }, error.message)));
}

async function renderBudget(container, context, id) {
  const { api, ui } = context;
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const back = h('p', {}, h('a', { href: '#/budgets' }, `← ${tr('back')}`));
  let budget;
  let access;
  try {
    [budget, access] = await Promise.all([api('GET', `/finance/budgets/${id}`), api('GET', '/finance/access')]);
  } catch (error) {
    replace(container, back, h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  const redraw = () => renderBudget(container, context, id);
  const section = { ...context, tr, budget, access, redraw };
  replace(container, back,
    h('h1', {}, budget.title),
    h('p', { class: 'counts' }, tr('yearIs', { year: budget.year }), ' · ', tr('revisionIs', { revision: budget.revision }), ' · ',
      ui.badge(tr(budget.status), STATUS_BADGE[budget.status])),
    ...BUDGET_SECTIONS.map((draw) => draw(section)));
}

/** The lines and total, as approved or as drafted. */
function linesSection({ ui, tr, language, budget }) {
  const { h } = ui;
  const money = (value) => formatMoney(value, budget.currency, language);
  const table = ui.table([
    { key: 'code', label: tr('code') },
    { key: 'title', label: tr('lineTitleHeader') },
    { key: 'amount', label: tr('amountIn', { currency: budget.currency }), render: (row) => money(row.amount) },
  ], budget.lines, { caption: tr('lines'), empty: tr('noLines') });
  if (table.tagName === 'TABLE') {
    table.append(h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: 2 }, tr('total')), h('td', { class: 'budget-total' }, money(budget.total)))));
  }
  return h('section', { class: 'budget-lines-view' }, table);
}

/** Where the budget stands and the next step: edit and propose a draft, approve a proposed one. */
function workflowSection({ api, ui, tr, budget, access, redraw }) {
  const { h } = ui;
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const act = (path) => async (event) => {
    event.target.disabled = true;
    problem.hidden = true;
    try {
      await api('POST', `/finance/budgets/${budget.id}/${path}`);
      ui.notify(tr(`${path}Done`), 'success');
      await redraw();
    } catch (error) {
      problem.textContent = error.message;
      problem.hidden = false;
      event.target.disabled = false;
    }
  };
  const may = (permission) => access.permissions.includes(permission);
  const parts = [];
  if (budget.status === 'DRAFT' && may('finance.budget.write')) {
    parts.push(h('details', { class: 'card' }, h('summary', {}, tr('edit')),
      budgetForm(ui, tr, budget, tr('saveDraft'), async (body) => {
        try {
          await api('PUT', `/finance/budgets/${budget.id}`, { ...body, version: budget.version });
        } catch (error) {
          // Someone saved the draft since it was opened: their lines would be lost, so nothing is overwritten.
          if (error.status === 409) throw new ui.ApiError(409, tr('changedMeanwhile'), null);
          throw error;
        }
        ui.notify(tr('savedDraft'), 'success');
        await redraw();
      })));
    parts.push(h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary propose', onclick: act('propose') }, tr('propose'))));
  }
  if (budget.status === 'PROPOSED') {
    parts.push(may('finance.budget.approve')
      ? h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary approve', onclick: act('approve') }, tr('approve')))
      : h('p', { class: 'field-help' }, tr('awaitsApproval')));
  }
  if (budget.status === 'APPROVED') {
    parts.push(h('p', { class: 'approved-by' }, tr('approvedByAt', { user: budget.approvedBy, at: ui.formatDateTime(budget.approvedAt) })));
  }
  if (budget.status !== 'DRAFT' && may('finance.budget.write')) {
    // A proposed or approved budget never changes: a change is the year's next revision, drafted from this one.
    parts.push(h('details', { class: 'card new-revision' }, h('summary', {}, tr('newRevision')),
      budgetForm(ui, tr, budget, tr('createRevision'), async (body) => {
        const created = await api('POST', '/finance/budgets', body);
        location.hash = `#/budgets/${created.id}`;
      })));
  }
  return h('section', { class: 'budget-workflow' }, h('h2', {}, tr('workflow')), parts, problem);
}

/**
 * An approved budget against what was spent in its fiscal year (finance.expenditure.read): per line the
 * budget (approved plus transfers), actual and variance, the totals, and a chart of budget beside actual.
 */
function actualsSection({ api, ui, tr, language, budget, access }) {
  const { h, replace } = ui;
  if (budget.status !== 'APPROVED' || !access.permissions.includes('finance.expenditure.read')) return null;
  const title = () => h('h2', {}, tr('actualsTitle'));
  const element = h('section', { class: 'budget-actuals' }, title(), ui.progress(tr('loading')));
  api('GET', `/finance/budgets/${budget.id}/actuals`).then((actuals) => {
    const money = (value) => formatMoney(value, actuals.currency, language);
    // A budget of zero has no variance in per cent (the API answers null).
    const percent = (value) => (value === null || value === undefined ? '—' : formatDecimal(value, language, 2));
    const table = ui.table([
      { key: 'code', label: tr('code') },
      // Spending on a line the revision does not have comes last, untitled.
      { key: 'title', label: tr('lineTitleHeader'), render: (row) => row.title ?? tr('notInBudget') },
      { key: 'budget', label: tr('budgetIn', { currency: actuals.currency }), render: (row) => money(row.budget) },
      { key: 'actual', label: tr('actual'), render: (row) => money(row.actual) },
      { key: 'variance', label: tr('variance'), render: (row) => money(row.variance) },
      { key: 'variancePercent', label: tr('variancePercent'), render: (row) => percent(row.variancePercent) },
    ], actuals.lines, { caption: tr('actualsCaption', { from: actuals.from, to: actuals.to, currency: actuals.currency }), empty: tr('noLines') });
    if (table.tagName === 'TABLE') {
      const { totals } = actuals;
      table.classList.add('actuals-table');
      table.append(h('tfoot', {}, h('tr', { class: 'actuals-total' }, h('th', { scope: 'row', colspan: 2 }, tr('total')),
        h('td', {}, money(totals.budget)), h('td', {}, money(totals.actual)), h('td', {}, money(totals.variance)),
        h('td', {}, percent(totals.variancePercent)))));
    }
    replace(element, title(),
      actuals.lines.length ? h('div', { class: 'actuals-chart' }, ui.barChart({
        title: tr('actualsChart', { currency: actuals.currency }),
        categoryLabel: tr('code'),
        valueLabel: tr('amountIn', { currency: actuals.currency }),
        // The chart has one series: each line's budget and actual stand side by side.
        points: actuals.lines.flatMap((line) => [
          { label: tr('chartBudget', { code: line.code }), value: Number(line.budget) },
          { label: tr('chartActual', { code: line.code }), value: Number(line.actual) },
        ]),
      })) : null,
      table);
  }).catch((error) => replace(element, title(), h('p', { class: 'form-error', role: 'alert' }, error.message)));
  return element;
}

/**
 * An approved budget's commitments (finance 1.2): per line the budget, actual, what is committed and
 * what is still available (budget - actual - committed), and the fiscal year's commitments (open ones
 * first), e.g. consultants' fees committed by the expertise module.
 */
function commitmentsSection({ api, ui, tr, language, budget }) {
  const { h, replace } = ui;
  if (budget.status !== 'APPROVED') return null;
  const title = () => h('h2', {}, tr('commitmentsTitle'));
  const element = h('section', { class: 'budget-commitments' }, title(), ui.progress(tr('loading')));
  Promise.all([api('GET', `/finance/budgets/${budget.id}/lines`), api('GET', `/finance/commitments?year=${budget.year}`)]).then(([lines, commitments]) => {
    const money = (value) => formatMoney(value, budget.currency, language);
    const figures = ui.table([
      { key: 'code', label: tr('code') },
      { key: 'title', label: tr('lineTitleHeader'), render: (row) => row.title ?? tr('notInBudget') },
      { key: 'budget', label: tr('budgetIn', { currency: budget.currency }), render: (row) => money(row.budget) },
      { key: 'actual', label: tr('actual'), render: (row) => money(row.actual) },
      { key: 'committed', label: tr('committed'), render: (row) => money(row.committed) },
      { key: 'available', label: tr('available'), render: (row) => money(row.available) },
    ], lines, { caption: tr('linesCaption', { currency: budget.currency }), empty: tr('noLines') });
    const list = ui.table([
      { key: 'reference', label: tr('reference') },
      { key: 'line', label: tr('code') },
      { key: 'amount', label: tr('amountIn', { currency: budget.currency }), render: (row) => money(row.amount) },
      { key: 'status', label: tr('status'), render: (row) => ui.badge(tr(`commitment${row.status}`), row.status === 'OPEN' ? 'warn' : 'neutral') },
      { key: 'description', label: tr('description'), render: (row) => row.description ?? '' },
      { key: 'committedBy', label: tr('committedBy') },
    ], commitments, { caption: tr('commitmentsCaption', { year: budget.year }), empty: tr('noCommitments') });
    replace(element, title(), figures, list);
  }).catch((error) => replace(element, title(), h('p', { class: 'form-error', role: 'alert' }, error.message)));
  return element;
}

const BUDGET_SECTIONS = [linesSection, workflowSection, actualsSection, commitmentsSection];
