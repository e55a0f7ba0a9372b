file(REMOVE_RECURSE
  "libccad_testutil.a"
)
