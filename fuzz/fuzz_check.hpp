#pragma once
// FUZZ_CHECK(cond, what): a property every fuzz target asserts. A failure
// prints `what` and aborts, which libFuzzer records as a finding (crash-*
// file) exactly like a sanitizer report.
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond, what)                                                                 \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", what, __FILE__, __LINE__); \
            std::abort();                                                                      \
        }                                                                                      \
    } while (0)
