// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
//
// Fuzz target: the wire-format decoder (core/wire.h). Any bytes: never a crash; an error names
// the field when the input was a JSON object; a record that decodes encodes and decodes again to
// the same object, and encoding is a fixed point. Patches of every type never crash, and a patch
// a client may send is always a valid patch.
#include "core/wire.h"
#include "fuzzcheck.h"

using namespace doorstep;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > kFuzzMaxInput)
        return 0;
    const QByteArray bytes = fuzzBytes(data, size);
    const Result<QJsonObject> parsed = wire::parseObject(bytes);
    const Result<QJsonObject> decoded = wire::decodeRecord(bytes);
    if (!parsed) {
        FUZZ_CHECK(!decoded, "decodeRecord accepted what parseObject refused");
        FUZZ_CHECK(parsed.error().code == ErrorCode::InvalidInput, "malformed JSON is InvalidInput");
        FUZZ_CHECK(!parsed.error().message.isEmpty(), "an error has a message");
        return 0;
    }
    const QJsonObject &object = parsed.value();
    if (decoded) {
        FUZZ_CHECK(decoded.value() == object, "decodeRecord returns the object it validated");
        FUZZ_CHECK(wire::typeOf(object).has_value(), "a valid record has a known type");
        const QByteArray once = wire::encode(object);
        const Result<QJsonObject> again = wire::decodeRecord(once);
        FUZZ_CHECK(again, "an encoded valid record decodes again");
        FUZZ_CHECK(again.value() == object, "the encode/decode round trip is stable");
        FUZZ_CHECK(wire::encode(again.value()) == once, "encoding is a fixed point");
        // What lists, search and the chronology derive from a valid record never crashes.
        (void)wire::childIdsOf(object);
        (void)wire::searchTextOf(object);
        (void)wire::titleOf(object);
        (void)wire::eventTimeOf(object);
    } else {
        const Error &e = decoded.error();
        FUZZ_CHECK(e.code == ErrorCode::InvalidInput, "an invalid record is InvalidInput");
        FUZZ_CHECK(!e.message.isEmpty(), "an error has a message");
        FUZZ_CHECK(!e.field.isEmpty(), "an invalid record's error names the field");
    }
    for (RecordType type : {RecordType::Child, RecordType::Visit, RecordType::DirectWork, RecordType::Review,
                            RecordType::Supervision}) {
        const Result<void> patch = wire::validatePatch(type, object);
        const Result<void> client = wire::validateClientPatch(type, object);
        if (client)
            FUZZ_CHECK(patch, "a patch a client may send is a valid patch");
        if (!patch)
            FUZZ_CHECK(!patch.error().field.isEmpty(), "an invalid patch's error names the field");
        if (!client)
            FUZZ_CHECK(!client.error().message.isEmpty(), "a refused patch says why");
    }
    return 0;
}
