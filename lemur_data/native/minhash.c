/* Native MinHash kernel of the dedup stage: tokenize, shingle, hash and permute in one pass per document.
 *
 * The Python side (lemur_data/minhash.py) owns the definitions; this file is their fast implementation and is
 * tested bit for bit against them and against datasketch's MinHash:
 *   tokens    maximal runs of identifier characters: ASCII [A-Za-z0-9_] and every non-ASCII code point outside
 *             the punctuation / symbol ranges listed in `is_separator` (text is lowercased by the caller);
 *   shingle   n consecutive tokens joined by one space, as UTF-8 bytes;
 *   hash      xxh32 (seed 0) or datasketch's sha1_hash32 (first 4 digest bytes, little endian);
 *   permute   datasketch 2.x "affine32": h' = fmix32(h); a_k * h' + b_k mod 2^32; signature_k = min over shingles.
 * A document with fewer than n tokens has no shingles and keeps the all-0xFFFFFFFF signature of an empty set.
 *
 * normalised_contents: the exact key's normalisation (lemur_data/stages/dedup/sketch.py, `exact_key`, defines it)
 * on UTF-8 bytes: every line's trailing whitespace (str.isspace) removed, leading / trailing newlines dropped.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { HASH_XXH32 = 0, HASH_SHA1 = 1 };

/* ---------------------------------------------------------------- xxh32 (from the xxHash specification) -- */
#define P32_1 0x9E3779B1U
#define P32_2 0x85EBCA77U
#define P32_3 0xC2B2AE3DU
#define P32_4 0x27D4EB2FU
#define P32_5 0x165667B1U

static inline uint32_t rotl32(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }
static inline uint32_t read32le(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint32_t xxh_round(uint32_t acc, uint32_t in) { return rotl32(acc + in * P32_2, 13) * P32_1; }

static uint32_t xxh32(const uint8_t *p, size_t len, uint32_t seed) {
    const uint8_t *end = p + len;
    uint32_t h;
    if (len >= 16) {
        uint32_t v1 = seed + P32_1 + P32_2, v2 = seed + P32_2, v3 = seed, v4 = seed - P32_1;
        const uint8_t *limit = end - 16;
        do {
            v1 = xxh_round(v1, read32le(p)); v2 = xxh_round(v2, read32le(p + 4));
            v3 = xxh_round(v3, read32le(p + 8)); v4 = xxh_round(v4, read32le(p + 12));
            p += 16;
        } while (p <= limit);
        h = rotl32(v1, 1) + rotl32(v2, 7) + rotl32(v3, 12) + rotl32(v4, 18);
    } else {
        h = seed + P32_5;
    }
    h += (uint32_t)len;
    while (p + 4 <= end) { h = rotl32(h + read32le(p) * P32_3, 17) * P32_4; p += 4; }
    while (p < end) { h = rotl32(h + (*p) * P32_5, 11) * P32_1; p++; }
    h ^= h >> 15; h *= P32_2; h ^= h >> 13; h *= P32_3; h ^= h >> 16;
    return h;
}

/* ------------------------------------------------------------------------------- sha1 (FIPS 180-4) -- */
static void sha1_block(uint32_t st[5], const uint8_t *blk) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = ((uint32_t)blk[4 * i] << 24) | ((uint32_t)blk[4 * i + 1] << 16) | ((uint32_t)blk[4 * i + 2] << 8) | blk[4 * i + 3];
    for (int i = 16; i < 80; i++) w[i] = rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) { f = (b & c) | (~b & d); k = 0x5A827999U; }
        else if (i < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1U; }
        else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDCU; }
        else { f = b ^ c ^ d; k = 0xCA62C1D6U; }
        uint32_t t = rotl32(a, 5) + f + e + k + w[i];
        e = d; d = c; c = rotl32(b, 30); b = a; a = t;
    }
    st[0] += a; st[1] += b; st[2] += c; st[3] += d; st[4] += e;
}

/* datasketch.hashfunc.sha1_hash32: struct.unpack("<I", sha1(data).digest()[:4]). */
static uint32_t sha1_hash32(const uint8_t *p, size_t len) {
    uint32_t st[5] = {0x67452301U, 0xEFCDAB89U, 0x98BADCFEU, 0x10325476U, 0xC3D2E1F0U};
    size_t full = len & ~(size_t)63;
    for (size_t i = 0; i < full; i += 64) sha1_block(st, p + i);
    uint8_t tail[128] = {0};
    size_t rem = len - full;
    memcpy(tail, p + full, rem);
    tail[rem] = 0x80;
    size_t tail_len = rem + 9 <= 64 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++) tail[tail_len - 1 - i] = (uint8_t)(bits >> (8 * i));
    sha1_block(st, tail);
    if (tail_len == 128) sha1_block(st, tail + 64);
    uint32_t h0 = st[0];
    return (h0 >> 24) | ((h0 >> 8) & 0xFF00U) | ((h0 << 8) & 0xFF0000U) | (h0 << 24);
}

static inline uint32_t fmix32(uint32_t h) {
    h ^= h >> 16; h *= 0x85EBCA6BU; h ^= h >> 13; h *= 0xC2B2AE35U; h ^= h >> 16;
    return h;
}

/* ------------------------------------------------------------------------------------- tokenizer -- */
/* NOTE: keep in sync with minhash.SEPARATOR_RANGES (the Python reference the tests compare against). */
static inline int is_separator(uint32_t cp) {
    return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
           (cp >= 0xFFF0 && cp <= 0xFFFF);
}

static const uint8_t ASCII_WORD[128] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['_'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* Length of the UTF-8 sequence at p (1 for a stray byte) and its code point. */
static inline size_t utf8_next(const uint8_t *p, const uint8_t *end, uint32_t *cp) {
    uint8_t c = p[0];
    if (c < 0x80) { *cp = c; return 1; }
    if ((c & 0xE0) == 0xC0 && p + 1 < end) { *cp = ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3F); return 2; }
    if ((c & 0xF0) == 0xE0 && p + 2 < end) {
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F); return 3;
    }
    if ((c & 0xF8) == 0xF0 && p + 3 < end) {
        *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
              (p[3] & 0x3F);
        return 4;
    }
    *cp = 0xFFFD;
    return 1;
}

typedef struct {
    uint32_t *starts; size_t starts_cap; /* start of token i in `joined` */
    uint8_t *joined; size_t joined_cap;  /* the tokens joined by one space: shingle i is one slice of it */
    uint32_t *hashes; size_t hash_cap;   /* unique fmixed 32-bit hashes of one document */
    uint64_t *set; size_t set_cap;       /* open-addressing set of (hash + 1), 0 = empty */
} Scratch;

static int grow(void **buf, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return 0;
    size_t cap2 = *cap ? *cap : 256;
    while (cap2 < need) cap2 *= 2;
    void *p = realloc(*buf, cap2 * elem);
    if (!p) return -1;
    *buf = p; *cap = cap2;
    return 0;
}

static void scratch_free(Scratch *s) { free(s->starts); free(s->joined); free(s->hashes); free(s->set); }

/* Tokens of one document into s->joined / s->starts (plus an end sentinel); returns the count or -1 (memory). */
static long tokenize(const uint8_t *text, size_t len, Scratch *s) {
    /* joined never exceeds len + 1 bytes: each token is followed by at most one space */
    if (grow((void **)&s->joined, &s->joined_cap, len + 2, 1)) return -1;
    const uint8_t *p = text, *end = text + len;
    uint8_t *out = s->joined;
    size_t n = 0;
    int in_word = 0;
    while (p < end) {
        uint32_t cp;
        size_t step = 1;
        int word;
        if (*p < 0x80) word = ASCII_WORD[*p];
        else { step = utf8_next(p, end, &cp); word = !is_separator(cp); }
        if (word) {
            if (!in_word) {
                if (grow((void **)&s->starts, &s->starts_cap, n + 2, sizeof(uint32_t))) return -1;
                s->starts[n++] = (uint32_t)(out - s->joined);
                in_word = 1;
            }
            memcpy(out, p, step);
            out += step;
        } else if (in_word) {
            *out++ = ' ';
            in_word = 0;
        }
        p += step;
    }
    if (in_word) *out++ = ' ';
    if (n) s->starts[n] = (uint32_t)(out - s->joined); /* sentinel: one past the last token's space */
    return (long)n;
}

/* Shingle i = tokens i..i+ngram-1: the slice of `joined` up to (not including) the space after the last one. */
static inline size_t shingle_len(const Scratch *s, size_t i, int ngram) {
    return s->starts[i + ngram] - s->starts[i] - 1;
}

/* Unique fmixed shingle hashes of one document into s->hashes; returns their count or -1. */
static long unique_hashes(const uint8_t *text, size_t len, int ngram, int hash_kind, Scratch *s) {
    long ntok = tokenize(text, len, s);
    if (ntok < 0) return -1;
    if (ntok < ngram) return 0;
    size_t nsh = (size_t)ntok - ngram + 1, cap = 64;
    while (cap < 2 * nsh) cap *= 2;
    if (grow((void **)&s->set, &s->set_cap, cap, sizeof(uint64_t))) return -1;
    if (grow((void **)&s->hashes, &s->hash_cap, nsh, sizeof(uint32_t))) return -1;
    memset(s->set, 0, cap * sizeof(uint64_t));
    size_t m = 0, mask = cap - 1;
    for (size_t i = 0; i < nsh; i++) {
        const uint8_t *sh = s->joined + s->starts[i];
        size_t sl = shingle_len(s, i, ngram);
        uint32_t h = hash_kind == HASH_SHA1 ? sha1_hash32(sh, sl) : xxh32(sh, sl, 0);
        uint64_t key = (uint64_t)h + 1;
        size_t slot = fmix32(h) & mask;
        while (s->set[slot] && s->set[slot] != key) slot = (slot + 1) & mask;
        if (!s->set[slot]) { s->set[slot] = key; s->hashes[m++] = fmix32(h); }
    }
    return (long)m;
}

__attribute__((target_clones("avx2", "default")))
static void permute_min(const uint32_t *hashes, size_t m, const uint32_t *a, const uint32_t *b, uint32_t *sig,
                        size_t nperm) {
    for (size_t k = 0; k < nperm; k++) sig[k] = 0xFFFFFFFFU;
    for (size_t j = 0; j < m; j++) {
        const uint32_t h = hashes[j];
        for (size_t k = 0; k < nperm; k++) {
            uint32_t v = a[k] * h + b[k];
            sig[k] = v < sig[k] ? v : sig[k];
        }
    }
}

/* ------------------------------------------------------------------------------------- Python API -- */
typedef struct { Py_buffer view; int held; } Buf;

static int get_buf(PyObject *obj, Buf *b, int writable, const char *what) {
    if (PyObject_GetBuffer(obj, &b->view, writable ? (PyBUF_SIMPLE | PyBUF_WRITABLE) : PyBUF_SIMPLE) < 0) {
        PyErr_Format(PyExc_TypeError, "%s: expected a %sbuffer", what, writable ? "writable " : "");
        return -1;
    }
    b->held = 1;
    return 0;
}

static void release(Buf *bufs, int n) {
    for (int i = 0; i < n; i++) if (bufs[i].held) PyBuffer_Release(&bufs[i].view);
}

/* NOTE: every entry point that takes Arrow-style offsets checks them here before reading through them: n + 1
   int64 entries (n >= 0), non-decreasing, inside data_len bytes, each item a whole multiple of `unit` bytes. */
static int offsets_fit(const Py_buffer *offsets, Py_ssize_t n, Py_ssize_t data_len, int64_t unit) {
    if (n < 0 || offsets->len != (n + 1) * (Py_ssize_t)sizeof(int64_t)) return 0;
    const int64_t *o = offsets->buf;
    if (o[0] < 0 || o[n] > data_len) return 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (o[i + 1] < o[i] || (o[i + 1] - o[i]) % unit) return 0;
    }
    return 1;
}

PyDoc_STRVAR(signatures_doc,
"signatures(offsets, data, a, b, ngram, hash_kind, out_sig, out_shingles)\n\n"
"MinHash signatures of n documents stored Arrow-style: int64 `offsets` (n+1) into UTF-8 `data`.\n"
"`a`, `b`: uint32 permutation parameters (P each); writes uint32 out_sig[n*P] and int64 out_shingles[n]\n"
"(unique shingle count). hash_kind 0 = xxh32, 1 = sha1_hash32.");

static PyObject *py_signatures(PyObject *self, PyObject *args) {
    PyObject *o_off, *o_data, *o_a, *o_b, *o_sig, *o_cnt;
    int ngram, hash_kind;
    if (!PyArg_ParseTuple(args, "OOOOiiOO", &o_off, &o_data, &o_a, &o_b, &ngram, &hash_kind, &o_sig, &o_cnt))
        return NULL;
    if (ngram < 1) { PyErr_SetString(PyExc_ValueError, "ngram must be >= 1"); return NULL; }
    Buf bufs[6] = {{0}};
    if (get_buf(o_off, &bufs[0], 0, "offsets") || get_buf(o_data, &bufs[1], 0, "data") ||
        get_buf(o_a, &bufs[2], 0, "a") || get_buf(o_b, &bufs[3], 0, "b") ||
        get_buf(o_sig, &bufs[4], 1, "out_sig") || get_buf(o_cnt, &bufs[5], 1, "out_shingles")) {
        release(bufs, 6);
        return NULL;
    }
    size_t n = bufs[0].view.len / 8;
    n = n ? n - 1 : 0;
    size_t nperm = bufs[2].view.len / 4;
    if (bufs[3].view.len / 4 != (Py_ssize_t)nperm || bufs[4].view.len / 4 < (Py_ssize_t)(n * nperm) ||
        bufs[5].view.len / 8 < (Py_ssize_t)n) {
        release(bufs, 6);
        PyErr_SetString(PyExc_ValueError, "buffer sizes do not match (offsets n+1, a = b = P, out_sig n*P, out n)");
        return NULL;
    }
    if (bufs[0].view.len && !offsets_fit(&bufs[0].view, (Py_ssize_t)n, bufs[1].view.len, 1)) {
        release(bufs, 6);
        PyErr_SetString(PyExc_ValueError, "offsets must be n + 1 non-decreasing int64 offsets inside the data");
        return NULL;
    }
    const int64_t *off = bufs[0].view.buf;
    const uint8_t *data = bufs[1].view.buf;
    int failed = 0;
    Scratch s = {0};
    Py_BEGIN_ALLOW_THREADS
    for (size_t i = 0; i < n && !failed; i++) {
        long m = unique_hashes(data + off[i], (size_t)(off[i + 1] - off[i]), ngram, hash_kind, &s);
        if (m < 0) { failed = 1; break; }
        permute_min(s.hashes, (size_t)m, bufs[2].view.buf, bufs[3].view.buf,
                    (uint32_t *)bufs[4].view.buf + i * nperm, nperm);
        ((int64_t *)bufs[5].view.buf)[i] = m;
    }
    Py_END_ALLOW_THREADS
    scratch_free(&s);
    release(bufs, 6);
    if (failed) return PyErr_NoMemory();
    Py_RETURN_NONE;
}

/* Shingle i's 64-bit set hash: two xxh32 with different seeds. */
static inline uint64_t shingle_hash64(const Scratch *s, size_t i, int ngram) {
    const uint8_t *sh = s->joined + s->starts[i];
    size_t sl = shingle_len(s, i, ngram);
    return ((uint64_t)xxh32(sh, sl, 0) << 32) | xxh32(sh, sl, 0x9E3779B9U);
}

/* Sorts v[0..n) ascending (LSD radix, 8-bit digits, all histograms in one read; a pass whose digit is the same for
 * every value is skipped) with tmp as scratch of n values; returns the buffer that holds the result (v or tmp). */
static uint64_t *radix_sort64(uint64_t *v, uint64_t *tmp, size_t n) {
    size_t count[8][256];
    memset(count, 0, sizeof(count));
    for (size_t i = 0; i < n; i++)
        for (int d = 0; d < 8; d++) count[d][(v[i] >> (8 * d)) & 0xFF]++;
    for (int d = 0; d < 8; d++) {
        if (n == 0 || count[d][(v[0] >> (8 * d)) & 0xFF] == n) continue;
        size_t sum = 0;
        for (int k = 0; k < 256; k++) { size_t c = count[d][k]; count[d][k] = sum; sum += c; }
        for (size_t i = 0; i < n; i++) tmp[count[d][(v[i] >> (8 * d)) & 0xFF]++] = v[i];
        uint64_t *t = v; v = tmp; tmp = t;
    }
    return v;
}

typedef struct { uint64_t *a; size_t a_cap; uint64_t *b; size_t b_cap; } SortScratch;

/* The document's distinct shingle hashes, ascending, at *out (inside w); returns their count or -1 (memory). */
static long sorted_shingle_set(const uint8_t *text, size_t len, int ngram, Scratch *s, SortScratch *w,
                               const uint64_t **out) {
    long ntok = tokenize(text, len, s);
    if (ntok < 0) return -1;
    size_t nsh = ntok >= ngram ? (size_t)(ntok - ngram + 1) : 0;
    if (grow((void **)&w->a, &w->a_cap, nsh + 1, sizeof(uint64_t)) ||
        grow((void **)&w->b, &w->b_cap, nsh + 1, sizeof(uint64_t))) return -1;
    for (size_t i = 0; i < nsh; i++) w->a[i] = shingle_hash64(s, i, ngram);
    uint64_t *v = nsh > 64 ? radix_sort64(w->a, w->b, nsh) : w->a;
    if (nsh <= 64) { /* small sets: insertion sort beats eight radix passes */
        for (size_t i = 1; i < nsh; i++) {
            uint64_t x = v[i]; size_t j = i;
            while (j > 0 && v[j - 1] > x) { v[j] = v[j - 1]; j--; }
            v[j] = x;
        }
    }
    size_t m = 0;
    for (size_t i = 0; i < nsh; i++) if (m == 0 || v[i] != v[m - 1]) v[m++] = v[i];
    *out = v;
    return (long)m;
}

PyDoc_STRVAR(shingle_sets_doc,
"shingle_sets(offsets, data, ngram) -> (offsets bytes, data bytes)\n\n"
"Each of n documents (int64 `offsets` (n+1) into UTF-8 `data`, as `signatures` takes them) as its distinct\n"
"shingles' 64-bit hashes (two xxh32 with different seeds), sorted ascending, native-endian uint64: returned\n"
"Arrow-style, int64 byte offsets (n+1) into the concatenated sets. For exact Jaccard checks of candidate pairs.");

static PyObject *py_shingle_sets(PyObject *self, PyObject *args) {
    PyObject *o_off, *o_data;
    int ngram;
    if (!PyArg_ParseTuple(args, "OOi", &o_off, &o_data, &ngram)) return NULL;
    if (ngram < 1) { PyErr_SetString(PyExc_ValueError, "ngram must be >= 1"); return NULL; }
    Buf bufs[2] = {{0}};
    if (get_buf(o_off, &bufs[0], 0, "offsets") || get_buf(o_data, &bufs[1], 0, "data")) {
        release(bufs, 2);
        return NULL;
    }
    Py_ssize_t n = bufs[0].view.len / (Py_ssize_t)sizeof(int64_t) - 1;
    const int64_t *off = bufs[0].view.buf;
    if (!offsets_fit(&bufs[0].view, n, bufs[1].view.len, 1)) {
        release(bufs, 2);
        PyErr_SetString(PyExc_ValueError, "offsets must be n + 1 non-decreasing int64 offsets inside the data");
        return NULL;
    }
    const uint8_t *data = bufs[1].view.buf;
    int64_t *out_off = malloc((size_t)(n + 1) * sizeof(int64_t));
    uint64_t *out = NULL;
    size_t out_cap = 0, used = 0;
    int failed = out_off == NULL;
    Scratch s = {0};
    SortScratch w = {0};
    Py_BEGIN_ALLOW_THREADS
    if (!failed) out_off[0] = 0;
    for (Py_ssize_t i = 0; i < n && !failed; i++) {
        const uint64_t *set;
        long m = sorted_shingle_set(data + off[i], (size_t)(off[i + 1] - off[i]), ngram, &s, &w, &set);
        if (m < 0 || grow((void **)&out, &out_cap, used + (size_t)m + 1, sizeof(uint64_t))) { failed = 1; break; }
        memcpy(out + used, set, (size_t)m * sizeof(uint64_t));
        used += (size_t)m;
        out_off[i + 1] = (int64_t)(used * sizeof(uint64_t));
    }
    Py_END_ALLOW_THREADS
    scratch_free(&s);
    free(w.a);
    free(w.b);
    release(bufs, 2);
    PyObject *result = NULL;
    if (failed) PyErr_NoMemory();
    else result = Py_BuildValue("y#y#", (const char *)out_off, (Py_ssize_t)((n + 1) * sizeof(int64_t)),
                                (const char *)(out ? (void *)out : (void *)""), (Py_ssize_t)(used * sizeof(uint64_t)));
    free(out_off);
    free(out);
    return result;
}

PyDoc_STRVAR(jaccards_doc,
"jaccards(offsets_a, data_a, offsets_b, data_b, out)\n\n"
"Exact Jaccard of n pairs of sets as `shingle_sets` returns them (sorted distinct uint64; int64 byte offsets,\n"
"n+1 each): writes float64 out[n]; two empty sets have Jaccard 1.");

static PyObject *py_jaccards(PyObject *self, PyObject *args) {
    PyObject *o[5];
    if (!PyArg_ParseTuple(args, "OOOOO", &o[0], &o[1], &o[2], &o[3], &o[4])) return NULL;
    Buf bufs[5] = {{0}};
    const char *names[5] = {"offsets_a", "data_a", "offsets_b", "data_b", "out"};
    for (int i = 0; i < 5; i++) {
        if (get_buf(o[i], &bufs[i], i == 4, names[i])) { release(bufs, 5); return NULL; }
    }
    Py_ssize_t n = bufs[4].view.len / (Py_ssize_t)sizeof(double);
    const int64_t *oa = bufs[0].view.buf, *ob = bufs[2].view.buf;
    if (!offsets_fit(&bufs[0].view, n, bufs[1].view.len, sizeof(uint64_t)) ||
        !offsets_fit(&bufs[2].view, n, bufs[3].view.len, sizeof(uint64_t))) {
        release(bufs, 5);
        PyErr_SetString(PyExc_ValueError, "offsets must be n + 1 non-decreasing int64 byte offsets of uint64 sets");
        return NULL;
    }
    const uint8_t *da = bufs[1].view.buf, *db = bufs[3].view.buf;
    double *out = bufs[4].view.buf;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++) {
        const uint64_t *a = (const uint64_t *)(da + oa[i]), *b = (const uint64_t *)(db + ob[i]);
        size_t na = (size_t)(oa[i + 1] - oa[i]) / 8, nb = (size_t)(ob[i + 1] - ob[i]) / 8, x = 0, y = 0, inter = 0;
        while (x < na && y < nb) {
            if (a[x] < b[y]) x++;
            else if (a[x] > b[y]) y++;
            else { inter++; x++; y++; }
        }
        out[i] = na + nb == 0 ? 1.0 : (double)inter / (double)(na + nb - inter);
    }
    Py_END_ALLOW_THREADS
    release(bufs, 5);
    Py_RETURN_NONE;
}

static PyObject *py_xxh32(PyObject *self, PyObject *args) {
    Py_buffer data;
    unsigned int seed = 0;
    if (!PyArg_ParseTuple(args, "y*|I", &data, &seed)) return NULL;
    uint32_t h = xxh32(data.buf, (size_t)data.len, seed);
    PyBuffer_Release(&data);
    return PyLong_FromUnsignedLong(h);
}

static PyObject *py_sha1_hash32(PyObject *self, PyObject *args) {
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "y*", &data)) return NULL;
    uint32_t h = sha1_hash32(data.buf, (size_t)data.len);
    PyBuffer_Release(&data);
    return PyLong_FromUnsignedLong(h);
}

/* ------------------------------------------------------------------- exact-key normalisation -- */
/* Length of the whitespace code point (str.isspace) that ends at p[end - 1], or 0: ASCII \t \n \v \f \r, 0x1C-0x1F
 * and space; U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. */
static size_t trailing_space(const uint8_t *p, size_t start, size_t end) {
    uint8_t c = p[end - 1];
    if (c < 0x80) return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) ? 1 : 0;
    if (end - start >= 2 && p[end - 2] == 0xC2 && (c == 0x85 || c == 0xA0)) return 2;
    if (end - start >= 3) {
        uint8_t a = p[end - 3], b = p[end - 2];
        if (a == 0xE1 && b == 0x9A && c == 0x80) return 3;
        if (a == 0xE2 && b == 0x80 && ((c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF)) return 3;
        if (a == 0xE2 && b == 0x81 && c == 0x9F) return 3;
        if (a == 0xE3 && b == 0x80 && c == 0x80) return 3;
    }
    return 0;
}

/* One document: lines without trailing whitespace, joined by '\n', leading / trailing '\n' dropped; returns the
 * bytes written at out (never more than len). */
static size_t normalise(const uint8_t *p, size_t len, uint8_t *out) {
    size_t w = 0, line = 0;
    while (line <= len) {
        const uint8_t *nl = memchr(p + line, '\n', len - line);
        size_t end = nl ? (size_t)(nl - p) : len, stop = end, k;
        while (stop > line && (k = trailing_space(p, line, stop)) > 0) stop -= k;
        memcpy(out + w, p + line, stop - line);
        w += stop - line;
        if (!nl) break;
        out[w++] = '\n';
        line = end + 1;
    }
    size_t a = 0, b = w;
    while (a < b && out[a] == '\n') a++;
    while (b > a && out[b - 1] == '\n') b--;
    memmove(out, out + a, b - a);
    return b - a;
}

static PyObject *py_normalised_contents(PyObject *self, PyObject *args) {
    Py_buffer off, data;
    if (!PyArg_ParseTuple(args, "y*y*", &off, &data)) return NULL;
    Py_ssize_t n = off.len / (Py_ssize_t)sizeof(int64_t) - 1;
    const int64_t *o = off.buf;
    PyObject *result = NULL, *out_off = NULL, *out_data = NULL;
    if (!offsets_fit(&off, n, data.len, 1)) {
        PyErr_SetString(PyExc_ValueError, "offsets must be n + 1 non-decreasing int64 offsets inside the data");
        goto done;
    }
    out_off = PyBytes_FromStringAndSize(NULL, (n + 1) * (Py_ssize_t)sizeof(int64_t));
    out_data = PyBytes_FromStringAndSize(NULL, o[n] - o[0]);
    if (!out_off || !out_data) goto done;
    int64_t *oo = (int64_t *)PyBytes_AS_STRING(out_off);
    uint8_t *od = (uint8_t *)PyBytes_AS_STRING(out_data);
    const uint8_t *d = data.buf;
    Py_BEGIN_ALLOW_THREADS
    int64_t w = 0;
    oo[0] = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        w += (int64_t)normalise(d + o[i], (size_t)(o[i + 1] - o[i]), od + w);
        oo[i + 1] = w;
    }
    Py_END_ALLOW_THREADS
    result = Py_BuildValue("OO", out_off, out_data);
done:
    Py_XDECREF(out_off);
    Py_XDECREF(out_data);
    PyBuffer_Release(&off);
    PyBuffer_Release(&data);
    return result;
}

static PyMethodDef methods[] = {
    {"signatures", py_signatures, METH_VARARGS, signatures_doc},
    {"shingle_sets", py_shingle_sets, METH_VARARGS, shingle_sets_doc},
    {"jaccards", py_jaccards, METH_VARARGS, jaccards_doc},
    {"normalised_contents", py_normalised_contents, METH_VARARGS,
     "normalised_contents(offsets: int64 buffer, data: UTF-8 buffer) -> (int64 offsets bytes, data bytes)"},
    {"xxh32", py_xxh32, METH_VARARGS, "xxh32(data, seed=0) -> int (the kernel's shingle hash)"},
    {"sha1_hash32", py_sha1_hash32, METH_VARARGS, "sha1_hash32(data) -> int (datasketch's default hash)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_minhash", "Native MinHash kernel of the dedup stage.",
                                    -1, methods};

PyMODINIT_FUNC PyInit__minhash(void) { return PyModule_Create(&module); }
