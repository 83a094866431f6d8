# SPDX-License-Identifier: GPL-3.0-or-later
# One helper registers every test, so every test gets the same environment.
#
#   doorstep_add_test(NAME tst_rules SOURCES tst_rules.cpp LIBS doorstep_core
#                     LABELS unit [WRAPPER keyring] [TIMEOUT 120] [FIXTURES postgres] [POSTGRES])
#
# POSTGRES also registers NAME_postgres: the same command against the test PostgreSQL cluster
# (tests/server's server_pg fixture, DOORSTEP_TEST_BACKEND=postgres), labelled postgres too.
# WRAPPER keyring runs the test inside a private D-Bus session with an unlocked
# gnome-keyring and a throwaway HOME (tests/support/with-keyring). WRAPPER display runs it on a
# private Xvfb display with Qt Quick's OpenGL renderer (tests/support/with-display), for pictures
# drawn as a tablet draws them.
function(doorstep_add_test)
  cmake_parse_arguments(T "POSTGRES" "NAME;WRAPPER;TIMEOUT" "SOURCES;LIBS;LABELS;FIXTURES;ENV" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test doorstep_warnings ${T_LIBS})
  set(cmd $<TARGET_FILE:${T_NAME}>)
  if(T_WRAPPER STREQUAL "keyring")
    set(cmd ${PROJECT_SOURCE_DIR}/tests/support/with-keyring ${cmd})
  elseif(T_WRAPPER STREQUAL "display")
    set(cmd ${PROJECT_SOURCE_DIR}/tests/support/with-display ${cmd})
  endif()
  add_test(NAME ${T_NAME} COMMAND ${cmd})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set(platform offscreen)
  if(T_WRAPPER STREQUAL "display")
    set(platform xcb)
  endif()
  set(env "QT_QPA_PLATFORM=${platform};TZ=UTC;LC_ALL=C.UTF-8;DOORSTEP_SOURCE_DIR=${PROJECT_SOURCE_DIR};DOORSTEP_BINARY_DIR=${PROJECT_BINARY_DIR};${T_ENV}")
  set_tests_properties(${T_NAME} PROPERTIES
    LABELS "${T_LABELS}"
    TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "${env}")
  if(T_FIXTURES)
    set_tests_properties(${T_NAME} PROPERTIES FIXTURES_REQUIRED "${T_FIXTURES}")
  endif()
  if(T_POSTGRES)
    add_test(NAME ${T_NAME}_postgres COMMAND ${cmd})
    set_tests_properties(${T_NAME}_postgres PROPERTIES
      LABELS "postgres;${T_LABELS}"
      TIMEOUT ${T_TIMEOUT}
      FIXTURES_REQUIRED server_pg
      RESOURCE_LOCK pg_cluster
      ENVIRONMENT "${env};DOORSTEP_TEST_BACKEND=postgres;DOORSTEP_PG_DIR=${PROJECT_BINARY_DIR}/tests/server/pg-cluster")
  endif()
endfunction()
