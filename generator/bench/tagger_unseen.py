"""The organisation tagger against the rules as they were before anyone read a set's misses.

    .venv/bin/python -m generator.bench.tagger_unseen

The rules now score 94–98% on every set that can be read, because they were drawn from those
sets' misses: left-out figures of the rules, or of a combination leaning on them, say little
about unseen posts. So each held-out set is also scored with the rules of the commit that added
its annotations (UNSEEN_AT: the importer had not yet been tuned on it), run from `git archive`
of that commit, and combined with a tagger trained without that set. These are the honest
figures of what the tagger adds to rules on posts they were not drawn from (dev2 too: it was
annotated before any importer ran on it, at the rules of ffe962b)."""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

from ..importer.extract import Extracted
from ..importer.organizations import Mention
from ..importer.tagger_names import combine
from .before_read import FIRST_SEEN, run_at
from .importer import SETS, Tally, score_post
from .tagger_folds import figures, tag_posts
from .train_tagger import Post, read_sets, train

UNSEEN_AT = {name: commit for name, commit in FIRST_SEEN.items() if name != "dev"}
OLD_RULES = """
import json, sys
from pathlib import Path
from generator.bench.importer import load_dev_set
from generator.importer.extract import extract
from generator.records.validate import validate_content
records = validate_content(Path("content")).records
print(json.dumps({p["file"]: extract(t, records).organizations for p, t in load_dev_set(Path(sys.argv[1]))}))
"""
WAYS = (("rules", 0.0), ("tagger", 0.0), ("tagger", 0.5), ("union", 0.0), ("union", 0.5), ("union", 0.8),
        ("tagger_first", 0.5))


def rules_then(set_name: str, folder: Path) -> dict[str, list[str]]:
    """What the importer of UNSEEN_AT[set_name] found in each post of the set (run apart)."""
    return dict(json.loads(run_at(UNSEEN_AT[set_name], OLD_RULES, [str(SETS[set_name])], folder)))


def located(text: str, name: str) -> Mention:
    """Where a name the old rules reported is written (zero-width where it is not, as written)."""
    match = re.compile(r"\s*".join(re.escape(part) for part in name.split())).search(text)
    return Mention(match.start(), match.end(), match.group(0)) if match else Mention(0, 0, name)


def main(argv: list[str] | None = None) -> int:
    posts = read_sets()
    pooled: dict[str, Tally] = {}
    print(f"{'found / real':<22}" + " | ".join(f"{how}@{t}".rjust(17) for how, t in WAYS))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for set_name in UNSEEN_AT:
            old = rules_then(set_name, folder)
            model = folder / f"without-{set_name}.crfsuite"
            train([p for p in posts if p.set != set_name], model, False)
            test: list[Post] = [p for p in posts if p.set == set_name]
            tagged = tag_posts(model, test, False)
            cells = []
            for how, threshold in WAYS:
                tally = Tally()
                for post in test:
                    mentions = [located(post.text, name) for name in old[post.file]]
                    names = combine(post.text, mentions, tagged[f"{post.set}/{post.file}"], how, threshold)
                    score_post(post.annotation, Extracted(organizations=names), tally)
                    score_post(post.annotation, Extracted(organizations=names),
                               pooled.setdefault(f"{how}@{threshold}", Tally()))
                found, real = figures(tally)
                cells.append(f"{found:>8.0%} {real:>4.0%}")
            print(f"{set_name + ' @' + UNSEEN_AT[set_name]:<22}" + " | ".join(cells))
    print(f"{'pooled':<22}" + " | ".join(f"{figures(t)[0]:>8.0%} {figures(t)[1]:>4.0%}" for t in pooled.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
