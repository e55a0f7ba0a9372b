# Empty compiler generated dependencies file for ccad_header_cxx.
# This may be replaced when dependencies are built.
