#pragma once
// Request metrics in the Prometheus text format (version 0.0.4):
//   talentmatch_http_requests_total{method,route,status}            counter
//   talentmatch_http_request_duration_seconds{method,route}         histogram
// `route` is the route pattern ("/v1/jobs/{id}"), never the concrete path, so
// label cardinality stays bounded and no ids (personal data) leak; unrouted
// requests are labelled "unmatched".
//
// Thread-safety: record() and render() may be called from any thread; one
// mutex guards the maps (the critical section is a few increments).
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace talentmatch::api {

class Metrics {
  public:
    // Upper bounds of the latency buckets, in seconds (+Inf is implied).
    static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

    void record(const std::string& method, const std::string& route, int status,
                std::chrono::nanoseconds latency);
    // The request series, ready to be followed by other gauges.
    std::string render() const;

  private:
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};  // non-cumulative
        std::uint64_t count = 0;
        double sum_seconds = 0;
    };
    mutable std::mutex mutex_;  // guards counts_ and latency_
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> counts_;
    std::map<std::pair<std::string, std::string>, Histogram> latency_;
};

// Escapes a label value for the text format (backslash, quote, newline).
std::string escape_label(const std::string& value);

}  // namespace talentmatch::api
