#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Doorstep contributors
"""Fills the English plural forms and the reviewed Welsh strings after lupdate.

English: "%n day(s)" becomes "%n day" / "%n days". Welsh: only the navigation and form labels in
WELSH below, checked by hand; everything else stays "unfinished" so a Welsh speaker can translate
it rather than the app showing invented Welsh. Run: i18n/fill_translations.py (from the repo).
"""
import os
import re
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))

WELSH = {
    "Doorstep": "Doorstep",
    "My caseload": "Fy llwyth achosion",
    "Go to my caseload": "Mynd i fy llwyth achosion",
    "Visit": "Ymweliad",
    "Direct work": "Gwaith uniongyrchol",
    "Outbox": "Blwch allan",
    "Sync now": "Cysoni nawr",
    "Settings": "Gosodiadau",
    "Sign out": "Allgofnodi",
    "Save changes": "Cadw newidiadau",
    "Text size": "Maint y testun",
    "Lock": "Cloi",
    "‹ Back": "‹ Yn ôl",
    "Back": "Yn ôl",
    "Sign in": "Mewngofnodi",
    "Username": "Enw defnyddiwr",
    "Password": "Cyfrinair",
    "Service address": "Cyfeiriad y gwasanaeth",
    "Enter your PIN": "Rhowch eich PIN",
    "Choose a PIN": "Dewiswch PIN",
    "Unlock": "Datgloi",
    "Save PIN": "Cadw'r PIN",
    "PIN": "PIN",
    "Yes": "Ie",
    "No": "Na",
    "Save draft": "Cadw drafft",
    "Submit for approval": "Cyflwyno i'w gymeradwyo",
    "Why this visit": "Pam yr ymweliad hwn",
    "Started": "Dechrau",
    "Ended": "Diwedd",
    "Type of visit": "Math o ymweliad",
    "Where": "Ble",
    "Who was present": "Pwy oedd yn bresennol",
    "Was the child seen?": "A welwyd y plentyn?",
    "Was the child seen alone?": "A welwyd y plentyn ar ei ben ei hun?",
    "Was the child's bedroom seen?": "A welwyd ystafell wely'r plentyn?",
    "Was the visit announced?": "A gyhoeddwyd yr ymweliad ymlaen llaw?",
    "Was an interpreter used?": "A ddefnyddiwyd cyfieithydd?",
    "The child's views, wishes and feelings": "Barn, dymuniadau a theimladau'r plentyn",
    "The child's words": "Geiriau'r plentyn",
    "Observations": "Arsylwadau",
    "Risks": "Risgiau",
    "Strengths": "Cryfderau",
    "Protective factors": "Ffactorau amddiffynnol",
    "Actions": "Camau gweithredu",
    "Add an action": "Ychwanegu cam gweithredu",
    "What will be done": "Beth fydd yn cael ei wneud",
    "Who": "Pwy",
    "By when": "Erbyn pryd",
    "Remove": "Tynnu",
    "Profile": "Proffil",
    "Plan": "Cynllun",
    "Chronology": "Cronoleg",
    "Record a visit": "Cofnodi ymweliad",
    "Record direct work": "Cofnodi gwaith uniongyrchol",
    "Conflicts to resolve": "Gwrthdaro i'w datrys",
    "Keep mine": "Cadw fy fersiwn i",
    "Keep theirs": "Cadw'r fersiwn arall",
    "Edit": "Golygu",
    "Search names and records": "Chwilio enwau a chofnodion",
    "Draft": "Drafft",
    "Submitted": "Wedi'i gyflwyno",
    "Approved": "Wedi'i gymeradwyo",
    "Returned": "Wedi'i ddychwelyd",
    "Early help": "Cymorth cynnar",
    "Child in need": "Plentyn mewn angen",
    "Child protection plan": "Cynllun amddiffyn plant",
    "Looked after": "Plentyn sy'n derbyn gofal",
    "Care leaver": "Ymadawr gofal",
    "1. Why and when": "1. Pam a phryd",
    "2. The children": "2. Y plant",
    "3. Analysis": "3. Dadansoddiad",
    "4. Diversity": "4. Amrywiaeth",
    "5. Actions": "5. Camau gweithredu",
    "Home": "Cartref",
    "School": "Ysgol",
    "Placement": "Lleoliad",
    "Other": "Arall",
    "Date of birth": "Dyddiad geni",
    "Gender": "Rhywedd",
    "Ethnicity": "Ethnigrwydd",
    "First language": "Iaith gyntaf",
    "Interpreter needed": "Angen cyfieithydd",
    "Religion": "Crefydd",
    "Address": "Cyfeiriad",
    "Aims of the session": "Nodau'r sesiwn",
    "Activity": "Gweithgaredd",
    "Tools used": "Offer a ddefnyddiwyd",
    "Your reflection": "Eich myfyrdod",
    "Next steps": "Camau nesaf",
    "Date of the session": "Dyddiad y sesiwn",
    "Observations ": "Arsylwadau",
}


def english_forms(text):
    special = {
        "%n children": ("%n child", "%n children"),
        "That PIN is not right. %n tries left.": ("That PIN is not right. %n try left.",
                                                   "That PIN is not right. %n tries left."),
    }
    if text in special:
        return special[text]
    if "child(ren)" in text:
        return text.replace("child(ren)", "child"), text.replace("child(ren)", "children")
    if "(s)" in text:
        return text.replace("(s)", ""), text.replace("(s)", "s")
    if "%n digits" in text:
        return text.replace("%n digits", "%n digit"), text
    return text, text


def fill(path, english):
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if message.get("numerus") == "yes":
            if not english:
                continue  # Welsh has six plural forms: left for a Welsh speaker
            for child in list(translation):
                translation.remove(child)
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
            translation.attrib.pop("type", None)
        elif not english and source in WELSH:
            translation.text = WELSH[source]
            translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, "r+", encoding="utf-8") as f:
        body = f.read()
        if "<!DOCTYPE TS>" not in body:
            body = body.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        f.seek(0)
        f.write(body)
        f.truncate()


fill(os.path.join(HERE, "doorstep_en.ts"), True)
fill(os.path.join(HERE, "doorstep_cy.ts"), False)
