#include "api/worker_pool.hpp"

#include <algorithm>

namespace talentmatch::api {

WorkerPool::WorkerPool(std::size_t threads) {
    threads_.reserve(std::max<std::size_t>(1, threads));
    for (std::size_t i = 0; i < std::max<std::size_t>(1, threads); ++i) {
        threads_.emplace_back([this] { run(); });
    }
}

WorkerPool::~WorkerPool() {
    stop();
}

void WorkerPool::submit(std::function<void()> job) {
    bool queued = false;
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            jobs_.push_back(std::move(job));
            queued = true;
        }
    }
    if (!queued) {
        job();
        return;
    }
    wake_.notify_one();  // after unlocking: the woken worker does not block on mutex_
}

void WorkerPool::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
}

void WorkerPool::run() {
    while (true) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;  // stopping, and every job ran
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        job();
    }
}

}  // namespace talentmatch::api
