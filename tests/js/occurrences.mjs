// Reads an .ics with Mozilla's ical.js (Thunderbird's engine) and prints one JSON line per
// occurrence before the given end: {uid, start, end, status, summary}. Timed values are UTC
// instants (ISO, Z); all-day values are dates (YYYY-MM-DD). Usage: node occurrences.mjs FILE UNTIL-DATE
import fs from 'node:fs';
import ICAL from 'ical.js';

const [file, until] = process.argv.slice(2);
const root = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
const limit = ICAL.Time.fromDateString(until);

const vevents = root.getAllSubcomponents('vevent');
const exceptionsByUid = new Map();
for (const v of vevents) {
  if (v.hasProperty('recurrence-id')) {
    const uid = v.getFirstPropertyValue('uid');
    if (!exceptionsByUid.has(uid)) exceptionsByUid.set(uid, []);
    exceptionsByUid.get(uid).push(v);
  }
}

const fmt = (t) => (t.isDate ? t.toString() : t.toJSDate().toISOString().replace('.000Z', 'Z'));
const print = (uid, item, start, end) => {
  const status = item.component.getFirstPropertyValue('status') || '';
  console.log(JSON.stringify({ uid, start: fmt(start), end: fmt(end), status, summary: item.summary }));
};

for (const v of vevents) {
  if (v.hasProperty('recurrence-id')) continue;
  const uid = v.getFirstPropertyValue('uid');
  const event = new ICAL.Event(v, { exceptions: exceptionsByUid.get(uid) || [] });
  if (!event.isRecurring()) {
    print(uid, event, event.startDate, event.endDate);
    continue;
  }
  const it = event.iterator();
  for (let next = it.next(); next && next.compare(limit) < 0; next = it.next()) {
    const details = event.getOccurrenceDetails(next);
    print(uid, details.item, details.startDate, details.endDate);
  }
}
