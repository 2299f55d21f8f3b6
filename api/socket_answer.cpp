#include "api/socket_answer.hpp"

#include <sys/socket.h>

#include "api/problem.hpp"

namespace talentmatch::api {

void write_answer_and_close(int fd, const Response& res, const std::string& request_id) {
    std::string text = "HTTP/1.1 " + std::to_string(res.status) + " " + status_title(res.status) +
                       "\r\nContent-Type: " + res.content_type +
                       "\r\nContent-Length: " + std::to_string(res.body.size()) +
                       "\r\nConnection: close\r\nX-Request-Id: " + request_id + "\r\n";
    for (const auto& [key, value] : res.headers) text += key + ": " + value + "\r\n";
    text += "\r\n" + res.body;
    std::size_t sent = 0;
    while (sent < text.size()) {
        const ssize_t n =
            ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n <= 0) break;  // a full send buffer: the client is not reading anyway
        sent += static_cast<std::size_t>(n);
    }
    ::shutdown(fd, SHUT_WR);
}

}  // namespace talentmatch::api
