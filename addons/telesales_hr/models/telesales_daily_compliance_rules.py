# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The rules of a compliance day (SPEC §4), as plain functions.

No ORM here: the model gathers the figures of a whole range set-based
(schedules, calls, attendance) and these functions judge one agent-day from
them, so that tests can call them directly with hand-made figures.

``params`` is the dict of a company's settings in the units used here
(seconds, whole minutes), built by ``telesales.daily.compliance._company_params``.
"""

import math

TIER_SELECTION = [
    ("none", "On Time"),
    ("minor", "Minor"),
    ("major", "Major"),
    ("absence", "Half-day Absence"),
]
ABSENCE_SELECTION = [
    ("none", "None"),
    ("half", "Half Day"),
    ("full", "Full Day"),
]
ABSENCE_DAYS = {"none": 0.0, "half": 0.5, "full": 1.0}
# KPI breach found by the daily computation -> company field holding its points
KPI_BREACH_POINTS = {
    "first_call": "telesales_kpi_first_call",
    "afternoon_call": "telesales_kpi_first_call",
    "no_overtime": "telesales_kpi_no_overtime",
    "early_leave": "telesales_kpi_early_leave",
    "late_arrival": "telesales_kpi_late",
    "absence": "telesales_kpi_absence",
}


def hours_label(seconds):
    """'3:29' for 12,599 seconds (hours:minutes, minutes truncated)."""
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}"


def clock(seconds):
    """'09:05:30' for 32,730 seconds after midnight."""
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def tier(minutes, params):
    """Lateness tier of whole minutes late (or early): ≤ minor limit, ≤
    major limit, beyond counts as half a day of absence."""
    if minutes <= 0:
        return "none"
    if minutes <= params["minor_minutes"]:
        return "minor"
    if minutes <= params["major_minutes"]:
        return "major"
    return "absence"


def day_share(expected):
    """Share of a full working day expected (less than 1 on a half-day leave)."""
    if expected["full_hours"]:
        return min(1.0, expected["hours"] / expected["full_hours"])
    return 1.0


def required_talk(params, share):
    """Talk seconds required on a day of ``share`` of a full working day."""
    return round(params["min_talk"] * share)


def call_facts(expected, params, calls):
    """The call figures of a day and its call targets prorated by its share."""
    share = day_share(expected)
    first = calls.get("first")
    noon = calls.get("noon")
    talk = calls.get("talk", 0)
    return {
        "day_share": share,
        "dials": calls.get("dials", 0),
        "connected_calls": calls.get("connected", 0),
        "required_connected_calls": math.ceil(params["min_connected"] * share - 1e-9),
        "talk_seconds": talk,
        "talk_hours": talk / 3600,
        "talk_seconds_total": calls.get("talk_total", 0),
        "required_talk_hours": required_talk(params, share) / 3600,
        "violation_calls": calls.get("violations", 0),
        "first_call_time": first / 3600 if first is not None else False,
        "afternoon_call_time": noon / 3600 if noon is not None else False,
    }


def attendance_facts(expected, params, punch):
    """(values, half-day absences, overtime seconds) of the day's punches
    (first check-in, last check-out, an attendance left open) against the
    shift; no punch at all is two half-day absences."""
    if not punch:
        return {}, 2, 0
    check_in, check_out, is_open = punch
    if is_open:
        check_out = False
    late = max(0, int((check_in - expected["start"]).total_seconds()))
    early = overtime = 0
    if check_out:
        early = max(0, int((expected["end"] - check_out).total_seconds()))
        overtime = max(0, int((check_out - expected["end"]).total_seconds()))
    late_tier = tier(late // 60, params)
    early_tier = tier(early // 60, params)
    vals = {
        "check_in": check_in,
        "check_out": check_out,
        "missing_check_out": is_open,
        "late_minutes": late // 60,
        "early_minutes": early // 60,
        "late_tier": late_tier,
        "early_tier": early_tier,
    }
    return vals, (late_tier == "absence") + (early_tier == "absence"), overtime


def day_facts(expected, params, calls, punch, pending):
    """The facts of one agent-day (minutes, counts, tiers, rule results).

    ``expected``: the day of the schedule ("start", "end" naive UTC,
    "hours", "full_hours", "morning", "afternoon"); ``calls``: the call
    figures of the day; ``punch``: (first check-in, last check-out, open) or
    None; ``pending``: why the day is provisional ("not_over",
    "no_attendance") or None when it is final. A provisional day shows its
    figures but carries no absence, no tier and no KPI breach.
    """
    vals = {
        "check_in": False,
        "check_out": False,
        "missing_check_out": False,
        "late_minutes": 0,
        "early_minutes": 0,
        "late_tier": "none",
        "early_tier": "none",
        "fail_connected": False,
        "fail_talk": False,
        "fail_first_call": False,
        "fail_afternoon_call": False,
        "fail_dial_cap": False,
        "fail_violations": False,
        "provisional": bool(pending),
        "provisional_reason": pending or False,
    }
    vals.update(call_facts(expected, params, calls))
    punched, half_absences, overtime = attendance_facts(expected, params, punch)
    vals.update(punched)
    if pending:
        # nothing is decided on a provisional day: no absence, no tier
        half_absences = 0
        vals.update(late_tier="none", early_tier="none")
    halves = expected["morning"] + expected["afternoon"]
    absence = "none"
    if half_absences:
        absence = "full" if half_absences >= 2 and halves >= 2 else "half"
    vals.update(
        absence=absence,
        absence_days=ABSENCE_DAYS[absence],
        warning_due=absence != "none",
    )
    # call targets; a day fully absent is an absence, not a missed target
    fails = {}
    if absence != "full":
        first = calls.get("first")
        noon = calls.get("noon")
        fails = {
            "fail_connected": vals["connected_calls"]
            < vals["required_connected_calls"],
            "fail_talk": vals["talk_seconds"]
            < required_talk(params, vals["day_share"]),
            "fail_first_call": expected["morning"]
            and (first is None or first >= params["first_call"]),
            "fail_afternoon_call": expected["afternoon"]
            and (noon is None or noon >= params["afternoon_call"]),
            "fail_dial_cap": 0 < params["max_dials"] < vals["dials"],  # 0: no cap
            "fail_violations": vals["violation_calls"] > 0,
        }
    vals.update(fails)
    compliant = absence != "full" and not any(fails.values())
    required_overtime = params["overtime"] if fails and not compliant else 0
    if pending:
        # the calls of a day not over are not all made yet
        compliant = compliant and pending != "not_over"
        required_overtime = 0
    color = 10 if compliant else (1 if absence != "none" else 2)
    vals.update(
        compliant=compliant,
        color=0 if pending else color,
        overtime_required_hours=required_overtime / 3600,
        overtime_hours=overtime / 3600,
        fail_overtime=overtime < required_overtime,
    )
    return vals


def reason_lines(vals, max_dials, env):
    """The reasons, in words, of a day from its stored figures (``vals``:
    field name -> value, the computation's values or a row read back, e.g.
    by an export), in the language of ``env``."""

    def seconds(hours):
        return round((hours or 0.0) * 3600)

    reasons = []
    if vals.get("provisional_reason") == "not_over":
        reasons.append(env._("Provisional: the day is not over yet"))
    elif vals.get("provisional_reason") == "no_attendance":
        reasons.append(env._("Provisional: no attendance imported for the day yet"))
    if vals.get("missing_check_out"):
        reasons.append(env._("No check-out"))
    if vals.get("late_minutes"):
        reasons.append(env._("Late by %(minutes)s min", minutes=vals["late_minutes"]))
    if vals.get("early_minutes"):
        reasons.append(
            env._("Left %(minutes)s min early", minutes=vals["early_minutes"])
        )
    if vals.get("absence") == "full":
        reasons.append(env._("Absent all day"))
    elif vals.get("absence") == "half":
        reasons.append(env._("Half-day absence"))
    if vals.get("fail_connected"):
        reasons.append(
            env._(
                "Connected calls %(done)s < %(required)s",
                done=vals.get("connected_calls") or 0,
                required=vals.get("required_connected_calls") or 0,
            )
        )
    if vals.get("fail_talk"):
        reasons.append(
            env._(
                "Talk time %(done)s < %(required)s",
                done=hours_label(vals.get("talk_seconds") or 0),
                required=hours_label(seconds(vals.get("required_talk_hours"))),
            )
        )
    # no call that half-day: None (or False, as stored)
    if vals.get("fail_first_call"):
        first = vals.get("first_call_time")
        reasons.append(
            env._("First call at %(time)s", time=clock(seconds(first)))
            if first is not None and first is not False
            else env._("No morning call")
        )
    if vals.get("fail_afternoon_call"):
        noon = vals.get("afternoon_call_time")
        reasons.append(
            env._("First afternoon call at %(time)s", time=clock(seconds(noon)))
            if noon is not None and noon is not False
            else env._("No afternoon call")
        )
    if vals.get("fail_dial_cap"):
        reasons.append(
            env._(
                "%(dials)s outbound calls > %(cap)s",
                dials=vals.get("dials") or 0,
                cap=max_dials,
            )
        )
    if vals.get("fail_violations"):
        reasons.append(
            env._("%(count)s calls with violations", count=vals.get("violation_calls"))
        )
    if vals.get("fail_overtime"):
        reasons.append(
            env._(
                "Overtime %(done)s of %(required)s required",
                done=hours_label(seconds(vals.get("overtime_hours"))),
                required=hours_label(seconds(vals.get("overtime_required_hours"))),
            )
        )
    return reasons
