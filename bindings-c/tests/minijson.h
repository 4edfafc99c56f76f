/* minijson.h: a tiny JSON reader for the tests of libcen. It does not build a tree: it finds
 * the text of values inside a document, so that a test can take a blessed report exactly as
 * written (made compact with mj_compact, it is the byte-for-byte expected report). The input is
 * trusted test data, but malformed text still gives an error, never a crash. */
#ifndef CEN_TEST_MINIJSON_H
#define CEN_TEST_MINIJSON_H

#include <stddef.h>

/* The text of one JSON value: [start, start + len). */
typedef struct mj_span {
    const char *start;
    size_t len;
} mj_span;

/* Iterates over the items of an array or the members of an object. */
typedef struct mj_iter {
    const char *p;
    const char *end;
    int object;
} mj_iter;

/* The whole document as one value (leading and trailing blanks dropped); 0 when malformed. */
int mj_parse(const char *text, size_t len, mj_span *out);

/* Starts iterating over an array or object; 0 when the value is neither. */
int mj_iter_begin(mj_span container, mj_iter *it);

/* The next item (key is left alone for arrays); 1 when there was one, 0 at the end or on
 * malformed text. */
int mj_next(mj_iter *it, mj_span *key, mj_span *value);

/* The value of an object's member named `name`; 0 when absent or not an object. */
int mj_get(mj_span object, const char *name, mj_span *out);

/* 1 when the value is a string. */
int mj_is_string(mj_span value);

/* The bytes of a JSON string, unescaped, in a new NUL-terminated buffer (free it with free());
 * its length in *len (it may contain NUL bytes). NULL when not a valid string. */
char *mj_string(mj_span value, size_t *len);

/* The value's text with every blank outside strings removed, in a new NUL-terminated buffer
 * (free it with free()); its length in *len. */
char *mj_compact(mj_span value, size_t *len);

/* Reads a whole file into a new NUL-terminated buffer; NULL on failure. */
char *mj_read_file(const char *path, size_t *len);

#endif
