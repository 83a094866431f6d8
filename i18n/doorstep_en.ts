<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ActionsEditor</name>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="39" />
        <source>What will be done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="47" />
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="55" />
        <source>By when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="64" />
        <source>Where it stands</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="71" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="76" />
        <source>Remove action %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="87" />
        <source>Remove action %1?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="88" />
        <source>What is written about this action will be removed from the record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="89" />
        <source>Keep the action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="90" />
        <source>Remove the action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="96" />
        <source>Add an action</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../qml/components/BarChart.qml" line="26" />
        <source>no visits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/BarChart.qml" line="26" />
        <location filename="../qml/components/BarChart.qml" line="27" />
        <source>%1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/BarChart.qml" line="78" />
        <source>Nothing to show yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="75" />
        <source>My caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="75" />
        <source>Team caseload</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/CaseloadPage.qml" line="82" />
        <source>%n overdue or due now</source>
        <translation>
            <numerusform>%n overdue or due now</numerusform><numerusform>%n overdue or due now</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/CaseloadPage.qml" line="87" />
        <source>%n children</source>
        <translation>
            <numerusform>%n child</numerusform><numerusform>%n children</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="205" />
        <source>Most urgent first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="206" />
        <source>By surname</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="215" />
        <source>Order of the children: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="93" />
        <source>Team dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="94" />
        <source>Open the team dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="103" />
        <source>Approval queue: %1 waiting, %2 need attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="104" />
        <source>Approval queue: %1 waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="113" />
        <source>Moves between teams: %1 to answer, %2 answered</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/CaseloadPage.qml" line="114" />
        <source>Moves between teams: %n to answer</source>
        <translation>
            <numerusform>Moves between teams: %n to answer</numerusform><numerusform>Moves between teams: %n to answer</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/CaseloadPage.qml" line="115" />
        <source>Moves between teams: %n answered</source>
        <translation>
            <numerusform>Moves between teams: %n answered</numerusform><numerusform>Moves between teams: %n answered</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="116" />
        <source>Moves between teams</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="124" />
        <source>New child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="125" />
        <source>Open a new child's case for your team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="130" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="131" />
        <source>Settings: text size, sync and signing out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="161" />
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="164" />
        <source>Dismiss this message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="182" />
        <source>Search names and records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="184" />
        <source>Search the caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="252" />
        <source>%1, %2, %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="280" />
        <source>Born %1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="309" />
        <source>Seen alone last visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="310" />
        <source>Not seen alone last visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="329" />
        <source>⟳ Not yet sent to the service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="345" />
        <source>No child or record matches “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="346" />
        <source>No children on this tablet yet. They arrive with the first sync.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChildCard</name>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="37" />
        <source>Child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="48" />
        <source>Remove from visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="52" />
        <source>Remove %1 from this visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="52" />
        <location filename="../qml/components/ChildCard.qml" line="146" />
        <source>this child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="60" />
        <source>Was the child seen?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="67" />
        <source>Why was the child not seen?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="76" />
        <source>Was the child seen alone?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="83" />
        <source>Why not alone? (regulation 29)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="91" />
        <source>What prevented it?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="100" />
        <source>Was the child's bedroom seen?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="107" />
        <source>The child's views, wishes and feelings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="108" />
        <source>In the child's own words, with quotation marks where you can.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="114" />
        <source>Observations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="115" />
        <source>Presentation, development, home conditions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="121" />
        <source>I have a safety concern about this child (including anything they told me)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="127" />
        <source>Once you save (a draft is enough), this record goes to the top of your manager's queue at the next sync. If the child is in immediate danger, follow your safeguarding procedure now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="146" />
        <source>Remove %1 from this visit?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="147" />
        <source>What is written on their card will be removed from this visit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="148" />
        <source>Keep the child on the visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="149" />
        <source>Remove the child and their card</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChildFormPage</name>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="58" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="60" />
        <source>Back; your changes are kept as a draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="67" />
        <source>Plan and profile</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/ChildFormPage.qml" line="116" />
        <source>%n thing(s) to put right before saving:</source>
        <translation>
            <numerusform>%n thing to put right before saving:</numerusform><numerusform>%n things to put right before saving:</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="121" />
        <source>Your unsaved changes from before are restored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="136" />
        <source>Plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="140" />
        <source>How often the child is to be visited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="148" />
        <source>Regulation 28 sets the longest time allowed between visits. A frequency on the plan can only make visits more frequent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="149" />
        <source>Without a frequency on the plan, the council's policy for the child's legal status applies.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="158" />
        <source>The plan sets how often</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="168" />
        <source>Every</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="180" />
        <source>Visit every how many days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="209" />
        <source>Counted in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="227" />
        <source>Why this often</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="228" />
        <source>What the frequency rests on, and who agreed it and when: a conference, a review, a change in risk.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="235" />
        <source>Contingency plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="236" />
        <source>What will happen if the plan is not working or things get worse, and who will act.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="241" />
        <source>Actions on the plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="258" />
        <location filename="../qml/pages/ChildFormPage.qml" line="269" />
        <source>Legal status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="260" />
        <source>Change it when a decision changes it: a child protection conference, a court order, the child coming into care or leaving it. The visits due follow the new status.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="277" />
        <source>Category of the child protection plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="285" />
        <source>Placement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="294" />
        <source>Placement started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="300" />
        <source>Kind of placement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="307" />
        <source>First review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="313" />
        <source>About the child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="321" />
        <source>First name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="328" />
        <source>Last name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="335" />
        <source>Date of birth</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="341" />
        <source>Gender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="347" />
        <source>Ethnicity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="353" />
        <source>Preferred name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="359" />
        <source>First language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="365" />
        <source>Interpreter needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="371" />
        <source>Religion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="378" />
        <source>Disability or special educational needs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="383" />
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="93" />
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="93" />
        <source>Not saved yet; a draft is kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="93" />
        <source>No changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="102" />
        <source>Save changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildFormPage.qml" line="106" />
        <source>Save the plan and profile</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChildPage</name>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="61" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="63" />
        <source>Back to the caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="95" />
        <source>Record a visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="98" />
        <source>Record a visit to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="102" />
        <source>Record direct work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="105" />
        <source>Record a direct work session with %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="112" />
        <source>Record supervision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="114" />
        <source>Record case supervision about %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="121" />
        <source>Exporting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="121" />
        <source>Chronology PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="124" />
        <source>Export %1's chronology as a PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="131" />
        <source>Reallocate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="133" />
        <source>Reallocate %1 to another worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="146" />
        <source>Export personal data?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="150" />
        <source>The PDF holds %1's whole chronology: visits, the child's words, decisions and supervision. It is an ordinary file: it is not encrypted and the app's PIN does not protect it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="155" />
        <source>It will be saved in %1. Share it only through your council's secure channels and delete it when you no longer need it. The export is recorded in the audit trail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="162" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="164" />
        <source>Cancel the export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="168" />
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="171" />
        <source>Export the PDF file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="183" />
        <source>Export saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="183" />
        <source>Export failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="186" />
        <source>Saved as %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="211" />
        <source>Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="238" />
        <source>Plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="240" />
        <source>Visits: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="247" />
        <source>Why this often: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="248" />
        <source>No reason recorded for this visiting frequency.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="254" />
        <source>Contingency: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="254" />
        <source>No contingency plan recorded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="263" />
        <source>%1 — %2, by %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="264" />
        <source> (done)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="264" />
        <source> (cancelled)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="281" />
        <source>Update plan and profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="286" />
        <source>Update %1's plan and profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="298" />
        <source>Chronology</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="326" />
        <source>%1, %2, %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="340" />
        <source> (amendment)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="352" />
        <source> · not yet sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="360" />
        <source>Safety concern raised</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="377" />
        <source>Returned: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="387" />
        <source>Nothing recorded yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChildPicker</name>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="38" />
        <source>Add a child to this visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="38" />
        <source>Add a child to this session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="45" />
        <source>For example a brother or sister who took part in the session.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="46" />
        <source>For example a brother or sister in the household. Each child gets their own card.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="58" />
        <location filename="../qml/components/ChildPicker.qml" line="60" />
        <source>Search your caseload by name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="83" />
        <source>%1, already on this session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="84" />
        <source>%1, already on this visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="85" />
        <source>Add %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="101" />
        <source>%1 · already on this session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="102" />
        <source>%1 · already on this visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="113" />
        <source>No child on your caseload has that name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="121" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildPicker.qml" line="125" />
        <source>Close without adding a child</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConfirmRemove</name>
    <message>
        <location filename="../qml/components/ConfirmRemove.qml" line="19" />
        <source>Keep it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConfirmRemove.qml" line="20" />
        <source>Remove it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConfirmRemove.qml" line="48" />
        <source>Keep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConfirmRemove.qml" line="56" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConflictEditor</name>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="38" />
        <source>That value does not fit this field. Choose again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="44" />
        <source>Write the text to keep. It starts with both versions; remove what should not stay.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="45" />
        <source>Choose what to keep of each item. Items only on one side can be kept or left out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="46" />
        <source>Choose the value to keep.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="64" />
        <source>Combined text for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="79" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="79" />
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="89" />
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="99" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="144" />
        <source>Leave out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="172" />
        <source>Save combined text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="172" />
        <source>Save this list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="172" />
        <source>Save this value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="180" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ConflictEditor.qml" line="184" />
        <source>Stop editing; nothing is changed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="35" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="37" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="41" />
        <source>Conflicts to resolve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="85" />
        <source>%1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="98" />
        <source>Before either change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="99" />
        <source>On this tablet (mine)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="100" />
        <source>On the service (theirs)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="169" />
        <source>Combine…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="169" />
        <source>Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="171" />
        <source>Write a text that combines both</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="171" />
        <source>Choose another value for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="155" />
        <source>Keep mine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="157" />
        <source>Keep the value on this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="161" />
        <source>Keep theirs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="163" />
        <source>Keep the value on the service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="180" />
        <source>No conflicts. Nothing needs your decision.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="23" />
        <source>Worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="23" />
        <source>Child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="65" />
        <source>%1 d</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="75" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="77" />
        <source>Back to the caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="81" />
        <source>Team dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="96" />
        <source>Last 3 months</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="97" />
        <source>Last 12 months</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="98" />
        <source>Everything on this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="100" />
        <source>Period: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="105" />
        <source>Show charts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="105" />
        <source>Show tables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="109" />
        <source>Show the figures as charts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="109" />
        <source>Show the figures as tables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="114" />
        <source>Exporting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="114" />
        <source>Export visits CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="117" />
        <source>Export the team's visits as a CSV file</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/DashboardPage.qml" line="155" />
        <source>due means within %n day(s)</source>
        <translation>
            <numerusform>due means within %n day</numerusform><numerusform>due means within %n days</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="179" />
        <source>Visits due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="179" />
        <location filename="../qml/pages/DashboardPage.qml" line="180" />
        <source>children</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="180" />
        <location filename="../qml/pages/DashboardPage.qml" line="294" />
        <source>Overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="181" />
        <location filename="../qml/pages/DashboardPage.qml" line="304" />
        <location filename="../qml/pages/DashboardPage.qml" line="317" />
        <location filename="../qml/pages/DashboardPage.qml" line="326" />
        <location filename="../qml/pages/DashboardPage.qml" line="327" />
        <source>Seen alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="182" />
        <location filename="../qml/pages/DashboardPage.qml" line="381" />
        <location filename="../qml/pages/DashboardPage.qml" line="391" />
        <source>Views recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="183" />
        <location filename="../qml/pages/DashboardPage.qml" line="456" />
        <source>Visit to submission</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="183" />
        <location filename="../qml/pages/DashboardPage.qml" line="185" />
        <source>median, working days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="184" />
        <location filename="../qml/pages/DashboardPage.qml" line="403" />
        <location filename="../qml/pages/DashboardPage.qml" line="416" />
        <location filename="../qml/pages/DashboardPage.qml" line="425" />
        <location filename="../qml/pages/DashboardPage.qml" line="457" />
        <source>Recorded in time</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/DashboardPage.qml" line="184" />
        <source>within %n working day(s)</source>
        <translation>
            <numerusform>within %n working day</numerusform><numerusform>within %n working days</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="185" />
        <location filename="../qml/pages/DashboardPage.qml" line="458" />
        <source>Submission to decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="196" />
        <source>Team — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="235" />
        <source>Compare:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="242" />
        <source>Workers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="247" />
        <source>Compare workers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="252" />
        <location filename="../qml/pages/DashboardPage.qml" line="292" />
        <source>Children</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="257" />
        <source>Compare children</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="274" />
        <location filename="../qml/pages/DashboardPage.qml" line="291" />
        <source>Visits due and overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="275" />
        <source>Children whose next statutory visit is due soon (blue) or overdue (red).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="282" />
        <source>due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="283" />
        <source>overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="293" />
        <source>Due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="305" />
        <source>Of the children seen on submitted visits, how many were seen alone (green) or not (amber).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="318" />
        <source>Not seen alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="328" />
        <source>Not alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="329" />
        <location filename="../qml/pages/DashboardPage.qml" line="392" />
        <source>Seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="330" />
        <location filename="../qml/pages/DashboardPage.qml" line="358" />
        <location filename="../qml/pages/DashboardPage.qml" line="393" />
        <location filename="../qml/pages/DashboardPage.qml" line="428" />
        <source>Share</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="340" />
        <location filename="../qml/pages/DashboardPage.qml" line="356" />
        <source>Why not seen alone</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/DashboardPage.qml" line="341" />
        <source>The team's reasons (regulation 29) when a child was seen but not alone: %n time(s).</source>
        <translation>
            <numerusform>The team's reasons (regulation 29) when a child was seen but not alone: %n time.</numerusform><numerusform>The team's reasons (regulation 29) when a child was seen but not alone: %n times.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="348" />
        <source>not alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="357" />
        <source>Times</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The team's reasons (regulation 29) when a child was seen but not alone: %n card(s).</source>
        <translation>
            <numerusform>The team's reasons (regulation 29) when a child was seen but not alone: %n card.</numerusform><numerusform>The team's reasons (regulation 29) when a child was seen but not alone: %n cards.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="355" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="368" />
        <location filename="../qml/pages/DashboardPage.qml" line="390" />
        <source>Child's views recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="369" />
        <source>Of the children seen, how many had their views written down (green) or not (amber).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="382" />
        <source>No views recorded</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/DashboardPage.qml" line="404" />
        <source>Of the visits submitted, how many within %n working day(s) of the visit (green) or later (amber).</source>
        <translation>
            <numerusform>Of the visits submitted, how many within %n working day of the visit (green) or later (amber).</numerusform><numerusform>Of the visits submitted, how many within %n working days of the visit (green) or later (amber).</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="417" />
        <source>Recorded late</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="426" />
        <source>In time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="427" />
        <source>Submitted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="438" />
        <location filename="../qml/pages/DashboardPage.qml" line="455" />
        <source>Time to submit and to decide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="439" />
        <source>Median working days from the visit to its submission (blue) and from submission to the manager's decision (purple).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="446" />
        <source>working days to submit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="447" />
        <source>working days to decide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="494" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="496" />
        <source>Close the list of children</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/DashboardPage.qml" line="501" />
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n child</numerusform><numerusform>%n children</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="522" />
        <source>%1, %2, allocated to %3; open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="544" />
        <source>No children behind this figure.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="559" />
        <source>Export personal data?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="563" />
        <source>The CSV lists every child of your team with their name, legal status, worker and visit dates. It is an ordinary file: it is not encrypted and the app's PIN does not protect it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="568" />
        <source>It will be saved in %1. Share it only through your council's secure channels and delete it when you no longer need it. The export is recorded in the audit trail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="575" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="578" />
        <source>Cancel the export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="582" />
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="585" />
        <source>Export the CSV file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="598" />
        <source>Export saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="598" />
        <source>Export failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DashboardPage.qml" line="602" />
        <source>Saved as %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../qml/components/DateField.qml" line="71" />
        <source>DD/MM/YYYY</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DateField.qml" line="73" />
        <source>%1, date (day/month/year)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DateField.qml" line="73" />
        <source>%1 (day/month/year)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DateField.qml" line="87" />
        <source>Choose %1 from a calendar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DateField.qml" line="111" />
        <source>HH:MM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DateField.qml" line="113" />
        <source>%1, time (24-hour clock)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DateField.qml" line="127" />
        <source>Choose the time of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DateField.qml" line="152" />
        <source>Write the date as day/month/year (23/11/2026) and the time as hours:minutes (14:30).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DateField.qml" line="153" />
        <source>Write the date as day/month/year, for example 23/11/2026.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DatePopup</name>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="67" />
        <source>Previous month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="87" />
        <source>Next month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="118" />
        <source>Calendar, %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="119" />
        <source>Arrow keys move between days, Page Up and Page Down between months, Enter picks the day.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="152" />
        <source>, today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="152" />
        <source>, chosen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="153" />
        <source>, cannot be chosen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="177" />
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="180" />
        <source>Pick today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="184" />
        <source>Clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="188" />
        <source>Clear the date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="192" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/DatePopup.qml" line="196" />
        <source>Close the calendar without changing the date</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DirectWorkPage</name>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="41" />
        <source>Amend direct work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="41" />
        <source>Direct work</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/DirectWorkPage.qml" line="54" />
        <source>%n thing(s) to complete before submitting:</source>
        <translation>
            <numerusform>%n thing to complete before submitting:</numerusform><numerusform>%n things to complete before submitting:</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="59" />
        <source>Returned by your manager: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="77" />
        <source>Children in the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="97" />
        <source>Child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="127" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="131" />
        <source>Remove %1 from this session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="138" />
        <source>Remove %1 from this session?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="139" />
        <source>The session will no longer be on their chronology. What is written stays with the other children.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="140" />
        <source>Keep the child on the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="141" />
        <source>Remove the child from the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="149" />
        <source>Add another child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="152" />
        <source>Add another child who took part, for example a brother or sister</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="167" />
        <source>Date of the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="174" />
        <source>Activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="183" />
        <source>What activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="186" />
        <source>Aims of the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="187" />
        <source>Tools used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="190" />
        <source>The child's words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="191" />
        <source>What the child said, as they said it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="194" />
        <source>Your reflection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="195" />
        <source>Next steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="47" />
        <source>Submit the session for approval</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <location filename="../qml/components/ErrorSummary.qml" line="40" />
        <source>Go to the field</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FigureTable</name>
    <message>
        <location filename="../qml/components/FigureTable.qml" line="16" />
        <source>Worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/FigureTable.qml" line="141" />
        <source>Nothing to show yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../qml/pages/FirstRunPage.qml" line="25" />
        <source>Doorstep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/FirstRunPage.qml" line="31" />
        <source>Sign in to connect this tablet to your council's Doorstep service. You need to be online this once; afterwards you unlock with a PIN, with or without signal.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/FirstRunPage.qml" line="45" />
        <location filename="../qml/pages/FirstRunPage.qml" line="54" />
        <source>Service address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/FirstRunPage.qml" line="52" />
        <source>https://doorstep.example.gov.uk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/FirstRunPage.qml" line="56" />
        <location filename="../qml/pages/FirstRunPage.qml" line="64" />
        <source>Username</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/FirstRunPage.qml" line="66" />
        <location filename="../qml/pages/FirstRunPage.qml" line="74" />
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/FirstRunPage.qml" line="79" />
        <source>Signing in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/FirstRunPage.qml" line="79" />
        <location filename="../qml/pages/FirstRunPage.qml" line="84" />
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FormFooter</name>
    <message>
        <location filename="../qml/components/FormFooter.qml" line="15" />
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/FormFooter.qml" line="15" />
        <source>Drafts are kept automatically</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/FormFooter.qml" line="16" />
        <source>Submit for approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/FormFooter.qml" line="43" />
        <source>Save draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/FormFooter.qml" line="47" />
        <source>Save as a draft</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FormHeader</name>
    <message>
        <location filename="../qml/components/FormHeader.qml" line="28" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/FormHeader.qml" line="30" />
        <source>Back; your draft is kept</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LabeledArea</name>
    <message>
        <location filename="../qml/components/LabeledArea.qml" line="43" />
        <source>Type here</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LabeledField</name>
    <message>
        <location filename="../qml/components/LabeledField.qml" line="50" />
        <source>YYYY-MM-DD HH:MM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/LabeledField.qml" line="50" />
        <source>YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/LabeledField.qml" line="57" />
        <source>Write the date as YYYY-MM-DD.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/LabeledField.qml" line="57" />
        <source>Write the date and time as YYYY-MM-DD HH:MM.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="13" />
        <source>Doorstep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="76" />
        <source>Opening your records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="89" />
        <source>Your records are locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="96" />
        <source>Doorstep cannot get the key to this tablet's records from the keychain, so nothing can be opened. Your records are still on the tablet. Please contact your IT service desk.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="138" />
        <source>Doorstep is locked</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NewCasePage</name>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="53" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="55" />
        <source>Back; what you wrote is kept as a draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="62" />
        <source>New child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="65" />
        <source>Open a case for your team</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/NewCasePage.qml" line="131" />
        <source>%n thing(s) to put right before the case can be opened:</source>
        <translation>
            <numerusform>%n thing to put right before the case can be opened:</numerusform><numerusform>%n things to put right before the case can be opened:</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="138" />
        <source>The details you wrote before are restored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="144" />
        <source>Who the child is</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="152" />
        <source>First name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="159" />
        <source>Last name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="165" />
        <source>Preferred name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="172" />
        <source>Date of birth</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="178" />
        <source>Gender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="184" />
        <source>Ethnicity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="190" />
        <source>First language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="196" />
        <source>Interpreter needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="202" />
        <source>Religion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="208" />
        <source>Disability or special educational needs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="215" />
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="219" />
        <location filename="../qml/pages/NewCasePage.qml" line="223" />
        <source>Legal status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="231" />
        <source>Category of the child protection plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="243" />
        <source>Placement started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="249" />
        <source>Kind of placement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="256" />
        <source>First review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="262" />
        <source>The allocated worker sets the plan (how often the child is visited, the contingency and the actions) once the case is open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="269" />
        <source>Allocation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="270" />
        <source>Worker *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="279" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="281" />
        <source>Worker who will hold the case: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="281" />
        <source>not chosen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="287" />
        <source>No worker of your team is known on this tablet yet. Sync, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="297" />
        <source>Reason *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="299" />
        <source>Why the case is opened and why with this worker: kept with your decision, in the child's chronology and the audit trail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="314" />
        <source>Type here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="315" />
        <source>Reason for opening the case with this worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="88" />
        <source>Needs a connection to the service; until then the details are kept as a draft.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="97" />
        <source>Opening…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="97" />
        <source>Open the case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/NewCasePage.qml" line="101" />
        <source>Open the case and allocate it</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="41" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="43" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="47" />
        <source>Outbox</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="51" />
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="51" />
        <location filename="../qml/pages/OutboxPage.qml" line="57" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="74" />
        <source>Sync progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="105" />
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="122" />
        <source>Manager's reason: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="123" />
        <source>Reason: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="150" />
        <source>Send again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="152" />
        <source>Send %1 again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="158" />
        <source>Reopen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="158" />
        <source>Open to fix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="160" />
        <source>Reopen %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="160" />
        <source>Open %1 to fix it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="170" />
        <source>Nothing waiting. Everything on this tablet is on the service.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="26" />
        <source>Choose a PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="26" />
        <source>Enter your PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="34" />
        <source>You will use this PIN to unlock Doorstep on this tablet. Use at least 4 digits, not your date of birth.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="35" />
        <source>Signed in as %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="35" />
        <source>Doorstep is locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="49" />
        <location filename="../qml/pages/PinPage.qml" line="50" />
        <source>PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="50" />
        <source>New PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="62" />
        <source>PIN again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="63" />
        <source>Repeat the new PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="79" />
        <source>Checking…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="79" />
        <location filename="../qml/pages/PinPage.qml" line="84" />
        <source>Save PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/PinPage.qml" line="79" />
        <location filename="../qml/pages/PinPage.qml" line="84" />
        <source>Unlock</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PrioritisedActions</name>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="47" />
        <source>Priority *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="54" />
        <source>1 · Urgent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="55" />
        <source>2 · High</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="56" />
        <source>3 · Routine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="66" />
        <source>Action %1 priority: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="80" />
        <source>What will be done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="88" />
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="96" />
        <source>By when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="103" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="107" />
        <source>Remove action %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="118" />
        <source>Remove action %1?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="119" />
        <source>What is written about this action will be removed from the supervision record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="120" />
        <source>Keep the action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="121" />
        <source>Remove the action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="128" />
        <source>Add an action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PrioritisedActions.qml" line="130" />
        <source>Add a prioritised action</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PromptNote</name>
    <message>
        <location filename="../qml/components/PromptNote.qml" line="21" />
        <source>Important: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PromptNote.qml" line="21" />
        <source>Tip: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/PromptNote.qml" line="26" />
        <source>Prompt: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReallocatePage</name>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="47" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="49" />
        <source>Back without reallocating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="57" />
        <location filename="../qml/pages/ReallocatePage.qml" line="254" />
        <source>Reallocate %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="60" />
        <source>Allocated to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="125" />
        <source>The new worker receives the child and every record about them at their next sync; the child leaves the current worker's tablet. Work the current worker recorded before now still reaches the child's file for four weeks.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="182" />
        <source>New worker *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="163" />
        <location filename="../qml/pages/ReallocatePage.qml" line="192" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="194" />
        <source>New worker: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="165" />
        <location filename="../qml/pages/ReallocatePage.qml" line="194" />
        <source>not chosen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="56" />
        <source>Move %1 to another team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="104" />
        <source>Move to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="110" />
        <source>Another worker in my team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="116" />
        <source>Another team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="118" />
        <source>Another team: its manager accepts or declines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="131" />
        <source>The other team's manager reads who the child is and your reason, then accepts and allocates one of their workers, or declines with a reason. Until then %1 stays with %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="154" />
        <source>Team *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="165" />
        <source>Team: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="171" />
        <source>No other team is known on this tablet yet. Connect to the service, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="200" />
        <source>No other worker of your team is known on this tablet yet. Sync, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="211" />
        <source>Reason *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="213" />
        <source>Why the child should move to that team: its manager reads it, and it is kept in the audit trail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="214" />
        <source>Why the child moves, and why to this worker: kept with your decision in the audit trail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="229" />
        <source>Type here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="230" />
        <source>Reason for the reallocation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="230" />
        <source>Reason for the move to another team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="247" />
        <source>Asking…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="247" />
        <source>Ask the team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="248" />
        <source>Reallocating…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="248" />
        <source>Reallocate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReallocatePage.qml" line="253" />
        <source>Ask the other team to take %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReasonPicker</name>
    <message>
        <location filename="../qml/components/ReasonPicker.qml" line="33" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="72" />
        <source>‹ Queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="74" />
        <source>Back to the approval queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="78" />
        <source>Opening…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="78" />
        <source>Record not found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="42" />
        <source>⚠ Safety concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="53" />
        <source>%1 · %2 · by %3 · %4 · version %5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="150" />
        <source>Go to your decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="152" />
        <source>Go to your decision, after the record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="243" />
        <source>Your decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="284" />
        <source>Deciding again replaces it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="294" />
        <source>Show the current version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="295" />
        <source>Show the current version of the record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="300" />
        <source>Cancel queued decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="300" />
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="301" />
        <source>Cancel the queued decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="302" />
        <source>Dismiss this message without deciding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="310" />
        <source>Reason for your decision (required)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="321" />
        <source>What you checked and why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="323" />
        <source>Reason for your decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="350" />
        <source>Approve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="357" />
        <source>Approve this record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="357" />
        <source>Approve (not available: %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="362" />
        <source>Return to the worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="368" />
        <source>Return this record to the worker with your reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewPage.qml" line="369" />
        <source>Return (not available: %1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="47" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="49" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="53" />
        <source>Approval queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="57" />
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="57" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="62" />
        <source>Sync now: send queued decisions and fetch new records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="70" />
        <source>Waiting for you: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="75" />
        <source>Safety concerns in drafts: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="80" />
        <source>Decisions queued to send: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="85" />
        <source>Not accepted, look again: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="91" />
        <source>Safety concerns first, then the longest waiting. Decisions made offline are sent at the next sync; the service checks that the record has not changed since you read it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="131" />
        <source>Safety concern. </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="131" />
        <source>Draft, not yet submitted. </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="132" />
        <source>%1 for %2 by %3, %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="156" />
        <source>⚠ Safety concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="162" />
        <source>Draft: not submitted yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="187" />
        <source>By %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="232" />
        <source>Open to read and decide ›</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="232" />
        <source>Open to read ›</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ReviewQueuePage.qml" line="249" />
        <source>Nothing is waiting for your decision. Submitted records of your team arrive with each sync.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="36" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="38" />
        <source>Back to the caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="42" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="61" />
        <source>Signed in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="64" />
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="64" />
        <source>manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="64" />
        <source>worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="65" />
        <source>Not signed in to a service (demonstration)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="72" />
        <source>Service: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="78" />
        <source>Text size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="87" />
        <source>%1%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="92" />
        <source>Text size %1 percent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="98" />
        <source>Sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="105" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="112" />
        <location filename="../qml/pages/SettingsPage.qml" line="230" />
        <source>Sign out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="114" />
        <source>Signing out removes your records and their key from this tablet. The next person signs in with their own account; your records stay on the service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="142" />
        <source>Sync first if you can. If the work cannot reach the service, make a rescue copy: an encrypted file of everything on this tablet that your IT service desk can recover it from, with the passphrase you choose here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="147" />
        <source>Passphrase (at least 12 characters: a few words you will remember)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="159" />
        <source>Rescue copy passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="165" />
        <source>The same passphrase again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="169" />
        <source>Rescue copy passphrase, again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="173" />
        <source>Writing the copy…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="173" />
        <source>Make a rescue copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="176" />
        <source>Make an encrypted rescue copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="181" />
        <source>Rescue copy saved as %1. Give the file and the passphrase to your IT service desk separately.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="198" />
        <source>Sign out of this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="202" />
        <source>Sync or make a rescue copy first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="215" />
        <source>Sign out?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="218" />
        <source>Your records and their key will be removed from this tablet. Work not yet sent is only in the rescue copy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="219" />
        <source>Your records and their key will be removed from this tablet. Everything has reached the service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="224" />
        <source>Stay signed in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SettingsPage.qml" line="233" />
        <source>Sign out and remove the records from this tablet</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShareBar</name>
    <message>
        <location filename="../qml/components/ShareBar.qml" line="50" />
        <location filename="../qml/components/ShareBar.qml" line="70" />
        <source>%1: %2 of %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShareChart</name>
    <message>
        <location filename="../qml/components/ShareChart.qml" line="61" />
        <source>Nothing to show yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SupervisionFormPage</name>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="46" />
        <source>Not allocated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="49" />
        <source>Worker %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="56" />
        <source>Amend case supervision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="56" />
        <source>Case supervision</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/SupervisionFormPage.qml" line="70" />
        <source>%n thing(s) to complete before submitting:</source>
        <translation>
            <numerusform>%n thing to complete before submitting:</numerusform><numerusform>%n things to complete before submitting:</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="75" />
        <source>Returned by a manager: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="100" />
        <source>Child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="115" />
        <source>Date of supervision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="122" />
        <source>Supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="124" />
        <source>You</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="132" />
        <source>Worker supervised</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="149" />
        <source>Worker supervised: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="163" />
        <source>Discussion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="164" />
        <source>What was discussed: the child's progress against the plan, risks, the child's views.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="170" />
        <source>Decisions and why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="171" />
        <source>The management decision and the reasons for it, so the record shows the rationale.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="175" />
        <source>Prioritised actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="177" />
        <source>Each action needs a priority, an owner and a date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="62" />
        <source>Submit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/SupervisionFormPage.qml" line="63" />
        <source>Submit the supervision record</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="67" />
        <source>My caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="67" />
        <source>Team caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="73" />
        <source>Go to my caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="73" />
        <source>Go to the team's caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="89" />
        <source>Sync status: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="103" />
        <source>Sync progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="110" />
        <source>Outbox: %1 waiting, %2 refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="111" />
        <source>Outbox: %1 waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="124" />
        <source>Conflicts: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="131" />
        <source>%1 conflicts to resolve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="139" />
        <source>Lock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="146" />
        <source>Lock the app now</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TimePopup</name>
    <message>
        <location filename="../qml/components/TimePopup.qml" line="60" />
        <source>Hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/TimePopup.qml" line="83" />
        <source>Minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/TimePopup.qml" line="102" />
        <source>Use this time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/TimePopup.qml" line="106" />
        <source>Use %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/TimePopup.qml" line="110" />
        <source>Now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/TimePopup.qml" line="113" />
        <source>Today, now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/TimePopup.qml" line="117" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/TimePopup.qml" line="121" />
        <source>Close without changing the time</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TransferAnswerPage</name>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="41" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="43" />
        <source>Back without answering</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="50" />
        <source>Take %1 into your team?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="118" />
        <source>Held now by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="131" />
        <source>Why: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="139" />
        <source>Accepting moves the child and every record about them to your team and to the worker you choose, at their next sync; the child leaves the other team's tablets. Declining leaves the child where they are, and the other team's manager reads your reason.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="144" />
        <source>Worker, if you accept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="153" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="155" />
        <source>Worker, if you accept: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="155" />
        <source>not chosen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="161" />
        <source>No worker of your team is known on this tablet yet. Sync, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="172" />
        <source>Reason *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="174" />
        <source>Why you accept, and why this worker; or why you decline. Kept with your decision in the audit trail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="189" />
        <source>Type here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="190" />
        <source>Reason for your answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="212" />
        <source>Sending…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="212" />
        <source>Accept and allocate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="216" />
        <source>Accept %1 into your team and allocate the chosen worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="221" />
        <source>Decline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransferAnswerPage.qml" line="224" />
        <source>Decline to take %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="45" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="47" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="51" />
        <source>Moves between teams</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="93" />
        <source>No moves between teams. To ask another team to take a child, open the child and choose Reallocate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="148" />
        <source>%1, %2. %3. %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="171" />
        <source>%1 · held by %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="183" />
        <source>Why: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="197" />
        <source>Their reason: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="208" />
        <source>Answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="211" />
        <source>Answer the request to take %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="217" />
        <source>Withdrawing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="217" />
        <location filename="../qml/pages/TransfersPage.qml" line="249" />
        <source>Withdraw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="220" />
        <source>Withdraw the request to move %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="242" />
        <source>Withdraw the request?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="244" />
        <source>The other team will no longer be asked to take %1. The child stays with their worker.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="251" />
        <source>Withdraw the request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="254" />
        <source>Keep it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/TransfersPage.qml" line="256" />
        <source>Keep the request</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VisitFormPage</name>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="42" />
        <source>Amend a visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="42" />
        <source>Visit</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/VisitFormPage.qml" line="59" />
        <source>%n thing(s) to complete before submitting:</source>
        <translation>
            <numerusform>%n thing to complete before submitting:</numerusform><numerusform>%n things to complete before submitting:</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="73" />
        <source>Returned by your manager: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="81" />
        <source>This visit was approved, so it cannot be changed. What you write here is an amendment: it is linked to the approved record and goes to your manager for approval.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="88" />
        <source>Your unsaved draft was restored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="102" />
        <source>1. Why and when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="106" />
        <source>Why this visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="107" />
        <source>The purpose of the visit and what you needed to find out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="118" />
        <source>Started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="125" />
        <source>Ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="132" />
        <source>Type of visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="140" />
        <source>Where</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="151" />
        <source>Where exactly</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="156" />
        <source>Was the visit announced?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="161" />
        <source>Who was present</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="165" />
        <source>2. The children</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="178" />
        <source>Add another child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="181" />
        <source>Add another child to this visit, for example a brother or sister</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="189" />
        <source>3. Analysis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="192" />
        <source>Risks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="193" />
        <source>What worries you, and why.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="198" />
        <source>Strengths</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="203" />
        <source>Protective factors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="207" />
        <source>4. Diversity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="210" />
        <source>How language, culture, religion and disability were taken into account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="215" />
        <source>Was an interpreter used?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="219" />
        <source>5. Actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="48" />
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="49" />
        <source>Draft kept on this tablet at %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="50" />
        <source>Drafts are kept automatically</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="51" />
        <source>Submit the visit for approval</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../qml/components/YesNo.qml" line="28" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/YesNo.qml" line="35" />
        <source>%1: yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/YesNo.qml" line="39" />
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/YesNo.qml" line="46" />
        <source>%1: no</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::AllocationDecision</name>
    <message>
        <location filename="../qml/allocationdecision.cpp" line="67" />
        <source>The team's workers could not be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/allocationdecision.cpp" line="88" />
        <source>Not connected to the service.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::AppState</name>
    <message numerus="yes">
        <location filename="../qml/appstate.cpp" line="132" />
        <source>This device was removed from the service. %n change(s) could not be sent.</source>
        <translation>
            <numerusform>This device was removed from the service. %n change could not be sent.</numerusform><numerusform>This device was removed from the service. %n changes could not be sent.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="133" />
        <source>This device was removed from the service. Sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="288" />
        <location filename="../qml/appstate.cpp" line="376" />
        <source>Too many wrong PINs. Sign in with your password to unlock.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="302" />
        <source>Enter the service address, your username and your password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="310" />
        <source>That username and password were not accepted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="331" />
        <source>The two PINs are not the same.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="336" />
        <source>Use digits only.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/appstate.cpp" line="373" />
        <source>That PIN is not right. %n tries left.</source>
        <translation>
            <numerusform>That PIN is not right. %n try left.</numerusform><numerusform>That PIN is not right. %n tries left.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="434" />
        <source>%1 has been moved to another worker. Their records have left this tablet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="436" />
        <source>%1 have been moved to other workers. Their records have left this tablet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="438" />
        <source>%1 has joined your team's caseload.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="438" />
        <source>%1 has joined your caseload.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="440" />
        <source>%1 have joined your team's caseload.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="440" />
        <source>%1 have joined your caseload.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="458" />
        <source>%1's case is open and allocated to %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="466" />
        <source>Not connected to a service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="468" />
        <source>Offline: changes are kept on this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="471" />
        <source>Syncing %1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="472" />
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="475" />
        <source>Sync problem: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/appstate.cpp" line="478" />
        <source>%n record(s) from the service kept aside: see the outbox</source>
        <translation>
            <numerusform>%n record from the service kept aside: see the outbox</numerusform><numerusform>%n records from the service kept aside: see the outbox</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting for a newer version of Doorstep</source>
        <translation>
            <numerusform>%n record waiting for a newer version of Doorstep</numerusform><numerusform>%n records waiting for a newer version of Doorstep</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="480" />
        <source>Synced %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="481" />
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="483" />
        <source>Not synced yet</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/appstate.cpp" line="539" />
        <source>%n change(s) the service has not accepted yet</source>
        <translation>
            <numerusform>%n change the service has not accepted yet</numerusform><numerusform>%n changes the service has not accepted yet</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/appstate.cpp" line="541" />
        <source>%n conflict(s) not resolved</source>
        <translation>
            <numerusform>%n conflict not resolved</numerusform><numerusform>%n conflicts not resolved</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/appstate.cpp" line="543" />
        <source>%n draft(s) not saved</source>
        <translation>
            <numerusform>%n draft not saved</numerusform><numerusform>%n drafts not saved</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/appstate.cpp" line="545" />
        <source>%n review decision(s) not sent</source>
        <translation>
            <numerusform>%n review decision not sent</numerusform><numerusform>%n review decisions not sent</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="546" />
        <source>Everything on this tablet has reached the service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="616" />
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="618" />
        <source>Use a passphrase of at least %1 characters: a few words you will remember.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="621" />
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="630" />
        <source>The rescue copy could not be written: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="650" />
        <source>A sync is running. Sign out when it has finished.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="664" />
        <source>Not signed out: %1. Sync first, or make a rescue copy so nothing is lost.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::CaseloadModel</name>
    <message numerus="yes">
        <location filename="../qml/caseloadmodel.cpp" line="67" />
        <source>Visit overdue by %n day(s)</source>
        <translation>
            <numerusform>Visit overdue by %n day</numerusform><numerusform>Visit overdue by %n days</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="69" />
        <source>Visit due now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="71" />
        <source>Next visit by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="72" />
        <source>No visiting frequency set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="80" />
        <source>Last seen %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="81" />
        <source>Not seen yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="97" />
        <source>Supervision action (priority %1): %2, by %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="98" />
        <source>not set</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::ChildViewModel</name>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="134" />
        <source>%1, %2</source>
        <comment>a worker and their team</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="138" />
        <source>Case moved to another worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="138" />
        <source>Case allocated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="140" />
        <source>Case moved to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="140" />
        <source>Case allocated to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="144" />
        <source>From %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="145" />
        <source>Decided by an administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="145" />
        <source>Decided by %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="147" />
        <source>No reason recorded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="147" />
        <source>Why: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/childviewmodel.cpp" line="186" />
        <source>Visit overdue by %n day(s)</source>
        <translation>
            <numerusform>Visit overdue by %n day</numerusform><numerusform>Visit overdue by %n days</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="188" />
        <source>Visit due now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="190" />
        <source>Next visit by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="192" />
        <source>No visiting frequency set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="222" />
        <source>Date of birth</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="222" />
        <source>%1 (age %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="226" />
        <location filename="../qml/childviewmodel.cpp" line="240" />
        <source>Not recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="228" />
        <source>Gender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="229" />
        <source>Ethnicity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="230" />
        <source>First language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="232" />
        <source>Interpreter needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="233" />
        <source>Religion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="234" />
        <source>Disability or SEND</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="235" />
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="240" />
        <source>Placement since</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="241" />
        <source>Placement</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/childviewmodel.cpp" line="249" />
        <source>every %n working day(s)</source>
        <translation>
            <numerusform>every %n working day</numerusform><numerusform>every %n working days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/childviewmodel.cpp" line="249" />
        <source>every %n day(s)</source>
        <translation>
            <numerusform>every %n day</numerusform><numerusform>every %n days</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="256" />
        <source>%1, as the plan says</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="259" />
        <source>%1 (council policy for child protection; the plan sets none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="261" />
        <source>%1 (council policy for child in need; the plan sets none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="263" />
        <source>within a week of the placement starting (regulation 28)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="265" />
        <source>at least every 6 weeks in the placement's first year (regulation 28)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="267" />
        <source>at least every 3 months in a long-term placement (regulation 28)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="269" />
        <source>at least every 6 weeks (regulation 28)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="271" />
        <source>at least weekly until the first review (regulation 28)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="275" />
        <source>no statutory visiting frequency; the plan sets none</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Every %n working day(s)</source>
        <translation>
            <numerusform>Every %n working day</numerusform><numerusform>Every %n working days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Every %n day</numerusform><numerusform>Every %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>doorstep::ConflictModel</name>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="118" />
        <source>A child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="120" />
        <source>seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="120" />
        <source>not seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="122" />
        <source>seen alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="122" />
        <source>not seen alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="125" />
        <source>views: “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="129" />
        <source>(no description)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="131" />
        <source>by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="133" />
        <source>due %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="136" />
        <source>done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="138" />
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="147" />
        <location filename="../qml/conflictmodel.cpp" line="229" />
        <location filename="../qml/conflictmodel.cpp" line="283" />
        <source>(empty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="152" />
        <location filename="../qml/conflictmodel.cpp" line="250" />
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="203" />
        <source>The same on both</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="204" />
        <location filename="../qml/conflictmodel.cpp" line="211" />
        <location filename="../qml/conflictmodel.cpp" line="214" />
        <source>Keep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="206" />
        <source>Changed on both</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="207" />
        <source>This tablet's version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="208" />
        <source>The service's version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="210" />
        <source>Only on this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="213" />
        <source>Only on the service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="233" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="233" />
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/conflictmodel.cpp" line="257" />
        <source>every %n working day(s)</source>
        <translation>
            <numerusform>every %n working day</numerusform><numerusform>every %n working days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/conflictmodel.cpp" line="257" />
        <source>every %n day(s)</source>
        <translation>
            <numerusform>every %n day</numerusform><numerusform>every %n days</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="264" />
        <source>, by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="267" />
        <source> (done)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="269" />
        <source> (cancelled)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::DashboardFiguresModel</name>
    <message>
        <location filename="../qml/dashboardfiguresmodel.cpp" line="57" />
        <location filename="../qml/dashboardfiguresmodel.cpp" line="64" />
        <source>No visits in this period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/dashboardfiguresmodel.cpp" line="58" />
        <source>%1 of %2 (%3%)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/dashboardfiguresmodel.cpp" line="66" />
        <source>median %1, mean %2 working days (%n visit(s))</source>
        <translation>
            <numerusform>median %1, mean %2 working days (%n visit)</numerusform><numerusform>median %1, mean %2 working days (%n visits)</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/dashboardfiguresmodel.cpp" line="131" />
        <source>%1: %2 due, %3 overdue; seen alone %4; views recorded %5; visit to submission %6; submission to decision %7</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::DashboardReasonsModel</name>
    <message>
        <location filename="../qml/dashboardreasonsmodel.cpp" line="85" />
        <source>No reason recorded</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::DashboardViewModel</name>
    <message>
        <location filename="../qml/dashboardviewmodel.cpp" line="104" />
        <source>All visits on this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/dashboardviewmodel.cpp" line="106" />
        <source>Visits from %1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/dashboardviewmodel.cpp" line="162" />
        <source>Not allocated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/dashboardviewmodel.cpp" line="169" />
        <source>Worker %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/dashboardviewmodel.cpp" line="204" />
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/dashboardviewmodel.cpp" line="234" />
        <source>Child not on this tablet</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::Labels</name>
    <message>
        <location filename="../qml/labels.cpp" line="47" />
        <source>Early help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="49" />
        <source>Child in need</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="51" />
        <source>Child protection plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="53" />
        <source>Looked after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="55" />
        <source>Care leaver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="62" />
        <source>Draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="64" />
        <location filename="../qml/labels.cpp" line="117" />
        <source>Submitted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="66" />
        <source>Approved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="68" />
        <source>Returned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="75" />
        <source>Visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="77" />
        <source>Direct work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="79" />
        <source>Management review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="81" />
        <source>Supervision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="83" />
        <source>Child's details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="85" />
        <source>Change of worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="114" />
        <location filename="../qml/labels.cpp" line="195" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="115" />
        <source>Written by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="116" />
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="118" />
        <source>Amends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="119" />
        <source>Manager's reason for returning it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="120" />
        <source>Reviewed by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="121" />
        <source>Reviewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="123" />
        <source>First name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="124" />
        <source>Last name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="125" />
        <source>Preferred name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="126" />
        <source>Date of birth</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="127" />
        <source>Gender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="128" />
        <source>Ethnicity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="129" />
        <source>First language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="130" />
        <source>Interpreter needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="131" />
        <source>Religion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="132" />
        <source>Disability</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="133" />
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="134" />
        <source>Legal status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="135" />
        <source>Child protection category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="136" />
        <source>Allocated worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="137" />
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="141" />
        <source>Why this visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="142" />
        <source>Started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="143" />
        <source>Ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="144" />
        <source>Type of visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="145" />
        <source>Announced visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="146" />
        <source>Where</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="147" />
        <source>Where (details)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="148" />
        <source>Who was present</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="149" />
        <source>Children on the visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="150" />
        <source>Risks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="151" />
        <source>Strengths</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="152" />
        <source>Protective factors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="153" />
        <source>Diversity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="154" />
        <source>Interpreter used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="155" />
        <source>Actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="157" />
        <source>Child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="158" />
        <source>Child seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="159" />
        <source>Why the child was not seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="160" />
        <source>Child seen alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="161" />
        <source>Why not seen alone (regulation 29)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="162" />
        <source>What prevented seeing the child alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="163" />
        <source>Bedroom seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="164" />
        <source>Safety concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="165" />
        <source>The child's views, wishes and feelings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="166" />
        <source>Observations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="168" />
        <source>Children in the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="169" />
        <source>Date of the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="170" />
        <source>Activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="171" />
        <source>What activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="172" />
        <source>Aims</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="174" />
        <source>The child's words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="175" />
        <source>Reflection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="176" />
        <source>Next steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="191" />
        <source>Why this often</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="198" />
        <source>Placement started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="199" />
        <source>Kind of placement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="200" />
        <source>First review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="250" />
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="250" />
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="251" />
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="256" />
        <source>working days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="256" />
        <source>days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="173" />
        <source>Tools used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="189" />
        <source>Contingency plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="138" />
        <source>Plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="19" />
        <source>Neglect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="21" />
        <source>Physical abuse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="23" />
        <source>Sexual abuse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="25" />
        <source>Emotional abuse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="27" />
        <source>Multiple categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="34" />
        <source>Foster or residential placement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="36" />
        <source>Long-term placement until 18</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="38" />
        <source>Placed with parents, before assessment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="40" />
        <source>Temporary placement with a connected person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="41" />
        <source>Not recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="178" />
        <source>Record reviewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="179" />
        <source>Decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="180" />
        <source>Manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="181" />
        <source>Decided</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="182" />
        <source>Version reviewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="184" />
        <source>Worker supervised</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="185" />
        <source>Date of supervision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="186" />
        <source>Discussion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="187" />
        <source>Decisions and why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="190" />
        <source>How often to visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="192" />
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="193" />
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="194" />
        <source>By when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="196" />
        <source>Priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="211" />
        <source>Not answered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="212" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="212" />
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="218" />
        <source>The child refused (of sufficient age and understanding)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="219" />
        <source>Not appropriate given the child's age and understanding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="220" />
        <source>Unable: parent or carer refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="221" />
        <source>Unable: child not at home</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="222" />
        <source>Unable: other reason (say what)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="227" />
        <source>Statutory child protection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="228" />
        <source>Statutory child in need</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="229" />
        <source>Statutory looked after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="230" />
        <location filename="../qml/labels.cpp" line="236" />
        <location filename="../qml/labels.cpp" line="245" />
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="235" />
        <source>Home</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="235" />
        <source>School</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="139" />
        <location filename="../qml/labels.cpp" line="236" />
        <source>Placement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="241" />
        <source>Life story work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="242" />
        <source>Keeping safe</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="243" />
        <source>Wishes and feelings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="244" />
        <source>Domestic abuse awareness</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::ManagerExports</name>
    <message>
        <location filename="../qml/managerexports.cpp" line="189" />
        <source>Could not create the folder %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managerexports.cpp" line="193" />
        <location filename="../qml/managerexports.cpp" line="197" />
        <source>Could not write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managerexports.cpp" line="245" />
        <source>The export was saved but could not be recorded for the audit trail: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::ManagerSync</name>
    <message>
        <location filename="../qml/managersync.cpp" line="272" />
        <source>The child was not reallocated: this needs a connection to the service. Try again when you are online.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="273" />
        <source>The child was not reallocated: your sign-in needs renewing. Sync, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="282" />
        <source>The case was not opened: this needs a connection to the service. Try again when you are online.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="283" />
        <source>The case was not opened: your sign-in needs renewing. Sync, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="292" />
        <source>The other team was not asked: this needs a connection to the service. Try again when you are online.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="293" />
        <source>The other team was not asked: your sign-in needs renewing. Sync, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="306" />
        <source>The transfer was not accepted: this needs a connection to the service. Try again when you are online.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="307" />
        <source>The transfer was not accepted: your sign-in needs renewing. Sync, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="309" />
        <source>The transfer was not declined: this needs a connection to the service. Try again when you are online.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="310" />
        <source>The transfer was not declined: your sign-in needs renewing. Sync, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="311" />
        <source>The transfer was not withdrawn: this needs a connection to the service. Try again when you are online.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="312" />
        <source>The transfer was not withdrawn: your sign-in needs renewing. Sync, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="350" />
        <source>Not connected to the service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/managersync.cpp" line="383" />
        <source>Worker %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::NewCaseForm</name>
    <message>
        <location filename="../qml/newcaseform.cpp" line="69" />
        <source>Choose the worker who will hold the case.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/newcaseform.cpp" line="70" />
        <source>Give the reason for this allocation: it is kept with the decision, in the child's chronology and the audit trail.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::OutboxModel</name>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="53" />
        <source>Action %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="54" />
        <source>%1, item %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/outboxmodel.cpp" line="106" />
        <source>Waiting to send (tried %n time(s))</source>
        <translation>
            <numerusform>Waiting to send (tried %n time)</numerusform><numerusform>Waiting to send (tried %n times)</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="106" />
        <source>Waiting to send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="108" />
        <source>Sent, waiting for the answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="110" />
        <source>Refused by the service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="116" />
        <source>Kept aside on this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="215" />
        <location filename="../qml/outboxmodel.cpp" line="260" />
        <source>%1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="223" />
        <source>Open the record and put this right: it is sent again when you save it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="225" />
        <source>Only the record's author can submit it. Ask them, or your manager, to submit it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="227" />
        <source>Ask your manager to check who this child is allocated to, then send it again. Work you recorded before the child moved to another worker is taken for four weeks after the move; after that, or for work recorded later, this tablet keeps the change: make a rescue copy in Settings before you sign out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="231" />
        <source>The service needs an update before it can take this record. Send it again once it has one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="233" />
        <source>Send it again later. If the service still cannot store it, ask for help: the record is safe on this device.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="235" />
        <source>The record was deleted on the service. Ask your manager before recording it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="237" />
        <source>Send it again, and ask for help if it is refused again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="257" />
        <source>A newer version of Doorstep wrote this record. Update the app on this tablet to open it; until then it is kept here and the service keeps its own copy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="261" />
        <source>This tablet could not store the service's copy of this record. It is kept here and replaced when the service sends a corrected one; tell your support team if it stays.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="112" />
        <source>Accepted by the service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="114" />
        <source>Returned by your manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="173" />
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::PinVault</name>
    <message>
        <location filename="../qml/pinvault.cpp" line="57" />
        <location filename="../qml/pinvault.cpp" line="64" />
        <source>The keychain is not available.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pinvault.cpp" line="74" />
        <location filename="../qml/pinvault.cpp" line="100" />
        <source>No PIN has been set on this device.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pinvault.cpp" line="83" />
        <source>Choose a PIN of at least %n digits.</source>
        <translation>
            <numerusform>Choose a PIN of at least %n digit.</numerusform><numerusform>Choose a PIN of at least %n digits.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pinvault.cpp" line="86" />
        <source>Could not make a random salt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pinvault.cpp" line="89" />
        <source>Could not protect the PIN.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::ReallocationForm</name>
    <message>
        <location filename="../qml/reallocationform.cpp" line="81" />
        <source>This child could not be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reallocationform.cpp" line="56" />
        <source>Nobody</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reallocationform.cpp" line="97" />
        <source>Waiting for %1's answer since %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reallocationform.cpp" line="137" />
        <source>Choose the worker the child goes to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reallocationform.cpp" line="138" />
        <source>Give the reason for the reallocation: it is kept with the decision in the audit trail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reallocationform.cpp" line="154" />
        <source>This child's move to another team is already waiting for an answer. Withdraw it from Transfers first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reallocationform.cpp" line="158" />
        <source>Give the reason for the move: the other team's manager reads it before deciding.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reallocationform.cpp" line="159" />
        <source>Choose the team the child would move to.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::RecordForm</name>
    <message>
        <location filename="../qml/recordform.cpp" line="235" />
        <source>Since you wrote this draft, someone else changed: %1. Your draft's version is shown; check it before saving.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/recordform.cpp" line="402" />
        <source>Action %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/recordform.cpp" line="407" />
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::ReviewQueueModel</name>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="66" />
        <source>Approval queued: sent at the next sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="66" />
        <source>Return queued: sent at the next sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="68" />
        <source>The record changed since you read it: open it and decide again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="70" />
        <source>Your approval was refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="70" />
        <source>Your return was refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="72" />
        <source>Approved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="72" />
        <source>Returned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="92" />
        <source>No child named</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="101" />
        <source>A draft, not yet submitted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="103" />
        <source>Submitted %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="104" />
        <source>Submission time not recorded</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/reviewqueuemodel.cpp" line="110" />
        <source>Waiting %n hour(s)</source>
        <translation>
            <numerusform>Waiting %n hour</numerusform><numerusform>Waiting %n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/reviewqueuemodel.cpp" line="111" />
        <source>Waiting %n day(s)</source>
        <translation>
            <numerusform>Waiting %n day</numerusform><numerusform>Waiting %n days</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="256" />
        <source>Unknown author</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewqueuemodel.cpp" line="256" />
        <source>Worker %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::ReviewViewModel</name>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="60" />
        <source>Not recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="75" />
        <location filename="../qml/reviewviewmodel.cpp" line="325" />
        <source>Actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="75" />
        <source>No actions recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="83" />
        <source>Priority %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="85" />
        <source>Owner: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="87" />
        <source>Due %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="89" />
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="90" />
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="91" />
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="92" />
        <source>Action %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="176" />
        <source>Unknown author</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="176" />
        <location filename="../qml/reviewviewmodel.cpp" line="343" />
        <source>Worker %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="183" />
        <location filename="../qml/reviewviewmodel.cpp" line="301" />
        <location filename="../qml/reviewviewmodel.cpp" line="341" />
        <source>A child not on this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="190" />
        <source>Submitted %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="206" />
        <source>The record is not on this tablet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="208" />
        <source>Saving your decision…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="210" />
        <source>You cannot review your own record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="212" />
        <source>This record has not reached the service yet, so it cannot be reviewed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="215" />
        <source>Only submitted records can be reviewed, and this one is still a draft. Talk to its author about the safety concern now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="217" />
        <source>Only submitted records can be reviewed; this one is %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="219" />
        <source>You already decided on this version.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="221" />
        <source>Write the reason for your decision first: it is kept with the record and the worker sees it when you return it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="231" />
        <source>Your approval was not applied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="231" />
        <source>Your return was not applied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="241" />
        <source>The record changed since you read it (you read version %1; the service now has version %2), so your %3 was not applied. Read the current version and decide again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="244" />
        <source>a newer one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="245" />
        <source>approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="245" />
        <source>return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="248" />
        <source>The service refused your decision: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="288" />
        <source>Why and when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="289" />
        <source>Visit type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="290" />
        <source>Started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="291" />
        <source>Ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="292" />
        <source>Announced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="293" />
        <source>Where</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="295" />
        <source>Why this visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="296" />
        <source>Who was present</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="302" />
        <source>Seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="304" />
        <source>Why not seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="305" />
        <source>Seen alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="308" />
        <source>Why not seen alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="310" />
        <source>More about why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="312" />
        <source>Bedroom seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="314" />
        <source>Safety concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="314" />
        <source>Yes: the worker raised a safety concern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="315" />
        <source>The child's views, wishes and feelings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="316" />
        <source>Observations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="318" />
        <source>Analysis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="319" />
        <source>Risks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="320" />
        <source>Strengths</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="321" />
        <source>Protective factors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="322" />
        <source>Diversity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="323" />
        <source>Identity, culture, language and faith</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="324" />
        <source>Interpreter used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="328" />
        <source>Session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="329" />
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="330" />
        <source>Activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="332" />
        <source>Aims</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="333" />
        <source>Tools used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="334" />
        <source>What the child said and did</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="335" />
        <source>The child's words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="336" />
        <source>Reflection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="337" />
        <source>Next steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="339" />
        <source>Supervision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="340" />
        <source>Held on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="341" />
        <source>Child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="343" />
        <source>Worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="344" />
        <source>Discussion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="345" />
        <source>Decisions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="346" />
        <source>Prioritised actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="350" />
        <source>Summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="353" />
        <source>Returned earlier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/reviewviewmodel.cpp" line="354" />
        <source>Reason given</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::TransferDecisionForm</name>
    <message>
        <location filename="../qml/transferdecisionform.cpp" line="31" />
        <source>Choose the worker of your team who will hold the case.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transferdecisionform.cpp" line="32" />
        <source>Give the reason for the allocation: it is kept with the decision in the audit trail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transferdecisionform.cpp" line="43" />
        <source>Give the reason for declining: the asking team's manager reads it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transferdecisionform.cpp" line="64" />
        <source>Choose a transfer first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::TransfersModel</name>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="82" />
        <source>The transfers could not be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="157" />
        <source>As of %1 at %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="160" />
        <source>Not fetched yet: the list comes from the service when this tablet is online.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="185" />
        <source>Waiting for your answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="185" />
        <source>Asked by your team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="194" />
        <source>Born %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="198" />
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="204" />
        <source>From %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="204" />
        <source>To %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="208" />
        <source>Asked by %1 on %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="217" />
        <source>Accepted by %1 on %2: allocated to %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="219" />
        <source>Declined by %1 on %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="221" />
        <source>Withdrawn on %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/transfersmodel.cpp" line="222" />
        <source>Waiting for an answer</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>