// Reads an .ics with node-ical and prints one JSON line per occurrence before the given end, as
// occurrences.mjs does for ical.js: {uid, start, end, status}; timed values UTC instants (ISO, Z),
// all-day values dates (YYYY-MM-DD, end exclusive). Series through node-ical's own
// expandRecurringEvent (EXDATE, RECURRENCE-ID, DST). Usage: node node_ical_occurrences.mjs FILE UNTIL-DATE
import ical from 'node-ical';

const [file, until] = process.argv.slice(2);
const limit = new Date(`${until}T00:00:00Z`);
const data = ical.sync.parseFile(file);

const day = (d) => {
  // An all-day value is a date in the calendar's own zone (node-ical keeps it as that zone's midnight).
  const tz = d.tz && d.tz !== 'Etc/UTC' ? d.tz : 'UTC';
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(d);
  return parts;
};
const fmt = (d, allDay) => (allDay ? day(d) : d.toISOString().replace('.000Z', 'Z'));
const print = (uid, start, end, allDay, status) => {
  console.log(JSON.stringify({ uid, start: fmt(start, allDay), end: fmt(end, allDay), status: status || '' }));
};

for (const event of Object.values(data)) {
  if (event.type !== 'VEVENT' || event.recurrenceid) continue;
  const allDay = event.datetype === 'date';
  if (!event.rrule) {
    if (event.start < limit) print(event.uid, event.start, event.end, allDay, event.status);
    continue;
  }
  const instances = ical.expandRecurringEvent(event, { from: new Date('1970-01-01T00:00:00Z'), to: limit });
  for (const i of instances) {
    if (i.start >= limit) continue;
    const source = i.event || event;
    print(event.uid, i.start, i.end, i.isFullDay, source.status);
  }
}
