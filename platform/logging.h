// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QLoggingCategory>

// One category for the platform layer. Never log secrets.
Q_DECLARE_LOGGING_CATEGORY(lcPlatform)
