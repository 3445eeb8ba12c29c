"""The newest committed ``seq`` of each tournament, as far as this process has heard.

The hub sees every committed event: this process's own commits (``Hub.publish``) and, on
PostgreSQL, every other server's through LISTEN/NOTIFY (``Hub.notify``). So a cached page
built at seq N can be answered without asking the database while the board still says N
(``web/cache.py``). A server that has not yet heard of N+1 answers N; the page's live feed
resumes from the seq the page was built at and brings the rest.

The board is trusted only while it hears everything: always on SQLite (one server
process), and on PostgreSQL only while the LISTEN connection is up. When the listener loses
its connection the board forgets everything (readers go back to the database); when LISTEN
is in place again it starts a new epoch, and values read from the database count only if
their read started in the current epoch (a read from before may predate commits whose
notifications were lost).
"""

from __future__ import annotations


class SeqBoard:
    def __init__(self, trusted: bool = True) -> None:
        self.trusted = trusted
        self.epoch = 0
        self._seqs: dict[int, int] = {}

    def saw(self, tournament_id: int, seq: int) -> None:
        """Events up to ``seq`` of the tournament are committed (a commit or a NOTIFY)."""
        if seq > self._seqs.get(tournament_id, -1):
            self._seqs[tournament_id] = seq

    def read(self, tournament_id: int, seq: int, epoch: int) -> None:
        """The database said ``seq`` in a read that started in ``epoch``."""
        if epoch == self.epoch and self.trusted:
            self.saw(tournament_id, seq)

    def current(self, tournament_id: int) -> int | None:
        """The newest seq heard of, or None when the board cannot vouch for it."""
        return self._seqs.get(tournament_id) if self.trusted else None

    def distrust(self) -> None:
        """Notifications may be lost from now on (the listener's connection is gone)."""
        self.trusted = False
        self.epoch += 1
        self._seqs.clear()

    def trust(self) -> None:
        """Every commit from now on will be heard of (LISTEN is in place)."""
        self.epoch += 1
        self._seqs.clear()
        self.trusted = True
