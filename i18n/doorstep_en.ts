<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ActionsEditor</name>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="35" />
        <source>What will be done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="43" />
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="50" />
        <source>By when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="56" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="60" />
        <source>Remove action %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ActionsEditor.qml" line="67" />
        <source>Add an action</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="41" />
        <source>My caseload</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/CaseloadPage.qml" line="46" />
        <source>%n overdue or due now</source>
        <translation>
            <numerusform>%n overdue or due now</numerusform><numerusform>%n overdue or due now</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/CaseloadPage.qml" line="51" />
        <source>%n children</source>
        <translation>
            <numerusform>%n child</numerusform><numerusform>%n children</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="62" />
        <source>Search names and records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="64" />
        <source>Search the caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="103" />
        <source>%1, %2, %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="130" />
        <source>Born %1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="158" />
        <source>Seen alone last visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="159" />
        <source>Not seen alone last visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="169" />
        <source>⟳ Not yet sent to the service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="185" />
        <source>No child or record matches “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/CaseloadPage.qml" line="186" />
        <source>No children on this tablet yet. They arrive with the first sync.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChildCard</name>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="32" />
        <source>Child</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="42" />
        <source>Was the child seen?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="49" />
        <source>Why was the child not seen?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="58" />
        <source>Was the child seen alone?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="65" />
        <source>Why not alone? (regulation 29)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="73" />
        <source>What prevented it?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="82" />
        <source>Was the child's bedroom seen?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="89" />
        <source>The child's views, wishes and feelings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="90" />
        <source>In the child's own words, with quotation marks where you can.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="96" />
        <source>Observations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="97" />
        <source>Presentation, development, home conditions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="103" />
        <source>The child said they feel unsafe, scared or unhappy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/ChildCard.qml" line="121" />
        <source>This record will go to the top of your manager's queue at the next sync. If the child is in immediate danger, follow your safeguarding procedure now.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChildPage</name>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="42" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="44" />
        <source>Back to the caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="69" />
        <source>Record a visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="72" />
        <source>Record a visit to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="76" />
        <source>Record direct work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="78" />
        <source>Record a direct work session with %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="103" />
        <source>Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="122" />
        <source>Plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="124" />
        <source>Visits: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="129" />
        <source>Contingency: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="129" />
        <source>No contingency plan recorded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="138" />
        <source>%1 — %2, by %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="161" />
        <source>Chronology</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="189" />
        <source>%1, %2, %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="203" />
        <source> (amendment)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="215" />
        <source> · not yet sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="221" />
        <source>Safety concern raised</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="236" />
        <source>Returned: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ChildPage.qml" line="246" />
        <source>Nothing recorded yet.</source>
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
        <location filename="../qml/pages/ConflictsPage.qml" line="79" />
        <source>%1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="92" />
        <source>Before either change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="93" />
        <source>On this tablet (mine)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="94" />
        <source>On the service (theirs)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="133" />
        <source>Combined text for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="139" />
        <source>Keep mine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="141" />
        <source>Keep the value on this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="145" />
        <source>Keep theirs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="147" />
        <source>Keep the value on the service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="152" />
        <source>Save combined text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="152" />
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="155" />
        <source>Save the combined text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="155" />
        <source>Write a combined text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/ConflictsPage.qml" line="164" />
        <source>No conflicts. Nothing needs your decision.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DirectWorkPage</name>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="44" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="46" />
        <source>Back; your draft is kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="50" />
        <source>Amend direct work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="50" />
        <source>Direct work</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/DirectWorkPage.qml" line="85" />
        <source>%n thing(s) to complete before submitting:</source>
        <translation>
            <numerusform>%n thing to complete before submitting:</numerusform><numerusform>%n things to complete before submitting:</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="103" />
        <source>Returned by your manager: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="110" />
        <source>With: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="122" />
        <source>Date of the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="128" />
        <source>Activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="136" />
        <source>What activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="139" />
        <source>Aims of the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="140" />
        <source>Tools used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="143" />
        <source>The child's words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="144" />
        <source>What the child said, as they said it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="147" />
        <source>Your reflection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="148" />
        <source>Next steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="170" />
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="170" />
        <source>Drafts are kept automatically</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="177" />
        <source>Save draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="180" />
        <source>Save as a draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="185" />
        <source>Submit for approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/DirectWorkPage.qml" line="189" />
        <source>Submit the session for approval</source>
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
        <location filename="../qml/Main.qml" line="74" />
        <source>Opening your records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="87" />
        <source>Your records are locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="94" />
        <source>Doorstep cannot get the key to this tablet's records from the keychain, so nothing can be opened. Your records are still on the tablet. Please contact your IT service desk.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="136" />
        <source>Doorstep is locked</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="37" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="39" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="43" />
        <source>Outbox</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="50" />
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="50" />
        <location filename="../qml/pages/OutboxPage.qml" line="54" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="71" />
        <source>Sync progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="98" />
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="110" />
        <source>Manager's reason: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="110" />
        <source>Reason: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="125" />
        <source>Try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="127" />
        <source>Try sending %1 again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="132" />
        <source>Reopen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="134" />
        <source>Reopen %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/OutboxPage.qml" line="142" />
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
        <source>The same PIN again</source>
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
    <name>ReasonPicker</name>
    <message>
        <location filename="../qml/components/ReasonPicker.qml" line="31" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="44" />
        <source>My caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="48" />
        <source>Go to my caseload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="58" />
        <source>Sync status: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="67" />
        <source>Sync progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="72" />
        <source>Outbox: %1 waiting, %2 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="73" />
        <source>Outbox: %1 waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="82" />
        <source>Conflicts: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="87" />
        <source>%1 conflicts to resolve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="92" />
        <source>Lock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/SyncBar.qml" line="96" />
        <source>Lock the app now</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VisitFormPage</name>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="45" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="47" />
        <source>Back; your draft is kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="51" />
        <source>Amend a visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="51" />
        <source>Visit</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/pages/VisitFormPage.qml" line="90" />
        <source>%n thing(s) to complete before submitting:</source>
        <translation>
            <numerusform>%n thing to complete before submitting:</numerusform><numerusform>%n things to complete before submitting:</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="119" />
        <source>Returned by your manager: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="127" />
        <source>This visit was approved, so it cannot be changed. What you write here is an amendment: it is linked to the approved record and goes to your manager for approval.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="134" />
        <source>Your unsaved draft was restored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="139" />
        <source>1. Why and when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="143" />
        <source>Why this visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="144" />
        <source>The purpose of the visit and what you needed to find out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="155" />
        <source>Started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="161" />
        <source>Ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="167" />
        <source>Type of visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="174" />
        <source>Where</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="181" />
        <source>Was the visit announced?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="186" />
        <source>Who was present</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="190" />
        <source>2. The children</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="201" />
        <source>3. Analysis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="204" />
        <source>Risks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="205" />
        <source>What worries you, and why.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="210" />
        <source>Strengths</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="215" />
        <source>Protective factors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="219" />
        <source>4. Diversity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="222" />
        <source>How language, culture, religion and disability were taken into account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="227" />
        <source>Was an interpreter used?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="231" />
        <source>5. Actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="251" />
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="252" />
        <source>Draft kept on this tablet at %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="253" />
        <source>Drafts are kept automatically</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="261" />
        <source>Save draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="264" />
        <source>Save as a draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="269" />
        <source>Submit for approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/pages/VisitFormPage.qml" line="273" />
        <source>Submit the visit for approval</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../qml/components/YesNo.qml" line="27" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/YesNo.qml" line="34" />
        <source>%1: yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/YesNo.qml" line="38" />
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/components/YesNo.qml" line="45" />
        <source>%1: no</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::AppState</name>
    <message numerus="yes">
        <location filename="../qml/appstate.cpp" line="91" />
        <source>This device was removed from the service. %n change(s) could not be sent.</source>
        <translation>
            <numerusform>This device was removed from the service. %n change could not be sent.</numerusform><numerusform>This device was removed from the service. %n changes could not be sent.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="92" />
        <source>This device was removed from the service. Sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="193" />
        <location filename="../qml/appstate.cpp" line="281" />
        <source>Too many wrong PINs. Sign in with your password to unlock.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="207" />
        <source>Enter the service address, your username and your password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="215" />
        <source>That username and password were not accepted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="236" />
        <source>The two PINs are not the same.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="241" />
        <source>Use digits only.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/appstate.cpp" line="278" />
        <source>That PIN is not right. %n tries left.</source>
        <translation>
            <numerusform>That PIN is not right. %n tries left.</numerusform><numerusform>That PIN is not right. %n tries left.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="342" />
        <source>Not connected to a service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="344" />
        <source>Offline: changes are kept on this tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="347" />
        <source>Syncing %1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="348" />
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="351" />
        <source>Sync problem: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="353" />
        <source>Synced %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/appstate.cpp" line="354" />
        <source>Not synced yet</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::CaseloadModel</name>
    <message numerus="yes">
        <location filename="../qml/caseloadmodel.cpp" line="61" />
        <source>Visit overdue by %n day(s)</source>
        <translation>
            <numerusform>Visit overdue by %n day</numerusform><numerusform>Visit overdue by %n days</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="63" />
        <source>Visit due now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="65" />
        <source>Next visit by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="66" />
        <source>No visiting frequency set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="74" />
        <source>Last seen %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/caseloadmodel.cpp" line="75" />
        <source>Not seen yet</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::ChildViewModel</name>
    <message numerus="yes">
        <location filename="../qml/childviewmodel.cpp" line="141" />
        <source>Visit overdue by %n day(s)</source>
        <translation>
            <numerusform>Visit overdue by %n day</numerusform><numerusform>Visit overdue by %n days</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="143" />
        <source>Visit due now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="145" />
        <source>Next visit by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="147" />
        <source>No visiting frequency set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="182" />
        <source>Date of birth</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="182" />
        <source>%1 (age %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="186" />
        <source>Not recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="188" />
        <source>Gender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="189" />
        <source>Ethnicity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="190" />
        <source>First language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="192" />
        <source>Interpreter needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="193" />
        <source>Religion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="194" />
        <source>Disability or SEND</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="195" />
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/childviewmodel.cpp" line="203" />
        <source>Council policy for this legal status</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/childviewmodel.cpp" line="205" />
        <source>Every %n working day(s)</source>
        <translation>
            <numerusform>Every %n working day</numerusform><numerusform>Every %n working days</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/childviewmodel.cpp" line="206" />
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Every %n day</numerusform><numerusform>Every %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>doorstep::ConflictModel</name>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="36" />
        <source>(empty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="40" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/conflictmodel.cpp" line="40" />
        <source>No</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::Labels</name>
    <message>
        <location filename="../qml/labels.cpp" line="19" />
        <source>Early help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="21" />
        <source>Child in need</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="23" />
        <source>Child protection plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="25" />
        <source>Looked after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="27" />
        <source>Care leaver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="34" />
        <source>Draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="36" />
        <source>Submitted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="38" />
        <source>Approved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="40" />
        <source>Returned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="47" />
        <source>Visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="49" />
        <source>Direct work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="51" />
        <source>Management review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="53" />
        <source>Supervision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="55" />
        <source>Child's details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="82" />
        <source>Why this visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="83" />
        <source>Started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="84" />
        <source>Ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="85" />
        <source>Who was present</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="86" />
        <source>Children on the visit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="87" />
        <source>Risks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="88" />
        <source>Strengths</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="89" />
        <source>Protective factors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="90" />
        <source>Diversity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="91" />
        <source>Actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="92" />
        <source>Aims</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="93" />
        <source>The child's words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="94" />
        <source>Reflection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="95" />
        <source>Next steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="96" />
        <source>Tools used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="97" />
        <source>Contingency plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="98" />
        <source>Plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="109" />
        <source>Not answered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="110" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="110" />
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="116" />
        <source>The child refused (of sufficient age and understanding)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="117" />
        <source>Not appropriate given the child's age and understanding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="118" />
        <source>Unable: parent or carer refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="119" />
        <source>Unable: child not at home</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="120" />
        <source>Unable: other reason (say what)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="125" />
        <source>Statutory child protection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="126" />
        <source>Statutory child in need</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="127" />
        <source>Statutory looked after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="128" />
        <location filename="../qml/labels.cpp" line="134" />
        <location filename="../qml/labels.cpp" line="143" />
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="133" />
        <source>Home</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="133" />
        <source>School</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="134" />
        <source>Placement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="139" />
        <source>Life story work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="140" />
        <source>Keeping safe</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="141" />
        <source>Wishes and feelings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/labels.cpp" line="142" />
        <source>Domestic abuse awareness</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>doorstep::OutboxModel</name>
    <message numerus="yes">
        <location filename="../qml/outboxmodel.cpp" line="45" />
        <source>Waiting to send (tried %n time(s))</source>
        <translation>
            <numerusform>Waiting to send (tried %n time)</numerusform><numerusform>Waiting to send (tried %n times)</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="45" />
        <source>Waiting to send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="47" />
        <source>Sent, waiting for the answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="49" />
        <source>Could not be sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="51" />
        <source>Accepted by the service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/outboxmodel.cpp" line="53" />
        <source>Returned by your manager</source>
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
</TS>