#include "interp/fast/memory_plan.h"

#include "interp/test_model.h"

#include <gtest/gtest.h>

namespace qgold::interp::fast {
namespace {

using ir::OpCode;
using testing::ModelBuilder;

std::vector<int64_t> element_counts(const ir::Model &model) {
  std::vector<int64_t> counts;
  for (const ir::Tensor &tensor : model.tensors)
    counts.push_back(tensor.num_elements());
  return counts;
}

TEST(MemoryPlan, ChainReusesTheBufferOfTensorsNoLongerRead) {
  // in -> a -> b -> c -> out, 16 floats (64 bytes) each. Lifetimes in
  // operator steps: in [-1,4 = end] (graph inputs are kept), a [0,1],
  // b [1,2], c [2,3], out [3,4]. `in` is placed at 0; `a` overlaps it -> 64;
  // `b` overlaps `in` and `a` -> 128; `c` overlaps `in` and `b` -> 64 (a is
  // dead); `out` overlaps `in` and `c` -> 128. Three buffers instead of five.
  ModelBuilder b;
  const int32_t in = b.input("in", {16});
  const int32_t a = b.activation("a", {16}), mid = b.activation("b", {16}),
                c = b.activation("c", {16}), out = b.activation("out", {16});
  b.op(OpCode::Relu, {in}, {a});
  b.op(OpCode::Relu, {a}, {mid});
  b.op(OpCode::Relu, {mid}, {c});
  b.op(OpCode::Relu, {c}, {out});
  b.output(out);
  const MemoryPlan plan = plan_memory(b.model, element_counts(b.model));
  EXPECT_EQ(plan.offsets[static_cast<size_t>(in)], 0);
  EXPECT_EQ(plan.offsets[static_cast<size_t>(a)], 64);
  EXPECT_EQ(plan.offsets[static_cast<size_t>(mid)], 128);
  EXPECT_EQ(plan.offsets[static_cast<size_t>(c)], 64);
  EXPECT_EQ(plan.offsets[static_cast<size_t>(out)], 128);
  EXPECT_EQ(plan.arena_bytes, 192);
}

TEST(MemoryPlan, ConstantsAndIntegersAreNotPlannedAndSizesAreAligned) {
  ModelBuilder b;
  const int32_t in = b.input("in", {1, 5});
  const int32_t axes = b.int32_constant("axes", {1}, {1});
  const int32_t mean = b.activation("mean", {1});
  b.op(OpCode::Mean, {in, axes}, {mean});
  const int32_t bias = b.constant("bias", {1}, {2.0f});
  const int32_t sum = b.activation("sum", {1});
  b.op(OpCode::Add, {mean, bias}, {sum});
  b.output(sum);
  const MemoryPlan plan = plan_memory(b.model, element_counts(b.model));
  EXPECT_EQ(plan.offsets[static_cast<size_t>(axes)], MemoryPlan::kNone);
  EXPECT_EQ(plan.offsets[static_cast<size_t>(bias)], MemoryPlan::kNone);
  // in [-1,2] overlaps mean [0,1] and sum [1,2], which overlap each other:
  // three tensors each rounded up to 64 bytes.
  EXPECT_EQ(plan.arena_bytes, 192);
  for (int32_t t : {in, mean, sum})
    EXPECT_EQ(plan.offsets[static_cast<size_t>(t)] % MemoryPlan::kAlignment, 0);
}

TEST(MemoryPlan, GraphOutputsStayLiveUntilTheEnd) {
  // `early` is a graph output written by the first op; later tensors must not reuse it.
  ModelBuilder b;
  const int32_t in = b.input("in", {16});
  const int32_t early = b.activation("early", {16});
  b.op(OpCode::Relu, {in}, {early});
  int32_t previous = early;
  std::vector<int32_t> later;
  for (int i = 0; i < 4; ++i) {
    later.push_back(b.activation("t" + std::to_string(i), {16}));
    b.op(OpCode::Relu6, {previous}, {later.back()});
    previous = later.back();
  }
  b.output(early);
  b.output(previous);
  const MemoryPlan plan = plan_memory(b.model, element_counts(b.model));
  for (int32_t t : later)
    EXPECT_NE(plan.offsets[static_cast<size_t>(t)], plan.offsets[static_cast<size_t>(early)]);
}

// Residual blocks with branches of different sizes: no two tensors that are
// live at the same operator may share a byte, and the arena is at least the
// largest live set and well below the sum of all tensors.
TEST(MemoryPlan, LiveTensorsNeverOverlapInAResidualNetwork) {
  ModelBuilder b;
  int32_t x = b.input("in", {1, 16, 16, 8});
  std::vector<std::pair<int32_t, int32_t>> steps; // (first, last) by construction below
  for (int block = 0; block < 6; ++block) {
    const std::string p = "block" + std::to_string(block);
    const int32_t wide = b.activation(p + "/wide", {1, 16, 16, 32});
    b.op(OpCode::Conv2D,
         {x, b.constant(p + "/k1", {32, 1, 1, 8}, std::vector<float>(256, 0.1f)), -1}, {wide});
    const int32_t narrow = b.activation(p + "/narrow", {1, 16, 16, 8});
    b.op(OpCode::Conv2D,
         {wide, b.constant(p + "/k2", {8, 1, 1, 32}, std::vector<float>(256, 0.1f)), -1}, {narrow});
    const int32_t sum = b.activation(p + "/sum", {1, 16, 16, 8});
    b.op(OpCode::Add, {x, narrow}, {sum});
    x = sum;
  }
  b.output(x);
  const ir::Model &model = b.model;
  const auto counts = element_counts(model);
  const MemoryPlan plan = plan_memory(model, counts);

  // Live range of every planned tensor, recomputed independently of the planner.
  const auto ops = static_cast<int64_t>(model.operators.size());
  std::vector<int64_t> first(model.tensors.size(), -1), last(model.tensors.size(), -1);
  for (int64_t op = 0; op < ops; ++op) {
    for (int32_t t : model.operators[static_cast<size_t>(op)].outputs)
      first[static_cast<size_t>(t)] = last[static_cast<size_t>(t)] = op;
    for (int32_t t : model.operators[static_cast<size_t>(op)].inputs)
      if (t >= 0)
        last[static_cast<size_t>(t)] = std::max(last[static_cast<size_t>(t)], op);
  }
  last[static_cast<size_t>(model.outputs[0])] = ops;
  last[static_cast<size_t>(model.inputs[0])] = ops;
  int64_t total = 0, largest_live = 0;
  for (int64_t step = -1; step <= ops; ++step) {
    int64_t live = 0;
    for (size_t t = 0; t < model.tensors.size(); ++t)
      if (plan.offsets[t] != MemoryPlan::kNone && first[t] <= step && step <= last[t])
        live += counts[t] * 4;
    largest_live = std::max(largest_live, live);
  }
  for (size_t t = 0; t < model.tensors.size(); ++t) {
    if (plan.offsets[t] == MemoryPlan::kNone)
      continue;
    total += counts[t] * 4;
    EXPECT_LE(plan.offsets[t] + counts[t] * 4, plan.arena_bytes);
    for (size_t u = t + 1; u < model.tensors.size(); ++u) {
      if (plan.offsets[u] == MemoryPlan::kNone)
        continue;
      const bool live_together = first[t] <= last[u] && first[u] <= last[t];
      const bool share_bytes = plan.offsets[t] < plan.offsets[u] + counts[u] * 4 &&
                               plan.offsets[u] < plan.offsets[t] + counts[t] * 4;
      EXPECT_FALSE(live_together && share_bytes)
          << model.tensors[t].name << " and " << model.tensors[u].name;
    }
  }
  EXPECT_GE(plan.arena_bytes, largest_live);
  // Largest live set here (inside any block after the first): in + the block
  // input (8 KiB each) + wide (32 KiB) + narrow (8 KiB) = 56 KiB; all 19
  // tensors together are 8 + 6 * (32 + 8 + 8) = 296 KiB. Greedy placement is
  // not optimal: here it needs one 8 KiB slot more than the live set.
  EXPECT_EQ(largest_live, 56 * 1024);
  EXPECT_EQ(total, 296 * 1024);
  EXPECT_LE(plan.arena_bytes, 64 * 1024);
}

} // namespace
} // namespace qgold::interp::fast
