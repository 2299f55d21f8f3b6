#pragma once
// One structured line per request, through spdlog:
//   request id=<id> method=GET route=/v1/jobs/{id} status=200 latency_us=412 key=k_ab12..
// The route is the pattern, never the concrete path or query (ids of
// graduates are personal data and stay out of logs); bodies are never logged.
#include <memory>
#include <string>

#include <spdlog/logger.h>

#include "api/http_server.hpp"

namespace talentmatch::api {

// Logs `record` at info (5xx at error) on `logger`; `key_id` may be "".
void log_request(spdlog::logger& logger, const RequestRecord& record, const std::string& key_id);

}  // namespace talentmatch::api
