// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "storelog.h"

Q_LOGGING_CATEGORY(lcStore, "doorstep.store", QtInfoMsg)
