"""Ctrl-C during a load: the first asks for a stop, the second leaves at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from claimgraph.cli._interrupt import EXIT_INTERRUPTED, StopOnInterrupt


def test_first_ctrl_c_stops_the_input_after_the_item_in_hand():
    taken = []
    with StopOnInterrupt() as stop:
        for item in stop.guard(range(10)):
            taken.append(item)
            if item == 3:
                os.kill(os.getpid(), signal.SIGINT)
    assert stop.requested
    assert taken == [0, 1, 2, 3]


def test_the_previous_handler_comes_back_afterwards():
    before = signal.getsignal(signal.SIGINT)
    with StopOnInterrupt():
        assert signal.getsignal(signal.SIGINT) is not before
    assert signal.getsignal(signal.SIGINT) is before


def test_second_ctrl_c_exits_130_without_waiting():
    script = textwrap.dedent(
        """
        import os, signal, time
        from claimgraph.cli._interrupt import StopOnInterrupt
        with StopOnInterrupt(on_second=lambda: print("leaving", flush=True)):
            os.kill(os.getpid(), signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(30)
        print("not reached")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=20
    )
    assert done.returncode == EXIT_INTERRUPTED
    assert done.stdout.strip() == "leaving"
