#include "api/metrics.hpp"

#include <sstream>

namespace talentmatch::api {

std::string escape_label(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') {
            out.push_back('\\');
            out.push_back(c);
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

void Metrics::record(const std::string& method, const std::string& route, int status,
                     std::chrono::nanoseconds latency) {
    const std::string label = route.empty() ? "unmatched" : route;
    const double seconds = std::chrono::duration<double>(latency).count();
    std::size_t bucket = 0;
    while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
    std::lock_guard lock(mutex_);
    ++counts_[{method, label, status}];
    auto& h = latency_[{method, label}];
    if (bucket < kBuckets.size()) ++h.buckets[bucket];
    ++h.count;
    h.sum_seconds += seconds;
}

std::string Metrics::render() const {
    std::ostringstream out;
    std::lock_guard lock(mutex_);
    out << "# HELP talentmatch_http_requests_total HTTP requests by method, route pattern and "
           "status.\n# TYPE talentmatch_http_requests_total counter\n";
    for (const auto& [key, count] : counts_) {
        const auto& [method, route, status] = key;
        out << "talentmatch_http_requests_total{method=\"" << method << "\",route=\""
            << escape_label(route) << "\",status=\"" << status << "\"} " << count << "\n";
    }
    out << "# HELP talentmatch_http_request_duration_seconds HTTP request latency by method and "
           "route pattern.\n# TYPE talentmatch_http_request_duration_seconds histogram\n";
    for (const auto& [key, h] : latency_) {
        const std::string labels =
            "method=\"" + key.first + "\",route=\"" + escape_label(key.second) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += h.buckets[i];
            out << "talentmatch_http_request_duration_seconds_bucket{" << labels << ",le=\""
                << kBuckets[i] << "\"} " << cumulative << "\n";
        }
        out << "talentmatch_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} "
            << h.count << "\n";
        out << "talentmatch_http_request_duration_seconds_sum{" << labels << "} " << h.sum_seconds
            << "\n";
        out << "talentmatch_http_request_duration_seconds_count{" << labels << "} " << h.count
            << "\n";
    }
    return out.str();
}

}  // namespace talentmatch::api
