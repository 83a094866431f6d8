// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqml.h>

namespace doorstep {
namespace rules {
struct Violation;
}

class Store;

/**
 * The visit, direct-work and supervision forms' state: the record being written, the violations from
 * `rules::checkSubmission` keyed by field path ("children[0].not_seen_alone_reason"), the inline
 * quality prompts, the autosaved draft (DraftStore, every few seconds and on suspend), and the
 * save / submit that go through the store in one transaction. QML only shows and edits fields.
 */
class RecordForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Store *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString recordType READ recordType WRITE setRecordType NOTIFY recordTypeChanged)
    Q_PROPERTY(QString author READ author WRITE setAuthor NOTIFY recordTypeChanged)
    Q_PROPERTY(int autosaveMs READ autosaveMs WRITE setAutosaveMs NOTIFY recordTypeChanged)
    Q_PROPERTY(QVariantMap record READ record NOTIFY changed)
    /** Bumped on every edit: bindings that must follow edits (yes/no buttons) depend on it. */
    Q_PROPERTY(int version READ version NOTIFY changed)
    /** Bumped when a whole record is loaded: text fields re-read their value only then. */
    Q_PROPERTY(int revision READ revision NOTIFY loaded)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QStringList errorFields READ errorFields NOTIFY errorsChanged)
    Q_PROPERTY(QVariantMap prompts READ prompts NOTIFY changed)
    /** Field path -> true for what submitting still needs, as the rules say for the answers so far
     *  (whether the child was seen alone once they were seen, why not, a bedroom on a statutory
     *  visit...): the form marks these before Submit, not after. */
    Q_PROPERTY(QVariantMap needed READ needed NOTIFY changed)
    /** The tips in order, as {field, code, message, strong}, each message once (for a page that
     *  lists them together rather than at their fields). */
    Q_PROPERTY(QVariantList promptList READ promptList NOTIFY changed)
    Q_PROPERTY(QVariantMap childNames READ childNames NOTIFY loaded)
    /** User id -> name of the team, when the service sent them (managers' tablets). */
    Q_PROPERTY(QVariantMap userNames READ userNames NOTIFY loaded)
    Q_PROPERTY(QString recordId READ recordId NOTIFY loaded)
    Q_PROPERTY(QString formKey READ formKey NOTIFY loaded)
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString returnReason READ returnReason NOTIFY loaded)
    Q_PROPERTY(QString amends READ amends NOTIFY loaded)
    Q_PROPERTY(bool ready READ ready NOTIFY loaded)
    Q_PROPERTY(bool dirty READ dirty NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool restoredDraft READ restoredDraft NOTIFY loaded)
    /** Set when a restored draft and a later change from someone else both changed the same
     *  fields: which ones (the draft's words are kept there; the person checks them). */
    Q_PROPERTY(QString restoreNote READ restoreNote NOTIFY loaded)
    Q_PROPERTY(QDateTime lastAutosave READ lastAutosave NOTIFY autosaved)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorsChanged)
    /** Whether the record goes draft → submitted → approved. A child's profile and plan do not:
     *  saving them is the change, checked by the same rules as a submission. */
    Q_PROPERTY(bool hasWorkflow READ hasWorkflow NOTIFY recordTypeChanged)
public:
    explicit RecordForm(QObject *parent = nullptr);
    ~RecordForm() override;

    Store *store() const { return m_store; }
    void setStore(Store *store);
    QString recordType() const { return m_type; }
    void setRecordType(const QString &type);
    QString author() const { return m_author; }
    void setAuthor(const QString &author);
    int autosaveMs() const { return m_autosave.interval(); }
    void setAutosaveMs(int ms);

    QVariantMap record() const { return m_record.toVariantMap(); }
    QJsonObject json() const { return m_record; }
    int version() const { return m_version; }
    int revision() const { return m_revision; }
    QVariantMap errors() const { return m_errors; }
    QStringList errorFields() const { return m_errorOrder; }
    QVariantMap prompts() const { return m_prompts; }
    QVariantMap needed() const { return m_needed; }
    QVariantList promptList() const { return m_promptList; }
    QVariantMap childNames() const { return m_childNames; }
    QVariantMap userNames() const { return m_userNames; }
    QString recordId() const { return m_record.value(u"id").toString(); }
    QString formKey() const { return m_formKey; }
    QString state() const { return m_record.value(u"state").toString(); }
    QString returnReason() const { return m_returnReason; }
    QString amends() const { return m_record.value(u"amends").toString(); }
    bool ready() const { return m_ready; }
    bool dirty() const { return m_dirty; }
    bool busy() const { return m_busy; }
    bool restoredDraft() const { return m_restoredDraft; }
    QString restoreNote() const { return m_restoreNote; }
    QDateTime lastAutosave() const { return m_lastAutosave; }
    QString errorString() const { return m_errorString; }
    bool hasWorkflow() const { return m_type != u"child"; }

    /** A new record about these children (a visit gets one card each); an autosaved draft of
     *  the same new form is restored instead. */
    Q_INVOKABLE void startNew(const QStringList &childIds);
    /** Opens a record: drafts and returned records are edited in place; an approved one starts
     *  an amendment that links to it. */
    Q_INVOKABLE void open(const QString &recordId);

    /** The value at a path. QML passes `version` or `revision` as `stamp` so that a binding
     *  re-reads after edits or loads (an unused read would not register the dependency). */
    Q_INVOKABLE QVariant value(const QString &path, int stamp = 0) const;
    /** Sets a field by path; "" and null remove it (an unanswered question). */
    Q_INVOKABLE void setValue(const QString &path, const QVariant &value);
    /** "2026-03-04 14:30" in local time ↔ the ISO UTC datetime kept in the record. */
    Q_INVOKABLE QString dateTimeText(const QString &path, int stamp = 0) const;
    Q_INVOKABLE bool setDateTimeText(const QString &path, const QString &text);
    Q_INVOKABLE QString dateText(const QString &path, int stamp = 0) const;
    Q_INVOKABLE bool setDateText(const QString &path, const QString &text);
    Q_INVOKABLE QString error(const QString &path) const { return m_errors.value(path).toString(); }
    /** The violation at `path` for the list at the top of the form, saying where when the message
     *  alone would not: "Action 2: Say who will do this action.", "Amara Ashworth: Say whether...". */
    Q_INVOKABLE QString errorText(const QString &path) const;
    Q_INVOKABLE int count(const QString &path, int stamp = 0) const;
    /** Whether anything is written or chosen at the path (an action, a card): removing it then asks first. */
    Q_INVOKABLE bool hasContent(const QString &path, int stamp = 0) const;
    /** The last day a date field may take ("2026-11-23", today here) when the rules keep it out of
     *  the future (rules::pastOnlyFields), else "": the calendar stops there. */
    Q_INVOKABLE QString latestDate(const QString &path) const;

    /** Adds an empty open action to the list at `listPath` ("actions", a child's "plan.actions"). */
    Q_INVOKABLE void addAction(const QString &listPath = QStringLiteral("actions"));
    Q_INVOKABLE void removeAction(int index, const QString &listPath = QStringLiteral("actions"));

    /** The children the record is about (a visit's cards, in order; direct work's child_ids). */
    Q_INVOKABLE QStringList childIds(int stamp = 0) const;
    /** Adds a child (a sibling in the household): a new card on a visit. false when already on it. */
    Q_INVOKABLE bool addChild(const QString &childId);
    /** Removes the child at `index` with their card. The last child stays: a record is about someone. */
    Q_INVOKABLE bool removeChild(int index);

    /** Writes the form (as a draft record) to the store; it joins the outbox. */
    Q_INVOKABLE void saveDraft();
    /** Runs the submission rules; with no violation saves it as submitted (a record without a
     *  workflow, a child, is saved as it is), else shows each one. */
    Q_INVOKABLE bool submit();
    /** Shows what the rules would refuse now, each at its field; true when nothing is. */
    Q_INVOKABLE bool check();
    /** Forgets the autosaved draft of this form: its record went somewhere other than the store
     *  (a new case, opened on the service). */
    Q_INVOKABLE void discardDraft();
    /** What a page keeps with the draft besides the record (a new case's worker and reason):
     *  autosaved and restored with it, never saved into the record. */
    QJsonObject draftExtra() const { return m_draftExtra; }
    void setDraftExtra(const QJsonObject &extra);
    /** Shows a refusal from elsewhere (the service) at its field. */
    void refuse(const QString &field, const QString &message);
    /** Writes the autosave draft now (suspend, lock, leaving the page). */
    Q_INVOKABLE void autosaveNow();

Q_SIGNALS:
    void storeChanged();
    void recordTypeChanged();
    void changed();
    void loaded();
    void errorsChanged();
    void busyChanged();
    void autosaved();
    /** The record is in the store (`submitted` says whether it went for approval). */
    void saved(bool submitted);
    /** Submission stopped at violations; the first field is where the page scrolls to. */
    void submitRefused(const QString &firstField);

private:
    void load(const QJsonObject &record, const QString &formKey, const QString &returnReason);
    /** The autosaved draft: the record, and the record as opened under kOpenedKey. */
    QString draftText() const;
    void restoreOr(const QString &formKey, const QJsonObject &fresh, const QStringList &childIds);
    void fetchChildNames(const QStringList &childIds);
    void edited();
    /** What the rules would refuse if the record were submitted now. */
    QList<rules::Violation> submissionViolations() const;
    void recomputePrompts();
    void setErrors(const QList<std::pair<QString, QString>> &errors);
    void setBusy(bool busy);
    void save(bool submit);

    QPointer<Store> m_store;
    QString m_type = QStringLiteral("visit");
    QString m_author;
    QJsonObject m_record;
    QString m_formKey;
    QString m_returnReason;
    QVariantMap m_errors;
    QStringList m_errorOrder;
    QVariantMap m_prompts;
    QVariantMap m_needed;
    QVariantList m_promptList;
    QVariantMap m_childNames;
    QVariantMap m_userNames;
    QString m_errorString;
    int m_version = 0;
    int m_revision = 0;
    bool m_ready = false;
    bool m_dirty = false;
    bool m_unsavedDraft = false;
    bool m_busy = false;
    bool m_restoredDraft = false;
    QString m_restoreNote;
    // The stored record this form edits, as it was opened (empty for a new record or an
    // amendment). Kept with the draft, so a draft restored after someone else changed the record
    // is merged onto the newer copy instead of quietly putting the old values back. Quality
    // prompts about what an edit changed measure from it too (rules::changePrompts).
    QJsonObject m_opened;
    QJsonObject m_draftExtra;
    QDateTime m_lastAutosave;
    QTimer m_autosave;
};

} // namespace doorstep
