#pragma once

// Helpers shared by the recipe tests.

#include "ir/error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace qgold::recipe::test_support {

// The InputError message `body` throws, or "" (with a test failure) when it does not throw.
template <typename Body> std::string input_error(Body body) {
  try {
    body();
  } catch (const InputError &e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an InputError";
  return "";
}

// Same for UnsupportedError; an InputError of another kind is a failure.
template <typename Body> std::string unsupported_error(Body body) {
  try {
    body();
  } catch (const UnsupportedError &e) {
    return e.what();
  } catch (const InputError &e) {
    ADD_FAILURE() << "expected an UnsupportedError, got InputError: " << e.what();
    return "";
  }
  ADD_FAILURE() << "expected an UnsupportedError";
  return "";
}

} // namespace qgold::recipe::test_support
