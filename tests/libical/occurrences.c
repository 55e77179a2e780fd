/* Reads an .ics with libical (the library Evolution uses) and prints one JSON line per occurrence
 * that starts before the given date: {"uid","start","end","status"}. Timed values are UTC instants
 * (YYYY-MM-DDTHH:MM:SSZ), all-day values dates (YYYY-MM-DD, DTEND exclusive), as tests/js does.
 * A series is expanded with icalcomponent_foreach_recurrence (RRULE, EXDATE); an occurrence that a
 * component with its RECURRENCE-ID replaces is printed as that component, as Evolution shows it.
 * Usage: occurrences FILE UNTIL-DATE. Built by tests/ical_readers.py with gcc and pkg-config. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static icalcomponent *root;

static void fmt(char *out, size_t size, time_t t, int is_date) {
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, size, is_date ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A value as an instant: DATE values as midnight UTC (so the date prints as written). */
static time_t instant(struct icaltimetype t) {
    if (icaltime_is_date(t)) {
        struct icaltimetype d = t;
        d.zone = icaltimezone_get_utc_timezone();
        return icaltime_as_timet_with_zone(d, d.zone);
    }
    return icaltime_as_timet_with_zone(t, t.zone ? t.zone : icaltimezone_get_utc_timezone());
}

static const char *status_of(icalcomponent *c) {
    switch (icalcomponent_get_status(c)) {
    case ICAL_STATUS_CONFIRMED: return "CONFIRMED";
    case ICAL_STATUS_TENTATIVE: return "TENTATIVE";
    case ICAL_STATUS_CANCELLED: return "CANCELLED";
    default: return "";
    }
}

static void print(const char *uid, time_t start, time_t end, int is_date, const char *status) {
    char a[32], b[32];
    fmt(a, sizeof a, start, is_date);
    fmt(b, sizeof b, end, is_date);
    printf("{\"uid\":\"%s\",\"start\":\"%s\",\"end\":\"%s\",\"status\":\"%s\"}\n", uid, a, b, status);
}

static void print_component(icalcomponent *c) {
    struct icaltimetype s = icalcomponent_get_dtstart(c), e = icalcomponent_get_dtend(c);
    print(icalcomponent_get_uid(c), instant(s), instant(e), icaltime_is_date(s), status_of(c));
}

/* RECURRENCE-ID as an instant: libical leaves its TZID unresolved, so look it up in the calendar's VTIMEZONEs. */
static time_t recurrence_instant(icalcomponent *c) {
    icalproperty *p = icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY);
    struct icaltimetype t = icalproperty_get_recurrenceid(p);
    icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    if (tzid && !icaltime_is_date(t)) {
        icaltimezone *zone = icalcomponent_get_timezone(root, icalparameter_get_tzid(tzid));
        if (!zone) { fprintf(stderr, "unknown TZID %s\n", icalparameter_get_tzid(tzid)); exit(1); }
        t = icaltime_set_timezone(&t, zone);
    }
    return instant(t);
}

/* The component that replaces this series occurrence (same UID, RECURRENCE-ID at its start), if any. */
static icalcomponent *override_for(const char *uid, time_t start) {
    for (icalcomponent *c = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); c;
         c = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
        if (!icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY) || strcmp(icalcomponent_get_uid(c), uid))
            continue;
        if (recurrence_instant(c) == start) return c;
    }
    return NULL;
}

struct series { icalcomponent *master; int is_date; time_t until; };

static void occurrence(icalcomponent *comp, struct icaltime_span *span, void *data) {
    struct series *s = data;
    if (span->start >= s->until) return;
    const char *uid = icalcomponent_get_uid(comp);
    /* Iterating root again inside foreach_recurrence would disturb its iterator: copy the uid first. */
    char *copy = strdup(uid);
    icalcomponent *replaced = override_for(copy, span->start);
    if (replaced) print_component(replaced);
    else print(copy, span->start, span->end, s->is_date, status_of(s->master));
    free(copy);
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s FILE UNTIL-DATE\n", argv[0]); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *text = malloc(size + 1);
    if (fread(text, 1, size, f) != (size_t)size) { perror("read"); return 1; }
    text[size] = 0;
    fclose(f);
    root = icalparser_parse_string(text);
    if (!root) { fprintf(stderr, "libical could not parse %s\n", argv[1]); return 1; }
    struct icaltimetype until = icaltime_from_string(argv[2]);
    time_t limit = instant(until);
    /* The masters first (collected: override_for walks the component list itself). */
    int n = 0;
    static icalcomponent *masters[100000];
    for (icalcomponent *c = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); c && n < 100000;
         c = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT))
        if (!icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY)) masters[n++] = c;
    for (int i = 0; i < n; i++) {
        icalcomponent *c = masters[i];
        struct icaltimetype start = icalcomponent_get_dtstart(c);
        if (!icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY)) {
            if (instant(start) < limit) print_component(c);
            continue;
        }
        struct series s = {c, icaltime_is_date(start), limit};
        struct icaltimetype from = icaltime_from_string("19700101T000000Z");
        icalcomponent_foreach_recurrence(c, from, until, occurrence, &s);
    }
    icalcomponent_free(root);
    free(text);
    return 0;
}
