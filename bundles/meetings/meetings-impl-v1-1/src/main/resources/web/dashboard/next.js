// Home-page card: the next three meetings, and the follow-up actions still open after their due date.
export default async function render(container, { api, ui }) {
  const { h, replace } = ui;
  const tr = await ui.pageTranslator(import.meta.url);
  const [meetings, overdue] = await Promise.all([
    api('GET', `/meetings${ui.query({ upcoming: 'true', size: 3, sort: 'startDate' })}`),
    api('GET', '/meetings/actions/overdue'),
  ]);
  replace(container,
    h('h3', {}, tr('nextMeetings')),
    meetings.items.length
      ? h('ul', { class: 'next-meetings' }, meetings.items.map((meeting) => h('li', {},
        h('a', { href: `#/meetings/${meeting.id}` }, meeting.title), ' ',
        tr('dates', { start: meeting.startDate, end: meeting.endDate || meeting.startDate }),
        meeting.city ? ` · ${meeting.city}` : '')))
      : h('p', { class: 'empty' }, tr('noMeetings')),
    h('h3', {}, tr('overdueActions', { count: overdue.length })),
    overdue.length
      ? ui.table([
        { key: 'title', label: tr('action'), render: (row) => h('a', { href: `#/meetings/${row.meetingId}/actions` }, row.title) },
        { key: 'owner', label: tr('owner') },
        { key: 'dueDate', label: tr('dueDate') },
      ], overdue.slice(0, 5), { caption: tr('overdueActions', { count: overdue.length }) })
      : h('p', { class: 'empty' }, tr('noOverdue')),
    h('p', {}, h('a', { href: '#/meetings' }, tr('allMeetings'))));
}
