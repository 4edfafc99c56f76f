/* minijson.c: see minijson.h. */
#include "minijson.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *skip_blanks(const char *p, const char *end)
{
    while (p < end && is_blank(*p)) {
        p++;
    }
    return p;
}

/* The end of the string that starts at p (at its opening quote), past the closing quote. */
static const char *string_end(const char *p, const char *end)
{
    p++;
    while (p < end) {
        if (*p == '\\') {
            p += 2;
        } else if (*p == '"') {
            return p + 1;
        } else {
            p++;
        }
    }
    return NULL;
}

/* The end of the value that starts at p; NULL when malformed. Nesting is counted, not
 * recursed, so that no input can exhaust the stack. */
static const char *value_end(const char *p, const char *end)
{
    size_t depth = 0;
    if (p >= end) {
        return NULL;
    }
    do {
        if (p >= end) {
            return NULL;
        }
        switch (*p) {
        case '"':
            p = string_end(p, end);
            if (p == NULL) {
                return NULL;
            }
            break;
        case '{':
        case '[':
            depth++;
            p++;
            break;
        case '}':
        case ']':
            if (depth == 0) {
                return NULL;
            }
            depth--;
            p++;
            break;
        default:
            if (depth == 0) {
                /* a number, true, false or null */
                const char *q = p;
                while (q < end && !is_blank(*q) && *q != ',' && *q != ']' && *q != '}' &&
                       *q != ':') {
                    q++;
                }
                return q == p ? NULL : q;
            }
            p++;
            break;
        }
    } while (depth > 0);
    return p;
}

int mj_parse(const char *text, size_t len, mj_span *out)
{
    const char *end = text + len;
    const char *p = skip_blanks(text, end);
    const char *q = value_end(p, end);
    if (q == NULL || skip_blanks(q, end) != end) {
        return 0;
    }
    out->start = p;
    out->len = (size_t)(q - p);
    return 1;
}

int mj_iter_begin(mj_span container, mj_iter *it)
{
    if (container.len < 2 || (container.start[0] != '[' && container.start[0] != '{')) {
        return 0;
    }
    it->object = container.start[0] == '{';
    it->p = container.start + 1;
    it->end = container.start + container.len - 1;
    return 1;
}

int mj_next(mj_iter *it, mj_span *key, mj_span *value)
{
    const char *p = skip_blanks(it->p, it->end);
    const char *q;
    if (p < it->end && *p == ',') {
        p = skip_blanks(p + 1, it->end);
    }
    if (p >= it->end) {
        return 0;
    }
    if (it->object) {
        if (*p != '"') {
            return 0;
        }
        q = string_end(p, it->end);
        if (q == NULL) {
            return 0;
        }
        if (key != NULL) {
            key->start = p;
            key->len = (size_t)(q - p);
        }
        p = skip_blanks(q, it->end);
        if (p >= it->end || *p != ':') {
            return 0;
        }
        p = skip_blanks(p + 1, it->end);
    }
    q = value_end(p, it->end);
    if (q == NULL) {
        return 0;
    }
    value->start = p;
    value->len = (size_t)(q - p);
    it->p = q;
    return 1;
}

int mj_get(mj_span object, const char *name, mj_span *out)
{
    mj_iter it;
    mj_span key, value;
    size_t name_len = strlen(name);
    if (!mj_iter_begin(object, &it) || !it.object) {
        return 0;
    }
    while (mj_next(&it, &key, &value)) {
        /* Keys of the vectors are plain words: compare the text between the quotes. */
        if (key.len == name_len + 2 && memcmp(key.start + 1, name, name_len) == 0) {
            *out = value;
            return 1;
        }
    }
    return 0;
}

int mj_is_string(mj_span value)
{
    return value.len >= 2 && value.start[0] == '"';
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static long hex4(const char *p, const char *end)
{
    long v = 0;
    int i;
    if (end - p < 4) {
        return -1;
    }
    for (i = 0; i < 4; i++) {
        int d = hex_digit(p[i]);
        if (d < 0) {
            return -1;
        }
        v = v * 16 + d;
    }
    return v;
}

static size_t put_utf8(unsigned char *out, unsigned long cp)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

char *mj_string(mj_span value, size_t *len)
{
    const char *p, *end;
    unsigned char *out, *o;
    if (!mj_is_string(value) || value.start[value.len - 1] != '"') {
        return NULL;
    }
    p = value.start + 1;
    end = value.start + value.len - 1;
    /* Unescaping never makes text longer. */
    out = malloc(value.len + 1);
    if (out == NULL) {
        return NULL;
    }
    o = out;
    while (p < end) {
        if (*p != '\\') {
            *o++ = (unsigned char)*p++;
            continue;
        }
        if (end - p < 2) {
            free(out);
            return NULL;
        }
        switch (p[1]) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            long cp = hex4(p + 2, end);
            if (cp < 0) {
                free(out);
                return NULL;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                long low = (end - p >= 12 && p[6] == '\\' && p[7] == 'u') ? hex4(p + 8, end) : -1;
                if (low < 0xDC00 || low > 0xDFFF) {
                    free(out); /* a lone surrogate is not text */
                    return NULL;
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                free(out);
                return NULL;
            }
            o += put_utf8(o, (unsigned long)cp);
            p += 4;
            break;
        }
        default:
            free(out);
            return NULL;
        }
        p += 2;
    }
    *o = '\0';
    *len = (size_t)(o - out);
    return (char *)out;
}

char *mj_compact(mj_span value, size_t *len)
{
    const char *p = value.start;
    const char *end = value.start + value.len;
    char *out = malloc(value.len + 1);
    char *o = out;
    if (out == NULL) {
        return NULL;
    }
    while (p < end) {
        if (*p == '"') {
            const char *q = string_end(p, end);
            if (q == NULL) {
                free(out);
                return NULL;
            }
            memcpy(o, p, (size_t)(q - p));
            o += q - p;
            p = q;
        } else if (is_blank(*p)) {
            p++;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    *len = (size_t)(o - out);
    return out;
}

char *mj_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    size_t size = 0, cap = 0, n;
    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        if (cap - size < 65536) {
            char *grown = realloc(text, cap + 65536 + 1);
            if (grown == NULL) {
                free(text);
                fclose(f);
                return NULL;
            }
            text = grown;
            cap += 65536;
        }
        n = fread(text + size, 1, cap - size, f);
        size += n;
        if (n == 0) {
            break;
        }
    }
    fclose(f);
    text[size] = '\0';
    *len = size;
    return text;
}
