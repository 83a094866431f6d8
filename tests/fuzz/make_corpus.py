#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Doorstep contributors
"""Writes the committed seed corpus tests/fuzz/corpus/<target>/ (deterministic; rerun after
changing the wire format). Seeds are small and meaningful: a valid record of every type, and
near-misses that each break one thing (docs/records.md)."""
import copy
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CHILD_A = "0b1f6c2e-5a4d-4c1b-9e1f-2a3b4c5d6e70"
CHILD_B = "0b1f6c2e-5a4d-4c1b-9e1f-2a3b4c5d6e71"
VISIT_ID = "7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f6"

CHILD = {
    "schema": 1, "type": "child", "id": CHILD_A, "author": "worker-1", "created_at": "2026-01-05T09:00:00Z",
    "first_name": "Amira", "last_name": "Hassan", "preferred_name": "Mira", "date_of_birth": "2016-07-14",
    "gender": "female", "ethnicity": "Any other Asian background", "first_language": "Arabic",
    "interpreter_needed": True, "religion": "Muslim", "disability": "none known",
    "address": "1 Example Street, Leeds", "legal_status": "child_protection", "cp_category": "neglect",
    "allocated_worker": "worker-1", "team": "team-north",
    "plan": {"visiting_frequency": {"every": 10, "unit": "working_days"},
             "contingency": "If home conditions do not improve by March, legal planning meeting.",
             "actions": [{"id": "a0000000-0000-4000-8000-000000000001", "what": "Refer Amira to the school nurse",
                          "owner": "worker-1", "due": "2026-02-01", "status": "open"}]},
}
LAC = dict(copy.deepcopy(CHILD), legal_status="looked_after",
           placement={"start": "2025-09-01", "kind": "long_term_until_18", "first_review": "2025-09-29"})
del LAC["cp_category"]
VISIT = {
    "schema": 1, "type": "visit", "id": VISIT_ID, "state": "draft", "author": "worker-1",
    "created_at": "2026-03-04T10:00:00Z", "started_at": "2026-03-04T10:15:00Z", "ended_at": "2026-03-04T11:20:00Z",
    "visit_type": "statutory_cp", "announced": False, "location": "home", "location_detail": "family home",
    "rationale": "Statutory child protection visit; check on home conditions after the core group.",
    "present": "Mother, Amira, Sami",
    "children": [
        {"child_id": CHILD_A, "seen": True, "seen_alone": True, "bedroom_seen": True, "safety_concern": False,
         "child_views": "I like my new bed. Mum shouts less.", "observations": "Clean clothes, chatty."},
        {"child_id": CHILD_B, "seen": True, "seen_alone": False, "not_seen_alone_reason": "inappropriate_age_understanding",
         "bedroom_seen": True, "safety_concern": False, "child_views": "Pointed at the dog and smiled.",
         "observations": "Age 2, meeting milestones."}],
    "analysis_risks": "Kitchen still cluttered.", "analysis_strengths": "Warm interactions.",
    "analysis_protective": "Grandmother visits daily.", "diversity": "Arabic interpreter used by phone.",
    "interpreter_used": True,
    "actions": [{"id": "a0000000-0000-4000-8000-000000000002", "what": "Book the family a GP appointment for Sami",
                 "owner": "worker-1", "due": "2026-03-11", "status": "open"}],
}
SUBMITTED = dict(copy.deepcopy(VISIT), state="submitted", submitted_at="2026-03-04T16:00:00Z")
DIRECT = {
    "schema": 1, "type": "direct_work", "id": "7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f7", "state": "submitted",
    "author": "fsw-2", "created_at": "2026-03-05T14:00:00Z", "submitted_at": "2026-03-05T16:00:00Z",
    "child_ids": [CHILD_A], "session_date": "2026-03-05", "activity": "wishes_and_feelings",
    "tools_used": "Three houses", "aims": "Hear Amira's worries", "child_words": "My worry house has the shouting in it.",
    "reflection": "Amira was open.", "next_steps": "Repeat in two weeks.",
}
REVIEW = {
    "schema": 1, "type": "review", "id": "7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f8", "created_at": "2026-03-06T09:00:00Z",
    "record_id": VISIT_ID, "decision": "return", "rationale": "Please add Sami's presentation.",
    "manager": "manager-1", "decided_at": "2026-03-06T09:00:00Z", "seen_rev": 7,
}
SUPERVISION = {
    "schema": 1, "type": "supervision", "id": "7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f9", "state": "approved",
    "author": "manager-1", "created_at": "2026-03-07T09:00:00Z", "amends": "7d3e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5fa",
    "reviewed_by": "manager-2", "reviewed_at": "2026-03-08T09:00:00Z", "child_id": CHILD_A, "worker": "worker-1",
    "held_on": "2026-03-07", "discussion": "Progress on the plan.", "decisions": "Stay on plan.",
    "actions": [{"id": "a0000000-0000-4000-8000-000000000003", "what": "Convene a core group meeting",
                 "owner": "worker-1", "due": "2026-03-20", "status": "open", "priority": 1}],
}
VALID = {"child": CHILD, "child_looked_after": LAC, "visit_draft": VISIT, "visit_submitted": SUBMITTED,
         "direct_work": DIRECT, "review": REVIEW, "supervision": SUPERVISION}


def changed(record, path, value):
    """A copy with the value at a dotted path ("children.1.seen") replaced; None-sentinel DELETE removes it."""
    out = copy.deepcopy(record)
    node = out
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    for k in keys[:-1]:
        node = node[k]
    if value is DELETE:
        del node[keys[-1]]
    else:
        node[keys[-1]] = value
    return out


DELETE = object()


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else dump(data))


def wire_and_rules():
    near = {
        "unknown_field": changed(VISIT, "mood", "fine"),
        "wrong_type_announced": changed(VISIT, "announced", "no"),
        "missing_id": changed(VISIT, "id", DELETE),
        "bad_uuid": changed(VISIT, "id", "not-a-uuid"),
        "impossible_date": changed(CHILD, "date_of_birth", "2026-02-30"),
        "bad_datetime": changed(VISIT, "started_at", "2026-03-04 10:15"),
        "schema_too_new": changed(VISIT, "schema", 99),
        "schema_string": changed(VISIT, "schema", "1"),
        "unknown_type": changed(VISIT, "type", "meeting"),
        "bad_enum_location": changed(VISIT, "location", "car"),
        "bad_reason": changed(VISIT, "children.1.not_seen_alone_reason", "busy"),
        "frequency_zero": changed(CHILD, "plan.visiting_frequency.every", 0),
        "frequency_366": changed(CHILD, "plan.visiting_frequency.every", 366),
        "frequency_fraction": changed(CHILD, "plan.visiting_frequency.every", 2.5),
        "priority_4": changed(SUPERVISION, "actions.0.priority", 4),
        "children_not_array": changed(VISIT, "children", {"child_id": CHILD_A}),
        "card_not_object": changed(VISIT, "children.0", "Amira"),
        "action_bad_status": changed(VISIT, "actions.0.status", "later"),
        "null_required": changed(CHILD, "last_name", None),
        "state_unknown": changed(VISIT, "state", "deleted"),
        "review_bad_decision": changed(REVIEW, "decision", "maybe"),
        "child_ids_bad": changed(DIRECT, "child_ids", ["x"]),
        "placement_bad_kind": changed(LAC, "placement.kind", "forever"),
        # Found by fuzzing: an empty key gave an error with an empty field path.
        "empty_key": changed(VISIT, "", "x"),
        "empty_key_nested": changed(VISIT, "children.0.", "x"),
    }
    rules_only = {
        "no_rationale": changed(SUBMITTED, "rationale", ""),
        "not_seen_no_reason": changed(SUBMITTED, "children.0.seen", False),
        "seen_alone_unanswered": changed(SUBMITTED, "children.0.seen_alone", None),
        "not_alone_no_reason": changed(changed(SUBMITTED, "children.0.seen_alone", False), "children.0.not_seen_alone_reason", None),
        "unable_other_no_detail": changed(changed(SUBMITTED, "children.0.seen_alone", False), "children.0.not_seen_alone_reason", "unable_other"),
        "end_before_start": changed(SUBMITTED, "ended_at", "2026-03-04T09:00:00Z"),
        "in_future": changed(changed(SUBMITTED, "started_at", "2027-01-01T10:00:00Z"), "ended_at", "2027-01-01T11:00:00Z"),
        "action_no_owner": changed(SUBMITTED, "actions.0.owner", ""),
        "action_no_due": changed(SUBMITTED, "actions.0.due", DELETE),
        "safety_concern": changed(SUBMITTED, "children.0.safety_concern", True),
        "alone_no_views": changed(SUBMITTED, "children.0.child_views", ""),
        "duplicate_child": changed(SUBMITTED, "children.1.child_id", CHILD_A),
        "direct_no_words": changed(DIRECT, "child_words", ""),
        "direct_future": changed(DIRECT, "session_date", "2027-01-01"),
        "child_no_plan": changed(CHILD, "plan", DELETE),
        "child_cp_no_category": changed(CHILD, "cp_category", None),
        "lac_no_placement": changed(LAC, "placement", None),
        "supervision_no_owner": changed(SUPERVISION, "actions.0.owner", ""),
        "review_approve_no_rationale": changed(changed(REVIEW, "decision", "approve"), "rationale", ""),
    }
    raw = {
        "empty": b"", "empty_object": b"{}", "array": b"[1,2,3]", "string": b'"visit"', "number": b"1e999",
        "truncated": dump(VISIT)[:200], "nested_deep": b"[" * 200 + b"]" * 200,
        "not_utf8": b'{"schema":1,"type":"child","first_name":"\xff\xfe"}',
        "nul_in_string": b'{"schema":1,"type":"child","first_name":"A\\u0000B"}',
        "duplicate_keys": b'{"schema":1,"schema":2,"type":"visit"}',
        "huge_number": b'{"schema":1e308,"type":"visit"}',
        "type_only_visit": b'{"type":"visit"}',
    }
    for name, rec in VALID.items():
        write("wire", "valid_" + name, rec)
        write("rules", "valid_" + name, rec)
    for name, rec in near.items():
        write("wire", "near_" + name, rec)
    for name, data in raw.items():
        write("wire", "raw_" + name, data)
    for name, rec in rules_only.items():
        write("rules", "rule_" + name, rec)
    for name in ("empty_key", "unknown_field", "impossible_date", "unknown_type", "bad_reason", "children_not_array", "null_required"):
        write("rules", "near_" + name, near[name])
    write("rules", "raw_empty_object", b"{}")
    write("rules", "raw_type_only_child", b'{"type":"child"}')
    # Patches are fuzzed by the wire target too (validatePatch / validateClientPatch).
    write("wire", "patch_rationale", {"rationale": "Changed plan after the strategy meeting."})
    write("wire", "patch_clear", {"location_detail": None, "present": "Mother"})
    write("wire", "patch_service_owned", {"reviewed_by": "worker-1"})
    write("wire", "patch_approve", {"state": "approved"})
    write("wire", "patch_identity", {"id": CHILD_B})
    write("wire", "patch_empty_key", {"": "Three houses"})


def merge():
    base = VISIT
    mine = changed(base, "rationale", "Mine: added the school's concerns.")
    theirs = changed(base, "analysis_risks", "Theirs: kitchen now tidy.")
    clash = changed(base, "rationale", "Theirs: a different rationale.")
    seeds = {
        "disjoint_edits": [base, mine, theirs],
        "same_field_clash": [base, mine, clash],
        "same_field_agree": [base, mine, mine],
        "identical": [base, base, base],
        "mine_removes_field": [base, changed(base, "present", DELETE), theirs],
        "mine_nulls_field": [base, changed(base, "present", None), base],
        "both_remove": [base, changed(base, "present", DELETE), changed(base, "present", None)],
        "remove_vs_edit": [base, changed(base, "present", DELETE), changed(base, "present", "Father")],
        "cards_clash": [base, changed(base, "children.0.seen", False), changed(base, "children.0.child_views", "Other words")],
        "actions_added": [base, changed(base, "actions", base["actions"] * 2), base],
        "identity_changed": [base, changed(base, "id", CHILD_B), changed(base, "type", "child")],
        "state_submit_vs_return": [base, changed(base, "state", "submitted"), changed(base, "state", "returned")],
        "empty_base": [{}, mine, theirs],
        "new_field_both": [{}, {"rationale": "A"}, {"rationale": "B"}],
        "new_field_same": [{}, {"rationale": "A"}, {"rationale": "A"}],
        "numbers": [{"seen_rev": 1}, {"seen_rev": 2}, {"seen_rev": 2.0}],
        "types_differ": [{"x": 1}, {"x": "1"}, {"x": [1]}],
        "nested_objects": [CHILD, changed(CHILD, "plan.contingency", "Mine"), changed(CHILD, "plan.visiting_frequency.every", 5)],
        "nested_clash": [CHILD, changed(CHILD, "plan.contingency", "Mine"), changed(CHILD, "plan.contingency", "Theirs")],
        "nested_added_both": [VISIT, changed(LAC, "placement.kind", "standard"), changed(LAC, "placement.first_review", None)],
        "child_records": [CHILD, LAC, changed(CHILD, "first_name", "Mira")],
        "direct_work": [DIRECT, changed(DIRECT, "reflection", "Mine"), changed(DIRECT, "reflection", "Theirs")],
        "supervision": [SUPERVISION, changed(SUPERVISION, "decisions", "Mine"), SUPERVISION],
        "empty_strings": [{"a": ""}, {"a": None}, {}],
        "bool_null": [{"seen": True}, {"seen": None}, {"seen": False}],
    }
    for name, sides in seeds.items():
        write("merge", name, sides)
    write("merge", "raw_one_side", b"[{}]")
    write("merge", "raw_not_objects", b'[1,"a",null]')


def service():
    def push(*mutations):
        return {"mutations": list(mutations)}

    def mutation(n, record_id, rtype, patch, base_rev=0, **extra):
        m = {"mutation_id": "f0000000-0000-4000-8000-%012d" % n, "record_id": record_id, "type": rtype,
             "base_rev": base_rev, "patch": patch}
        m.update(extra)
        return m

    new_visit = "e0000000-0000-4000-8000-000000000001"
    visit_patch = {k: v for k, v in VISIT.items() if k not in ("id", "type", "schema")}
    visit_patch["children"] = [dict(VISIT["children"][0], child_id="@CHILD@")]
    visit_patch["author"] = "@AUTHOR@"
    seeds = {
        "push_create_visit": ("worker push", push(mutation(1, new_visit, "visit", visit_patch))),
        "push_submit_visit": ("worker push", push(mutation(1, new_visit, "visit", visit_patch),
                                                  mutation(2, new_visit, "visit", {"state": "submitted", "submitted_at": "2026-03-04T16:00:00Z"}, 1))),
        "push_edit_stale_base": ("worker push", push(mutation(3, new_visit, "visit", {"rationale": "Edited offline"}, 0))),
        "push_service_owned": ("worker push", push(mutation(4, new_visit, "visit", {"reviewed_by": "worker1"}, 1))),
        "push_approve_self": ("worker push", push(mutation(5, new_visit, "visit", {"state": "approved"}, 1))),
        "push_edit_approved": ("worker push", push(mutation(6, "@APPROVED@", "visit", {"rationale": "Late correction"}, 1))),
        "push_z_delete": ("worker push", push(mutation(7, new_visit, "visit", None, 1, op="delete"))),
        "push_bad_uuid": ("worker push", push(mutation(8, "nope", "visit", {}))),
        "push_bad_type": ("worker push", push(mutation(9, new_visit, "meeting", {}))),
        "push_bad_base_rev": ("worker push", push(mutation(10, new_visit, "visit", {}, -1))),
        "push_unknown_field": ("worker push", push(mutation(11, new_visit, "visit", {}, 0, extra=1))),
        "push_invalid_patch": ("worker push", push(mutation(12, new_visit, "visit", {"announced": "yes"}))),
        "push_other_child": ("worker push", push(mutation(13, "e0000000-0000-4000-8000-000000000002", "visit",
                                                          dict(visit_patch, children=[dict(VISIT["children"][0])])))),
        "push_empty": ("worker push", push()),
        "push_not_array": ("worker push", {"mutations": {}}),
        "push_admin": ("admin push", push(mutation(14, new_visit, "visit", visit_patch))),
        "push_manager": ("manager push", push(mutation(15, new_visit, "visit", {"rationale": "Manager edit"}, 1))),
        "push_child_record": ("worker push", push(mutation(16, "@CHILD@", "child", {"preferred_name": "Mimi"}, 1))),
        "push_direct_work": ("worker push", push(mutation(17, "e0000000-0000-4000-8000-000000000003", "direct_work",
                                                          {k: v for k, v in dict(DIRECT, child_ids=["@CHILD@"]).items() if k not in ("id", "type", "schema")}))),
        "pull_first": ("worker pull", b"limit=50"),
        "pull_manager": ("manager pull", b""),
        "pull_bad_cursor": ("worker pull", b"cursor=%%%&limit=5"),
        "pull_cursor": ("worker pull", b"cursor=djE6MDoxMA&limit=1"),
        "pull_limit_zero": ("worker pull", b"limit=0"),
        "pull_admin": ("admin pull", b""),
        "queue_manager": ("manager queue", b""),
        "queue_worker": ("worker queue", b""),
        "review_approve": ("manager review @RECORD@", {"decision": "approve", "rationale": "Thorough; views recorded.", "seen_rev": 1}),
        "review_return": ("manager review @RECORD@", {"decision": "return", "rationale": "Add the analysis.", "seen_rev": 1}),
        "review_no_rationale": ("manager review @RECORD@", {"decision": "return", "seen_rev": 1}),
        "review_stale": ("manager review @RECORD@", {"decision": "approve", "rationale": "ok", "seen_rev": 999}),
        "review_by_worker": ("worker review @RECORD@", {"decision": "approve", "rationale": "mine", "seen_rev": 1}),
        "review_bad_id": ("manager review nope", {"decision": "approve", "rationale": "x", "seen_rev": 1}),
        "login_ok": ("worker login", {"username": "worker1", "password": "fuzz-password", "device_name": "tablet"}),
        "login_wrong": ("worker login", {"username": "worker1", "password": "wrong", "device_name": "tablet"}),
        "login_types": ("worker login", {"username": 1, "password": None}),
        "refresh_bogus": ("worker refresh", {"refresh_token": "abc", "device_id": "d0000000-0000-4000-8000-000000000001"}),
    }
    for name, (head, body) in seeds.items():
        data = body if isinstance(body, bytes) else dump(body).replace(b"\"@AUTHOR@\"", b"\"@WORKER@\"")
        write("service", name, head.encode() + b"\n" + data)


if __name__ == "__main__":
    shutil.rmtree(os.path.join(HERE, "corpus"), ignore_errors=True)
    wire_and_rules()
    merge()
    service()
    for t in sorted(os.listdir(os.path.join(HERE, "corpus"))):
        print(t, len(os.listdir(os.path.join(HERE, "corpus", t))), "seeds")
