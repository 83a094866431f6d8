// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace doorstep {

QString installTranslations(QCoreApplication &app, const QLocale &locale)
{
    auto *translator = new QTranslator(&app);
    QString language = QStringLiteral("cy");
    if (!translator->load(locale, QStringLiteral("doorstep"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        // "%n day(s)" needs the English plural forms even when the system language is C or unknown.
        language = QStringLiteral("en");
        if (!translator->load(QStringLiteral("doorstep_en"), QStringLiteral(":/i18n"))) {
            delete translator;
            return {};
        }
    } else if (locale.language() != QLocale::Welsh) {
        language = QStringLiteral("en");
    }
    QCoreApplication::installTranslator(translator);
    return language;
}

} // namespace doorstep
