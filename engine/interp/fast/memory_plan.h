#pragma once

#include "ir/model.h"

#include <cstdint>
#include <span>
#include <vector>

namespace qgold::interp::fast {

// Where every activation of one inference lives inside a single arena.
// Tensors whose lifetimes overlap never share a byte; the others reuse
// memory, so the arena is about the largest set of simultaneously live
// activations rather than their sum.
struct MemoryPlan {
  static constexpr int64_t kNone = -1;
  static constexpr int64_t kAlignment = 64; // bytes: one cache line, one AVX-512 vector
  std::vector<int64_t> offsets;             // byte offset per tensor; kNone when not planned
  int64_t arena_bytes = 0;
};

// Plans the float32 non-constant tensors that are graph inputs or operator
// outputs. An operator output is live from its producer to its last reader
// (graph outputs: to the end of the run), both ends included, so an
// operator's outputs never overlap its inputs. Graph inputs are live for the
// whole run, so they survive it and a run can be repeated without set_input.
// Placement is greedy by size: largest tensor first, at the lowest aligned
// offset that conflicts with no placed tensor of overlapping lifetime.
MemoryPlan plan_memory(const ir::Model &model, std::span<const int64_t> element_counts);

} // namespace qgold::interp::fast
