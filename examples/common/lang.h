/* lang.h - the language the example programs write in (docs/cli.md,
 * "Languages"): --lang en|zh-Hans|zh-Hant, else the host's locale
 * variables. The library never reads the locale; only these programs do. */
#ifndef CCAD_EXAMPLES_LANG_H
#define CCAD_EXAMPLES_LANG_H

/** The ::ccad_lang of a tag: "en", "zh-Hans" or "zh-Hant" (ASCII
 *  case-insensitive, '_' for '-' too); -1 for any other text. */
int ccex_lang_parse(const char *tag);

/** The language the host's locale asks for: the first set of LC_ALL,
 *  LC_MESSAGES and LANG; "zh_TW", "zh_HK", "zh_MO" or a "Hant" script give
 *  zh-Hant, any other "zh" gives zh-Hans, everything else (C, POSIX, en_US,
 *  unset) gives en. */
int ccex_lang_from_env(void);

/** The BCP 47 tag of a ::ccad_lang ("en", "zh-Hans", "zh-Hant"). */
const char *ccex_lang_tag(int lang);

/** The value of --lang (NULL when missing): sets *lang and returns
 *  CCEX_OPTS_GO (opts.h), or CCEX_EXIT_USAGE after a message for a missing
 *  or unknown tag. */
int ccex_lang_opt(const char *value, int *lang, const char *prog);

/** The text that marks a cut in a table cell: "~" in English (the output
 *  stays ASCII), "…" in Chinese. */
const char *ccex_lang_ellipsis(int lang);

#endif /* CCAD_EXAMPLES_LANG_H */
