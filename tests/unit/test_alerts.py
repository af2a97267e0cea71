"""The alert planner: what is due when, for each state of a request."""

from datetime import UTC, datetime, timedelta

import pytest

from core.alerts import Clocks, plan, rating_expires_at, select_due
from tests.conftest import example_org

MSK = timedelta(hours=3)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC) - MSK


ORG = example_org()
NEW = Clocks("new", at(23, 12), 7200, at(24, 10), 32400, None)


def kinds(alerts):
    return [(a.kind, a.clock, a.at) for a in alerts]


def test_new_request_plans_reminders_and_breaches_of_both_clocks():
    assert kinds(plan(NEW, ORG)) == [
        ("remind", "response", at(23, 11, 30)),
        ("breach", "response", at(23, 12)),
        ("remind", "resolve", at(23, 16, 45)),
        ("breach", "resolve", at(24, 10)),
    ]


def test_in_progress_has_only_the_resolution_clock():
    clocks = Clocks("in_progress", at(23, 12), 7200, at(24, 10), 32400, None)
    assert [a.clock for a in plan(clocks, ORG)] == ["resolve", "resolve"]


@pytest.mark.parametrize("status", ["waiting", "rejected", "cancelled"])
def test_paused_or_final_requests_plan_nothing(status):
    assert plan(Clocks(status, at(23, 12), 7200, at(24, 10), 32400, None), ORG) == []


def test_on_review_plans_rating_reminder_and_auto_close_in_working_days():
    clocks = Clocks("on_review", None, 7200, None, 32400, at(23, 11))
    assert kinds(plan(clocks, ORG)) == [
        ("rate_remind", None, at(24, 11)),  # ask_after 0s, remind_after 1d
        ("auto_close", None, at(26, 11)),  # auto_close_after 3d
    ]
    assert rating_expires_at(at(23, 11), ORG) == at(26, 11)


def test_rated_and_accepted_plans_nothing_and_auto_closed_never_reminds():
    assert plan(Clocks("closed", None, 0, None, 0, at(23, 11), rated=True), ORG) == []
    assert plan(Clocks("closed", None, 0, None, 0, at(23, 11), auto_closed=True), ORG) == []
    unrated = plan(Clocks("closed", None, 0, None, 0, at(23, 11)), ORG)
    assert [a.kind for a in unrated] == ["rate_remind"]


def test_delayed_rating_question_when_ask_after_is_set():
    org = example_org(rating={"ask_after": "2h", "remind_after": "1d", "auto_close_after": "3d"})
    clocks = Clocks("on_review", None, 0, None, 0, at(23, 11))
    assert kinds(plan(clocks, org))[:2] == [("rate_ask", None, at(23, 13)),
                                            ("rate_remind", None, at(24, 13))]


def test_a_breach_makes_missed_reminders_stale_and_keys_name_the_deadline():
    alerts = plan(NEW, ORG)
    send, skipped, upcoming = select_due(alerts, set(), at(23, 12, 5))
    assert [(a.kind, a.clock) for a in send] == [("breach", "response")]
    assert [(a.kind, a.clock) for a in skipped] == [("remind", "response")]
    assert upcoming == at(23, 16, 45)
    sent = {a.key for a in send + skipped}
    assert select_due(alerts, sent, at(23, 12, 5))[0] == []
    moved = Clocks("new", at(23, 15), 7200, at(24, 10), 32400, None)  # e.g. after a transfer
    fresh, _, _ = select_due(plan(moved, ORG), sent, at(23, 15, 1))
    assert [(a.kind, a.clock) for a in fresh] == [("breach", "response")]


def test_several_reminder_fractions_send_only_the_latest_due():
    org = example_org(sla={"remind_at": [0.5, 0.75], "escalate": True, "stale_after": "2d"})
    send, skipped, _ = select_due(plan(NEW, org), set(), at(23, 11, 40))
    assert [a.fraction for a in send] == [0.75]
    assert [a.fraction for a in skipped] == [0.5]


def test_a_resumed_resolution_clock_is_not_reminded_or_escalated_again():
    """A question and its answer move the resolution deadline without making the
    request any less late: what was sent about that clock is not sent again."""
    working = Clocks("in_progress", None, 7200, at(24, 10), 32400, None)
    reminded, _, _ = select_due(plan(working, ORG), set(), at(23, 17))
    assert [(a.kind, a.clock) for a in reminded] == [("remind", "resolve")]
    resumed = Clocks("in_progress", None, 7200, at(24, 11), 32400, None)  # an hour's pause
    sent = {a.key for a in reminded}
    assert select_due(plan(resumed, ORG), sent, at(23, 18))[0] == []
    breached, _, _ = select_due(plan(resumed, ORG), sent, at(24, 11, 1))
    assert [(a.kind, a.clock) for a in breached] == [("breach", "resolve")]
    sent |= {a.key for a in breached}
    again = Clocks("in_progress", None, 7200, at(24, 12), 32400, None)  # asked again, late
    assert select_due(plan(again, ORG), sent, at(24, 12, 1))[0] == []


def test_a_resolution_alert_stored_with_its_deadline_still_counts():
    """Rows written before the resolution keys named the clock alone."""
    working = Clocks("in_progress", None, 7200, at(24, 10), 32400, None)
    old_breach = f"resolve:breach:{int(at(24, 10).timestamp())}"
    old_remind = f"resolve:0.75:{int(at(24, 10).timestamp())}"
    assert select_due(plan(working, ORG), {old_breach, old_remind}, at(24, 10, 1))[0] == []


def test_awaiting_approval_plans_one_reminder_then_the_admins_in_working_time():
    # asked on Monday at 16:00 with a 4h reminder: 2h left that day, 2h on Tuesday
    clocks = Clocks("approval", None, 7200, None, 32400, None,
                    approval_asked_at=at(23, 16), approval_remind_s=4 * 3600)
    assert [(a.key, a.kind, a.at) for a in plan(clocks, ORG)] == [
        ("approval:remind", "approval_remind", at(24, 11)),
        ("approval:escalate", "approval_escalate", at(24, 15))]
    # a scheduler that was down sends the escalation alone
    send, skipped, upcoming = select_due(plan(clocks, ORG), set(), at(25, 10))
    assert [a.kind for a in send] == ["approval_escalate"]
    assert [a.kind for a in skipped] == ["approval_remind"]
    assert upcoming is None
    # decided: nothing more
    assert plan(Clocks("new", None, 7200, None, 32400, None,
                       approval_asked_at=at(23, 16), approval_remind_s=14400), ORG) == []
