// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "recordpages.h"

namespace doorstep {

QString RecordPages::formFor(const QString &type)
{
    if (type == u"direct_work")
        return QStringLiteral("DirectWorkPage.qml");
    if (type == u"supervision")
        return QStringLiteral("SupervisionFormPage.qml");
    if (type == u"child")
        return QStringLiteral("ChildFormPage.qml");
    return QStringLiteral("VisitFormPage.qml");
}

} // namespace doorstep
