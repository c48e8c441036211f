"""Work on a second thread, beside the main one: one SQL statement, which lets go of
Python's lock while SQLite runs it, so that the main thread reads a file meanwhile; and
Ctrl-C held while such work starts or stops, so that it never lands half-way."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

T = TypeVar("T")
STOP_CHECK_S = 0.01  # how often a statement being stopped is interrupted again (wait_for)


class Worker(threading.Thread, Generic[T]):
    """One statement's work (a table's write, a deck's read) on a thread of its own; `result`
    waits for it, and gives what the work returned or raises what it raised."""

    def __init__(self, work: Callable[[], T]) -> None:
        super().__init__(name="quizkit-sql")
        self._work = work
        self._outcome: T | BaseException | None = None
        # set when the work is over: Thread.join, stopped by Ctrl-C, may take a thread still
        # running for ended (CPython bpo-46726), an Event does not
        self.done = threading.Event()

    def run(self) -> None:
        try:
            self._outcome = self._work()
        except BaseException as error:  # handed over to the main thread
            self._outcome = error
        finally:
            self.done.set()

    def result(self) -> T:
        self.done.wait()
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        return self._outcome  # type: ignore[return-value]


def wait_for(worker: Worker[Any], interrupt: Callable[[], None], stop: bool = False) -> None:
    """Wait for `worker`'s work to end, even through Ctrl-C, which is raised once it has:
    the connection must not be used or closed under it. `stop`, or Ctrl-C: stop its
    statement (`interrupt`), again until it ends (SQLite forgets an interrupt that comes
    before the statement has begun)."""
    pressed = False
    while not worker.done.is_set():
        if stop or pressed:
            interrupt()
        try:
            worker.done.wait(STOP_CHECK_S if stop or pressed else None)
        except KeyboardInterrupt:
            pressed = True
    if pressed:
        raise KeyboardInterrupt


@contextmanager
def ctrl_c_held(on_press: Callable[[], None]) -> Iterator[threading.Event]:
    """Ctrl-C noted, and `on_press` called, rather than raised wherever it lands: raised
    where the caller checks (`stop_if`), or as the end of whatever error follows it. Only
    in the main thread (where Python takes signals) over Python's own handler."""
    pressed = threading.Event()
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield pressed
        return

    def note(_signal: int, _frame: object) -> None:
        pressed.set()
        on_press()

    signal.signal(signal.SIGINT, note)
    try:
        yield pressed
    except BaseException:
        if pressed.is_set():
            raise KeyboardInterrupt from None  # (an interrupted statement, say)
        raise
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    stop_if(pressed)  # pressed after the last look: the load still stops


def nothing() -> None:
    """What a Ctrl-C held over a few short statements does at once: nothing."""


def stop_if(pressed: threading.Event) -> None:
    if pressed.is_set():
        raise KeyboardInterrupt
