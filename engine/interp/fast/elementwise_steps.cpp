#include "interp/fast/elementwise_steps.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <optional>

namespace qgold::interp::fast {
namespace {

// Block length of the range pass: it reads what was just written from L1.
constexpr int64_t kBlock = 2048;

// Writes out[0, count) block by block with `fill(begin, end)` and reduces
// each block's range right after it.
template <typename Fill>
void fill_blocks(float *out, int64_t count, int64_t block, ValueRange *output_range, Fill fill) {
  ValueRange range;
  for (int64_t begin = 0; begin < count; begin += block) {
    const int64_t end = std::min(count, begin + block);
    fill(begin, end);
    if (output_range) {
      const ValueRange part = value_range({out + begin, static_cast<size_t>(end - begin)});
      range.min = part.min < range.min ? part.min : range.min;
      range.max = part.max > range.max ? part.max : range.max;
    }
  }
  if (output_range)
    *output_range = range;
}

// How a binary operand is indexed at output element r + c of a row of the
// output (rows of `row` elements).
enum class Layout { Full, Row, Scalar };

template <Layout L> float load(const float *p, int64_t r, int64_t c) {
  if constexpr (L == Layout::Full)
    return p[r + c];
  else if constexpr (L == Layout::Row)
    return p[c];
  else
    return p[0];
}

// The clamp of a fused activation is TFLite's min(max(v, lo), hi), which
// lets NaN through.
template <typename Combine, Layout X, Layout Y> class BinaryStep : public FastStep {
public:
  BinaryStep(int32_t x, int32_t y, int32_t out, int64_t count, int64_t row, float lo, float hi)
      : x_(x), y_(y), out_(out), count_(count), row_(row), lo_(lo), hi_(hi) {}

  FusedKernel bind(RunnerContext &context) const override {
    const auto &data = context.buffers.data;
    return [x = static_cast<const float *>(data[static_cast<size_t>(x_)]),
            y = static_cast<const float *>(data[static_cast<size_t>(y_)]),
            out = static_cast<float *>(data[static_cast<size_t>(out_)]), count = count_,
            row = row_, lo = lo_, hi = hi_](ValueRange *output_range) {
      const int64_t block = row * std::max<int64_t>(1, kBlock / row);
      fill_blocks(out, count, block, output_range, [&](int64_t begin, int64_t end) {
        for (int64_t r = begin; r < end; r += row)
          for (int64_t c = 0, n = std::min(row, end - r); c < n; ++c) {
            const float v = Combine{}(load<X>(x, r, c), load<Y>(y, r, c));
            const float low_clamped = v < lo ? lo : v;
            out[r + c] = low_clamped > hi ? hi : low_clamped;
          }
      });
    };
  }

private:
  int32_t x_, y_, out_;
  int64_t count_, row_;
  float lo_, hi_;
};

// The layout of `operand` against the output's shape, if it is one of the three.
std::optional<Layout> layout_of(const ir::Shape &operand, const ir::Shape &out) {
  if (operand == out)
    return Layout::Full;
  const int64_t count = ir::num_elements(operand);
  if (count == 1)
    return Layout::Scalar;
  if (out.empty() || operand.empty() || operand.back() != out.back() || count != out.back() ||
      operand.size() > out.size())
    return std::nullopt;
  return Layout::Row;
}

template <typename Combine>
std::unique_ptr<FastStep> binary_step(Layout x, Layout y, int32_t a, int32_t b, int32_t out,
                                      int64_t count, int64_t channels, float lo, float hi) {
  const bool rows = x == Layout::Row || y == Layout::Row;
  const int64_t row = rows ? channels : std::min(count, kBlock);
  auto make = [&]<Layout X, Layout Y>() -> std::unique_ptr<FastStep> {
    return std::make_unique<BinaryStep<Combine, X, Y>>(a, b, out, count, row, lo, hi);
  };
  if (x == Layout::Full && y == Layout::Full)
    return make.template operator()<Layout::Full, Layout::Full>();
  if (x == Layout::Full && y == Layout::Row)
    return make.template operator()<Layout::Full, Layout::Row>();
  if (x == Layout::Row && y == Layout::Full)
    return make.template operator()<Layout::Row, Layout::Full>();
  if (x == Layout::Full && y == Layout::Scalar)
    return make.template operator()<Layout::Full, Layout::Scalar>();
  if (x == Layout::Scalar && y == Layout::Full)
    return make.template operator()<Layout::Scalar, Layout::Full>();
  return nullptr;
}

class HardSwishStep : public FastStep {
public:
  HardSwishStep(int32_t in, int32_t out, int64_t count) : in_(in), out_(out), count_(count) {}

  FusedKernel bind(RunnerContext &context) const override {
    const auto &data = context.buffers.data;
    return [in = static_cast<const float *>(data[static_cast<size_t>(in_)]),
            out = static_cast<float *>(data[static_cast<size_t>(out_)]),
            count = count_](ValueRange *output_range) {
      fill_blocks(out, count, kBlock, output_range, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) { // kernels/hard_swish.cpp's expression
          const float x = in[i];
          out[i] = x * std::min(6.0f, std::max(0.0f, x + 3.0f)) / 6.0f;
        }
      });
    };
  }

private:
  int32_t in_, out_;
  int64_t count_;
};

} // namespace

std::unique_ptr<FastStep> make_binary(const ir::Model &model, const ir::Operator &op) {
  const ir::Tensor &x = model.tensors[static_cast<size_t>(op.inputs[0])];
  const ir::Tensor &y = model.tensors[static_cast<size_t>(op.inputs[1])];
  const ir::Tensor &result = model.tensors[static_cast<size_t>(op.outputs[0])];
  if (x.dtype != ir::DType::Float32 || y.dtype != ir::DType::Float32)
    return nullptr; // integers: the reference kernel
  const std::optional<Layout> x_layout = layout_of(x.shape, result.shape);
  const std::optional<Layout> y_layout = layout_of(y.shape, result.shape);
  if (!x_layout || !y_layout)
    return nullptr; // a general broadcast: the reference kernel
  float lo = -std::numeric_limits<float>::infinity(), hi = std::numeric_limits<float>::infinity();
  switch (std::get<ir::ElementwiseOptions>(op.options).activation) {
  case ir::Activation::None:
    break;
  case ir::Activation::Relu:
    lo = 0.0f;
    break;
  case ir::Activation::Relu6:
    lo = 0.0f, hi = 6.0f;
    break;
  case ir::Activation::ReluN1To1:
    lo = -1.0f, hi = 1.0f;
    break;
  case ir::Activation::Tanh:
    return nullptr;
  }
  const int32_t a = op.inputs[0], b = op.inputs[1], out = op.outputs[0];
  const int64_t count = result.num_elements();
  const int64_t channels = result.shape.empty() ? 1 : result.shape.back();
  switch (op.code) {
  case ir::OpCode::Add:
    return binary_step<std::plus<float>>(*x_layout, *y_layout, a, b, out, count, channels, lo, hi);
  case ir::OpCode::Sub:
    return binary_step<std::minus<float>>(*x_layout, *y_layout, a, b, out, count, channels, lo,
                                          hi);
  case ir::OpCode::Mul:
    return binary_step<std::multiplies<float>>(*x_layout, *y_layout, a, b, out, count, channels,
                                               lo, hi);
  default:
    return nullptr;
  }
}

std::unique_ptr<FastStep> make_hard_swish(const ir::Model &model, const ir::Operator &op) {
  const ir::Tensor &in = model.tensors[static_cast<size_t>(op.inputs[0])];
  if (in.dtype != ir::DType::Float32)
    return nullptr;
  return std::make_unique<HardSwishStep>(op.inputs[0], op.outputs[0], in.num_elements());
}

} // namespace qgold::interp::fast
