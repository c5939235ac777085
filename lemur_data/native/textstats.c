/* Native kernels of the text signals (lemur_data/quality/textstats.py owns the definitions).
 *
 * duplicate_ngram_chars(keys, chars, n): Gopher's / datatrove's repeated n-gram characters as a left-to-right
 * scan over the document's n-gram keys: an n-gram already seen at a visited position is a repeat, adds its
 * characters and makes the scan jump n positions; otherwise it is remembered and the scan moves one position.
 * `keys` are the 64-bit n-gram keys (uint64, one per position), `chars` the characters of each n-gram (int64).
 * The scan is sequential by definition, which is why it is here and not in numpy.
 *
 * top_ngram(keys): (count of the most frequent key, position of its first occurrence); ties go to the key seen
 * first in the document (as Counter.most_common does). One hash pass instead of a sort.
 *
 * token_hashes(cps, starts, ends): decontamination's token hash (quality/decontam.py defines it): per token
 * [start, end) of the code points `cps` (uint32), the polynomial hash of its ASCII-lowercased code points
 * (Horner: h = h * base + c, modulo 2**64), xor its length, through the splitmix64 finaliser of
 * textstats.mix64. The numpy definition takes a few whole-document passes; this is one pass over the tokens.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Open-addressing set of uint64 keys (a parallel byte array marks used slots, so every key value is allowed). */
typedef struct {
    uint64_t *keys;
    uint8_t *used;
    size_t mask;
} KeySet;

static int keyset_init(KeySet *s, size_t count) {
    size_t cap = 16;
    while (cap < 2 * count) cap <<= 1;
    s->keys = malloc(cap * sizeof(uint64_t));
    s->used = calloc(cap, 1);
    s->mask = cap - 1;
    return s->keys && s->used;
}

static void keyset_free(KeySet *s) {
    free(s->keys);
    free(s->used);
}

/* The slot of `key`: where it is, or where it goes (then *added is 1 and the slot is taken). */
static size_t keyset_slot(KeySet *s, uint64_t key, int *added) {
    uint64_t h = (key ^ (key >> 31)) * 0x9E3779B97F4A7C15ULL;
    size_t i = (size_t)(h >> 17) & s->mask;
    while (s->used[i]) {
        if (s->keys[i] == key) {
            *added = 0;
            return i;
        }
        i = (i + 1) & s->mask;
    }
    s->used[i] = 1;
    s->keys[i] = key;
    *added = 1;
    return i;
}

/* 1 when `key` was already in the set, else adds it and returns 0. */
static int keyset_seen_or_add(KeySet *s, uint64_t key) {
    int added;
    keyset_slot(s, key, &added);
    return !added;
}

static PyObject *duplicate_ngram_chars(PyObject *self, PyObject *args) {
    Py_buffer keys, chars;
    Py_ssize_t n;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*y*n", &keys, &chars, &n)) return NULL;
    Py_ssize_t count = keys.len / (Py_ssize_t)sizeof(uint64_t);
    if (chars.len != count * (Py_ssize_t)sizeof(int64_t) || n < 1) {
        PyBuffer_Release(&keys);
        PyBuffer_Release(&chars);
        PyErr_SetString(PyExc_ValueError, "keys (uint64) and chars (int64) must have one entry per n-gram; n >= 1");
        return NULL;
    }
    const uint64_t *k = keys.buf;
    const int64_t *c = chars.buf;
    long long total = 0;
    KeySet set;
    int ok;
    Py_BEGIN_ALLOW_THREADS
    ok = keyset_init(&set, (size_t)count);
    if (ok) {
        Py_ssize_t pos = 0;
        while (pos < count) {
            if (keyset_seen_or_add(&set, k[pos])) {
                total += c[pos];
                pos += n;
            } else {
                pos += 1;
            }
        }
    }
    keyset_free(&set);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&keys);
    PyBuffer_Release(&chars);
    if (!ok) return PyErr_NoMemory();
    return PyLong_FromLongLong(total);
}

static PyObject *top_ngram(PyObject *self, PyObject *args) {
    Py_buffer keys;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*", &keys)) return NULL;
    Py_ssize_t count = keys.len / (Py_ssize_t)sizeof(uint64_t);
    const uint64_t *k = keys.buf;
    long long best = 0, winner = -1;
    KeySet set;
    int64_t *counts = NULL, *first = NULL;
    int ok;
    Py_BEGIN_ALLOW_THREADS
    ok = keyset_init(&set, (size_t)count);
    if (ok) {
        counts = calloc(set.mask + 1, sizeof(int64_t));
        first = malloc((set.mask + 1) * sizeof(int64_t));
        ok = counts && first;
    }
    if (ok) {
        for (Py_ssize_t pos = 0; pos < count; pos++) {
            int added;
            size_t slot = keyset_slot(&set, k[pos], &added);
            if (added) first[slot] = pos;
            long long c = ++counts[slot];
            /* the count grows one at a time, so the first key to reach a count holds it unless another key's
               first occurrence is earlier: compare first positions on ties */
            if (c > best || (c == best && first[slot] < winner)) {
                best = c;
                winner = first[slot];
            }
        }
    }
    keyset_free(&set);
    free(counts);
    free(first);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&keys);
    if (!ok) return PyErr_NoMemory();
    return Py_BuildValue("LL", best, winner);
}

static inline uint64_t mix64(uint64_t x) {
    x = (x + 1) * 0x9E3779B97F4A7C15ULL;
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

static PyObject *token_hashes(PyObject *self, PyObject *args) {
    Py_buffer cps, starts, ends;
    unsigned long long base;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*y*y*K", &cps, &starts, &ends, &base)) return NULL;
    Py_ssize_t length = cps.len / (Py_ssize_t)sizeof(uint32_t);
    Py_ssize_t count = starts.len / (Py_ssize_t)sizeof(int64_t);
    PyObject *out = NULL;
    if (ends.len != starts.len) {
        PyErr_SetString(PyExc_ValueError, "starts and ends (int64) must have one entry per token");
        goto done;
    }
    const int64_t *s = starts.buf, *e = ends.buf;
    for (Py_ssize_t i = 0; i < count; i++) {
        if (s[i] < 0 || e[i] < s[i] || e[i] > length) {
            PyErr_SetString(PyExc_ValueError, "token bounds outside the code points");
            goto done;
        }
    }
    out = PyBytes_FromStringAndSize(NULL, count * (Py_ssize_t)sizeof(uint64_t));
    if (!out) goto done;
    uint64_t *h = (uint64_t *)PyBytes_AS_STRING(out);
    const uint32_t *c = cps.buf;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < count; i++) {
        uint64_t acc = 0;
        for (int64_t j = s[i]; j < e[i]; j++) {
            uint32_t cp = c[j];
            acc = acc * base + (uint64_t)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        }
        h[i] = mix64(acc ^ (uint64_t)(e[i] - s[i]));
    }
    Py_END_ALLOW_THREADS
done:
    PyBuffer_Release(&cps);
    PyBuffer_Release(&starts);
    PyBuffer_Release(&ends);
    return out;
}

static PyMethodDef methods[] = {
    {"duplicate_ngram_chars", duplicate_ngram_chars, METH_VARARGS,
     "duplicate_ngram_chars(keys: uint64 buffer, chars: int64 buffer, n) -> characters in repeated n-grams"},
    {"top_ngram", top_ngram, METH_VARARGS,
     "top_ngram(keys: uint64 buffer) -> (count of the most frequent key, position of its first occurrence)"},
    {"token_hashes", token_hashes, METH_VARARGS,
     "token_hashes(cps: uint32 buffer, starts: int64 buffer, ends: int64 buffer, base) -> uint64 hash bytes"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_textstats", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__textstats(void) { return PyModule_Create(&module); }
