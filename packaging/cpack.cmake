# Debian package: `cpack` in the build folder writes ipdesk_<version>_<arch>.deb.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/ipdesk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/ipdesk.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "ipdesk")
set(CPACK_PACKAGE_VENDOR "IPDesk")
set(CPACK_PACKAGE_CONTACT "IPDesk maintainers <ipdesk@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "IPDesk (招商工作台): investment-promotion project pipeline, targets and reports")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6core6 (>= 6.4), libqt6gui6 (>= 6.4), libqt6widgets6 (>= 6.4), libqt6sql6 (>= 6.4), libqt6sql6-sqlite, libqt6charts6, libqt6svg6, libopencc1.1, libquazip1-qt6-1, fonts-noto-cjk, fonts-dejavu-core, libqt6printsupport6")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "ipdesk")
include(CPack)
