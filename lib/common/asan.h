// CXKIT_ASAN is defined when this translation unit is compiled with
// AddressSanitizer (GCC defines __SANITIZE_ADDRESS__, Clang answers
// __has_feature(address_sanitizer)).

#ifndef CXKIT_LIB_COMMON_ASAN_H_
#define CXKIT_LIB_COMMON_ASAN_H_

#if defined(__SANITIZE_ADDRESS__)
#define CXKIT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CXKIT_ASAN 1
#endif
#endif

#endif  // CXKIT_LIB_COMMON_ASAN_H_
