// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include "typedrepository.h"

namespace doorstep {

/** Children (cases): the caseload and each child's chronology. */
class ChildRepository : public TypedRepository<RecordType::Child>
{
public:
    using TypedRepository::TypedRepository;

    /** The children on this device, by last then first name. */
    Result<QList<StoredRecord>> caseload() { return m_records.caseload(); }
    /** Every record about the child, oldest event first: built from the records, never typed twice. */
    Result<QList<StoredRecord>> chronology(const QString &childId) { return m_records.chronology(childId); }
};

} // namespace doorstep
