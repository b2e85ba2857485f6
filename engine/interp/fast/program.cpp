#include "interp/fast/program.h"

#include "interp/fast/steps.h"
#include "interp/tensor_checks.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

// The OpenMP API of the runtime oneDNN runs on (libgomp, linked explicitly).
extern "C" int omp_get_max_threads();
extern "C" void omp_set_num_threads(int threads);

namespace qgold::interp::fast {
namespace {

// oneDNN sizes its parallel work by the calling thread's OpenMP thread count,
// both when a primitive is created and when it runs. The backend's
// parallelism is one Runner per thread, so each kernel must stay on its
// thread: nested OpenMP teams would oversubscribe the cores, and a thread
// count that varied with the caller would change nothing but the risk of
// run-to-run differences.
class SingleThreadScope {
public:
  SingleThreadScope() : saved_(omp_get_max_threads()) { omp_set_num_threads(1); }
  ~SingleThreadScope() { omp_set_num_threads(saved_); }
  SingleThreadScope(const SingleThreadScope &) = delete;
  SingleThreadScope &operator=(const SingleThreadScope &) = delete;

private:
  int saved_;
};

struct FreeDeleter {
  void operator()(void *p) const { std::free(p); }
};
using AlignedBuffer = std::unique_ptr<std::byte, FreeDeleter>;

AlignedBuffer aligned_buffer(size_t bytes) {
  const size_t alignment = MemoryPlan::kAlignment;
  const size_t rounded =
      std::max<size_t>(alignment, (bytes + alignment - 1) / alignment * alignment);
  auto *p = static_cast<std::byte *>(std::aligned_alloc(alignment, rounded));
  if (!p)
    throw std::bad_alloc();
  return AlignedBuffer(p);
}

} // namespace

struct Program::Impl {
  const ir::Model &model;
  std::vector<int64_t> counts;
  MemoryPlan plan;
  dnnl::engine engine{dnnl::engine::kind::cpu, 0};
  std::vector<std::unique_ptr<FastStep>> steps; // per operator; null = reference kernel
  size_t scratchpad_bytes = 0;

  explicit Impl(const ir::Model &m) : model(m), counts(check_tensors(m)) {
    TensorBuffers dry_run = initial_buffers(model);
    bind_kernels(model, dry_run); // validation only: the same errors as Interpreter
    plan = plan_memory(model, counts);
    SingleThreadScope single_thread;
    for (size_t i = 0; i < model.operators.size(); ++i) {
      steps.push_back(make_fast_step(model, static_cast<int32_t>(i), engine));
      if (steps.back())
        scratchpad_bytes = std::max(scratchpad_bytes, steps.back()->scratchpad_bytes());
    }
  }
};

Program::Program(const ir::Model &model) : impl_(std::make_unique<Impl>(model)) {}
Program::~Program() = default;
const ir::Model &Program::model() const { return impl_->model; }
const MemoryPlan &Program::memory_plan() const { return impl_->plan; }
size_t Program::optimized_operator_count() const {
  return static_cast<size_t>(std::count_if(impl_->steps.begin(), impl_->steps.end(),
                                           [](const auto &step) { return step != nullptr; }));
}

struct Runner::Impl {
  const Program::Impl &program;
  AlignedBuffer arena, scratchpad;
  TensorBuffers buffers;
  dnnl::stream stream;
  std::vector<BoundKernel> reference_kernels; // run where the program has no FastStep
  std::vector<FusedKernel> fast_kernels;      // per operator; empty = reference kernel

  explicit Impl(const Program::Impl &p)
      : program(p), arena(aligned_buffer(static_cast<size_t>(p.plan.arena_bytes))),
        scratchpad(aligned_buffer(p.scratchpad_bytes)), buffers(initial_buffers(p.model)),
        stream(p.engine) {
    const ir::Model &model = program.model;
    for (size_t i = 0; i < model.tensors.size(); ++i) {
      const ir::Tensor &tensor = model.tensors[i];
      if (ir::dtype_size(tensor.dtype) == 0)
        continue;
      if (tensor.is_constant()) // shared by every Runner, never written
        buffers.data[i] = const_cast<uint8_t *>(tensor.data->data());
      else if (program.plan.offsets[i] != MemoryPlan::kNone)
        buffers.data[i] = arena.get() + program.plan.offsets[i];
    }
    TensorBuffers bound = buffers;
    reference_kernels = bind_kernels(model, bound);
    RunnerContext context{program.engine, stream, buffers, scratchpad.get()};
    fast_kernels.resize(reference_kernels.size());
    for (size_t i = 0; i < reference_kernels.size(); ++i)
      if (program.steps[i]) {
        fast_kernels[i] = program.steps[i]->bind(context);
        reference_kernels[i] = nullptr;
      }
  }

  std::span<float> values(int32_t tensor) const {
    return {static_cast<float *>(buffers.data[static_cast<size_t>(tensor)]),
            static_cast<size_t>(program.counts[static_cast<size_t>(tensor)])};
  }
};

Runner::Runner(const Program &program) : impl_(std::make_unique<Impl>(*program.impl_)) {}
Runner::~Runner() = default;

void Runner::set_input(size_t index, std::span<const float> values) {
  const ir::Model &model = impl_->program.model;
  if (index >= model.inputs.size())
    throw InputError(fmt::format("input index {} is out of range: the model has {} inputs", index,
                                 model.inputs.size()));
  const int32_t tensor = model.inputs[index];
  const std::span<float> buffer = impl_->values(tensor);
  if (values.size() != buffer.size())
    throw InputError(fmt::format("input {} ({}): expected {} values, got {}", index,
                                 tensor_label(model, tensor), buffer.size(), values.size()));
  if (!values.empty())
    std::memcpy(buffer.data(), values.data(), values.size_bytes());
}

void Runner::run(TensorObserver *observer) {
  const ir::Model &model = impl_->program.model;
  SingleThreadScope single_thread;
  auto observe = [&](int32_t tensor) {
    if (model.tensors[static_cast<size_t>(tensor)].dtype == ir::DType::Float32)
      observer->observe(tensor, impl_->values(tensor));
  };
  if (observer)
    for (int32_t input : model.inputs)
      observe(input);
  for (size_t i = 0; i < model.operators.size(); ++i) {
    if (impl_->fast_kernels[i])
      impl_->fast_kernels[i](nullptr);
    else
      impl_->reference_kernels[i]();
    if (observer)
      for (int32_t output : model.operators[i].outputs)
        observe(output);
  }
}

void Runner::run(std::span<ValueRange> ranges) {
  const ir::Model &model = impl_->program.model;
  if (ranges.size() != model.tensors.size())
    throw InputError(fmt::format("{} value ranges for a model of {} tensors", ranges.size(),
                                 model.tensors.size()));
  SingleThreadScope single_thread;
  auto is_float = [&](int32_t t) { return model.tensors[static_cast<size_t>(t)].dtype == ir::DType::Float32; };
  for (int32_t input : model.inputs)
    if (is_float(input))
      ranges[static_cast<size_t>(input)] = value_range(impl_->values(input));
  for (size_t i = 0; i < model.operators.size(); ++i) {
    const std::vector<int32_t> &outputs = model.operators[i].outputs;
    if (impl_->fast_kernels[i]) {
      impl_->fast_kernels[i](&ranges[static_cast<size_t>(outputs[0])]);
      continue;
    }
    impl_->reference_kernels[i]();
    for (int32_t output : outputs)
      if (is_float(output))
        ranges[static_cast<size_t>(output)] = value_range(impl_->values(output));
  }
}

std::span<const float> Runner::output(size_t index) const {
  const ir::Model &model = impl_->program.model;
  if (index >= model.outputs.size())
    throw InputError(fmt::format("output index {} is out of range: the model has {} outputs", index,
                                 model.outputs.size()));
  return impl_->values(model.outputs[index]);
}

} // namespace qgold::interp::fast
