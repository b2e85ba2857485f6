#include "format/options_table.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace qgold::format {
namespace {

flatbuffers::voffset_t vtable_offset(uint16_t id) {
  return static_cast<flatbuffers::voffset_t>(4 + 2 * id);
}

size_t field_size(ir::FieldKind kind) {
  switch (kind) {
  case ir::FieldKind::Padding:
  case ir::FieldKind::Activation:
  case ir::FieldKind::MirrorPadMode:
  case ir::FieldKind::DType:
  case ir::FieldKind::Bool:
  case ir::FieldKind::Fixed:
    return 1;
  case ir::FieldKind::Int:
  case ir::FieldKind::Float:
  case ir::FieldKind::IntList:
    return 4;
  }
  return 0;
}

bool verify_field(const flatbuffers::Table &table, flatbuffers::Verifier &verifier,
                  const ir::FieldInfo &field) {
  const auto offset = vtable_offset(field.id);
  switch (field.kind) {
  case ir::FieldKind::Padding:
  case ir::FieldKind::Activation:
  case ir::FieldKind::MirrorPadMode:
  case ir::FieldKind::DType:
  case ir::FieldKind::Bool:
  case ir::FieldKind::Fixed:
    return table.VerifyField<int8_t>(verifier, offset, 1);
  case ir::FieldKind::Int:
    return table.VerifyField<int32_t>(verifier, offset, 4);
  case ir::FieldKind::Float:
    return table.VerifyField<float>(verifier, offset, 4);
  case ir::FieldKind::IntList:
    return table.VerifyOffset(verifier, offset) &&
           verifier.VerifyVector(table.GetPointer<const flatbuffers::Vector<int32_t> *>(offset));
  }
  return false;
}

class TableReader {
public:
  TableReader(const flatbuffers::Table &table, const std::string &place)
      : table_(table), place_(place) {}

  ir::FieldValue read(const ir::FieldInfo &field) const {
    const auto offset = vtable_offset(field.id);
    switch (field.kind) {
    case ir::FieldKind::Padding: {
      const auto value = table_.GetField<int8_t>(offset, static_cast<int8_t>(field.file_default));
      if (value != 0 && value != 1)
        fail(fmt::format("has padding {}, expected SAME (0) or VALID (1)", value));
      return static_cast<ir::Padding>(value);
    }
    case ir::FieldKind::Activation: {
      const auto value = table_.GetField<int8_t>(offset, static_cast<int8_t>(field.file_default));
      if (value < 0 || value > static_cast<int8_t>(ir::Activation::Tanh))
        throw UnsupportedError(
            fmt::format("{} has fused activation {} ({}), which qgold does not support", place_,
                        value == 5 ? "SIGN_BIT" : "unknown", value));
      return static_cast<ir::Activation>(value);
    }
    case ir::FieldKind::MirrorPadMode: {
      const auto value = table_.GetField<int8_t>(offset, static_cast<int8_t>(field.file_default));
      if (value != 0 && value != 1)
        fail(fmt::format("has mirror pad mode {}, expected REFLECT (0) or SYMMETRIC (1)", value));
      return static_cast<ir::MirrorPadMode>(value);
    }
    case ir::FieldKind::DType: {
      const auto value = table_.GetField<int8_t>(offset, static_cast<int8_t>(field.file_default));
      const auto dtype = ir::dtype_from_code(value);
      if (!dtype)
        throw UnsupportedError(fmt::format("{} has {} {}, a tensor type qgold does not support", place_,
                                           field.schema_name, value));
      return *dtype;
    }
    case ir::FieldKind::Int:
      return table_.GetField<int32_t>(offset, static_cast<int32_t>(field.file_default));
    case ir::FieldKind::Bool:
      return table_.GetField<uint8_t>(offset, field.file_default != 0) != 0;
    case ir::FieldKind::Float:
      return table_.GetField<float>(offset, static_cast<float>(field.file_default));
    case ir::FieldKind::IntList: {
      // Copied bytewise: the Verifier only checks 4-byte alignment.
      const auto *values = table_.GetPointer<const flatbuffers::Vector<int32_t> *>(offset);
      std::vector<int32_t> out(values ? values->size() : 0);
      if (!out.empty())
        std::memcpy(out.data(), values->Data(), out.size() * sizeof(int32_t));
      return out;
    }
    case ir::FieldKind::Fixed:
      break;
    }
    return {};
  }

  void check_fixed(const ir::FieldInfo &field) const {
    const auto value = table_.GetField<int8_t>(vtable_offset(field.id),
                                               static_cast<int8_t>(field.file_default));
    if (value != static_cast<int8_t>(field.file_default))
      throw UnsupportedError(fmt::format("{} has {} {}; qgold supports {} only", place_,
                                         field.schema_name, value, field.file_default));
  }

private:
  [[noreturn]] void fail(const std::string &what) const {
    throw InputError(fmt::format("{} {}", place_, what));
  }

  const flatbuffers::Table &table_;
  const std::string &place_;
};

} // namespace

ir::Options read_options_table(const flatbuffers::Table *table, flatbuffers::Verifier &verifier,
                               ir::OpCode code, const std::string &place) {
  ir::Options options = ir::default_options(code);
  const auto fields = ir::option_fields(options);
  if (!table) {
    // Empty tables may be left out; a table with fields may not.
    if (!fields.empty())
      throw InputError(fmt::format("{} has no builtin options table", place));
    return options;
  }
  if (!table->VerifyTableStart(verifier))
    throw InputError(fmt::format("{}: its options table is corrupt", place));
  for (const ir::FieldInfo &field : fields)
    if (!verify_field(*table, verifier, field))
      throw InputError(
          fmt::format("{}: options field '{}' is corrupt", place, field.schema_name));
  verifier.EndTable();
  const TableReader reader(*table, place);
  for (const ir::FieldInfo &field : fields) {
    if (field.kind == ir::FieldKind::Fixed)
      reader.check_fixed(field);
    else
      ir::set_option(options, field.name, reader.read(field));
  }
  return options;
}

flatbuffers::Offset<void> write_options_table(flatbuffers::FlatBufferBuilder &builder,
                                              const ir::Options &options) {
  std::vector<ir::FieldInfo> fields;
  for (const ir::FieldInfo &field : ir::option_fields(options))
    if (field.kind != ir::FieldKind::Fixed)
      fields.push_back(field);
  std::stable_sort(fields.begin(), fields.end(), [](const auto &a, const auto &b) {
    const size_t sa = field_size(a.kind), sb = field_size(b.kind);
    return sa != sb ? sa > sb : a.id > b.id;
  });
  // Vectors are built before the table starts.
  std::vector<flatbuffers::Offset<flatbuffers::Vector<int32_t>>> vectors(fields.size());
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].kind == ir::FieldKind::IntList)
      vectors[i] = builder.CreateVector(
          std::get<std::vector<int32_t>>(ir::get_option(options, fields[i].name)));
  const auto start = builder.StartTable();
  for (size_t i = 0; i < fields.size(); ++i) {
    const ir::FieldInfo &field = fields[i];
    const auto offset = vtable_offset(field.id);
    const ir::FieldValue value = ir::get_option(options, field.name);
    switch (field.kind) {
    case ir::FieldKind::Padding:
      builder.AddElement<int8_t>(offset, static_cast<int8_t>(std::get<ir::Padding>(value)), 0);
      break;
    case ir::FieldKind::Activation:
      builder.AddElement<int8_t>(offset, static_cast<int8_t>(std::get<ir::Activation>(value)), 0);
      break;
    case ir::FieldKind::MirrorPadMode:
      builder.AddElement<int8_t>(offset, static_cast<int8_t>(std::get<ir::MirrorPadMode>(value)), 0);
      break;
    case ir::FieldKind::DType:
      builder.AddElement<int8_t>(offset, static_cast<int8_t>(std::get<ir::DType>(value)), 0);
      break;
    case ir::FieldKind::Int:
      builder.AddElement<int32_t>(offset, std::get<int32_t>(value), 0);
      break;
    case ir::FieldKind::Bool:
      builder.AddElement<uint8_t>(offset, std::get<bool>(value) ? 1 : 0, 0);
      break;
    case ir::FieldKind::Float:
      builder.AddElement<float>(offset, std::get<float>(value), 0.0f);
      break;
    case ir::FieldKind::IntList:
      builder.AddOffset(offset, vectors[i]);
      break;
    case ir::FieldKind::Fixed:
      break;
    }
  }
  return flatbuffers::Offset<void>(builder.EndTable(start));
}

} // namespace qgold::format
