#pragma once

// Optimized kernels of the fast backend. A FastStep is built once per
// Program from a validated operator (weights reordered, oneDNN primitive
// created) and is immutable afterwards; bind() ties it to one Runner's
// buffers, so several Runners on several threads share one FastStep.

#include "interp/dispatch.h"
#include "interp/fast/value_range.h"
#include "ir/model.h"

#include <dnnl.hpp>

#include <memory>

namespace qgold::interp::fast {

// What a step binds to in one Runner.
struct RunnerContext {
  const dnnl::engine &engine;
  dnnl::stream &stream;
  const TensorBuffers &buffers; // the Runner's pointer per tensor
  void *scratchpad;             // at least the largest scratchpad_bytes() of the program
};

// Runs a step. A non-null `output_range` receives the value range of the
// step's output, reduced while the output is written where the kernel is
// ours (elementwise: block by block, in L1) and right after the oneDNN
// primitive otherwise.
using FusedKernel = std::function<void(ValueRange *output_range)>;

// Every FastStep writes exactly one output tensor.
class FastStep {
public:
  virtual ~FastStep() = default;
  virtual FusedKernel bind(RunnerContext &context) const = 0;
  virtual size_t scratchpad_bytes() const { return 0; }
};

// The optimized kernel of operator `op_index`, or null when the backend has
// none for it (its reference kernel then runs). The operator must have
// passed bind_kernel's checks. oneDNN primitives are created for the calling
// thread's OpenMP thread count; Program creates them single-threaded.
std::unique_ptr<FastStep> make_fast_step(const ir::Model &model, int32_t op_index,
                                         const dnnl::engine &engine);

} // namespace qgold::interp::fast
