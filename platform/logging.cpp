// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "platform/logging.h"

Q_LOGGING_CATEGORY(lcPlatform, "doorstep.platform")
