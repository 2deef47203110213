"""How `pytest -n N --dist loadfile` (`make test`) hands tests to its workers.

xdist's loadfile gives each worker whole files, those with the most tests first. Browser
tests are few and long, so their files came last and ran on one worker while the others sat
idle. Here every browser test is a unit of its own, handed out before any file, in
collection order (tests marked `slow` first: tests/conftest.py), so browser tests start
at once on every worker and the small files fill the gaps at the end. Every other test
still runs with the rest of its file, which keeps module-scoped fixtures (gunicorn
servers) to one worker.

Browser tests are transactional and empty the database after each test, so any test may
follow such a flush on its worker; the `_roles` fixture in tests/conftest.py restores
what the migrations made.
"""

from xdist.scheduler import LoadFileScheduling

BROWSER_TESTS = "tests/browser/"


class BrowserTestsFirst(LoadFileScheduling):
    """loadfile, except that browser tests go first and one at a time."""

    def _split_scope(self, nodeid: str) -> str:
        if nodeid.startswith(BROWSER_TESTS):
            return nodeid
        return super()._split_scope(nodeid)

    def _assign_work_unit(self, node) -> None:
        browser_test = next(
            (unit for unit in self.workqueue if unit.startswith(BROWSER_TESTS)), None
        )
        if browser_test is not None:
            self.workqueue.move_to_end(browser_test, last=False)
        super()._assign_work_unit(node)
