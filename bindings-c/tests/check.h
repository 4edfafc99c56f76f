/* check.h: the few assertions the C tests of libcen need, counting passes and failures, and the
 * closing line "NAME: N passed, N failed" that CI reads. Header-only: one test per program. */
#ifndef CEN_TEST_CHECK_H
#define CEN_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static unsigned long check_passed_count;
static unsigned long check_failed_count;

/* CHECK(condition, printf-style explanation shown when it fails). */
#define CHECK(cond, ...)                                                            \
    do {                                                                            \
        if (cond) {                                                                 \
            check_passed_count++;                                                   \
        } else {                                                                    \
            check_failed_count++;                                                   \
            fprintf(stderr, "%s:%d: FAILED (%s): ", __FILE__, __LINE__, #cond);     \
            fprintf(stderr, __VA_ARGS__);                                           \
            fputc('\n', stderr);                                                    \
        }                                                                           \
    } while (0)

/* A string that may be NULL, printable. */
static inline const char *check_shown(const char *text)
{
    return text != NULL ? text : "(null)";
}

static inline int check_same(const char *found, const char *expected)
{
    return found != NULL && strcmp(found, expected) == 0;
}

static inline int check_contains(const char *found, const char *part)
{
    return found != NULL && strstr(found, part) != NULL;
}

/* A string result equals the expected text exactly. */
#define CHECK_STR(found, expected)                                                  \
    CHECK(check_same((found), (expected)), "expected \"%s\", found \"%s\"",          \
          (expected), check_shown(found))

/* A string result contains the expected text. */
#define CHECK_HAS(found, part)                                                      \
    CHECK(check_contains((found), (part)), "expected text containing \"%s\", found \"%s\"", \
          (part), check_shown(found))

/* Prints the closing line and gives the exit status of the test program. */
static inline int check_finish(const char *name)
{
    printf("%s: %lu passed, %lu failed\n", name, check_passed_count, check_failed_count);
    return check_failed_count == 0 && check_passed_count > 0 ? 0 : 1;
}

#endif
