#include "harness/util/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace qgold::harness {

void parallel_for(size_t count, unsigned jobs, const std::function<void(size_t)> &work) {
  if (jobs == 0)
    jobs = std::max(1u, std::thread::hardware_concurrency());
  size_t threads = std::min<size_t>(jobs, count);
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i)
      work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::jthread> pool;
  for (size_t t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++)
        work(i);
    });
}

} // namespace qgold::harness
