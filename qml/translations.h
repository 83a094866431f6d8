// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QLocale>

class QCoreApplication;

namespace doorstep {

/** Installs the app's translation for `locale` (Welsh or English); English, with its plural
 *  forms, when the locale has none. Returns the language loaded ("cy", "en"). */
QString installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace doorstep
