/*
 * ncen_transfer.c: prepare a national nCEN system's transfer to CEN with libcen.
 *
 * Reads a file of seizure records, one JSON object per line, validates each with one
 * validator (through a batch, so that a seizure reported twice in the file is found:
 * CEN-DUP-001), prints every error and then a summary by rule, and writes the non-nominal
 * projection of each valid record (persons, companies, narrative and vehicle registrations
 * removed, source set to "cen": spec 2.8) to the output file, one per line. Invalid records
 * are not written: they go back to the officer who entered them.
 *
 *   ncen_transfer INPUT OUTPUT [OPTIONS_JSON]
 *   ncen_transfer seizures.ndjson to_cen.ndjson '{"lang": "fr", "today": "2026-11-28"}'
 *
 * Exit status: 0 when every record is valid, 1 when some are not, 2 when the run itself fails
 * (a file cannot be read or written, the options are refused).
 *
 * Build: cc -std=c99 ncen_transfer.c $(pkg-config --cflags --libs cen)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cen.h>

#define MAX_RULES 128

/* How many issues of one rule, by severity. */
struct rule_count {
    char rule[16];
    unsigned long errors;
    unsigned long warnings;
    unsigned long infos;
};

static struct rule_count counts[MAX_RULES];
static size_t rule_total;

static void count_issue(const cen_issue *issue)
{
    size_t i;
    for (i = 0; i < rule_total; i++) {
        if (strcmp(counts[i].rule, issue->rule) == 0) {
            break;
        }
    }
    if (i == rule_total) {
        if (rule_total == MAX_RULES) {
            return;
        }
        strncpy(counts[i].rule, issue->rule, sizeof counts[i].rule - 1);
        rule_total++;
    }
    if (strcmp(issue->severity, "error") == 0) {
        counts[i].errors++;
    } else if (strcmp(issue->severity, "warning") == 0) {
        counts[i].warnings++;
    } else {
        counts[i].infos++;
    }
}

static int by_rule(const void *a, const void *b)
{
    return strcmp(((const struct rule_count *)a)->rule, ((const struct rule_count *)b)->rule);
}

/* Reads one line of any length into *buffer (grown as needed), without its end of line.
 * Returns its length, or -1 at the end of the file. */
static long read_line(FILE *in, char **buffer, size_t *capacity)
{
    size_t length = 0;
    int c;
    while ((c = getc(in)) != EOF && c != '\n') {
        if (length + 1 >= *capacity) {
            size_t grown = *capacity ? *capacity * 2 : 4096;
            char *bigger = realloc(*buffer, grown);
            if (bigger == NULL) {
                return -1;
            }
            *buffer = bigger;
            *capacity = grown;
        }
        (*buffer)[length++] = (char)c;
    }
    if (c == EOF && length == 0) {
        return -1;
    }
    if (length > 0 && (*buffer)[length - 1] == '\r') {
        length--; /* a file written on Windows */
    }
    return (long)length;
}

static int is_blank(const char *text, size_t length)
{
    size_t i;
    for (i = 0; i < length; i++) {
        if (text[i] != ' ' && text[i] != '\t') {
            return 0;
        }
    }
    return 1;
}

/* Prints the errors of an invalid record and counts every issue. */
static void take_report(const cen_report *report, unsigned long line, int valid)
{
    cen_summary summary;
    cen_issue issue;
    size_t i;
    if (cen_report_summary(report, &summary) != CEN_OK) {
        return;
    }
    for (i = 0; i < summary.issue_count; i++) {
        if (cen_report_issue(report, i, &issue) != CEN_OK) {
            break;
        }
        count_issue(&issue);
        if (!valid && strcmp(issue.severity, "error") == 0) {
            printf("line %lu: %s %s %s\n", line, issue.rule,
                   issue.path[0] ? issue.path : "(record)", issue.message);
        }
    }
}

int main(int argc, char **argv)
{
    FILE *in, *out;
    cen_validator *validator = NULL;
    cen_batch *batch = NULL;
    char *line = NULL;
    size_t capacity = 0;
    long length;
    unsigned long line_number = 0, records = 0, valid = 0, written = 0;
    int status = 0;
    size_t i;

    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: %s INPUT OUTPUT [OPTIONS_JSON]\n", argv[0]);
        return 2;
    }
    if (cen_validator_new(argc == 4 ? argv[3] : NULL, &validator) != CEN_OK ||
        cen_batch_new(validator, &batch) != CEN_OK) {
        fprintf(stderr, "ncen_transfer: %s\n", cen_last_error());
        cen_validator_free(validator);
        return 2;
    }
    in = fopen(argv[1], "rb");
    if (in == NULL) {
        perror(argv[1]);
        cen_batch_free(batch);
        cen_validator_free(validator);
        return 2;
    }
    out = fopen(argv[2], "wb");
    if (out == NULL) {
        perror(argv[2]);
        fclose(in);
        cen_batch_free(batch);
        cen_validator_free(validator);
        return 2;
    }

    while ((length = read_line(in, &line, &capacity)) >= 0) {
        cen_report *report = NULL;
        cen_summary summary;
        const char *text = length > 0 ? line : "";
        line_number++;
        if (is_blank(text, (size_t)length)) {
            continue;
        }
        records++;
        /* A line that is not a record still gets a report (CEN-SCH-001): only a NULL pointer
         * or a library fault can fail here. */
        if (cen_batch_validate_report(batch, text, (size_t)length, &report) != CEN_OK ||
            cen_report_summary(report, &summary) != CEN_OK) {
            fprintf(stderr, "ncen_transfer: line %lu: %s\n", line_number, cen_last_error());
            cen_report_free(report);
            status = 2;
            break;
        }
        take_report(report, line_number, summary.valid);
        cen_report_free(report);
        if (summary.valid) {
            char *projected = NULL;
            valid++;
            if (cen_to_cen(text, (size_t)length, &projected) == CEN_OK) {
                if (fputs(projected, out) < 0 || putc('\n', out) == EOF) {
                    perror(argv[2]);
                    status = 2;
                }
                written++;
            } else {
                fprintf(stderr, "ncen_transfer: line %lu: %s\n", line_number, cen_last_error());
                status = 2;
            }
            cen_string_free(projected);
        }
    }
    if (ferror(in)) {
        perror(argv[1]);
        status = 2;
    }
    fclose(in);
    if (fclose(out) != 0) {
        perror(argv[2]);
        status = 2;
    }
    free(line);
    cen_batch_free(batch);
    cen_validator_free(validator);

    printf("\n%lu records read, %lu valid, %lu invalid\n", records, valid, records - valid);
    if (rule_total > 0) {
        qsort(counts, rule_total, sizeof counts[0], by_rule);
        printf("%-12s %8s %8s %8s\n", "rule", "errors", "warnings", "infos");
        for (i = 0; i < rule_total; i++) {
            printf("%-12s %8lu %8lu %8lu\n", counts[i].rule, counts[i].errors,
                   counts[i].warnings, counts[i].infos);
        }
    }
    printf("%lu records written to %s (non-nominal projection, libcen %s)\n", written, argv[2],
           cen_version());
    if (status == 0 && valid < records) {
        status = 1;
    }
    return status;
}
