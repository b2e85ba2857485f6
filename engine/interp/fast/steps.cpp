#include "interp/fast/steps.h"

#include "interp/fast/elementwise_steps.h"

#include "interp/kernels/padding.h"

#include <algorithm>
#include <unordered_map>

namespace qgold::interp::fast {
namespace {

using dnnl::memory;
using Tag = memory::format_tag;
constexpr auto kF32 = memory::data_type::f32;

float *tensor_data(const ir::Model &model, int32_t index) {
  // Constants are only read; oneDNN's memory handles take non-const pointers.
  const auto &bytes = *model.tensors[static_cast<size_t>(index)].data;
  return reinterpret_cast<float *>(const_cast<uint8_t *>(bytes.data()));
}

memory::desc nhwc_desc(const ir::Shape &s) {
  return memory::desc({s[0], s[3], s[1], s[2]}, kF32, Tag::nhwc);
}

// oneDNN's fused-activation post-op for a TFLite fused activation; false when
// there is none (Activation::None needs none either).
bool add_activation(dnnl::post_ops &ops, ir::Activation activation) {
  using dnnl::algorithm;
  switch (activation) {
  case ir::Activation::None:
    return true;
  case ir::Activation::Relu:
    ops.append_eltwise(1.0f, algorithm::eltwise_relu, 0.0f, 0.0f);
    return true;
  case ir::Activation::Relu6:
    ops.append_eltwise(1.0f, algorithm::eltwise_clip, 0.0f, 6.0f);
    return true;
  case ir::Activation::ReluN1To1:
    ops.append_eltwise(1.0f, algorithm::eltwise_clip, -1.0f, 1.0f);
    return true;
  case ir::Activation::Tanh: // refused when binding (interp/dispatch.cpp)
    return false;
  }
  return false;
}

dnnl::primitive_attr attributes(ir::Activation activation) {
  dnnl::primitive_attr attr;
  attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
  dnnl::post_ops ops;
  add_activation(ops, activation);
  attr.set_post_ops(ops);
  return attr;
}

// Padding before and after one spatial axis as oneDNN wants it: `before`
// as TFLite computes it, `after` whatever makes oneDNN's floor-division
// output size equal `out` (0 when the last window ends inside the input).
std::pair<int64_t, int64_t> axis_padding(int32_t in, int32_t filter, int32_t stride,
                                         int32_t dilation, int32_t out) {
  const int32_t before = kernels::conv_padding_before(stride, dilation, in, filter, out);
  const int64_t effective = static_cast<int64_t>(filter - 1) * dilation + 1;
  const int64_t after = std::max<int64_t>(0, (out - 1) * int64_t{stride} + effective - in - before);
  return {before, after};
}

// A oneDNN primitive whose arguments are (argument id, descriptor, tensor
// index) for activations and fixed pointers for constants.
class PrimitiveStep : public FastStep {
public:
  struct TensorArg {
    int id;
    memory::desc desc;
    int32_t tensor;
  };
  struct FixedArg {
    int id;
    memory::desc desc;
    float *data;
  };

  // tensors[1] is the destination, whose range the kernel reports.
  PrimitiveStep(dnnl::primitive primitive, memory::desc scratchpad, std::vector<TensorArg> tensors,
                std::vector<FixedArg> fixed, std::shared_ptr<memory> owned = nullptr)
      : primitive_(std::move(primitive)), scratchpad_(std::move(scratchpad)),
        tensors_(std::move(tensors)), fixed_(std::move(fixed)), owned_(std::move(owned)) {}

  FusedKernel bind(RunnerContext &context) const override {
    std::unordered_map<int, memory> args;
    for (const TensorArg &arg : tensors_)
      args.emplace(arg.id, memory(arg.desc, context.engine,
                                  context.buffers.data[static_cast<size_t>(arg.tensor)]));
    for (const FixedArg &arg : fixed_)
      args.emplace(arg.id, memory(arg.desc, context.engine, arg.data));
    args.emplace(DNNL_ARG_SCRATCHPAD, memory(scratchpad_, context.engine, context.scratchpad));
    const memory::desc &dst = tensors_.at(1).desc;
    const std::span<const float> output(
        static_cast<const float *>(context.buffers.data[static_cast<size_t>(tensors_.at(1).tensor)]),
        dst.get_size() / sizeof(float));
    return [primitive = primitive_, args = std::move(args), &stream = context.stream,
            output](ValueRange *output_range) {
      primitive.execute(stream, args);
      stream.wait();
      if (output_range)
        *output_range = value_range(output);
    };
  }
  size_t scratchpad_bytes() const override { return scratchpad_.get_size(); }

private:
  dnnl::primitive primitive_;
  memory::desc scratchpad_;
  std::vector<TensorArg> tensors_;
  std::vector<FixedArg> fixed_;
  std::shared_ptr<memory> owned_; // reordered weights that fixed_ points into
};

// Weights reordered once into the layout the primitive prefers.
std::shared_ptr<memory> reorder_weights(const dnnl::engine &engine, const memory::desc &source,
                                        float *data, const memory::desc &target) {
  memory from(source, engine, data);
  auto to = std::make_shared<memory>(target, engine);
  dnnl::stream stream(engine);
  dnnl::reorder(from, *to).execute(stream, from, *to);
  stream.wait();
  return to;
}

// The bias descriptor of `channels` values, empty when the optional bias input is absent.
memory::desc optional_bias(const ir::Operator &op, int64_t channels) {
  const bool has_bias = op.inputs.size() > 2 && op.inputs[2] >= 0;
  return has_bias ? memory::desc({channels}, kF32, Tag::x) : memory::desc();
}

// A convolution or inner product from input 0 to output 0 with constant
// weights (input 1), reordered once into the layout `pd` chose, and the
// constant bias (input 2) read in place when `bias_desc` is not empty.
template <typename Primitive>
std::unique_ptr<FastStep>
weighted_step(const ir::Model &model, const ir::Operator &op, const dnnl::engine &engine,
              const typename Primitive::primitive_desc &pd, const memory::desc &weights_source,
              const memory::desc &bias_desc) {
  auto weights =
      reorder_weights(engine, weights_source, tensor_data(model, op.inputs[1]), pd.weights_desc());
  std::vector<PrimitiveStep::FixedArg> fixed = {
      {DNNL_ARG_WEIGHTS, pd.weights_desc(), static_cast<float *>(weights->get_data_handle())}};
  if (!bias_desc.is_zero())
    fixed.push_back({DNNL_ARG_BIAS, bias_desc, tensor_data(model, op.inputs[2])});
  return std::make_unique<PrimitiveStep>(
      Primitive(pd), pd.scratchpad_desc(),
      std::vector<PrimitiveStep::TensorArg>{{DNNL_ARG_SRC, pd.src_desc(), op.inputs[0]},
                                            {DNNL_ARG_DST, pd.dst_desc(), op.outputs[0]}},
      std::move(fixed), std::move(weights));
}

struct WindowGeometry {
  memory::dims strides, dilations, padding_before, padding_after;
};

WindowGeometry window(const ir::Shape &in, const ir::Shape &out, int32_t filter_h, int32_t filter_w,
                      int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w) {
  const auto [top, bottom] = axis_padding(in[1], filter_h, stride_h, dilation_h, out[1]);
  const auto [left, right] = axis_padding(in[2], filter_w, stride_w, dilation_w, out[2]);
  return {{stride_h, stride_w}, {dilation_h - 1, dilation_w - 1}, {top, left}, {bottom, right}};
}

// Conv2D (groups == 1) and DepthwiseConv2D (groups == input channels).
std::unique_ptr<FastStep> make_convolution(const ir::Model &model, const ir::Operator &op,
                                           const dnnl::engine &engine) {
  const bool depthwise = op.code == ir::OpCode::DepthwiseConv2D;
  const ir::Shape &in = model.tensors[static_cast<size_t>(op.inputs[0])].shape;
  const ir::Shape &ker = model.tensors[static_cast<size_t>(op.inputs[1])].shape;
  const ir::Shape &out = model.tensors[static_cast<size_t>(op.outputs[0])].shape;
  int32_t stride_h, stride_w, dilation_h, dilation_w;
  ir::Activation activation;
  if (depthwise) {
    const auto &opt = std::get<ir::DepthwiseConv2DOptions>(op.options);
    stride_h = opt.stride_h, stride_w = opt.stride_w, activation = opt.activation;
    dilation_h = opt.dilation_h_factor, dilation_w = opt.dilation_w_factor;
  } else {
    const auto &opt = std::get<ir::Conv2DOptions>(op.options);
    stride_h = opt.stride_h, stride_w = opt.stride_w, activation = opt.activation;
    dilation_h = opt.dilation_h_factor, dilation_w = opt.dilation_w_factor;
  }
  const int64_t kh = ker[1], kw = ker[2];
  memory::desc weights_source;
  if (depthwise) {
    // [1, KH, KW, C*M] as (groups C, M outputs per group, 1 input, KH, KW).
    const int64_t c = in[3], m = ker[3] / in[3];
    weights_source = memory::desc({c, m, 1, kh, kw}, kF32, {m, 1, 1, kw * c * m, c * m});
  } else {
    // OHWI as (O, I, KH, KW).
    const int64_t o = ker[0], i = ker[3];
    weights_source = memory::desc({o, i, kh, kw}, kF32, {kh * kw * i, 1, kw * i, i});
  }
  const memory::desc weights_any(weights_source.dims(), kF32, Tag::any);
  const memory::desc bias_desc = optional_bias(op, out[3]);
  const WindowGeometry g = window(in, out, static_cast<int32_t>(kh), static_cast<int32_t>(kw),
                                  stride_h, stride_w, dilation_h, dilation_w);
  const dnnl::convolution_forward::desc desc(dnnl::prop_kind::forward_inference,
                                             dnnl::algorithm::convolution_direct, nhwc_desc(in),
                                             weights_any, bias_desc, nhwc_desc(out), g.strides,
                                             g.dilations, g.padding_before, g.padding_after);
  const dnnl::convolution_forward::primitive_desc pd(desc, attributes(activation), engine);
  return weighted_step<dnnl::convolution_forward>(model, op, engine, pd, weights_source, bias_desc);
}

std::unique_ptr<FastStep> make_fully_connected(const ir::Model &model, const ir::Operator &op,
                                               const dnnl::engine &engine) {
  const ir::Shape &weights_shape = model.tensors[static_cast<size_t>(op.inputs[1])].shape;
  const int64_t outputs = weights_shape[0], depth = weights_shape[1];
  const int64_t batch = model.tensors[static_cast<size_t>(op.inputs[0])].num_elements() / depth;
  const memory::desc src({batch, depth}, kF32, Tag::nc), dst({batch, outputs}, kF32, Tag::nc);
  const memory::desc weights_source({outputs, depth}, kF32, Tag::oi);
  const memory::desc weights_any({outputs, depth}, kF32, Tag::any);
  const memory::desc bias_desc = optional_bias(op, outputs);
  const dnnl::inner_product_forward::desc desc(dnnl::prop_kind::forward_inference, src, weights_any,
                                               bias_desc, dst);
  const auto activation = std::get<ir::FullyConnectedOptions>(op.options).activation;
  const dnnl::inner_product_forward::primitive_desc pd(desc, attributes(activation), engine);
  return weighted_step<dnnl::inner_product_forward>(model, op, engine, pd, weights_source,
                                                    bias_desc);
}

std::unique_ptr<FastStep> make_pooling(const ir::Model &model, const ir::Operator &op,
                                       const dnnl::engine &engine) {
  const auto &opt = std::get<ir::Pool2DOptions>(op.options);
  // oneDNN 2.6's SSE4.1 pooling JIT segfaults while creating a primitive with
  // an eltwise post-op for some channel counts (e.g. 4 channels, 1x4 window,
  // stride 1x3), so CPUs without AVX pool a fused activation with the
  // reference kernel.
  if (opt.activation != ir::Activation::None &&
      dnnl::get_effective_cpu_isa() < dnnl::cpu_isa::avx)
    return nullptr;
  const ir::Shape &in = model.tensors[static_cast<size_t>(op.inputs[0])].shape;
  const ir::Shape &out = model.tensors[static_cast<size_t>(op.outputs[0])].shape;
  const WindowGeometry g =
      window(in, out, opt.filter_height, opt.filter_width, opt.stride_h, opt.stride_w, 1, 1);
  // TFLite averages over the taps inside the input only.
  const auto algorithm = op.code == ir::OpCode::MaxPool2D
                             ? dnnl::algorithm::pooling_max
                             : dnnl::algorithm::pooling_avg_exclude_padding;
  const dnnl::pooling_forward::desc desc(
      dnnl::prop_kind::forward_inference, algorithm, nhwc_desc(in), nhwc_desc(out), g.strides,
      {opt.filter_height, opt.filter_width}, g.padding_before, g.padding_after);
  const dnnl::pooling_forward::primitive_desc pd(desc, attributes(opt.activation), engine);
  return std::make_unique<PrimitiveStep>(
      dnnl::pooling_forward(pd), pd.scratchpad_desc(),
      std::vector<PrimitiveStep::TensorArg>{{DNNL_ARG_SRC, pd.src_desc(), op.inputs[0]},
                                            {DNNL_ARG_DST, pd.dst_desc(), op.outputs[0]}},
      std::vector<PrimitiveStep::FixedArg>{});
}

bool has_empty_tensor(const ir::Model &model, const ir::Operator &op) {
  for (const auto *list : {&op.inputs, &op.outputs})
    for (int32_t t : *list)
      if (t >= 0 && model.tensors[static_cast<size_t>(t)].num_elements() == 0)
        return true;
  return false;
}

} // namespace

std::unique_ptr<FastStep> make_fast_step(const ir::Model &model, int32_t op_index,
                                         const dnnl::engine &engine) {
  const ir::Operator &op = model.operators[static_cast<size_t>(op_index)];
  if (has_empty_tensor(model, op))
    return nullptr;
  auto is_constant = [&](size_t slot) {
    return slot >= op.inputs.size() || op.inputs[slot] < 0 ||
           model.tensors[static_cast<size_t>(op.inputs[slot])].is_constant();
  };
  // Weights and biases are reordered once, so they must be constants.
  const bool constant_weights = is_constant(1) && is_constant(2);
  try {
    switch (op.code) {
    case ir::OpCode::Conv2D:
    case ir::OpCode::DepthwiseConv2D:
      return constant_weights ? make_convolution(model, op, engine) : nullptr;
    case ir::OpCode::FullyConnected:
      return constant_weights ? make_fully_connected(model, op, engine) : nullptr;
    case ir::OpCode::MaxPool2D:
    case ir::OpCode::AveragePool2D:
      return make_pooling(model, op, engine);
    case ir::OpCode::Add:
    case ir::OpCode::Sub:
    case ir::OpCode::Mul:
      return make_binary(model, op);
    case ir::OpCode::HardSwish:
      return make_hard_swish(model, op);
    default:
      return nullptr;
    }
  } catch (const dnnl::error &) {
    return nullptr; // a configuration oneDNN does not implement: the reference kernel runs
  }
}

} // namespace qgold::interp::fast
