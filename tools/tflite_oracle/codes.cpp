#include "tools/tflite_oracle/codes.h"

#include "tools/tflite_oracle/tensor_file.h"

#include "data/dataset.h"
#include "format/model_file.h"
#include "interp/dataset_run.h"
#include "interp/interpreter.h"
#include "interp/kernels/batch_matmul.h"
#include "interp/kernels/broadcast.h"
#include "interp/kernels/quantized/fixed_point.h"
#include "interp/kernels/quantized/quant_params.h"
#include "interp/kernels/quantized/reduce_walk.h"
#include "interp/weighted_sums.h"
#include "ir/error.h"
#include "ir/op_registry.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace qgold::oracle {
namespace {

namespace q = interp::kernels::quantized;

// Element `i` of a tensor's bytes as a number.
int64_t code(ir::DType dtype, const std::vector<uint8_t> &bytes, size_t i) {
  switch (dtype) {
  case ir::DType::UInt8:
    return bytes[i];
  case ir::DType::Int8:
    return static_cast<int8_t>(bytes[i]);
  case ir::DType::Int16: {
    int16_t v;
    std::memcpy(&v, &bytes[2 * i], 2);
    return v;
  }
  case ir::DType::Int32: {
    int32_t v;
    std::memcpy(&v, &bytes[4 * i], 4);
    return v;
  }
  default:
    return 0;
  }
}

// The names of the tensors the oracle's profile says XNNPACK computed.
std::set<std::string> xnnpack_outputs(const std::string &oracle_path) {
  std::ifstream file(oracle_path);
  std::stringstream text;
  text << file.rdbuf();
  const nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
  std::set<std::string> names;
  if (json.is_discarded() || !json.contains("kernels"))
    return names;
  for (const auto &kernel : json["kernels"]) {
    if (kernel.value("type", "") != "TfLiteXNNPackDelegate")
      continue;
    std::string list = kernel.value("node", "");
    list.erase(std::remove_if(list.begin(), list.end(), [](char c) { return c == '[' || c == ']'; }),
               list.end());
    std::stringstream parts(list);
    for (std::string name; std::getline(parts, name, ',');) {
      name.erase(0, name.find_first_not_of(' '));
      names.insert(name);
    }
  }
  return names;
}

q::QuantInfo quant_of(const ir::Tensor &tensor, size_t channel = 0) {
  const ir::QuantParams &p = *tensor.quant;
  const size_t c = p.scale.size() == 1 ? 0 : channel;
  return {p.scale.at(c), static_cast<int32_t>(p.zero_point.at(c))};
}

// Operator `op` alone: its non-constant inputs are the graph inputs, its outputs the outputs.
ir::Model single_op(const ir::Model &model, int32_t op) {
  ir::Model single = model;
  single.operators = {model.operators[static_cast<size_t>(op)]};
  single.inputs.clear();
  for (int32_t input : single.operators[0].inputs)
    if (input >= 0 && !model.tensors[static_cast<size_t>(input)].is_constant() &&
        std::find(single.inputs.begin(), single.inputs.end(), input) == single.inputs.end())
      single.inputs.push_back(input);
  single.outputs = single.operators[0].outputs;
  return single;
}

// qgold's outputs of `model` (a single op) fed `inputs` by tensor index.
std::vector<std::vector<uint8_t>> run_single(const ir::Model &model,
                                             const std::map<int32_t, std::vector<uint8_t>> &inputs) {
  interp::Interpreter interpreter(model, interp::Kernels::FloatAndInteger);
  for (size_t i = 0; i < model.inputs.size(); ++i)
    interpreter.set_input_bytes(i, inputs.at(model.inputs[i]));
  interpreter.run();
  std::vector<std::vector<uint8_t>> outputs;
  for (int32_t output : model.outputs) {
    const auto bytes = interpreter.tensor_bytes(output);
    outputs.emplace_back(bytes.begin(), bytes.end());
  }
  return outputs;
}

// XNNPACK's fp32 requantization of integer sums: z + rne(float(S) * scale[c]), clamped.
std::vector<uint8_t> fp32_requantize(const std::vector<int64_t> &sums, const ir::Tensor &output,
                                     const std::vector<float> &scales, q::IntRange range) {
  std::vector<uint8_t> bytes(sums.size() * ir::dtype_size(output.dtype));
  const int32_t zero = quant_of(output).zero_point;
  for (size_t i = 0; i < sums.size(); ++i) {
    float scaled = static_cast<float>(sums[i]) * scales[i % scales.size()];
    scaled = std::min(std::max(scaled, static_cast<float>(range.min - zero)),
                      static_cast<float>(range.max - zero));
    const auto value = static_cast<int32_t>(std::nearbyint(scaled)) + zero;
    if (output.dtype == ir::DType::Int16) {
      const auto v = static_cast<int16_t>(value);
      std::memcpy(&bytes[2 * i], &v, 2);
    } else {
      bytes[i] = static_cast<uint8_t>(value);
    }
  }
  return bytes;
}

struct Tally {
  size_t exact = 0;
  std::map<std::string, size_t> by_rule;      // op outputs that agree by a rule
  std::map<std::string, size_t> rule_elements; // elements where the rule and the reference differ
};

class Checker {
public:
  Checker(const ir::Model &model, std::set<std::string> xnnpack)
      : model_(model), xnnpack_(std::move(xnnpack)) {}

  // The rule operator `op` agrees by ("" for exactly; nullopt when neither holds), and in
  // `elements` how many output elements of qgold's kernel then differ from TFLite's.
  std::optional<std::string> check(int32_t op, const std::map<int32_t, std::vector<uint8_t>> &codes,
                                   const std::vector<std::vector<uint8_t>> &theirs, size_t &elements) {
    const ir::Model single = single_op(model_, op);
    const auto ours = run_single(single, codes);
    if (ours == theirs)
      return std::string();
    const ir::Operator &o = model_.operators[static_cast<size_t>(op)];
    const ir::Tensor &output = model_.tensors[static_cast<size_t>(o.outputs[0])];
    std::optional<std::string> rule;
    if (ir::weighted_op(o.code) && xnnpack_.contains(output.name))
      rule = by_xnnpack_requantization(op, codes, theirs[0]);
    else if (o.code == ir::OpCode::Mean && xnnpack_.contains(output.name))
      rule = by_xnnpack_mean(op, codes, theirs[0]);
    else if (o.code == ir::OpCode::Mul && xnnpack_.contains(output.name))
      rule = by_xnnpack_mul(op, codes, theirs[0]);
    else if ((o.code == ir::OpCode::LeakyRelu || o.code == ir::OpCode::Quantize) &&
             xnnpack_.contains(output.name))
      rule = by_xnnpack_q8_rescale(op, codes, theirs[0]);
    else if (o.code == ir::OpCode::ResizeBilinear && xnnpack_.contains(output.name))
      rule = by_xnnpack_resize_bilinear(op, codes, theirs[0]);
    else if (moves_codes(o.code))
      rule = by_same_parameters(single, codes, theirs);
    else if (o.code == ir::OpCode::Sum)
      rule = by_sum_wrap(op, codes, theirs[0]);
    else if (o.code == ir::OpCode::BatchMatMul)
      rule = by_ruy_single_rounding(op, codes, theirs[0]);
    else if (o.code == ir::OpCode::Cast)
      rule = by_cast_values(single, codes, theirs);
    for (size_t k = 0; rule && k < ours.size(); ++k)
      elements += differing(ours[k], theirs[k],
                            ir::dtype_size(model_.tensors[static_cast<size_t>(o.outputs[k])].dtype));
    return rule;
  }

private:
  static bool moves_codes(ir::OpCode code) {
    switch (code) {
    case ir::OpCode::MaxPool2D:
    case ir::OpCode::AveragePool2D:
    case ir::OpCode::Pad:
    case ir::OpCode::Reshape:
    case ir::OpCode::Split:
    case ir::OpCode::Transpose:
    case ir::OpCode::Gather:
    case ir::OpCode::Slice:
    case ir::OpCode::StridedSlice:
    case ir::OpCode::Squeeze:
    case ir::OpCode::ExpandDims:
    case ir::OpCode::Pack:
    case ir::OpCode::Unpack:
    case ir::OpCode::SplitV:
    case ir::OpCode::Tile:
    case ir::OpCode::PadV2:
    case ir::OpCode::MirrorPad:
    case ir::OpCode::DepthToSpace:
    case ir::OpCode::SpaceToDepth:
    case ir::OpCode::BatchToSpaceND:
    case ir::OpCode::SpaceToBatchND:
    case ir::OpCode::ResizeNearestNeighbor:
    case ir::OpCode::ResizeBilinear:
    case ir::OpCode::ReduceMax:
    case ir::OpCode::ReduceMin:
    case ir::OpCode::Maximum:
    case ir::OpCode::Minimum:
    case ir::OpCode::Select:
    case ir::OpCode::SelectV2:
      return true;
    default:
      return false;
    }
  }

  // The first input that carries codes (Split's and Select's come after the axis or condition).
  static size_t first_value_input(ir::OpCode code) {
    return code == ir::OpCode::Split || code == ir::OpCode::Select || code == ir::OpCode::SelectV2;
  }

  static size_t differing(const std::vector<uint8_t> &a, const std::vector<uint8_t> &b, size_t size) {
    size_t count = 0;
    for (size_t i = 0; i * size < a.size(); ++i)
      count += std::memcmp(&a[i * size], &b[i * size], size) != 0;
    return count;
  }

  std::optional<std::string> by_xnnpack_requantization(
      int32_t op, const std::map<int32_t, std::vector<uint8_t>> &codes,
      const std::vector<uint8_t> &theirs) {
    const ir::Operator &o = model_.operators[static_cast<size_t>(op)];
    const ir::WeightedOp layout = *ir::weighted_op(o.code);
    const int32_t input = o.inputs[static_cast<size_t>(layout.activation)];
    const std::vector<int64_t> sums = interp::weighted_sums(model_, op, codes.at(input));
    const ir::Tensor &in = model_.tensors[static_cast<size_t>(input)];
    const ir::Tensor &weights = model_.tensors[static_cast<size_t>(o.inputs[static_cast<size_t>(layout.weights)])];
    const ir::Tensor &output = model_.tensors[static_cast<size_t>(o.outputs[0])];
    std::vector<float> scales;
    for (size_t c = 0; c < weights.quant->scale.size(); ++c)
      scales.push_back(quant_of(in).scale * weights.quant->scale[c] / quant_of(output).scale);
    const q::IntRange range = q::activation_range(ir::fused_activation(o.options), quant_of(output),
                                                  q::full_range(output.dtype));
    if (fp32_requantize(sums, output, scales, range) != theirs)
      return std::nullopt;
    return std::string("xnnpack-requantization");
  }

  std::optional<std::string> by_xnnpack_mean(int32_t op,
                                             const std::map<int32_t, std::vector<uint8_t>> &codes,
                                             const std::vector<uint8_t> &theirs) {
    const ir::Operator &o = model_.operators[static_cast<size_t>(op)];
    const ir::Tensor &in = model_.tensors[static_cast<size_t>(o.inputs[0])];
    const ir::Tensor &output = model_.tensors[static_cast<size_t>(o.outputs[0])];
    if (in.shape.size() != 4 || output.shape.size() != 4 || output.shape[1] != 1 || output.shape[2] != 1)
      return std::nullopt;
    const int64_t n = static_cast<int64_t>(in.shape[1]) * in.shape[2], channels = in.shape[3];
    const std::vector<uint8_t> &x = codes.at(o.inputs[0]);
    const int32_t zero = quant_of(in).zero_point;
    std::vector<int64_t> sums(static_cast<size_t>(in.shape[0] * channels), 0);
    for (size_t i = 0; i < x.size() / ir::dtype_size(in.dtype); ++i) {
      const auto pixel = static_cast<int64_t>(i) / channels, c = static_cast<int64_t>(i) % channels;
      sums[static_cast<size_t>(pixel / n * channels + c)] += code(in.dtype, x, i) - zero;
    }
    const float scale = quant_of(in).scale / (quant_of(output).scale * static_cast<float>(n));
    if (fp32_requantize(sums, output, {scale}, q::full_range(output.dtype)) != theirs)
      return std::nullopt;
    return std::string("xnnpack-mean");
  }

  // XNNPACK's quantized multiply: z_out + rne(float((a - z_a)(b - z_b)) * (s_a * s_b / s_out)),
  // the scale in float, clamped to the fused activation's codes.
  std::optional<std::string> by_xnnpack_mul(int32_t op,
                                            const std::map<int32_t, std::vector<uint8_t>> &codes,
                                            const std::vector<uint8_t> &theirs) {
    const ir::Operator &o = model_.operators[static_cast<size_t>(op)];
    const ir::Tensor &a = model_.tensors[static_cast<size_t>(o.inputs[0])];
    const ir::Tensor &b = model_.tensors[static_cast<size_t>(o.inputs[1])];
    const ir::Tensor &output = model_.tensors[static_cast<size_t>(o.outputs[0])];
    auto centered = [&](const ir::Tensor &t, int32_t index) {
      const std::vector<uint8_t> &bytes = codes.at(index);
      std::vector<int64_t> values(static_cast<size_t>(t.num_elements()));
      for (size_t i = 0; i < values.size(); ++i)
        values[i] = code(t.dtype, bytes, i) - quant_of(t).zero_point;
      return values;
    };
    const std::vector<int64_t> x = centered(a, o.inputs[0]), y = centered(b, o.inputs[1]);
    std::vector<int64_t> products(static_cast<size_t>(output.num_elements()));
    interp::kernels::broadcast_binary(a.shape, x.data(), b.shape, y.data(), output.shape,
                                      products.data(), [](int64_t u, int64_t v) { return u * v; });
    const float scale = quant_of(a).scale * quant_of(b).scale / quant_of(output).scale;
    const q::IntRange range = q::activation_range(ir::fused_activation(o.options), quant_of(output),
                                                  q::full_range(output.dtype));
    if (fp32_requantize(products, output, {scale}, range) != theirs)
      return std::nullopt;
    return std::string("xnnpack-mul");
  }

  // XNNPACK's 8-bit LeakyRelu and int-to-int Quantize (convert): d = x - z_in times an 8.8
  // fixed-point multiplier m = lrintf(256 * r), then z_out + floor((d * m + 128) / 256)
  // clamped to the dtype; r = s_in / s_out in float (LeakyRelu below zero: r * alpha).
  std::optional<std::string>
  by_xnnpack_q8_rescale(int32_t op, const std::map<int32_t, std::vector<uint8_t>> &codes,
                        const std::vector<uint8_t> &theirs) {
    const ir::Operator &o = model_.operators[static_cast<size_t>(op)];
    const ir::Tensor &in = model_.tensors[static_cast<size_t>(o.inputs[0])];
    const ir::Tensor &output = model_.tensors[static_cast<size_t>(o.outputs[0])];
    if (!in.quant || (in.dtype != ir::DType::UInt8 && in.dtype != ir::DType::Int8) ||
        (output.dtype != ir::DType::UInt8 && output.dtype != ir::DType::Int8))
      return std::nullopt;
    const float ratio = quant_of(in).scale / quant_of(output).scale;
    const auto positive = static_cast<int32_t>(std::lrintf(256.0f * ratio));
    int32_t negative = positive;
    if (const auto *leaky = std::get_if<ir::LeakyReluOptions>(&o.options))
      negative = static_cast<int32_t>(std::lrintf(256.0f * (ratio * leaky->alpha)));
    const q::IntRange range = q::full_range(output.dtype);
    const std::vector<uint8_t> &x = codes.at(o.inputs[0]);
    std::vector<uint8_t> bytes(x.size());
    for (size_t i = 0; i < x.size(); ++i) {
      const int32_t d = static_cast<int32_t>(code(in.dtype, x, i)) - quant_of(in).zero_point;
      const int32_t scaled = (d * (d >= 0 ? positive : negative) + 128) >> 8;
      bytes[i] = static_cast<uint8_t>(range.clamp(quant_of(output).zero_point + scaled));
    }
    if (bytes != theirs)
      return std::nullopt;
    return std::string("xnnpack-q8-rescale");
  }

  // XNNPACK's 8-bit ResizeBilinear interpolates the codes with 11-bit weights: per axis a float
  // source coordinate (v * scale, or v * scale + scale / 2 - 1/2 clamped to [0, in - 1] with
  // half-pixel centers; scale = in / out, or (in - 1) / (out - 1) with align_corners), the taps
  // trunc(source) and one above it (at most in - 1), alpha = lrintf(2^11 * fraction); then
  // top = (tl << 11) + (tr - tl) * alpha_x, bottom likewise, acc = (top << 11) + (bottom - top) *
  // alpha_y, output (acc + 2^21) >> 22 (half up), in the input's parameters.
  std::optional<std::string> by_xnnpack_resize_bilinear(
      int32_t op, const std::map<int32_t, std::vector<uint8_t>> &codes,
      const std::vector<uint8_t> &theirs) {
    const ir::Operator &o = model_.operators[static_cast<size_t>(op)];
    const ir::Tensor &in = model_.tensors[static_cast<size_t>(o.inputs[0])];
    const ir::Tensor &output = model_.tensors[static_cast<size_t>(o.outputs[0])];
    if ((in.dtype != ir::DType::UInt8 && in.dtype != ir::DType::Int8) || in.shape.size() != 4)
      return std::nullopt;
    const auto &opt = std::get<ir::ResizeBilinearOptions>(o.options);
    struct Tap {
      int64_t lower, upper;
      int32_t alpha;
    };
    auto taps = [&](int64_t in_size, int64_t out_size) {
      const bool corners = opt.align_corners && out_size > 1;
      const float scale = corners ? static_cast<float>(in_size - 1) / static_cast<float>(out_size - 1)
                                  : static_cast<float>(in_size) / static_cast<float>(out_size);
      std::vector<Tap> result;
      for (int64_t v = 0; v < out_size; ++v) {
        float source = static_cast<float>(v) * scale;
        if (opt.half_pixel_centers && !opt.align_corners)
          source = std::min(std::max(source + (0.5f * scale - 0.5f), 0.0f),
                            static_cast<float>(in_size - 1));
        const auto lower = static_cast<int64_t>(source);
        result.push_back({lower, std::min(lower + 1, in_size - 1),
                          static_cast<int32_t>(std::lrintf((source - static_cast<float>(lower)) * 2048.0f))});
      }
      return result;
    };
    const ir::Shape &is = in.shape, &os = output.shape;
    const std::vector<Tap> ys = taps(is[1], os[1]), xs = taps(is[2], os[2]);
    const std::vector<uint8_t> &x = codes.at(o.inputs[0]);
    auto at = [&](int64_t b, int64_t y, int64_t xx, int64_t c) {
      return static_cast<int32_t>(code(in.dtype, x, static_cast<size_t>(((b * is[1] + y) * is[2] + xx) * is[3] + c)));
    };
    std::vector<uint8_t> bytes;
    for (int64_t b = 0; b < os[0]; ++b)
      for (const Tap &ty : ys)
        for (const Tap &tx : xs)
          for (int64_t c = 0; c < os[3]; ++c) {
            const int32_t tl = at(b, ty.lower, tx.lower, c), tr = at(b, ty.lower, tx.upper, c);
            const int32_t bl = at(b, ty.upper, tx.lower, c), br = at(b, ty.upper, tx.upper, c);
            const int32_t top = tl * 2048 + (tr - tl) * tx.alpha;
            const int32_t bottom = bl * 2048 + (br - bl) * tx.alpha;
            const int32_t acc = top * 2048 + (bottom - top) * ty.alpha;
            bytes.push_back(static_cast<uint8_t>((acc + (1 << 21)) >> 22));
          }
    if (bytes != theirs)
      return std::nullopt;
    return std::string("xnnpack-resize-bilinear");
  }

  // TFLite's optimized int8 BatchMatMul (ruy) rescales each sum S of (x - z_x)(y - z_y) with one
  // rounding: z_out + ((S * m + 2^(30 - shift)) >> (31 - shift)), m and shift the Q31 multiplier
  // of s_x * s_y / s_out; TFLite's reference (and qgold) round twice.
  std::optional<std::string> by_ruy_single_rounding(
      int32_t op, const std::map<int32_t, std::vector<uint8_t>> &codes,
      const std::vector<uint8_t> &theirs) {
    const ir::Operator &o = model_.operators[static_cast<size_t>(op)];
    const ir::Tensor &lhs = model_.tensors[static_cast<size_t>(o.inputs[0])];
    const ir::Tensor &rhs = model_.tensors[static_cast<size_t>(o.inputs[1])];
    const ir::Tensor &output = model_.tensors[static_cast<size_t>(o.outputs[0])];
    if (output.dtype != ir::DType::Int8)
      return std::nullopt;
    const auto &opt = std::get<ir::BatchMatMulOptions>(o.options);
    const q::QuantInfo ql = quant_of(lhs), qr = quant_of(rhs), qo = quant_of(output);
    const q::Multiplier m = q::quantize_multiplier(static_cast<double>(ql.scale) *
                                                   static_cast<double>(qr.scale) /
                                                   static_cast<double>(qo.scale));
    // A constant operand (BatchMatMul_001's rhs) is not among the recorded codes.
    auto bytes_of = [&](int32_t t) -> const std::vector<uint8_t> & {
      return codes.contains(t) ? codes.at(t) : *model_.tensors[static_cast<size_t>(t)].data;
    };
    const std::vector<uint8_t> &x = bytes_of(o.inputs[0]), &y = bytes_of(o.inputs[1]);
    const ir::Shape &ls = lhs.shape, &rs = rhs.shape, &os = output.shape;
    const size_t lr = ls.size(), rr = rs.size(), orank = os.size();
    const int64_t rows = os[orank - 2], cols = os[orank - 1];
    const int64_t depth = opt.adj_x ? ls[lr - 2] : ls[lr - 1];
    const int64_t lhs_m = opt.adj_x ? 1 : ls[lr - 1], lhs_k = opt.adj_x ? ls[lr - 1] : 1;
    const int64_t rhs_k = opt.adj_y ? 1 : rs[rr - 1], rhs_n = opt.adj_y ? rs[rr - 1] : 1;
    const interp::kernels::MatMulBatches lb = interp::kernels::matmul_batches(ls),
                                         rb = interp::kernels::matmul_batches(rs),
                                         ob = interp::kernels::matmul_batches(os);
    const int right = 31 - m.shift;
    std::vector<uint8_t> bytes;
    for (int64_t b0 = 0; b0 < ob.dims[0]; ++b0)
      for (int64_t b1 = 0; b1 < ob.dims[1]; ++b1)
        for (int64_t b2 = 0; b2 < ob.dims[2]; ++b2) {
          const int64_t l = b0 * lb.strides[0] + b1 * lb.strides[1] + b2 * lb.strides[2];
          const int64_t r = b0 * rb.strides[0] + b1 * rb.strides[1] + b2 * rb.strides[2];
          for (int64_t i = 0; i < rows; ++i)
            for (int64_t j = 0; j < cols; ++j) {
              int64_t sum = 0;
              for (int64_t k = 0; k < depth; ++k)
                sum += (code(lhs.dtype, x, static_cast<size_t>(l + i * lhs_m + k * lhs_k)) -
                        ql.zero_point) *
                       (code(rhs.dtype, y, static_cast<size_t>(r + k * rhs_k + j * rhs_n)) -
                        qr.zero_point);
              const int64_t scaled = (sum * m.value + (int64_t{1} << (right - 1))) >> right;
              const int64_t value = std::clamp<int64_t>(qo.zero_point + scaled, -128, 127);
              bytes.push_back(static_cast<uint8_t>(static_cast<int8_t>(value)));
            }
        }
    if (bytes != theirs)
      return std::nullopt;
    return std::string("ruy-single-rounding");
  }

  // TFLite's rescaled 8-bit Sum casts its code to the code type: qgold's arithmetic
  // (kernels/quantized/sum.h) with the code wrapped around instead of clamped.
  std::optional<std::string> by_sum_wrap(int32_t op,
                                         const std::map<int32_t, std::vector<uint8_t>> &codes,
                                         const std::vector<uint8_t> &theirs) {
    const ir::Operator &o = model_.operators[static_cast<size_t>(op)];
    const ir::Tensor &in = model_.tensors[static_cast<size_t>(o.inputs[0])];
    const ir::Tensor &axes_tensor = model_.tensors[static_cast<size_t>(o.inputs[1])];
    const ir::Tensor &output = model_.tensors[static_cast<size_t>(o.outputs[0])];
    if ((output.dtype != ir::DType::UInt8 && output.dtype != ir::DType::Int8) ||
        axes_tensor.dtype != ir::DType::Int32 || !axes_tensor.data)
      return std::nullopt;
    std::vector<int32_t> axes(axes_tensor.data->size() / 4);
    std::memcpy(axes.data(), axes_tensor.data->data(), axes.size() * 4);
    const int64_t outputs = q::reduction_outputs(in.shape, axes);
    if (outputs == 0)
      return std::nullopt;
    const std::vector<uint8_t> &x = codes.at(o.inputs[0]);
    std::vector<int64_t> sums(static_cast<size_t>(outputs), 0);
    q::walk_reduction(in.shape, axes, [&](int64_t i, int64_t k, bool) {
      sums[static_cast<size_t>(k)] += code(in.dtype, x, static_cast<size_t>(i));
    });
    const q::QuantInfo qi = quant_of(in), qo = quant_of(output);
    const float scale = qi.scale / qo.scale;
    const auto n = static_cast<float>(ir::num_elements(in.shape) / outputs);
    const float bias = static_cast<float>(-qi.zero_point) * scale * n;
    std::vector<uint8_t> bytes(sums.size());
    for (size_t k = 0; k < sums.size(); ++k) {
      const float rounded = std::round(static_cast<float>(sums[k]) * scale + bias);
      bytes[k] = static_cast<uint8_t>(static_cast<int32_t>(rounded) + qo.zero_point);
    }
    if (bytes != theirs)
      return std::nullopt;
    return std::string("sum-wraps");
  }

  // TFLite's result: the op on the input's parameters with no activation, then clamped to
  // the fused activation's range in the output's parameters (which is all TFLite reads of them).
  std::optional<std::string> by_same_parameters(ir::Model single,
                                                const std::map<int32_t, std::vector<uint8_t>> &codes,
                                                const std::vector<std::vector<uint8_t>> &theirs) {
    ir::Operator &o = single.operators[0];
    const size_t first = first_value_input(o.code);
    const ir::Tensor &in = single.tensors[static_cast<size_t>(o.inputs[first])];
    for (size_t k = first + 1; k < o.inputs.size(); ++k) // Maximum's, Select's other operand
      if (ir::Tensor &other = single.tensors[static_cast<size_t>(o.inputs[k])]; other.quant) {
        other.quant->scale = in.quant->scale;
        other.quant->zero_point = in.quant->zero_point;
      }
    const ir::Activation activation = ir::fused_activation(o.options);
    if (auto *pool = std::get_if<ir::Pool2DOptions>(&o.options))
      pool->activation = ir::Activation::None;
    std::vector<q::IntRange> ranges;
    for (int32_t output : o.outputs) {
      ir::Tensor &tensor = single.tensors[static_cast<size_t>(output)];
      ranges.push_back(q::activation_range(activation, quant_of(tensor), q::full_range(tensor.dtype)));
      tensor.quant->scale = in.quant->scale;
      tensor.quant->zero_point = in.quant->zero_point;
    }
    auto ours = run_single(single, codes);
    for (size_t k = 0; k < ours.size(); ++k) {
      const ir::DType dtype = single.tensors[static_cast<size_t>(o.outputs[k])].dtype;
      if (dtype != ir::DType::UInt8 && dtype != ir::DType::Int8)
        return std::nullopt;
      for (uint8_t &byte : ours[k]) {
        const int32_t value = ranges[k].clamp(static_cast<int32_t>(code(dtype, {byte}, 0)));
        byte = static_cast<uint8_t>(value);
      }
    }
    if (ours != theirs)
      return std::nullopt;
    return std::string("same-parameters");
  }

  // TFLite's Cast converts the stored values and ignores scale and zero point: qgold's
  // float Cast on the same codes (the single op's tensors without their parameters).
  std::optional<std::string> by_cast_values(ir::Model single,
                                            const std::map<int32_t, std::vector<uint8_t>> &codes,
                                            const std::vector<std::vector<uint8_t>> &theirs) {
    for (int32_t tensor : {single.operators[0].inputs[0], single.operators[0].outputs[0]})
      single.tensors[static_cast<size_t>(tensor)].quant.reset();
    if (run_single(single, codes) != theirs)
      return std::nullopt;
    return std::string("cast-values");
  }

  const ir::Model &model_;
  std::set<std::string> xnnpack_;
};

} // namespace

int compare_codes(const std::string &model_path, const std::string &inputs_path,
                  const std::string &oracle_path, const std::string &run_path) {
  const ir::Model model = format::read_model_file(model_path);
  const std::vector<int32_t> tensors = interp::reported_tensors(model, true);
  std::vector<data::InputSpec> specs;
  for (int32_t index : tensors) {
    const ir::Tensor &tensor = model.tensors[static_cast<size_t>(index)];
    specs.push_back({tensor.name, tensor.dtype, tensor.shape});
  }
  auto run = data::open_dataset(run_path, specs);
  const std::vector<OracleRecord> given = read_tensor_file(inputs_path);
  const std::vector<OracleRecord> oracle = read_tensor_file(oracle_path);
  if (given.size() != oracle.size())
    throw InputError(fmt::format("{} holds {} records, {} holds {}", inputs_path, given.size(),
                                 oracle_path, oracle.size()));
  Checker checker(model, xnnpack_outputs(oracle_path));

  int status = 0;
  Tally tally;
  size_t r = 0, end_to_end_equal = 0, end_to_end = 0;
  data::Record record;
  for (; run->next(record); ++r) {
    if (r >= oracle.size())
      throw InputError(fmt::format("{}: holds {} records; {} holds more", oracle_path,
                                   oracle.size(), run_path));
    // TFLite's codes of every tensor, by index: graph inputs as given, then its outputs.
    std::map<int32_t, std::vector<uint8_t>> codes;
    for (size_t i = 0; i < model.inputs.size(); ++i)
      codes[model.inputs[i]] = given[r].tensors.at(i).bytes;
    for (int32_t index : tensors) {
      const ir::Tensor &tensor = model.tensors[static_cast<size_t>(index)];
      const OracleTensor *theirs = find_tensor(oracle[r], tensor.name);
      if (!theirs)
        throw InputError(fmt::format("{}: record {} has no tensor '{}' (run the oracle with "
                                     "--all-tensors)",
                                     oracle_path, r, tensor.name));
      if (theirs->dtype != tensor.dtype || theirs->shape != tensor.shape)
        throw InputError(fmt::format("{}: record {}, tensor '{}' is {} {}; the model says {} {}",
                                     oracle_path, r, tensor.name, ir::dtype_name(theirs->dtype),
                                     ir::shape_to_string(theirs->shape), ir::dtype_name(tensor.dtype),
                                     ir::shape_to_string(tensor.shape)));
      codes[index] = theirs->bytes;
    }
    // 1. End to end.
    for (size_t t = 0; t < tensors.size(); ++t, ++end_to_end)
      end_to_end_equal += record.inputs[t] == codes.at(tensors[t]);
    // 2. Operator by operator, on TFLite's own inputs.
    for (size_t op = 0; op < model.operators.size(); ++op) {
      std::vector<std::vector<uint8_t>> theirs;
      for (int32_t output : model.operators[op].outputs)
        theirs.push_back(codes.at(output));
      size_t elements = 0;
      const auto rule = checker.check(static_cast<int32_t>(op), codes, theirs, elements);
      if (!rule) {
        const int32_t output = model.operators[op].outputs[0];
        const ir::Tensor &tensor = model.tensors[static_cast<size_t>(output)];
        const auto ours = run_single(single_op(model, static_cast<int32_t>(op)), codes)[0];
        size_t first = 0;
        const size_t size = ir::dtype_size(tensor.dtype);
        while (first * size < ours.size() &&
               std::memcmp(&ours[first * size], &codes.at(output)[first * size], size) == 0)
          ++first;
        std::cout << fmt::format(
            "DIFFER record {} ('{}'), operator #{} ({}) on TFLite's inputs, tensor '{}' element "
            "{}: qgold {} tflite {}\n",
            r, oracle[r].id, op, ir::op_name(model.operators[op].code), tensor.name, first,
            code(tensor.dtype, ours, first), code(tensor.dtype, codes.at(output), first));
        status = 1;
      } else if (rule->empty()) {
        ++tally.exact;
      } else {
        ++tally.by_rule[*rule];
        tally.rule_elements[*rule] += elements;
      }
    }
  }
  if (r != oracle.size())
    throw InputError(fmt::format("{}: holds {} records; {} holds {}", oracle_path, oracle.size(),
                                 run_path, r));
  std::string rules;
  for (const auto &[rule, count] : tally.by_rule)
    rules += fmt::format(", {} by {} ({} elements where the reference differs)", count, rule,
                         tally.rule_elements[rule]);
  size_t by_rule = 0, rule_elements = 0;
  for (const auto &[rule, count] : tally.by_rule) {
    by_rule += count;
    rule_elements += tally.rule_elements[rule];
  }
  std::cout << fmt::format("{} {} records: operator outputs {} exact{}; end to end {} of {} "
                           "tensors equal\n",
                           status == 0 ? "agree" : "DIFFER", r, tally.exact, rules,
                           end_to_end_equal, end_to_end);
  // The same counts for scripts.
  std::cout << fmt::format("counts {} {} {} {} {}\n", tally.exact, by_rule, rule_elements,
                           end_to_end_equal, end_to_end);
  return status;
}

} // namespace qgold::oracle
