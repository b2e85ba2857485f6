#pragma once

// Operator options: one struct per Circle/TFLite options table shape, and a
// field table per struct that every layer reads instead of knowing the
// struct: recipe parsers and writers (by field name), the model reader and
// writer (by FlatBuffers field id) and `inspect` (by schema name).

#include "ir/dtype.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

namespace qgold::ir {

enum class Padding : int8_t { Same = 0, Valid = 1 };
enum class Activation : int8_t { None = 0, Relu = 1, ReluN1To1 = 2, Relu6 = 3, Tanh = 4 };
enum class MirrorPadMode : int8_t { Reflect = 0, Symmetric = 1 };

std::string_view padding_name(Padding padding); // "SAME", "VALID"
std::optional<Padding> padding_from_name(std::string_view name);
std::string_view activation_name(Activation activation); // "NONE", "RELU", ...
std::optional<Activation> activation_from_name(std::string_view name);
std::string_view mirror_pad_mode_name(MirrorPadMode mode); // "REFLECT", "SYMMETRIC"
std::optional<MirrorPadMode> mirror_pad_mode_from_name(std::string_view name);

// Struct defaults are the tflchef recipe defaults (VALID padding, strides 1);
// a model file that leaves a field out gets the schema default instead, which
// the field table records.
using NoOptions = std::monostate;

struct Conv2DOptions {
  Padding padding = Padding::Valid;
  int32_t stride_w = 1, stride_h = 1;
  int32_t dilation_w_factor = 1, dilation_h_factor = 1;
  Activation activation = Activation::None;
  bool operator==(const Conv2DOptions &) const = default;
};

struct DepthwiseConv2DOptions {
  Padding padding = Padding::Valid;
  int32_t stride_w = 1, stride_h = 1;
  int32_t depth_multiplier = 1;
  int32_t dilation_w_factor = 1, dilation_h_factor = 1;
  Activation activation = Activation::None;
  bool operator==(const DepthwiseConv2DOptions &) const = default;
};

struct TransposeConvOptions {
  Padding padding = Padding::Valid;
  int32_t stride_w = 1, stride_h = 1;
  Activation activation = Activation::None;
  bool operator==(const TransposeConvOptions &) const = default;
};

struct Pool2DOptions {
  Padding padding = Padding::Valid;
  int32_t stride_w = 1, stride_h = 1;
  int32_t filter_width = 1, filter_height = 1;
  Activation activation = Activation::None;
  bool operator==(const Pool2DOptions &) const = default;
};

struct FullyConnectedOptions {
  Activation activation = Activation::None;
  bool keep_num_dims = false;
  bool operator==(const FullyConnectedOptions &) const = default;
};

// Ops whose only option is a fused activation (Add, Sub, Mul, Div, L2Normalize).
struct ElementwiseOptions {
  Activation activation = Activation::None;
  bool operator==(const ElementwiseOptions &) const = default;
};

struct ConcatenationOptions {
  int32_t axis = 0;
  Activation activation = Activation::None;
  bool operator==(const ConcatenationOptions &) const = default;
};

struct SoftmaxOptions {
  float beta = 0.0f;
  bool operator==(const SoftmaxOptions &) const = default;
};

struct ReducerOptions {
  bool keep_dims = false;
  bool operator==(const ReducerOptions &) const = default;
};

// Split and SplitV.
struct SplitOptions {
  int32_t num_splits = 0;
  bool operator==(const SplitOptions &) const = default;
};

struct LeakyReluOptions {
  float alpha = 0.2f;
  bool operator==(const LeakyReluOptions &) const = default;
};

struct GeluOptions {
  bool approximate = false;
  bool operator==(const GeluOptions &) const = default;
};

struct LocalResponseNormalizationOptions {
  int32_t radius = 5;
  float bias = 1.0f, alpha = 1.0f, beta = 0.5f;
  bool operator==(const LocalResponseNormalizationOptions &) const = default;
};

struct CastOptions {
  DType in_data_type = DType::Float32, out_data_type = DType::Float32;
  bool operator==(const CastOptions &) const = default;
};

// ArgMax and ArgMin.
struct ArgOptions {
  DType output_type = DType::Int64;
  bool operator==(const ArgOptions &) const = default;
};

struct ShapeOptions {
  DType out_type = DType::Int32;
  bool operator==(const ShapeOptions &) const = default;
};

struct GatherOptions {
  int32_t axis = 0;
  int32_t batch_dims = 0;
  bool operator==(const GatherOptions &) const = default;
};

struct StridedSliceOptions {
  int32_t begin_mask = 0, end_mask = 0, ellipsis_mask = 0, new_axis_mask = 0,
          shrink_axis_mask = 0;
  bool offset = false;
  bool operator==(const StridedSliceOptions &) const = default;
};

struct SqueezeOptions {
  std::vector<int32_t> squeeze_dims;
  bool operator==(const SqueezeOptions &) const = default;
};

struct PackOptions {
  int32_t values_count = 0;
  int32_t axis = 0;
  bool operator==(const PackOptions &) const = default;
};

struct UnpackOptions {
  int32_t num = 0;
  int32_t axis = 0;
  bool operator==(const UnpackOptions &) const = default;
};

struct MirrorPadOptions {
  MirrorPadMode mode = MirrorPadMode::Reflect;
  bool operator==(const MirrorPadOptions &) const = default;
};

// DepthToSpace and SpaceToDepth.
struct BlockSizeOptions {
  int32_t block_size = 0;
  bool operator==(const BlockSizeOptions &) const = default;
};

struct OneHotOptions {
  int32_t axis = -1;
  bool operator==(const OneHotOptions &) const = default;
};

struct BatchMatMulOptions {
  bool adj_x = false, adj_y = false;
  bool operator==(const BatchMatMulOptions &) const = default;
};

// The two resize tables hold the same fields under different ids.
struct ResizeBilinearOptions {
  bool align_corners = false, half_pixel_centers = false;
  bool operator==(const ResizeBilinearOptions &) const = default;
};
struct ResizeNearestNeighborOptions {
  bool align_corners = false, half_pixel_centers = false;
  bool operator==(const ResizeNearestNeighborOptions &) const = default;
};

struct ReshapeOptions {
  std::vector<int32_t> new_shape;
  bool operator==(const ReshapeOptions &) const = default;
};

struct InstanceNormOptions {
  float epsilon = 1e-5f;
  Activation activation = Activation::None;
  bool operator==(const InstanceNormOptions &) const = default;
};

using Options =
    std::variant<NoOptions, Conv2DOptions, DepthwiseConv2DOptions, TransposeConvOptions,
                 Pool2DOptions, FullyConnectedOptions, ElementwiseOptions, ConcatenationOptions,
                 SoftmaxOptions, ReducerOptions, SplitOptions, ReshapeOptions, InstanceNormOptions,
                 LeakyReluOptions, GeluOptions, LocalResponseNormalizationOptions, CastOptions,
                 ArgOptions, ShapeOptions, GatherOptions, StridedSliceOptions, SqueezeOptions,
                 PackOptions, UnpackOptions, MirrorPadOptions, BlockSizeOptions, OneHotOptions,
                 BatchMatMulOptions, ResizeBilinearOptions, ResizeNearestNeighborOptions>;

// The fused activation of an op, or None when the op has no such option.
Activation fused_activation(const Options &options);

// ---- Field tables -------------------------------------------------------

// Alternatives in the order of FieldKind. `Fixed` fields are not stored: a
// model file must hold their schema default (FullyConnected's weights_format
// DEFAULT), anything else is refused.
enum class FieldKind : uint8_t {
  Padding,
  Activation,
  MirrorPadMode,
  DType,
  Int,
  Bool,
  Float,
  IntList,
  Fixed
};
using FieldValue = std::variant<Padding, Activation, MirrorPadMode, DType, int32_t, bool, float,
                                std::vector<int32_t>>;

struct FieldInfo {
  std::string_view name;        // in recipes (tflchef and YAML)
  std::string_view schema_name; // in the Circle/TFLite schema
  FieldKind kind;
  uint16_t id;         // field id in the FlatBuffers options table
  double file_default; // the schema default (not for IntList)
};

// The fields of the struct `options` holds, in recipe order (Fixed ones last).
std::span<const FieldInfo> option_fields(const Options &options);

// What a value of `kind` looks like, for messages: "SAME or VALID", ...
std::string_view field_kind_description(FieldKind kind);

// `name` must be a stored field of the struct `options` holds, and `value`
// of its kind (both follow from looking the field up in option_fields()).
void set_option(Options &options, std::string_view name, const FieldValue &value);
FieldValue get_option(const Options &options, std::string_view name);

} // namespace qgold::ir
