# cxkit_set_warnings(target): the project's warning flags, applied to every target it builds.
function(cxkit_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
endfunction()
