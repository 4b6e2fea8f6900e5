# cmake -P script: configuring the tree with SAKER_BPF=ON and clang/bpftool
# missing must fail and name both.
file(REMOVE_RECURSE "${WORK}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${WORK}" -DCMAKE_C_COMPILER=${CC}
          -DSAKER_BPF=ON -DSK_CLANG=/nonexistent/clang -DSK_BPFTOOL=/nonexistent/bpftool
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE_RECURSE "${WORK}")
if(rc EQUAL 0)
  message(FATAL_ERROR "FAIL: configure succeeded without clang and bpftool:\n${out}\n${err}")
endif()
foreach(want "SAKER_BPF=ON" "clang (Debian package clang" "bpftool (Debian package bpftool" "-DSAKER_BPF=OFF")
  string(FIND "${err}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "FAIL: the configure error does not name '${want}':\n${err}")
  endif()
endforeach()
foreach(unwanted "libbpf (" "libelf (" "zlib (")
  string(FIND "${err}" "${unwanted}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "FAIL: the configure error names '${unwanted}', which is present:\n${err}")
  endif()
endforeach()
message(STATUS "ok   SAKER_BPF=ON without clang and bpftool: configure error naming both")
