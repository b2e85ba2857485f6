#include "ir/error.h"
#include "quant/quant.h"

#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace qgold::quant {
namespace {

using nlohmann::json;

std::string string_field(const json &entry, const char *key, const std::string &where) {
  auto it = entry.find(key);
  if (it == entry.end() || !it->is_string())
    throw InputError(fmt::format("{}: expected a string \"{}\"", where, key));
  return it->get<std::string>();
}

std::vector<std::string> name_list(const json &names, const std::string &where) {
  if (!names.is_array() || names.empty())
    throw InputError(fmt::format("{}: expected a non-empty list of layer names", where));
  std::vector<std::string> result;
  for (const auto &name : names) {
    if (!name.is_string())
      throw InputError(fmt::format("{}: layer names must be strings", where));
    result.push_back(name.get<std::string>());
  }
  return result;
}

LayerOverride parse_layer(const json &entry, const std::string &where) {
  if (!entry.is_object())
    throw InputError(fmt::format("{}: expected an object", where));
  LayerOverride layer;
  const std::string dtype = string_field(entry, "dtype", where);
  if (dtype == "uint8")
    layer.dtype = ir::DType::UInt8;
  else if (dtype == "int16")
    layer.dtype = ir::DType::Int16;
  else
    throw InputError(fmt::format("{}: dtype '{}' is not uint8 or int16", where, dtype));
  const std::string granularity = string_field(entry, "granularity", where);
  auto parsed = granularity_from_name(granularity);
  if (!parsed)
    throw InputError(fmt::format("{}: granularity '{}' is not layer or channel", where, granularity));
  layer.granularity = *parsed;

  const int forms = entry.contains("name") + entry.contains("names") + entry.contains("alternate");
  if (forms != 1)
    throw InputError(fmt::format("{}: expected exactly one of \"name\", \"names\", \"alternate\"", where));
  if (entry.contains("name"))
    layer.name_sets.push_back({string_field(entry, "name", where)});
  else if (entry.contains("names"))
    layer.name_sets.push_back(name_list(entry["names"], where + ".names"));
  else {
    const json &alternate = entry["alternate"];
    if (!alternate.is_object() || alternate.empty())
      throw InputError(fmt::format("{}.alternate: expected an object of name lists", where));
    for (const auto &[key, names] : alternate.items())
      layer.name_sets.push_back(name_list(names, where + ".alternate." + key));
  }
  return layer;
}

} // namespace

std::string_view granularity_name(Granularity granularity) {
  return granularity == Granularity::Layer ? "layer" : "channel";
}

std::optional<Granularity> granularity_from_name(std::string_view name) {
  if (name == "layer")
    return Granularity::Layer;
  if (name == "channel")
    return Granularity::Channel;
  return std::nullopt;
}

QConf parse_qconf(const std::string &json_text, const std::string &origin) {
  json document;
  try {
    document = json::parse(json_text);
  } catch (const json::parse_error &error) {
    throw InputError(fmt::format("{}: malformed JSON at byte {}: {}", origin, error.byte, error.what()));
  } catch (const json::out_of_range &error) { // a number like 1e999
    throw InputError(fmt::format("{}: malformed JSON: {}", origin, error.what()));
  }
  if (!document.is_object() || !document.contains("layers") || !document["layers"].is_array())
    throw InputError(fmt::format("{}: expected an object with a \"layers\" list", origin));
  QConf qconf;
  qconf.origin = origin;
  const json &layers = document["layers"];
  for (size_t i = 0; i < layers.size(); ++i)
    qconf.layers.push_back(parse_layer(layers[i], fmt::format("{}: layers[{}]", origin, i)));
  return qconf;
}

QConf load_qconf(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("{}: cannot open qconf file", path.string()));
  std::stringstream text;
  text << in.rdbuf();
  return parse_qconf(text.str(), path.string());
}

} // namespace qgold::quant
