// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Doorstep contributors
#include "chronologypdf.h"

#include "core/domain.h"
#include "core/jsonreader.h"
#include "core/rules.h"
#include "core/wire.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSet>
#include <QTextDocument>
#include <QTimeZone>

#include <algorithm>

namespace doorstep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("doorstep::ChronologyPdf", text);
}

QString esc(const QString &text)
{
    // Escaped, and line breaks the author typed are kept.
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br/>"));
}

QString ukDate(const QDate &d)
{
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : tr("no date");
}

QString ukDateTime(const QDateTime &t)
{
    if (!t.isValid())
        return tr("no date");
    static const QTimeZone london(QByteArrayLiteral("Europe/London"));
    const QDateTime local = london.isValid() ? t.toTimeZone(london) : t.toUTC();
    return local.toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

QString yesNo(const std::optional<bool> &v)
{
    if (!v)
        return tr("not recorded");
    return *v ? tr("yes") : tr("no");
}

QString stateLabel(const std::optional<WorkflowState> &s)
{
    if (!s)
        return QString();
    switch (*s) {
    case WorkflowState::Draft: return tr("Draft");
    case WorkflowState::Submitted: return tr("Submitted, awaiting review");
    case WorkflowState::Approved: return tr("Approved");
    case WorkflowState::Returned: return tr("Returned to the author");
    }
    return QString();
}

QString reasonLabel(NotSeenAloneReason r)
{
    switch (r) {
    case NotSeenAloneReason::ChildRefused: return tr("the child refused");
    case NotSeenAloneReason::InappropriateAgeUnderstanding: return tr("inappropriate given the child's age and understanding");
    case NotSeenAloneReason::UnableParentRefused: return tr("unable: the parent or carer refused");
    case NotSeenAloneReason::UnableChildNotHome: return tr("unable: the child was not at home");
    case NotSeenAloneReason::UnableOther: return tr("unable: other reason");
    }
    return QString();
}

QString visitTypeLabel(const std::optional<VisitType> &t)
{
    if (!t)
        return tr("Visit");
    switch (*t) {
    case VisitType::StatutoryCp: return tr("Statutory visit (child protection)");
    case VisitType::StatutoryCin: return tr("Statutory visit (child in need)");
    case VisitType::StatutoryCla: return tr("Statutory visit (looked-after child)");
    case VisitType::Other: return tr("Visit");
    }
    return tr("Visit");
}

QString field(const QString &label, const QString &value)
{
    if (value.trimmed().isEmpty())
        return QString();
    return QStringLiteral("<p><b>%1:</b> %2</p>").arg(label.toHtmlEscaped(), esc(value));
}

QString entry(const QString &when, const QString &type, const QString &state, const QString &body)
{
    QString head = QStringLiteral("%1 &#8212; %2").arg(when.toHtmlEscaped(), type.toHtmlEscaped());
    if (!state.isEmpty())
        head += QStringLiteral(" &#8212; <i>%1</i>").arg(state.toHtmlEscaped());
    return QStringLiteral("<h3>%1</h3>%2<hr/>").arg(head, body);
}

QString name(const ChronologyPdf::Options &o, const QString &userId)
{
    return o.userNames.value(userId, userId);
}

QString actionsHtml(const QList<Action> &actions, const ChronologyPdf::Options &o)
{
    if (actions.isEmpty())
        return QString();
    QString html = QStringLiteral("<p><b>%1:</b></p><ul>").arg(tr("Actions").toHtmlEscaped());
    for (const Action &a : actions) {
        QString line;
        if (a.priority)
            line += tr("Priority %1: ").arg(*a.priority);
        line += a.what;
        line += QLatin1String(" (") + tr("owner %1, by %2").arg(name(o, a.owner), ukDate(a.due));
        if (a.status)
            line += QLatin1String(", ") + wireName(*a.status);
        line += QLatin1Char(')');
        html += QStringLiteral("<li>%1</li>").arg(esc(line));
    }
    return html + QStringLiteral("</ul>");
}

QString visitEntry(const Visit &v, const QString &childId, const ChronologyPdf::Options &o)
{
    QString body = field(tr("Recorded by"), name(o, v.envelope.author));
    body += field(tr("Rationale"), v.rationale);
    body += field(tr("Present"), v.present);
    for (const ChildOnVisit &c : v.children) {
        if (c.childId != childId)
            continue;
        QString seen = yesNo(c.seen);
        if (c.seen == false && !c.notSeenReason.isEmpty())
            seen += QLatin1String(" (") + c.notSeenReason + QLatin1Char(')');
        body += field(tr("Child seen"), seen);
        if (c.seen != false) {
            QString alone = yesNo(c.seenAlone);
            if (c.seenAlone == false && c.notSeenAloneReason) {
                alone += QLatin1String(" (") + reasonLabel(*c.notSeenAloneReason);
                if (!c.notSeenAloneDetail.isEmpty())
                    alone += QLatin1String(": ") + c.notSeenAloneDetail;
                alone += QLatin1Char(')');
            }
            body += field(tr("Seen alone"), alone);
            body += field(tr("Bedroom seen"), yesNo(c.bedroomSeen));
        }
        if (c.safetyConcern)
            body += field(tr("Safety concern"), tr("yes"));
        body += field(tr("Child's views"), c.childViews.isEmpty() ? tr("not recorded") : c.childViews);
        body += field(tr("Observations"), c.observations);
    }
    body += field(tr("Risks"), v.analysisRisks);
    body += field(tr("Strengths"), v.analysisStrengths);
    body += field(tr("Protective factors"), v.analysisProtective);
    body += actionsHtml(v.actions, o);
    if (v.envelope.state == WorkflowState::Returned)
        body += field(tr("Returned because"), v.envelope.returnReason);
    return entry(ukDateTime(v.startedAt), visitTypeLabel(v.visitType), stateLabel(v.envelope.state), body);
}

QString directWorkEntry(const DirectWork &d, const ChronologyPdf::Options &o)
{
    QString body = field(tr("Recorded by"), name(o, d.envelope.author));
    body += field(tr("Activity"), d.activity ? wireName(*d.activity).replace(QLatin1Char('_'), QLatin1Char(' ')) : QString());
    body += field(tr("Aims"), d.aims);
    body += field(tr("Child's words"), d.childWords);
    body += field(tr("Reflection"), d.reflection);
    body += field(tr("Next steps"), d.nextSteps);
    return entry(ukDate(d.sessionDate), tr("Direct work"), stateLabel(d.envelope.state), body);
}

QString reviewEntry(const Review &r, const QHash<QString, QString> &titles, const ChronologyPdf::Options &o)
{
    const QString decision = r.decision == ReviewDecision::Approve ? tr("Approved") : tr("Returned to the author");
    QString body = field(tr("Decision"), decision);
    body += field(tr("Record"), titles.value(r.recordId, r.recordId));
    body += field(tr("Manager"), name(o, r.manager));
    body += field(tr("Rationale"), r.rationale);
    return entry(ukDateTime(r.decidedAt), tr("Management decision"), QString(), body);
}

QString supervisionEntry(const Supervision &s, const ChronologyPdf::Options &o)
{
    QString body = field(tr("Supervisor"), name(o, s.envelope.author));
    body += field(tr("Worker"), name(o, s.worker));
    body += field(tr("Discussion"), s.discussion);
    body += field(tr("Decisions"), s.decisions);
    body += actionsHtml(s.actions, o);
    return entry(ukDate(s.heldOn), tr("Case supervision"), stateLabel(s.envelope.state), body);
}

QString allocationEntry(const AllocationChange &a, const ChronologyPdf::Options &o)
{
    QString body = field(tr("Moved to"), a.workerName.isEmpty() ? name(o, a.worker) : a.workerName);
    body += field(tr("Team"), a.teamName);
    body += field(tr("From"), a.previousWorkerName.isEmpty() ? name(o, a.previousWorker) : a.previousWorkerName);
    body += field(tr("From team"), a.previousTeamName);
    body += field(tr("Decided by"), a.decidedByName.isEmpty() ? tr("an administrator") : a.decidedByName);
    body += field(tr("Reason"), a.reason.isEmpty() ? tr("none recorded") : a.reason);
    return entry(ukDateTime(a.at), a.previousTeamName.isEmpty() ? tr("Change of worker") : tr("Change of team"), QString(), body);
}

QDateTime sortTime(const QJsonObject &record)
{
    const QDateTime t = wire::eventTimeOf(record);
    if (t.isValid())
        return t;
    QDateTime created;
    JsonReader::isIsoDateTime(record.value(QLatin1String("created_at")).toString(), &created);
    return created;
}

QString childHeading(const Child &c)
{
    return (c.firstName + QLatin1Char(' ') + c.lastName).trimmed();
}

} // namespace

QList<QJsonObject> ChronologyPdf::entries(const QString &childId, const QList<QJsonObject> &records)
{
    QList<QJsonObject> out;
    QSet<QString> about;
    for (const QJsonObject &r : records) {
        if (wire::typeOf(r) == RecordType::Child)
            continue;
        if (wire::childIdsOf(r).contains(childId)) {
            out.append(r);
            about.insert(r.value(QLatin1String("id")).toString());
        }
    }
    // Decisions follow the record they decide on.
    for (const QJsonObject &r : records)
        if (wire::typeOf(r) == RecordType::Review && about.contains(r.value(QLatin1String("record_id")).toString()))
            out.append(r);
    std::stable_sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QDateTime ta = sortTime(a), tb = sortTime(b);
        if (ta != tb)
            return ta.isValid() && (!tb.isValid() || ta < tb);
        return a.value(QLatin1String("id")).toString() < b.value(QLatin1String("id")).toString();
    });
    return out;
}

QString ChronologyPdf::html(const QJsonObject &childJson, const QList<QJsonObject> &records, const Options &options)
{
    Child child;
    if (auto c = Child::fromJson(childJson))
        child = c.value();
    const QString childId = childJson.value(QLatin1String("id")).toString();
    const QList<QJsonObject> list = entries(childId, records);
    QHash<QString, QString> titles;
    for (const QJsonObject &r : list)
        titles.insert(r.value(QLatin1String("id")).toString(), wire::titleOf(r));

    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<h1>%1</h1>").arg(esc(tr("Chronology: %1").arg(childHeading(child))));
    html += field(tr("Date of birth"), ukDate(child.dateOfBirth));
    html += field(tr("Legal status"), wireName(child.legalStatus).replace(QLatin1Char('_'), QLatin1Char(' ')));
    html += field(tr("Allocated worker"), name(options, child.allocatedWorker));
    html += field(tr("Produced"), ukDateTime(options.generatedAt)
                                      + (options.generatedBy.isEmpty() ? QString() : QLatin1String(", ") + tr("by %1").arg(options.generatedBy)));
    html += field(tr("Entries"), QString::number(list.size() + child.allocations.size()));
    html += QStringLiteral("<hr/>");
    // The records, with the changes of worker (from the child record) in date order among them.
    qsizetype nextMove = 0;
    auto movesUpTo = [&](const QDateTime &t) {
        for (; nextMove < child.allocations.size() && (!t.isValid() || child.allocations.at(nextMove).at <= t); ++nextMove)
            html += allocationEntry(child.allocations.at(nextMove), options);
    };
    for (const QJsonObject &r : list) {
        const auto type = wire::typeOf(r);
        if (!type)
            continue;
        if (const QDateTime t = sortTime(r); t.isValid())
            movesUpTo(t);
        switch (*type) {
        case RecordType::Visit:
            if (auto v = Visit::fromJson(r))
                html += visitEntry(v.value(), childId, options);
            break;
        case RecordType::DirectWork:
            if (auto d = DirectWork::fromJson(r))
                html += directWorkEntry(d.value(), options);
            break;
        case RecordType::Review:
            if (auto v = Review::fromJson(r))
                html += reviewEntry(v.value(), titles, options);
            break;
        case RecordType::Supervision:
            if (auto s = Supervision::fromJson(r))
                html += supervisionEntry(s.value(), options);
            break;
        case RecordType::Child:
            break;
        }
    }
    movesUpTo(QDateTime());
    if (list.isEmpty() && child.allocations.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("No records.").toHtmlEscaped());
    return html + QStringLiteral("</body></html>");
}

Result<QByteArray> ChronologyPdf::render(const QJsonObject &childJson, const QList<QJsonObject> &records,
                                         const Options &options, int *pages)
{
    // Fonts and text layout need the GUI application (the offscreen platform is enough).
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error(ErrorCode::Internal, QStringLiteral("rendering a PDF needs a QGuiApplication"));
    Child child;
    if (auto c = Child::fromJson(childJson))
        child = c.value();
    else
        return Error(ErrorCode::InvalidInput, QStringLiteral("not a valid child record"), c.error().field);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(options.resolution);
        writer.setTitle(tr("Chronology: %1").arg(childHeading(child)));
        writer.setCreator(QStringLiteral("Doorstep"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 12, 15, 12), QPageLayout::Millimeter));

        const QRect paint = writer.pageLayout().paintRectPixels(writer.resolution());
        const qreal dpmm = writer.resolution() / 25.4;
        const qreal headerHeight = 14 * dpmm;
        const qreal footerHeight = 10 * dpmm;
        const QRectF body(0, headerHeight, paint.width(), paint.height() - headerHeight - footerHeight);

        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&writer);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(10);
        doc.setDefaultFont(font);
        doc.setDefaultStyleSheet(QStringLiteral("h1 { font-size: 16pt; } h3 { font-size: 11pt; margin-top: 6px; } p { margin: 2px 0; }"));
        doc.setDocumentMargin(0);
        doc.setPageSize(body.size());
        doc.setHtml(html(childJson, records, options));
        const int count = doc.pageCount();

        QPainter painter;
        if (!painter.begin(&writer))
            return Error(ErrorCode::Internal, QStringLiteral("cannot paint the PDF"));
        QFont small(font, &writer);
        small.setPointSizeF(8);
        QFont marking(font, &writer);
        marking.setPointSizeF(11);
        marking.setBold(true);
        const QString who = tr("%1, born %2").arg(childHeading(child), ukDate(child.dateOfBirth));
        for (int page = 0; page < count; ++page) {
            if (page > 0)
                writer.newPage();
            // Government Security Classifications marking, top of every page.
            painter.setFont(marking);
            painter.drawText(QRectF(0, 0, paint.width(), headerHeight / 2), Qt::AlignHCenter | Qt::AlignVCenter, tr("OFFICIAL-SENSITIVE"));
            painter.setFont(small);
            painter.drawText(QRectF(0, headerHeight / 2, paint.width(), headerHeight / 2), Qt::AlignLeft | Qt::AlignVCenter, who);
            painter.drawLine(QPointF(0, headerHeight - dpmm), QPointF(paint.width(), headerHeight - dpmm));

            painter.save();
            painter.translate(body.left(), body.top() - page * body.height());
            doc.drawContents(&painter, QRectF(0, page * body.height(), body.width(), body.height()));
            painter.restore();

            painter.setFont(small);
            const QRectF footer(0, paint.height() - footerHeight, paint.width(), footerHeight);
            painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom, tr("OFFICIAL-SENSITIVE"));
            painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom, tr("Page %1 of %2").arg(page + 1).arg(count));
        }
        painter.end();
        if (pages)
            *pages = count;
    }
    buffer.close();
    if (buffer.data().isEmpty())
        return Error(ErrorCode::Internal, QStringLiteral("the PDF is empty"));
    return buffer.data();
}

} // namespace doorstep
