/* Four threads share one validator: each validates the same records, through every call, and
 * must find byte for byte the reports computed first on one thread. Each thread also has its
 * own cen_last_error: a message set on one thread is never seen on another.
 *
 * Usage: test_threads [ROUNDS]   (each thread goes ROUNDS times through the records) */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cen.h"
#include "check.h"
#include "records.h"

#define THREADS 4

static const char *records[] = {
    NCEN_WITH_PERSONS,
    INVALID_MOVEMENT,
    AIR_CARGO,
    "{\"reporting_country\": \"BE\"}",
    "not json at all",
    "{\"case_ref\": \"\xff\xfe\"}",
    "[]",
};
#define RECORDS (sizeof records / sizeof records[0])

static const cen_validator *shared;
static char *expected[RECORDS];
static char *expected_batch[2];
static unsigned rounds = 50;
static pthread_barrier_t barrier;
static pthread_mutex_t tally = PTHREAD_MUTEX_INITIALIZER;

/* What one thread found; the counts are merged under the mutex, as CHECK is not atomic. */
typedef struct result {
    int index;
    unsigned long mismatches;
    unsigned long calls;
    int own_error_kept;
} result;

static void *work(void *arg)
{
    result *res = arg;
    char options[64];
    char own_message[128];
    unsigned round;
    size_t i;
    cen_validator *bad = NULL;

    /* Every thread fails differently, all at once, then reads its own message back. */
    snprintf(options, sizeof options, "{\"lang\": \"thread-%d\"}", res->index);
    snprintf(own_message, sizeof own_message, "`thread-%d` is not one of", res->index);
    pthread_barrier_wait(&barrier);
    (void)cen_validator_new(options, &bad);
    pthread_barrier_wait(&barrier);

    for (round = 0; round < rounds; round++) {
        cen_batch *b = NULL;
        for (i = 0; i < RECORDS; i++) {
            char *json = NULL;
            cen_report *r = NULL;
            char *from_handle = NULL;
            cen_summary s;
            res->calls += 3;
            if (cen_validate(shared, records[i], CEN_NUL_TERMINATED, &json) != CEN_OK ||
                strcmp(json, expected[i]) != 0) {
                res->mismatches++;
            }
            if (cen_validate_report(shared, records[i], strlen(records[i]), &r) != CEN_OK ||
                cen_report_json(r, &from_handle) != CEN_OK || strcmp(from_handle, json) != 0) {
                res->mismatches++;
            }
            if (cen_validate_summary(shared, records[i], strlen(records[i]), &s) != CEN_OK ||
                s.valid != (strstr(expected[i], "\"valid\":true") != NULL)) {
                res->mismatches++;
            }
            cen_string_free(from_handle);
            cen_report_free(r);
            cen_string_free(json);
        }
        /* Each thread's own batch from the shared validator. */
        if (cen_batch_new(shared, &b) == CEN_OK) {
            for (i = 0; i < 2; i++) {
                char *json = NULL;
                res->calls++;
                if (cen_batch_validate(b, AIR_CARGO, CEN_NUL_TERMINATED, &json) != CEN_OK ||
                    strcmp(json, expected_batch[i]) != 0) {
                    res->mismatches++;
                }
                cen_string_free(json);
            }
            cen_batch_free(b);
        } else {
            res->mismatches++;
        }
    }
    res->own_error_kept = strstr(cen_last_error(), own_message) != NULL;
    return NULL;
}

int main(int argc, char **argv)
{
    cen_validator *v = NULL;
    cen_batch *b = NULL;
    pthread_t threads[THREADS];
    result results[THREADS];
    size_t i;
    int t;

    if (argc > 1) {
        rounds = (unsigned)strtoul(argv[1], NULL, 10);
    }
    CHECK(cen_validator_new("{\"lang\": \"fr\", \"today\": \"2026-11-28\"}", &v) == CEN_OK,
          "%s", cen_last_error());
    shared = v;
    for (i = 0; i < RECORDS; i++) {
        CHECK(cen_validate(v, records[i], CEN_NUL_TERMINATED, &expected[i]) == CEN_OK, "%s",
              cen_last_error());
    }
    CHECK(cen_batch_new(v, &b) == CEN_OK, "%s", cen_last_error());
    for (i = 0; i < 2; i++) {
        CHECK(cen_batch_validate(b, AIR_CARGO, CEN_NUL_TERMINATED, &expected_batch[i]) == CEN_OK,
              "%s", cen_last_error());
    }
    cen_batch_free(b);
    CHECK_HAS(expected_batch[1], "CEN-DUP-001");

    pthread_barrier_init(&barrier, NULL, THREADS);
    for (t = 0; t < THREADS; t++) {
        memset(&results[t], 0, sizeof results[t]);
        results[t].index = t;
        CHECK(pthread_create(&threads[t], NULL, work, &results[t]) == 0, "thread %d", t);
    }
    for (t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        pthread_mutex_lock(&tally);
        CHECK(results[t].mismatches == 0, "thread %d: %lu of %lu calls differ", t,
              results[t].mismatches, results[t].calls);
        CHECK(results[t].calls == (unsigned long)rounds * (3 * RECORDS + 2), "thread %d ran", t);
        CHECK(results[t].own_error_kept, "thread %d lost its own last error", t);
        pthread_mutex_unlock(&tally);
    }
    pthread_barrier_destroy(&barrier);
    /* The main thread never failed: no other thread's message shows here. */
    CHECK_STR(cen_last_error(), "");

    for (i = 0; i < RECORDS; i++) {
        cen_string_free(expected[i]);
    }
    cen_string_free(expected_batch[0]);
    cen_string_free(expected_batch[1]);
    cen_validator_free(v);
    printf("%d threads x %u rounds x %lu records\n", THREADS, rounds, (unsigned long)RECORDS);
    return check_finish("threads");
}
