#pragma once
// WorkerPool: a fixed set of threads running submitted jobs in arrival order
// (FIFO). The HTTP front (http_server.cpp) hands it complete requests only,
// so a slow or idle client never holds one of its threads.
//
// Thread-safety: submit() may be called from any thread. stop() runs every
// job already submitted, then joins the threads; jobs submitted after stop()
// began are run by the caller of submit() (so a hand-off is never lost).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace talentmatch::api {

class WorkerPool {
  public:
    explicit WorkerPool(std::size_t threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void submit(std::function<void()> job);
    void stop();

  private:
    void run();

    std::mutex mutex_;  // guards jobs_ and stopping_
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;  // last: started after the members above exist
};

}  // namespace talentmatch::api
