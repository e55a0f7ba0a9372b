/* writer_input.h - decodes a fuzz input into the stops of one day, shared by
 * fuzz_ics.c and fuzz_svg.c (the writers of ccad-ics and ccad-map).
 *
 * Layout: a stop count byte (1 + b % 6), then per stop: the id and the name
 * (each a length byte, 255 meaning a u16 length % 1024 follows, then that
 * many bytes of any value; a NUL ends the C string early), a selector byte
 * for the figures (bit 0: extreme values from the input's next bytes,
 * otherwise plausible ones), kind, quadrant, grade, late, has_location,
 * latitude and longitude (u16 each, scaled), eta, depart, reminder lead,
 * travel and up to 8 reasons with any figures. Reads past the end give 0. */
#ifndef CCAD_FUZZ_WRITER_INPUT_H
#define CCAD_FUZZ_WRITER_INPUT_H

#include <string.h>

#include "custcadence.h"
#include "fuzz.h"
#include "utf8.h"

#define WI_STOPS_MAX 6
#define WI_TEXT_MAX 1024

typedef struct wi_stop {
    char id[WI_TEXT_MAX + 1], name[WI_TEXT_MAX + 1];
    int32_t seq, date, eta_min, depart_min, reminder_date, travel_min;
    int kind, quadrant, grade, late, has_location;
    double lat, lon;
    ccad_reason reasons[CCAD_ITEM_REASONS_MAX];
    uint32_t reason_count;
} wi_stop;

typedef struct wi_day {
    int32_t date, day_start_min;
    double base_lat, base_lon;
    size_t n;
    wi_stop stops[WI_STOPS_MAX];
} wi_day;

static inline void wi_text(fuzz_bytes *in, char *out)
{
    size_t len = fuzz_u8(in), k;
    if (len == 255)
        len = fuzz_u16(in) % WI_TEXT_MAX;
    for (k = 0; k < len && fuzz_left(in); k++)
        out[k] = (char)fuzz_u8(in);
    out[k] = '\0';
}

static inline void wi_decode(fuzz_bytes *in, wi_day *d)
{
    size_t i;
    uint32_t k;
    memset(d, 0, sizeof *d);
    d->n = 1 + fuzz_u8(in) % WI_STOPS_MAX;
    /* a day of the calendar, two days' margin at the top for 24:00+ */
    d->date = CCAD_DATE_MIN +
              (int32_t)(fuzz_u32(in) % (uint32_t)(CCAD_DATE_MAX - CCAD_DATE_MIN - 2));
    d->day_start_min = fuzz_u16(in) % 1440;
    d->base_lat = (double)(int16_t)fuzz_u16(in) / 400.0;
    d->base_lon = (double)(int16_t)fuzz_u16(in) / 200.0;
    for (i = 0; i < d->n; i++) {
        wi_stop *s = &d->stops[i];
        uint8_t sel;
        wi_text(in, s->id);
        wi_text(in, s->name);
        sel = fuzz_u8(in);
        s->seq = (int32_t)i + 1;
        s->date = d->date;
        s->kind = fuzz_u8(in) % 8;
        s->quadrant = fuzz_u8(in) % 6;
        s->grade = fuzz_u8(in) % 6;
        s->late = fuzz_u8(in) & 1;
        s->has_location = fuzz_u8(in) % 3 != 0;
        s->lat = (double)(int16_t)fuzz_u16(in) / 364.0;
        s->lon = (double)(int16_t)fuzz_u16(in) / 182.0;
        if (sel & 1) { /* extreme figures: the writers clamp */
            s->eta_min = (int32_t)fuzz_u32(in);
            s->depart_min = (int32_t)fuzz_u32(in);
            s->reminder_date = (int32_t)fuzz_u32(in);
            s->travel_min = (int32_t)fuzz_u32(in);
            if (sel & 2)
                s->lat = s->lon = (sel & 4) ? 1e308 : -0.0;
        } else {
            s->eta_min = fuzz_u16(in) % 1440;
            s->depart_min = s->eta_min + fuzz_u16(in) % 600;
            s->reminder_date = (sel & 2) ? CCAD_NO_DATE : d->date - fuzz_u8(in) % 8;
            s->travel_min = fuzz_u16(in) % 300;
        }
        s->reason_count = fuzz_u8(in) % (CCAD_ITEM_REASONS_MAX + 1);
        for (k = 0; k < s->reason_count; k++) {
            ccad_reason *r = &s->reasons[k];
            r->rule = (int32_t)(fuzz_u8(in) % 24);
            r->why = (int32_t)(fuzz_u8(in) % 60);
            r->a = (int64_t)fuzz_u64(in);
            r->b = (int64_t)fuzz_u64(in);
            r->c = (int64_t)fuzz_u64(in);
        }
    }
}

/* 1 if the bytes are valid UTF-8 without a control character (C0 other than
 * those allowed by @p allow, DEL, C1), U+FFFE or U+FFFF; else 0 with the
 * offset of the offending byte. */
static inline int wi_clean_utf8(const unsigned char *s, size_t n, const char *allow, size_t *bad)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp = 0;
        size_t len = ccex_utf8_seq(s + i, n - i, &cp);
        if (len == 0 || cp == 0 || (cp < 0x20 && strchr(allow, (int)cp) == NULL) ||
            (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF) {
            *bad = i;
            return 0;
        }
        i += len;
    }
    return 1;
}

#endif /* CCAD_FUZZ_WRITER_INPUT_H */
