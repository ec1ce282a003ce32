// Sponsorship: the funds with their balance, the programmes (set up here) and the DSA rates (imported
// here from CSV); a programme's page has its eligible states (imported from CSV), the selection proposal
// with the fund's balance after each line (staff include or exclude a line with a reason, the Director
// approves), the applications with filters, their nomination letters (uploaded and downloaded here),
// attendance of the accepted awards, and the fund's donor report.
const STATUS_BADGE = { SUBMITTED: 'neutral', INFORMATION_NEEDED: 'warn', OFFERED: 'warn', ACCEPTED: 'ok', DECLINED: 'neutral',
  WITHDRAWN: 'neutral', REJECTED: 'neutral' };
const OUTCOME_BADGE = { FUNDED: 'ok', EXCLUDED: 'neutral', COST_UNKNOWN: 'warn', STATE_LIMIT: 'neutral', NO_PLACE: 'neutral', BALANCE: 'neutral' };
const STATUSES = ['SUBMITTED', 'INFORMATION_NEEDED', 'OFFERED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'REJECTED'];

function money(value, currency, language) {
  if (value === null || value === undefined) return '';
  return `${currency} ${new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value))}`;
}

function failure(ui, error) {
  return ui.h('p', { class: 'form-error', role: 'alert' }, error.message);
}

// A form with one file field, whose file is sent as it is (the API takes CSV or PDF bodies, not forms).
function fileForm(ui, { label, help, submitLabel, accept, cancel, send }) {
  const form = ui.form({
    fields: [{ name: 'file', label, type: 'file', required: true, help }],
    submitLabel,
    cancel,
    onSubmit: async (values, element) => send(element.querySelector('input[type=file]').files[0], element),
  });
  form.querySelector('input[type=file]').setAttribute('accept', accept);
  return form;
}

export default async function render(container, context) {
  const [id] = context.params;
  if (id) await renderProgramme(container, context, Number(id));
  else await renderOverview(container, context);
}

async function renderOverview(container, { api, ui, language, navigate }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const funds = h('div');
  const programmes = h('div');
  const editor = h('div');
  const rates = h('div', { class: 'dsa-rates' });
  const loadRates = async () => replace(rates, ui.table([
    { key: 'city', label: tr('city') },
    { key: 'validFrom', label: tr('validFrom') },
    { key: 'rate', label: tr('dsaRate'), render: (r) => money(r.rate, r.currency, language) },
  ], await api('GET', '/sponsorship/dsa-rates'), { empty: tr('noRates'), caption: tr('dsaRates') }));
  const ratesForm = fileForm(ui, {
    label: tr('dsaFile'), help: tr('dsaFileHelp'), submitLabel: tr('importDsa'), accept: '.csv,text/csv',
    send: async (file, element) => {
      const answer = await api('POST', '/sponsorship/dsa-rates', new Blob([file], { type: 'text/csv' }));
      ui.notify(tr('dsaImported', { rates: String(answer.rates), replaced: String(answer.replaced) }), 'success');
      element.reset();
      await loadRates();
    },
  });
  ratesForm.classList.add('dsa-import');
  const load = async () => {
    const [fundList, programmeList] = await Promise.all([api('GET', '/sponsorship/funds'), api('GET', '/sponsorship/programmes')]);
    replace(funds, ui.table([
      { key: 'donorName', label: tr('donor') },
      { key: 'pledged', label: tr('pledged'), render: (f) => money(f.pledged, f.currency, language) },
      { key: 'received', label: tr('received'), render: (f) => money(f.balance.received, f.currency, language) },
      { key: 'committed', label: tr('committed'), render: (f) => money(f.balance.committed, f.currency, language) },
      { key: 'spent', label: tr('spent'), render: (f) => money(f.balance.spent, f.currency, language) },
      { key: 'balance', label: tr('balance'), render: (f) => money(f.balance.balance, f.currency, language) },
      { key: 'report', label: tr('report'), render: (f) => h('span', {},
        h('a', { href: `/api/sponsorship/funds/${f.id}/report.pdf`, download: `donor-report-${f.id}.pdf` }, 'PDF'), ' · ',
        h('a', { href: `/api/sponsorship/funds/${f.id}/report.csv`, download: `donor-report-${f.id}.csv` }, 'CSV')) },
    ], fundList, { empty: tr('noFunds'), caption: tr('funds') }));
    replace(programmes, ui.table([
      { key: 'meeting', label: tr('meeting'), render: (p) => h('a', { href: `#/sponsorship/${p.id}`, class: 'programme-link' }, p.meeting.title) },
      { key: 'dates', label: tr('dates'), render: (p) => `${p.meeting.startDate} – ${p.meeting.endDate}` },
      { key: 'city', label: tr('city'), render: (p) => p.meeting.city ?? '' },
      { key: 'deadline', label: tr('deadline'), render: (p) => ui.formatDateTime(p.deadline) },
      { key: 'places', label: tr('places') },
      { key: 'state', label: tr('state'), render: (p) => (p.approvedAt ? ui.badge(tr('approved'), 'ok') : ui.badge(tr('open'), 'neutral')) },
    ], programmeList, { empty: tr('noProgrammes'), caption: tr('programmes') }));
    return fundList;
  };
  const fundForm = () => ui.form({
    fields: [
      { name: 'donorName', label: tr('donor'), required: true, maxlength: 300 },
      { name: 'currency', label: tr('currency'), required: true, value: 'CHF', maxlength: 3 },
      { name: 'pledged', label: tr('pledged'), type: 'number', required: true },
      { name: 'earmarkMeetingType', label: tr('earmarkMeetingType'), maxlength: 20 },
      { name: 'earmarkYear', label: tr('earmarkYear'), type: 'number' },
      { name: 'earmarkRegion', label: tr('earmarkRegion'), maxlength: 100 },
      { name: 'financePurpose', label: tr('financePurpose'), maxlength: 300, help: tr('financePurposeHelp') },
    ],
    submitLabel: tr('createFund'),
    cancel: () => replace(editor),
    onSubmit: async (v) => {
      await api('POST', '/sponsorship/funds', { donorName: v.donorName, currency: v.currency, pledged: Number(v.pledged),
        earmarkMeetingType: v.earmarkMeetingType || null, earmarkYear: v.earmarkYear ? Number(v.earmarkYear) : null,
        earmarkRegion: v.earmarkRegion || null, financePurpose: v.financePurpose || null });
      replace(editor);
      await load();
    },
  });
  const programmeForm = (fundList) => ui.form({
    fields: [
      { name: 'fundId', label: tr('fund'), type: 'select', required: true, options: fundList.map((f) => ({ value: String(f.id), label: `${f.donorName} (${f.currency})` })) },
      { name: 'meetingId', label: tr('meetingId'), type: 'number', required: true, help: tr('meetingIdHelp') },
      { name: 'deadline', label: tr('deadline'), type: 'datetime-local', required: true },
      { name: 'places', label: tr('places'), type: 'number', required: true },
      { name: 'maxPerState', label: tr('maxPerState'), type: 'number', value: '1' },
      { name: 'terminalExpenses', label: tr('terminalExpenses'), type: 'number', value: '0' },
      { name: 'eligibleStatuses', label: tr('eligibleStatuses'), type: 'checkboxes',
        options: ['STATE_PARTY', 'SIGNATORY', 'NOT_PARTY'].map((s) => ({ value: s, label: tr(s) })) },
      { name: 'stateParty', label: tr('pointsStateParty'), type: 'number', value: '10' },
      { name: 'mandate', label: tr('pointsMandate'), type: 'number', value: '5' },
      { name: 'notSponsoredBefore', label: tr('pointsNotSponsoredBefore'), type: 'number', value: '3' },
      { name: 'genderBalance', label: tr('pointsGenderBalance'), type: 'number', value: '2' },
      { name: 'firstParticipation', label: tr('pointsFirstParticipation'), type: 'number', value: '1' },
    ],
    submitLabel: tr('createProgramme'),
    cancel: () => replace(editor),
    onSubmit: async (v) => {
      const created = await api('POST', '/sponsorship/programmes', { fundId: Number(v.fundId), meetingId: Number(v.meetingId),
        deadline: v.deadline ? new Date(v.deadline).toISOString() : null, places: Number(v.places), maxPerState: Number(v.maxPerState || 1),
        terminalExpenses: Number(v.terminalExpenses || 0), eligibleStatuses: v.eligibleStatuses,
        points: { stateParty: Number(v.stateParty), mandate: Number(v.mandate), notSponsoredBefore: Number(v.notSponsoredBefore),
          genderBalance: Number(v.genderBalance), firstParticipation: Number(v.firstParticipation) } });
      navigate(`sponsorship/${created.id}`);
    },
  });
  let fundList = [];
  replace(container, h('h1', {}, tr('title')),
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'new-fund', onclick: () => replace(editor, h('section', { class: 'card' }, h('h2', {}, tr('createFund')), fundForm())) }, tr('createFund')),
      h('button', { type: 'button', class: 'primary new-programme', onclick: () => replace(editor, h('section', { class: 'card' }, h('h2', {}, tr('createProgramme')), programmeForm(fundList))) }, tr('createProgramme'))),
    editor, h('h2', {}, tr('funds')), funds, h('h2', {}, tr('programmes')), programmes,
    h('h2', {}, tr('dsaRates')), ratesForm, rates);
  try {
    [fundList] = await Promise.all([load(), loadRates()]);
  } catch (error) {
    replace(programmes, failure(ui, error));
  }
}

async function renderProgramme(container, context, id) {
  const { api, ui, language, user } = context;
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const back = h('p', {}, h('a', { href: '#/sponsorship' }, `← ${tr('back')}`));
  let programme;
  try {
    programme = await api('GET', `/sponsorship/programmes/${id}`);
  } catch (error) {
    replace(container, back, failure(ui, error));
    return;
  }
  const currency = programme.currency;
  const proposal = h('div', { class: 'proposal' });
  const applications = h('div', { class: 'applications' });
  const eligible = h('div', { class: 'eligible-states' });
  const loadEligible = async () => replace(eligible, ui.table([
    { key: 'stateIso2', label: tr('stateIso2') },
    { key: 'region', label: tr('region'), render: (e) => e.region ?? '' },
  ], await api('GET', `/sponsorship/programmes/${id}/eligible-states`), { empty: tr('everyStateEligible'), caption: tr('eligibleStates') }));
  const changeable = !programme.readOnly && !programme.approvedAt;
  const eligibleForm = changeable ? fileForm(ui, {
    label: tr('eligibleFile'), help: tr('eligibleFileHelp'), submitLabel: tr('importEligible'), accept: '.csv,text/csv',
    send: async (file, element) => {
      const list = await api('PUT', `/sponsorship/programmes/${id}/eligible-states`, new Blob([file], { type: 'text/csv' }));
      ui.notify(tr('eligibleImported', { count: String(list.length) }), 'success');
      element.reset();
      await loadEligible();
    },
  }) : null;
  eligibleForm?.classList.add('eligible-import');
  const filters = { status: '', stateIso2: '', gender: '' };

  const loadProposal = async () => {
    const p = await api('GET', `/sponsorship/programmes/${id}/proposal`);
    const director = (user?.roles || []).includes('DIRECTOR');
    const approve = !p.approvedAt && director && p.funded > 0
      ? h('button', { type: 'button', class: 'primary approve', onclick: async (event) => {
        event.target.disabled = true;
        try {
          await api('POST', `/sponsorship/programmes/${id}/proposal/approve`, { version: p.programmeVersion });
          ui.notify(tr('approvedNotice'));
          eligibleForm?.remove(); // the rules of an approved selection no longer change
          await Promise.all([loadProposal(), loadApplications()]);
        } catch (error) {
          event.target.disabled = false;
          proposal.prepend(failure(ui, error));
        }
      } }, tr('approve'))
      : null;
    replace(proposal,
      h('p', { class: 'counts' }, tr('balanceLine', { balance: money(p.fundBalance.balance, currency, language),
        funded: String(p.funded), total: money(p.total, currency, language), left: money(p.left, currency, language) })),
      p.approvedAt ? h('p', {}, ui.badge(tr('approvedBy', { who: p.approvedBy, when: ui.formatDateTime(p.approvedAt) }), 'ok')) : null,
      ui.table([
        { key: 'rank', label: tr('rank') },
        { key: 'stateName', label: tr('stateName') },
        { key: 'name', label: tr('name') },
        { key: 'points', label: tr('points'), render: (l) => `${l.points} (${l.criteria.map((c) => tr(c)).join(', ')})` },
        { key: 'cost', label: tr('cost'), render: (l) => (l.cost === null || l.cost === undefined ? (l.costMissing ?? '') : money(l.cost, currency, language)) },
        { key: 'outcome', label: tr('outcome'), render: (l) => ui.badge(tr(l.outcome), OUTCOME_BADGE[l.outcome]) },
        { key: 'balanceAfter', label: tr('balanceAfter'), render: (l) => money(l.balanceAfter, currency, language) },
        { key: 'adjustment', label: tr('adjustment'), render: (l) => adjustment(l, !p.approvedAt) },
      ], p.lines, { empty: tr('noApplications'), caption: tr('proposal') }),
      approve);
  };

  // Staff's adjustment of a line: include it ahead of the ranking or exclude it, with a reason; the
  // proposal is drawn again, so the balance after each line follows.
  const adjust = async (l, kind, reason) => {
    await api('POST', `/sponsorship/programmes/${id}/applications/${l.applicationId}/adjustment`, { adjustment: kind, reason,
      version: l.applicationVersion });
    await Promise.all([loadProposal(), loadApplications()]);
  };
  const adjustment = (l, changeable) => {
    const box = h('div', { class: 'adjustment' });
    const shown = l.adjustment ? h('span', {}, ui.badge(tr(`adjusted${l.adjustment}`), l.adjustment === 'INCLUDE' ? 'ok' : 'neutral'),
      ` ${l.adjustmentReason ?? ''}`) : null;
    if (!changeable) {
      box.append(shown ?? '');
      return box;
    }
    const ask = (kind) => replace(box, ui.form({
      fields: [{ name: 'reason', label: tr('adjustReason', { state: l.stateName }), required: true, maxlength: 500 }],
      submitLabel: tr(`do${kind}`),
      cancel: () => replace(box, ...buttons()),
      onSubmit: async (v) => adjust(l, kind, v.reason),
    }));
    const buttons = () => [shown,
      l.adjustment !== 'INCLUDE' ? h('button', { type: 'button', class: 'link include', 'aria-label': tr('includeLine', { state: l.stateName }),
        onclick: () => ask('INCLUDE') }, tr('doINCLUDE')) : null,
      l.adjustment !== 'EXCLUDE' ? h('button', { type: 'button', class: 'link exclude', 'aria-label': tr('excludeLine', { state: l.stateName }),
        onclick: () => ask('EXCLUDE') }, tr('doEXCLUDE')) : null,
      l.adjustment ? h('button', { type: 'button', class: 'link clear', 'aria-label': tr('clearLine', { state: l.stateName }),
        onclick: async () => adjust(l, null, null).catch((error) => box.append(failure(ui, error))) }, tr('clearAdjustment')) : null,
    ].filter(Boolean);
    replace(box, ...buttons());
    return box;
  };

  // The nomination letter: a link to download it, and an upload (PDF) while the application keeps its personal data.
  const letter = (a) => {
    const box = h('div', { class: 'letter' });
    const link = a.letter ? h('a', { href: `/api/sponsorship/programmes/${id}/applications/${a.id}/letter`, download: a.letter.fileName },
      a.letter.fileName) : null;
    if (a.erasedOn) {
      box.append(tr('erasedOn', { day: a.erasedOn }));
      return box;
    }
    const upload = () => replace(box, fileForm(ui, {
      label: tr('letterFile', { name: `${a.givenName ? `${a.givenName} ` : ''}${a.familyName}` }), help: tr('letterHelp'),
      submitLabel: tr('uploadLetter'), accept: '.pdf,application/pdf',
      cancel: () => replace(box, ...parts()),
      send: async (file) => {
        await api('PUT', `/sponsorship/programmes/${id}/applications/${a.id}/letter${ui.query({ fileName: file.name })}`,
          new Blob([file], { type: 'application/pdf' }));
        ui.notify(tr('letterUploaded'), 'success');
        await loadApplications();
      },
    }));
    const parts = () => [link, h('button', { type: 'button', class: 'link upload-letter', onclick: upload }, a.letter ? tr('replaceLetter') : tr('uploadLetter'))]
      .filter(Boolean);
    replace(box, ...parts());
    return box;
  };

  const decide = (a, status) => ui.form({
    fields: [{ name: 'reason', label: tr('reason'), required: true, maxlength: 500 }],
    submitLabel: tr(`do${status}`),
    onSubmit: async (v) => {
      await api('POST', `/sponsorship/programmes/${id}/applications/${a.id}/decision`, { status, reason: v.reason, version: a.version });
      await Promise.all([loadApplications(), loadProposal()]);
    },
  });

  const attendance = (a) => ui.form({
    fields: [
      { name: 'attendance', label: tr('attendance'), type: 'select', required: true,
        options: ['ATTENDED', 'PARTLY', 'NO_SHOW'].map((k) => ({ value: k, label: tr(k) })) },
      { name: 'nightsAttended', label: tr('nightsAttended'), type: 'number' },
    ],
    submitLabel: tr('recordAttendance'),
    onSubmit: async (v) => {
      await api('POST', `/sponsorship/programmes/${id}/applications/${a.id}/attendance`, { attendance: v.attendance,
        nightsAttended: v.nightsAttended ? Number(v.nightsAttended) : null, version: a.version });
      await Promise.all([loadApplications(), loadProposal()]);
    },
  });

  const loadApplications = async () => {
    const list = await api('GET', `/sponsorship/programmes/${id}/applications${ui.query(filters)}`);
    replace(applications, ui.table([
      { key: 'stateName', label: tr('stateName') },
      { key: 'name', label: tr('name'), render: (a) => `${a.givenName ? `${a.givenName} ` : ''}${a.familyName}` },
      { key: 'gender', label: tr('gender'), render: (a) => (a.gender ? tr(a.gender) : '') },
      { key: 'points', label: tr('points'), render: (a) => String(a.points.points) },
      { key: 'cost', label: tr('cost'), render: (a) => (a.cost ? money(a.cost.total, currency, language) : (a.costMissing ?? '')) },
      { key: 'status', label: tr('status'), render: (a) => ui.badge(tr(a.status), STATUS_BADGE[a.status]) },
      { key: 'letter', label: tr('letter'), render: letter },
      { key: 'actions', label: tr('actions'), render: (a) => {
        const box = h('div', { class: 'application-actions' });
        const open = (node) => replace(box, node);
        const buttons = [];
        if (a.status === 'OFFERED') buttons.push(['ACCEPTED', 'DECLINED']);
        if (a.status === 'SUBMITTED') buttons.push(['INFORMATION_NEEDED', 'REJECTED']);
        buttons.flat().forEach((status) => box.append(h('button', { type: 'button', class: 'link', onclick: () => open(decide(a, status)) }, tr(`do${status}`))));
        if (a.status === 'ACCEPTED') {
          box.append(a.attendance ? h('span', {}, `${tr(a.attendance)} · ${tr('spent')} ${money(a.spent, currency, language)}`)
            : h('button', { type: 'button', class: 'link', onclick: () => open(attendance(a)) }, tr('recordAttendance')));
        }
        return box;
      } },
    ], list, { empty: tr('noApplications'), caption: tr('applications') }));
  };

  const filterForm = ui.form({
    fields: [
      { name: 'status', label: tr('status'), type: 'select', options: [{ value: '', label: tr('any') }, ...STATUSES.map((s) => ({ value: s, label: tr(s) }))] },
      { name: 'stateIso2', label: tr('stateIso2'), maxlength: 2 },
      { name: 'gender', label: tr('gender'), type: 'select', options: [{ value: '', label: tr('any') }, ...['FEMALE', 'MALE', 'OTHER'].map((g) => ({ value: g, label: tr(g) }))] },
    ],
    submitLabel: tr('filter'),
    onSubmit: async (v) => { Object.assign(filters, v); await loadApplications(); },
  });
  filterForm.classList.add('filters');

  const m = programme.meeting;
  replace(container, back, h('h1', {}, tr('programmeTitle', { meeting: m.title })),
    h('p', { class: 'counts' }, tr('programmeLine', { dates: `${m.startDate} – ${m.endDate}`, city: m.city ?? '', nights: String(m.nights),
      dsa: programme.dsaRate ? money(programme.dsaRate.rate, programme.dsaRate.currency, language) : tr('noDsa'),
      terminal: money(programme.terminalExpenses, currency, language) })),
    programme.readOnly ? h('p', { class: 'form-error', role: 'status' }, tr('readOnly')) : null,
    h('div', { class: 'toolbar' },
      h('a', { href: `/api/sponsorship/funds/${programme.fundId}/report.pdf`, download: `donor-report-${programme.fundId}.pdf` }, tr('reportPdf')),
      h('a', { href: `/api/sponsorship/funds/${programme.fundId}/report.csv`, download: `donor-report-${programme.fundId}.csv` }, tr('reportCsv'))),
    h('h2', {}, tr('proposal')), proposal,
    h('h2', {}, tr('applications')), filterForm, applications,
    h('h2', {}, tr('eligibleStates')), eligibleForm, eligible);
  await Promise.all([loadProposal(), loadApplications(), loadEligible()]).catch((error) => applications.append(failure(ui, error)));
}
