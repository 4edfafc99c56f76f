/* The C side of the C ABI benchmark (bench/run.sh): validates every record of a file (one JSON
 * per line) through libcen and prints the best throughput of ROUNDS passes, one line per
 * measure: "name<TAB>records per second".
 *
 *   throughput RECORDS_FILE [ROUNDS]
 *
 * cen_validate gives each report as JSON (allocated, then freed with cen_string_free, as a
 * caller does); cen_validate_summary gives the verdict and counts only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cen.h"

#define OPTIONS "{\"today\": \"2026-11-28\"}"

struct line {
    const char *text;
    size_t len;
};

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Splits the file's text into lines, in place. */
static struct line *split(char *text, size_t size, size_t *count)
{
    size_t n = 0, cap = 1024;
    struct line *lines = malloc(cap * sizeof *lines);
    char *p = text, *end = text + size;
    while (lines != NULL && p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n == cap) {
            struct line *grown = realloc(lines, 2 * cap * sizeof *lines);
            if (grown == NULL) {
                free(lines);
                return NULL;
            }
            lines = grown;
            cap *= 2;
        }
        if (len > 0) {
            lines[n].text = p;
            lines[n].len = len;
            n++;
        }
        p += len + 1;
    }
    *count = n;
    return lines;
}

static char *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    char *text;
    long n;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
        if (f) {
            fclose(f);
        }
        return NULL;
    }
    text = malloc((size_t)n + 1);
    if (text != NULL && fread(text, 1, (size_t)n, f) != (size_t)n) {
        free(text);
        text = NULL;
    }
    fclose(f);
    *size = (size_t)n;
    return text;
}

int main(int argc, char **argv)
{
    size_t size, count, i;
    char *text;
    struct line *lines;
    cen_validator *v = NULL;
    int rounds = argc > 2 ? atoi(argv[2]) : 3, round;
    double best_json = 0, best_summary = 0;
    unsigned long invalid = 0;

    if (argc < 2 || (text = read_all(argv[1], &size)) == NULL) {
        fprintf(stderr, "usage: %s RECORDS_FILE [ROUNDS]\n", argv[0]);
        return 2;
    }
    lines = split(text, size, &count);
    if (lines == NULL || cen_validator_new(OPTIONS, &v) != CEN_OK) {
        fprintf(stderr, "throughput: %s\n", cen_last_error());
        return 2;
    }
    /* One pass first, as on the Rust side. */
    for (i = 0; i < count; i++) {
        cen_summary s;
        if (cen_validate_summary(v, lines[i].text, lines[i].len, &s) != CEN_OK) {
            fprintf(stderr, "throughput: %s\n", cen_last_error());
            return 2;
        }
        invalid += !s.valid;
    }
    for (round = 0; round < rounds; round++) {
        double start = now(), rate;
        for (i = 0; i < count; i++) {
            char *report = NULL;
            if (cen_validate(v, lines[i].text, lines[i].len, &report) != CEN_OK) {
                return 2;
            }
            cen_string_free(report);
        }
        rate = (double)count / (now() - start);
        best_json = rate > best_json ? rate : best_json;

        start = now();
        for (i = 0; i < count; i++) {
            cen_summary s;
            if (cen_validate_summary(v, lines[i].text, lines[i].len, &s) != CEN_OK) {
                return 2;
            }
        }
        rate = (double)count / (now() - start);
        best_summary = rate > best_summary ? rate : best_summary;
    }
    printf("c cen_validate (JSON report)\t%.0f\n", best_json);
    printf("c cen_validate_summary\t%.0f\n", best_summary);
    fprintf(stderr, "%lu records, %lu invalid\n", (unsigned long)count, invalid);
    cen_validator_free(v);
    free(lines);
    free(text);
    return 0;
}
