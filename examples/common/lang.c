/* lang.c - choosing the examples' output language (lang.h). */
#include "lang.h"

#include <stdlib.h>
#include <string.h>

#include "custcadence.h"
#include "opts.h"
#include "plan.h"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

/* Whether text starts with prefix, ASCII case-insensitive, '_' as '-'. */
static int starts(const char *text, const char *prefix)
{
    for (; *prefix; text++, prefix++) {
        int a = *text == '_' ? '-' : lower((unsigned char)*text);
        if (a != lower((unsigned char)*prefix))
            return 0;
    }
    return 1;
}

int ccex_lang_parse(const char *tag)
{
    static const char *const tags[CCAD_LANG_COUNT] = {"en", "zh-hans", "zh-hant"};
    int k;
    for (k = 0; k < CCAD_LANG_COUNT; k++)
        if (starts(tag, tags[k]) && tag[strlen(tags[k])] == '\0')
            return k;
    return -1;
}

int ccex_lang_from_env(void)
{
    static const char *const vars[3] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    const char *v = NULL;
    int k;
    for (k = 0; k < 3 && (v == NULL || *v == '\0'); k++)
        v = getenv(vars[k]);
    if (v == NULL || !starts(v, "zh"))
        return CCAD_LANG_EN;
    if (starts(v, "zh-tw") || starts(v, "zh-hk") || starts(v, "zh-mo") || starts(v, "zh-hant"))
        return CCAD_LANG_ZH_HANT;
    return CCAD_LANG_ZH_HANS;
}

const char *ccex_lang_tag(int lang)
{
    switch (lang) {
    case CCAD_LANG_ZH_HANS: return "zh-Hans";
    case CCAD_LANG_ZH_HANT: return "zh-Hant";
    default: return "en";
    }
}

int ccex_lang_opt(const char *value, int *lang, const char *prog)
{
    int k = value != NULL ? ccex_lang_parse(value) : -1;
    if (k < 0)
        return ccex_usage_error(prog, "--lang needs en, zh-Hans or zh-Hant");
    *lang = k;
    return CCEX_OPTS_GO;
}

const char *ccex_lang_ellipsis(int lang) { return lang == CCAD_LANG_EN ? "~" : "\xE2\x80\xA6"; }
