// Circle / TFLite flatbuffer -> ir::Model.
//
// The bytes are untrusted: the flatbuffers Verifier checks every offset
// before any accessor runs, and every index the file holds (tensor, buffer,
// opcode) is range-checked before use. Anything wrong is an InputError (or
// UnsupportedError) that starts with the origin and names the place.

#include "format/model_file.h"

#include "circle_generated.h"
#include "format/file_identity.h"
#include "format/options_table.h"
#include "ir/op_registry.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>
#include <limits>
#include <optional>

namespace qgold::format {
namespace {

namespace fb = qgold::format::fb;

// "CIR0", or escaped bytes for anything unprintable.
std::string printable_identifier(const uint8_t *bytes) {
  std::string out;
  for (int i = 0; i < 4; ++i) {
    if (std::isprint(bytes[i]))
      out += static_cast<char>(bytes[i]);
    else
      out += fmt::format("\\x{:02x}", bytes[i]);
  }
  return out;
}

// Copied bytewise: the Verifier only checks that a vector is 4-byte aligned,
// so a corrupt file can misalign 8-byte elements (zero_point).
template <typename T> std::vector<T> to_vector(const flatbuffers::Vector<T> *values) {
  static_assert(std::endian::native == std::endian::little, "flatbuffers data is little-endian");
  std::vector<T> out(values ? values->size() : 0);
  if (!out.empty())
    std::memcpy(out.data(), values->Data(), out.size() * sizeof(T));
  return out;
}

class ModelReader {
public:
  ModelReader(std::span<const uint8_t> bytes, const std::string &origin) : bytes_(bytes), origin_(origin) {}

  ir::Model read() {
    const fb::Model *model = verify();
    if (!model->subgraphs() || model->subgraphs()->size() != 1)
      unsupported(fmt::format("the model has {} subgraphs; qgold supports exactly one",
                              model->subgraphs() ? model->subgraphs()->size() : 0));
    if (model->buffers() && model->buffers()->size() > 0 && model->buffers()->Get(0)->data() &&
        model->buffers()->Get(0)->data()->size() > 0)
      fail("buffer 0 holds data; it must be the empty sentinel buffer");
    const fb::SubGraph *graph = model->subgraphs()->Get(0);
    ir::Model out;
    out.name = graph->name() ? graph->name()->str() : "";
    if (graph->tensors())
      for (flatbuffers::uoffset_t t = 0; t < graph->tensors()->size(); ++t)
        out.tensors.push_back(read_tensor(*model, *graph->tensors()->Get(t), t));
    tensor_count_ = out.tensors.size();
    out.inputs = read_graph_io(graph->inputs(), "input");
    out.outputs = read_graph_io(graph->outputs(), "output");
    if (graph->operators())
      for (flatbuffers::uoffset_t o = 0; o < graph->operators()->size(); ++o) {
        const fb::Operator &op = *graph->operators()->Get(o);
        out.operators.push_back(read_operator(*model, op, o));
        if (op.builtin_options_type() == 0 || !op.builtin_options())
          cast_types_from_tensors(out, out.operators.back());
      }
    return out;
  }

private:
  // TFLite's converter writes Cast without CastOptions (its kernel reads the
  // tensor types); luci's importer then takes the types from the tensors, and
  // so does qgold.
  static void cast_types_from_tensors(const ir::Model &model, ir::Operator &op) {
    if (op.code != ir::OpCode::Cast || op.inputs.size() != 1 || op.outputs.size() != 1 ||
        op.inputs[0] < 0)
      return;
    op.options = ir::CastOptions{model.tensors[static_cast<size_t>(op.inputs[0])].dtype,
                                 model.tensors[static_cast<size_t>(op.outputs[0])].dtype};
  }

  [[noreturn]] void fail(const std::string &what) const { throw InputError(origin_ + ": " + what); }
  [[noreturn]] void unsupported(const std::string &what) const { throw UnsupportedError(origin_ + ": " + what); }

  const fb::Model *verify() {
    if (bytes_.size() < 8)
      fail(fmt::format("{} bytes is too short for a Circle or TFLite model", bytes_.size()));
    if (bytes_.size() >= FLATBUFFERS_MAX_BUFFER_SIZE)
      unsupported(fmt::format("{} bytes is over the 2 GiB flatbuffer limit", bytes_.size()));
    // Only the identifier is looked at before the Verifier has passed: a
    // foreign file then gets "wrong identifier" rather than "corrupt".
    const uint8_t *identifier = bytes_.data() + 4;
    if (std::memcmp(identifier, kCircleIdentity.identifier, 4) == 0)
      format_ = FileFormat::Circle;
    else if (std::memcmp(identifier, kTFLiteIdentity.identifier, 4) == 0)
      format_ = FileFormat::TFLite;
    else
      fail(fmt::format("file identifier (bytes 4..7) is '{}', expected 'CIR0' (Circle) or 'TFL3' (TFLite)",
                       printable_identifier(identifier)));

    // Accessors read scalars in place; malloc'ed storage is aligned enough.
    if (reinterpret_cast<std::uintptr_t>(bytes_.data()) % alignof(std::max_align_t) != 0) {
      aligned_copy_.assign(bytes_.begin(), bytes_.end());
      bytes_ = aligned_copy_;
    }
    verifier_.emplace(bytes_.data(), bytes_.size());
    if (!verifier_->VerifyBuffer<fb::Model>(nullptr))
      fail(fmt::format("not a valid {} model: flatbuffer verification failed (truncated or corrupt file)",
                       file_identity(format_).name));
    return flatbuffers::GetRoot<fb::Model>(bytes_.data());
  }

  std::string tensor_place(uint32_t index, const fb::Tensor &tensor) const {
    return fmt::format("tensor {} '{}'", index, tensor.name() ? tensor.name()->str() : "");
  }

  // Element count, or an error for negative (dynamic) or absurdly large
  // shapes. The bound keeps count * element size (at most 8) within int64.
  int64_t checked_element_count(const ir::Shape &shape, const std::string &place) const {
    constexpr int64_t kMaxElements = std::numeric_limits<int64_t>::max() / 8;
    int64_t count = 1;
    for (int32_t dim : shape) {
      if (dim < 0)
        unsupported(fmt::format("{} has shape {}; qgold needs static (non-negative) dimensions", place,
                                ir::shape_to_string(shape)));
      if (__builtin_mul_overflow(count, int64_t{dim}, &count) || count > kMaxElements)
        fail(fmt::format("{} has shape {} with too many elements", place, ir::shape_to_string(shape)));
    }
    return count;
  }

  ir::Tensor read_tensor(const fb::Model &model, const fb::Tensor &tensor, uint32_t index) const {
    const std::string place = tensor_place(index, tensor);
    ir::Tensor out;
    out.name = tensor.name() ? tensor.name()->str() : "";
    const auto code = static_cast<int>(tensor.type());
    const auto dtype = ir::dtype_from_code(code);
    if (!dtype) {
      const char *name = fb::EnumNameTensorType(tensor.type());
      unsupported(
          fmt::format("{} has type {} ({}), which qgold does not support", place, *name ? name : "unknown", code));
    }
    out.dtype = *dtype;
    out.shape = to_vector(tensor.shape());
    const int64_t element_count = checked_element_count(out.shape, place);
    if (tensor.sparsity())
      unsupported(place + " is sparse; qgold supports dense tensors only");
    if (tensor.is_variable())
      unsupported(place + " is a variable tensor; qgold supports constant and activation tensors only");
    if (tensor.compression_type() != fb::CompressionType::NONE)
      unsupported(place + " has compressed data; qgold supports uncompressed buffers only");

    const uint32_t buffer_count = model.buffers() ? model.buffers()->size() : 0;
    if (tensor.buffer() != 0 || buffer_count != 0) {
      if (tensor.buffer() >= buffer_count)
        fail(fmt::format("{} refers to buffer {}, the model has {} buffers", place, tensor.buffer(), buffer_count));
      const fb::Buffer &buffer = *model.buffers()->Get(tensor.buffer());
      if (buffer.offset() != 0 || buffer.size() != 0)
        unsupported(fmt::format("{} uses buffer {} with external data (offset {}, size {}); qgold reads data "
                                "stored inside the flatbuffer only",
                                place, tensor.buffer(), buffer.offset(), buffer.size()));
      if (buffer.data() && buffer.data()->size() != 0) {
        const std::size_t element_size = ir::dtype_size(out.dtype);
        if (element_size == 0)
          unsupported(fmt::format("{} is a {} constant; qgold supports numeric constants only", place,
                                  ir::dtype_name(out.dtype)));
        const auto expected = static_cast<uint64_t>(element_count) * element_size;
        if (buffer.data()->size() != expected)
          fail(fmt::format("{} ({} {}) needs {} bytes of data, buffer {} holds {}", place, ir::dtype_name(out.dtype),
                           ir::shape_to_string(out.shape), expected, tensor.buffer(), buffer.data()->size()));
        out.data.emplace(buffer.data()->begin(), buffer.data()->end());
      }
    }
    if (tensor.quantization())
      out.quant = read_quantization(*tensor.quantization(), out.shape, place);
    return out;
  }

  // An empty QuantizationParameters table (some converters write one for
  // every tensor) means "not quantized".
  std::optional<ir::QuantParams> read_quantization(const fb::QuantizationParameters &params, const ir::Shape &shape,
                                                   const std::string &place) const {
    if (params.details_type() != fb::QuantizationDetails::NONE)
      unsupported(fmt::format("{} has quantization details of union type {}; qgold supports plain "
                              "scale/zero_point quantization only",
                              place, static_cast<int>(params.details_type())));
    ir::QuantParams quant;
    quant.min = to_vector(params.min());
    quant.max = to_vector(params.max());
    quant.scale = to_vector(params.scale());
    quant.zero_point = to_vector(params.zero_point());
    quant.quantized_dimension = params.quantized_dimension();
    if (quant.min.empty() && quant.max.empty() && quant.scale.empty() && quant.zero_point.empty())
      return std::nullopt;
    if (quant.min.size() != quant.max.size())
      fail(fmt::format("{} has {} quantization min values but {} max values", place, quant.min.size(),
                       quant.max.size()));
    if (!quant.scale.empty() && !quant.zero_point.empty() && quant.scale.size() != quant.zero_point.size())
      fail(fmt::format("{} has {} quantization scales but {} zero points", place, quant.scale.size(),
                       quant.zero_point.size()));
    const std::size_t channels = std::max({quant.min.size(), quant.scale.size(), quant.zero_point.size()});
    if (channels > 1) {
      const int32_t axis = quant.quantized_dimension;
      if (axis < 0 || static_cast<std::size_t>(axis) >= shape.size())
        fail(
            fmt::format("{} has quantized_dimension {} outside its shape {}", place, axis, ir::shape_to_string(shape)));
      if (static_cast<std::size_t>(shape[axis]) != channels)
        fail(fmt::format("{} has {} per-channel quantization values, but dimension {} of shape {} is {}", place,
                         channels, axis, ir::shape_to_string(shape), shape[axis]));
    }
    return quant;
  }

  std::vector<int32_t> read_graph_io(const flatbuffers::Vector<int32_t> *indices, std::string_view role) const {
    std::vector<int32_t> out = to_vector(indices);
    for (std::size_t i = 0; i < out.size(); ++i)
      if (out[i] < 0 || static_cast<std::size_t>(out[i]) >= tensor_count_)
        fail(fmt::format("graph {} {} refers to tensor {}, the subgraph has {} tensors", role, i, out[i],
                         tensor_count_));
    return out;
  }

  // Circle: 127 defers to builtin_code, anything else is the (signed) 8-bit
  // code. TFLite: the larger of the two, as old files leave builtin_code 0.
  int32_t effective_code(const fb::OperatorCode &code, uint32_t op_index) const {
    const int32_t deprecated = code.deprecated_builtin_code();
    const auto builtin = static_cast<int32_t>(code.builtin_code());
    if (format_ == FileFormat::TFLite)
      return std::max(builtin, deprecated);
    if (deprecated == 127)
      return builtin;
    if (deprecated == -1)
      fail(fmt::format("operator {} uses an operator code with invalid deprecated_builtin_code -1", op_index));
    return deprecated;
  }

  ir::OpCode read_opcode(const fb::Model &model, const fb::Operator &op, uint32_t op_index) const {
    const uint32_t code_count = model.operator_codes() ? model.operator_codes()->size() : 0;
    if (op.opcode_index() >= code_count)
      fail(fmt::format("operator {} has opcode_index {}, the model has {} operator codes", op_index, op.opcode_index(),
                       code_count));
    const fb::OperatorCode &code = *model.operator_codes()->Get(op.opcode_index());
    const int32_t value = effective_code(code, op_index);
    constexpr int32_t kCustom = 32;
    if (value == kCustom)
      unsupported(fmt::format("operator {} is the custom op '{}'; qgold supports builtin ops only", op_index,
                              code.custom_code() ? code.custom_code()->str() : ""));
    const auto opcode = ir::op_from_code(value);
    if (!opcode) {
      const char *name = fb::EnumNameBuiltinOperator(static_cast<fb::BuiltinOperator>(value));
      unsupported(fmt::format("operator {} is {} (opcode {}), which qgold does not support", op_index,
                              *name ? name : "an unknown operator", value));
    }
    if (ir::op_info(*opcode).circle_only && format_ == FileFormat::TFLite)
      unsupported(fmt::format("operator {} is {}, a Circle-only op, in a TFLite file", op_index,
                              ir::op_name(*opcode)));
    return *opcode;
  }

  std::vector<int32_t> read_operands(const flatbuffers::Vector<int32_t> *indices, uint32_t op_index, ir::OpCode code,
                                     std::string_view role, bool allow_absent) const {
    std::vector<int32_t> out = to_vector(indices);
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (allow_absent && out[i] == -1)
        continue;
      if (out[i] < 0 || static_cast<std::size_t>(out[i]) >= tensor_count_)
        fail(fmt::format("operator {} ({}) {} {} refers to tensor {}, the subgraph has {} tensors", op_index,
                         ir::op_name(code), role, i, out[i], tensor_count_));
    }
    return out;
  }

  ir::Operator read_operator(const fb::Model &model, const fb::Operator &op, uint32_t op_index) {
    ir::Operator out;
    out.code = read_opcode(model, op, op_index);
    out.inputs = read_operands(op.inputs(), op_index, out.code, "input", true);
    out.outputs = read_operands(op.outputs(), op_index, out.code, "output", false);
    out.options = read_options(op, out.code, op_index);
    return out;
  }

  ir::Options read_options(const fb::Operator &op, ir::OpCode code, uint32_t op_index) {
    const ir::OpInfo &info = ir::op_info(code);
    const std::string place = fmt::format("{}: operator {} ({})", origin_, op_index, info.name);
    const auto type = op.builtin_options_type();
    const bool has_table = type != 0 && op.builtin_options();
    if (type != 0 && type != info.options_table)
      fail(fmt::format("operator {} ({}) has builtin options of union type {}, expected {}", op_index,
                       info.name, type, info.options_table == 0 ? "none (0)" : std::to_string(info.options_table)));
    if (!has_table && code == ir::OpCode::Cast)
      return ir::CastOptions{}; // the types come from the tensors (cast_types_from_tensors)
    const auto *table = has_table ? reinterpret_cast<const flatbuffers::Table *>(op.builtin_options()) : nullptr;
    return read_options_table(table, *verifier_, code, place);
  }

  std::span<const uint8_t> bytes_;
  std::optional<flatbuffers::Verifier> verifier_; // for the option tables, read field by field
  std::vector<uint8_t> aligned_copy_;
  const std::string &origin_;
  FileFormat format_ = FileFormat::Circle;
  std::size_t tensor_count_ = 0;
};

} // namespace

ir::Model deserialize(std::span<const uint8_t> bytes, const std::string &origin) {
  return ModelReader(bytes, origin).read();
}

} // namespace qgold::format
