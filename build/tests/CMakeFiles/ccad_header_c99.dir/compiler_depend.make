# Empty compiler generated dependencies file for ccad_header_c99.
# This may be replaced when dependencies are built.
