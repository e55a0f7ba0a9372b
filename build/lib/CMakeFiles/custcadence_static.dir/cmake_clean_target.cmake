file(REMOVE_RECURSE
  "libcustcadence.a"
)
