"""The update-path benchmark measures what it says: every update of the crowd is
answered and counted, for Baton and for the minimal bot, each as its own process."""

import pytest

from bench.updates import one_run

# Baton: /new, department, type, a text, a choice, Skip, priority, the picker's Skip,
# Send; then Take, Done
BATON_UPDATES_PER_REQUEST = 9 + 2
MINIMAL_UPDATES_PER_REQUEST = 2 + 8


@pytest.mark.parametrize(("bot", "per_request"), [("baton", BATON_UPDATES_PER_REQUEST),
                                                   ("minimal", MINIMAL_UPDATES_PER_REQUEST)])
async def test_every_update_of_the_crowd_is_answered_and_counted(bot, per_request):
    run = await one_run(bot, 3, rate=0, duration=0, requests_per_user=1)
    assert run.results.timeouts == 0 and run.refused == 0
    assert run.results.filed == 3
    assert run.updates == 3 * per_request == len(run.results.all)
    if bot == "baton":
        assert run.results.finished == 3  # the executors took and finished every card
    assert run.cpu_seconds > 0 and run.peak_rss_mib > 0
    assert 0 < run.percentile(0.5) <= run.percentile(0.99)
