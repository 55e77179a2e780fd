/* The feed's hot path in C: a top-level single event (no rule) from its database row to its VEVENT.
 *
 * Byte for byte what planner/feeds/build.py _Singles writes (tests/test_feeds_native.py holds it to
 * that on SQLite's text rows and PostgreSQL's datetime rows). Anything this file does not know how to
 * write exactly -- a series, an override, a body with derived deadlines, a control character or CR in
 * a text, an instant in October's repeated hour, a year outside the zone table, a tzinfo that is not
 * UTC -- is not guessed at: the row's index goes back to Python, which writes it as before.
 * planner/feeds/native.py builds the context (escaped bodies, kinds, the Stockholm table) and merges.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <stdint.h>
#include <string.h>

/* Columns of planner.feeds.rows.COLUMNS, in that order. */
enum { C_ID, C_UID, C_SERIES, C_BODY, C_KIND, C_TITLE, C_DESC, C_LOC, C_ALLDAY, C_START_AT, C_END_AT,
       C_START_DATE, C_END_DATE, C_STATUS, C_RRULE, C_EXDATES, C_RECUR, C_FROM, C_TO, C_SEQ, C_CREATED,
       C_UPDATED, C_TRANSP, N_COLUMNS };

#define FOLD 75
#define US 1000000LL
#define DAY_US (86400LL * US)

/* A growable byte buffer; every writer returns -1 on MemoryError. */
/* A growable byte buffer; every writer returns -1 on MemoryError. The feed's own buffer is a bytes
 * object (`bytes` set): the whole calendar is written into the object Python gets, with no 1,000
 * small objects and no final join (each large temporary costs page faults on every request). */
typedef struct { char *p; Py_ssize_t n, cap; PyObject *bytes; } Buf;

static int grow(Buf *b, Py_ssize_t more) {
    if (b->n + more <= b->cap) return 0;
    Py_ssize_t cap = b->cap ? b->cap : 1024;
    while (cap < b->n + more) cap *= 2;
    if (b->bytes) {
        if (_PyBytes_Resize(&b->bytes, cap) < 0) return -1;
        b->p = PyBytes_AS_STRING(b->bytes);
    } else {
        char *p = PyMem_Realloc(b->p, cap);
        if (!p) { PyErr_NoMemory(); return -1; }
        b->p = p;
    }
    b->cap = cap;
    return 0;
}

static int put(Buf *b, const char *s, Py_ssize_t n) {
    if (grow(b, n) < 0) return -1;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    return 0;
}
#define PUTS(b, lit) put((b), (lit), (Py_ssize_t)sizeof(lit) - 1)

/* fold(): 75 octets on the first line, 74 after the space of each continuation, never inside a UTF-8
 * sequence (Outlook shows a cut å as two garbage characters). The line ends with CRLF. */
static int put_folded(Buf *b, const char *s, Py_ssize_t n) {
    Py_ssize_t start = 0, limit = FOLD;
    while (n - start > limit) {
        Py_ssize_t cut = start + limit;
        while (((unsigned char)s[cut] & 0xC0) == 0x80) cut--;  /* a continuation byte: back to the start */
        if (put(b, s + start, cut - start) < 0 || PUTS(b, "\r\n ") < 0) return -1;
        start = cut; limit = FOLD - 1;
    }
    if (put(b, s + start, n - start) < 0) return -1;
    return PUTS(b, "\r\n");
}

/* escape_text() for a text with no control character and no CR (the caller checked: those go to Python). */
static int put_escaped(Buf *b, const char *s, Py_ssize_t n) {
    if (grow(b, 2 * n) < 0) return -1;
    char *o = b->p + b->n;
    for (Py_ssize_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\\' || c == ';' || c == ',') { *o++ = '\\'; *o++ = c; }
        else if (c == '\n') { *o++ = '\\'; *o++ = 'n'; }
        else *o++ = c;
    }
    b->n = o - b->p;
    return 0;
}

/* Whether escape_text() would drop or rewrite something here that put_escaped() does not: a control
 * character (RFC 5545 forbids them; OCR'd minutes have them) or a CR (CRLF becomes one \n). */
static int needs_python(const char *s, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 32 && c != '\t' && c != '\n') || c == 127) return 1;
    }
    return 0;
}

/* Whether Python's strict decoder takes these octets: no overlong form, surrogate or code point past
 * U+10FFFF (what it refuses, Python's path refuses too: the row goes there). */
static int valid_utf8(const unsigned char *s, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n;) {
        unsigned int c = s[i], cp, min;
        int len;
        if (c < 0x80) { i++; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return 0;
        if (n - i < len) return 0;
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        i += len;
    }
    return 1;
}

/* UTF-8 of a text column: SQLite's text comes as bytes (rows.py: no decoding into str and encoding
 * back), psycopg's as str (its UTF-8 cached in the object). NULL with no error set for anything else,
 * invalid UTF-8 or a lone surrogate: Python decides what happens to it. */
static const char *utf8(PyObject *o, Py_ssize_t *n) {
    if (PyBytes_CheckExact(o)) {
        *n = PyBytes_GET_SIZE(o);
        return valid_utf8((const unsigned char *)PyBytes_AS_STRING(o), *n) ? PyBytes_AS_STRING(o) : NULL;
    }
    if (!PyUnicode_CheckExact(o)) return NULL;
    const char *s = PyUnicode_AsUTF8AndSize(o, n);
    if (!s) PyErr_Clear();
    return s;
}

/* Whether a text column is this ASCII word. */
static int is_word(PyObject *o, const char *word) {
    Py_ssize_t n;
    const char *s = utf8(o, &n);
    return s && n == (Py_ssize_t)strlen(word) && memcmp(s, word, n) == 0;
}

/* --- dates and instants ------------------------------------------------------------------------ */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int digits(const char *s, int n, int *out) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

static int valid_date(int y, int m, int d) {
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return 0;
    return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/* The zero-offset tzinfo objects a driver may hand over (dt.UTC, ZoneInfo("Etc/UTC") …), from Python. */
static PyObject *utc_zones;

/* A UTC instant in microseconds from SQLite's naive-UTC text ("2026-12-02 08:30:00.000000", what
 * planner.db.UTCDateTime stores) or from an aware datetime in one of utc_zones. 1: done, 0: not
 * for C (None, another zone, another text form). */
static int instant(PyObject *o, int64_t *us) {
    int y, mo, d, h, mi, s, f = 0;
    if (PyUnicode_CheckExact(o) || PyBytes_CheckExact(o)) {
        Py_ssize_t n;
        const char *t = utf8(o, &n);
        if (!t || (n != 19 && n != 26) || t[4] != '-' || t[7] != '-' || (t[10] != ' ' && t[10] != 'T') ||
            t[13] != ':' || t[16] != ':' || !digits(t, 4, &y) || !digits(t + 5, 2, &mo) ||
            !digits(t + 8, 2, &d) || !digits(t + 11, 2, &h) || !digits(t + 14, 2, &mi) || !digits(t + 17, 2, &s))
            return 0;
        if (n == 26 && (t[19] != '.' || !digits(t + 20, 6, &f))) return 0;
    } else if (PyDateTime_CheckExact(o)) {
        PyObject *tz = PyDateTime_DATE_GET_TZINFO(o);
        int known = 0;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(utc_zones); i++)
            if (tz == PyTuple_GET_ITEM(utc_zones, i)) known = 1;
        if (!known) return 0;
        y = PyDateTime_GET_YEAR(o); mo = PyDateTime_GET_MONTH(o); d = PyDateTime_GET_DAY(o);
        h = PyDateTime_DATE_GET_HOUR(o); mi = PyDateTime_DATE_GET_MINUTE(o); s = PyDateTime_DATE_GET_SECOND(o);
        f = PyDateTime_DATE_GET_MICROSECOND(o);
    } else {
        return 0;
    }
    if (!valid_date(y, mo, d) || h > 23 || mi > 59 || s > 59) return 0;
    *us = (days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * US + f;
    return 1;
}

/* A date as days since 1970 from SQLite's text (its first ten characters, as rows._date reads it) or
 * a date object. */
static int day_of(PyObject *o, int64_t *days) {
    int y, m, d;
    if (PyUnicode_CheckExact(o) || PyBytes_CheckExact(o)) {
        Py_ssize_t n;
        const char *t = utf8(o, &n);
        if (!t || n < 10 || t[4] != '-' || t[7] != '-' || !digits(t, 4, &y) || !digits(t + 5, 2, &m) ||
            !digits(t + 8, 2, &d))
            return 0;
    } else if (PyDate_CheckExact(o)) {
        y = PyDateTime_GET_YEAR(o); m = PyDateTime_GET_MONTH(o); d = PyDateTime_GET_DAY(o);
    } else {
        return 0;
    }
    if (!valid_date(y, m, d)) return 0;
    *days = days_from_civil(y, m, d);
    return 1;
}

/* --- Stockholm ---------------------------------------------------------------------------------- */

/* Per year from zone_first: the UTC seconds summer time starts and ends. Computed from the EU rule and
 * checked against zoneinfo in native.py (a tzdata that disagrees shortens the table). */
static int zone_first, zone_years;
static int64_t *zone_table;

/* The UTC offset in seconds at a UTC instant; 0 when outside the table or in the hour after summer time
 * ends whose wall-clock time Stockholm shows twice (zoned_or_utc writes those in UTC: Python's job). */
static int offset_at(int64_t us) {
    int y, m, d;
    int64_t sec = us >= 0 ? us / US : -((-us + US - 1) / US);
    int64_t day = sec >= 0 ? sec / 86400 : -((-sec + 86399) / 86400);
    civil_from_days(day, &y, &m, &d);
    int i = y - zone_first;
    if (i < 0 || i >= zone_years) return 0;
    int64_t on = zone_table[2 * i], off = zone_table[2 * i + 1];
    if (sec >= off - 3600 && sec < off + 3600) return 0;
    return sec >= on && sec < off ? 7200 : 3600;
}

/* The UTC instant of Stockholm's midnight starting a day (never in a changed hour: those are at 02-03). */
static int midnight_utc(int64_t days, int64_t *us) {
    int64_t wall = days * DAY_US;
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    int i = y - zone_first;
    if (i < 0 || i >= zone_years) return 0;
    int64_t summer = wall / US - 7200;
    *us = wall - (summer >= zone_table[2 * i] && summer < zone_table[2 * i + 1] ? 7200 : 3600) * US;
    return 1;
}

static const char D2[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                         "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                         "8081828384858687888990919293949596979899";

static char *two(char *o, int v) { o[0] = D2[2 * v]; o[1] = D2[2 * v + 1]; return o + 2; }

/* YYYYMMDD of a day since 1970. */
static char *date8(char *o, int64_t days) {
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    return two(two(two(two(o, y / 100), y % 100), m), d);
}

/* YYYYMMDDTHHMMSS of microseconds since 1970 (wall clock or UTC); the fraction is dropped as utc_stamp does. */
static char *stamp15(char *o, int64_t us) {
    int64_t sec = us >= 0 ? us / US : -((-us + US - 1) / US);
    int64_t day = sec >= 0 ? sec / 86400 : -((-sec + 86399) / 86400);
    int64_t rest = sec - day * 86400;
    o = date8(o, day);
    *o++ = 'T';
    return two(two(two(o, (int)(rest / 3600)), (int)(rest / 60 % 60)), (int)(rest % 60));
}

/* --- one event ---------------------------------------------------------------------------------- */

typedef struct {
    const char *url; Py_ssize_t url_n;
    int pages;
    int64_t start_utc, end_utc;        /* the window, UTC */
    int start_is_wall, end_is_wall;    /* a bound in STOCKHOLM itself: Python compares wall clocks with it */
    int64_t start_wall, end_wall;
    PyObject *bodies, *deriving, *kinds, *statuses, *cancelled_check;
    Buf line;                          /* one logical line before folding */
} Ctx;

/* A text column: NULL (and *n = 0) for None or "", else its UTF-8; *bad when Python must write it. */
static const char *text_col(PyObject *o, Py_ssize_t *n, int *bad) {
    *n = 0;
    if (o == Py_None) return NULL;
    const char *s = utf8(o, n);
    if (!s || needs_python(s, *n)) { *bad = 1; return NULL; }
    return *n ? s : NULL;
}

static int uid_plain(const char *s, Py_ssize_t n) {  /* build._PLAIN_UID: no quoting needed in a path */
    if (n == 0) return 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@' ||
              c == '.' || c == '-'))
            return 0;
    }
    return 1;
}

/* The logical line in ctx->line, folded into out. */
static int flush_line(Ctx *c, Buf *out) {
    int r = put_folded(out, c->line.p, c->line.n);
    c->line.n = 0;
    return r;
}

/* Writes one row's VEVENT into out. 1: written, 0: out of the window (nothing to write), 2: Python's
 * (out may hold a partial write: the caller drops it), -1: error. */
static int vevent(Ctx *c, PyObject *row, Buf *out) {
    PyObject *v[N_COLUMNS];
    for (int i = 0; i < N_COLUMNS; i++) v[i] = PySequence_Fast_GET_ITEM(row, i);
    if (v[C_SERIES] != Py_None || v[C_RRULE] != Py_None || !PyLong_CheckExact(v[C_ID])) return 2;
    int bad = 0;
    Py_ssize_t uid_n, title_n, desc_n, loc_n, from_n, to_n;
    const char *uid = text_col(v[C_UID], &uid_n, &bad);
    if (!uid || bad) return 2;

    /* The body's "Organ: …" escaped once per rendering in Python; a body missing from the dict has a
     * name Python must escape. A meeting of a body that derives deadlines is Python's (derived_lines). */
    PyObject *organ = NULL;
    PyObject *kind = PyDict_GetItemWithError(c->kinds, v[C_KIND]);  /* (default title, CATEGORIES line) */
    if (!kind) return PyErr_Occurred() ? -1 : 2;
    if (v[C_BODY] != Py_None) {
        organ = PyDict_GetItemWithError(c->bodies, v[C_BODY]);
        if (!organ) return PyErr_Occurred() ? -1 : 2;
        if (is_word(v[C_KIND], "meeting")) {
            int derives = PySet_Contains(c->deriving, v[C_BODY]);
            if (derives) return derives < 0 ? -1 : 2;
        }
    }

    int all_day = PyObject_IsTrue(v[C_ALLDAY]);
    if (all_day < 0) return -1;
    int64_t first, finish, created, updated;
    int64_t first_day = 0, after_day = 0;
    if (!instant(v[C_CREATED], &created) || !instant(v[C_UPDATED], &updated)) return 2;
    if (all_day) {
        if (!day_of(v[C_START_DATE], &first_day)) return 2;
        int64_t last = first_day;
        if (v[C_END_DATE] != Py_None && !day_of(v[C_END_DATE], &last)) return 2;
        after_day = last + 1;  /* the exclusive end */
        int64_t low, high;
        if (!midnight_utc(first_day, &low) || !midnight_utc(after_day, &high)) return 2;
        /* _single_in_window: Stockholm midnights against the window, by wall clock against a bound in
         * Stockholm too (Python compares datetimes of one tzinfo so), else as instants. */
        if ((c->end_is_wall ? first_day * DAY_US > c->end_wall : low > c->end_utc) ||
            (c->start_is_wall ? after_day * DAY_US < c->start_wall : high < c->start_utc))
            return 0;
    } else {
        if (!instant(v[C_START_AT], &first)) return 2;
        finish = first;
        if (v[C_END_AT] != Py_None && !instant(v[C_END_AT], &finish)) return 2;
        if (finish < first) finish = first;
        if (first > c->end_utc || finish < c->start_utc) return 0;
    }

    const char *title = text_col(v[C_TITLE], &title_n, &bad);
    const char *desc = NULL;
    PyObject *stripped = NULL;
    if (v[C_DESC] != Py_None) {
        /* text.strip(): Python's whitespace, which is Unicode's; octets that begin or end with anything
         * but a letter, a digit or a full stop are decoded to have str's own answer */
        PyObject *d = v[C_DESC];
        if (PyBytes_CheckExact(d)) {
            Py_ssize_t n = PyBytes_GET_SIZE(d);
            const unsigned char *t = (const unsigned char *)PyBytes_AS_STRING(d);
            if (n && !(Py_ISALNUM(t[0]) && (Py_ISALNUM(t[n - 1]) || t[n - 1] == '.'))) {
                stripped = PyUnicode_DecodeUTF8((const char *)t, n, "strict");
                if (!stripped) { PyErr_Clear(); return 2; }
                d = stripped;
            }
        }
        if (PyBytes_CheckExact(d)) {
            desc = text_col(d, &desc_n, &bad);
        } else if (!PyUnicode_CheckExact(d)) {
            return 2;
        } else {
            Py_ssize_t len = PyUnicode_GET_LENGTH(d), i = 0, j = len;
            int k = PyUnicode_KIND(d);
            const void *data = PyUnicode_DATA(d);
            while (i < j && Py_UNICODE_ISSPACE(PyUnicode_READ(k, data, i))) i++;
            while (j > i && Py_UNICODE_ISSPACE(PyUnicode_READ(k, data, j - 1))) j--;
            if (i > 0 || j < len) {
                PyObject *sub = PyUnicode_Substring(d, i, j);
                Py_XDECREF(stripped);  /* d was the decoded octets, if anything: sub has its own copy */
                stripped = d = sub;
                if (!sub) return -1;
            }
            desc = text_col(d, &desc_n, &bad);
        }
    }
    const char *loc = text_col(v[C_LOC], &loc_n, &bad);
    const char *kind_s;
    Py_ssize_t kind_n;
    if (!(kind_s = utf8(v[C_KIND], &kind_n))) { bad = 1; kind_n = 0; }
    int handover = kind_n == 14 && memcmp(kind_s, "chair_handover", 14) == 0;
    const char *from = NULL, *to = NULL;
    if (handover) {
        from = text_col(v[C_FROM], &from_n, &bad);
        to = text_col(v[C_TO], &to_n, &bad);
    }
    PyObject *seq = v[C_SEQ];
    long long sequence = 0;
    if (seq != Py_None) {
        if (!PyLong_CheckExact(seq)) bad = 1;
        else {
            sequence = PyLong_AsLongLong(seq);
            if (sequence == -1 && PyErr_Occurred()) { PyErr_Clear(); bad = 1; }
        }
    }
    int cancelled = 0;
    PyObject *status = v[C_STATUS];
    Py_ssize_t status_n;
    if (status != Py_None && !utf8(status, &status_n)) bad = 1;
    else cancelled = is_word(status, "cancelled");
    int offset_a = 1, offset_b = 1;
    if (!all_day) {
        offset_a = offset_at(first);
        offset_b = offset_at(finish);
    }
    if (bad || !offset_a || !offset_b) { Py_XDECREF(stripped); return 2; }

    /* SUMMARY's title: the kind's word when there is none; "INSTÄLLT: " for a cancelled one unless its
     * upper case already starts so (Python decides: upper() is Unicode's). */
    PyObject *default_title = PyTuple_GET_ITEM(kind, 0);
    int prefix = 0, own_title = title != NULL;
    if (!title) {
        title = utf8(default_title, &title_n);
        if (!title || needs_python(title, title_n)) { Py_XDECREF(stripped); return 2; }
    }
    if (cancelled) {
        PyObject *t = own_title ? v[C_TITLE] : default_title;
        PyObject *r = PyObject_CallOneArg(c->cancelled_check, t);
        if (!r) { Py_XDECREF(stripped); return -1; }
        prefix = r == Py_False;
        Py_DECREF(r);
    }

    int busy;
    if (v[C_TRANSP] == Py_None) busy = kind_n == 7 && memcmp(kind_s, "meeting", 7) == 0;
    else {
        int t = PyObject_IsTrue(v[C_TRANSP]);
        if (t < 0) { Py_XDECREF(stripped); return -1; }
        busy = !t;
    }
    busy = busy && !cancelled;

    char num[48];
    char stamp[20], cstamp[20];
    *stamp15(stamp, updated) = 'Z';
    *stamp15(cstamp, created) = 'Z';
    Buf *L = &c->line;
    int r = 0;
#define TRY(x) do { if ((x) < 0) { r = -1; goto done; } } while (0)
    TRY(PUTS(out, "BEGIN:VEVENT\r\n"));
    TRY(PUTS(L, "UID:")); TRY(put_escaped(L, uid, uid_n)); TRY(flush_line(c, out));
    TRY(PUTS(out, "DTSTAMP:")); TRY(put(out, stamp, 16));
    TRY(PUTS(out, "\r\nCREATED:")); TRY(put(out, cstamp, 16));
    TRY(PUTS(out, "\r\nLAST-MODIFIED:")); TRY(put(out, stamp, 16));
    TRY(put(out, num, PyOS_snprintf(num, sizeof num, "\r\nSEQUENCE:%lld\r\n", sequence)));
    char t[16];
    if (all_day) {
        TRY(PUTS(out, "DTSTART;VALUE=DATE:")); date8(t, first_day); TRY(put(out, t, 8));
        TRY(PUTS(out, "\r\nDTEND;VALUE=DATE:")); date8(t, after_day); TRY(put(out, t, 8));
    } else {
        TRY(PUTS(out, "DTSTART;TZID=Europe/Stockholm:")); stamp15(t, first + offset_a * US); TRY(put(out, t, 15));
        TRY(PUTS(out, "\r\nDTEND;TZID=Europe/Stockholm:")); stamp15(t, finish + offset_b * US); TRY(put(out, t, 15));
    }
    TRY(PUTS(out, "\r\n"));
    TRY(PUTS(L, "SUMMARY:"));  /* SUMMARY, LOCATION, DESCRIPTION, URL can pass 75 octets: folded */
    if (prefix) TRY(PUTS(L, "INST\xc3\x84LLT: "));
    TRY(put_escaped(L, title, title_n)); TRY(flush_line(c, out));
    if (loc) { TRY(PUTS(L, "LOCATION:")); TRY(put_escaped(L, loc, loc_n)); TRY(flush_line(c, out)); }

    /* DESCRIPTION: the text, "Organ: …", "Plats: …", the handover, "Mötet är inställt.", the link;
     * joined by an escaped newline, as _Singles joins them. */
    TRY(PUTS(L, "DESCRIPTION:"));
    int parts = 0;
#define SEP() do { if (parts++) TRY(PUTS(L, "\\n")); } while (0)
    if (desc) { SEP(); TRY(put_escaped(L, desc, desc_n)); }
    if (organ) {
        Py_ssize_t n;
        const char *s = utf8(organ, &n);
        if (!s) { r = 2; goto done; }
        SEP(); TRY(put(L, s, n));
    }
    if (loc) { SEP(); TRY(PUTS(L, "Plats: ")); TRY(put_escaped(L, loc, loc_n)); }
    if (handover && (from || to)) {
        SEP(); TRY(PUTS(L, "Ordf\xc3\xb6randeskapet: "));
        if (from) TRY(put_escaped(L, from, from_n)); else TRY(PUTS(L, "?"));
        TRY(PUTS(L, " \xe2\x86\x92 "));
        if (to) TRY(put_escaped(L, to, to_n)); else TRY(PUTS(L, "?"));
    }
    if (cancelled) { SEP(); TRY(PUTS(L, "M\xc3\xb6tet \xc3\xa4r inst\xc3\xa4llt.")); }
    SEP(); TRY(PUTS(L, "Mer information: "));
    Py_ssize_t link_at = L->n;
    TRY(put(L, c->url, c->url_n));
    if (c->pages) {
        if (!uid_plain(uid, uid_n)) { r = 2; goto done; }  /* quote() it in Python */
        TRY(put(L, uid, uid_n));
    } else {
        long long id = PyLong_AsLongLong(v[C_ID]);
        if (id == -1 && PyErr_Occurred()) { PyErr_Clear(); r = 2; goto done; }
        TRY(put(L, num, PyOS_snprintf(num, sizeof num, "%lld", id)));
    }
    /* URL: the same link, copied before the DESCRIPTION line is folded away */
    Py_ssize_t link_n = L->n - link_at;
    char *link = PyMem_Malloc(link_n + 4);
    if (!link) { PyErr_NoMemory(); r = -1; goto done; }
    memcpy(link, "URL:", 4);
    memcpy(link + 4, L->p + link_at, link_n);
    if (flush_line(c, out) < 0 || put_folded(out, link, link_n + 4) < 0) { PyMem_Free(link); r = -1; goto done; }
    PyMem_Free(link);

    {
        Py_ssize_t n;
        const char *s = PyBytes_AsString(PyTuple_GET_ITEM(kind, 1));  /* "CATEGORIES:…\r\n", folded */
        if (!s) { r = -1; goto done; }
        n = PyBytes_GET_SIZE(PyTuple_GET_ITEM(kind, 1));
        TRY(put(out, s, n));
    }
    /* STATUS: the known ones as themselves, anything else CONFIRMED (build.STATUS.get) */
    PyObject *st = status != Py_None ? PyDict_GetItemWithError(c->statuses, status) : NULL;
    if (!st && PyErr_Occurred()) { r = -1; goto done; }
    TRY(PUTS(out, "STATUS:"));
    if (st) {
        Py_ssize_t n;
        const char *s = utf8(st, &n);
        if (!s) { r = 2; goto done; }
        TRY(put(out, s, n));
    } else {
        TRY(PUTS(out, "CONFIRMED"));
    }
    TRY(busy ? PUTS(out, "\r\nTRANSP:OPAQUE\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nEND:VEVENT\r\n")
             : PUTS(out, "\r\nTRANSP:TRANSPARENT\r\nX-MICROSOFT-CDO-BUSYSTATUS:FREE\r\nEND:VEVENT\r\n"));
    r = 1;
done:
    c->line.n = 0;
    Py_XDECREF(stripped);
    return r;
}

/* The order build_calendar() sorts by: the start as an instant, then the id. */
typedef struct { int64_t key, id; Py_ssize_t index; } Slot;

static int by_start(const void *a, const void *b) {
    const Slot *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* A row's sort key before it is written (its start as rows give it); 0: Python's row. */
static int start_key(PyObject **v, Slot *slot) {
    int all_day = PyObject_IsTrue(v[C_ALLDAY]);
    if (all_day < 0) { PyErr_Clear(); return 0; }
    if (!PyLong_CheckExact(v[C_ID])) return 0;
    slot->id = PyLong_AsLongLong(v[C_ID]);
    if (slot->id == -1 && PyErr_Occurred()) { PyErr_Clear(); return 0; }
    if (!all_day) return instant(v[C_START_AT], &slot->key);
    int64_t day;
    return day_of(v[C_START_DATE], &day) && midnight_utc(day, &slot->key);
}

static int append_index(PyObject *list, Py_ssize_t i) {
    PyObject *index = PyLong_FromSsize_t(i);
    int r = index ? PyList_Append(list, index) : -1;
    Py_XDECREF(index);
    return r;
}

/* singles(rows, context, header, footer) -> (calendar, spans, rest)
 *
 * calendar: header, the VEVENT of every row C wrote (in build_calendar()'s order), footer, as bytes.
 * rest: the indices of the rows Python must look at (build.event_text() writes them); when there are
 * any, spans gives (start µs, id, offset, end) of each VEVENT in calendar for merging, else None.
 * context: (url, pages, window start UTC µs, window end UTC µs, window start wall µs or None, window
 * end wall µs or None, bodies {id: escaped "Organ: …"}, {ids of bodies deriving deadlines}, kinds
 * {kind: (default title, CATEGORIES bytes)}, statuses {status: STATUS value}, cancelled_check). */
static PyObject *singles(PyObject *self, PyObject *args) {
    PyObject *rows, *url, *pages, *ws, *we;
    const char *head, *foot;
    Py_ssize_t head_n, foot_n;
    Ctx c;
    memset(&c, 0, sizeof c);
    if (!PyArg_ParseTuple(args, "O(OOLLOOO!O!O!O!O)y#y#:singles", &rows, &url, &pages, &c.start_utc,
                          &c.end_utc, &ws, &we, &PyDict_Type, &c.bodies, &PySet_Type, &c.deriving, &PyDict_Type,
                          &c.kinds, &PyDict_Type, &c.statuses, &c.cancelled_check, &head, &head_n, &foot, &foot_n))
        return NULL;
    if (!zone_table) { PyErr_SetString(PyExc_RuntimeError, "_cfeed.set_zone() was not called"); return NULL; }
    if (!(c.url = PyUnicode_AsUTF8AndSize(url, &c.url_n))) return NULL;
    c.pages = PyObject_IsTrue(pages);
    if ((c.start_is_wall = ws != Py_None)) c.start_wall = PyLong_AsLongLong(ws);
    if ((c.end_is_wall = we != Py_None)) c.end_wall = PyLong_AsLongLong(we);
    if (PyErr_Occurred()) return NULL;
    PyObject *seq = PySequence_Fast(rows, "rows must be a sequence");
    if (!seq) return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq), sorted = 0, written = 0;
    PyObject **fast = PyMem_Calloc(count ? count : 1, sizeof(PyObject *));
    Slot *slots = PyMem_Malloc(sizeof(Slot) * (count ? count : 1));
    Py_ssize_t *spans = PyMem_Malloc(sizeof(Py_ssize_t) * 2 * (count ? count : 1));
    PyObject *rest = PyList_New(0), *result = NULL, *span_list = NULL;
    Buf out = {0};
    out.bytes = PyBytes_FromStringAndSize(NULL, head_n + foot_n + 1024 * (count + 1));  /* ~860 octets an event */
    if (!fast || !slots || !spans || !rest || !out.bytes) { if (!PyErr_Occurred()) PyErr_NoMemory(); goto done; }
    out.p = PyBytes_AS_STRING(out.bytes);
    out.cap = PyBytes_GET_SIZE(out.bytes);
    if (put(&out, head, head_n) < 0) goto done;
    /* First the order (cheap: the start and the id), then each row written in it. */
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *row = PySequence_Fast(PySequence_Fast_GET_ITEM(seq, i), "a row must be a sequence");
        if (!row) goto done;
        fast[i] = row;
        slots[sorted].index = i;
        if (PySequence_Fast_GET_SIZE(row) == N_COLUMNS && start_key(PySequence_Fast_ITEMS(row), &slots[sorted])) {
            sorted++;
        } else if (append_index(rest, i) < 0) {
            goto done;
        }
    }
    qsort(slots, sorted, sizeof(Slot), by_start);
    for (Py_ssize_t k = 0; k < sorted; k++) {
        Py_ssize_t at = out.n;
        int r = vevent(&c, fast[slots[k].index], &out);
        if (r < 0) goto done;
        if (r == 1) {
            spans[2 * written] = at;
            spans[2 * written + 1] = out.n;
            slots[written].key = slots[k].key;
            slots[written++].id = slots[k].id;
            continue;
        }
        out.n = at;  /* out of the window, or Python's: nothing of it stays */
        if (r == 2 && append_index(rest, slots[k].index) < 0) goto done;
    }
    if (put(&out, foot, foot_n) < 0 || _PyBytes_Resize(&out.bytes, out.n) < 0) goto done;
    if (PyList_GET_SIZE(rest)) {
        if (!(span_list = PyList_New(written))) goto done;
        for (Py_ssize_t k = 0; k < written; k++) {
            PyObject *span = Py_BuildValue("(LLnn)", (long long)slots[k].key, (long long)slots[k].id,
                                           spans[2 * k], spans[2 * k + 1]);
            if (!span) goto done;
            PyList_SET_ITEM(span_list, k, span);
        }
    } else {
        span_list = Py_NewRef(Py_None);
    }
    result = PyTuple_Pack(3, out.bytes, span_list, rest);
done:
    if (fast)
        for (Py_ssize_t i = 0; i < count; i++) Py_XDECREF(fast[i]);
    PyMem_Free(fast);
    PyMem_Free(slots);
    PyMem_Free(spans);
    PyMem_Free(c.line.p);
    Py_XDECREF(out.bytes);
    Py_XDECREF(span_list);
    Py_XDECREF(rest);
    Py_DECREF(seq);
    return result;
}

/* set_zone(first_year, ((start, end), …), utc_zones): Stockholm's summer time per year in UTC seconds. */
static PyObject *set_zone(PyObject *self, PyObject *args) {
    int first;
    PyObject *table, *zones;
    if (!PyArg_ParseTuple(args, "iO!O!:set_zone", &first, &PyTuple_Type, &table, &PyTuple_Type, &zones)) return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(table);
    int64_t *t = PyMem_Malloc(sizeof(int64_t) * 2 * (n ? n : 1));
    if (!t) return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        long long a, b;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(table, i), "LL", &a, &b)) { PyMem_Free(t); return NULL; }
        t[2 * i] = a; t[2 * i + 1] = b;
    }
    PyMem_Free(zone_table);
    zone_table = t; zone_first = first; zone_years = (int)n;
    Py_XSETREF(utc_zones, Py_NewRef(zones));
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"singles", singles, METH_VARARGS, "VEVENT bytes of the single events among database rows."},
    {"set_zone", set_zone, METH_VARARGS, "Stockholm's summer time table and the UTC tzinfo objects."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_cfeed", "The feed's single events written in C.", -1,
                                    methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__cfeed(void) {
    PyDateTime_IMPORT;
    if (!PyDateTimeAPI) return NULL;
    return PyModule_Create(&module);
}
