// Assessments: the formula picked from those installed, a dry run showing every share before the
// Director may save it, and the saved assessments (each read back as it was saved). With the meetings
// module, a meeting's costs are assessed on the states that took part.
import { currentYear, formatDecimal, formatMoney, parseDecimal } from './money.js';

export default async function render(container, context) {
  const [id] = context.params;
  if (id) await renderSaved(container, context, Number(id));
  else await renderAssess(container, context);
}

/** The shares of a result as a table with its total (every figure formatted as the user's language writes it). */
export function sharesTable(ui, tr, language, result) {
  const { h } = ui;
  const money = (value) => formatMoney(value, result.currency, language);
  const columns = [
    { key: 'state', label: tr('state'), render: (row) => (row.name ? `${row.state} – ${row.name}` : row.state) },
    { key: 'rate', label: tr('rate'), render: (row) => formatDecimal(row.rate, language, 3) },
    { key: 'share', label: tr('sharePercent'), render: (row) => formatDecimal(row.share, language) },
    { key: 'amount', label: tr('amountIn', { currency: result.currency }), render: (row) => h('span', { class: 'share-amount' }, money(row.amount)) },
    { key: 'fixed', label: tr('fixed'), render: (row) => (row.fixed ? tr('yes') : tr('no')) },
    { key: 'reason', label: tr('reason') },
  ];
  const table = ui.table(columns, result.shares, { caption: tr('sharesCaption', { year: result.year, formula: result.formula }) });
  if (table.tagName === 'TABLE') {
    table.append(h('tfoot', {}, h('tr', {},
      h('th', { scope: 'row', colspan: 3 }, tr('total')),
      h('td', { class: 'share-total' }, money(result.total)),
      h('td', { colspan: 2 }))));
  }
  return table;
}

function facts(ui, tr, language, result) {
  const parameters = Object.entries(result.parameters || {}).map(([name, value]) => `${name} ${formatDecimal(value, language)} %`).join(', ');
  return ui.h('p', { class: 'counts' }, [
    tr('yearIs', { year: result.year }),
    result.meetingTitle ? `${tr('meeting')}: ${result.meetingTitle}` : null,
    `${tr('amount')}: ${result.currency} ${formatMoney(result.amount, result.currency, language)}`,
    `${tr('formula')}: ${result.formula} ${result.formulaVersion}`,
    parameters ? `${tr('parameters')}: ${parameters}` : null,
  ].filter(Boolean).join(' · '));
}

/** "A 4.000" per line (a code alone takes the rate from the year's scale); blank text means "the server's default states". */
function parseRates(text, tr) {
  const rates = [];
  const lines = String(text || '').split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const cells = lines[index].trim().split(/[\s;,\t]+/).filter(Boolean);
    if (!cells.length) continue;
    if (cells.length > 2) throw { field: 'rates', message: tr('badRateLine', { line: index + 1 }) };
    if (cells.length === 1) {
      rates.push({ state: cells[0].toUpperCase() });
      continue;
    }
    const rate = parseDecimal(cells[1]);
    if (rate === null) throw { field: 'rates', message: tr('badRateLine', { line: index + 1 }) };
    rates.push({ state: cells[0].toUpperCase(), rate });
  }
  return rates.length ? rates : null;
}

/**
 * The meetings whose costs may be assessed: none unless the meetings module is installed and its pages
 * are the user's (asked of the navigation first, so no request goes to an API that is not there).
 */
async function meetingsToAssess(api, ui) {
  const navigation = await api('GET', '/platform/web/navigation');
  if (!navigation.pages.some((page) => page.module === 'meetings')) return [];
  const page = await api('GET', `/meetings${ui.query({ size: 200, sort: 'startDate,desc' })}`);
  return page.items;
}

async function renderAssess(container, { api, ui, language }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const [formulas, access, saved, meetings] = await Promise.all([
    api('GET', '/finance/formulas'), api('GET', '/finance/access'), api('GET', '/finance/assessments'), meetingsToAssess(api, ui)]);
  const maySave = access.permissions.includes('finance.assessment.save');
  const mayRun = access.permissions.includes('finance.assessment.write');
  const result = h('section', { class: 'dry-run', 'aria-live': 'polite' });

  const preferred = formulas.find((formula) => formula.defaultFormula) || formulas[0];
  const assessForm = formulas.length && mayRun ? ui.form({
    fields: [
      { name: 'year', label: tr('year'), type: 'number', required: true, value: String(currentYear()) },
      { name: 'amount', label: tr('amount'), required: true, help: tr('amountHelp') },
      { name: 'formula', label: tr('formula'), type: 'select', value: preferred?.name,
        options: formulas.map((formula) => ({ value: formula.name, label: `${formula.name} ${formula.version} – ${formula.description}` })) },
      { name: 'ceiling', label: tr('ceiling'), help: tr('ceilingHelp') },
      { name: 'floor', label: tr('floor'), help: tr('floorHelp') },
      meetings.length ? { name: 'meeting', label: tr('meeting'), type: 'select', help: tr('meetingHelp'),
        options: [{ value: '', label: tr('noMeeting') }, ...meetings.map((meeting) => ({ value: String(meeting.id), label: `${meeting.title} (${meeting.startDate})` }))] } : null,
      { name: 'rates', label: tr('rates'), type: 'textarea', rows: 8, help: tr('ratesHelp') },
    ].filter(Boolean),
    submitLabel: tr('dryRun'),
    onSubmit: async (values) => {
      replace(result);
      const amount = parseDecimal(values.amount);
      if (amount === null) throw new ui.ApiError(400, tr('badAmount'), 'amount');
      const parameters = {};
      if (values.formula === 'scale') {
        for (const name of ['ceiling', 'floor']) {
          if (!values[name].trim()) continue;
          const value = parseDecimal(values[name]);
          if (value === null) throw new ui.ApiError(400, tr('badNumber'), name);
          parameters[name] = value;
        }
      }
      let rates;
      try {
        rates = parseRates(values.rates, tr);
      } catch (problem) {
        throw new ui.ApiError(400, problem.message, problem.field);
      }
      const body = {
        year: Number(values.year), amount, formula: values.formula, parameters,
        ...(rates ? { rates } : {}), ...(values.meeting ? { meeting: Number(values.meeting) } : {}),
      };
      const answer = await api('POST', '/finance/assessments?dryRun=true', body);
      showDryRun(body, answer);
    },
  }) : h('p', { class: 'empty' }, formulas.length ? tr('noDryRunPermission') : tr('noFormula'));

  // The parameters belong to the scale formula; the others take none.
  const showParameters = () => {
    if (!formulas.length || !mayRun) return;
    const scale = assessForm.querySelector('select[name=formula]').value === 'scale';
    for (const name of ['ceiling', 'floor']) assessForm.querySelector(`[name=${name}]`).closest('.field').hidden = !scale;
  };
  if (formulas.length && mayRun) {
    assessForm.querySelector('select[name=formula]').addEventListener('change', showParameters);
    showParameters();
    if (access.permissions.includes('finance.scale.read')) {
      // The year's scale written into the rates, to be checked or changed before the dry run.
      const rates = assessForm.querySelector('textarea[name=rates]');
      const fill = h('button', { type: 'button', class: 'fill-scale', onclick: async () => {
        const year = assessForm.querySelector('input[name=year]').value;
        try {
          const scale = await api('GET', `/finance/scales/rates${ui.query({ year })}`);
          if (!scale.length) ui.notify(tr('noScale', { year }), 'error');
          else rates.value = scale.map((rate) => `${rate.state} ${rate.rate}`).join('\n');
        } catch (error) {
          ui.notify(error.message, 'error');
        }
      } }, tr('fillScale'));
      rates.closest('.field').append(fill);
    }
  }

  function showDryRun(body, answer) {
    const saveError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const save = async (event) => {
      event.target.disabled = true;
      saveError.hidden = true;
      try {
        const stored = await api('POST', '/finance/assessments', body);
        ui.notify(stored.meetingTitle ? tr('savedMeetingNotice', { title: stored.meetingTitle }) : tr('savedNotice', { year: stored.year }), 'success');
        location.hash = `#/assessments/${stored.id}`;
      } catch (error) {
        saveError.textContent = error.message;
        saveError.hidden = false;
        event.target.disabled = false;
      }
    };
    replace(result,
      h('h2', {}, tr('dryRunTitle')),
      h('p', {}, tr('dryRunExplain')),
      facts(ui, tr, language, answer),
      sharesTable(ui, tr, language, answer),
      maySave
        ? h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'primary save-assessment', onclick: save }, tr('save')))
        : h('p', { class: 'field-help' }, tr('onlyDirectorSaves')),
      saveError);
    result.querySelector('h2').setAttribute('tabindex', '-1');
    result.querySelector('h2').focus();
  }

  replace(container,
    h('h1', {}, tr('title')),
    h('section', { class: 'card' }, h('h2', {}, tr('assess')), assessForm),
    result,
    h('section', {}, h('h2', {}, tr('savedTitle')), ui.table([
      { key: 'year', label: tr('year'), render: (row) => h('a', { href: `#/assessments/${row.id}`, class: 'assessment-link' }, String(row.year)) },
      { key: 'meetingTitle', label: tr('meeting') },
      { key: 'amount', label: tr('amount'), render: (row) => `${row.currency} ${formatMoney(row.amount, row.currency, language)}` },
      { key: 'formula', label: tr('formula'), render: (row) => `${row.formula} ${row.formulaVersion}` },
      { key: 'savedBy', label: tr('savedBy') },
      { key: 'savedAt', label: tr('savedAt'), render: (row) => ui.formatDateTime(row.savedAt) },
    ], saved, { empty: tr('noneSaved') })));
}

async function renderSaved(container, { api, ui, language }, id) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const back = h('p', {}, h('a', { href: '#/assessments' }, `← ${tr('back')}`));
  let assessment;
  try {
    assessment = await api('GET', `/finance/assessments/${id}`);
  } catch (error) {
    replace(container, back, h('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  replace(container, back,
    h('h1', {}, assessment.meetingTitle ? tr('savedMeetingHeading', { title: assessment.meetingTitle }) : tr('savedHeading', { year: assessment.year })),
    facts(ui, tr, language, assessment),
    h('p', {}, tr('savedByAt', { user: assessment.savedBy, at: ui.formatDateTime(assessment.savedAt) })),
    sharesTable(ui, tr, language, assessment));
}
