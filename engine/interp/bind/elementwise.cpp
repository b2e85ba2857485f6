// Elementwise ops: binary with broadcasting (Add, Sub, Mul, Div, ..., the
// comparisons and logical ops, Select), unary, and Cast. The ops the registry
// lets compute on plain integers (ValueTypes::Integer) bind on the dtype of
// their value inputs: float32, int32 or int64.
#include "interp/binders.h"
#include "interp/kernels/abs.h"
#include "interp/kernels/add.h"
#include "interp/kernels/cast.h"
#include "interp/kernels/comparison.h"
#include "interp/kernels/cos.h"
#include "interp/kernels/div.h"
#include "interp/kernels/elu.h"
#include "interp/kernels/exp.h"
#include "interp/kernels/floor.h"
#include "interp/kernels/floor_div.h"
#include "interp/kernels/gelu.h"
#include "interp/kernels/hard_swish.h"
#include "interp/kernels/leaky_relu.h"
#include "interp/kernels/log.h"
#include "interp/kernels/logical.h"
#include "interp/kernels/logistic.h"
#include "interp/kernels/maximum.h"
#include "interp/kernels/minimum.h"
#include "interp/kernels/mul.h"
#include "interp/kernels/neg.h"
#include "interp/kernels/pow.h"
#include "interp/kernels/prelu.h"
#include "interp/kernels/relu.h"
#include "interp/kernels/relu6.h"
#include "interp/kernels/relu_n1_to_1.h"
#include "interp/kernels/rsqrt.h"
#include "interp/kernels/select.h"
#include "interp/kernels/sin.h"
#include "interp/kernels/sqrt.h"
#include "interp/kernels/square.h"
#include "interp/kernels/squared_difference.h"
#include "interp/kernels/sub.h"
#include "interp/kernels/tanh.h"
#include "ir/error.h"

#include <fmt/format.h>

namespace qgold::interp {
namespace {

// bind.template operator()<T>() with T the element type of input `slot`:
// int32_t, int64_t, else float (whose accessor names any other dtype as
// unsupported).
template <typename Bind> BoundKernel by_value_type(const Operands &ops, size_t slot, Bind bind) {
  switch (ops.input_dtype(slot)) {
  case ir::DType::Int32:
    return bind.template operator()<int32_t>();
  case ir::DType::Int64:
    return bind.template operator()<int64_t>();
  default:
    return bind.template operator()<float>();
  }
}

// kernel(x_shape, x, y_shape, y, out_shape, out) on inputs 0 and 1 of type T
// and output 0 of type Out.
template <typename T, typename Out = T, typename Kernel>
BoundKernel bind_binary(const Operands &ops, Kernel kernel) {
  return [=, x = ops.input_shape(0), y = ops.input_shape(1), out = ops.output_shape(0),
          x_data = ops.input<T>(0), y_data = ops.input<T>(1),
          output = ops.output<Out>(0)] { kernel(x, x_data, y, y_data, out, output); };
}

// kernel(shape, in, out) on input 0 and output 0 of type T.
template <typename T = float, typename Kernel>
BoundKernel bind_unary(const Operands &ops, Kernel kernel) {
  return [=, shape = ops.input_shape(0), input = ops.input<T>(0), output = ops.output<T>(0)] {
    kernel(shape, input, output);
  };
}

ir::Activation fused_activation(const Operands &ops) {
  return ops.options<ir::ElementwiseOptions>().activation;
}

BoundKernel bind_comparison(const Operands &ops, kernels::Comparison comparison) {
  const kernels::ComparisonParams params{comparison};
  return by_value_type(ops, 0, [&]<typename T>() {
    return bind_binary<T, bool>(ops,
                                [params](auto &&...args) { kernels::compare(params, args...); });
  });
}

// The buffer of input 0 / output 0 in any dtype Cast converts.
template <typename Access> auto cast_buffer(const Operands &ops, ir::DType dtype, Access access) {
  switch (dtype) {
  case ir::DType::Float32:
    return access.template operator()<float>();
  case ir::DType::Int32:
    return access.template operator()<int32_t>();
  case ir::DType::Int64:
    return access.template operator()<int64_t>();
  case ir::DType::Bool:
    return access.template operator()<bool>();
  case ir::DType::UInt8:
    return access.template operator()<uint8_t>();
  case ir::DType::Int16:
    return access.template operator()<int16_t>();
  case ir::DType::Int8:
    return access.template operator()<int8_t>();
  default:
    throw UnsupportedError(fmt::format("{}: Cast of {} is not supported (FLOAT32, INT32, INT64, "
                                       "BOOL, UINT8, INT16 and INT8 are)",
                                       ops.label(), ir::dtype_name(dtype)));
  }
}

} // namespace

BoundKernel bind_Add(const Operands &ops) {
  const kernels::AddParams params{fused_activation(ops)};
  return by_value_type(ops, 0, [&]<typename T>() {
    return bind_binary<T>(ops, [params](auto &&...args) { kernels::add(params, args...); });
  });
}

BoundKernel bind_Sub(const Operands &ops) {
  const kernels::SubParams params{fused_activation(ops)};
  return by_value_type(ops, 0, [&]<typename T>() {
    return bind_binary<T>(ops, [params](auto &&...args) { kernels::sub(params, args...); });
  });
}

BoundKernel bind_Mul(const Operands &ops) {
  const kernels::MulParams params{fused_activation(ops)};
  return by_value_type(ops, 0, [&]<typename T>() {
    return bind_binary<T>(ops, [params](auto &&...args) { kernels::mul(params, args...); });
  });
}

BoundKernel bind_Div(const Operands &ops) {
  const kernels::DivParams params{fused_activation(ops)};
  return bind_binary<float>(ops, [params](auto &&...args) { kernels::div(params, args...); });
}

BoundKernel bind_FloorDiv(const Operands &ops) {
  // TFLite checks the divisor before dividing and fails the whole op on a 0.
  const std::string divisor = fmt::format("{}: {}", ops.label(), ops.describe_input(1));
  return by_value_type(ops, 0, [&]<typename T>() -> BoundKernel {
    return [=, x = ops.input_shape(0), y = ops.input_shape(1), out = ops.output_shape(0),
            x_data = ops.input<T>(0), y_data = ops.input<T>(1), output = ops.output<T>(0)] {
      if (kernels::has_zero(ir::num_elements(y), y_data))
        throw InputError(
            fmt::format("{} holds a 0; TFLite's FloorDiv refuses a division by 0", divisor));
      kernels::floor_div(x, x_data, y, y_data, out, output);
    };
  });
}

BoundKernel bind_Maximum(const Operands &ops) {
  return by_value_type(ops, 0, [&]<typename T>() {
    return bind_binary<T>(ops, [](auto &&...args) { kernels::maximum(args...); });
  });
}

BoundKernel bind_Minimum(const Operands &ops) {
  return by_value_type(ops, 0, [&]<typename T>() {
    return bind_binary<T>(ops, [](auto &&...args) { kernels::minimum(args...); });
  });
}

BoundKernel bind_Pow(const Operands &ops) {
  return bind_binary<float>(ops, [](auto &&...args) { kernels::pow(args...); });
}

BoundKernel bind_SquaredDifference(const Operands &ops) {
  return bind_binary<float>(ops, [](auto &&...args) { kernels::squared_difference(args...); });
}

BoundKernel bind_PRelu(const Operands &ops) {
  return bind_binary<float>(ops, [](auto &&...args) { kernels::prelu(args...); });
}

BoundKernel bind_Equal(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::Equal);
}
BoundKernel bind_NotEqual(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::NotEqual);
}
BoundKernel bind_Greater(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::Greater);
}
BoundKernel bind_GreaterEqual(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::GreaterEqual);
}
BoundKernel bind_Less(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::Less);
}
BoundKernel bind_LessEqual(const Operands &ops) {
  return bind_comparison(ops, kernels::Comparison::LessEqual);
}

BoundKernel bind_LogicalAnd(const Operands &ops) {
  return bind_binary<bool>(ops, [](auto &&...args) { kernels::logical_and(args...); });
}
BoundKernel bind_LogicalOr(const Operands &ops) {
  return bind_binary<bool>(ops, [](auto &&...args) { kernels::logical_or(args...); });
}
BoundKernel bind_LogicalNot(const Operands &ops) {
  return bind_unary<bool>(ops, [](auto &&...args) { kernels::logical_not(args...); });
}

// Inputs: condition (bool), x, y; the shape rule checked Select's shapes.
BoundKernel bind_Select(const Operands &ops) {
  return by_value_type(ops, 1, [&]<typename T>() -> BoundKernel {
    return
        [condition_shape = ops.input_shape(0), condition = ops.input<bool>(0), x = ops.input<T>(1),
         y = ops.input<T>(2), out = ops.output_shape(0), output = ops.output<T>(0)] {
          kernels::select(condition_shape, condition, x, y, out, output);
        };
  });
}

BoundKernel bind_SelectV2(const Operands &ops) {
  return by_value_type(ops, 1, [&]<typename T>() -> BoundKernel {
    return [condition_shape = ops.input_shape(0), condition = ops.input<bool>(0),
            x_shape = ops.input_shape(1), x = ops.input<T>(1), y_shape = ops.input_shape(2),
            y = ops.input<T>(2), out = ops.output_shape(0), output = ops.output<T>(0)] {
      kernels::select_v2(condition_shape, condition, x_shape, x, y_shape, y, out, output);
    };
  });
}

BoundKernel bind_Neg(const Operands &ops) {
  return by_value_type(ops, 0, [&]<typename T>() {
    return bind_unary<T>(ops, [](auto &&...args) { kernels::neg(args...); });
  });
}

BoundKernel bind_Relu(const Operands &ops) { return bind_unary(ops, kernels::relu); }
BoundKernel bind_Relu6(const Operands &ops) { return bind_unary(ops, kernels::relu6); }
BoundKernel bind_ReluN1To1(const Operands &ops) { return bind_unary(ops, kernels::relu_n1_to_1); }
BoundKernel bind_Logistic(const Operands &ops) { return bind_unary(ops, kernels::logistic); }
BoundKernel bind_Tanh(const Operands &ops) { return bind_unary(ops, kernels::tanh); }
BoundKernel bind_Abs(const Operands &ops) { return bind_unary(ops, kernels::abs); }
BoundKernel bind_Cos(const Operands &ops) { return bind_unary(ops, kernels::cos); }
BoundKernel bind_Sin(const Operands &ops) { return bind_unary(ops, kernels::sin); }
BoundKernel bind_Exp(const Operands &ops) { return bind_unary(ops, kernels::exp); }
BoundKernel bind_Log(const Operands &ops) { return bind_unary(ops, kernels::log); }
BoundKernel bind_Sqrt(const Operands &ops) { return bind_unary(ops, kernels::sqrt); }
BoundKernel bind_Rsqrt(const Operands &ops) { return bind_unary(ops, kernels::rsqrt); }
BoundKernel bind_Square(const Operands &ops) { return bind_unary(ops, kernels::square); }
BoundKernel bind_Floor(const Operands &ops) { return bind_unary(ops, kernels::floor); }
BoundKernel bind_Elu(const Operands &ops) { return bind_unary(ops, kernels::elu); }
BoundKernel bind_HardSwish(const Operands &ops) { return bind_unary(ops, kernels::hard_swish); }

BoundKernel bind_Gelu(const Operands &ops) {
  const kernels::GeluParams params{ops.options<ir::GeluOptions>().approximate};
  return bind_unary(ops, [params](auto &&...args) { kernels::gelu(params, args...); });
}

BoundKernel bind_LeakyRelu(const Operands &ops) {
  const kernels::LeakyReluParams params{ops.options<ir::LeakyReluOptions>().alpha};
  return bind_unary(ops, [params](auto &&...args) { kernels::leaky_relu(params, args...); });
}

// TFLite casts by the tensors' dtypes; the options' in/out_data_type (which
// validation checks against the output) are not read.
BoundKernel bind_Cast(const Operands &ops) {
  const kernels::CastParams params{ops.input_dtype(0), ops.output_dtype(0)};
  const void *input =
      cast_buffer(ops, params.from, [&]<typename T>() -> const void * { return ops.input<T>(0); });
  void *output =
      cast_buffer(ops, params.to, [&]<typename T>() -> void * { return ops.output<T>(0); });
  return [=, shape = ops.input_shape(0)] { kernels::cast(params, shape, input, output); };
}

} // namespace qgold::interp
