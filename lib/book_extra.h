/* The book's side table of 1.1 extras (book_extra.c; docs/design.md,
 * "Stored form"). Internal; included by internal.h. */
#ifndef CCAD_BOOK_EXTRA_H
#define CCAD_BOOK_EXTRA_H

/* What a customer holds beyond its 64-byte record when every field fits
 * the record but its position (TRIAGE) is known or its visit summary is
 * away from its defaults: the side table's entry (book_extra.c). The
 * record (CB_EXTRA set) keeps every other field and holds the entry's slot
 * in place of its value, which the batch kernels never read. */
struct ccad__extra {
    int32_t value; /* the record's value */
    int32_t share_pct;
    uint32_t supplier_rank;
    struct ccad__visits vis;
};

/* 1 if c's position or visit summary needs a side-table entry. */
int ccad__extra_needed(const struct cust *c);
/* Room for one more entry: CCAD_OK, else the ccad__grow error (nothing
 * recorded, nothing changed). */
int ccad__extra_reserve(ccad_book *book);
/* Stores c's extras for record r (which fits c otherwise), taking a new
 * slot unless r has one (after ccad__extra_reserve); returns the record
 * bits that say what the entry holds (CB_EXTRA, CB_EXTRA_POS, CB_EXTRA_VIS). */
uint8_t ccad__extra_store(ccad_book *book, struct crec *r, const struct cust *c);
/* Reads record r's entry into out's value, position and visit summary. */
void ccad__extra_load(const ccad_book *book, const struct crec *r, struct cust *out);
/* Points the record with `flag` (CB_WIDE or CB_EXTRA) that holds slot
 * `from` of its table at slot `to` instead. */
void ccad__slot_repoint(ccad_book *book, uint8_t flag, uint32_t from, uint32_t to);
/* Frees slot `slot` (the table's last entry moves into it; the record
 * that pointed at the last entry is pointed at `slot`); cannot fail. */
void ccad__extra_drop(ccad_book *book, uint32_t slot);

#endif
