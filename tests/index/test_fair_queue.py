"""FairQueue: weighted fair order between clients, by cost, without starvation."""

from __future__ import annotations

from index.fair_queue import FairQueue


def take_all(queue: FairQueue[str]) -> list[str]:
    return queue.take(lambda chosen, item: True, limit=len(queue))


def test_a_light_client_is_served_before_a_hog_that_queued_first() -> None:
    queue: FairQueue[str] = FairQueue()
    for i in range(5):
        queue.push(f"hog-{i}", client="hog", cost=100)
    queue.push("light-0", client="light", cost=20)
    queue.push("light-1", client="light", cost=20)
    assert take_all(queue) == ["light-0", "light-1", "hog-0", "hog-1", "hog-2", "hog-3", "hog-4"]


def test_equal_clients_alternate_and_ties_keep_arrival_order() -> None:
    queue: FairQueue[str] = FairQueue()
    for i in range(3):
        queue.push(f"a{i}", client="a", cost=10)
    for i in range(3):
        queue.push(f"b{i}", client="b", cost=10)
    assert take_all(queue) == ["a0", "b0", "a1", "b1", "a2", "b2"]


def test_nobody_starves_and_idle_time_earns_no_credit() -> None:
    queue: FairQueue[str] = FairQueue()
    for i in range(4):
        queue.push(f"a{i}", client="a", cost=10)
    assert queue.take(lambda chosen, item: True, limit=3) == ["a0", "a1", "a2"]
    # b arrives late: it starts at the clock (20), not at zero, so its three items do
    # not all jump a's last one (they would with tags 10, 20, 30 against 40)
    for i in range(3):
        queue.push(f"b{i}", client="b", cost=10)
    assert take_all(queue) == ["b0", "a3", "b1", "b2"]


def test_items_that_do_not_fit_stay_in_their_place() -> None:
    queue: FairQueue[str] = FairQueue()
    for name in ("long-1", "short-1", "long-2", "short-2"):
        queue.push(name, client=name, cost=10)
    shorts = queue.take(lambda chosen, item: item.startswith("short"), limit=8)
    assert shorts == ["short-1", "short-2"] and len(queue) == 2
    assert take_all(queue) == ["long-1", "long-2"]
