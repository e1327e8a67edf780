#ifndef HERALD_CCURL_SHIM_H
#define HERALD_CCURL_SHIM_H

// Swift cannot call C variadic functions, and curl_easy_setopt, curl_easy_getinfo and
// curl_multi_setopt are variadic macros over variadic functions. Each wrapper below fixes the
// argument type for one family of options, so the Swift side stays typed and no `va_list`
// crosses the boundary.

#include <curl/curl.h>

static inline CURLcode herald_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode herald_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode herald_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode herald_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode herald_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*herald_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode herald_easy_setopt_data_callback(CURL *handle, CURLoption option, herald_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

// CURLOPT_OPENSOCKETFUNCTION: libcurl hands over the resolved address it is about to connect to,
// after DNS and for every redirect hop, which is where Herald's private-network guard must look.
typedef curl_socket_t (*herald_opensocket_callback)(void *context, curlsocktype purpose, struct curl_sockaddr *address);

static inline CURLcode herald_easy_setopt_opensocket_callback(
    CURL *handle, CURLoption option, herald_opensocket_callback value) {
    return curl_easy_setopt(handle, option, value);
}

// CURLOPT_PREREQFUNCTION (libcurl 7.80): called before every request is sent, on a new or a reused
// connection, with the address it is connected to.
typedef int (*herald_prereq_callback)(
    void *context, char *primaryIP, char *localIP, int primaryPort, int localPort);

static inline CURLcode herald_easy_setopt_prereq_callback(CURL *handle, CURLoption option, herald_prereq_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode herald_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode herald_easy_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode herald_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode herald_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode herald_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

#endif
