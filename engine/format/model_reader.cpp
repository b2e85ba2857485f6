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
    if (!model->subgraphs() || model->subgraphs()->size() == 0)
      fail("the model has no subgraph");
    if (model->buffers() && model->buffers()->size() > 0 && model->buffers()->Get(0)->data() &&
        model->buffers()->Get(0)->data()->size() > 0)
      fail("buffer 0 holds data; it must be the empty sentinel buffer");
    ir::Model out;
    for (flatbuffers::uoffset_t g = 0; g < model->subgraphs()->size(); ++g) {
      subgraph_ = g;
      ir::Graph graph = read_graph(*model, *model->subgraphs()->Get(g));
      if (g == 0)
        static_cast<ir::Graph &>(out) = std::move(graph);
      else
        out.subgraphs.push_back(std::move(graph));
    }
    subgraph_ = 0;
    out.signature_defs = read_signature_defs(*model, out);
    out.metadata = read_metadata(*model);
    out.external_buffers = external_buffers_;
    return out;
  }

private:
  [[noreturn]] void fail(const std::string &what) const { throw InputError(origin_ + ": " + where() + what); }
  [[noreturn]] void unsupported(const std::string &what) const {
    throw UnsupportedError(origin_ + ": " + where() + what);
  }
  // Messages about a subgraph other than the main one say which.
  std::string where() const { return subgraph_ == 0 ? "" : fmt::format("subgraph {}: ", subgraph_); }

  ir::Graph read_graph(const fb::Model &model, const fb::SubGraph &graph) {
    ir::Graph out;
    out.name = graph.name() ? graph.name()->str() : "";
    if (graph.tensors())
      for (flatbuffers::uoffset_t t = 0; t < graph.tensors()->size(); ++t)
        out.tensors.push_back(read_tensor(model, *graph.tensors()->Get(t), t));
    tensor_count_ = out.tensors.size();
    out.inputs = read_graph_io(graph.inputs(), "input");
    out.outputs = read_graph_io(graph.outputs(), "output");
    if (graph.operators())
      for (flatbuffers::uoffset_t o = 0; o < graph.operators()->size(); ++o) {
        const fb::Operator &op = *graph.operators()->Get(o);
        out.operators.push_back(read_operator(model, op, o));
        if (op.builtin_options_type() == 0 || !op.builtin_options())
          cast_types_from_tensors(out, out.operators.back());
      }
    return out;
  }

  // TFLite's converter writes Cast without CastOptions (its kernel reads the
  // tensor types); luci's importer then takes the types from the tensors, and
  // so does qgold.
  static void cast_types_from_tensors(const ir::Graph &graph, ir::Operator &op) {
    if (op.code != ir::OpCode::Cast || op.inputs.size() != 1 || op.outputs.size() != 1 || op.inputs[0] < 0)
      return;
    op.options = ir::CastOptions{graph.tensors[static_cast<size_t>(op.inputs[0])].dtype,
                                 graph.tensors[static_cast<size_t>(op.outputs[0])].dtype};
  }

  // Signature defs name their tensors by index into their subgraph; the IR
  // keeps names, which passes that add or remove tensors leave valid.
  std::vector<ir::SignatureDef> read_signature_defs(const fb::Model &model, const ir::Model &ir_model) const {
    std::vector<ir::SignatureDef> out;
    if (!model.signature_defs())
      return out;
    for (flatbuffers::uoffset_t i = 0; i < model.signature_defs()->size(); ++i) {
      const fb::SignatureDef &def = *model.signature_defs()->Get(i);
      ir::SignatureDef signature;
      signature.key = def.signature_key() ? def.signature_key()->str() : "";
      signature.subgraph = def.subgraph_index();
      if (signature.subgraph > ir_model.subgraphs.size())
        fail(fmt::format("signature def {} ('{}') refers to subgraph {}, the model has {}", i, signature.key,
                         signature.subgraph, ir_model.subgraphs.size() + 1));
      const ir::Graph &graph = signature.subgraph == 0 ? ir_model : ir_model.subgraphs[signature.subgraph - 1];
      auto read_maps = [&](const flatbuffers::Vector<flatbuffers::Offset<fb::TensorMap>> *maps) {
        std::vector<ir::SignatureDef::Entry> entries;
        if (maps)
          for (flatbuffers::uoffset_t k = 0; k < maps->size(); ++k) {
            const fb::TensorMap &map = *maps->Get(k);
            if (map.tensor_index() >= graph.tensors.size())
              fail(fmt::format("signature def {} ('{}') refers to tensor {}, subgraph {} has {} tensors", i,
                               signature.key, map.tensor_index(), signature.subgraph, graph.tensors.size()));
            entries.push_back({map.name() ? map.name()->str() : "", graph.tensors[map.tensor_index()].name});
          }
        return entries;
      };
      signature.inputs = read_maps(def.inputs());
      signature.outputs = read_maps(def.outputs());
      out.push_back(std::move(signature));
    }
    return out;
  }

  std::vector<ir::Metadata> read_metadata(const fb::Model &model) {
    std::vector<ir::Metadata> out;
    if (!model.metadata())
      return out;
    for (flatbuffers::uoffset_t i = 0; i < model.metadata()->size(); ++i) {
      const fb::Metadata &entry = *model.metadata()->Get(i);
      const std::string name = entry.name() ? entry.name()->str() : "";
      out.push_back({name, buffer_bytes(model, entry.buffer(), fmt::format("metadata '{}'", name))});
    }
    return out;
  }

  // The bytes of buffer `index`: inside the flatbuffer, or after it at
  // Buffer.offset (relative to the file start, valid when > 1), as models
  // over 2 GiB store them.
  std::vector<uint8_t> buffer_bytes(const fb::Model &model, uint32_t index, const std::string &place) {
    const uint32_t count = model.buffers() ? model.buffers()->size() : 0;
    if (index >= count)
      fail(fmt::format("{} refers to buffer {}, the model has {} buffers", place, index, count));
    const fb::Buffer &buffer = *model.buffers()->Get(index);
    if (buffer.offset() > 1) {
      if (buffer.data() && buffer.data()->size() != 0)
        fail(fmt::format("buffer {} holds data and an external offset {}", index, buffer.offset()));
      if (buffer.offset() > full_size_ || buffer.size() > full_size_ - buffer.offset())
        fail(fmt::format("buffer {} ({}) lies at offset {} with size {}, past the end of the {}-byte file", index,
                         place, buffer.offset(), buffer.size(), full_size_));
      external_buffers_ = true;
      const uint8_t *begin = full_bytes_.data() + buffer.offset();
      return {begin, begin + buffer.size()};
    }
    if (buffer.data())
      return {buffer.data()->begin(), buffer.data()->end()};
    return {};
  }

  const fb::Model *verify() {
    if (bytes_.size() < 8)
      fail(fmt::format("{} bytes is too short for a Circle or TFLite model", bytes_.size()));
    // The FlatBuffer itself lies in the first 2 GiB; constant data may follow it.
    full_bytes_ = bytes_;
    full_size_ = bytes_.size();
    if (bytes_.size() >= FLATBUFFERS_MAX_BUFFER_SIZE)
      bytes_ = bytes_.first(FLATBUFFERS_MAX_BUFFER_SIZE - 1);
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
      aligned_copy_.assign(full_bytes_.begin(), full_bytes_.end());
      full_bytes_ = aligned_copy_;
      bytes_ = full_bytes_.first(bytes_.size());
    }
    verifier_.emplace(bytes_.data(), bytes_.size());
    if (!verifier_->VerifyBuffer<fb::Model>(nullptr))
      fail(fmt::format("not a valid {} model: flatbuffer verification failed (truncated or corrupt file)",
                       file_identity(format_).name));
    return flatbuffers::GetRoot<fb::Model>(bytes_.data());
  }

  ir::Sparsity read_sparsity(const fb::SparsityParameters &params, const std::string &place) const {
    ir::Sparsity out;
    out.traversal_order = to_vector(params.traversal_order());
    out.block_map = to_vector(params.block_map());
    if (params.dim_metadata())
      for (flatbuffers::uoffset_t d = 0; d < params.dim_metadata()->size(); ++d) {
        const fb::DimensionMetadata &meta = *params.dim_metadata()->Get(d);
        ir::Sparsity::Dim dim;
        dim.csr = meta.format() == fb::DimensionType::SPARSE_CSR;
        dim.dense_size = meta.dense_size();
        if (dim.csr) {
          dim.segments = index_vector(meta.array_segments_type(), meta.array_segments(), place);
          dim.indices = index_vector(meta.array_indices_type(), meta.array_indices(), place);
        }
        out.dims.push_back(std::move(dim));
      }
    return out;
  }

  std::vector<int32_t> index_vector(fb::SparseIndexVector type, const void *vector, const std::string &place) const {
    switch (type) {
    case fb::SparseIndexVector::Int32Vector:
      return to_vector(static_cast<const fb::Int32Vector *>(vector)->values());
    case fb::SparseIndexVector::Uint16Vector: {
      const auto values = to_vector(static_cast<const fb::Uint16Vector *>(vector)->values());
      return {values.begin(), values.end()};
    }
    case fb::SparseIndexVector::Uint8Vector: {
      const auto values = to_vector(static_cast<const fb::Uint8Vector *>(vector)->values());
      return {values.begin(), values.end()};
    }
    case fb::SparseIndexVector::NONE:
      break;
    }
    fail(fmt::format("{} has a sparse dimension without its index vectors", place));
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

  ir::Tensor read_tensor(const fb::Model &model, const fb::Tensor &tensor, uint32_t index) {
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
    out.shape_signature = to_vector(tensor.shape_signature());
    if (tensor.sparsity())
      out.sparsity = read_sparsity(*tensor.sparsity(), place);
    if (tensor.is_variable())
      unsupported(place + " is a variable tensor; qgold supports constant and activation tensors only");
    if (tensor.compression_type() != fb::CompressionType::NONE)
      unsupported(place + " has compressed data; qgold supports uncompressed buffers only");

    const uint32_t buffer_count = model.buffers() ? model.buffers()->size() : 0;
    if (tensor.buffer() != 0 || buffer_count != 0) {
      std::vector<uint8_t> data = buffer_bytes(model, tensor.buffer(), place);
      if (!data.empty()) {
        const std::size_t element_size = ir::dtype_size(out.dtype);
        if (element_size == 0)
          unsupported(fmt::format("{} is a {} constant; qgold supports numeric constants only", place,
                                  ir::dtype_name(out.dtype)));
        // A sparse constant stores only its values (checked when it is densified).
        const auto expected = static_cast<uint64_t>(element_count) * element_size;
        if (out.sparsity ? data.size() % element_size != 0 : data.size() != expected)
          fail(fmt::format("{} ({} {}{}) needs {} bytes of data, buffer {} holds {}", place,
                           ir::dtype_name(out.dtype), ir::shape_to_string(out.shape), out.sparsity ? ", sparse" : "",
                           out.sparsity ? fmt::format("a multiple of {}", element_size) : std::to_string(expected),
                           tensor.buffer(), data.size()));
        out.data = std::move(data);
      }
    }
    if (out.sparsity && !out.data)
      fail(place + " is sparse but has no data");
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
    if (out.code == ir::OpCode::Custom) {
      const fb::OperatorCode &code = *model.operator_codes()->Get(op.opcode_index());
      out.custom_code = code.custom_code() ? code.custom_code()->str() : "";
      out.custom_options = to_vector(op.custom_options());
      if (op.custom_options_format() != 0)
        unsupported(fmt::format("operator {} (custom '{}') has custom options format {}; qgold knows "
                                "FLEXBUFFERS (0) only",
                                op_index, out.custom_code, op.custom_options_format()));
    } else if (op.custom_options() && op.custom_options()->size() != 0) {
      fail(fmt::format("operator {} ({}) is a builtin op with custom options", op_index, ir::op_name(out.code)));
    }
    return out;
  }

  ir::Options read_options(const fb::Operator &op, ir::OpCode code, uint32_t op_index) {
    const ir::OpInfo &info = ir::op_info(code);
    const std::string place = fmt::format("{}: {}operator {} ({})", origin_, where(), op_index, info.name);
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

  std::span<const uint8_t> bytes_;      // the FlatBuffer (at most the first 2 GiB)
  std::span<const uint8_t> full_bytes_; // the whole file, external buffers included
  uint64_t full_size_ = 0;
  bool external_buffers_ = false;
  uint32_t subgraph_ = 0;
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
