#pragma once
// An HTTP/1.1 answer written straight to a connection's socket, for the
// answers the HTTP library cannot queue while a request body is being read
// (413 past the body limit, 408 past the deadline, a refusal decided from the
// headers while the client already sends its body; http_server.cpp). The
// answer carries Connection: close and the request id; the write side is shut
// down after it. Never blocks: a client whose receive buffer is full is not
// reading, and gets what fitted.
#include <string>

#include "api/http_types.hpp"

namespace talentmatch::api {

void write_answer_and_close(int fd, const Response& res, const std::string& request_id);

}  // namespace talentmatch::api
