// A meeting's participants who look like a person of the contacts module (the same name and State, or
// the same address): staff accept a proposal (the participant is linked to the person, whose page then
// shows the meeting) or turn it down (it is not proposed again). Nothing is shown without contacts.

/** The proposals panel for one meeting, or null when there is nothing to propose. */
export async function linkProposals({ api, ui, tr, id, reload }) {
  const { h } = ui;
  const proposals = await api('GET', '/meetings/participants/link-proposals').catch(() => null);
  if (!proposals || !proposals.available) return null;
  const mine = proposals.items.filter((p) => p.meetingId === id);
  if (mine.length === 0) return null;
  const decide = async (proposal, candidate, reject) => {
    try {
      await api('POST', `/meetings/${id}/participants/${proposal.participantId}/person`, { personId: candidate.personId, reject });
      ui.notify(reject ? tr('linkRejected', { name: proposal.name }) : tr('linked', { name: proposal.name, person: candidate.name }), 'success');
      await reload();
    } catch (error) {
      ui.notify(error.message, 'error');
    }
  };
  const rows = mine.flatMap((proposal) => proposal.candidates.map((candidate) => ({ proposal, candidate })));
  return h('section', { class: 'card' }, h('h2', {}, tr('linkProposals')), h('p', {}, tr('linkProposalsHelp')), ui.table([
    { key: 'participant', label: tr('name'), render: (row) => `${row.proposal.name} (${row.proposal.delegation})` },
    { key: 'person', label: tr('person'), render: (row) => `${row.candidate.name} (#${row.candidate.personId})` },
    { key: 'reasons', label: tr('why'), render: (row) => row.candidate.reasons.map((r) => tr(`reason.${r}`)).join(', ') },
    {
      key: 'actions', label: tr('actions'), render: (row) => h('span', { class: 'actions' },
        h('button', { type: 'button', onclick: () => decide(row.proposal, row.candidate, false) }, tr('linkAccept')),
        h('button', { type: 'button', onclick: () => decide(row.proposal, row.candidate, true) }, tr('linkReject'))),
    },
  ], rows));
}
