#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static struct {
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_error;
static char load_message[512];

static void *find(void *library, const char *name) {
    void *symbol = dlsym(library, name);
    if (symbol == NULL && load_error == NULL) {
        snprintf(load_message, sizeof load_message, "libcurl lacks %s", name);
        load_error = load_message;
    }
    return symbol;
}

static void load(void) {
    // The soname first: Debian's libcurl4 and most distributions; then the GnuTLS build; then the
    // development link; then macOS.
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", "libcurl.4.dylib"};
    void *library = NULL;
    const char *first_error = NULL;
    for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
        library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL && first_error == NULL) {
            const char *reason = dlerror();
            snprintf(load_message, sizeof load_message, "%s", reason != NULL ? reason : names[index]);
            first_error = load_message;
        }
    }
    if (library == NULL) {
        load_error = first_error;
        return;
    }
    CURLcode (*global_init)(long) = (CURLcode (*)(long))find(library, "curl_global_init");
    curl.easy_init = (CURL * (*)(void)) find(library, "curl_easy_init");
    curl.easy_cleanup = (void (*)(CURL *))find(library, "curl_easy_cleanup");
    curl.easy_reset = (void (*)(CURL *))find(library, "curl_easy_reset");
    curl.easy_perform = (CURLcode (*)(CURL *))find(library, "curl_easy_perform");
    curl.easy_strerror = (const char *(*)(CURLcode))find(library, "curl_easy_strerror");
    curl.easy_setopt = (CURLcode (*)(CURL *, CURLoption, ...))find(library, "curl_easy_setopt");
    curl.easy_getinfo = (CURLcode (*)(CURL *, CURLINFO, ...))find(library, "curl_easy_getinfo");
    curl.slist_append = (struct curl_slist * (*)(struct curl_slist *, const char *)) find(library, "curl_slist_append");
    curl.slist_free_all = (void (*)(struct curl_slist *))find(library, "curl_slist_free_all");
    if (load_error != NULL) return;
    if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        load_error = "libcurl's global initialisation failed";
    }
}

const char *filings_curl_load(void) {
    pthread_once(&load_once, load);
    return load_error;
}

CURL *filings_curl_easy_init(void) { return curl.easy_init(); }
void filings_curl_easy_cleanup(CURL *handle) { curl.easy_cleanup(handle); }
void filings_curl_easy_reset(CURL *handle) { curl.easy_reset(handle); }
CURLcode filings_curl_easy_perform(CURL *handle) { return curl.easy_perform(handle); }
const char *filings_curl_easy_strerror(CURLcode code) { return curl.easy_strerror(code); }

CURLcode filings_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode filings_curl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode filings_curl_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode filings_curl_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback callback) {
    return curl.easy_setopt(handle, option, callback);
}

CURLcode filings_curl_setopt_xferinfo_callback(CURL *handle, curl_xferinfo_callback callback) {
    return curl.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

long filings_curl_getinfo_long(CURL *handle, CURLINFO info) {
    long value = -1;
    if (curl.easy_getinfo(handle, info, &value) != CURLE_OK) return -1;
    return value;
}

struct curl_slist *filings_curl_slist_append(struct curl_slist *list, const char *line) {
    return curl.slist_append(list, line);
}

void filings_curl_slist_free_all(struct curl_slist *list) { curl.slist_free_all(list); }
