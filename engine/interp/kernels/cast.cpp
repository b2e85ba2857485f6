#include "interp/kernels/cast.h"

#include "interp/kernels/integers.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <concepts>
#include <cstdint>

namespace qgold::interp::kernels {
namespace {

template <typename To, typename From> To convert(From value) {
  if constexpr (std::floating_point<From> && std::integral<To>)
    return truncate_to<To>(value);
  else if constexpr (std::is_same_v<To, bool>)
    return value != From{0};
  else
    return static_cast<To>(value);
}

// Calls fn.template operator()<T>() with the element type of `dtype`.
template <typename Fn> void with_element_type(ir::DType dtype, Fn &&fn) {
  switch (dtype) {
  case ir::DType::Float32:
    return fn.template operator()<float>();
  case ir::DType::Int32:
    return fn.template operator()<int32_t>();
  case ir::DType::Int64:
    return fn.template operator()<int64_t>();
  case ir::DType::Bool:
    return fn.template operator()<bool>();
  case ir::DType::UInt8:
    return fn.template operator()<uint8_t>();
  case ir::DType::Int16:
    return fn.template operator()<int16_t>();
  case ir::DType::Int8:
    return fn.template operator()<int8_t>();
  default:
    throw UnsupportedError(fmt::format("Cast of {} is not supported", ir::dtype_name(dtype)));
  }
}

} // namespace

void cast(const CastParams &params, const ir::Shape &shape, const void *input, void *output) {
  const int64_t count = ir::num_elements(shape);
  with_element_type(params.from, [&]<typename From>() {
    with_element_type(params.to, [&]<typename To>() {
      const From *in = static_cast<const From *>(input);
      To *out = static_cast<To *>(output);
      for (int64_t i = 0; i < count; ++i)
        out[i] = convert<To>(in[i]);
    });
  });
}

} // namespace qgold::interp::kernels
