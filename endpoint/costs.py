"""What a query is expected to cost, from what earlier queries cost: the memory behind the query lanes.

Two bounded LRU memories of CPU seconds (the query worker's own `time.process_time()` for the request):

* by **text** (comments dropped, whitespace collapsed): the same query asked again;
* by **shape** (the text with IRIs, strings, numbers and instance-like prefixed names such as `wd:Q7747`
  replaced by placeholders): a query never seen before that differs from known ones only in its
  constants.  A load of "facts about entity X" queries, or a heavy report asked for one more country,
  takes the lane its shape earned at once instead of occupying a cheap worker first.  The shape's cost is
  an exponentially weighted mean (recent runs count most), so one unlucky constant does not brand the
  shape for long.

The text's own cost wins when known.  Lanes: `fast` (unknown, or cheaper than `medium_after`), `medium`
(up to `slow_after`), `slow` (more, or timed out).  The costs are CPU seconds, not wall time: on a busy
machine a cheap query can wait for a core longer than any threshold and must not be taken for a slow one.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

# a long string, short string or IRI (kept: group 1), else a comment (dropped): '#' inside the first ones is not
# a comment.  `<` is an IRI only when the IRIREF characters follow it up to `>` (so `?a < ?b` is not one).
_SPARQL_COMMENT = re.compile(
    r"""('''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\x00-\x20]*>)|#[^\n]*""")

# constants of a query, for its shape: strings, IRIs, variables (kept as they are, so that `?x1` is not read
# as a number), prefixed names whose local part has a digit (instances: wd:Q7747, ex:item42; vocabulary terms
# such as schema:headline are structure and are kept), and numbers.
_CONSTANT = re.compile(
    r"""(?P<s>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
    r"""|(?P<i><[^<>"{}|^`\\\x00-\x20]*>)"""
    r"""|(?P<v>[?$]\w+)"""
    r"""|(?P<p>\b[A-Za-z][\w.-]*:[\w.-]*\d[\w.-]*)"""
    r"""|(?P<n>(?<![\w:])[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)""")
_PLACEHOLDER = {"s": '""', "i": "<>", "p": "_:c", "n": "0"}


@dataclass
class Cost:
    seconds: float  # CPU seconds of the last run (text) or their weighted mean (shape)
    timed_out: bool = False


class CostMemory:
    """Query text and shape -> cost of recent runs; bounded LRUs (the least recently used entry goes first)."""

    def __init__(self, size: int = 4096, slow_after: float = 0.2, medium_after: float = 0.01,
                 shape_weight: float = 0.5) -> None:
        self.size = max(1, size)
        self.slow_after = slow_after
        self.medium_after = medium_after
        self.shape_weight = shape_weight  # weight of the newest run in a shape's mean
        self._costs: OrderedDict[str, Cost] = OrderedDict()
        self._shapes: OrderedDict[str, Cost] = OrderedDict()

    @staticmethod
    def key(query: str) -> str:
        """Comment- and whitespace-insensitive key: clients (and cache-busting tools) often vary only a `# ...`
        comment, which must not make a known-slow query look new.  Strings and IRIs are kept as they are."""
        if "#" in query:
            query = _SPARQL_COMMENT.sub(lambda m: m.group(1) or " ", query)
        return " ".join(query.split())

    @staticmethod
    def shape(key: str) -> str:
        """The shape of a text key: its constants replaced by placeholders (see the module docstring)."""
        return _CONSTANT.sub(lambda m: m.group("v") or _PLACEHOLDER[m.lastgroup or "n"], key)

    def get(self, key: str) -> Cost | None:
        cost = self._costs.get(key)
        if cost is not None:
            self._costs.move_to_end(key)
        return cost

    def estimate(self, key: str, shape: str | None = None) -> Cost | None:
        """The text's cost if known, else its shape's (None: never seen)."""
        cost = self.get(key)
        if cost is None and shape is not None:
            cost = self._shapes.get(shape)
            if cost is not None:
                self._shapes.move_to_end(shape)
        return cost

    def _class(self, cost: Cost | None) -> str:
        if cost is None:
            return "fast"
        if cost.timed_out or cost.seconds > self.slow_after:
            return "slow"
        return "medium" if cost.seconds > self.medium_after else "fast"

    def lane(self, key: str, shape: str | None = None) -> str:
        """"fast", "medium" or "slow" for a query of this text (and shape)."""
        return self._class(self.estimate(key, shape))

    def is_slow(self, key: str, shape: str | None = None) -> bool:
        return self.lane(key, shape) == "slow"

    def record(self, key: str, seconds: float, timed_out: bool = False, shape: str | None = None) -> None:
        self._costs[key] = Cost(seconds, timed_out)
        self._costs.move_to_end(key)
        while len(self._costs) > self.size:
            self._costs.popitem(last=False)
        if shape is None:
            return
        old = self._shapes.get(shape)
        if old is None or timed_out:
            new = Cost(seconds, timed_out)
        else:
            w = self.shape_weight
            new = Cost(w * seconds + (1 - w) * old.seconds, False)
            if old.timed_out:  # a timed-out run weighs as much as the slow threshold says, then fades
                new.seconds = max(new.seconds, w * seconds + (1 - w) * 2 * self.slow_after)
        self._shapes[shape] = new
        self._shapes.move_to_end(shape)
        while len(self._shapes) > self.size:
            self._shapes.popitem(last=False)

    def __len__(self) -> int:
        return len(self._costs)
