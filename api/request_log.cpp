#include "api/request_log.hpp"

#include <spdlog/spdlog.h>

namespace talentmatch::api {

void log_request(spdlog::logger& logger, const RequestRecord& record, const std::string& key_id) {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(record.latency).count();
    const int status = record.response->status;
    const auto level = status == 503   ? spdlog::level::warn  // not ready yet: expected at start
                       : status >= 500 ? spdlog::level::err
                                       : spdlog::level::info;
    logger.log(level, "request id={} method={} route={} status={} latency_us={} key={}",
               record.request->request_id, record.request->method,
               record.route_pattern.empty() ? "unmatched" : record.route_pattern,
               record.response->status, micros, key_id.empty() ? "-" : key_id);
}

}  // namespace talentmatch::api
