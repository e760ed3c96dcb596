# Runs the dashboard build (called by web/CMakeLists.txt at build time):
#   cmake -DWEB_SRC=<repo>/web -DWEB_OUT=<build dir>/web -P build.cmake
# Without web/node_modules it explains and returns success, so a machine
# without npm still builds the C++ side (the e2e test then skips).
if(NOT EXISTS "${WEB_SRC}/node_modules/.package-lock.json")
  message(STATUS "Dashboard NOT built: ${WEB_SRC}/node_modules is missing; run `bash tools/install-deps.sh` "
                 "(npm ci --prefix web), then rebuild. `dyad serve` still serves the API.")
  return()
endif()
find_program(NPM npm)
if(NOT NPM)
  message(FATAL_ERROR "npm not found although ${WEB_SRC}/node_modules exists: install nodejs/npm (bash tools/install-deps.sh)")
endif()
execute_process(
  COMMAND ${NPM} run --silent build -- --outDir ${WEB_OUT} --emptyOutDir --logLevel warn
  WORKING_DIRECTORY ${WEB_SRC}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE "${WEB_OUT}/index.html")
  message(FATAL_ERROR "Dashboard build failed (npm run build in ${WEB_SRC}, exit ${rc}); see the errors above")
endif()
