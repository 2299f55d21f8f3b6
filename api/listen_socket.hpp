#pragma once
// The server's listening socket: bound to host:port (port 0 = any free port),
// non-blocking, close-on-exec, SO_REUSEADDR, backlog SOMAXCONN; the first
// address of `host` that binds wins (IPv4 or IPv6).
#include <string>

namespace talentmatch::api {

struct ListenSocket {
    int fd = -1;
    int port = 0;  // the bound port (the chosen one when 0 was asked)
};

// Throws std::runtime_error "cannot listen on host:port[: unknown host]".
ListenSocket open_listen_socket(const std::string& host, int port);

}  // namespace talentmatch::api
