/**
 * @file custcadence.h
 * @brief libcustcadence: decide when to contact which customer, and why.
 *
 * One header holds the whole public API. The library is pure C with opaque
 * handles and no I/O of its own: the host (a CRM, a binding, an example
 * program) supplies the allocator, the clock and the calendar through a
 * versioned callback structure copied into a context.
 *
 * Conventions used throughout:
 * - Every function that can fail returns an @c int status: ::CCAD_OK (0) or
 *   one of the negative ::ccad_error codes.
 * - Argument order: constructors (@c ccad_*_new) and pure conversions that
 *   produce one value (dates, formatting into a caller's buffer) take the
 *   output first; functions that act on a handle take the handle first and
 *   their outputs last.
 * - On failure a function changes nothing: handles and out-parameters keep
 *   the values they had before the call. The one exception is
 *   ::CCAD_ENOSPC, which still reports the size needed (or the count of
 *   results) through the length/count out-parameter.
 * - Functions that work on a handle created from a context record a detailed
 *   message on that context, read with ccad_ctx_errmsg(). Read-only functions
 *   on a ::ccad_rules handle record no message, so that one rules object can
 *   be read by many threads at once.
 * - Dates are day numbers (days since 1970-01-01) in the rep's local civil
 *   calendar; ::CCAD_NO_DATE marks an unknown date.
 * - Money is an integer count of minor currency units (cents).
 * - Plain-data structs that cross the API begin with a @c size member that
 *   the caller sets with the matching @c _INIT macro. A size this version
 *   does not know (smaller than the first release's, or larger, from a
 *   newer header) is refused with ::CCAD_EVERSION, never half-read.
 * - Constructors (@c ccad_*_new, @c ccad_rules_copy) set @c *out to NULL on
 *   every error; other functions leave out-parameters untouched on error.
 *
 * Thread-safety: a context and every handle made from it are used by one
 * thread at a time. A ::ccad_rules object that is no longer modified may be
 * read from any number of threads at once (see ccad_book_assess()). The
 * library has no global mutable state.
 */
#ifndef CUSTCADENCE_H
#define CUSTCADENCE_H

/* The public header is laid out by hand (each member's Doxygen comment on
 * its line, one-line _INIT initialisers), so tests/format.sh leaves it be. */
/* clang-format off */

#include <stddef.h>
#include <stdint.h>

#include "custcadence_version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup export Export macro
 *  @{ */
#if defined(CCAD_BUILDING) && defined(__GNUC__)
/** Marks a function exported from the shared library. */
#define CCAD_API __attribute__((visibility("default")))
#else
/** Marks a function exported from the shared library. */
#define CCAD_API
#endif
/** @} */

/* ====================================================================== */
/** @defgroup errors Errors
 *  @brief Status codes, never renumbered once released.
 *  @{ */

/** Status codes returned by the library. Values are fixed forever; a
 *  retired code keeps its number. */
enum ccad_error {
    CCAD_OK = 0,          /**< Success. */
    CCAD_EINVAL = -1,     /**< NULL handle or out-parameter, or malformed argument. */
    CCAD_ENOMEM = -2,     /**< The allocator returned NULL. */
    CCAD_ERANGE = -3,     /**< A value lies outside its documented range. */
    CCAD_EPARSE = -4,     /**< Malformed rules text (line and column in the message). */
    CCAD_ENOTFOUND = -5,  /**< No such customer id or parameter name. */
    CCAD_EEXIST = -6,     /**< A customer with this id is already in the book. */
    CCAD_EOVERFLOW = -7,  /**< A count or size would overflow. */
    CCAD_ENOSPC = -8,     /**< The caller's buffer is too small. */
    CCAD_ESTALE = -9,     /**< The book's grades are out of date: call ccad_book_grade(). */
    CCAD_ECALLBACK = -10, /**< A host callback reported failure. */
    CCAD_EVERSION = -11,  /**< A struct's @c size is not one this library knows. */
    CCAD_ENOTSUP = -12,   /**< The optional host callback needed is not provided. */
    CCAD_ECONFLICT = -13, /**< A parameter value conflicts with another parameter. */
    /** The context is running a host callback: the call was made from inside
     *  one (re-entry) and was refused; nothing changed and no message was
     *  recorded (docs/integration.md, "Re-entry"). @since 1.1.0 */
    CCAD_EBUSY = -14
};

/**
 * @brief Short English text for a status code.
 * @param[in] code a ::ccad_error value (any int is accepted).
 * @return a static, NUL-terminated string; "unknown error" for codes this
 *         version does not know. Never NULL.
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API const char *ccad_strerror(int code);

/** @} */

/* ====================================================================== */
/** @defgroup version Version
 *  @{ */

/**
 * @brief The library's version as a number, @c major*10000 + @c minor*100 + @c patch.
 * @return the number the library was built as; compare with
 *         ::CCAD_VERSION_NUMBER to detect a header/library mismatch.
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API int ccad_version_number(void);

/**
 * @brief The library's version as text, such as "1.1.0".
 * @return a static string, never NULL.
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API const char *ccad_version_string(void);

/** @} */

/* ====================================================================== */
/** @defgroup dates Dates
 *  @brief Civil day numbers, ISO weeks and their text form.
 *
 *  A date is an @c int32_t count of days since 1970-01-01 (day 0, a
 *  Thursday) in the proleptic Gregorian calendar. Valid dates run from
 *  0001-01-01 (::CCAD_DATE_MIN) to 9999-12-31 (::CCAD_DATE_MAX).
 *  @{ */

/** Marks an unknown or absent date. Function twin: ccad_no_date(). */
#define CCAD_NO_DATE INT32_MIN
/** Day number of 0001-01-01. Function twin: ccad_date_min(). */
#define CCAD_DATE_MIN (-719162)
/** Day number of 9999-12-31. Function twin: ccad_date_max(). */
#define CCAD_DATE_MAX 2932896

/** @brief ::CCAD_NO_DATE as a function, for bindings. @return ::CCAD_NO_DATE. @since 1.0.0 */
CCAD_API int32_t ccad_no_date(void);
/** @brief ::CCAD_DATE_MIN as a function. @return ::CCAD_DATE_MIN. @since 1.0.0 */
CCAD_API int32_t ccad_date_min(void);
/** @brief ::CCAD_DATE_MAX as a function. @return ::CCAD_DATE_MAX. @since 1.0.0 */
CCAD_API int32_t ccad_date_max(void);

/**
 * @brief Day number of a civil date.
 * @param[out] out_day receives the day number; unchanged on error.
 * @param[in] year 1..9999.
 * @param[in] month 1..12.
 * @param[in] day 1..days in that month.
 * @retval CCAD_OK success.
 * @retval CCAD_EINVAL @p out_day is NULL.
 * @retval CCAD_ERANGE the year, month or day is out of range (30 February, say).
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API int ccad_date_from_ymd(int32_t *out_day, int year, int month, int day);

/**
 * @brief Civil date of a day number.
 * @param[in] day a day number in [::CCAD_DATE_MIN, ::CCAD_DATE_MAX].
 * @param[out] out_year receives 1..9999 (may be NULL if not wanted).
 * @param[out] out_month receives 1..12 (may be NULL).
 * @param[out] out_mday receives 1..31 (may be NULL).
 * @retval CCAD_OK success.
 * @retval CCAD_ERANGE @p day is outside the valid range; nothing written.
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API int ccad_date_to_ymd(int32_t day, int *out_year, int *out_month, int *out_mday);

/**
 * @brief ISO weekday of a day number.
 * @param[out] out_weekday receives 1 (Monday) .. 7 (Sunday).
 * @param[in] day a valid day number.
 * @retval CCAD_OK success.
 * @retval CCAD_EINVAL @p out_weekday is NULL.
 * @retval CCAD_ERANGE @p day is outside the valid range.
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API int ccad_date_weekday(int *out_weekday, int32_t day);

/**
 * @brief ISO 8601 week of a day number (weeks start on Monday; week 1 holds
 *        the year's first Thursday).
 * @param[out] out_iso_year receives the ISO week-numbering year (may differ
 *             from the civil year near 1 January).
 * @param[out] out_week receives 1..53.
 * @param[in] day a valid day number.
 * @retval CCAD_OK success.
 * @retval CCAD_EINVAL an out-parameter is NULL.
 * @retval CCAD_ERANGE @p day is outside the valid range.
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API int ccad_date_iso_week(int *out_iso_year, int *out_week, int32_t day);

/**
 * @brief Parses a date written exactly as @c YYYY-MM-DD.
 * @param[out] out_day receives the day number; unchanged on error.
 * @param[in] text the text; @p len bytes are read (no NUL needed).
 * @param[in] len must be 10.
 * @retval CCAD_OK success.
 * @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EPARSE the text is not of the form @c YYYY-MM-DD.
 * @retval CCAD_ERANGE the form is right but the date does not exist.
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API int ccad_date_parse(int32_t *out_day, const char *text, size_t len);

/**
 * @brief Writes a day number as @c YYYY-MM-DD plus a terminating NUL.
 * @param[out] buf receives 11 bytes.
 * @param[in] cap size of @p buf; at least 11.
 * @param[in] day a valid day number.
 * @retval CCAD_OK success.
 * @retval CCAD_EINVAL @p buf is NULL.
 * @retval CCAD_ENOSPC @p cap is below 11; nothing written.
 * @retval CCAD_ERANGE @p day is outside the valid range.
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API int ccad_date_format(char *buf, size_t cap, int32_t day);

/** @} */

/* ====================================================================== */
/** @defgroup context Context and host callbacks
 *  @brief The only part of the library that calls the host.
 *  @{ */

/** Opaque context: owns the host interface copy and the last error. */
typedef struct ccad_ctx ccad_ctx;

/** Day flags reported by the calendar callback (bit mask). */
enum ccad_day_flag {
    CCAD_DAY_WORKING = 1 << 0, /**< The rep works on this day. */
    CCAD_DAY_HOLIDAY = 1 << 1, /**< A public holiday (implies not working). */
    CCAD_DAY_SPECIAL = 1 << 2, /**< A special date for keep-warm touches. */
    CCAD_DAY_ABSENT = 1 << 3   /**< The rep is away (leave, training) on a working day: the substitute covers it. Reported only together with ::CCAD_DAY_WORKING. */
};

/**
 * @brief The host interface: allocator, clock, calendar, travel time.
 *
 * Set it up with ::CCAD_HOST_INIT, then fill the members you provide. Every
 * callback receives @c user as its first argument. Callbacks return 0 on
 * success and any non-zero value on failure; the library then returns
 * ::CCAD_ECALLBACK and names the callback in the context's message.
 *
 * Re-entry (@since 1.1.0): while any callback of a context runs (these and
 * the ::ccad_store ones), the context is busy. A call made from inside the
 * callback that would change the context or one of its handles, or call
 * the host, returns ::CCAD_EBUSY and changes nothing; readers (functions
 * taking a const handle, and the ccad_ctx_err* functions) still answer,
 * but record no message. The guard is not a lock: a context is still used
 * by one thread at a time (docs/integration.md, "Re-entry").
 * The structure is copied by ccad_ctx_new(); later changes to the caller's
 * copy have no effect. New members are only ever appended.
 */
typedef struct ccad_host {
    /** Must be @c sizeof(ccad_host) as the caller was compiled; set by ::CCAD_HOST_INIT. */
    uint32_t size;
    /** Passed unchanged to every callback. */
    void *user;
    /** Allocates @p n bytes (n > 0) or returns NULL. NULL member: libc malloc. */
    void *(*alloc)(void *user, size_t n);
    /** Resizes a block from @c alloc (n > 0) or returns NULL leaving it intact.
     *  NULL member: emulated with @c alloc, copy and @c free. */
    void *(*realloc)(void *user, void *ptr, size_t n);
    /** Releases a block from @c alloc/@c realloc; never called with NULL.
     *  Must be set if and only if @c alloc is set. */
    void (*free)(void *user, void *ptr);
    /** Writes the current instant as seconds since 1970-01-01T00:00 in the
     *  rep's local time. NULL member: ccad_ctx_today() reports ::CCAD_ENOTSUP. */
    int (*clock)(void *user, int64_t *out_local_seconds);
    /** Writes the ::ccad_day_flag bits of @p day. NULL member: Monday to
     *  Friday are working days, nothing else is flagged. */
    int (*calendar)(void *user, int32_t day, uint32_t *out_flags);
    /** Writes the travel time in minutes between two points (coordinates as
     *  stored on customers); used with ::CCAD_METRIC_HOST. NULL member: the
     *  HOST metric is refused with ::CCAD_ENOTSUP (the PLANAR and GEO metrics
     *  need no callback). */
    int (*travel)(void *user, double from_x, double from_y, double to_x, double to_y,
                  int32_t *out_minutes);
} ccad_host;

/** Initialiser for ::ccad_host: size set, every callback NULL (the defaults). */
#define CCAD_HOST_INIT {(uint32_t)sizeof(ccad_host), NULL, NULL, NULL, NULL, NULL, NULL, NULL}

/**
 * @brief Creates a context.
 * @param[out] out receives the new context; set to NULL on error.
 * @param[in] host the host interface (copied), or NULL for all defaults.
 * @retval CCAD_OK success.
 * @retval CCAD_EINVAL @p out is NULL, exactly one of @c alloc / @c free is
 *         set, or @c realloc is set without @c alloc.
 * @retval CCAD_EVERSION @p host->size is not a size this version knows.
 * @retval CCAD_ENOMEM the allocator failed.
 * @note No context exists on failure, so no message is recorded.
 * @threadsafety Safe from any thread; the new context belongs to the caller's thread.
 * @since 1.0.0
 */
CCAD_API int ccad_ctx_new(ccad_ctx **out, const ccad_host *host);

/**
 * @brief Destroys a context. Every handle made from it must be freed first.
 * @param[in] ctx the context, or NULL (no-op).
 * @note Called from inside one of the context's own callbacks, it does
 *       nothing (the running call still uses the context; @since 1.1.0):
 *       free it after that call returned.
 * @since 1.0.0
 */
CCAD_API void ccad_ctx_free(ccad_ctx *ctx);

/**
 * @brief The message of the most recent failure on this context.
 * @param[in] ctx the context, or NULL.
 * @return a NUL-terminated string owned by the context, valid until the next
 *         call that uses it; "" when nothing failed yet; "no context" for NULL.
 * @since 1.0.0
 */
CCAD_API const char *ccad_ctx_errmsg(const ccad_ctx *ctx);

/**
 * @brief The status code of the most recent failure on this context.
 * @param[in] ctx the context, or NULL.
 * @return the code (::CCAD_OK if nothing failed yet; ::CCAD_EINVAL for NULL).
 * @since 1.0.0
 */
CCAD_API int ccad_ctx_errcode(const ccad_ctx *ctx);

/**
 * @brief Line and column (1-based) of the most recent rules-text parse error
 *        on this context.
 * @param[in] ctx the context.
 * @param[out] out_line receives the line.
 * @param[out] out_column receives the column (in bytes).
 * @retval CCAD_OK the last failure was a parse error with a position.
 * @retval CCAD_ENOTFOUND the last failure has no position (outputs untouched).
 * @retval CCAD_EINVAL a pointer is NULL.
 * @since 1.0.0
 */
CCAD_API int ccad_ctx_errpos(const ccad_ctx *ctx, uint32_t *out_line, uint32_t *out_column);

/**
 * @brief Today's date from the host clock.
 * @param[in] ctx the context.
 * @param[out] out_day receives the day number.
 * @retval CCAD_OK success.
 * @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_ENOTSUP the host gave no clock callback.
 * @retval CCAD_ECALLBACK the clock callback failed.
 * @retval CCAD_ERANGE the clock reported an instant outside the date range.
 * @retval CCAD_EBUSY called from inside a callback of this context (the clock
 *         callback included): refused, the clock is not called (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_ctx_today(ccad_ctx *ctx, int32_t *out_day);

/**
 * @brief The calendar flags of a day, from the host calendar or the default
 *        (Monday to Friday working).
 * @param[in] ctx the context.
 * @param[out] out_flags receives ::ccad_day_flag bits.
 * @param[in] day a valid day number.
 * @retval CCAD_OK success.
 * @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_ERANGE @p day is out of range.
 * @retval CCAD_ECALLBACK the calendar callback failed.
 * @retval CCAD_EBUSY called from inside a callback of this context (the calendar
 *         callback included): refused, the calendar is not called (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_ctx_day_flags(ccad_ctx *ctx, uint32_t *out_flags, int32_t day);

/** @} */

/* ====================================================================== */
/** @defgroup enums Domain enumerations
 *  @brief Values stored in customers and reported by assessments. Fixed forever.
 *  @{ */

/** Customer grade (GRADE). */
enum ccad_grade {
    CCAD_GRADE_NONE = 0, /**< Not set (computed grade used) / not yet graded. */
    CCAD_GRADE_A = 1,    /**< Few customers carrying most of the value. */
    CCAD_GRADE_B = 2,    /**< More numerous, worth less. */
    CCAD_GRADE_C = 3,    /**< The long tail. */
    CCAD_GRADE_D = 4     /**< Optional fourth grade (rules: grade.use_d). */
};

/** Urgency level (URGENCY); higher is more urgent. */
enum ccad_urgency {
    CCAD_URGENCY_NONE = 0,      /**< Not urgent. */
    CCAD_URGENCY_TWO_WEEKS = 1, /**< Purchase decision within urgency.two_weeks_days. */
    CCAD_URGENCY_WEEK = 2,      /**< Purchase decision within urgency.week_days. */
    CCAD_URGENCY_EVENT = 3      /**< Open complaint or pending visit request: answer the same day. */
};

/** Eisenhower quadrant (QUADRANT). */
enum ccad_quadrant {
    CCAD_Q1 = 1, /**< Important and urgent. */
    CCAD_Q2 = 2, /**< Important, not urgent. */
    CCAD_Q3 = 3, /**< Urgent, not important. */
    CCAD_Q4 = 4  /**< Neither. */
};

/** Customer lifecycle status. */
enum ccad_status {
    CCAD_STATUS_PROSPECT = 1,  /**< Being won; no order yet. */
    CCAD_STATUS_ACTIVE = 2,    /**< Buys from us. */
    CCAD_STATUS_KEY = 3,       /**< Key account of the buying platform. */
    CCAD_STATUS_RELEASED = 4,  /**< Released from the rep's book. */
    CCAD_STATUS_ELIMINATED = 5 /**< Given up for good. */
};

/** Complaint state (COMPLAINT). */
enum ccad_complaint {
    CCAD_COMPLAINT_NONE = 0,    /**< No complaint on record. */
    CCAD_COMPLAINT_OPEN = 1,    /**< Open since @c complaint_date. */
    CCAD_COMPLAINT_RESOLVED = 2 /**< Resolved on @c complaint_date. */
};

/** Kind of contact. */
enum ccad_contact_kind {
    CCAD_CONTACT_VISIT = 1,   /**< In person. */
    CCAD_CONTACT_CALL = 2,    /**< Telephone. */
    CCAD_CONTACT_MESSAGE = 3, /**< Text or chat message. */
    CCAD_CONTACT_EMAIL = 4,   /**< E-mail. */
    CCAD_CONTACT_OTHER = 5    /**< Anything else that reached the customer. */
};

/** What a contact achieved. */
enum ccad_outcome {
    CCAD_OUTCOME_PROGRESS = 1,           /**< The deal moved. */
    CCAD_OUTCOME_NO_PROGRESS = 2,        /**< Nothing moved (STALL counts these). */
    CCAD_OUTCOME_ORDER = 3,              /**< The customer ordered (a prospect becomes active). */
    CCAD_OUTCOME_COMPLAINT_OPENED = 4,   /**< The customer complained. */
    CCAD_OUTCOME_COMPLAINT_RESOLVED = 5  /**< The open complaint was resolved. */
};

/** Service level of a contact (SERVICE). */
enum ccad_service_level {
    CCAD_SERVICE_NONE = 0,       /**< Not tagged. */
    CCAD_SERVICE_BASIC = 1,      /**< Basic service. */
    CCAD_SERVICE_SATISFYING = 2, /**< Satisfying service. */
    CCAD_SERVICE_VALUE = 3,      /**< Value-added service. */
    CCAD_SERVICE_MOVING = 4      /**< Service that moves the customer. */
};

/** Purposes of a contact, a bit set (::ccad_contact @c purposes; seed 001,
 *  line 80: no sale without a sales purpose). 0 = not told (1.0's contacts).
 *  @since 1.1.0 */
enum ccad_purpose {
    CCAD_PURPOSE_NONE = 1u << 0,     /**< No sales purpose: a courtesy call or a chat (alone only). */
    CCAD_PURPOSE_ORDER = 1u << 1,    /**< Take an order or ask for the close. */
    CCAD_PURPOSE_PRODUCT = 1u << 2,  /**< Bring in or push a product. */
    CCAD_PURPOSE_ACTIVITY = 1u << 3, /**< Run a sales activity (a promotion, a display). */
    CCAD_PURPOSE_PROBLEM = 1u << 4,  /**< Solve a problem of the customer's. */
    CCAD_PURPOSE_PAYMENT = 1u << 5,  /**< Collect a payment. */
    CCAD_PURPOSE_OTHER = 1u << 6     /**< Another sales purpose. */
};
/** Every ::ccad_purpose bit. @since 1.1.0 */
#define CCAD_PURPOSE_ALL 0x7Fu

/** The parts of a visit record seed 001 (lines 56, 59) asks for, a bit set
 *  (::ccad_contact @c record_parts). @since 1.1.0 */
enum ccad_record_part {
    CCAD_RECORD_PURPOSE = 1u << 0,      /**< The purpose (and strategy) of the contact. */
    CCAD_RECORD_SAID = 1u << 1,         /**< What was said. */
    CCAD_RECORD_STATE = 1u << 2,        /**< The customer's state after it. */
    CCAD_RECORD_SOLVED = 1u << 3,       /**< Whether the customer's problem was solved. */
    CCAD_RECORD_NEXT_PROBLEM = 1u << 4  /**< The next problem the customer is likely to have. */
};
/** Every ::ccad_record_part bit: a complete record. @since 1.1.0 */
#define CCAD_RECORD_ALL 0x1Fu

/** An effective activity held at a contact (seed 002, line 7: an activity
 *  is effective when it sells). @since 1.1.0 */
enum ccad_activity {
    CCAD_ACTIVITY_NONE = 0, /**< No sales activity. */
    CCAD_ACTIVITY_HELD = 1, /**< An activity was held but sold nothing. */
    CCAD_ACTIVITY_SALE = 2  /**< An activity that produced sales: effective. */
};

/** Problem-customer kind (TRIAGE). */
enum ccad_triage {
    CCAD_TRIAGE_NONE = 0,        /**< Volume unknown: not triaged. */
    CCAD_TRIAGE_SELF_DRIVEN = 1, /**< Orders before being asked. */
    CCAD_TRIAGE_PUSH = 2,        /**< Moves only when pushed. */
    CCAD_TRIAGE_UNMOVABLE = 3    /**< Does not move. */
};

/** Strategy that follows from the triage kind (TRIAGE). */
enum ccad_strategy {
    CCAD_STRATEGY_NONE = 0,    /**< Not triaged. */
    CCAD_STRATEGY_LET_GO = 1,  /**< Lower frequency; they call when needed. */
    CCAD_STRATEGY_PERSIST = 2, /**< Persist in multi-day blocks (PERSIST). */
    CCAD_STRATEGY_GIVE_UP = 3  /**< Unmovable and not capable: stop investing. */
};

/** Overdue escalation ladder. */
enum ccad_escalation {
    CCAD_ESCALATE_NONE = 0,     /**< Not overdue enough. */
    CCAD_ESCALATE_REP = 1,      /**< Remind the rep. */
    CCAD_ESCALATE_MANAGER = 2,  /**< Remind rep and manager. */
    CCAD_ESCALATE_REASSIGN = 3  /**< Flag for reassignment. */
};

/** Visit-window weekday bits for ccad_customer::visit_days (Monday = bit 0). */
enum ccad_weekday_bit {
    CCAD_MON = 1 << 0, /**< Monday. */
    CCAD_TUE = 1 << 1, /**< Tuesday. */
    CCAD_WED = 1 << 2, /**< Wednesday. */
    CCAD_THU = 1 << 3, /**< Thursday. */
    CCAD_FRI = 1 << 4, /**< Friday. */
    CCAD_SAT = 1 << 5, /**< Saturday. */
    CCAD_SUN = 1 << 6  /**< Sunday. */
};

/** Rule identifiers, as named in docs/cadence-rules.md. */
enum ccad_rule_id {
    CCAD_RULE_GRADE = 1,     /**< A/B/C(/D) grading by value. */
    CCAD_RULE_URGENCY = 2,   /**< Urgency from purchase date and events. */
    CCAD_RULE_QUADRANT = 3,  /**< Importance x urgency. */
    CCAD_RULE_FREQ = 4,      /**< Contact frequency. */
    CCAD_RULE_WORKLOAD = 5,  /**< Visits vs capacity (planner). */
    CCAD_RULE_CAPACITY = 6,  /**< Plans fit capacity (planner). */
    CCAD_RULE_GAP = 7,       /**< Maximum gap between contacts. */
    CCAD_RULE_FOLLOWUP = 8,  /**< Records, next steps, reminders. */
    CCAD_RULE_STALL = 9,     /**< Contacts without progress. */
    CCAD_RULE_PATIENCE = 10, /**< Minimum contacts before release. */
    CCAD_RULE_TRIAGE = 11,   /**< Problem-customer triage. */
    CCAD_RULE_PERSIST = 12,  /**< Multi-day persist blocks (planner). */
    CCAD_RULE_COMPLAINT = 13, /**< Complaints. */
    CCAD_RULE_PLATFORM = 14, /**< Market/working/buying platforms (planner). */
    CCAD_RULE_KEEPWARM = 15, /**< Touches on special dates (planner). */
    CCAD_RULE_ROUTE = 16,    /**< Routes (planner). */
    CCAD_RULE_SERVICE = 17,  /**< Service levels. */
    CCAD_RULE_EXPLAIN = 18,  /**< Reasons on every decision. */
    CCAD_RULE_CLOCK = 19,    /**< Any logged interaction restarts the clock. */
    CCAD_RULE_ESCALATE = 20, /**< Overdue escalation ladder. */
    CCAD_RULE_OWNERSHIP = 21, /**< Remaining days of ownership. */
    CCAD_RULE_NEVER = 22     /**< Never-contacted customers. */
};

/**
 * @brief The catalogue name of a rule id ("GRADE", "GAP", ...).
 * @param[in] rule a ::ccad_rule_id.
 * @return a static string; "?" for an unknown id. Never NULL.
 * @since 1.0.0
 */
CCAD_API const char *ccad_rule_name(int rule);

/** Families of named values, for ccad_name() and ccad_name_parse(). */
enum ccad_name_kind {
    CCAD_NAME_GRADE = 1,        /**< "A".."D" (0 is "-"). */
    CCAD_NAME_STATUS = 2,       /**< "prospect", "active", "key", "released", "eliminated". */
    CCAD_NAME_COMPLAINT = 3,    /**< "none", "open", "resolved". */
    CCAD_NAME_CONTACT_KIND = 4, /**< "visit", "call", "message", "email", "other". */
    CCAD_NAME_OUTCOME = 5,      /**< "progress", "no_progress", "order", "complaint_opened", "complaint_resolved". */
    CCAD_NAME_SERVICE = 6,      /**< "none", "basic", "satisfying", "value_added", "moving". */
    CCAD_NAME_TRIAGE = 7,       /**< "none", "self_driven", "push", "unmovable". */
    CCAD_NAME_STRATEGY = 8,     /**< "none", "let_go", "persist", "give_up". */
    CCAD_NAME_ESCALATION = 9,   /**< "none", "rep", "manager", "reassign". */
    CCAD_NAME_URGENCY = 10,     /**< "none", "two_weeks", "week", "event". */
    CCAD_NAME_QUADRANT = 11,    /**< "Q1".."Q4". */
    CCAD_NAME_WEEKDAY = 12,     /**< ISO weekday 1..7: "Mon".."Sun". */
    CCAD_NAME_FLAG = 13,        /**< A single ::ccad_flag bit: "DUE", "OVERDUE", ... */
    CCAD_NAME_RULE = 14,        /**< A ::ccad_rule_id: "GRADE", ... (as ccad_rule_name()). */
    CCAD_NAME_WHY = 15,         /**< A ::ccad_why: "GAP_ALERT", ... (as ccad_why_name()). */
    CCAD_NAME_ITEM_KIND = 16,   /**< A ::ccad_item_kind: "visit", "call", "persist", "care", "touch". */
    CCAD_NAME_DELEGATION = 17,  /**< A ::ccad_delegation: "rep", "colleague", "substitute". */
    CCAD_NAME_FINDING = 18      /**< A ::ccad_finding_kind: "unplanned", "overdue", ... "route". */
};

/**
 * @brief The name of a value of one of the library's enumerations.
 * @param[in] kind a ::ccad_name_kind.
 * @param[in] value the value (for ::CCAD_NAME_FLAG a single bit).
 * @return a static string; "?" for an unknown kind or value. Never NULL.
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API const char *ccad_name(int kind, int value);

/**
 * @brief The value named @p text in one of the library's enumerations
 *        (ASCII case-insensitive), the inverse of ccad_name(); since 1.1.0
 *        also the inverse of ccad_name_lang() in every ::ccad_lang (the
 *        Chinese names compared byte for byte).
 * @param[out] out_value receives the value.
 * @param[in] kind a ::ccad_name_kind.
 * @param[in] text the name; @p len bytes are read.
 * @param[in] len its length.
 * @retval CCAD_OK found. @retval CCAD_EINVAL a pointer is NULL or the kind unknown.
 * @retval CCAD_ENOTFOUND no value has that name.
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API int ccad_name_parse(int *out_value, int kind, const char *text, size_t len);

/** Languages of the texts the library writes: reasons (ccad_reason_format_lang())
 *  and names (ccad_name_lang()). Chosen per call, never from the host's locale.
 *  @since 1.1.0 */
enum ccad_lang {
    CCAD_LANG_EN = 0,      /**< English: the texts of ccad_reason_format() and ccad_name(). */
    CCAD_LANG_ZH_HANS = 1, /**< Chinese in simplified characters (zh-Hans). */
    CCAD_LANG_ZH_HANT = 2  /**< Chinese in traditional characters (zh-Hant). */
};

/** Number of ::ccad_lang values (the last one plus one). Function twin:
 *  ccad_lang_count(). @since 1.1.0 */
#define CCAD_LANG_COUNT 3

/** @brief ::CCAD_LANG_COUNT as a function. @return it. @since 1.1.0 */
CCAD_API int ccad_lang_count(void);

/**
 * @brief The name of a value of one of the library's enumerations in a language:
 *        ccad_name() for ::CCAD_LANG_EN; in Chinese, the word a rep uses
 *        ("A类", "重要又紧急", "死磕", "週一", ...).
 *
 * Reason codes (::CCAD_NAME_WHY) are identifiers and keep their English
 * names in every language; their Chinese is the sentence written by
 * ccad_reason_format_lang().
 * @param[in] kind a ::ccad_name_kind.
 * @param[in] value the value (for ::CCAD_NAME_FLAG a single bit).
 * @param[in] lang a ::ccad_lang.
 * @return a static UTF-8 string; "?" for an unknown kind, value or language. Never NULL.
 * @threadsafety Safe from any thread.
 * @since 1.1.0
 */
CCAD_API const char *ccad_name_lang(int kind, int value, int lang);

/** @} */

/* ====================================================================== */
/** @defgroup rules Rules
 *  @brief Every parameter of the rule catalogue, with validated setters and a
 *         strict text format (docs/rules-format.md).
 *
 *  Parameters are addressed by name ("gap.max_days") and hold 64-bit
 *  integers; enumerated parameters also accept keywords in the text form.
 *  ccad_rules_param_count() and ccad_rules_param_info() list them all, so a
 *  binding needs no table of its own.
 *  @{ */

/** Opaque rule set. */
typedef struct ccad_rules ccad_rules;

/** Values of parameter @c grade.method. */
enum ccad_grade_method {
    CCAD_GRADE_BY_RANK = 0,     /**< Rank shares (Pareto). */
    CCAD_GRADE_BY_THRESHOLD = 1 /**< Explicit value thresholds. */
};

/** Grade bits for the mask parameters (quadrant.important, gap.grades). */
enum ccad_grade_bit {
    CCAD_GRADE_BIT_A = 1 << 0, /**< Grade A. */
    CCAD_GRADE_BIT_B = 1 << 1, /**< Grade B. */
    CCAD_GRADE_BIT_C = 1 << 2, /**< Grade C. */
    CCAD_GRADE_BIT_D = 1 << 3  /**< Grade D. */
};

/** Description of one parameter, filled by ccad_rules_param_info(). */
typedef struct ccad_param_info {
    uint32_t size;          /**< Set by ::CCAD_PARAM_INFO_INIT. */
    const char *name;       /**< Parameter name, static storage. */
    int rule;               /**< The ::ccad_rule_id it belongs to. */
    int64_t min_value;      /**< Smallest accepted value. */
    int64_t max_value;      /**< Largest accepted value. */
    int64_t default_value;  /**< Default from docs/cadence-rules.md. */
    const char *unit;       /**< "days", "pct", "minor", "bool", "mask", "enum", "count", "bp", "factor", "min" (minutes). */
    const char *help;       /**< One-line description, static storage. */
    /** Where the default comes from, static storage: either
     *  "seed NNN, line L: ..." (the source text ../shared/seeds/NNN_*.txt
     *  and the line of the statement the number comes from) or
     *  "project default: ..." (a number no text gives, with the reason).
     *  docs/cadence-rules.md, "Where each default comes from", lists the
     *  same text. Filled only when @c size covers it: a caller built
     *  against 1.0 (whose struct ends at @c help) keeps working.
     *  @since 1.1.0 */
    const char *source;
} ccad_param_info;

/** Initialiser for ::ccad_param_info. */
#define CCAD_PARAM_INFO_INIT {(uint32_t)sizeof(ccad_param_info), NULL, 0, 0, 0, 0, NULL, NULL, NULL}

/**
 * @brief Creates a rule set holding every default.
 * @param[out] out receives the rules; NULL on error.
 * @param[in] ctx the context whose allocator is used; must outlive the rules.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_ENOMEM allocation failed.
 * @retval CCAD_EBUSY called from inside a host callback of this context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_rules_new(ccad_rules **out, ccad_ctx *ctx);

/**
 * @brief Creates an independent copy of a rule set.
 * @param[out] out receives the copy; NULL on error.
 * @param[in] ctx the context of the copy.
 * @param[in] src the rules to copy.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_ENOMEM allocation failed.
 * @retval CCAD_EBUSY called from inside a host callback of this context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_rules_copy(ccad_rules **out, ccad_ctx *ctx, const ccad_rules *src);

/**
 * @brief Destroys a rule set.
 * @param[in] rules the rules, or NULL (no-op).
 * @note Not refused inside a callback (the busy guard cannot tell which
 *       handles the running call uses): freeing there the rules that call
 *       was given is a use-after-free (docs/integration.md, "Re-entry").
 * @since 1.0.0
 */
CCAD_API void ccad_rules_free(ccad_rules *rules);

/**
 * @brief Number of parameters. Indices 0..count-1 are stable within a
 *        release; names are stable forever.
 * @return the count.
 * @since 1.0.0
 */
CCAD_API size_t ccad_rules_param_count(void);

/**
 * @brief Describes parameter @p index.
 * @param[in,out] info caller struct with @c size set by ::CCAD_PARAM_INFO_INIT:
 *        the current size, or 1.0's (the struct up to @c help; then
 *        @c source is neither written nor read, @since 1.1.0).
 * @param[in] index 0..ccad_rules_param_count()-1.
 * @retval CCAD_OK success. @retval CCAD_EINVAL @p info is NULL.
 * @retval CCAD_EVERSION @p info->size is neither of the sizes above.
 * @retval CCAD_ENOTFOUND @p index is out of range.
 * @since 1.0.0
 */
CCAD_API int ccad_rules_param_info(ccad_param_info *info, size_t index);

/**
 * @brief Reads a parameter by name.
 * @param[in] rules the rules.
 * @param[in] name a parameter name (NUL-terminated).
 * @param[out] out_value receives the value.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_ENOTFOUND no parameter of that name.
 * @note Records no message (see the file's conventions).
 * @threadsafety Safe on rules shared read-only between threads.
 * @since 1.0.0
 */
CCAD_API int ccad_rules_get(const ccad_rules *rules, const char *name, int64_t *out_value);

/**
 * @brief Sets a parameter by name, after checking its range and its
 *        consistency with the other parameters.
 * @param[in] rules the rules.
 * @param[in] name a parameter name.
 * @param[in] value the new value.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_ENOTFOUND no parameter of that name.
 * @retval CCAD_ERANGE outside [min_value, max_value].
 * @retval CCAD_ECONFLICT inconsistent with another parameter (thresholds out
 *         of order, shares above 100 %); the message names both.
 * @note On failure the rules are unchanged.
 * @retval CCAD_EBUSY called from inside a host callback of the rules' context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_rules_set(ccad_rules *rules, const char *name, int64_t value);

/**
 * @brief Sets one parameter from its text form, as in the rules text:
 *        keywords for enumerations (@c "threshold"), grade letters for
 *        masks (@c "AB"), weekdays for @c freq.work_days (@c "Mon+Wed"), or
 *        an integer. Other parameters keep their values.
 * @param[in] rules the rules. @param[in] name the parameter name.
 * @param[in] value the value text (NUL-terminated).
 * @retval as ccad_rules_set(), plus ::CCAD_EPARSE for a value text that is
 *         not a keyword, mask or integer.
 * @retval CCAD_EBUSY called from inside a host callback of the rules' context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_rules_set_text(ccad_rules *rules, const char *name, const char *value);

/**
 * @brief The context a rules object was made with (where its messages go).
 * @param[in] rules the rules. @return the context, NULL for NULL.
 * @since 1.0.0
 */
CCAD_API ccad_ctx *ccad_rules_ctx(const ccad_rules *rules);

/**
 * @brief Replaces the parameters named in a rules text (docs/rules-format.md);
 *        parameters not named keep their defaults, not their current values.
 * @param[in] rules the rules to replace.
 * @param[in] text the text; need not be NUL-terminated.
 * @param[in] len its length in bytes.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EPARSE malformed text, unknown key, duplicate key, bad number
 *         or keyword, value out of range or in conflict; the message gives
 *         line and column.
 * @note All or nothing: on failure the rules are unchanged.
 * @retval CCAD_EBUSY called from inside a host callback of the rules' context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_rules_parse(ccad_rules *rules, const char *text, size_t len);

/**
 * @brief Writes every parameter as rules text, one @c key @c = @c value line
 *        each, in ccad_rules_param_info() order. Parsing the output gives
 *        identical rules.
 * @param[in] rules the rules.
 * @param[out] buf destination, or NULL with @p cap 0 to ask for the size.
 * @param[in] cap size of @p buf in bytes.
 * @param[out] out_len receives the text length without the NUL (also on ::CCAD_ENOSPC).
 * @retval CCAD_OK success (NUL-terminated).
 * @retval CCAD_EINVAL @p rules or @p out_len is NULL, or @p buf NULL with cap > 0.
 * @retval CCAD_ENOSPC @p cap is below length + 1; @p buf untouched.
 * @note Records no message. @threadsafety Safe on shared read-only rules.
 * @since 1.0.0
 */
CCAD_API int ccad_rules_serialize(const ccad_rules *rules, char *buf, size_t cap, size_t *out_len);

/**
 * @brief Whether two rule sets hold identical parameters.
 * @param[in] a first rules. @param[in] b second rules.
 * @return 1 if equal, 0 if not or if either is NULL.
 * @since 1.0.0
 */
CCAD_API int ccad_rules_equal(const ccad_rules *a, const ccad_rules *b);

/** @} */

/* ====================================================================== */
/** @defgroup book Customers and contacts
 *  @brief A book holds many customers compactly, without an allocation per customer:
 *         64 bytes each (ids aside) for customers whose dates fall in
 *         1930-04-16 .. 2109-09-18 and whose amounts and counts are of
 *         everyday size; any other customer is kept whole, losslessly, in a
 *         side table (docs/design.md, "Stored form").
 *  @{ */

/** Opaque customer book. */
typedef struct ccad_book ccad_book;

/** Longest customer id in bytes (without NUL). Function twin: ccad_id_max(). */
#define CCAD_ID_MAX 64

/** @brief ::CCAD_ID_MAX as a function. @return ::CCAD_ID_MAX. @since 1.0.0 */
CCAD_API size_t ccad_id_max(void);

/**
 * @brief One customer's data and contact summary, in and out of a book.
 *
 * Initialise with ::CCAD_CUSTOMER_INIT: every date starts as ::CCAD_NO_DATE,
 * every optional number as unknown (-1), the location as unknown (NaN is not
 * used; @c has_location is 0).
 */
typedef struct ccad_customer {
    uint32_t size;          /**< Set by ::CCAD_CUSTOMER_INIT. */
    const char *id;         /**< Caller id, 1..::CCAD_ID_MAX bytes, no NUL inside. On output points into the book, valid until the book changes. */
    int64_t value;          /**< Value in minor units, >= 0 (grading key). */
    int grade;              /**< Hand-set ::ccad_grade; ::CCAD_GRADE_NONE = computed. */
    int status;             /**< ::ccad_status. */
    int32_t purchase_date;  /**< Expected purchase decision, or ::CCAD_NO_DATE. */
    int64_t monthly_volume; /**< Monthly volume with us in minor units, or -1 unknown. */
    int32_t margin_bp;      /**< Their margin on our product in basis points (0..10000), or -1 unknown. */
    int capable;            /**< 1 if the customer has the capability to grow, 0 if not. */
    int has_location;       /**< 1 if @c x and @c y hold a location. */
    double x;               /**< Longitude in degrees, or planar x. Finite. */
    double y;               /**< Latitude in degrees, or planar y. Finite. */
    int complaint;          /**< ::ccad_complaint. */
    int32_t complaint_date; /**< Opened (if open) or resolved (if resolved) date. */
    int32_t request_date;   /**< The customer asked to be seen on this date, or ::CCAD_NO_DATE. */
    uint32_t visit_days;    /**< ::ccad_weekday_bit mask of days it can be seen; 0 = any. */
    int32_t visit_open_min; /**< Visit window opens, minutes after midnight (0..1440). */
    int32_t visit_close_min;/**< Visit window closes (> open, <= 1440). */
    int32_t owned_since;    /**< Date the rep took ownership, or ::CCAD_NO_DATE. */
    /* contact summary, maintained by ccad_book_record() */
    int32_t last_contact;   /**< Latest contact of any kind, or ::CCAD_NO_DATE. */
    int32_t last_visit;     /**< Latest in-person visit, or ::CCAD_NO_DATE. */
    int32_t last_gap_days;  /**< Days between the two latest contacts, or -1. */
    uint32_t contacts;      /**< Contacts so far. */
    uint32_t no_progress;   /**< Consecutive latest contacts without progress. */
    uint32_t missing_records; /**< Contacts recorded without a written record. */
    int last_recorded;      /**< 1 if the latest contact left a record (or nothing is known: the default). */
    int32_t next_step_date; /**< Next contact date set at the latest contact, or ::CCAD_NO_DATE. */
    uint32_t service_counts[4]; /**< Contacts tagged basic, satisfying, value-added, moving. */
    /* members since 1.1.0 (a 1.0 caller's smaller size is still accepted) */
    uint32_t padding_1_0;   /**< The 1.0 struct's tail padding, named so that the 1.1 members start past the 1.0 size; ignored, read back as 0. @since 1.1.0 */
    /* 1.1: our position in the customer's sales (TRIAGE; seed 002) */
    int64_t share_pct;      /**< Our share of the customer's sales in percent (0..100), or ::CCAD_SHARE_UNKNOWN. When known (with triage.by_position) TRIAGE reads it before the volume. @since 1.1.0 */
    uint32_t supplier_rank; /**< Our rank among the customer's suppliers by its sales (1 = first, the supplier it pushes first; at most 1000000), or ::CCAD_RANK_UNKNOWN (0). @since 1.1.0 */
    /* 1.1: what the contacts held (FOLLOWUP, STALL, PATIENCE, PERSIST; seeds 001-003) */
    int32_t prospect_run;   /**< PATIENCE: contacts on distinct days while a prospect, since the run began; -1 unknown (the default: PATIENCE then counts @c contacts). @since 1.1.0 */
    int32_t prospect_gap;   /**< PATIENCE: the longest gap in days between two contacts of the run, or -1. @since 1.1.0 */
    int32_t prospect_tail;  /**< PATIENCE: contacts of the run after its longest gap (after the latest of equal ones). @since 1.1.0 */
    uint32_t last_purposes; /**< STALL: ::ccad_purpose bits of the latest contact; 0 not told. @since 1.1.0 */
    uint32_t aimless;       /**< STALL: of the latest @c no_progress contacts, those without a sales purpose or repeating the purposes of the contact before. @since 1.1.0 */
    uint32_t closes_asked;  /**< STALL: of the latest @c no_progress contacts, those where the close was asked for. @since 1.1.0 */
    uint32_t last_parts;    /**< FOLLOWUP: ::ccad_record_part bits the latest contact's record holds (::CCAD_RECORD_ALL by default). @since 1.1.0 */
    int32_t last_entered;   /**< FOLLOWUP: day the latest contact's record was entered, or ::CCAD_NO_DATE (not told: in time). @since 1.1.0 */
    int32_t owner_sales[3]; /**< PERSIST: days of the latest three effective activities (::CCAD_ACTIVITY_SALE) held with the owner present, latest first; ::CCAD_NO_DATE for none. @since 1.1.0 */
} ccad_customer;

/** ::ccad_customer::share_pct when our share of the customer's sales is unknown. @since 1.1.0 */
#define CCAD_SHARE_UNKNOWN (-1)
/** ::ccad_customer::supplier_rank when our rank among its suppliers is unknown. @since 1.1.0 */
#define CCAD_RANK_UNKNOWN 0u

/** Initialiser for ::ccad_customer. A caller built against 1.0 passes the
 *  1.0 size; the book then reads the members after @c service_counts as
 *  unknown. */
#define CCAD_CUSTOMER_INIT {(uint32_t)sizeof(ccad_customer), NULL, 0, CCAD_GRADE_NONE, \
    CCAD_STATUS_PROSPECT, CCAD_NO_DATE, -1, -1, 1, 0, 0.0, 0.0, CCAD_COMPLAINT_NONE, \
    CCAD_NO_DATE, CCAD_NO_DATE, 0, 0, 1440, CCAD_NO_DATE, CCAD_NO_DATE, CCAD_NO_DATE, -1, \
    0, 0, 0, 1, CCAD_NO_DATE, {0, 0, 0, 0}, 0, CCAD_SHARE_UNKNOWN, CCAD_RANK_UNKNOWN, -1, -1, 0, 0, \
    0, 0, CCAD_RECORD_ALL, CCAD_NO_DATE, {CCAD_NO_DATE, CCAD_NO_DATE, CCAD_NO_DATE}}

/** One contact with a customer, for ccad_book_record(). */
typedef struct ccad_contact {
    uint32_t size;      /**< Set by ::CCAD_CONTACT_INIT. */
    int32_t date;       /**< Day of the contact (valid date). */
    int kind;           /**< ::ccad_contact_kind. */
    int outcome;        /**< ::ccad_outcome. */
    int recorded;       /**< 1 if a written record was made (FOLLOWUP). */
    int32_t next_date;  /**< Next step date agreed, or ::CCAD_NO_DATE. */
    int service_level;  /**< ::ccad_service_level. */
    /* members since 1.1.0 (a 1.0 caller's smaller size is still accepted: they take the defaults) */
    uint32_t purposes;  /**< ::ccad_purpose bits; 0 = not told. ::CCAD_PURPOSE_NONE stands alone. @since 1.1.0 */
    int close_asked;    /**< 1 if the rep asked for the close (seed 001, line 83). @since 1.1.0 */
    int owner_present;  /**< 1 if the customer's owner took part (seed 002, line 7). @since 1.1.0 */
    int activity;       /**< ::ccad_activity held at the contact. @since 1.1.0 */
    uint32_t record_parts; /**< ::ccad_record_part bits the record holds (with @c recorded = 1; default ::CCAD_RECORD_ALL). @since 1.1.0 */
    int32_t entered;    /**< Day the record was entered (on or after @c date), or ::CCAD_NO_DATE (not told: the same day). @since 1.1.0 */
} ccad_contact;

/** Initialiser for ::ccad_contact (a recorded visit with progress, no date
 *  yet; purposes not told, a complete record entered the same day). */
#define CCAD_CONTACT_INIT {(uint32_t)sizeof(ccad_contact), CCAD_NO_DATE, CCAD_CONTACT_VISIT, \
    CCAD_OUTCOME_PROGRESS, 1, CCAD_NO_DATE, CCAD_SERVICE_NONE, 0, 0, 0, CCAD_ACTIVITY_NONE, \
    CCAD_RECORD_ALL, CCAD_NO_DATE}

/**
 * @brief Creates an empty book.
 * @param[out] out receives the book; NULL on error.
 * @param[in] ctx the context; must outlive the book.
 * @param[in] capacity_hint customers to reserve room for (0 = small default).
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EOVERFLOW the hint is too large to reserve.
 * @retval CCAD_ENOMEM allocation failed.
 * @retval CCAD_EBUSY called from inside a host callback of this context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_book_new(ccad_book **out, ccad_ctx *ctx, size_t capacity_hint);

/**
 * @brief Destroys a book. @param[in] book the book, or NULL (no-op).
 * @note Not refused inside a callback (the busy guard cannot tell which
 *       handles the running call uses): freeing there the book that call
 *       was given is a use-after-free (docs/integration.md, "Re-entry").
 * @since 1.0.0
 */
CCAD_API void ccad_book_free(ccad_book *book);

/**
 * @brief The context a book was made with (where its messages go).
 * @param[in] book the book. @return the context, NULL for NULL.
 * @since 1.0.0
 */
CCAD_API ccad_ctx *ccad_book_ctx(const ccad_book *book);

/**
 * @brief Number of customers in the book.
 * @param[in] book the book. @return the count, 0 for NULL.
 * @since 1.0.0
 */
CCAD_API size_t ccad_book_count(const ccad_book *book);

/**
 * @brief A customer's id, without copying the whole customer.
 * @param[in] book the book. @param[in] index 0..count-1.
 * @return the NUL-terminated id, owned by the book and valid until the next
 *         ccad_book_add(); NULL for a NULL book or a bad index (no message).
 * @since 1.0.0
 */
CCAD_API const char *ccad_book_id(const ccad_book *book, size_t index);

/**
 * @brief Adds a customer after validating every field.
 * @param[in] book the book.
 * @param[in] customer the data (its @c id is copied).
 * @param[out] out_index receives the new customer's index (may be NULL).
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL, the id is
 *         empty, too long or holds a NUL, or an enum field is unknown.
 * @retval CCAD_EVERSION @c size not supported.
 * @retval CCAD_ERANGE a date out of range, negative money, a margin outside
 *         0..10000, a non-finite coordinate, a bad visit window.
 * @retval CCAD_EEXIST the id is already in the book.
 * @retval CCAD_EOVERFLOW the book is full (2^31-1 customers).
 * @retval CCAD_ENOMEM allocation failed.
 * @note Adding a customer makes the grades stale (see ccad_book_grade()).
 * @retval CCAD_EBUSY called from inside a host callback of the book's context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_book_add(ccad_book *book, const ccad_customer *customer, size_t *out_index);

/**
 * @brief Adds many customers in one call, all or nothing.
 *
 * The same validation as ccad_book_add() for each element, in order. The
 * array's stride is @c customers[0].size (the caller's sizeof(ccad_customer));
 * every element must carry that same @c size. On any failure no customer of
 * the call stays in the book (those added before the bad one are taken
 * back) and the message names the element: "ccad_book_add_many:
 * customers[17]: id 'c9' is already in the book".
 * @param[in] book the book.
 * @param[in] customers @p count customers (ids copied); may be NULL when
 *            @p count is 0.
 * @param[in] count how many.
 * @param[out] out_first receives the index of the first one added (the
 *             book's count before the call); may be NULL. Unchanged on failure.
 * @retval CCAD_OK success (also for @p count 0).
 * @retval CCAD_EINVAL @p book is NULL, @p customers is NULL with a count,
 *         or an element is invalid as for ccad_book_add() (also an id that
 *         repeats within the call).
 * @retval CCAD_EVERSION an element's @c size is not supported or differs
 *         from the first element's.
 * @retval CCAD_ERANGE a field out of range (as ccad_book_add()).
 * @retval CCAD_EEXIST an id already in the book or repeated in the call.
 * @retval CCAD_EOVERFLOW the book would hold more than 2^31-1 customers.
 * @retval CCAD_ENOMEM allocation failed.
 * @retval CCAD_EBUSY called from inside a host callback of the book's
 *         context: refused, nothing changed and no message recorded.
 * @note Capacity grown for the call may stay after a failure; the book's
 *       content does not change.
 * @since 1.1.0
 */
CCAD_API int ccad_book_add_many(ccad_book *book, const ccad_customer *customers, size_t count,
                                size_t *out_first);

/**
 * @brief Writes the book's customers as a snapshot into a caller buffer.
 *
 * The snapshot is a self-contained byte string (docs/snapshot.md): a
 * versioned header, each customer's data and id (with the order the book
 * remembers, which ccad_customer does not carry), and a checksum; the same
 * bytes on every machine. ccad_book_from_snapshot() makes an equal book from
 * it. Computed grades are not part of it: grade the new book before
 * assessing. No I/O, no allocation.
 * @param[in] book the book.
 * @param[out] buf destination, or NULL with @p cap 0 to ask for the size.
 * @param[in] cap size of @p buf in bytes.
 * @param[out] out_len receives the snapshot's length (also on ::CCAD_ENOSPC).
 * @retval CCAD_OK success. @retval CCAD_EINVAL @p book or @p out_len is
 *         NULL, or @p buf is NULL with @p cap > 0.
 * @retval CCAD_ENOSPC @p cap is below the length; @p buf untouched.
 * @threadsafety Safe on a book no thread changes.
 * @since 1.1.0
 */
CCAD_API int ccad_book_snapshot(const ccad_book *book, void *buf, size_t cap, size_t *out_len);

/**
 * @brief A new book from a snapshot written by ccad_book_snapshot().
 *
 * Everything is checked before the book is handed out: the header, the
 * format version, the lengths, the checksum, and every customer as
 * ccad_book_add() checks it. On any failure nothing is created.
 * @param[out] out receives the new book (NULL on failure).
 * @param[in] ctx the context (its allocator is used).
 * @param[in] buf the snapshot. @param[in] len its length in bytes.
 * @retval CCAD_OK success.
 * @retval CCAD_EINVAL @p ctx, @p out or @p buf is NULL, or a customer
 *         ccad_book_add() refuses with this code (a bad enumeration value).
 * @retval CCAD_EPARSE not a snapshot, truncated, a damaged checksum, a bad
 *         record or bytes after the last customer.
 * @retval CCAD_EVERSION a snapshot format version this library does not read.
 * @retval CCAD_ERANGE a field ccad_book_add() refuses as out of range, or an
 *         order date not within 120 days of the purchase date.
 * @retval CCAD_EEXIST an id that repeats.
 * @retval CCAD_ENOMEM allocation failed.
 * @retval CCAD_EBUSY called from inside a host callback of @p ctx: refused,
 *         nothing created and no message recorded.
 * @since 1.1.0
 */
CCAD_API int ccad_book_from_snapshot(ccad_book **out, ccad_ctx *ctx, const void *buf, size_t len);

/**
 * @brief Finds a customer by id.
 * @param[in] book the book. @param[in] id NUL-terminated id.
 * @param[out] out_index receives the index.
 * @retval CCAD_OK found. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_ENOTFOUND no such id.
 * @since 1.0.0
 */
CCAD_API int ccad_book_find(const ccad_book *book, const char *id, size_t *out_index);

/**
 * @brief Reads a customer.
 * @param[in] book the book. @param[in] index 0..count-1.
 * @param[in,out] out caller struct with @c size set; filled up to that size.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EVERSION @c size not supported.
 * @retval CCAD_ENOTFOUND @p index out of range.
 * @since 1.0.0
 */
CCAD_API int ccad_book_get(const ccad_book *book, size_t index, ccad_customer *out);

/**
 * @brief Replaces a customer's data and summary (its id cannot change).
 * @param[in] book the book. @param[in] index 0..count-1.
 * @param[in] customer new data; @c id must be NULL or equal to the stored id.
 * @retval as ccad_book_add(), plus ::CCAD_ENOTFOUND for a bad index.
 * @note A change of value makes the grades stale.
 * @retval CCAD_EBUSY called from inside a host callback of the book's context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_book_update(ccad_book *book, size_t index, const ccad_customer *customer);

/**
 * @brief Records a contact and updates the customer's summary: last contact
 *        (any logged interaction restarts the clock), gap, counts, progress,
 *        complaint state, record and next step, service level.
 * @param[in] book the book. @param[in] index 0..count-1.
 * @param[in] contact the contact.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL or an enum unknown.
 * @retval CCAD_EVERSION @c size not supported.
 * @retval CCAD_ENOTFOUND bad index. @retval CCAD_ERANGE bad date, or a next
 *         date before the contact date.
 * @retval CCAD_EOVERFLOW a count would overflow.
 * @retval CCAD_ECONFLICT the outcome resolves a complaint that is not open.
 * @retval CCAD_ENOMEM the customer no longer fits its compact record (a
 *         date, count or gap beyond it) and the book's side table could not
 *         grow; nothing changed.
 * @note A contact older than the latest one counts, but does not move the
 *       latest contact, gap or next step back.
 * @retval CCAD_EBUSY called from inside a host callback of the book's context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_book_record(ccad_book *book, size_t index, const ccad_contact *contact);

/**
 * @brief Computes every customer's grade from the rules (rank shares or
 *        thresholds; ties in value broken by id, bytewise ascending).
 *        Hand-set grades still win at assessment.
 * @param[in] book the book. @param[in] rules the rules.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_ENOMEM allocation failed (grades unchanged).
 * @retval CCAD_EBUSY called from inside a host callback of the book's context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_book_grade(ccad_book *book, const ccad_rules *rules);

/** @} */

/* ====================================================================== */
/** @defgroup store Storage callbacks
 *  @brief Persisting customers and contacts in the host's database with
 *         all-or-nothing writes (docs/integration.md).
 *
 *  The library never stores anything itself. A host that wants recorded
 *  contacts and books persisted gives a ::ccad_store to the context; the
 *  functions of this group then call it inside one transaction each: on any
 *  failure they call @c rollback, leave every handle as it was and report
 *  ::CCAD_ECALLBACK with the name of the callback that failed.
 *  @{ */

/** Called by @c iterate for each stored customer; returns 0 to go on,
 *  non-zero to stop with a failure. */
typedef int (*ccad_store_each_fn)(void *each_user, const ccad_customer *customer);

/**
 * @brief The host's storage. Every callback gets @c user first and returns
 *        0 on success, non-zero on failure. Set up with ::CCAD_STORE_INIT.
 */
typedef struct ccad_store {
    uint32_t size;  /**< Set by ::CCAD_STORE_INIT. */
    void *user;     /**< Passed to every callback. */
    /** Starts a transaction. */
    int (*begin)(void *user);
    /** Makes the transaction's writes durable. */
    int (*commit)(void *user);
    /** Undoes the transaction's writes. */
    int (*rollback)(void *user);
    /** Fills @p out (its @c size set by the library) with the customer of
     *  @p id and sets @p *found to 1, or sets @p *found to 0. The id in
     *  @p out needs to stay valid only until the callback returns. */
    int (*load)(void *user, const char *id, ccad_customer *out, int *found);
    /** Inserts or replaces a customer (with its contact summary). */
    int (*save)(void *user, const ccad_customer *customer);
    /** Appends one contact event of customer @p id. */
    int (*append_contact)(void *user, const char *id, const ccad_contact *contact);
    /** Calls @p each for every stored customer, in a stable order. */
    int (*iterate)(void *user, ccad_store_each_fn each, void *each_user);
} ccad_store;

/** Initialiser for ::ccad_store: size set, every callback NULL. */
#define CCAD_STORE_INIT {(uint32_t)sizeof(ccad_store), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL}

/**
 * @brief Gives the context a store (copied), or removes it with NULL.
 * @param[in] ctx the context.
 * @param[in] store the storage callbacks; all seven callbacks must be set
 *            (@c user may be NULL).
 * @retval CCAD_OK success. @retval CCAD_EINVAL NULL ctx or a missing callback.
 * @retval CCAD_EVERSION @c store->size not supported.
 * @retval CCAD_EBUSY called from inside a callback of this context (a store
 *         transaction, perhaps): refused, the store stays as it was (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_ctx_set_store(ccad_ctx *ctx, const ccad_store *store);

/**
 * @brief Sets the language of the messages the rules text and the rules
 *        setters record on this context (ccad_rules_parse(),
 *        ccad_rules_set(), ccad_rules_set_text(); see ccad_ctx_errmsg()):
 *        "规则文本第 4 行第 1 列：没有参数 'gap.max_day'" in zh-Hans.
 *        Parameter names and keywords stay as they are written. Other
 *        messages stay English. A new context speaks English.
 * @param[in] ctx the context.
 * @param[in] lang a ::ccad_lang.
 * @retval CCAD_OK set. @retval CCAD_EINVAL NULL ctx, or an unknown @p lang
 *         (message recorded; the language stays as it was).
 * @retval CCAD_EBUSY called from inside a callback of this context; nothing changes.
 * @threadsafety Like every call on a context: one thread at a time.
 * @since 1.1.0
 */
CCAD_API int ccad_ctx_set_lang(ccad_ctx *ctx, int lang);

/**
 * @brief The language set by ccad_ctx_set_lang().
 * @param[in] ctx the context (NULL gives ::CCAD_LANG_EN).
 * @return a ::ccad_lang.
 * @since 1.1.0
 */
CCAD_API int ccad_ctx_lang(const ccad_ctx *ctx);

/**
 * @brief Records a contact in the store and in the book, all or nothing:
 *        begin, save (the customer with its updated summary), append_contact,
 *        commit; only then is the book changed. Bad input is refused before
 *        any callback (also without a store).
 * @param[in] book the book (its context has a store).
 * @param[in] index the customer. @param[in] contact the contact.
 * @retval CCAD_OK success; store and book both hold the contact.
 * @retval as ccad_book_record() for bad input (no callback is called then).
 * @retval CCAD_ENOMEM as ccad_book_record(), before any callback.
 * @retval CCAD_ENOTSUP the context has no store.
 * @retval CCAD_ECALLBACK a callback failed; rollback was called; the book is
 *         unchanged. If rollback failed too the message says so, and the
 *         host's data is as its own rollback left it.
 * @retval CCAD_EBUSY called from inside a host callback of the book's context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_store_record(ccad_book *book, size_t index, const ccad_contact *contact);

/**
 * @brief Saves every customer of the book in one transaction.
 * @param[in] book the book.
 * @retval CCAD_OK success. @retval CCAD_EINVAL NULL. @retval CCAD_ENOTSUP no store.
 * @retval CCAD_ECALLBACK a callback failed; rollback was called.
 * @retval CCAD_EBUSY called from inside a host callback of the book's context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_store_save_book(ccad_book *book);

/**
 * @brief Creates a book holding every stored customer (one transaction,
 *        read only: begin, iterate, commit).
 * @param[out] out receives the new book; NULL on error.
 * @param[in] ctx the context with a store.
 * @retval CCAD_OK success. @retval CCAD_EINVAL NULL. @retval CCAD_ENOTSUP no store.
 * @retval CCAD_ECALLBACK a callback failed (rollback called).
 * @retval any error of ccad_book_add() for a stored customer that is not
 *         valid (message names its id), after rollback.
 * @retval CCAD_ENOMEM allocation failed.
 * @retval CCAD_EBUSY called from inside a host callback of this context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_store_load_book(ccad_book **out, ccad_ctx *ctx);

/**
 * @brief Loads one customer by id into the book (added, or replacing the
 *        customer of that id), in one read transaction.
 * @param[in] book the book. @param[in] id the id.
 * @param[out] out_index receives its index (may be NULL).
 * @retval CCAD_OK success. @retval CCAD_ENOTFOUND not in the store.
 * @retval CCAD_ECALLBACK a callback failed. @retval as ccad_book_add().
 * @retval CCAD_EBUSY called from inside a host callback of the book's context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_store_load_customer(ccad_book *book, const char *id, size_t *out_index);

/** @} */

/* ====================================================================== */
/** @defgroup assess Assessment
 *  @brief One customer on one day: every decision with its reasons.
 *         Pure: no host callback is called.
 *  @{ */

/** Reason codes: which decision a ::ccad_reason explains. The meaning of
 *  the figures @c a, @c b, @c c of each code is listed beside it and in
 *  docs/cadence-rules.md. Fixed forever. */
enum ccad_why {
    CCAD_WHY_GRADE_MANUAL = 1,      /**< GRADE: a = grade set by hand. */
    CCAD_WHY_GRADE_RANK = 2,        /**< GRADE: a = rank (1 = highest value; 0 = released or eliminated, not ranked but graded by where its value falls), b = customers ranked, c = cumulative share limit in %. */
    CCAD_WHY_GRADE_THRESHOLD = 3,   /**< GRADE: a = value, b = threshold met (0 for the lowest grade). */
    CCAD_WHY_URGENCY_PURCHASE = 4,  /**< URGENCY: a = days to purchase, b = limit days of the level reached. */
    CCAD_WHY_URGENCY_COMPLAINT = 5, /**< URGENCY: a = complaint opened date, b = days open. */
    CCAD_WHY_URGENCY_REQUEST = 6,   /**< URGENCY: a = requested date, b = days until it (negative: late). */
    CCAD_WHY_URGENCY_PASSED = 7,    /**< URGENCY: a = days since the expected purchase date passed. */
    CCAD_WHY_QUADRANT = 8,          /**< QUADRANT: a = quadrant, b = grade, c = urgency. */
    CCAD_WHY_FREQ = 9,              /**< FREQ: a = contacts, b = per days, c = interval days. */
    CCAD_WHY_FREQ_NONE = 10,        /**< FREQ: no fixed duty; a = grade. */
    CCAD_WHY_FREQ_LET_GO = 11,      /**< FREQ+TRIAGE: interval stretched; a = factor, b = interval before, c = after. */
    CCAD_WHY_DUE = 12,              /**< CLOCK: a = the last contact that restarts the clock (any contact, or the last visit with clock.any_contact = 0), b = interval, c = due date before any move to a working weekday (freq.work_days). */
    CCAD_WHY_DUE_NEXT_STEP = 13,    /**< FOLLOWUP: due at the agreed next step; a = next step date. */
    CCAD_WHY_DUE_EVENT = 14,        /**< URGENCY: due for the urgent matter; a = due date. */
    CCAD_WHY_OVERDUE = 15,          /**< ESCALATE: a = days overdue, b = escalation level, c = threshold days of that level. */
    CCAD_WHY_GAP_WARN = 16,         /**< GAP: a = gap days (the open gap or the latest closed one, whichever is longer), b = gap.max_days, c = days over the maximum. */
    CCAD_WHY_GAP_ALERT = 17,        /**< GAP: a = gap days, b = gap.alert_days, c = days over gap.max_days. */
    CCAD_WHY_NO_RECORD = 18,        /**< FOLLOWUP: the latest contact left no record; a = contacts without record. */
    CCAD_WHY_NO_NEXT_STEP = 19,     /**< FOLLOWUP: the latest contact set no next step; a = last contact date. */
    CCAD_WHY_REMINDER = 20,         /**< FOLLOWUP: a = reminder date, b = the contact date it announces. */
    CCAD_WHY_STALLED = 21,          /**< STALL: a = contacts without progress, b = limit. */
    CCAD_WHY_PATIENCE = 22,         /**< PATIENCE: release now premature; a = contacts, b = minimum. */
    CCAD_WHY_PATIENCE_RHYTHM = 23,  /**< PATIENCE: release now premature after a broken rhythm; a = gap days, b = maximum. */
    CCAD_WHY_RELEASED_EARLY = 24,   /**< PATIENCE: released with too few contacts; a = contacts, b = minimum. */
    CCAD_WHY_OWNERSHIP = 25,        /**< OWNERSHIP: a = days left, b = ownership days, c = end date. */
    CCAD_WHY_TRIAGE = 26,           /**< TRIAGE: a = kind, b = monthly volume, c = threshold applied. */
    CCAD_WHY_TRIAGE_MARGIN = 27,    /**< TRIAGE: lifted one kind; a = margin bp, b = threshold bp. */
    CCAD_WHY_COMPLAINT_OPEN = 28,   /**< COMPLAINT: a = opened date, b = days open. */
    CCAD_WHY_COMPLAINT_CARE = 29,   /**< COMPLAINT: a = resolved date, b = care contact date. */
    CCAD_WHY_NEVER_CONTACTED = 30,  /**< NEVER: no contact on record; a = 1 if that makes it due on the day assessed. */
    CCAD_WHY_INACTIVE = 31,         /**< Released or eliminated: no duty; a = status. */
    CCAD_WHY_SERVICE = 32,          /**< SERVICE: a = highest level reached, b = its count. */
    CCAD_WHY_PLAN_DUE = 33,         /**< Planner, QUADRANT: planned because due; a = due date, b = the quadrant, which orders the day (big rocks first), c = days overdue on the planned day. */
    CCAD_WHY_PLAN_ROLLED = 34,      /**< Planner, CAPACITY: rolled over; a = first day it waited, b = days waited. */
    CCAD_WHY_PLAN_DELEGATED = 35,   /**< Planner, CAPACITY: urgent but unimportant (Q3) and no room: delegated to a colleague; a = visits (c = 0) or service minutes (c = 1) already planned, b = the day's limit in the same unit. */
    CCAD_WHY_PLAN_ABSENT = 36,      /**< Planner, CAPACITY: the rep is absent; handed to the substitute; a = the day. */
    CCAD_WHY_PERSIST_BLOCK = 37,    /**< Planner, PERSIST: a = day of the block (1..), b = block days, c = cycle days. */
    CCAD_WHY_KEEPWARM_TOUCH = 38,   /**< Planner, KEEPWARM: a touch on the special date a. */
    CCAD_WHY_CAPACITY_FULL = 39,    /**< Planner, CAPACITY: important visits did not fit on day a; b = contacts planned, c = visits_per_day (0 when only minutes limit the day). */
    CCAD_WHY_WORKLOAD_OVER = 40,    /**< WORKLOAD: a = visits needed, b = capacity, c = the stretch policy's interval factor x100 (to cut instead: a - b). */
    CCAD_WHY_PLATFORM_OVER_CAP = 41,/**< PLATFORM: a = working platform size, b = cap. */
    CCAD_WHY_PLATFORM_C_HEAVY = 42, /**< PLATFORM: a = grade C (and D) customers on the working platform, b = its size, c = limit in %. */
    CCAD_WHY_PLAN_DROPPED = 43,     /**< Planner, CAPACITY: best-effort (Q4) contact dropped; a = first day it waited, b = days waited. */
    CCAD_WHY_PLAN_UNPLANNED = 44,   /**< Planner: due in the range but not planned; a = due date, b = 1 if never contacted. */
    CCAD_WHY_GAP_PLANNED = 45,      /**< Planner, GAP: the plan leaves a gap of a days (maximum b) ending on date c. */
    CCAD_WHY_CARE_CONTACT = 46,     /**< Planner, COMPLAINT: care contact after the complaint resolved on date a. */
    CCAD_WHY_REMINDER_DUE = 47,     /**< Reserved (not emitted): reminders are the items' reminder_date and ccad_schedule_reminders(); a = reminder date, b = item date. */
    CCAD_WHY_PLAN_EARLY = 48,       /**< Planner, CAPACITY: spare room; planned before its due date a, b days early (capacity.pull_ahead_days). */
    CCAD_WHY_ROUTE_LATE = 49,       /**< ROUTE: the stop cannot be served in time; a = minute it could start, b = the limit (window close or day end, or for the day's last stop the latest departure home by the day's end; minutes after midnight), c = minutes over (departure - b). */
    CCAD_WHY_ROUTE_DAY = 50,        /**< ROUTE: weekly assignment moved the visit from date a to this day for a shorter route; b = travel minutes saved (0 for the partner of a swap, or a stop moved to be in time). */
    CCAD_WHY_PLAN_BLOCKED_DAYS = 51,  /**< Planner, ROUTE: due on date a, but no working day of the range falls on the customer's visit days b (a ::CCAD_FIG_WEEKDAYS mask). @since 1.1.0 */
    CCAD_WHY_PLAN_BLOCKED_HOURS = 52, /**< Planner, ROUTE: the visit hours a..b (times of day) cannot hold the c-minute visit inside the working day. @since 1.1.0 */
    CCAD_WHY_PLAN_BLOCKED_TIME = 53,  /**< Planner, ROUTE: due on date a, but no allowed day had room: the stop alone needs b minutes (travel there and back plus service) of a c-minute day, or every allowed day was full. @since 1.1.0 */
    CCAD_WHY_PLAN_VISIT_DAY = 54,     /**< Planner, ROUTE: due on date a, a day outside the customer's visit days b (::CCAD_FIG_WEEKDAYS); planned on its next allowed day. @since 1.1.0 */
    CCAD_WHY_GIVE_UP = 55,            /**< TRIAGE: strategy give up: no contact is planned and the customer's release is proposed; a = contacts so far, b = patience.min_contacts, c = 1 if the release would be premature (PATIENCE). @since 1.1.0 */
    CCAD_WHY_ORDER_CLOSED = 56,       /**< URGENCY: the order recorded on date a closed the purchase decision expected on date b; the customer is back on its grade's rhythm. @since 1.1.0 */
    CCAD_WHY_PLATFORM_UNDER_MIN = 57, /**< PLATFORM: the working platform holds a customers, fewer than b = platform.working_min (seed 004: manage at least 50). @since 1.1.0 */
    CCAD_WHY_Q1_VISITS_ONLY = 58,     /**< CLOCK: an important customer in its purchase window (Q1 duty) is due from its latest visit, not from the later contact on date a (clock.q1_visits_only; seed 000: be at the customer); b = days since the latest visit, -1 without one (then due today). @since 1.1.0 */
    CCAD_WHY_FREQ_RAMP = 59,          /**< FREQ: the purchase decision is a days away, past the two-week window but within freq.ramp_within_days: the interval b (0: no duty) tightens to the ramp's c days (seed 000's homework). @since 1.1.0 */
    CCAD_WHY_TEAM_CARRIER = 60,       /**< Team planner, CAPACITY: a delegated contact carried out by a named colleague or substitute (the team item says who); a = travel minutes it adds to the carrier's day, b = the carrier's contacts that day with it, c = the carrier's visits_per_day (0: no count limit). @since 1.1.0 */
    CCAD_WHY_TEAM_NO_CARRIER = 61,    /**< Team planner, CAPACITY: a delegated contact no teammate could carry out on day a; b = teammates present that day, c = ::ccad_delegation asked (1 colleague, 2 substitute). @since 1.1.0 */
    CCAD_WHY_POOL_RELEASE = 62,       /**< Team proposals, OWNERSHIP: the customer's release to the pool is proposed (the reasons after this one say why); a = contacts so far, b = patience.min_contacts, c = 1 if the release would be premature (PATIENCE). @since 1.1.0 */
    CCAD_WHY_POOL_IDLE = 63,          /**< Team proposals, OWNERSHIP: idle; a = days without a contact, b = pool.release_days, c = the date the idle time counts from (the last contact, else the ownership start). @since 1.1.0 */
    CCAD_WHY_POOL_ASSIGN = 64,        /**< Team proposals, WORKLOAD: a pool customer proposed to the nearest rep with room; a = travel minutes from the rep's base, b = the rep's room left after it (contacts in the period), c = the contacts it needs in the period. @since 1.1.0 */
    CCAD_WHY_TEAM_MOVE = 65,          /**< Team proposals, WORKLOAD: a customer proposed to move from an overloaded rep to one with room; a = the change of the territories' travel in minutes (the new rep's base minus the owner's base, one way; negative: shorter), b = the owner's load before the move in % of capacity, c = the new rep's load after it in %. @since 1.1.0 */
    CCAD_WHY_TRIAGE_SHARE = 66,       /**< TRIAGE: by our position (seed 002): a = kind, b = our share of the customer's sales in %, c = the share threshold applied in %. @since 1.1.0 */
    CCAD_WHY_TRIAGE_RANK = 67,        /**< TRIAGE: by our position (seed 002): a = kind, b = our rank among the customer's suppliers (1 = first), c = the rank threshold applied. @since 1.1.0 */
    CCAD_WHY_RECORD_LATE = 68,        /**< FOLLOWUP: the latest contact's record, of the contact on date a, was entered on date b, c days after followup.entry_days allow (seed 001: the same day). @since 1.1.0 */
    CCAD_WHY_RECORD_INCOMPLETE = 69,  /**< FOLLOWUP: the latest contact's record lacks a of the record parts: the ::ccad_record_part bits b (seed 001: purpose, what was said, state, problem solved, next problem). @since 1.1.0 */
    CCAD_WHY_STALL_REPEATED = 70,     /**< STALL: of the a contacts without progress, b had no sales purpose or repeated the contact before (seed 001: do not repeat the last visit, have a sales purpose); c = those where the close was asked. @since 1.1.0 */
    CCAD_WHY_STALL_NO_CLOSE = 71,     /**< STALL: the a contacts without progress all had a sales purpose, but the close was asked at none of them (seed 001: ask for the close in time). @since 1.1.0 */
    CCAD_WHY_PATIENCE_RUN = 72,       /**< PATIENCE: a prospect's release now premature; a = its consecutive contacts, b = patience.min_contacts, c = the gap in days that broke the run (0: unbroken). @since 1.1.0 */
    CCAD_WHY_PERSIST_LACKING = 73     /**< Planner, PERSIST: the persist block begun on date c closed with only a effective activities done with the owner present, fewer than b = persist.effective_min (seed 002: three, with the owner). @since 1.1.0 */
};

/**
 * @brief The name of a reason code ("GAP_ALERT", ...).
 * @param[in] why a ::ccad_why. @return static string, "?" if unknown.
 * @since 1.0.0
 */
CCAD_API const char *ccad_why_name(int why);

/** What a figure of a ::ccad_reason measures, from ccad_why_figure(). */
enum ccad_figure {
    CCAD_FIG_NONE = 0,  /**< Unused figure (0). */
    CCAD_FIG_COUNT = 1, /**< A count (contacts, customers, rank). */
    CCAD_FIG_DAYS = 2,  /**< A number of days. */
    CCAD_FIG_DATE = 3,  /**< A day number (see @ref dates). */
    CCAD_FIG_MONEY = 4, /**< Money in minor units. */
    CCAD_FIG_PCT = 5,   /**< A percentage. */
    CCAD_FIG_BP = 6,    /**< Basis points. */
    CCAD_FIG_ENUM = 7,  /**< A value of an enumeration; see ccad_why_figure(). */
    CCAD_FIG_FACTOR = 8,  /**< A multiplier (x100 where the reason says so). */
    CCAD_FIG_CLOCK = 9,   /**< A time of day: minutes after midnight. */
    CCAD_FIG_MINUTES = 10, /**< A duration in minutes. */
    CCAD_FIG_WEEKDAYS = 11 /**< A set of ISO weekdays: bit 0 = Monday .. bit 6 = Sunday (as ::ccad_customer's visit_days). @since 1.1.0 */
};

/**
 * @brief What figure @p index (0 = a, 1 = b, 2 = c) of reason code @p why
 *        measures, so a host can show dates as dates and money as money.
 * @param[in] why a ::ccad_why.
 * @param[in] index 0..2.
 * @param[out] out_name_kind receives, for ::CCAD_FIG_ENUM, the
 *             ::ccad_name_kind to use with ccad_name(); 0 otherwise. May be NULL.
 * @return a ::ccad_figure; ::CCAD_FIG_NONE for unknown codes or indices.
 * @threadsafety Safe from any thread.
 * @since 1.0.0
 */
CCAD_API int ccad_why_figure(int why, int index, int *out_name_kind);

/** One machine-readable reason: the rule, the decision, its figures. */
typedef struct ccad_reason {
    int32_t rule; /**< ::ccad_rule_id. */
    int32_t why;  /**< ::ccad_why. */
    int64_t a;    /**< First figure (see ::ccad_why). */
    int64_t b;    /**< Second figure. */
    int64_t c;    /**< Third figure. */
} ccad_reason;

/** Most reasons an assessment holds. Function twin: ccad_reasons_max(). */
#define CCAD_REASONS_MAX 32

/** @brief ::CCAD_REASONS_MAX as a function. @return it. @since 1.0.0 */
CCAD_API size_t ccad_reasons_max(void);

/** Assessment flags (bit mask). */
enum ccad_flag {
    CCAD_F_DUE = 1u << 0,              /**< Due today or overdue. */
    CCAD_F_OVERDUE = 1u << 1,          /**< Due date passed. */
    CCAD_F_COOLING = 1u << 2,          /**< GAP warning. */
    CCAD_F_COLD = 1u << 3,             /**< GAP alert. */
    CCAD_F_STALLED = 1u << 4,          /**< STALL. */
    CCAD_F_NEVER_CONTACTED = 1u << 5,  /**< NEVER. */
    CCAD_F_NO_RECORD = 1u << 6,        /**< Latest contact left no record. */
    CCAD_F_NO_NEXT_STEP = 1u << 7,     /**< Latest contact set no next step. */
    CCAD_F_RELEASE_PREMATURE = 1u << 8,/**< A release today would be premature. */
    CCAD_F_RELEASED_EARLY = 1u << 9,   /**< Already released prematurely. */
    CCAD_F_COMPLAINT_OPEN = 1u << 10,  /**< Open complaint. */
    CCAD_F_CARE_DUE = 1u << 11,        /**< Care contact after a resolved complaint is due. */
    CCAD_F_REMINDER = 1u << 12,        /**< A reminder falls today. */
    CCAD_F_INACTIVE = 1u << 13,        /**< Released or eliminated. */
    CCAD_F_REASONS_TRUNCATED = 1u << 14, /**< More than ::CCAD_REASONS_MAX reasons. */
    CCAD_F_RECORD_LATE = 1u << 15,      /**< FOLLOWUP: the latest contact's record was entered late. @since 1.1.0 */
    CCAD_F_RECORD_INCOMPLETE = 1u << 16 /**< FOLLOWUP: the latest contact's record lacks a part. @since 1.1.0 */
};

/** Everything decided for one customer on one day. */
typedef struct ccad_assessment {
    uint32_t size;             /**< Set by ::CCAD_ASSESSMENT_INIT. */
    int32_t today;             /**< The day assessed. */
    int grade;                 /**< Effective ::ccad_grade. */
    int grade_manual;          /**< 1 if set by hand. */
    int urgency;               /**< ::ccad_urgency. */
    int quadrant;              /**< ::ccad_quadrant. */
    int32_t freq_count;        /**< Contacts per period (0 = no fixed duty). */
    int32_t freq_period_days;  /**< Period in days. */
    int32_t interval_days;     /**< Days between contacts (0 = no fixed duty). */
    int32_t due_date;          /**< Next contact due, or ::CCAD_NO_DATE. */
    int32_t days_overdue;      /**< max(0, today - due_date). */
    int escalation;            /**< ::ccad_escalation. */
    int32_t days_since_contact;/**< Days since the clock's last contact, -1 if never. */
    int32_t temperature;       /**< 100 at a contact, halving every gap.half_life_days and falling linearly in between (21 days at the default 14: 38); -1 if never contacted. */
    int32_t reminder_date;     /**< Reminder for the next due contact, or ::CCAD_NO_DATE. */
    uint32_t flags;            /**< ::ccad_flag bits. */
    uint32_t contacts;         /**< Contacts so far. */
    uint32_t min_contacts;     /**< PATIENCE minimum. */
    int32_t ownership_end;     /**< Ownership ends, or ::CCAD_NO_DATE. */
    int32_t ownership_days_left; /**< Days left (negative: past), 0 if no ownership date. */
    int triage;                /**< ::ccad_triage. */
    int strategy;              /**< ::ccad_strategy. */
    int complaint;             /**< ::ccad_complaint. */
    int32_t care_date;         /**< Care contact after resolution, or ::CCAD_NO_DATE. */
    uint32_t reason_count;     /**< Reasons filled in @c reasons. */
    ccad_reason reasons[CCAD_REASONS_MAX]; /**< The reasons, in decision order. */
} ccad_assessment;

/** Initialiser for ::ccad_assessment (outputs zeroed). */
#define CCAD_ASSESSMENT_INIT {(uint32_t)sizeof(ccad_assessment), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, \
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, {{0, 0, 0, 0, 0}}}

/** Compact per-customer result for batch assessment. */
typedef struct ccad_brief {
    int32_t due_date;     /**< As ::ccad_assessment. */
    int32_t days_overdue; /**< As ::ccad_assessment. */
    uint32_t flags;       /**< As ::ccad_assessment. */
    uint8_t grade;        /**< As ::ccad_assessment. */
    uint8_t urgency;      /**< As ::ccad_assessment. */
    uint8_t quadrant;     /**< As ::ccad_assessment. */
    uint8_t escalation;   /**< As ::ccad_assessment. */
} ccad_brief;

/**
 * @brief Assesses one customer on one day.
 * @param[in] book the book (graded with @p rules, see ccad_book_grade()).
 * @param[in] rules the rules; may be shared read-only between threads.
 * @param[in] index the customer. @param[in] today the day (valid date).
 * @param[in,out] out caller struct with @c size set; filled.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EVERSION @c size not supported.
 * @retval CCAD_ENOTFOUND bad index. @retval CCAD_ERANGE bad date.
 * @retval CCAD_ESTALE the book changed, or its grading parameters differ,
 *         since the last ccad_book_grade().
 * @note Calls no host callback and allocates nothing.
 * @since 1.0.0
 */
CCAD_API int ccad_book_assess(const ccad_book *book, const ccad_rules *rules, size_t index,
                              int32_t today, ccad_assessment *out);

/**
 * @brief Assesses customers @p first .. @p first+@p n-1 in one call.
 * @param[in] book the book (graded). @param[in] rules the rules.
 * @param[in] first first index. @param[in] n how many.
 * @param[in] today the day.
 * @param[out] out array of @p n briefs with stride @p elem_size.
 * @param[in] elem_size @c sizeof(ccad_brief) as the caller was compiled.
 * @retval as ccad_book_assess(); ::CCAD_ENOTFOUND if the range leaves the book.
 * @note All or nothing: on error @p out is untouched.
 * @since 1.0.0
 */
CCAD_API int ccad_book_assess_range(const ccad_book *book, const ccad_rules *rules, size_t first,
                                    size_t n, int32_t today, ccad_brief *out, size_t elem_size);

/**
 * @brief Writes a reason as one line of English, e.g.
 *        "GAP: 22-day gap between contacts, alert at 21 (8 over the maximum)".
 *        Money figures are written as minor units / 100 with two decimals.
 *        ccad_reason_format_lang() writes the same reason in Chinese.
 * @param[out] buf destination (NUL-terminated, truncated to fit).
 * @param[in] cap size of @p buf (> 0).
 * @param[in] reason the reason.
 * @param[out] out_len receives the full length without NUL (may be NULL).
 * @retval CCAD_OK written whole. @retval CCAD_ENOSPC truncated.
 * @retval CCAD_EINVAL a pointer is NULL or @p cap is 0.
 * @since 1.0.0
 */
CCAD_API int ccad_reason_format(char *buf, size_t cap, const ccad_reason *reason, size_t *out_len);

/** Bytes that always hold a reason's text, NUL included, in every
 *  ::ccad_lang and for any figures. Function twin: ccad_reason_text_max().
 *  @since 1.1.0 */
#define CCAD_REASON_TEXT_MAX 512

/** @brief ::CCAD_REASON_TEXT_MAX as a function. @return it. @since 1.1.0 */
CCAD_API size_t ccad_reason_text_max(void);

/**
 * @brief Writes a reason as one line in a language: ::CCAD_LANG_EN gives the
 *        text of ccad_reason_format(); Chinese gives a sentence in the terms
 *        of the sales texts the rules come from, e.g.
 *        "间隔：两次联系相隔 22 天，满 21 天告警（比上限多 8 天）".
 *
 * In Chinese, money is written in yuan, as 万 and 亿 from ten thousand up
 * ("5 万", "12.5 万", exact: "4.9999 万"), dates as "11月23日 周一" (no year),
 * percentages and basis points as percentages, and enumerated figures with
 * ccad_name_lang(). A truncated text ends on a whole UTF-8 character.
 * @param[out] buf destination (NUL-terminated, truncated to fit).
 * @param[in] cap size of @p buf (> 0); ::CCAD_REASON_TEXT_MAX always suffices.
 * @param[in] reason the reason.
 * @param[in] lang a ::ccad_lang.
 * @param[out] out_len receives the full length in bytes without NUL (may be NULL).
 * @retval CCAD_OK written whole. @retval CCAD_ENOSPC truncated.
 * @retval CCAD_EINVAL a pointer is NULL, @p cap is 0 or @p lang unknown
 *         (then @p buf holds "" when it can, and *out_len is 0).
 * @threadsafety Safe from any thread.
 * @since 1.1.0
 */
CCAD_API int ccad_reason_format_lang(char *buf, size_t cap, const ccad_reason *reason, int lang,
                                     size_t *out_len);

/** @} */

/* ====================================================================== */
/** @defgroup plan Schedules, workload and platforms
 *  @brief Turning assessments into dated contacts under the rep's capacity
 *         (QUADRANT, CAPACITY, FREQ, GAP, PERSIST, COMPLAINT, KEEPWARM,
 *         FOLLOWUP), and the arithmetic of WORKLOAD and PLATFORM.
 *  @{ */

/** Opaque, immutable schedule: items per day and findings. */
typedef struct ccad_schedule ccad_schedule;

/** Overload policy (WORKLOAD). */
enum ccad_overload {
    CCAD_OVERLOAD_REPORT = 0, /**< Keep intervals; report what to cut. */
    CCAD_OVERLOAD_STRETCH = 1 /**< Stretch every interval in proportion, tier ratios kept. */
};

/** Options of ccad_schedule_new(). */
typedef struct ccad_plan_options {
    uint32_t size;           /**< Set by ::CCAD_PLAN_OPTIONS_INIT. */
    int32_t first_day;       /**< First day planned (valid date). */
    int32_t days;            /**< Days planned, 1..366. */
    int32_t visits_per_day;  /**< Rep-owned items per working day, 1..1000, or 0 for no count limit. */
    int32_t minutes_per_day; /**< Service minutes per working day (service time per grade, rules route.service_*), 1..1440, or 0 for no minute limit. At least one limit must be set. */
    int32_t overload;        /**< ::ccad_overload. */
    int32_t keep_reasons;    /**< 1: items and findings carry reasons (default); 0: leaner schedules for bulk planning. */
    int32_t route;           /**< 1: order each day's rep visits into a route from the base and give times (ROUTE). */
    int32_t assign_days;     /**< 1 (with @c route): group the week by area: flexible visits (Q2, by the rep, not a persist-block day or care contact) move or swap, within rules route.move_days of their planned day and keeping their visit days, rhythm and gap limit, to days where the routes get shorter. */
    double base_x;           /**< The rep's base (same coordinates as the customers). */
    double base_y;           /**< The rep's base. */
    int metric;              /**< ::ccad_metric for travel (HOST uses the travel callback). */
    double scale;            /**< PLANAR: cost = distance x scale. */
    double units_per_minute; /**< Travel speed in cost units a minute (GEO: metres, e.g. 500 = 30 km/h); HOST: ignored (minutes). */
    int32_t day_start_min;   /**< Day starts, minutes after midnight (default 480 = 08:00); with @c route the rep leaves the base then. */
    int32_t day_minutes;     /**< Length of the working day in minutes (default 480); with @c route the rep is back at the base by its end: travel and service both count. */
    uint64_t seed;           /**< Route search seed. */
    int32_t effort;          /**< Route search effort (see ::ccad_route_options). */
} ccad_plan_options;

/** Initialiser for ::ccad_plan_options: a week from an unset day, 8 visits a day. */
#define CCAD_PLAN_OPTIONS_INIT {(uint32_t)sizeof(ccad_plan_options), CCAD_NO_DATE, 7, 8, 0, \
    CCAD_OVERLOAD_REPORT, 1, 0, 1, 0.0, 0.0, 1, 1.0, 1.0, 480, 480, 1, 20}

/** What a planned item is. */
enum ccad_item_kind {
    CCAD_ITEM_VISIT = 1,   /**< A visit in person (important customers, urgent matters). */
    CCAD_ITEM_CALL = 2,    /**< A call: best-effort (Q4) contact in spare capacity. */
    CCAD_ITEM_PERSIST = 3, /**< One day of a persist block (PERSIST). */
    CCAD_ITEM_CARE = 4,    /**< Care contact after a resolved complaint (COMPLAINT). */
    CCAD_ITEM_TOUCH = 5    /**< Keep-warm touch on a special date (KEEPWARM); uses no capacity. */
};

/** Who carries out an item. */
enum ccad_delegation {
    CCAD_BY_REP = 0,        /**< The rep in person. */
    CCAD_BY_COLLEAGUE = 1,  /**< Delegated to a colleague: urgent, unimportant, no room (CAPACITY). */
    CCAD_BY_SUBSTITUTE = 2  /**< Handed to the substitute: the rep is absent that day. */
};

/** Most reasons an item or finding holds. Function twin: ccad_item_reasons_max(). */
#define CCAD_ITEM_REASONS_MAX 8

/** @brief ::CCAD_ITEM_REASONS_MAX as a function. @return it. @since 1.0.0 */
CCAD_API size_t ccad_item_reasons_max(void);

/** One planned contact. */
typedef struct ccad_item {
    uint32_t size;          /**< Set by ::CCAD_ITEM_INIT. */
    int32_t date;           /**< The day. */
    uint32_t customer;      /**< Index of the customer in the book. */
    int kind;               /**< ::ccad_item_kind. */
    int quadrant;           /**< ::ccad_quadrant on the day. */
    int32_t priority;       /**< Position among the day's items, 1 = planned first (big rocks first); touches come last. */
    int delegated;          /**< ::ccad_delegation. */
    int32_t rolled_from;    /**< First day the contact waited for room, or ::CCAD_NO_DATE. */
    int32_t reminder_date;  /**< Reminder day: date - followup.reminder_lead_days, moved back to a working day on which the rep is present. */
    int32_t block_day;      /**< 1.. for a persist block day, else 0. */
    int32_t seq;            /**< Position in the day's route (1 = first stop), 0 if not routed. */
    int32_t eta_min;        /**< Routed: service starts, minutes after midnight (waiting for the window included); else -1. */
    int32_t depart_min;     /**< Routed: leaves the stop; else -1. */
    int32_t travel_min;     /**< Routed: travel from the previous stop (or base); else 0. */
    int32_t late;           /**< Routed: 1 if the stop misses its window or the day's end (a ::CCAD_FIND_ROUTE finding says by how much); the planner never plans one, so only a host travel callback that answers differently between calls can cause it. */
    uint32_t reason_count;  /**< Reasons filled. */
    ccad_reason reasons[CCAD_ITEM_REASONS_MAX]; /**< Why this item, on this day. */
} ccad_item;

/** Initialiser for ::ccad_item. */
#define CCAD_ITEM_INIT {(uint32_t)sizeof(ccad_item), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 0, 0, 0, \
    {{0, 0, 0, 0, 0}}}

/** Kinds of findings. */
enum ccad_finding_kind {
    CCAD_FIND_UNPLANNED = 1,      /**< Due in the range but not planned (never-contacted customers listed first). */
    CCAD_FIND_OVERDUE = 2,        /**< Overdue on the first day (a = days, b = escalation). */
    CCAD_FIND_COOLING = 3,        /**< GAP warning on the first day. */
    CCAD_FIND_COLD = 4,           /**< GAP alert on the first day. */
    CCAD_FIND_STALLED = 5,        /**< STALL. */
    CCAD_FIND_RELEASE_RISK = 6,   /**< Released prematurely, or ownership ends in the range while a release would be premature. */
    CCAD_FIND_NEVER_CONTACTED = 7,/**< Never contacted (planned or not). */
    CCAD_FIND_OVER_CAPACITY = 8,  /**< Important contacts did not fit on a day, or the workload exceeds capacity. */
    CCAD_FIND_DROPPED = 9,        /**< Best-effort contact dropped after waiting. */
    CCAD_FIND_GAP = 10,           /**< The plan itself leaves a gap over the maximum. */
    CCAD_FIND_PLATFORM = 11,      /**< Working platform over its cap, under its minimum (1.1) or dominated by C. */
    CCAD_FIND_ROUTE = 12,         /**< A routed stop misses its visit window or the end of the day (only when the host's travel times change between calls: the planner never plans a late stop). */
    CCAD_FIND_RELEASE_PROPOSED = 13,/**< TRIAGE gave the customer up: no contact is planned and its release is proposed (GIVE_UP; with PATIENCE when premature); in team proposals also flagged for reassignment or idle (POOL_RELEASE). @since 1.1.0 */
    CCAD_FIND_ASSIGN_PROPOSED = 14, /**< Team proposals: a pool customer proposed to a rep with room (POOL_ASSIGN). @since 1.1.0 */
    CCAD_FIND_MOVE_PROPOSED = 15,   /**< Team proposals: a customer proposed to move from an overloaded rep to one with room (TEAM_MOVE). @since 1.1.0 */
    CCAD_FIND_PERSIST_LACKING = 16  /**< PERSIST: a persist block closed before three effective activities with the owner (PERSIST_LACKING); date = its first day. @since 1.1.0 */
};

/** One finding of a schedule. */
typedef struct ccad_finding {
    uint32_t size;          /**< Set by ::CCAD_FINDING_INIT. */
    int kind;               /**< ::ccad_finding_kind. */
    int64_t customer;       /**< Customer index, or -1 for a finding about the whole plan. */
    int32_t date;           /**< The day it concerns, or ::CCAD_NO_DATE. */
    uint32_t reason_count;  /**< Reasons filled. */
    ccad_reason reasons[CCAD_ITEM_REASONS_MAX]; /**< The reasons; the first one carries the figures. */
} ccad_finding;

/** Initialiser for ::ccad_finding. */
#define CCAD_FINDING_INIT {(uint32_t)sizeof(ccad_finding), 0, -1, 0, 0, {{0, 0, 0, 0, 0}}}

/**
 * @brief Plans a date range for the customers of a book.
 *
 * Calls the host calendar once for each day of the range (through the
 * book's context) and, with @c route on and ::CCAD_METRIC_HOST, the travel
 * callback for the legs it tries and times; nothing else of the host. Day by
 * day, the customers due are taken big rocks first (Q1, Q2, Q3, Q4; an open
 * complaint makes a customer urgent, so Q1 or Q3), each planned contact
 * restarts that customer's clock, Q3 contacts that do not fit are delegated
 * to a colleague, Q4 ones roll over and are dropped after
 * capacity.q4_rollover_days, absences hand due contacts to the substitute,
 * push-needed customers get persist blocks, resolved complaints a care
 * contact, A/B customers a touch on special dates, and customers given up
 * (TRIAGE) no contact but a ::CCAD_FIND_RELEASE_PROPOSED finding.
 *
 * Constraints are respected, not reported: in-person items fall only on the
 * customer's visit days; with @c route a stop is placed only where every
 * stop keeps its visit hours and the rep is back by the day's end (travel
 * counts). A customer no allowed day can take is left out with a
 * ::CCAD_FIND_UNPLANNED finding naming the constraint (PLAN_BLOCKED_*).
 *
 * @param[out] out receives the schedule; NULL on error.
 * @param[in] book the book, graded with @p rules.
 * @param[in] rules the rules.
 * @param[in] options the range and capacity.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL, no capacity
 *         limit set, or an unknown overload policy, metric or flag value.
 * @retval CCAD_EVERSION @c options->size not supported.
 * @retval CCAD_ERANGE a bad day, day count or limit; with @c route, a bad
 *         base, scale, speed, day or effort, or a location beyond the route
 *         solver's limits (see ccad_route_solve()).
 * @retval CCAD_ESTALE the book needs ccad_book_grade().
 * @retval CCAD_ENOTSUP ::CCAD_METRIC_HOST without a travel callback.
 * @retval CCAD_ECALLBACK the calendar or travel callback failed (nothing created).
 * @retval CCAD_EOVERFLOW the schedule would be too large.
 * @retval CCAD_ENOMEM allocation failed.
 * @note Deterministic: the same inputs give the same schedule, item for item.
 * @retval CCAD_EBUSY called from inside a host callback of the book's context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_schedule_new(ccad_schedule **out, const ccad_book *book, const ccad_rules *rules,
                               const ccad_plan_options *options);

/** @brief Destroys a schedule. @param[in] schedule the schedule, or NULL. @since 1.0.0 */
CCAD_API void ccad_schedule_free(ccad_schedule *schedule);

/** Why ccad_schedule_replan() planned again, or that it did not (@since 1.1.0). */
enum ccad_replan_cause {
    CCAD_REPLAN_KEPT = 0,        /**< Nothing the plan depends on changed: the schedule was kept as it was. */
    CCAD_REPLAN_BOOK = 1,        /**< The book changed: a customer added, removed, updated, a contact recorded, or the book graded again. */
    CCAD_REPLAN_OTHER_BOOK = 2,  /**< Another book than the one the schedule was planned from. */
    CCAD_REPLAN_RULES = 3,       /**< The rules' values differ. */
    CCAD_REPLAN_OPTIONS = 4,     /**< The options differ, a new first day (today) included. */
    CCAD_REPLAN_CALENDAR = 5,    /**< The host calendar now says otherwise for a day of the range. */
    CCAD_REPLAN_HOST_TRAVEL = 6  /**< Routes with ::CCAD_METRIC_HOST: the travel callback's answers cannot be compared, so the plan is always made again. */
};

/** What ccad_schedule_replan() did (@since 1.1.0). A caller built when it
 *  held only @c size and @c cause (size 8) is served that far. */
typedef struct ccad_replan_info {
    uint32_t size; /**< Set by ::CCAD_REPLAN_INFO_INIT. */
    int cause;     /**< ::ccad_replan_cause: ::CCAD_REPLAN_KEPT, or why the plan was made again. */
    int incremental;  /**< 1 when the plan was made again reusing the per-customer work of the old one for every customer whose record is unchanged (only the book's records changed: ::CCAD_REPLAN_BOOK with the same customer count, rules, options and calendar, and a workload that stretches the rules as before, and a schedule replanned before, which keeps the trace); 0 when kept or planned from scratch. */
    uint64_t changed; /**< With @c incremental: the customers whose record differed, worked out again; else 0. */
} ccad_replan_info;

/** Initialiser for ::ccad_replan_info. */
#define CCAD_REPLAN_INFO_INIT {(uint32_t)sizeof(ccad_replan_info), 0, 0, 0}

/**
 * @brief Brings a schedule up to date: the schedule becomes, item for item
 *        and finding for finding, what ccad_schedule_new() would make now
 *        from @p book, @p rules and @p options, reusing the plan when
 *        nothing it depends on changed.
 *
 * The book tracks its own changes (contacts recorded, customers added,
 * removed or updated, grading): the caller does not say what changed, and
 * a change cannot be forgotten. The schedule remembers the book it was
 * planned from and its state, the rules' values, the options and the
 * calendar flags of each day. When all of them are the same (the calendar
 * is asked again, once per day, as ccad_schedule_new() asks it), the
 * schedule is kept and nothing is planned. When only the book's records
 * changed (same customer count, rules, options and calendar) and the
 * schedule has been planned again before (the first replan that plans
 * keeps a trace, about 270 bytes a customer; ccad_schedule_new() keeps
 * none), the plan is made again reusing, for every customer whose record is unchanged, the
 * work that depends on that customer alone (its start state, workload
 * share, per-customer findings and the facts that decide the kind of its
 * contact; @c info->incremental); the days are
 * still planned in full, since customers share each day's room. Otherwise
 * the plan is made again from scratch (see docs/planning.md,
 * "Re-planning"). A new @c today is a new @c options.first_day, and plans
 * again from scratch. The handle stays the
 * same; the schedule's earlier items and findings are gone once it
 * succeeds.
 *
 * @param[in,out] schedule a schedule made by ccad_schedule_new() (not a
 *        team's rep plan: replan the team with ccad_team_schedule_new()).
 * @param[in] book the book, graded with @p rules, of the schedule's context.
 * @param[in] rules the rules.
 * @param[in] options the options (::CCAD_PLAN_OPTIONS_INIT), as for
 *        ccad_schedule_new().
 * @param[out] info what was done (::CCAD_REPLAN_INFO_INIT), or NULL.
 * @retval CCAD_OK the schedule is up to date; @p info says whether it was kept.
 * @retval CCAD_EINVAL a NULL schedule, book, rules or options; a book of
 *         another context; a team's rep plan.
 * @retval CCAD_EVERSION @c options->size or @c info->size not supported.
 * @retval CCAD_EBUSY called from inside a host callback of the context:
 *         refused, nothing changed and no message recorded.
 * @retval other as ccad_schedule_new() (::CCAD_ESTALE, ::CCAD_ERANGE,
 *         ::CCAD_ECALLBACK, ::CCAD_ENOMEM, ...).
 * On any error the schedule is left exactly as it was.
 * @since 1.1.0
 */
CCAD_API int ccad_schedule_replan(ccad_schedule *schedule, const ccad_book *book,
                                  const ccad_rules *rules, const ccad_plan_options *options,
                                  ccad_replan_info *info);

/**
 * @brief Number of items. Items run by day; within a day routed stops come
 *        first in route order (@c seq), then the other items by priority,
 *        touches last.
 * @param[in] schedule the schedule. @return the count (0 for NULL).
 * @since 1.0.0
 */
CCAD_API size_t ccad_schedule_item_count(const ccad_schedule *schedule);

/**
 * @brief Reads item @p index.
 * @param[in] schedule the schedule. @param[in] index 0..count-1.
 * @param[in,out] out caller struct with @c size set.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EVERSION bad size. @retval CCAD_ENOTFOUND bad index.
 * @since 1.0.0
 */
CCAD_API int ccad_schedule_item(const ccad_schedule *schedule, size_t index, ccad_item *out);

/**
 * @brief Reads items @p first .. @p first + @p count - 1 in one call.
 *
 * Each element is what ccad_schedule_item() gives for that index. The
 * array's stride is @c out[0].size, which the caller sets (CCAD_ITEM_INIT
 * or ccad_item_init() on the first element); the other elements need not be
 * initialised and are written whole, @c size included.
 * @param[in] schedule the schedule.
 * @param[in] first the first index. @param[in] count how many (0 reads
 *            nothing and succeeds; @p out may then be NULL).
 * @param[in,out] out @p count elements.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EVERSION @c out[0].size not supported.
 * @retval CCAD_ENOTFOUND the range runs past the last item; nothing written.
 * @since 1.1.0
 */
CCAD_API int ccad_schedule_items(const ccad_schedule *schedule, size_t first, size_t count,
                                 ccad_item *out);

/**
 * @brief Number of findings (the never-contacted among the unplanned first).
 * @param[in] schedule the schedule. @return the count (0 for NULL).
 * @since 1.0.0
 */
CCAD_API size_t ccad_schedule_finding_count(const ccad_schedule *schedule);

/**
 * @brief Reads finding @p index.
 * @param[in] schedule the schedule. @param[in] index 0..count-1.
 * @param[in,out] out caller struct with @c size set.
 * @retval as ccad_schedule_item().
 * @since 1.0.0
 */
CCAD_API int ccad_schedule_finding(const ccad_schedule *schedule, size_t index, ccad_finding *out);

/**
 * @brief Indices of the items whose reminder falls on @p day (FOLLOWUP).
 * @param[in] schedule the schedule. @param[in] day the day.
 * @param[out] out_indices receives up to @p cap indices (may be NULL if @p cap is 0).
 * @param[in] cap room in @p out_indices.
 * @param[out] out_count receives the number of such items (also beyond @p cap).
 * @retval CCAD_OK all written. @retval CCAD_ENOSPC more than @p cap (the first @p cap written).
 * @retval CCAD_EINVAL a pointer is NULL.
 * @since 1.0.0
 */
CCAD_API int ccad_schedule_reminders(const ccad_schedule *schedule, int32_t day,
                                     size_t *out_indices, size_t cap, size_t *out_count);

/** One grade's line of the workload table (seed 004, table 1). */
typedef struct ccad_workload_row {
    int64_t customers;   /**< Customers of the grade in the book (released/eliminated aside). */
    int64_t visits;      /**< Contacts they need in the period, rounded to the nearest. */
} ccad_workload_row;

/** The workload of a book over a period against capacity (WORKLOAD). */
typedef struct ccad_workload {
    uint32_t size;            /**< Set by ::CCAD_WORKLOAD_INIT. */
    int32_t period_days;      /**< Input: the period, 1..366 days. */
    int32_t field_days;       /**< Input: field days in the period; 0 = workload.field_days x period / 30, rounded. */
    int32_t visits_per_day;   /**< Input: visits a field day, >= 1. */
    ccad_workload_row rows[4];/**< Output: grades A, B, C, D. */
    int64_t visits;           /**< Output: contacts needed in the period. */
    int64_t capacity;         /**< Output: field days x visits per day. */
    int32_t rounds_x100;      /**< Output: capacity / customers x 100 (how often each customer can be seen). */
    int32_t over;             /**< Output: 1 if visits exceed capacity. */
    int64_t cut[4];           /**< Output: contacts to cut per grade to fit, lowest grades first. */
    int32_t stretch_x100;     /**< Output: interval factor x100 for the stretch policy (100 = none). */
} ccad_workload;

/** Initialiser for ::ccad_workload: a 30-day month of 22 field days, 1 visit a day. */
#define CCAD_WORKLOAD_INIT {(uint32_t)sizeof(ccad_workload), 30, 22, 1, {{0, 0}, {0, 0}, {0, 0}, {0, 0}}, \
    0, 0, 0, 0, {0, 0, 0, 0}, 100}

/**
 * @brief Customers x frequency per grade against capacity (seed 004's table).
 * @param[in] book the book (graded). @param[in] rules the rules.
 * @param[in] today the day whose frequencies are used.
 * @param[in,out] io inputs set, outputs filled.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EVERSION bad size. @retval CCAD_ERANGE a bad input.
 * @retval CCAD_ESTALE the book needs grading.
 * @since 1.0.0
 */
CCAD_API int ccad_book_workload(const ccad_book *book, const ccad_rules *rules, int32_t today,
                                ccad_workload *io);

/** Platform sizes by grade (PLATFORM); index 0 is the total, 1..4 grades A..D. */
typedef struct ccad_platform {
    uint32_t size;         /**< Set by ::CCAD_PLATFORM_INIT. */
    int64_t market[5];     /**< Every customer not eliminated. */
    int64_t working[5];    /**< Customers managed: prospect, active or key. */
    int64_t buying[5];     /**< Customers that buy: active or key. */
    int64_t key_accounts;  /**< Key accounts among the buying. */
    int64_t working_cap;   /**< platform.working_cap (0: no fixed cap, the workload is the limit). */
    int32_t over_cap;      /**< 1 if the working platform is over a fixed cap. */
    int32_t c_heavy;       /**< 1 if C and D make up more than platform.c_max_pct of it. */
    /** platform.working_min: the fewest customers a rep should manage
     *  (seed 004: at least 50). Filled only when @c size covers it (1.0's
     *  struct ends at @c c_heavy). @since 1.1.0 */
    int64_t working_min;
    /** 1 if the working platform is under platform.working_min (never for a
     *  book without customers). @since 1.1.0 */
    int32_t under_min;
} ccad_platform;

/** Initialiser for ::ccad_platform. */
#define CCAD_PLATFORM_INIT {(uint32_t)sizeof(ccad_platform), {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, \
    {0, 0, 0, 0, 0}, 0, 0, 0, 0, 0, 0}

/** One day of a schedule, from ccad_schedule_day(). */
typedef struct ccad_day {
    uint32_t size;         /**< Set by ::CCAD_DAY_INIT. */
    int32_t date;          /**< The day. */
    uint32_t flags;        /**< Its ::ccad_day_flag bits from the calendar. */
    int32_t items;         /**< Items planned that day. */
    int32_t by_rep;        /**< Items by the rep (touches aside). */
    int32_t delegated;     /**< Items for a colleague or the substitute. */
    int32_t touches;       /**< Keep-warm touches. */
    int32_t stops;         /**< Routed stops (0 without routing). */
    int32_t service_min;   /**< Service minutes of the rep's items. */
    int32_t travel_min;    /**< Travel minutes of the route, the way back to the base included (0 without routing). */
    int32_t back_min;      /**< Back at the base, minutes after midnight; -1 without routing or stops. */
    int32_t late;          /**< Routed stops that are late. */
} ccad_day;

/** Initialiser for ::ccad_day. */
#define CCAD_DAY_INIT {(uint32_t)sizeof(ccad_day), 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0}

/**
 * @brief Totals of one day of the schedule's range.
 * @param[in] schedule the schedule. @param[in] day a day in its range.
 * @param[in,out] out caller struct with @c size set.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EVERSION bad size. @retval CCAD_ENOTFOUND the day is outside the range.
 * @since 1.0.0
 */
CCAD_API int ccad_schedule_day(const ccad_schedule *schedule, int32_t day, ccad_day *out);

/**
 * @brief A customer's effective grade: set by hand, else computed by the last
 *        ccad_book_grade().
 * @param[in] book the book. @param[in] index the customer.
 * @return a ::ccad_grade; ::CCAD_GRADE_NONE for a NULL book, a bad index or
 *         a book never graded (no message is recorded).
 * @since 1.0.0
 */
CCAD_API int ccad_book_grade_of(const ccad_book *book, size_t index);

/**
 * @brief Sizes and composition of the market, working and buying platforms.
 * @param[in] book the book (graded). @param[in] rules the rules.
 * @param[in,out] out caller struct with @c size set: the current size, or
 *        1.0's (up to @c c_heavy; then @c working_min and @c under_min are
 *        not written, @since 1.1.0).
 * @retval CCAD_OK success. @retval CCAD_EINVAL NULL.
 * @retval CCAD_EVERSION @c size is neither of the sizes above.
 * @retval CCAD_ESTALE the book needs grading.
 * @since 1.0.0
 */
CCAD_API int ccad_book_platform(const ccad_book *book, const ccad_rules *rules, ccad_platform *out);

/** Choice for one customer by ccad_book_choose_working(). */
enum ccad_choice {
    CCAD_CHOICE_NONE = 0,    /**< Not on the working platform. */
    CCAD_CHOICE_A = 1,       /**< One of the platform.cap_a A slots. */
    CCAD_CHOICE_B = 2,       /**< One of the platform.cap_b B slots. */
    CCAD_CHOICE_RESERVE = 3  /**< One of the platform.reserve reserve slots (next best B, then A). */
};

/**
 * @brief Chooses a working platform from the market by grade and value: the
 *        best A customers for the A slots, the best B for the B slots, the
 *        next best B (then A) as reserve; C customers are never chosen.
 * @param[in] book the book (graded). @param[in] rules the rules.
 * @param[out] out_choice array of ccad_book_count() bytes, one ::ccad_choice each.
 * @param[in] n its length; must equal the book's count.
 * @retval CCAD_OK success. @retval CCAD_EINVAL NULL or wrong @p n.
 * @retval CCAD_ESTALE the book needs grading. @retval CCAD_ENOMEM allocation failed.
 * @since 1.0.0
 */
CCAD_API int ccad_book_choose_working(const ccad_book *book, const ccad_rules *rules,
                                      uint8_t *out_choice, size_t n);

/** @} */

/* ====================================================================== */
/** @defgroup route Routes
 *  @brief Ordering a day's stops into the shortest tour from the rep's base
 *         (ROUTE), usable on its own for any list of stops.
 *  @{ */

/** How the cost between two points is measured. */
enum ccad_metric {
    CCAD_METRIC_PLANAR = 1, /**< Euclidean on planar x/y, times @c scale, rounded to the nearest integer (TSPLIB EUC_2D with scale 1). */
    CCAD_METRIC_GEO = 2,    /**< Great-circle on x = longitude, y = latitude in degrees: metres, rounded. */
    CCAD_METRIC_HOST = 3    /**< Minutes from the host travel callback (road networks); at most 2048 points. */
};

/** Options of ccad_route_solve(). */
typedef struct ccad_route_options {
    uint32_t size;    /**< Set by ::CCAD_ROUTE_OPTIONS_INIT. */
    int metric;       /**< ::ccad_metric. */
    int closed;       /**< 1: the tour returns to the base; 0: it ends at the last stop. */
    uint64_t seed;    /**< Seed of the perturbation; the same seed gives the same tour. */
    int32_t effort;   /**< Perturbation rounds per point (0..10000); 0 = local search only. */
    double scale;     /**< ::CCAD_METRIC_PLANAR: cost = nint(distance x scale); > 0, finite. */
} ccad_route_options;

/** Initialiser for ::ccad_route_options: planar, closed, seed 1, effort 20, scale 1. */
#define CCAD_ROUTE_OPTIONS_INIT {(uint32_t)sizeof(ccad_route_options), CCAD_METRIC_PLANAR, 1, 1, 20, 1.0}

/** Most points ccad_route_solve() accepts. Function twin: ccad_route_max_points(). */
#define CCAD_ROUTE_MAX_POINTS 100000

/** @brief ::CCAD_ROUTE_MAX_POINTS as a function. @return it. @since 1.0.0 */
CCAD_API size_t ccad_route_max_points(void);

/**
 * @brief Orders stops into a short tour from the base (point 0).
 *
 * Up to 12 stops the order is optimal (dynamic programming). Beyond, a
 * nearest-neighbour tour is improved by a local search over neighbour lists
 * (built in O(n log n); with ::CCAD_METRIC_PLANAR they include the nearest
 * points of each quadrant) with don't-look bits (2-opt, sequential 3-opt
 * and Or-opt moves), followed by about @c effort x @p n rounds of
 * perturbation (a local double bridge, kept when the tour gets no longer or,
 * up to 1,024 points, stays near the best tour seen, with restarts of
 * stalled walks there; fewer rounds up to 30
 * stops and from 1,025 points, see docs/routes.md). The best tour
 * seen is returned. Deterministic for a given seed.
 *
 * @param[in] ctx the context (allocator, travel callback, last error).
 * @param[in] x x coordinates (longitude for ::CCAD_METRIC_GEO) of @p n points; point 0 is the base.
 * @param[in] y y coordinates (latitude) of the points.
 * @param[in] n number of points including the base, 1..::CCAD_ROUTE_MAX_POINTS.
 * @param[in] options the options (NULL = ::CCAD_ROUTE_OPTIONS_INIT).
 * @param[out] out_order receives @p n point indices, the base first; untouched on error.
 * @param[out] out_cost receives the tour's cost in the metric's unit (may be NULL).
 * @retval CCAD_OK success.
 * @retval CCAD_EINVAL a pointer is NULL or the metric or @c closed unknown.
 * @retval CCAD_ERANGE @p n out of range, a coordinate not finite (or latitude
 *         beyond 90 degrees for GEO), a bad scale or effort.
 * @retval CCAD_EVERSION @c options->size not supported.
 * @retval CCAD_ENOTSUP ::CCAD_METRIC_HOST without a travel callback.
 * @retval CCAD_ECALLBACK the travel callback failed or gave a negative time.
 * @retval CCAD_ENOMEM allocation failed.
 * @retval CCAD_EBUSY called from inside a host callback of this context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.0.0
 */
CCAD_API int ccad_route_solve(ccad_ctx *ctx, const double *x, const double *y, size_t n,
                              const ccad_route_options *options, uint32_t *out_order,
                              int64_t *out_cost);

/** Time windows and service times of ccad_route_solve_tw(). Point 0 is the
 *  base; entry [0] of each array is ignored. Minutes count from midnight.
 *  @since 1.1.0 */
typedef struct ccad_route_times {
    /** Set by ::CCAD_ROUTE_TIMES_INIT. @since 1.1.0 */
    uint32_t size;
    /** @p n entries, 0..1440: service may start no earlier (the rep waits);
     *  NULL = 0 (any time). @since 1.1.0 */
    const int32_t *open_min;
    /** @p n entries, open..1440: service must end by it; NULL = 1440. @since 1.1.0 */
    const int32_t *close_min;
    /** @p n entries, 0..1440: minutes of service at the stop; NULL = 0. @since 1.1.0 */
    const int32_t *service_min;
    /** The rep leaves the base no earlier, 0..1440; default 480 (08:00). @since 1.1.0 */
    int32_t start_min;
    /** The rep must be back at the base by it, start_min..1440; default 1020 (17:00). @since 1.1.0 */
    int32_t end_min;
    /** Travel speed in the metric's cost units a minute: a leg takes
     *  ceil(cost / units_per_minute) minutes (as the planner counts them);
     *  finite and above 0; default 500 (metres a minute, 30 km/h).
     *  ::CCAD_METRIC_HOST ignores it: the callback gives minutes. @since 1.1.0 */
    double units_per_minute;
} ccad_route_times;

/** Initialiser for ::ccad_route_times: no windows, no service, 480..1020,
 *  500 units a minute. @since 1.1.0 */
#define CCAD_ROUTE_TIMES_INIT {(uint32_t)sizeof(ccad_route_times), NULL, NULL, NULL, 480, 1020, 500.0}

/** Most points ccad_route_solve_tw() accepts (it builds an n x n matrix of
 *  minutes). @since 1.1.0 */
#define CCAD_ROUTE_TW_MAX_POINTS 2048

/**
 * @brief Orders stops into a day's tour that meets their time windows.
 *
 * The rep leaves the base (point 0) at @c start_min at the earliest, drives
 * to each stop (a leg takes ceil(cost / @c units_per_minute) minutes, or the
 * travel callback's minutes with ::CCAD_METRIC_HOST), waits if it arrives
 * before the stop's @c open_min, serves it for its @c service_min minutes,
 * which must end by its @c close_min, and must be back at the base by
 * @c end_min. Among the orders that meet every window (feasible ones) it
 * returns one with the least total travel minutes (the way back included),
 * ties going to the earlier return, then to a fixed rule.
 *
 * Up to 12 stops the order is optimal (dynamic programming over the set of
 * visited stops and the last one, with Pareto labels of travel and time).
 * Beyond, a local search (Or-opt and 2-opt moves checked by forward time
 * propagation) from a time-window-aware cheapest insertion, then a few
 * perturbation rounds drawn from @c options->seed; not guaranteed optimal,
 * and a feasible order may be missed. Deterministic for a given seed.
 * @c options->closed must be 1 (the day ends at the base); @c effort is
 * checked but not used.
 *
 * When no feasible order is found the call returns ::CCAD_ERANGE with a
 * message naming the first stop that cannot be served in time (a stop that
 * even a trip to it alone cannot serve in time, else the first late stop of
 * the order written), and still writes @p out_order, @p out_start_min and
 * @p out_cost for the order that is least late (the least sum of minutes
 * past each close and past @c end_min). Every other error changes nothing.
 *
 * @param[in] ctx the context (allocator, travel callback, last error).
 * @param[in] x x coordinates (longitude for ::CCAD_METRIC_GEO) of @p n points; point 0 is the base.
 * @param[in] y y coordinates (latitude) of the points.
 * @param[in] n number of points including the base, 1..::CCAD_ROUTE_TW_MAX_POINTS.
 * @param[in] options the metric, scale and seed (NULL = ::CCAD_ROUTE_OPTIONS_INIT).
 * @param[in] times the windows, service times and day (NULL = ::CCAD_ROUTE_TIMES_INIT).
 * @param[out] out_order receives @p n point indices, the base first.
 * @param[out] out_start_min receives, by point index, the minute service
 *             starts at each stop, and for the base the minute the rep leaves
 *             it (@c start_min, or later when the first stop opens later than
 *             the rep would reach it: then just in time for its opening);
 *             may be NULL.
 * @param[out] out_cost receives the total travel minutes of the order, the
 *             way back included (may be NULL).
 * @retval CCAD_OK a feasible order was written.
 * @retval CCAD_ERANGE no feasible order was found: the least-late order was
 *         written (see above). Also, with nothing written: @p n out of range,
 *         a coordinate, scale, effort or speed out of range, a window outside
 *         0..1440 or with open after close, a service time outside 0..1440,
 *         @c start_min or @c end_min outside 0..1440 or @c end_min before
 *         @c start_min.
 * @retval CCAD_EINVAL a pointer is NULL, the metric is unknown or @c closed is not 1.
 * @retval CCAD_EVERSION @c options->size or @c times->size not supported.
 * @retval CCAD_ENOTSUP ::CCAD_METRIC_HOST without a travel callback.
 * @retval CCAD_ECALLBACK the travel callback failed or gave a negative time.
 * @retval CCAD_ENOMEM allocation failed.
 * @retval CCAD_EBUSY called from inside a host callback of this context: refused,
 *         nothing changed and no message recorded (@since 1.1.0).
 * @since 1.1.0
 */
CCAD_API int ccad_route_solve_tw(ccad_ctx *ctx, const double *x, const double *y, size_t n,
                                 const ccad_route_options *options, const ccad_route_times *times,
                                 uint32_t *out_order, int32_t *out_start_min, int64_t *out_cost);

/** @} */

/* ====================================================================== */
/** @defgroup team Teams: reps, their books, moves between books, team plans
 *  @brief Several reps planned together (docs/teams.md): each rep's own
 *         book and capacity, absences per rep, Q3 overflow and absences
 *         carried out by named teammates with room.
 *
 *  A ::ccad_team borrows the reps' books: the single-rep API is unchanged,
 *  and the owner of a customer is the rep whose book holds it. Customers
 *  change owner with ccad_book_transfer() (or ccad_store_transfer(), which
 *  also persists the move).
 *  @{ */

/** Opaque team: reps in id order, each with a borrowed book. */
typedef struct ccad_team ccad_team;

/** One rep of a team. Set up with ::CCAD_REP_INIT. @since 1.1.0 */
typedef struct ccad_rep {
    uint32_t size;           /**< Set by ::CCAD_REP_INIT. */
    const char *id;          /**< The rep's id: 1..::CCAD_ID_MAX bytes, unique in the team (copied by ccad_team_add()). */
    double base_x;           /**< The rep's base (same coordinates as the customers). */
    double base_y;           /**< The rep's base. */
    int32_t visits_per_day;  /**< As ::ccad_plan_options: contacts a working day, 0..1000 (0: no count limit). */
    int32_t minutes_per_day; /**< As ::ccad_plan_options: service minutes a working day, 0..1440 (0: no minute limit). At least one limit must be set. */
    int32_t day_start_min;   /**< The rep's day starts, minutes after midnight (0..1440). */
    int32_t day_minutes;     /**< Length of the rep's working day in minutes (1..1440). */
} ccad_rep;

/** Initialiser for ::ccad_rep: no id, base at (0, 0), 8 visits a day, 08:00 to 16:00. */
#define CCAD_REP_INIT {(uint32_t)sizeof(ccad_rep), NULL, 0.0, 0.0, 8, 0, 480, 480}

/** Team options of ccad_team_new(). Set up with ::CCAD_TEAM_OPTIONS_INIT. @since 1.1.0 */
typedef struct ccad_team_options {
    uint32_t size; /**< Set by ::CCAD_TEAM_OPTIONS_INIT. */
    void *user;    /**< Passed to @c calendar. */
    /** Writes the ::ccad_day_flag bits of @p day for rep @p rep_id (its
     *  absences as ::CCAD_DAY_ABSENT); 0 on success. The flags are cleaned
     *  as ccad_ctx_day_flags() cleans the context calendar's. NULL member:
     *  every rep follows the context's calendar (ccad_ctx_day_flags()). */
    int (*calendar)(void *user, const char *rep_id, int32_t day, uint32_t *out_flags);
} ccad_team_options;

/** Initialiser for ::ccad_team_options: no team calendar. */
#define CCAD_TEAM_OPTIONS_INIT {(uint32_t)sizeof(ccad_team_options), NULL, NULL}

/**
 * @brief Creates an empty team.
 * @param[out] out receives the team; NULL on error.
 * @param[in] ctx the context; every rep's book must belong to it.
 * @param[in] options the team calendar (copied), or NULL for none.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EVERSION @c options->size not supported.
 * @retval CCAD_ENOMEM allocation failed.
 * @retval CCAD_EBUSY called from inside a host callback of this context: refused.
 * @since 1.1.0
 */
CCAD_API int ccad_team_new(ccad_team **out, ccad_ctx *ctx, const ccad_team_options *options);

/** @brief Destroys a team (not the books). @param[in] team the team, or NULL. @since 1.1.0 */
CCAD_API void ccad_team_free(ccad_team *team);

/**
 * @brief Adds a rep with the book of the customers the rep owns. The book
 *        is borrowed: it must outlive the team, and it stays the caller's.
 * @param[in] team the team. @param[in] rep the rep (id copied).
 * @param[in] book the rep's book, of the team's context, in no other rep's hands.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL, a bad id,
 *         no capacity limit, the book of another context or already in the team.
 * @retval CCAD_EVERSION @c rep->size not supported.
 * @retval CCAD_ERANGE a limit, base or day outside its range.
 * @retval CCAD_EEXIST a rep with this id is in the team.
 * @retval CCAD_ENOMEM allocation failed (team unchanged).
 * @retval CCAD_EBUSY called from inside a host callback of the team's context: refused.
 * @note Reps are kept in id order (bytewise), whatever the order they were
 *       added in: indices of later reps shift by one.
 * @since 1.1.0
 */
CCAD_API int ccad_team_add(ccad_team *team, const ccad_rep *rep, ccad_book *book);

/** @brief Number of reps. @param[in] team the team. @return the count (0 for NULL). @since 1.1.0 */
CCAD_API size_t ccad_team_count(const ccad_team *team);

/**
 * @brief Reads rep @p index (reps run in id order).
 * @param[in] team the team. @param[in] index 0..count-1.
 * @param[in,out] out caller struct with @c size set; its @c id points into
 *                the team (valid until the team is freed). May be NULL.
 * @param[out] out_book receives the rep's book. May be NULL.
 * @retval CCAD_OK success. @retval CCAD_EINVAL @p team is NULL.
 * @retval CCAD_EVERSION bad size. @retval CCAD_ENOTFOUND bad index.
 * @since 1.1.0
 */
CCAD_API int ccad_team_rep(const ccad_team *team, size_t index, ccad_rep *out, ccad_book **out_book);

/**
 * @brief Finds a rep by id.
 * @param[in] team the team. @param[in] rep_id the id.
 * @param[out] out_index receives its index.
 * @retval CCAD_OK found. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_ENOTFOUND no such rep.
 * @since 1.1.0
 */
CCAD_API int ccad_team_find(const ccad_team *team, const char *rep_id, size_t *out_index);

/**
 * @brief The owner of a customer: the rep whose book holds it.
 * @param[in] team the team. @param[in] customer_id the customer's id.
 * @param[out] out_rep receives the owner's rep index.
 * @param[out] out_index receives the customer's index in that book. May be NULL.
 * @retval CCAD_OK found. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_ENOTFOUND no rep's book holds it.
 * @since 1.1.0
 */
CCAD_API int ccad_team_owner(const ccad_team *team, const char *customer_id, size_t *out_rep,
                             size_t *out_index);

/**
 * @brief The calendar flags of a day for rep @p index: the team calendar,
 *        or the context's when the team has none.
 * @param[in] team the team. @param[in] index the rep. @param[in] day the day.
 * @param[out] out_flags receives the ::ccad_day_flag bits.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_ENOTFOUND bad rep index. @retval CCAD_ERANGE bad day.
 * @retval CCAD_ECALLBACK the calendar callback failed.
 * @retval CCAD_EBUSY called from inside a host callback of the team's context: refused.
 * @since 1.1.0
 */
CCAD_API int ccad_team_day_flags(ccad_team *team, size_t index, int32_t day, uint32_t *out_flags);

/**
 * @brief Removes customer @p index from its book (in memory only; see
 *        ccad_store_remove()). The customers after it move down by one
 *        index, in the same order; the book must be graded again.
 * @param[in] book the book. @param[in] index the customer.
 * @retval CCAD_OK success. @retval CCAD_EINVAL @p book is NULL.
 * @retval CCAD_ENOTFOUND bad index (nothing changed).
 * @retval CCAD_EBUSY called from inside a host callback of the book's context: refused.
 * @since 1.1.0
 */
CCAD_API int ccad_book_remove(ccad_book *book, size_t index);

/**
 * @brief Moves customer @p index, with its whole contact history summary,
 *        from one book to another (in memory only; see ccad_store_transfer()).
 *        All or nothing: on failure both books are as they were. Both books
 *        must be graded again.
 * @param[in] from the book holding the customer. @param[in] index the customer.
 * @param[in] to the receiving book, of the same context, not @p from.
 * @param[out] out_index receives the customer's index in @p to. May be NULL.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL, the same
 *         book twice, or books of two contexts.
 * @retval CCAD_ENOTFOUND bad index. @retval CCAD_EEXIST @p to holds the id already.
 * @retval CCAD_EOVERFLOW @p to is full. @retval CCAD_ENOMEM allocation failed.
 * @retval CCAD_EBUSY called from inside a host callback of the context: refused.
 * @since 1.1.0
 */
CCAD_API int ccad_book_transfer(ccad_book *from, size_t index, ccad_book *to, size_t *out_index);

/** Storage callbacks for moves between books, next to the context's
 *  ::ccad_store (whose begin, commit and rollback frame them). Set up with
 *  ::CCAD_STORE_MOVES_INIT. @since 1.1.0 */
typedef struct ccad_store_moves {
    uint32_t size; /**< Set by ::CCAD_STORE_MOVES_INIT. */
    void *user;    /**< Passed to every callback. */
    /** Deletes customer @p id and its contact events; 0 on success. */
    int (*remove)(void *user, const char *id);
    /** Records @p owner (a rep id) as the owner of customer @p id; its
     *  contact events stay with it. 0 on success. */
    int (*set_owner)(void *user, const char *id, const char *owner);
} ccad_store_moves;

/** Initialiser for ::ccad_store_moves: every callback NULL. */
#define CCAD_STORE_MOVES_INIT {(uint32_t)sizeof(ccad_store_moves), NULL, NULL, NULL}

/**
 * @brief Gives the context the move callbacks (copied), or removes them with NULL.
 * @param[in] ctx the context. @param[in] moves both callbacks set, or NULL.
 * @retval CCAD_OK success. @retval CCAD_EINVAL NULL ctx or a missing callback.
 * @retval CCAD_EVERSION @c moves->size not supported.
 * @retval CCAD_EBUSY called from inside a host callback of this context: refused.
 * @since 1.1.0
 */
CCAD_API int ccad_ctx_set_store_moves(ccad_ctx *ctx, const ccad_store_moves *moves);

/**
 * @brief ccad_book_remove() persisted: one transaction of the context's
 *        store (begin, remove, commit); the book changes only after the commit.
 * @param[in] book the book. @param[in] index the customer.
 * @retval as ccad_book_remove(), plus:
 * @retval CCAD_ENOTSUP the context has no store or no move callbacks.
 * @retval CCAD_ECALLBACK a callback failed; rollback was called; the book is unchanged.
 * @since 1.1.0
 */
CCAD_API int ccad_store_remove(ccad_book *book, size_t index);

/**
 * @brief ccad_book_transfer() persisted: one transaction of the context's
 *        store (begin, set_owner, commit); the books change only after the
 *        commit, and nothing can fail after it.
 * @param[in] from the book holding the customer. @param[in] index the customer.
 * @param[in] to the receiving book. @param[in] owner the new owner's rep id, for the store.
 * @param[out] out_index receives the customer's index in @p to. May be NULL.
 * @retval as ccad_book_transfer(), plus:
 * @retval CCAD_ENOTSUP the context has no store or no move callbacks.
 * @retval CCAD_ECALLBACK a callback failed; rollback was called; both books unchanged.
 * @since 1.1.0
 */
CCAD_API int ccad_store_transfer(ccad_book *from, size_t index, ccad_book *to, const char *owner,
                                 size_t *out_index);

/** Opaque, immutable team schedule: every rep's own plan and the team's items. */
typedef struct ccad_team_schedule ccad_team_schedule;

/** One item of a team schedule. @since 1.1.0 */
typedef struct ccad_team_item {
    uint32_t size;  /**< Set by ::CCAD_TEAM_ITEM_INIT. */
    uint32_t carrier; /**< Index of the rep who carries it out. */
    uint32_t owner;   /**< Index of the rep who owns the customer (item.customer indexes the owner's book). */
    ccad_item item;   /**< The item; @c delegated says why carrier and owner differ, and the route fields are the carrier's day's. */
} ccad_team_item;

/** Initialiser for ::ccad_team_item. */
#define CCAD_TEAM_ITEM_INIT {(uint32_t)sizeof(ccad_team_item), 0, 0, CCAD_ITEM_INIT}

/** One finding of a team schedule. @since 1.1.0 */
typedef struct ccad_team_finding {
    uint32_t size;        /**< Set by ::CCAD_TEAM_FINDING_INIT. */
    uint32_t rep;         /**< Index of the rep it concerns (the owner, for a customer). */
    ccad_finding finding; /**< The finding; @c customer indexes that rep's book. */
} ccad_team_finding;

/** Initialiser for ::ccad_team_finding. */
#define CCAD_TEAM_FINDING_INIT {(uint32_t)sizeof(ccad_team_finding), 0, CCAD_FINDING_INIT}

/**
 * @brief Plans every rep of a team over a date range.
 *
 * Each rep's own plan is ccad_schedule_new() of the rep's book with the
 * common @p options and the rep's base, limits and day (::ccad_rep), under
 * the rep's calendar. Then every delegated item (Q3 overflow, a colleague's;
 * an absent rep's contacts, the substitute's) is given, day by day, big
 * rocks first, to a named teammate present that day with room left (count
 * and minute limits) for whom it adds the least travel: with @c route, at
 * its cheapest place in the teammate's day where every stop keeps its visit
 * hours and the teammate is back by the day's end; nothing of the
 * teammate's own plan is moved or dropped. A delegated item no teammate can
 * take is a ::CCAD_FIND_UNPLANNED finding (TEAM_NO_CARRIER). Deterministic,
 * and independent of the order reps were added in.
 *
 * @param[out] out receives the team schedule; NULL on error.
 * @param[in] team the team (at least one rep; every book graded with @p rules).
 * @param[in] rules the rules.
 * @param[in] options range and common options; its base, limits and day are replaced by each rep's.
 * @retval as ccad_schedule_new(), plus ::CCAD_EINVAL for a team without reps.
 * @retval CCAD_EBUSY called from inside a host callback of the team's context: refused.
 * @since 1.1.0
 */
CCAD_API int ccad_team_schedule_new(ccad_team_schedule **out, const ccad_team *team,
                                    const ccad_rules *rules, const ccad_plan_options *options);

/** @brief Destroys a team schedule. @param[in] schedule the schedule, or NULL. @since 1.1.0 */
CCAD_API void ccad_team_schedule_free(ccad_team_schedule *schedule);

/**
 * @brief Rep @p rep's own plan, as ccad_schedule_new() made it (delegated
 *        items still marked, without their carrier).
 * @param[in] schedule the team schedule. @param[in] rep the rep's index.
 * @return the schedule (owned by the team schedule), or NULL for a bad argument.
 * @since 1.1.0
 */
CCAD_API const ccad_schedule *ccad_team_schedule_rep(const ccad_team_schedule *schedule, size_t rep);

/**
 * @brief Number of team items: every rep's own items and every delegated
 *        item that found a carrier, by day, then carrier, then the carrier's
 *        route order (routed stops first), then priority.
 * @param[in] schedule the team schedule. @return the count (0 for NULL).
 * @since 1.1.0
 */
CCAD_API size_t ccad_team_schedule_item_count(const ccad_team_schedule *schedule);

/**
 * @brief Reads team item @p index.
 * @param[in] schedule the team schedule. @param[in] index 0..count-1.
 * @param[in,out] out caller struct with @c size and @c item.size set.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EVERSION bad size. @retval CCAD_ENOTFOUND bad index.
 * @since 1.1.0
 */
CCAD_API int ccad_team_schedule_item(const ccad_team_schedule *schedule, size_t index,
                                     ccad_team_item *out);

/**
 * @brief Number of team findings: each rep's own findings in rep order,
 *        then the delegated items no teammate could take.
 * @param[in] schedule the team schedule. @return the count (0 for NULL).
 * @since 1.1.0
 */
CCAD_API size_t ccad_team_schedule_finding_count(const ccad_team_schedule *schedule);

/**
 * @brief Reads team finding @p index.
 * @param[in] schedule the team schedule. @param[in] index 0..count-1.
 * @param[in,out] out caller struct with @c size and @c finding.size set.
 * @retval as ccad_team_schedule_item().
 * @since 1.1.0
 */
CCAD_API int ccad_team_schedule_finding(const ccad_team_schedule *schedule, size_t index,
                                        ccad_team_finding *out);

/** Opaque, immutable team proposals: the pool and the balance (docs/teams.md). */
typedef struct ccad_team_proposals ccad_team_proposals;

/** Options of ccad_team_proposals_new(). Set up with ::CCAD_TEAM_PROPOSAL_OPTIONS_INIT. @since 1.1.0 */
typedef struct ccad_team_proposal_options {
    uint32_t size;           /**< Set by ::CCAD_TEAM_PROPOSAL_OPTIONS_INIT. */
    int32_t today;           /**< The day assessed (see @ref dates). */
    int32_t period_days;     /**< The workload period, 1..366 days (30). */
    int32_t field_days;      /**< Field days in the period; 0 = workload.field_days x period / 30, rounded. */
    int32_t move_a;          /**< 1: grade A customers may be moved too; 0 (default): they stay with their owner. */
    int32_t metric;          /**< ::CCAD_METRIC_PLANAR or ::CCAD_METRIC_GEO (no host callback is called). */
    double scale;            /**< ::CCAD_METRIC_PLANAR: cost = distance x scale; > 0, finite. */
    double units_per_minute; /**< Metric units travelled per minute; > 0, finite. */
} ccad_team_proposal_options;

/** Initialiser for ::ccad_team_proposal_options: a 30-day period, A customers stay, planar, 1 unit a minute. */
#define CCAD_TEAM_PROPOSAL_OPTIONS_INIT {(uint32_t)sizeof(ccad_team_proposal_options), 0, 30, 0, 0, \
    CCAD_METRIC_PLANAR, 1.0, 1.0}

/** One team proposal. Set up with ::CCAD_TEAM_PROPOSAL_INIT. @since 1.1.0 */
typedef struct ccad_team_proposal {
    uint32_t size;          /**< Set by ::CCAD_TEAM_PROPOSAL_INIT. */
    uint32_t rep;           /**< The rep whose book holds the customer (@c finding.customer indexes it), or UINT32_MAX for a pool customer (it indexes the pool book). */
    uint32_t to_rep;        /**< The rep proposed to take it (assign, move), or UINT32_MAX: to the pool (release). */
    ccad_finding finding;   /**< kind ::CCAD_FIND_RELEASE_PROPOSED, ::CCAD_FIND_ASSIGN_PROPOSED or ::CCAD_FIND_MOVE_PROPOSED; date = today; the reasons, the first carrying the figures. */
} ccad_team_proposal;

/** Initialiser for ::ccad_team_proposal. */
#define CCAD_TEAM_PROPOSAL_INIT {(uint32_t)sizeof(ccad_team_proposal), 0, 0, CCAD_FINDING_INIT}

/** One rep's line of the team workload table. Set up with ::CCAD_TEAM_LOAD_INIT. @since 1.1.0 */
typedef struct ccad_team_load {
    uint32_t size;           /**< Set by ::CCAD_TEAM_LOAD_INIT. */
    ccad_workload before;    /**< The rep's workload as ccad_book_workload() gives it (visits a day: the rep's visits_per_day, or minutes_per_day / route.service_b_min). */
    int64_t customers_after; /**< Customers after the proposed moves and assignments (released aside). */
    int64_t visits_after;    /**< Contacts they need in the period. */
    int64_t travel_before;   /**< Territory travel: minutes from the rep's base to each located customer, summed. */
    int64_t travel_after;    /**< The same after the proposals. */
} ccad_team_load;

/** Initialiser for ::ccad_team_load. */
#define CCAD_TEAM_LOAD_INIT {(uint32_t)sizeof(ccad_team_load), CCAD_WORKLOAD_INIT, 0, 0, 0, 0}

/** The team's balance before and after the proposals. Set up with ::CCAD_TEAM_BALANCE_INIT. @since 1.1.0 */
typedef struct ccad_team_balance {
    uint32_t size;            /**< Set by ::CCAD_TEAM_BALANCE_INIT. */
    int32_t spread_before_x100; /**< Largest over smallest rep load (contacts needed / capacity), x100; 0 when a rep has no load. */
    int32_t spread_after_x100;  /**< The same after the proposed moves and assignments. */
    int64_t travel_before;    /**< The reps' territory travel summed (minutes). */
    int64_t travel_after;     /**< The same after the proposals. */
    int64_t releases;         /**< Release proposals. */
    int64_t assigns;          /**< Assignment proposals. */
    int64_t moves;            /**< Move proposals. */
    int64_t over_after;       /**< Reps still over capacity after the moves (no teammate had room). */
} ccad_team_balance;

/** Initialiser for ::ccad_team_balance. */
#define CCAD_TEAM_BALANCE_INIT {(uint32_t)sizeof(ccad_team_balance), 0, 0, 0, 0, 0, 0, 0, 0}

/**
 * @brief Proposes releases to the pool, assignments from the pool and moves
 *        between reps; nothing moves (the host decides, with
 *        ccad_book_transfer() or ccad_store_transfer()).
 *
 * Releases: every open customer of every rep flagged for reassignment
 * (ESCALATE), given up (TRIAGE) or idle for pool.release_days, with the
 * grounds as reasons and PATIENCE's when the release would be premature.
 * Moves: from each rep over capacity in the period, the customers whose
 * move adds the least territory travel go to reps with room, until the rep
 * fits or no teammate has room; grade A customers stay unless @c move_a.
 * Assignments: each open customer of @p pool goes to the nearest rep with
 * room left after the moves (ties: the most room). No receiving rep is ever
 * put over its capacity. No host callback is called. Deterministic and
 * independent of the order in which reps were added.
 * @param[out] out receives the proposals; NULL on error.
 * @param[in] team the team (at least one rep; every book graded with @p rules).
 * @param[in] pool the pool's book (of the team's context, no rep's book, graded), or NULL for none.
 * @param[in] rules the rules. @param[in] options the day, period and metric.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL, the team has
 *         no reps, the pool is a rep's book or of another context, or a bad metric.
 * @retval CCAD_EVERSION @c options->size not supported.
 * @retval CCAD_ERANGE a bad day, period, field days, scale or speed.
 * @retval CCAD_ESTALE a book needs ccad_book_grade().
 * @retval CCAD_ENOMEM allocation failed (nothing created).
 * @retval CCAD_EBUSY called from inside a host callback of the team's context: refused.
 * @since 1.1.0
 */
CCAD_API int ccad_team_proposals_new(ccad_team_proposals **out, const ccad_team *team,
                                     const ccad_book *pool, const ccad_rules *rules,
                                     const ccad_team_proposal_options *options);

/** @brief Destroys team proposals. @param[in] proposals the proposals, or NULL. @since 1.1.0 */
CCAD_API void ccad_team_proposals_free(ccad_team_proposals *proposals);

/**
 * @brief Number of proposals: releases (rep by rep in id order, each rep's
 *        customers in book order), then moves (in the order chosen), then
 *        assignments (in pool order).
 * @param[in] proposals the proposals. @return the count (0 for NULL).
 * @since 1.1.0
 */
CCAD_API size_t ccad_team_proposals_count(const ccad_team_proposals *proposals);

/**
 * @brief Reads proposal @p index.
 * @param[in] proposals the proposals. @param[in] index 0..count-1.
 * @param[in,out] out caller struct with @c size set.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EVERSION bad size. @retval CCAD_ENOTFOUND bad index.
 * @since 1.1.0
 */
CCAD_API int ccad_team_proposals_item(const ccad_team_proposals *proposals, size_t index,
                                      ccad_team_proposal *out);

/**
 * @brief Reads rep @p rep's line of the team workload table.
 * @param[in] proposals the proposals. @param[in] rep the rep's index.
 * @param[in,out] out caller struct with @c size and @c before.size set.
 * @retval as ccad_team_proposals_item().
 * @since 1.1.0
 */
CCAD_API int ccad_team_proposals_load(const ccad_team_proposals *proposals, size_t rep,
                                      ccad_team_load *out);

/**
 * @brief Reads the team's balance before and after the proposals.
 * @param[in] proposals the proposals. @param[in,out] out caller struct with @c size set.
 * @retval CCAD_OK success. @retval CCAD_EINVAL a pointer is NULL.
 * @retval CCAD_EVERSION bad size.
 * @since 1.1.0
 */
CCAD_API int ccad_team_proposals_balance(const ccad_team_proposals *proposals,
                                         ccad_team_balance *out);

/** @} */

/* ====================================================================== */
/** @defgroup init Initialiser functions
 *  @brief Function twins of the @c _INIT macros, for bindings that cannot
 *         expand C macros: each fills @p p exactly as its macro does.
 *         A NULL pointer is ignored.
 *  @{ */

/** @brief As ::CCAD_HOST_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_host_init(ccad_host *p);
/** @brief As ::CCAD_PARAM_INFO_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_param_info_init(ccad_param_info *p);
/** @brief As ::CCAD_CUSTOMER_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_customer_init(ccad_customer *p);
/** @brief As ::CCAD_CONTACT_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_contact_init(ccad_contact *p);
/** @brief As ::CCAD_STORE_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_store_init(ccad_store *p);
/** @brief As ::CCAD_ASSESSMENT_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_assessment_init(ccad_assessment *p);
/** @brief As ::CCAD_PLAN_OPTIONS_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_plan_options_init(ccad_plan_options *p);
/** @brief As ::CCAD_REPLAN_INFO_INIT. @param[out] p the struct. @since 1.1.0 */
CCAD_API void ccad_replan_info_init(ccad_replan_info *p);
/** @brief As ::CCAD_ITEM_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_item_init(ccad_item *p);
/** @brief As ::CCAD_FINDING_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_finding_init(ccad_finding *p);
/** @brief As ::CCAD_WORKLOAD_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_workload_init(ccad_workload *p);
/** @brief As ::CCAD_PLATFORM_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_platform_init(ccad_platform *p);
/** @brief As ::CCAD_DAY_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_day_init(ccad_day *p);
/** @brief As ::CCAD_ROUTE_OPTIONS_INIT. @param[out] p the struct. @since 1.0.0 */
CCAD_API void ccad_route_options_init(ccad_route_options *p);
/** @brief As ::CCAD_ROUTE_TIMES_INIT. @param[out] p the struct. @since 1.1.0 */
CCAD_API void ccad_route_times_init(ccad_route_times *p);
/** @brief As ::CCAD_REP_INIT. @param[out] p the struct. @since 1.1.0 */
CCAD_API void ccad_rep_init(ccad_rep *p);
/** @brief As ::CCAD_TEAM_OPTIONS_INIT. @param[out] p the struct. @since 1.1.0 */
CCAD_API void ccad_team_options_init(ccad_team_options *p);
/** @brief As ::CCAD_STORE_MOVES_INIT. @param[out] p the struct. @since 1.1.0 */
CCAD_API void ccad_store_moves_init(ccad_store_moves *p);
/** @brief As ::CCAD_TEAM_ITEM_INIT. @param[out] p the struct. @since 1.1.0 */
CCAD_API void ccad_team_item_init(ccad_team_item *p);
/** @brief As ::CCAD_TEAM_FINDING_INIT. @param[out] p the struct. @since 1.1.0 */
CCAD_API void ccad_team_finding_init(ccad_team_finding *p);
/** @brief As ::CCAD_TEAM_PROPOSAL_OPTIONS_INIT. @param[out] p the struct. @since 1.1.0 */
CCAD_API void ccad_team_proposal_options_init(ccad_team_proposal_options *p);
/** @brief As ::CCAD_TEAM_PROPOSAL_INIT. @param[out] p the struct. @since 1.1.0 */
CCAD_API void ccad_team_proposal_init(ccad_team_proposal *p);
/** @brief As ::CCAD_TEAM_LOAD_INIT. @param[out] p the struct. @since 1.1.0 */
CCAD_API void ccad_team_load_init(ccad_team_load *p);
/** @brief As ::CCAD_TEAM_BALANCE_INIT. @param[out] p the struct. @since 1.1.0 */
CCAD_API void ccad_team_balance_init(ccad_team_balance *p);

/** @} */

#ifdef __cplusplus
}
#endif

/* clang-format on */

#endif /* CUSTCADENCE_H */
