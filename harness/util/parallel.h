#pragma once

// Runs independent work items on a few threads; callers store results by
// index, so output order never depends on scheduling.

#include <cstddef>
#include <functional>

namespace qgold::harness {

// Calls work(i) for every i < count on min(jobs, count) threads (jobs 0 = all
// cores). `work` must not throw.
void parallel_for(size_t count, unsigned jobs, const std::function<void(size_t)> &work);

} // namespace qgold::harness
