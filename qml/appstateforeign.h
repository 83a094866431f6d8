// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

// main() owns the AppState; QML reaches that one instance as a singleton through this foreign
// registration (Itinerary's qmlregistrationhelper pattern), never through a context property.

#include "appstate.h"
#include "core/store/store.h"

#include <QQmlEngine>
#include <QtQml/qqml.h>

namespace doorstep {

/** Exposes main()'s AppState to QML as the singleton `AppState`. */
class AppStateForeign
{
    Q_GADGET
    QML_FOREIGN(doorstep::AppState)
    QML_NAMED_ELEMENT(AppState)
    QML_SINGLETON
public:
    static AppState *create(QQmlEngine *, QJSEngine *)
    {
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }
    static inline AppState *s_instance = nullptr;
};

/** Lets view-models take the Store as a property (`store: AppState.store`). */
class StoreForeign
{
    Q_GADGET
    QML_FOREIGN(doorstep::Store)
    QML_ANONYMOUS
};

} // namespace doorstep
