// The outreach log of a state, an organisation or a person, with the form recording a contact that took
// place: shared by the states', organisations' and people's pages.
const KINDS = ['MEETING', 'LETTER', 'EMAIL', 'CALL', 'VISIT', 'EVENT', 'OTHER'];

/**
 * An element holding the log (latest first) and the record form. `about` is one of {state: 'AO'},
 * {organisationId: 5}, {personId: 7}: what the log lists and what a new entry is with.
 */
export async function outreachPanel({ api, ui, user }, about) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const area = h('div', { class: 'outreach' });
  const listArea = h('div');
  const filter = about.state ? { state: about.state } : about.organisationId ? { organisation: about.organisationId } : { person: about.personId };

  const load = async () => {
    try {
      const page = await api('GET', `/contacts/outreach${ui.query({ ...filter, size: 50 })}`);
      replace(listArea, ui.table([
        { key: 'date', label: tr('date') },
        { key: 'kind', label: tr('kind'), render: (row) => tr(row.kind) },
        { key: 'with', label: tr('with'), render: (row) => [row.organisationName, row.personName, row.stateIso2].filter(Boolean).join(' · ') },
        { key: 'staff', label: tr('staff') },
        { key: 'summary', label: tr('summary') },
        { key: 'nextStep', label: tr('nextStep') },
      ], page.items, { empty: tr('empty') }));
      return true;
    } catch (error) {
      replace(listArea, h('p', { class: 'empty' }, error.status === 403 ? tr('noAccess') : error.message));
      return false;
    }
  };

  const form = h('section', { class: 'card' }, h('h3', {}, tr('record')), ui.form({
    fields: [
      { name: 'date', label: tr('date'), type: 'date', required: true, value: new Date().toISOString().slice(0, 10) },
      { name: 'kind', label: tr('kind'), type: 'select', options: KINDS.map((k) => ({ value: k, label: tr(k) })) },
      { name: 'staff', label: tr('staff'), required: true, value: user.displayName || user.username },
      { name: 'summary', label: tr('summary'), type: 'textarea', required: true },
      { name: 'nextStep', label: tr('nextStep') },
    ],
    submitLabel: tr('record'),
    onSubmit: async (values, element) => {
      await api('POST', '/contacts/outreach', {
        ...values, nextStep: values.nextStep || null,
        stateIso2: about.state || null, organisationId: about.organisationId || null, personId: about.personId || null,
      });
      element.reset();
      ui.notify(tr('recorded'), 'success');
      await load();
    },
  }));
  if (await load()) {
    replace(area, listArea, form);
  } else {
    replace(area, listArea);
  }
  return area;
}
