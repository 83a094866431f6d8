// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "newcaseform.h"

#include "core/store/draftstore.h"
#include "core/store/store.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace doorstep {

NewCaseForm::NewCaseForm(QObject *parent) : AllocationDecision(parent), m_form(new RecordForm(this))
{
    m_form->setRecordType(QStringLiteral("child"));
    m_choiceSave.setSingleShot(true);
    m_choiceSave.setInterval(2000);
    m_savedChoice = choiceText(); // nothing chosen: nothing to keep
    connect(&m_choiceSave, &QTimer::timeout, this, &NewCaseForm::autosaveNow);
    connect(this, &AllocationDecision::changed, this, [this] {
        if (!m_opened && choiceText() != m_savedChoice)
            m_choiceSave.start();
    });
}

NewCaseForm::~NewCaseForm()
{
    // Leaving the page keeps the choice, as RecordForm keeps the child's details. Nobody is left
    // to hear the answer.
    if (!m_opened && store() && choiceText() != m_savedChoice && !nothingChosen())
        (void)store()->saveDraft(choiceDraftKey(), choiceText());
}

bool NewCaseForm::nothingChosen() const
{
    return workerId().isEmpty() && reason().trimmed().isEmpty();
}

QString NewCaseForm::choiceText() const
{
    const QJsonObject choice{{QStringLiteral("worker_id"), workerId()}, {QStringLiteral("reason"), reason()}};
    return QString::fromUtf8(QJsonDocument(choice).toJson(QJsonDocument::Compact));
}

void NewCaseForm::autosaveNow()
{
    m_form->autosaveNow();
    m_choiceSave.stop();
    if (m_opened || !store())
        return;
    const QString text = choiceText();
    // Nothing chosen is no draft (it would hold up signing out for nothing); a draft not read yet
    // is never removed.
    const bool remove = nothingChosen();
    if (text == m_savedChoice || (remove && !m_choiceRestored))
        return;
    store()->run<bool>([text, remove](Database &db) -> Result<bool> {
        DraftStore drafts(db);
        if (auto r = remove ? drafts.remove(choiceDraftKey()) : drafts.put(choiceDraftKey(), text); !r)
            return r.error();
        return true;
    }).then(this, [this, text](Result<bool> r) {
        if (r.ok())
            m_savedChoice = text;
    });
}

void NewCaseForm::restoreChoice()
{
    store()->draft(choiceDraftKey()).then(this, [this](Result<std::optional<QString>> r) {
        if (r.ok() && r.value()) {
            const QJsonObject choice = QJsonDocument::fromJson(r.value()->toUtf8()).object();
            m_savedChoice = *r.value();
            // Only into what is still empty: what the manager chose meanwhile stands. A worker
            // no longer in the team's list is not chosen again (setWorkers ran first).
            const QString worker = choice.value(u"worker_id").toString();
            if (workerId().isEmpty()) {
                for (const QVariant &w : workers())
                    if (w.toMap().value(QStringLiteral("value")).toString() == worker)
                        setWorkerId(worker);
            }
            if (reason().trimmed().isEmpty())
                setReason(choice.value(u"reason").toString());
        }
        m_choiceRestored = true;
        if (choiceText() != m_savedChoice)
            m_choiceSave.start();
        Q_EMIT loaded();
        Q_EMIT changed();
    });
}

void NewCaseForm::storeChanged()
{
    m_form->setStore(store());
}

void NewCaseForm::start()
{
    m_form->startNew({});
    if (!store())
        return;
    const int generation = ++m_generation;
    store()->run<QVariantList>([](Database &db) { return ManagerSync::teamWorkerChoices(db); })
        .then(this, [this, generation](Result<QVariantList> r) {
            if (generation != m_generation)
                return;
            if (!r.ok())
                setErrorText(tr("The team's workers could not be read: %1").arg(r.error().message));
            else
                setWorkers(r.value());
            restoreChoice(); // then `loaded`
        });
}

bool NewCaseForm::submit()
{
    if (busy())
        return false;
    // Every missing answer at once: the child's, the worker, the reason.
    const bool childReady = m_form->check();
    const bool choiceReady = checkChoice(
        tr("Choose the worker who will hold the case."),
        tr("Give the reason for this allocation: it is kept with the decision, in the child's chronology and the audit trail."));
    if (!childReady || !choiceReady) {
        Q_EMIT changed();
        return false;
    }
    const QJsonObject child = m_form->json();
    const QString workerId = this->workerId();
    const QString reason = this->reason().trimmed();
    QString workerName;
    for (const QVariant &w : workers())
        if (w.toMap().value(QStringLiteral("value")).toString() == workerId)
            workerName = w.toMap().value(QStringLiteral("text")).toString();
    const QString childName = (child.value(u"first_name").toString() + QLatin1Char(' ') + child.value(u"last_name").toString()).trimmed();
    send([child, workerId, reason](ManagerSync *sync, auto done) { sync->openCase(child, workerId, reason, std::move(done)); },
         [this, child, childName, workerName] {
             m_form->discardDraft();
             m_choiceSave.stop();
             m_opened = true; // nothing to keep now
             store()->run<bool>([](Database &db) -> Result<bool> {
                 if (auto r = DraftStore(db).remove(choiceDraftKey()); !r)
                     return r.error();
                 return true;
             });
             Q_EMIT opened(child.value(u"id").toString(), childName, workerName);
         },
         [this](const QString &field, const QString &message) {
             if (!field.startsWith(QLatin1String("child.")))
                 return false;
             m_form->refuse(field.mid(6), message);
             return true;
         });
    return true;
}

} // namespace doorstep
