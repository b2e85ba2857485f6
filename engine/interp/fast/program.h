#pragma once

// The optimized float backend: the same operator semantics as the reference
// Interpreter (whose kernels stay the oracle), run with oneDNN for
// convolutions, fully connected layers and pooling, vectorized loops for
// Add/Sub/Mul (same shape, one value or per channel) and HardSwish
// (elementwise_steps.h), and the reference kernels for every other op.
//
// A Program is compiled once per model and shared read-only by any number of
// Runners (one per thread): weights live once, in the model and, reordered
// for oneDNN, in the Program. A Runner owns one arena sized by the memory
// plan, so activations reuse memory by liveness. Every kernel runs on the
// calling thread only, so results do not depend on how many Runners exist.

#include "interp/fast/memory_plan.h"
#include "interp/fast/value_range.h"
#include "interp/interpreter.h"
#include "ir/model.h"

#include <memory>
#include <span>

namespace qgold::interp::fast {

class Program {
public:
  // Checks the model as Interpreter does (same errors). `model` must outlive
  // the Program and its Runners, and its constants must not change.
  explicit Program(const ir::Model &model);
  ~Program();
  Program(const Program &) = delete;
  Program &operator=(const Program &) = delete;

  const ir::Model &model() const;
  const MemoryPlan &memory_plan() const;
  // Operators that run an optimized kernel rather than the reference one.
  size_t optimized_operator_count() const;

private:
  friend class Runner;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class Runner {
public:
  explicit Runner(const Program &program);
  ~Runner();
  Runner(const Runner &) = delete;
  Runner &operator=(const Runner &) = delete;

  // Input `index` in graph-input order; values.size() must equal its element count.
  void set_input(size_t index, std::span<const float> values);
  // One inference. The observer sees every float32 graph input first and
  // every float32 operator output right after its kernel, while the data is
  // in cache; the span is only valid during the call (the arena is reused later).
  void run(TensorObserver *observer = nullptr);
  // One inference that stores the value range of every float32 graph input
  // and operator output in ranges[tensor index] (ranges.size() must be the
  // model's tensor count; other entries are left as they are).
  void run(std::span<ValueRange> ranges);
  std::span<const float> output(size_t index) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace qgold::interp::fast
