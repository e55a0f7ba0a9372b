#----------------------------------------------------------------
# Generated CMake target import file for configuration "Debug".
#----------------------------------------------------------------

# Commands may need to know the format version.
set(CMAKE_IMPORT_FILE_VERSION 1)

# Import target "custcadence::custcadence" for configuration "Debug"
set_property(TARGET custcadence::custcadence APPEND PROPERTY IMPORTED_CONFIGURATIONS DEBUG)
set_target_properties(custcadence::custcadence PROPERTIES
  IMPORTED_LOCATION_DEBUG "${_IMPORT_PREFIX}/lib/libcustcadence.so.0.1.0"
  IMPORTED_SONAME_DEBUG "libcustcadence.so.0"
  )

list(APPEND _cmake_import_check_targets custcadence::custcadence )
list(APPEND _cmake_import_check_files_for_custcadence::custcadence "${_IMPORT_PREFIX}/lib/libcustcadence.so.0.1.0" )

# Import target "custcadence::custcadence_static" for configuration "Debug"
set_property(TARGET custcadence::custcadence_static APPEND PROPERTY IMPORTED_CONFIGURATIONS DEBUG)
set_target_properties(custcadence::custcadence_static PROPERTIES
  IMPORTED_LINK_INTERFACE_LANGUAGES_DEBUG "C"
  IMPORTED_LOCATION_DEBUG "${_IMPORT_PREFIX}/lib/libcustcadence.a"
  )

list(APPEND _cmake_import_check_targets custcadence::custcadence_static )
list(APPEND _cmake_import_check_files_for_custcadence::custcadence_static "${_IMPORT_PREFIX}/lib/libcustcadence.a" )

# Commands beyond this point should not need to know the version.
set(CMAKE_IMPORT_FILE_VERSION)
