// libcurl's easy interface, loaded with dlopen on the first request instead of linked.
//
// Linking libcurl (as FoundationNetworking does) makes every start of filings load it and the
// thirty libraries it needs (TLS, Kerberos, LDAP, SSH...), about 6 ms, even for commands that
// never fetch. These wrappers call through pointers found by `filings_curl_load`; they exist in C
// because curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.
#ifndef FILINGS_CCURL_H
#define FILINGS_CCURL_H

#include <curl/curl.h>

/// Loads libcurl and runs its global set-up, once per process, from any thread.
/// Returns NULL on success, or a message saying which library could not be loaded and why.
const char *filings_curl_load(void);

/// The following must only be called after `filings_curl_load` returned NULL.
CURL *filings_curl_easy_init(void);
void filings_curl_easy_cleanup(CURL *handle);
void filings_curl_easy_reset(CURL *handle);
CURLcode filings_curl_easy_perform(CURL *handle);
const char *filings_curl_easy_strerror(CURLcode code);

CURLcode filings_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode filings_curl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value);
/// For string, list and user-data options.
CURLcode filings_curl_setopt_pointer(CURL *handle, CURLoption option, const void *value);
/// For CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
CURLcode filings_curl_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback callback);
CURLcode filings_curl_setopt_xferinfo_callback(CURL *handle, curl_xferinfo_callback callback);

/// A long-valued CURLINFO, or -1 when libcurl cannot say.
long filings_curl_getinfo_long(CURL *handle, CURLINFO info);

struct curl_slist *filings_curl_slist_append(struct curl_slist *list, const char *line);
void filings_curl_slist_free_all(struct curl_slist *list);

#endif
