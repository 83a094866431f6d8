// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
//
// Fuzz target: the submission rules and quality prompts (core/rules.h) over any JSON object.
// Never a crash; every violation names a field, has a stable code and a message; a record that
// does not decode gives exactly one "invalid" violation (a child missing its identity fields
// names each of them as required instead); the rules are deterministic.
#include "core/rules.h"
#include "core/wire.h"
#include "fuzzcheck.h"

#include <QJsonValue>

#include <algorithm>

using namespace doorstep;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > kFuzzMaxInput)
        return 0;
    const Result<QJsonObject> parsed = wire::parseObject(fuzzBytes(data, size));
    if (!parsed)
        return 0;
    const QJsonObject &record = parsed.value();
    // A fixed "now" keeps the target deterministic; 2026-03-10 sits just after the samples' dates.
    const QDateTime now(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

    const QList<rules::Violation> violations = rules::checkSubmission(record, now);
    for (const rules::Violation &v : violations) {
        FUZZ_CHECK(!v.field.isEmpty(), "a violation names a field");
        FUZZ_CHECK(!v.code.isEmpty(), "a violation has a code");
        FUZZ_CHECK(!v.message.isEmpty(), "a violation has a message a worker understands");
    }
    if (!wire::validateRecord(record)) {
        FUZZ_CHECK(!violations.isEmpty(), "a record that does not decode is refused");
        // A child's missing name, date of birth or legal status is named as required, all at once
        // (a new child's form); anything else that does not decode is one "invalid".
        const bool childIdentityMissing = record.value(QLatin1String("type")).toString() == QLatin1String("child")
            && std::any_of(violations.cbegin(), violations.cend(), [](const rules::Violation &v) { return v.code == QLatin1String("required"); });
        if (!childIdentityMissing) {
            FUZZ_CHECK(violations.size() == 1, "a record that does not decode gives one violation");
            FUZZ_CHECK(violations.first().code == QLatin1String("invalid"), "... with code \"invalid\"");
        }
    }
    FUZZ_CHECK(rules::checkSubmission(record, now) == violations, "the rules are deterministic");

    for (const rules::Prompt &p : rules::qualityPrompts(record)) {
        FUZZ_CHECK(!p.code.isEmpty(), "a prompt has a code");
        FUZZ_CHECK(!p.message.isEmpty(), "a prompt has a message");
    }

    // The manager's decision check takes whatever a review body carries.
    const QList<rules::Violation> review = rules::checkReviewDecision(
        record.value(QLatin1String("decision")).toString(), record.value(QLatin1String("rationale")).toString());
    for (const rules::Violation &v : review)
        FUZZ_CHECK(!v.field.isEmpty() && !v.message.isEmpty(), "a review violation names a field and says why");
    return 0;
}
