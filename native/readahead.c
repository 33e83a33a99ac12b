// posix_fadvise(POSIX_FADV_RANDOM) on an open descriptor, which Node.js does not expose. Without it
// the kernel reads ahead of a file's first read (16 KiB after a 4 KiB head, and up to read_ahead_kb,
// often megabytes, once two reads touch): bytes that identification never looks at, and that a cold
// cache or a network share pulls from storage.
#include <fcntl.h>
#include <node_api.h>

static napi_value random_access(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t fd = -1;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_int32(env, argv[0], &fd) != napi_ok) {
    napi_throw_type_error(env, NULL, "randomAccess(fd): fd must be a number");
    return NULL;
  }
  int rc = -1;
#ifdef POSIX_FADV_RANDOM
  rc = posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM);
#endif
  napi_value out;
  napi_create_int32(env, rc, &out);
  return out;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "randomAccess", NAPI_AUTO_LENGTH, random_access, NULL, &fn);
  napi_set_named_property(env, exports, "randomAccess", fn);
  return exports;
}
