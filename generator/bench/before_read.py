"""The importer as it was before anyone read a set's misses: the commit that added each set
(the dev set's: when its second half, 036–060, was added), and code of such a commit run apart
from this checkout. Rules drawn from a set's misses score it well; these are the honest
figures of what a change adds on posts it was not drawn from."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .importer import ROOT

FIRST_SEEN = {"dev": "90fa379", "heldout": "bc47c39", "heldout2": "4180f64", "heldout3": "462548d",
              "heldout4": "aef8a32", "heldout5": "c3082fe",
              "dev2": "ffe962b", "heldout6": "b86245d", "heldout7": "b86245d", "heldout8": "b86245d",
              "heldout9": "0575a8e", "heldout10": "0575a8e", "heldout11": "bbfb36f",
              "heldout12": "869849a", "heldout13": "bff86b3", "heldout14": "bff86b3",
              "heldout15": "4ecfb12", "heldout16": "18cc8e6", "heldout17": "e709bff",
              "heldout18": "3c227f8", "heldout19": "3c227f8", "heldout20": "3c227f8", "heldout21": "3c227f8",
              "heldout22": "e2edbbb", "heldout23": "e2edbbb"}
# dev2: annotated before any importer ran on it; held-out 6–8: the importer of b86245d, the last
# before anyone read their misses (December 2026); held-out 9: 0575a8e's, scored unseen before it was
# read; held-out 10: 0575a8e's too, scored unseen before it was read; held-out 11: bbfb36f's, scored
# unseen before it was read; held-out 12: 869849a's, scored
# unseen before it was read; held-out 13: bff86b3's, scored unseen before it was read; held-out
# 14: bff86b3's too (also scored unseen at 7e51d0f), scored unseen before it was read; held-out
# 15: 4ecfb12's (also scored unseen at bff86b3), scored unseen before it was read; held-out
# 16: 18cc8e6's (also scored unseen at 25cce9c and ad635e5), scored unseen before it was read;
# held-out 17: e709bff's (also scored unseen at 25cce9c, ad635e5, 18cc8e6 and b36aaf3), scored unseen
# before it was read; held-out 18 and 19: 3c227f8's (also scored unseen at 405c175), scored unseen
# before it was read; held-out 20 and 21: 3c227f8's (scored unseen three times, at the end of
# session 26, at 432bc6e and at e74e033), scored unseen before it was read; held-out 22 and 23:
# e2edbbb's (scored unseen three times, at the end of session 27, at the start of session 28 with
# e2edbbb, and at 6200bbc), scored unseen before it was read; never held-out 24–27: unseen


def run_at(commit: str, script: str, args: list[str], trees: Path) -> str:
    """What `python -c script args` prints, run in the tree of `commit` (its content/ too),
    kept under `trees` for the next run at that commit."""
    tree = trees / commit
    if not tree.exists():
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return subprocess.run([sys.executable, "-c", script, *args], cwd=tree, check=True, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(tree)}).stdout
