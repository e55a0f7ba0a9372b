/* Reasons in a language (ccad_reason_format_lang): the renderer of the
 * reason templates of the catalogues (lang_zh_hans.c, lang_zh_hant.c; the
 * notation is in lang_table.h), and the Chinese ways of writing the
 * figures: money in 元/万/亿, dates as "11月23日 周一", percentages. */
#include "internal.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

int ccad_lang_count(void) { return CCAD_LANG_COUNT; }
size_t ccad_reason_text_max(void) { return CCAD_REASON_TEXT_MAX; }

const char *ccad__lang_text(int lang, int kind, int index)
{
    switch (lang) {
    case CCAD_LANG_ZH_HANS: return ccad__zh_hans_text(kind, index);
    case CCAD_LANG_ZH_HANT: return ccad__zh_hant_text(kind, index);
    default: return NULL;
    }
}

/* A text being written: its bytes go to buf while they fit (cap - 1 of
 * them), len counts them all, and cut keeps the first byte left out. */
struct sink {
    char *buf;
    size_t cap, len;
    unsigned char cut;
    int lang;
};

static void put(struct sink *s, const char *p, size_t n)
{
    size_t room = s->len < s->cap - 1 ? s->cap - 1 - s->len : 0;
    if (room > 0)
        memcpy(s->buf + s->len, p, n < room ? n : room);
    if (n > room && s->len + room == s->cap - 1)
        s->cut = (unsigned char)p[room];
    s->len += n;
}

static void put_text(struct sink *s, const char *p) { put(s, p, strlen(p)); }

static void put_int(struct sink *s, long long v)
{
    char t[24];
    snprintf(t, sizeof t, "%lld", v);
    put_text(s, t);
}

static void put_word(struct sink *s, int word)
{
    const char *w = ccad__lang_text(s->lang, CCAD__TEXT_WORD, word);
    put_text(s, w != NULL ? w : "?");
}

/* Magnitude of a figure, without signed overflow for INT64_MIN. */
static uint64_t magnitude(int64_t v) { return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v; }

/* Writes |v| as an integer ("3" for -3; INT64_MIN too). */
static void put_magnitude(struct sink *s, int64_t v)
{
    char t[24];
    snprintf(t, sizeof t, "%llu", (unsigned long long)magnitude(v));
    put_text(s, t);
}

/* Writes v / 10^scale exactly, the fraction without trailing zeros. */
static void put_decimal(struct sink *s, int64_t v, int scale)
{
    uint64_t u = magnitude(v), unit = 1, whole, frac;
    int digits = scale, k;
    char t[48];
    for (k = 0; k < scale; k++)
        unit *= 10;
    whole = u / unit;
    frac = u % unit;
    while (digits > 0 && frac % 10 == 0) {
        frac /= 10;
        digits--;
    }
    if (digits == 0)
        snprintf(t, sizeof t, "%s%llu", v < 0 ? "-" : "", (unsigned long long)whole);
    else
        snprintf(t, sizeof t, "%s%llu.%0*llu", v < 0 ? "-" : "", (unsigned long long)whole, digits,
                 (unsigned long long)frac);
    put_text(s, t);
}

/* Money in minor units, in yuan: "3500 元", "5 万", "12.5 万", "1.2 亿";
 * exact, so the fraction keeps every digit it needs. */
static void put_money(struct sink *s, int64_t m)
{
    uint64_t u = magnitude(m);
    if (u < 1000000u) { /* below 10 000 yuan */
        put_decimal(s, m, 2);
        put_text(s, " ");
        put_word(s, CCAD__WORD_YUAN);
    } else if (u < 10000000000u) { /* below 100 000 000 yuan */
        put_decimal(s, m, 6);
        put_text(s, " ");
        put_word(s, CCAD__WORD_WAN);
    } else {
        put_decimal(s, m, 10);
        put_text(s, " ");
        put_word(s, CCAD__WORD_YI);
    }
}

/* A date as "11月23日 周一" (no year), or the word for no date. */
static void put_date(struct sink *s, int64_t d)
{
    int year, month, mday, wd;
    if (d < CCAD_DATE_MIN || d > CCAD_DATE_MAX ||
        ccad_date_to_ymd((int32_t)d, &year, &month, &mday) != CCAD_OK ||
        ccad_date_weekday(&wd, (int32_t)d) != CCAD_OK) {
        put_word(s, CCAD__WORD_NO_DATE);
        return;
    }
    put_int(s, month);
    put_word(s, CCAD__WORD_MONTH);
    put_int(s, mday);
    put_word(s, CCAD__WORD_DAY);
    put_text(s, " ");
    put_text(s, ccad_name_lang(CCAD_NAME_WEEKDAY, wd, s->lang));
}

/* A weekday mask (bit 0 = Monday) as "周一、周三", or the word for none. */
static void put_weekdays(struct sink *s, int64_t mask_figure)
{
    uint64_t mask = (uint64_t)mask_figure;
    int k, any = 0;
    for (k = 0; k < 7; k++)
        if ((mask >> k) & 1) {
            if (any)
                put_word(s, CCAD__WORD_LIST_SEP);
            put_text(s, ccad_name_lang(CCAD_NAME_WEEKDAY, k + 1, s->lang));
            any = 1;
        }
    if (!any)
        put_word(s, CCAD__WORD_NO_DAYS);
}

/* Figure `index` of reason r as ccad_why_figure() says it measures. */
static void put_figure(struct sink *s, const ccad_reason *r, int index)
{
    int64_t v = index == 0 ? r->a : index == 1 ? r->b : r->c;
    int name_kind = 0;
    char clock[32];
    switch (ccad_why_figure(r->why, index, &name_kind)) {
    case CCAD_FIG_DATE: put_date(s, v); return;
    case CCAD_FIG_MONEY: put_money(s, v); return;
    case CCAD_FIG_BP: /* basis points as a percentage */
        put_decimal(s, v, 2);
        put_text(s, "%");
        return;
    case CCAD_FIG_ENUM:
        put_text(s, v < INT_MIN || v > INT_MAX ? "?" : ccad_name_lang(name_kind, (int)v, s->lang));
        return;
    case CCAD_FIG_CLOCK:
        ccad__clock_text(clock, v);
        put_text(s, clock);
        return;
    case CCAD_FIG_WEEKDAYS: put_weekdays(s, v); return;
    default: put_int(s, (long long)v); return; /* counts, days, minutes, %, factors */
    }
}

static void render(struct sink *s, const ccad_reason *r, const char *p, const char *end);

/* The end of a branch of a {x?then|else} field: its '|' or its '}'. */
static const char *branch_end(const char *p, const char *end)
{
    int depth = 0;
    for (; p < end; p++) {
        if (*p == '{')
            depth++;
        else if (*p == '}' && depth-- == 0)
            return p;
        else if (*p == '|' && depth == 0)
            return p;
    }
    return end;
}

/* Writes the field that starts after a '{' at p; returns where the text
 * goes on. The catalogues are the library's own data (checked by
 * test_lang), so a malformed field only ends the text early. */
static const char *render_field(struct sink *s, const ccad_reason *r, const char *p,
                                const char *end)
{
    const int64_t fig[3] = {r->a, r->b, r->c};
    int index;
    if (end - p < 2 || p[0] < 'a' || p[0] > 'c')
        return end;
    index = p[0] - 'a';
    switch (p[1]) {
    case '}': put_figure(s, r, index); return p + 2;
    case '#': put_int(s, (long long)fig[index]); return end - p >= 3 ? p + 3 : end;
    case '!': put_magnitude(s, fig[index]); return end - p >= 3 ? p + 3 : end;
    case 'h': put_decimal(s, fig[index], 2); return end - p >= 3 ? p + 3 : end;
    case '-':
        if (end - p < 4 || p[2] < 'a' || p[2] > 'c')
            return end;
        put_int(s, ccad__sat_sub((long long)fig[index], (long long)fig[p[2] - 'a']));
        return p + 4;
    case '?':
    case '<': {
        const char *then = p + 2, *mid = branch_end(then, end), *close = mid;
        if (mid < end && *mid == '|')
            close = branch_end(mid + 1, end);
        if (p[1] == '?' ? fig[index] != 0 : fig[index] < 0)
            render(s, r, then, mid);
        else if (close > mid)
            render(s, r, mid + 1, close);
        return close < end ? close + 1 : end;
    }
    default: return end;
    }
}

static void render(struct sink *s, const ccad_reason *r, const char *p, const char *end)
{
    while (p < end) {
        const char *brace = p;
        while (brace < end && *brace != '{')
            brace++;
        put(s, p, (size_t)(brace - p));
        p = brace < end ? render_field(s, r, brace + 1, end) : end;
    }
}

/* A reason code without a template: its rule, its number and figures. */
static void render_unknown(struct sink *s, const ccad_reason *r)
{
    put_text(s, ccad_name_lang(CCAD_NAME_RULE, r->rule, s->lang));
    put_word(s, CCAD__WORD_COLON);
    put_word(s, CCAD__WORD_UNKNOWN);
    put_text(s, " ");
    put_int(s, (long long)r->why);
    put_text(s, "（");
    put_int(s, (long long)r->a);
    put_text(s, "，");
    put_int(s, (long long)r->b);
    put_text(s, "，");
    put_int(s, (long long)r->c);
    put_text(s, "）");
}

int ccad_reason_format_lang(char *buf, size_t cap, const ccad_reason *reason, int lang,
                            size_t *out_len)
{
    struct sink s;
    const char *tpl;
    if (out_len != NULL)
        *out_len = 0;
    if (buf == NULL || cap == 0 || reason == NULL)
        return CCAD_EINVAL;
    if (lang < 0 || lang >= CCAD_LANG_COUNT) {
        buf[0] = '\0';
        return CCAD_EINVAL;
    }
    if (lang == CCAD_LANG_EN)
        return ccad_reason_format(buf, cap, reason, out_len); /* ASCII: any cut is whole */
    s.buf = buf;
    s.cap = cap;
    s.len = 0;
    s.cut = 0;
    s.lang = lang;
    tpl = ccad__lang_text(lang, CCAD__TEXT_WHY, reason->why);
    if (tpl != NULL)
        render(&s, reason, tpl, tpl + strlen(tpl));
    else
        render_unknown(&s, reason);
    if (out_len != NULL)
        *out_len = s.len;
    if (s.len < cap) {
        buf[s.len] = '\0';
        return CCAD_OK;
    }
    /* truncated: end before the character the cut falls into */
    {
        size_t e = cap - 1;
        if ((s.cut & 0xC0) == 0x80) {
            while (e > 0 && ((unsigned char)buf[e - 1] & 0xC0) == 0x80)
                e--;
            if (e > 0)
                e--;
        }
        buf[e] = '\0';
    }
    return CCAD_ENOSPC;
}
