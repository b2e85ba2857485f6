#include "interp/fast/program.h"

#include "interp/interpreter.h"
#include "interp/kernels/padding.h"
#include "interp/test_model.h"
#include "ir/error.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <thread>

namespace qgold::interp::fast {
namespace {

using ir::Activation;
using ir::OpCode;
using ir::Padding;
using testing::ModelBuilder;

// Copies every observed tensor.
class Recorder : public TensorObserver {
public:
  void observe(int32_t tensor_index, std::span<const float> values) override {
    order.push_back(tensor_index);
    seen[tensor_index].assign(values.begin(), values.end());
  }
  std::vector<int32_t> order;
  std::map<int32_t, std::vector<float>> seen;
};

// Deterministic test data; the distribution does not matter, only that the
// reference and the backend see the same values.
class Random {
public:
  explicit Random(uint32_t seed) : engine_(seed) {}
  int32_t integer(int32_t lo, int32_t hi) {
    return lo + static_cast<int32_t>(engine_() % static_cast<uint32_t>(hi - lo + 1));
  }
  float real() { return static_cast<float>(engine_() >> 8) / 16777216.0f * 2.0f - 1.0f; }
  std::vector<float> values(int64_t count) {
    std::vector<float> out(static_cast<size_t>(count));
    for (float &v : out)
      v = real();
    return out;
  }
  template <typename T> T pick(std::initializer_list<T> choices) {
    return *(choices.begin() + integer(0, static_cast<int32_t>(choices.size()) - 1));
  }

private:
  std::mt19937 engine_;
};

// The fused activations qgold runs (a fused TANH is refused, see InterpreterTest).
constexpr std::initializer_list<Activation> kActivations = {Activation::None, Activation::Relu,
                                                            Activation::ReluN1To1, Activation::Relu6};

// Runs `model` on the reference interpreter and on the backend with the same
// random inputs and compares every graph input and operator output. Sums are
// reordered by oneDNN, so values agree within a tolerance scaled by the
// tensor's magnitude. Returns the number of optimized operators.
// Runs `model` on the reference interpreter (into `expected`) and the backend
// (into `got`) with the same random inputs; returns the optimized op count.
size_t run_both(const ir::Model &model, Random &random, Recorder &expected, Recorder &got) {
  Interpreter reference(model);
  const Program program(model);
  Runner runner(program);
  for (size_t i = 0; i < model.inputs.size(); ++i) {
    const std::vector<float> values =
        random.values(model.tensors[static_cast<size_t>(model.inputs[i])].num_elements());
    reference.set_input(i, values);
    runner.set_input(i, values);
  }
  reference.run(&expected);
  runner.run(&got);
  return program.optimized_operator_count();
}

size_t expect_backend_matches_reference(const ir::Model &model, Random &random,
                                        const std::string &what) {
  Recorder expected, got;
  const size_t optimized = run_both(model, random, expected, got);
  EXPECT_EQ(got.order, expected.order) << what;
  for (const auto &[tensor, values] : expected.seen) {
    const std::vector<float> &actual = got.seen[tensor];
    EXPECT_EQ(actual.size(), values.size()) << what;
    float scale = 1.0f;
    for (float v : values)
      scale = std::max(scale, std::abs(v));
    for (size_t i = 0; i < std::min(actual.size(), values.size()); ++i)
      if (!(std::abs(actual[i] - values[i]) <= 2e-5f * scale)) {
        ADD_FAILURE() << what << ": tensor '" << model.tensors[static_cast<size_t>(tensor)].name
                      << "' element " << i << ": backend " << actual[i] << ", reference "
                      << values[i];
        break;
      }
  }
  return optimized;
}

int32_t window_out(Padding padding, int32_t in, int32_t filter, int32_t stride, int32_t dilation) {
  return kernels::conv_output_size(padding, in, filter, stride, dilation);
}

TEST(FastBackend, Conv2DMatchesReferenceForRandomShapesAndOptions) {
  Random random(1);
  size_t optimized = 0;
  for (int trial = 0; trial < 60; ++trial) {
    ir::Conv2DOptions opt;
    opt.padding = random.pick({Padding::Same, Padding::Valid});
    opt.stride_h = random.integer(1, 3), opt.stride_w = random.integer(1, 3);
    opt.dilation_h_factor = random.integer(1, 2), opt.dilation_w_factor = random.integer(1, 2);
    opt.activation = random.pick(kActivations);
    const int32_t kh = random.integer(1, 4), kw = random.integer(1, 4);
    const int32_t h = random.integer((kh - 1) * opt.dilation_h_factor + 1, 12);
    const int32_t w = random.integer((kw - 1) * opt.dilation_w_factor + 1, 12);
    const int32_t n = random.integer(1, 2), c = random.integer(1, 20), o = random.integer(1, 20);
    const bool bias = random.integer(0, 3) != 0;
    ModelBuilder b;
    const int32_t in = b.input("in", {n, h, w, c});
    const int32_t ker = b.constant("ker", {o, kh, kw, c}, random.values(int64_t{o} * kh * kw * c));
    const int32_t bias_tensor = bias ? b.constant("bias", {o}, random.values(o)) : -1;
    const int32_t out = b.activation(
        "out", {n, window_out(opt.padding, h, kh, opt.stride_h, opt.dilation_h_factor),
                window_out(opt.padding, w, kw, opt.stride_w, opt.dilation_w_factor), o});
    b.op(OpCode::Conv2D, {in, ker, bias_tensor}, {out}, opt);
    b.output(out);
    optimized +=
        expect_backend_matches_reference(b.model, random, "conv trial " + std::to_string(trial));
  }
  EXPECT_EQ(optimized, 60u); // every configuration ran on oneDNN, not on the fallback
}

TEST(FastBackend, DepthwiseConv2DMatchesReferenceForRandomShapesAndOptions) {
  Random random(2);
  size_t optimized = 0;
  for (int trial = 0; trial < 60; ++trial) {
    ir::DepthwiseConv2DOptions opt;
    opt.padding = random.pick({Padding::Same, Padding::Valid});
    opt.stride_h = random.integer(1, 3), opt.stride_w = random.integer(1, 3);
    opt.dilation_h_factor = random.integer(1, 2), opt.dilation_w_factor = random.integer(1, 2);
    opt.depth_multiplier = random.integer(1, 3);
    opt.activation = random.pick(kActivations);
    const int32_t kh = random.integer(1, 5), kw = random.integer(1, 5);
    const int32_t h = random.integer((kh - 1) * opt.dilation_h_factor + 1, 12);
    const int32_t w = random.integer((kw - 1) * opt.dilation_w_factor + 1, 12);
    const int32_t n = random.integer(1, 2), c = random.integer(1, 40);
    const int32_t oc = c * opt.depth_multiplier;
    ModelBuilder b;
    const int32_t in = b.input("in", {n, h, w, c});
    const int32_t ker = b.constant("ker", {1, kh, kw, oc}, random.values(int64_t{kh} * kw * oc));
    const int32_t bias = b.constant("bias", {oc}, random.values(oc));
    const int32_t out = b.activation(
        "out", {n, window_out(opt.padding, h, kh, opt.stride_h, opt.dilation_h_factor),
                window_out(opt.padding, w, kw, opt.stride_w, opt.dilation_w_factor), oc});
    b.op(OpCode::DepthwiseConv2D, {in, ker, bias}, {out}, opt);
    b.output(out);
    optimized += expect_backend_matches_reference(b.model, random,
                                                  "depthwise trial " + std::to_string(trial));
  }
  EXPECT_EQ(optimized, 60u);
}

TEST(FastBackend, PoolingMatchesReferenceForRandomShapesAndOptions) {
  Random random(3);
  size_t optimized = 0;
  for (int trial = 0; trial < 60; ++trial) {
    ir::Pool2DOptions opt;
    opt.padding = random.pick({Padding::Same, Padding::Valid});
    opt.stride_h = random.integer(1, 3), opt.stride_w = random.integer(1, 3);
    opt.filter_height = random.integer(1, 4), opt.filter_width = random.integer(1, 4);
    opt.activation = random.pick(kActivations);
    const int32_t h = random.integer(opt.filter_height, 11),
                  w = random.integer(opt.filter_width, 11);
    const int32_t n = random.integer(1, 2), c = random.integer(1, 20);
    const OpCode code = random.pick({OpCode::MaxPool2D, OpCode::AveragePool2D});
    ModelBuilder b;
    const int32_t in = b.input("in", {n, h, w, c});
    const int32_t out =
        b.activation("out", {n, window_out(opt.padding, h, opt.filter_height, opt.stride_h, 1),
                             window_out(opt.padding, w, opt.filter_width, opt.stride_w, 1), c});
    b.op(code, {in}, {out}, opt);
    b.output(out);
    optimized +=
        expect_backend_matches_reference(b.model, random, "pool trial " + std::to_string(trial));
  }
  EXPECT_GT(optimized, 0u);
}

TEST(FastBackend, FullyConnectedMatchesReference) {
  Random random(4);
  for (int trial = 0; trial < 20; ++trial) {
    const int32_t batch = random.integer(1, 4), depth = random.integer(1, 300),
                  units = random.integer(1, 40);
    ir::FullyConnectedOptions opt;
    opt.activation = random.pick(kActivations);
    ModelBuilder b;
    const int32_t in = b.input("in", {batch, 1, depth});
    const int32_t weights = b.constant("w", {units, depth}, random.values(int64_t{units} * depth));
    const int32_t bias = trial % 3 ? b.constant("b", {units}, random.values(units)) : -1;
    const int32_t out = b.activation("out", {batch, units});
    b.op(OpCode::FullyConnected, {in, weights, bias}, {out}, opt);
    b.output(out);
    EXPECT_EQ(
        expect_backend_matches_reference(b.model, random, "fc trial " + std::to_string(trial)), 1u);
  }
}

// The elementwise loops compute the reference kernels' expressions, so their
// outputs are bit-identical (the observer's copies compared as bytes).
void expect_bit_identical(const ir::Model &model, Random &random, const std::string &what) {
  Recorder expected, got;
  run_both(model, random, expected, got);
  for (const auto &[tensor, values] : expected.seen)
    EXPECT_EQ(std::memcmp(values.data(), got.seen[tensor].data(), values.size() * sizeof(float)),
              0)
        << what << ": tensor " << model.tensors[static_cast<size_t>(tensor)].name;
}

TEST(FastBackend, BinaryOpsMatchReferenceBitForBitOrFallBack) {
  Random random(5);
  const ir::Shape full = {2, 5, 7, 3};
  // (y's shape, whether the loop takes it): same shape, one value, per
  // channel (right-aligned, any rank), and general broadcasts that it leaves
  // to the reference kernel.
  const std::vector<std::pair<ir::Shape, bool>> operands = {
      {full, true},      {{}, true},         {{1}, true},         {{3}, true},
      {{1, 1, 1, 3}, true}, {{1, 1, 7, 1}, false}, {{2, 1, 1, 3}, false}};
  for (OpCode code : {OpCode::Add, OpCode::Sub, OpCode::Mul})
    for (Activation activation : kActivations)
      for (const auto &[shape, fast] : operands)
        for (bool swapped : {false, true}) {
          ModelBuilder b;
          const int32_t x = b.input("x", full);
          const int32_t y = shape == full ? b.input("y", full)
                                          : b.constant("y", shape, random.values(ir::num_elements(shape)));
          const int32_t out = b.activation("out", full);
          b.op(code, swapped ? std::vector<int32_t>{y, x} : std::vector<int32_t>{x, y}, {out},
               ir::ElementwiseOptions{activation});
          b.output(out);
          const std::string what = fmt::format("{} y{} {}", ir::op_name(code), shape.size(), swapped);
          expect_bit_identical(b.model, random, what);
          EXPECT_EQ(Program(b.model).optimized_operator_count(), fast ? 1u : 0u) << what;
        }
}

TEST(FastBackend, HardSwishMatchesReferenceBitForBit) {
  Random random(8);
  ModelBuilder b;
  const int32_t x = b.input("x", {1, 9, 11, 5});
  const int32_t scaled = b.activation("scaled", {1, 9, 11, 5});
  b.op(OpCode::Mul, {x, b.constant("eight", {}, {8.0f})}, {scaled}, ir::ElementwiseOptions{});
  const int32_t out = b.activation("out", {1, 9, 11, 5});
  b.op(OpCode::HardSwish, {scaled}, {out});
  b.output(out);
  expect_bit_identical(b.model, random, "HardSwish over [-8, 8]");
  EXPECT_EQ(Program(b.model).optimized_operator_count(), 2u);
}

// Same-shape integer Add/Sub/Mul run their reference kernels, not the float loop.
TEST(FastBackend, IntegerBinaryOpsStayOnTheReferenceKernel) {
  Random random(7);
  for (OpCode code : {OpCode::Add, OpCode::Sub, OpCode::Mul}) {
    ModelBuilder b;
    const int32_t x = b.input("x", {2, 3});
    const int32_t scaled = b.activation("scaled", {2, 3});
    b.op(OpCode::Mul, {x, b.constant("hundred", {}, {100.0f})}, {scaled}, ir::ElementwiseOptions{});
    const int32_t integers = b.activation("integers", {2, 3}, ir::DType::Int32);
    b.op(OpCode::Cast, {scaled}, {integers}, ir::CastOptions{ir::DType::Float32, ir::DType::Int32});
    const int32_t combined = b.activation("combined", {2, 3}, ir::DType::Int32);
    b.op(code, {integers, integers}, {combined}, ir::ElementwiseOptions{Activation::Relu});
    const int32_t out = b.activation("out", {2, 3});
    b.op(OpCode::Cast, {combined}, {out}, ir::CastOptions{ir::DType::Int32, ir::DType::Float32});
    b.output(out);
    // Only the float Mul by one value is optimized.
    EXPECT_EQ(expect_backend_matches_reference(b.model, random, std::string(ir::op_name(code))),
              1u);
  }
}

// Every op without an optimized kernel runs its reference kernel on the
// planned arena; a chain through all of them checks the buffer wiring.
TEST(FastBackend, ReferenceFallbackOpsMatchInOneNetwork) {
  Random random(6);
  ModelBuilder b;
  const int32_t in = b.input("in", {1, 6, 6, 4});
  const int32_t padded = b.activation("padded", {1, 8, 6, 4});
  b.op(OpCode::Pad, {in, b.int32_constant("paddings", {4, 2}, {0, 0, 1, 1, 0, 0, 0, 0})}, {padded});
  const int32_t prelu = b.activation("prelu", {1, 8, 6, 4});
  b.op(OpCode::PRelu, {padded, b.constant("alpha", {4}, {0.1f, 0.2f, 0.3f, 0.4f})}, {prelu});
  const int32_t norm = b.activation("norm", {1, 8, 6, 4});
  b.op(OpCode::InstanceNorm,
       {prelu, b.constant("gamma", {4}, random.values(4)),
        b.constant("beta", {4}, random.values(4))},
       {norm}, ir::InstanceNormOptions{1e-5f, Activation::Relu6});
  const int32_t left = b.activation("left", {1, 8, 6, 2}),
                right = b.activation("right", {1, 8, 6, 2});
  b.op(OpCode::Split, {b.int32_constant("axis", {}, {3}), norm}, {left, right},
       ir::SplitOptions{2});
  const int32_t sigmoid = b.activation("sigmoid", {1, 8, 6, 2});
  b.op(OpCode::Logistic, {left}, {sigmoid});
  const int32_t tanh = b.activation("tanh", {1, 8, 6, 2});
  b.op(OpCode::Tanh, {right}, {tanh});
  const int32_t joined = b.activation("joined", {1, 8, 6, 4});
  b.op(OpCode::Concatenation, {tanh, sigmoid}, {joined},
       ir::ConcatenationOptions{3, Activation::None});
  const int32_t relu = b.activation("relu", {1, 8, 6, 4});
  b.op(OpCode::Relu, {joined}, {relu});
  const int32_t relu6 = b.activation("relu6", {1, 8, 6, 4});
  b.op(OpCode::Relu6, {relu}, {relu6});
  const int32_t up = b.activation("up", {1, 16, 12, 3});
  b.op(OpCode::TransposeConv,
       {b.int32_constant("out_shape", {4}, {1, 16, 12, 3}),
        b.constant("up_w", {3, 2, 2, 4}, random.values(48)), relu6},
       {up}, ir::TransposeConvOptions{Padding::Same, 2, 2, Activation::None});
  const int32_t mean = b.activation("mean", {1, 3});
  b.op(OpCode::Mean, {up, b.int32_constant("axes", {2}, {1, 2})}, {mean});
  const int32_t flat = b.activation("flat", {3});
  b.op(OpCode::Reshape, {mean}, {flat}, ir::ReshapeOptions{{3}});
  const int32_t softmax = b.activation("softmax", {3});
  b.op(OpCode::Softmax, {flat}, {softmax}, ir::SoftmaxOptions{1.0f});
  b.output(softmax);
  b.output(relu6);
  EXPECT_EQ(expect_backend_matches_reference(b.model, random, "fallback chain"), 0u);
}

TEST(FastBackend, ValueRangeSkipsNanAndCountsInfinity) {
  std::vector<float> values(100, 0.5f);
  values[3] = std::nanf("");
  values[70] = -2.0f;
  values[99] = 7.0f; // in the scalar tail
  values[64] = std::nanf("");
  ValueRange range = value_range(values);
  EXPECT_EQ(range.min, -2.0f);
  EXPECT_EQ(range.max, 7.0f);
  values[10] = -INFINITY;
  EXPECT_EQ(value_range(values).min, -INFINITY);
  EXPECT_TRUE(value_range(std::vector<float>(80, std::nanf(""))).empty());
  EXPECT_TRUE(value_range({}).empty());
  EXPECT_FALSE(value_range(std::vector<float>{1.0f}).empty());
}

TEST(FastBackend, RangesEqualTheRangesOfTheObservedValues) {
  // conv (oneDNN) -> pool (oneDNN) and conv + conv (the blocked elementwise
  // loop: 20*20*16 = 6400 values, several blocks and a partial one).
  Random random(7);
  ModelBuilder b;
  const int32_t in = b.input("in", {1, 20, 20, 8});
  const int32_t conv = b.activation("conv", {1, 20, 20, 16});
  b.op(OpCode::Conv2D, {in, b.constant("k", {16, 3, 3, 8}, random.values(16 * 9 * 8)), -1}, {conv},
       ir::Conv2DOptions{Padding::Same, 1, 1, 1, 1, Activation::Relu6});
  const int32_t pool = b.activation("pool", {1, 10, 10, 16});
  b.op(OpCode::MaxPool2D, {conv}, {pool},
       ir::Pool2DOptions{Padding::Same, 2, 2, 2, 2, Activation::None});
  const int32_t twice = b.activation("twice", {1, 20, 20, 16});
  b.op(OpCode::Sub, {conv, b.input("shift", {1, 20, 20, 16})}, {twice},
       ir::ElementwiseOptions{Activation::None});
  b.output(pool);
  b.output(twice);
  const Program program(b.model);
  EXPECT_EQ(program.optimized_operator_count(), 3u);
  Runner runner(program);
  runner.set_input(0, random.values(20 * 20 * 8));
  runner.set_input(1, random.values(20 * 20 * 16));
  Recorder recorder;
  runner.run(&recorder);
  std::vector<ValueRange> ranges(b.model.tensors.size());
  runner.run(ranges);
  for (int32_t tensor : {in, conv, pool, twice}) {
    const auto &values = recorder.seen[tensor];
    EXPECT_EQ(ranges[static_cast<size_t>(tensor)].min,
              *std::min_element(values.begin(), values.end()));
    EXPECT_EQ(ranges[static_cast<size_t>(tensor)].max,
              *std::max_element(values.begin(), values.end()));
  }
  EXPECT_GE(ranges[static_cast<size_t>(conv)].min, 0.0f); // the fused ReLU6 ran
  EXPECT_LE(ranges[static_cast<size_t>(conv)].max, 6.0f);
  EXPECT_THROW(runner.run(std::span<ValueRange>(ranges).first(2)), InputError);
}

// Several Runners of one Program on several threads compute bit-identical
// results to one Runner alone: the kernels keep to their calling thread.
TEST(FastBackend, ConcurrentRunnersAreBitIdenticalToASingleRunner) {
  Random random(8);
  ModelBuilder b;
  const int32_t in = b.input("in", {1, 16, 16, 8});
  const int32_t conv = b.activation("conv", {1, 8, 8, 32});
  b.op(OpCode::Conv2D,
       {in, b.constant("k", {32, 3, 3, 8}, random.values(32 * 72)),
        b.constant("b", {32}, random.values(32))},
       {conv}, ir::Conv2DOptions{Padding::Same, 2, 2, 1, 1, Activation::Relu});
  const int32_t dw = b.activation("dw", {1, 8, 8, 32});
  b.op(OpCode::DepthwiseConv2D, {conv, b.constant("dk", {1, 3, 3, 32}, random.values(288)), -1},
       {dw}, ir::DepthwiseConv2DOptions{Padding::Same, 1, 1, 1, 1, 1, Activation::Relu6});
  const int32_t sum = b.activation("sum", {1, 8, 8, 32});
  b.op(OpCode::Add, {conv, dw}, {sum}, ir::ElementwiseOptions{Activation::None});
  b.output(sum);
  const Program program(b.model);
  std::vector<std::vector<float>> inputs;
  for (int r = 0; r < 24; ++r)
    inputs.push_back(random.values(16 * 16 * 8));
  auto run_records = [&](size_t first, size_t step, std::vector<std::vector<ValueRange>> &out) {
    Runner runner(program);
    for (size_t r = first; r < inputs.size(); r += step) {
      runner.set_input(0, inputs[r]);
      out[r].resize(b.model.tensors.size());
      runner.run(out[r]);
    }
  };
  std::vector<std::vector<ValueRange>> alone(inputs.size()), shared(inputs.size());
  run_records(0, 1, alone);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 3; ++t)
    threads.emplace_back([&, t] { run_records(t, 3, shared); });
  for (auto &thread : threads)
    thread.join();
  for (size_t r = 0; r < inputs.size(); ++r)
    for (int32_t tensor : {in, conv, dw, sum}) {
      const ValueRange &x = alone[r][static_cast<size_t>(tensor)],
                       &y = shared[r][static_cast<size_t>(tensor)];
      EXPECT_EQ(std::memcmp(&x.min, &y.min, sizeof(float)), 0) << "record " << r;
      EXPECT_EQ(std::memcmp(&x.max, &y.max, sizeof(float)), 0) << "record " << r;
    }
}

TEST(FastBackend, RejectsWhatTheReferenceRejects) {
  ModelBuilder b;
  const int32_t in = b.input("in", {1, 4, 4, 2});
  const int32_t out = b.activation("out", {1, 3, 3, 2});
  b.op(OpCode::Conv2D, {in, b.constant("k", {2, 2, 2, 3}, std::vector<float>(24, 1.0f)), -1},
       {out});
  b.output(out);
  EXPECT_THROW(Program{b.model}, InputError); // filter has 3 input channels, the input 2
  ModelBuilder c;
  const int32_t x = c.input("x", {1, 4});
  const int32_t y = c.activation("y", {1, 4});
  c.model.tensors[static_cast<size_t>(y)].dtype = ir::DType::UInt8;
  c.model.tensors[static_cast<size_t>(y)].quant = ir::QuantParams{{}, {}, {0.5f}, {0}, 0};
  c.op(OpCode::Quantize, {x}, {y});
  c.output(y);
  EXPECT_THROW(Program{c.model}, UnsupportedError);
}

TEST(FastBackend, InputAndOutputAccessAreChecked) {
  ModelBuilder b;
  const int32_t in = b.input("in", {1, 4});
  const int32_t out = b.activation("out", {1, 4});
  b.op(OpCode::Relu, {in}, {out});
  b.output(out);
  const Program program(b.model);
  Runner runner(program);
  EXPECT_THROW(runner.set_input(0, std::vector<float>(3)), InputError);
  EXPECT_THROW(runner.set_input(1, std::vector<float>(4)), InputError);
  runner.set_input(0, std::vector<float>{-1, 2, -3, 4});
  runner.run();
  EXPECT_EQ(std::vector<float>(runner.output(0).begin(), runner.output(0).end()),
            (std::vector<float>{0, 2, 0, 4}));
  EXPECT_THROW(runner.output(1), InputError);
}

} // namespace
} // namespace qgold::interp::fast
