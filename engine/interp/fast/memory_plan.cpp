#include "interp/fast/memory_plan.h"

#include <algorithm>

namespace qgold::interp::fast {
namespace {

struct Lifetime {
  int64_t first = 0, last = -1; // operator indices; graph inputs start at -1
  bool overlaps(const Lifetime &other) const { return first <= other.last && other.first <= last; }
};

int64_t aligned(int64_t bytes) {
  return (bytes + MemoryPlan::kAlignment - 1) / MemoryPlan::kAlignment * MemoryPlan::kAlignment;
}

} // namespace

MemoryPlan plan_memory(const ir::Model &model, std::span<const int64_t> element_counts) {
  const size_t count = model.tensors.size();
  const auto end = static_cast<int64_t>(model.operators.size());
  std::vector<Lifetime> lifetimes(count);
  std::vector<bool> planned(count, false);
  auto plannable = [&](int32_t t) {
    const ir::Tensor &tensor = model.tensors[static_cast<size_t>(t)];
    return ir::dtype_size(tensor.dtype) > 0 && !tensor.is_constant();
  };
  for (int32_t t : model.inputs)
    if (plannable(t)) {
      planned[static_cast<size_t>(t)] = true;
      lifetimes[static_cast<size_t>(t)] = {-1, end}; // kept, so a run can be repeated
    }
  for (int64_t op = 0; op < end; ++op)
    for (int32_t t : model.operators[static_cast<size_t>(op)].outputs)
      if (plannable(t) && !planned[static_cast<size_t>(t)]) {
        planned[static_cast<size_t>(t)] = true;
        lifetimes[static_cast<size_t>(t)] = {op, op};
      }
  for (int64_t op = 0; op < end; ++op)
    for (int32_t t : model.operators[static_cast<size_t>(op)].inputs)
      if (t >= 0 && planned[static_cast<size_t>(t)])
        lifetimes[static_cast<size_t>(t)].last =
            std::max(lifetimes[static_cast<size_t>(t)].last, op);
  for (int32_t t : model.outputs)
    if (planned[static_cast<size_t>(t)])
      lifetimes[static_cast<size_t>(t)].last = end;

  std::vector<int32_t> order;
  for (size_t t = 0; t < count; ++t)
    if (planned[t])
      order.push_back(static_cast<int32_t>(t));
  auto bytes = [&](int32_t t) {
    const auto size = static_cast<int64_t>(ir::dtype_size(model.tensors[static_cast<size_t>(t)].dtype));
    return aligned(element_counts[static_cast<size_t>(t)] * size);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](int32_t a, int32_t b) { return bytes(a) > bytes(b); });

  MemoryPlan plan;
  plan.offsets.assign(count, MemoryPlan::kNone);
  std::vector<int32_t> placed; // kept sorted by offset
  for (int32_t t : order) {
    const Lifetime &life = lifetimes[static_cast<size_t>(t)];
    const int64_t size = bytes(t);
    int64_t offset = 0;
    for (int32_t other : placed) {
      if (!life.overlaps(lifetimes[static_cast<size_t>(other)]))
        continue;
      const int64_t other_offset = plan.offsets[static_cast<size_t>(other)];
      if (other_offset >= offset + size)
        break; // the gap before `other` fits
      offset = std::max(offset, other_offset + bytes(other));
    }
    plan.offsets[static_cast<size_t>(t)] = offset;
    plan.arena_bytes = std::max(plan.arena_bytes, offset + size);
    placed.insert(std::upper_bound(placed.begin(), placed.end(), t,
                                   [&](int32_t a, int32_t b) {
                                     return plan.offsets[static_cast<size_t>(a)] <
                                            plan.offsets[static_cast<size_t>(b)];
                                   }),
                  t);
  }
  return plan;
}

} // namespace qgold::interp::fast
