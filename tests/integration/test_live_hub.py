"""The hub's ordering and the sinks' limits, in process with a scripted event table: the
races that real servers produce only now and then (commits published out of order, hints
from other servers, pruned rows, a socket that stops reading), made to happen every time."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import pytest

from tests.helpers import until
from tournament.live import topic as topic_module
from tournament.live.hub import Hub, HubClosed
from tournament.live.messages import Message, event_message, text_frame
from tournament.live.sink import Limits, SocketSink

pytestmark = pytest.mark.asyncio(loop_scope="session")


class Table:
    """A scripted event table: ``commit`` makes events visible; reads are counted."""

    def __init__(self) -> None:
        self.rows: dict[int, Message] = {}
        self.reads = 0
        self.first_kept = 1

    def commit(self, seq: int) -> Message:
        self.rows[seq] = event_message(seq, "match.updated", {"id": seq})
        return self.rows[seq]

    async def last_seq(self, tournament_id: int) -> int:
        await asyncio.sleep(0)
        return max(self.rows, default=0)

    async def after(self, tournament_id: int, seq: int, limit: int = 500) -> list[Message]:
        self.reads += 1
        await asyncio.sleep(0)
        return [self.rows[s] for s in sorted(self.rows) if s > seq and s >= self.first_kept
                ][:limit]


class Recorder:
    def __init__(self) -> None:
        self.seqs: list[int] = []
        self.closed: int | None = None

    def deliver(self, message: Message) -> None:
        self.seqs.append(message.seq)

    def close(self, code: int) -> None:
        self.closed = code


async def test_commits_published_out_of_order_reach_subscribers_in_order():
    table = Table()
    hub = Hub(source=table)
    sink = Recorder()
    async with hub.subscribe(1, sink):
        hub.local_writes = 2  # two writers of this process are between commit and publish
        m1, m2, m3 = table.commit(1), table.commit(2), table.commit(3)
        hub.publish(1, 3, m3.text)
        hub.publish(1, 2, m2.text)
        assert sink.seqs == []  # 1 is missing: nothing is handed over out of order
        hub.publish(1, 1, m1.text)
        hub.local_writes = 0
        assert sink.seqs == [1, 2, 3]
        hub.publish(1, 2, m2.text)  # a late duplicate
        hub.publish(1, 3, m3.text)  # and one of the last seq handed over
        assert sink.seqs == [1, 2, 3]
        topic = hub.topics[1]
        await until(lambda: topic._worker is None or topic._worker.done(), what="worker idle")
        assert sink.seqs == [1, 2, 3] and topic.pending == {}
    assert table.reads == 0  # the gap closed by itself: no read


async def test_a_gap_that_does_not_close_is_read_from_the_table():
    table = Table()
    hub = Hub(source=table)
    sink = Recorder()
    async with hub.subscribe(1, sink):
        for seq in (1, 2, 3):
            table.commit(seq)  # committed, but this process never publishes 1 and 2
        hub.publish(1, 3, table.rows[3].text)
        await until(lambda: len(sink.seqs) >= 3)
        assert sink.seqs == [1, 2, 3]
        assert table.reads == 1


async def test_hints_from_other_servers_coalesce_into_one_read():
    table = Table()
    hub = Hub(source=table)
    sinks = [Recorder() for _ in range(3)]
    for s in sinks:
        await hub.join(7, s)
    for seq in range(1, 41):  # a burst committed elsewhere, one NOTIFY each
        table.commit(seq)
        hub.notify(7, seq)
    hub.notify(8, 40)  # no subscriber here: ignored
    await until(lambda: all(len(s.seqs) >= 40 for s in sinks))
    assert all(s.seqs == list(range(1, 41)) for s in sinks)
    assert table.reads <= 2
    for s in sinks:
        hub.leave(7, s)
    assert hub.topics == {}


async def test_a_subscriber_joins_after_the_baseline_and_misses_nothing():
    table = Table()
    for seq in range(1, 6):
        table.commit(seq)
    hub = Hub(source=table)
    early, late = Recorder(), Recorder()
    topic = await hub.join(3, early)
    assert topic.published == 5  # the table's last seq when the topic was made
    hub.publish(3, 6, table.commit(6).text)
    topic = await hub.join(3, late)
    hub.publish(3, 7, table.commit(7).text)
    assert early.seqs == [6, 7] and late.seqs == [7]
    hub.leave(3, early)
    hub.leave(3, late)


async def test_pruned_events_make_subscribers_resume():
    table = Table()
    hub = Hub(source=table)
    sink = Recorder()
    async with hub.subscribe(1, sink):
        for seq in range(1, 11):
            table.commit(seq)
        table.first_kept = 6  # 1..5 are gone before this process read them
        hub.notify(1, 10)
        await until(lambda: sink.closed is not None and hub.topics[1].published == 10)
        assert sink.seqs == [] and sink.closed == topic_module.RESYNC
        assert hub.topics[1].published == 10


async def test_shutdown_closes_subscribers_with_1001_and_refuses_new_ones():
    hub = Hub(source=Table())
    sink = Recorder()
    await hub.join(1, sink)
    hub.close_all(1001)
    assert sink.closed == 1001
    with pytest.raises(HubClosed):
        await hub.join(1, Recorder())
    hub.leave(1, sink)


class FakeSocket:
    """What SocketSink uses of a Starlette WebSocket, with a switchable stall."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.closed: int | None = None
        self.flowing = asyncio.Event()
        self.flowing.set()

    async def send_text(self, text: str) -> None:
        await self.flowing.wait()
        self.sent.append(text)

    async def close(self, code: int = 1000) -> None:
        self.closed = code


def seqs(sock: FakeSocket) -> list[int]:
    import json

    return [json.loads(t)["seq"] for t in sock.sent]


async def no_refill(after: int, upto: int) -> list[Message]:
    return []


async def test_a_sink_holds_events_during_the_replay_and_skips_what_it_covered():
    ws = FakeSocket()
    sink = SocketSink(ws, None, Limits(), no_refill)  # type: ignore[arg-type]
    for seq in (4, 5, 6):
        sink.deliver(event_message(seq, "t", {}))
    sink.start(5)  # the replay sent up to 5
    await until(lambda: len(ws.sent) >= 1)
    sink.deliver(event_message(7, "t", {}))
    await until(lambda: len(ws.sent) >= 2)
    assert seqs(ws) == [6, 7]
    await sink.finish()


async def test_a_gap_in_a_sink_is_filled_from_the_table():
    table = Table()
    for seq in range(1, 6):
        table.commit(seq)
    ws = FakeSocket()

    async def refill(after: int, upto: int) -> list[Message]:
        return [m for m in await table.after(1, after) if m.seq <= upto]

    sink = SocketSink(ws, None, Limits(), refill)  # type: ignore[arg-type]
    sink.start(1)
    sink.deliver(table.rows[5])
    await until(lambda: len(ws.sent) >= 4)
    assert seqs(ws) == [2, 3, 4, 5]
    await sink.finish()


async def test_a_sink_that_falls_behind_is_closed_and_never_blocks_the_publisher():
    ws = FakeSocket()
    ws.flowing.clear()  # the client stopped reading
    sink = SocketSink(ws, None, Limits(messages=10), no_refill)  # type: ignore[arg-type]
    sink.start(0)
    # deliver is a plain function (it cannot wait), and it decides at once: the sink is
    # closed by the delivery that passes its limit, before the publisher yields once
    assert not inspect.iscoroutinefunction(SocketSink.deliver)
    for seq in range(1, 30):
        assert sink.deliver(event_message(seq, "t", {"pad": "x" * 100})) is None
    assert sink.closed == 1013 and len(sink.backlog) == 0
    await until(lambda: ws.closed is not None)
    assert ws.closed == 1013
    await sink.finish()


class FakeProto:
    """The parts of uvicorn's websockets-sansio protocol that RawSocket reads."""

    def __init__(self) -> None:
        self.writable = asyncio.Event()
        self.writable.set()
        self.close_sent = False
        self.disconnected = False
        self.transport = self
        self.written: list[bytes] = []
        self.aborted = False

    def is_closing(self) -> bool:
        return self.aborted

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def abort(self) -> None:
        self.aborted = True
        self.disconnected = True

    def get_extra_info(self, name: str) -> Any:
        return None


async def test_the_fast_path_writes_one_shared_frame_and_drops_a_stuck_socket():
    from tournament.live.raw import RawSocket

    proto = FakeProto()
    ws = FakeSocket()
    sink = SocketSink(ws, RawSocket(proto), Limits(messages=5), no_refill)  # type: ignore[arg-type]
    sink.start(0)
    first = event_message(1, "t", {"a": "ü"})
    sink.deliver(first)
    assert proto.written == [text_frame(first.text.encode())]
    assert proto.written[0] is first.frame  # framed once, shared by every socket
    proto.writable.clear()  # the socket buffer is full
    for seq in range(2, 10):
        sink.deliver(event_message(seq, "t", {}))
    assert proto.aborted and sink.closed == 1013  # dropped at once, not after a close frame
    await sink.finish()


async def test_a_hint_that_arrives_while_the_table_is_read_is_not_lost():
    """NOTIFY for seq 2 lands while the read started before 2 committed is in flight: the
    worker must read again, not decide that 2 was announced but never written."""
    table = Table()
    hub = Hub(source=table)
    sink = Recorder()
    async with hub.subscribe(1, sink):
        original = table.after

        async def read_then_commit(tournament_id: int, seq: int,
                                   limit: int = 500) -> list[Message]:
            rows = await original(tournament_id, seq, limit)  # the snapshot: before 2
            if not table.rows.get(2):
                table.commit(2)
                hub.notify(1, 2)  # delivered after the commit, during this read
            return rows

        table.after = read_then_commit  # type: ignore[method-assign]
        table.commit(1)
        hub.notify(1, 1)
        await until(lambda: len(sink.seqs) >= 2)
        assert sink.seqs == [1, 2]
