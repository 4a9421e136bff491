"""Home, a profile, the API listing and site search at two register sizes
(issue 9, "Done when" 2).

Seeds (or reuses) a PostgreSQL database per size with ``seed_demo
--associations N`` (default 5 000 and 20 000; the same databases as
``directory.py``), then in a child process per size requests through Django's
test client, round-robin: the StandardPage ``/om/`` (the reference), the home
page ``/``, an association's profile, ``/api/v2/associations/`` and site
search ``/sok/?q=förening``; warm (median, p95) and right after a real publish
of an association, with the queries of one request each way. Prints the
figures, the growth between the sizes and issue 9's thresholds as PASS/FAIL
lines. Exits 0 whatever the verdicts; 2 if it could not measure.

    uv run python bench/pages.py                  # 5000,20000 on PostgreSQL
    uv run python bench/pages.py --quick          # 500,2000, 5 rounds
    uv run python bench/pages.py --sqlite --sizes 500,2000 --repeat 5
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # see bench/_common.py

import argparse  # noqa: E402
from urllib.parse import quote  # noqa: E402

from bench import _inprocess  # noqa: E402
from bench._common import run_script  # noqa: E402

TARGETS = [
    _inprocess.STANDARD_PAGE,
    _inprocess.Target("home", "/", warm_limit=1.5),
    _inprocess.Target("profile", _inprocess.PROFILE, warm_limit=1.5),
    _inprocess.Target("API listing", "/api/v2/associations/", warm_limit=1.5),
    _inprocess.Target("site search", f"/sok/?q={quote('förening')}", warm_limit=3.0),
]


def main(options: argparse.Namespace) -> int:
    return _inprocess.run(options, __file__, TARGETS)


if __name__ == "__main__":
    run_script(main, __doc__)
